//! [`Error`]: what a page or item stream yields when a listing cannot go on.

use std::error::Error as StdError;
use std::fmt;

use crate::{Cursor, CursorError};

/// Why a listing stopped early. Every variant carries a [`Cursor`]: where to resume.
///
/// A stream yields at most one error, then ends. For [`Error::Request`], resuming from
/// [`cursor`](Error::cursor) retries the failed page and loses or repeats nothing, unless the
/// failure was the service refusing the page's token for good (an expired continue token, HTTP
/// 410 on Kubernetes): retrying cannot help, and the listing must start over (see the
/// [`paging_styles`](crate::paging_styles) for what each style's services do).
#[non_exhaustive]
pub enum Error<E> {
    /// A page request failed.
    Request {
        /// The request's error.
        source: E,
        /// The position of the failed page: resuming there retries it.
        cursor: Cursor,
        /// How the operation describes its errors (for `Display`); match with `..`.
        #[doc(hidden)]
        describe: Describer<E>,
    },
    /// The service returned the token it had just been sent: the listing cannot go on, and
    /// ending it quietly would report a partial listing as complete. The default, unless the
    /// declaration says `duplicate_token = stop` (an API that ends its listings so) and no
    /// `more_results` flag says more follows, or the user chose otherwise with
    /// [`on_duplicate_token`](crate::Paginator::on_duplicate_token).
    DuplicateToken {
        /// After the items of the page that tripped the guard: resuming there asks for that page
        /// again, skips what was yielded, and meets whatever the service answers then.
        cursor: Cursor,
    },
    /// The service returned a token it had been sent earlier in this listing.
    TokenCycle {
        /// After the items of the page that tripped the guard. A resumed listing does not know
        /// the tokens sent before the cursor (guards do not span resumes): if the service still
        /// cycles, it follows the cycle once more before this guard trips again.
        cursor: Cursor,
    },
    /// The "more results" flag said more, but the page held no token to ask for them.
    MissingToken {
        /// After the items of the page that tripped the guard.
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

impl<E: 'static> fmt::Display for Error<E> {
    /// One line that says what happened; for a failed request, with what the request's error
    /// says and its causes (`service error: ...: NoSuchBucket: The specified bucket does not
    /// exist`), so that `eprintln!("{error}")` is enough.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Request {
                source, describe, ..
            } => {
                f.write_str("a page request failed")?;
                let mut text = String::new();
                let _ = fmt::write(&mut text, format_args!("{}", Described(source, describe.0)));
                // One line, whatever the error's own text looks like.
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    write!(f, ": {text}")?;
                }
                f.write_str(
                    " (resuming from the error's cursor retries this page; if the service refused \
                     the page's token, as an expired one, or the request's parameters, as a page \
                     size, only a fresh listing can go on)",
                )
            }
            Error::DuplicateToken { .. } => f.write_str(
                "the service returned the pagination token it was just sent, so the listing \
                 cannot go on (a service that ignores the token or start parameter does; an API \
                 that ends its listings so declares `duplicate_token = stop`, which stops there \
                 unless the page's more-results flag says more follows; on_duplicate_token sets \
                 what to do)",
            ),
            Error::TokenCycle { .. } => f.write_str(
                "the service returned a pagination token it was sent earlier in this listing \
                 (on_token_cycle sets what to do)",
            ),
            Error::MissingToken { .. } => f.write_str(
                "the page says more results follow but holds no pagination token to fetch them \
                 (on_missing_token sets what to do)",
            ),
            Error::Interrupted { .. } => f.write_str(
                "the listing was interrupted: the runtime its pages were fetched on shut down",
            ),
            Error::PageLimit { .. } => f.write_str("the page limit was reached"),
            Error::InvalidPageSize { .. } => f.write_str(
                "a page size of 0 cannot list anything; ask for at least 1 item a page, or leave the page size unset",
            ),
            Error::Cursor { source, .. } => {
                write!(f, "the listing cannot resume at its cursor: {source}")
            }
        }
    }
}

impl<E: StdError + 'static> StdError for Error<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Request { source, .. } => Some(source),
            Error::Cursor { source, .. } => Some(source),
            _ => None,
        }
    }
}

// --- What a request error says ----------------------------------------------------------------
//
// `Error<E>` is generic over any `E`, with no bound: a `Display` of `E`, or its chain of causes,
// cannot be reached from it. The code `#[paginate]` generates knows the concrete error type and
// picks the richest description it has (the chain of a `std::error::Error`, else `Display`);
// the engine puts the operation's choice in the error it yields, so that an error prints the
// same whatever failed before it in the process.

