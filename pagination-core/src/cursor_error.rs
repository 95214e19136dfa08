//! Why a cursor was refused: [`CursorError`], and [`MalformedCursor`] for a string that is no
//! cursor. The cursor's encoding and the tokens' decoding both report them.

/// Why a cursor was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CursorError {
    /// The string is not a cursor, or not one of this kind of listing: see the reason.
    #[error("{0}")]
    Malformed(#[from] MalformedCursor),
    /// The cursor is well formed but was made for a request with other parameters, which it
    /// cannot name: a request whose `Debug` output does not show its fields (or hides their
    /// values), or a cursor made by a version of this crate that did not record them. Resuming
    /// there would list something else.
    #[error(
        "this cursor was made for a request with other parameters (which ones cannot be told \
         from the cursor); resume it with the request that produced it"
    )]
    RequestMismatch,
    /// The cursor is well formed but was made for a request whose named parameters differ from
    /// this one's. Resuming there would list something else.
    #[error(
        "this cursor was made for a request with another {}; resume it with the parameters that \
         produced it{}",
        describe_parameters(.parameters),
        skip_hint(.parameters)
    )]
    ParametersDiffer {
        /// The parameters that differ: the request's fields by name (a field holding nested
        /// parameters is named as a whole). On an AWS SDK operation, the input's fields as its
        /// builder's `Debug` output names them (`prefix`, `start_after`, `encoding_type`), and
        /// `"page size"` for its page size.
        parameters: Vec<&'static str>,
    },
    /// The cursor was made for another operation, or its tokens do not fit this operation's
    /// token fields.
    #[error("this cursor was made for another operation")]
    TokenMismatch,
    /// A parallel listing's cursor holds key ranges outside the
    /// [`key_range`](crate::PartitionedPaginator::key_range) given: it continues another part
    /// of the key space.
    #[error(
        "this cursor continues key ranges outside the key range given: it was made for another \
         part of the listing; resume it with the key range it was made with"
    )]
    OutsideKeyRange,
    /// The page at the cursor holds fewer items than the cursor's offset: the listing changed
    /// since the cursor was made.
    #[error("the cursor points at item {offset} of a page that now holds {page_items} items")]
    OffsetOutOfRange {
        /// The cursor's offset.
        offset: u64,
        /// How many items the page holds now.
        page_items: usize,
    },
}

/// The name an SDK operation's page size goes by (not a field of the user's request).
pub(crate) const SDK_PAGE_SIZE: &str = "page size";

/// `` `status` ``, `` `status` and `limit` ``, `` `a`, `b` and `c` ``; an SDK operation's page
/// size as `page size`.
fn describe_parameters(parameters: &[&'static str]) -> String {
    let quoted: Vec<String> = (parameters.iter())
        .map(|&name| match name {
            SDK_PAGE_SIZE => name.to_owned(),
            name => format!("`{name}`"),
        })
        .collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => "parameter".to_owned(),
    }
}

/// Where fields of the user's own request differ, how to leave out one that is no parameter of
/// the listing (an SDK operation's page size has no such field).
fn skip_hint(parameters: &[&'static str]) -> &'static str {
    if parameters.iter().all(|&name| name == SDK_PAGE_SIZE) {
        ""
    } else {
        " (in a declaration of your own, a field that is no parameter of the listing, such as a \
         client, is marked `#[paginate(skip)]`)"
    }
}

/// How a cursor string fails to be a cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MalformedCursor {
    /// Not URL-safe base64 without padding.
    #[error("not a pagination cursor: it is not URL-safe base64")]
    NotBase64,
    /// Too short to hold a cursor.
    #[error("not a pagination cursor: it is truncated")]
    TooShort,
    /// Written by an incompatible version of this crate.
    #[error("not a pagination cursor: it was written in an unknown format version")]
    UnknownVersion,
    /// Its checksum does not match its content: it was altered or damaged.
    #[error("not a pagination cursor: its checksum does not match (altered or damaged)")]
    ChecksumMismatch,
    /// Bytes follow the end of the cursor.
    #[error("not a pagination cursor: it has trailing bytes")]
    TrailingBytes,
    /// A token inside it cannot be decoded.
    #[error("not a pagination cursor: a token inside it cannot be decoded")]
    InvalidToken,
    /// It is a parallel listing's cursor ([`PartitionCursor`](crate::PartitionCursor)): resume
    /// it with [`PartitionedPaginator::resume_from`](crate::PartitionedPaginator::resume_from).
    #[error(
        "this is the cursor of a parallel listing, not of a sequential one: resume it with \
         `parallel(..)` and `resume_from`"
    )]
    Partitioned,
    /// It is a sequential listing's [`Cursor`](crate::Cursor), not a parallel listing's: resume it with
    /// [`Paginator::resume_from`](crate::Paginator::resume_from).
    #[error(
        "this is the cursor of a sequential listing, not of a parallel one: resume it with \
         `Paginator::resume_from`, without `parallel(..)`"
    )]
    NotPartitioned,
}
