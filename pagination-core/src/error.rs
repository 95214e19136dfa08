//! [`Error`]: what a page or item stream yields when a listing cannot go on.

use std::fmt;

use crate::{Cursor, CursorError};

/// Why a listing stopped early. Every variant carries a [`Cursor`]: where to resume.
///
/// A stream yields at most one error, then ends. For [`Error::Request`], resuming from
/// [`cursor`](Error::cursor) retries the failed page and loses or repeats nothing.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<E> {
    /// A page request failed.
    Request {
        /// The request's error.
        source: E,
        /// The position of the failed page: resuming there retries it.
        cursor: Cursor,
    },
    /// The service returned the token it had just been sent (and the duplicate-token guard is set
    /// to [`GuardPolicy::Error`](crate::GuardPolicy::Error)).
    DuplicateToken {
        /// The position the service pointed to.
        cursor: Cursor,
    },
    /// The service returned a token it had been sent earlier in this listing.
    TokenCycle {
        /// The position the service pointed to.
        cursor: Cursor,
    },
    /// The "more results" flag said more, but the page held no token to ask for them.
    MissingToken {
        /// The position after the last page.
        cursor: Cursor,
    },
    /// The task fetching pages ahead ([`prefetch`](crate::Paginator::prefetch)) was cancelled
    /// before the listing ended: the Tokio runtime it ran on shut down while the stream lived on.
    Interrupted {
        /// Where the listing continues.
        cursor: Cursor,
    },
    /// `max_pages` pages were fetched and the listing goes on (with the page-limit guard set to
    /// [`GuardPolicy::Error`](crate::GuardPolicy::Error)).
    PageLimit {
        /// Where the listing continues.
        cursor: Cursor,
    },
    /// [`page_size(0)`](crate::Paginator::page_size) was asked for: pages without items cannot
    /// make progress. Nothing was sent.
    InvalidPageSize {
        /// Where the listing starts.
        cursor: Cursor,
    },
    /// The listing could not start at its cursor: the request changed after
    /// [`resume_from`](crate::Paginator::resume_from), or the page at the cursor now holds fewer
    /// items than the cursor's offset (the listing changed since the cursor was made).
    Cursor {
        /// Why the cursor could not be honoured.
        source: CursorError,
        /// The cursor.
        cursor: Cursor,
    },
}

impl<E> Error<E> {
    /// Where the listing stood: for a failed request, where to retry.
    pub fn cursor(&self) -> &Cursor {
        match self {
            Error::Request { cursor, .. }
            | Error::DuplicateToken { cursor }
            | Error::TokenCycle { cursor }
            | Error::MissingToken { cursor }
            | Error::Interrupted { cursor }
            | Error::PageLimit { cursor }
            | Error::InvalidPageSize { cursor }
            | Error::Cursor { cursor, .. } => cursor,
        }
    }

    /// The request's error, if a page request failed.
    pub fn request_error(&self) -> Option<&E> {
        match self {
            Error::Request { source, .. } => Some(source),
            _ => None,
        }
    }

    /// The request's error by value, if a page request failed.
    pub fn into_request_error(self) -> Option<E> {
        match self {
            Error::Request { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl<E> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Request { .. } => {
                f.write_str("a page request failed; resume from the error's cursor to retry it")
            }
            Error::DuplicateToken { .. } => {
                f.write_str("the service returned the same pagination token it was sent")
            }
            Error::TokenCycle { .. } => f.write_str(
                "the service returned a pagination token it was sent earlier in this listing",
            ),
            Error::MissingToken { .. } => f.write_str(
                "the page says more results follow but holds no pagination token to fetch them",
            ),
            Error::Interrupted { .. } => f.write_str(
                "the listing was interrupted: the runtime its pages were fetched on shut down",
            ),
            Error::PageLimit { .. } => f.write_str("the page limit was reached"),
            Error::InvalidPageSize { .. } => f.write_str(
                "a page size of 0 cannot list anything; ask for at least 1 item a page, or leave the page size unset",
            ),
            Error::Cursor { .. } => f.write_str("the listing cannot resume at its cursor"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Request { source, .. } => Some(source),
            Error::Cursor { source, .. } => Some(source),
            _ => None,
        }
    }
}