/// How an operation describes a request error of type `E`: its
/// [`describe_error`](crate::PaginatedOperation::describe_error).
pub struct Describer<E>(pub(crate) fn(&E, &mut fmt::Formatter<'_>) -> fmt::Result);

impl<E> Clone for Describer<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for Describer<E> {}

impl<E> fmt::Debug for Describer<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Describer(..)")
    }
}

struct Described<'a, E>(&'a E, fn(&E, &mut fmt::Formatter<'_>) -> fmt::Result);

impl<E> fmt::Display for Described<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.1)(self.0, f)
    }
}

impl<E: fmt::Debug> fmt::Debug for Error<E> {
    /// As derived, without the describer.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Request { source, cursor, .. } => f
                .debug_struct("Request")
                .field("source", source)
                .field("cursor", cursor)
                .finish(),
            Error::DuplicateToken { cursor } => f
                .debug_struct("DuplicateToken")
                .field("cursor", cursor)
                .finish(),
            Error::TokenCycle { cursor } => f
                .debug_struct("TokenCycle")
                .field("cursor", cursor)
                .finish(),
            Error::MissingToken { cursor } => f
                .debug_struct("MissingToken")
                .field("cursor", cursor)
                .finish(),
            Error::Interrupted { cursor } => f
                .debug_struct("Interrupted")
                .field("cursor", cursor)
                .finish(),
            Error::PageLimit { cursor } => {
                f.debug_struct("PageLimit").field("cursor", cursor).finish()
            }
            Error::InvalidPageSize { cursor } => f
                .debug_struct("InvalidPageSize")
                .field("cursor", cursor)
                .finish(),
            Error::Cursor { source, cursor } => f
                .debug_struct("Cursor")
                .field("source", source)
                .field("cursor", cursor)
                .finish(),
        }
    }
}

/// A request error, described by [`DescribeBoxed`] when it is a boxed `dyn Error`, by
/// [`DescribeError`] when it is a [`std::error::Error`] (its message and causes), by
/// [`DescribeDisplay`] when it only displays (in its alternate form, which error types such as
/// anyhow's use for their chain of causes), and not at all otherwise. Generated code calls
/// `(&&&ErrorValue(error)).describe(f)`, which picks the first that applies.
pub struct ErrorValue<'a, T>(pub &'a T);

impl<T> Clone for ErrorValue<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ErrorValue<'_, T> {}

/// Describes a boxed `dyn Error`: its message, then each cause's that adds something.
pub trait DescribeBoxed {
    /// Writes the description.
    fn describe(self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// Describes a [`std::error::Error`]: its message, then each cause's that adds something.
pub trait DescribeError {
    /// Writes the description.
    fn describe(self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// Describes an error through its `Display`.
pub trait DescribeDisplay {
    /// Writes the description.
    fn describe(self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// The `describe_error` method of a generated `PaginatedOperation` impl: the operation's error
/// described by the first of its `Error`, `Display` or boxed forms that it has
/// ([`ErrorValue`]'s autoref dispatch). A macro, so that each expansion names it in one line.
#[doc(hidden)]
#[macro_export]
macro_rules! __pagination_describe_error {
    () => {
        fn describe_error(
            error: &Self::Error,
            formatter: &mut $crate::__private::Formatter<'_>,
        ) -> $crate::__private::FmtResult {
            #[allow(unused_imports)]
            use $crate::__private::autoref::*;
            (&&&$crate::__private::ErrorValue(error)).describe(formatter)
        }
    };
}

/// Writes nothing: the error type has no `Display`.
pub trait DescribeNothing {
    /// Writes nothing.
    fn describe(self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// An error's message, then each cause's that adds something, joined by `": "`.
fn describe_chain(error: &(dyn StdError + 'static), f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(error);
    while let Some(error) = next {
        let text = error.to_string();
        // The SDK's errors often repeat their cause's text: say each thing once.
        if !text.is_empty() && !parts.iter().any(|part| part.contains(&text)) {
            parts.push(text);
        }
        next = error.source();
    }
    f.write_str(&parts.join(": "))
}

impl DescribeBoxed for &&&ErrorValue<'_, Box<dyn StdError + Send + Sync>> {
    fn describe(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        describe_chain(self.0.as_ref(), f)
    }
}

impl<T: StdError + 'static> DescribeError for &&ErrorValue<'_, T> {
    fn describe(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        describe_chain(self.0, f)
    }
}

impl<T: fmt::Display> DescribeDisplay for &ErrorValue<'_, T> {
    fn describe(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#}", self.0)
    }
}

impl<T> DescribeNothing for ErrorValue<'_, T> {
    fn describe(self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}
