//! Parallel listings: the key space of a listing ordered by key, split into ranges that are
//! listed at once ([`Paginator::parallel`]).
//!
//! Each range is an ordinary listing of the operation (tokens, guards, `send_with`, cursors) that
//! starts after its lower bound and is cut at its upper bound; every key falls in exactly one
//! range. The work is in three layers:
//!
//! - the **mechanism**, [`schedule`]: ranges, requests in flight, buffered pages, the cursor;
//!   no I/O, no policy;
//! - the **policy**, [`balance`] behind the [`policy::SplitPolicy`] trait: where to split, from
//!   the model of what the listing has seen ([`estimate`], on the key arithmetic of [`scale`]),
//!   within the request [`budget`];
//! - the **driver**, [`stream`]: sends what the schedule asks and yields what it hands back.

pub(crate) mod balance;
pub(crate) mod budget;
mod cursor;
pub(crate) mod estimate;
mod paginator;
pub(crate) mod policy;
pub(crate) mod scale;
pub(crate) mod schedule;
mod spawn;
mod splits;
mod stream;

use std::borrow::Cow;

use crate::fetch::record_tokens;
use crate::operation::PaginatedOperation;
use crate::{Error, Paginator};

pub use cursor::PartitionCursor;
pub use paginator::PartitionedPaginator;
pub use splits::{KeyRange, MeasuredRange, SplitPoints, SplitPointsError};
pub use stream::PartitionedItems;

/// Where the keys of a listing lie: under a prefix, and, with a delimiter, with the keys that
/// hold the delimiter after the prefix rolled up into one entry each (a common prefix).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct KeySpace {
    /// Every key starts with it.
    pub prefix: String,
    /// Keys past the prefix that contain it are listed once, as their common prefix.
    pub delimiter: Option<String>,
}

impl KeySpace {
    /// The keys under `prefix`, rolled up at `delimiter`.
    pub fn new(prefix: impl Into<String>, delimiter: Option<String>) -> Self {
        KeySpace {
            prefix: prefix.into(),
            delimiter: delimiter.filter(|delimiter| !delimiter.is_empty()),
        }
    }
}

/// An operation that lists items in the order of a string key (by its UTF-8 bytes) and whose
/// request can start after any key: what [`Paginator::parallel`] needs.
///
/// `pagination-aws` implements it for S3's four key listings. For your own API, implement it next
/// to the `#[paginate]` declaration. The three methods below are enough for flat keys (counters,
/// hashes, ids); where keys lie in folders (`logs/2026-01-05/part-00001.json`) and the service
/// can roll keys up at a delimiter, implement
/// [`folder_request`](KeyRanges::folder_request) too: without it the listing finds folders
/// only from the keys of its pages, and on keys in many folders of a few pages each it gains
/// about 2x rather than about N (`tests/simulate/table-no-folders.txt` in the repository).
///
/// ```
/// use std::borrow::Cow;
/// use pagination_core::{KeyRanges, PageRequest, paginate};
///
/// #[paginate(input_token = cursor, output_token = next, items = names: String)]
/// #[derive(Clone, Debug, Default)]
/// struct ListNames {
///     cursor: Option<String>,
///     start_after: Option<String>,
/// }
/// # struct Page { names: Vec<String>, next: Option<String> }
/// # impl PageRequest for ListNames {
/// #     type Output = Page;
/// #     type Error = std::convert::Infallible;
/// #     async fn send(self) -> Result<Page, Self::Error> { Ok(Page { names: vec![], next: None }) }
/// # }
///
/// impl KeyRanges for ListNames {
///     fn item_key<'a>(_: &ListNames, name: &'a String) -> Cow<'a, str> {
///         Cow::Borrowed(name)
///     }
///
///     fn start_after(mut request: ListNames, key: &str) -> ListNames {
///         request.start_after = Some(key.to_owned());
///         request
///     }
///
///     fn lower_bound(request: &ListNames) -> Option<String> {
///         request.start_after.clone()
///     }
/// }
/// ```
pub trait KeyRanges: PaginatedOperation {
    /// The key of an item, as the service orders it (decoded, where the service encodes keys in
    /// its answers). Items of one page come in key order; several items may share a key (the
    /// versions of an object).
    fn item_key<'a>(request: &Self::Request, item: &'a Self::Item) -> Cow<'a, str>;

    /// `request`, listing only the items whose key is greater than `key`.
    fn start_after(request: Self::Request, key: &str) -> Self::Request;

    /// The key the request itself starts after, if it sets one (S3's `start_after`).
    fn lower_bound(request: &Self::Request) -> Option<String> {
        let _ = request;
        None
    }

    /// The keys the request can list: its prefix and delimiter. Default: every key, none rolled
    /// up.
    fn key_space(request: &Self::Request) -> KeySpace {
        let _ = request;
        KeySpace::default()
    }

    /// The operation's request listing the keys under `prefix` rolled up at `delimiter`: each
    /// key that holds the delimiter past the prefix comes back once, as its common prefix (a
    /// folder), as the item whose [`item_key`](KeyRanges::item_key) is that common prefix.
    /// `None` (the default) when the service cannot.
    ///
    /// With it, a parallel listing lists the folders of the key space, a level at a time where
    /// they are large, and splits at their boundaries, which are exact (S3's `delimiter`; see
    /// [`Paginator::parallel`]). Where the keys of a flat folder are named in parts
    /// (`users/alice.smith-00042`), it lists them rolled up at the delimiter of their parts
    /// (`-`): the boundaries of the clusters the keys come in. Ask for as many entries a page as
    /// the service allows: these requests are the listing's own, their items are never yielded.
    ///
    /// The request returned starts from the first key under `prefix`: clear its tokens and its
    /// own start-after, keep what else the user asked for (the same bucket, say), set `prefix`
    /// and `delimiter` (the listing passes `/`, or one ASCII punctuation character for parts). Its pages follow the operation's own tokens;
    /// after a common prefix the next page starts past every key under it, as S3 does. Where the
    /// item is a struct, a common prefix comes back as an item whose key is the prefix (the other
    /// fields left empty):
    ///
    /// ```
    /// # use std::borrow::Cow;
    /// # use pagination_core::{KeyRanges, PageRequest, paginate};
    /// #[paginate(input_token = cursor, output_token = next, items = entries: Entry, page_size = limit)]
    /// #[derive(Clone, Debug, Default)]
    /// struct ListEntries {
    ///     cursor: Option<String>,
    ///     start_after: Option<String>,
    ///     prefix: String,
    ///     delimiter: Option<String>,
    ///     limit: Option<u32>,
    /// }
    /// /// An object, or (with a delimiter) a common prefix: `key` ends with the delimiter and
    /// /// `size` is 0.
    /// #[derive(Debug)]
    /// struct Entry { key: String, size: u64 }
    /// # struct Page { entries: Vec<Entry>, next: Option<String> }
    /// # impl PageRequest for ListEntries {
    /// #     type Output = Page;
    /// #     type Error = std::convert::Infallible;
    /// #     async fn send(self) -> Result<Page, Self::Error> { Ok(Page { entries: vec![], next: None }) }
    /// # }
    ///
    /// impl KeyRanges for ListEntries {
    ///     fn item_key<'a>(_: &ListEntries, entry: &'a Entry) -> Cow<'a, str> {
    ///         Cow::Borrowed(&entry.key)
    ///     }
    ///
    ///     fn start_after(mut request: ListEntries, key: &str) -> ListEntries {
    ///         request.start_after = Some(key.to_owned());
    ///         request
    ///     }
    ///
    ///     fn key_space(request: &ListEntries) -> pagination_core::KeySpace {
    ///         pagination_core::KeySpace::new(request.prefix.clone(), request.delimiter.clone())
    ///     }
    ///
    ///     fn folder_request(
    ///         request: &ListEntries,
    ///         prefix: &str,
    ///         delimiter: &str,
    ///     ) -> Option<ListEntries> {
    ///         Some(ListEntries {
    ///             cursor: None,
    ///             start_after: None,
    ///             prefix: prefix.to_owned(),
    ///             delimiter: Some(delimiter.to_owned()),
    ///             limit: Some(1000),
    ///         })
    ///     }
    /// }
    /// ```
    fn folder_request(
        request: &Self::Request,
        prefix: &str,
        delimiter: &str,
    ) -> Option<Self::Request> {
        let _ = (request, prefix, delimiter);
        None
    }

    /// Whether this request can be listed by key ranges: an error says why not (a service that
    /// does not list in key order for some requests, for example).
    fn check_partitionable(request: &Self::Request) -> Result<(), CannotPartition> {
        let _ = request;
        Ok(())
    }
}

/// Why a listing cannot run in parallel ([`Paginator::parallel`]). Nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("this listing cannot run in parallel: {reason}")]
pub struct CannotPartition {
    reason: Cow<'static, str>,
}

impl CannotPartition {
    /// An error that says `reason`.
    pub fn new(reason: impl Into<Cow<'static, str>>) -> Self {
        CannotPartition {
            reason: reason.into(),
        }
    }

    /// Why.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// A parallel listing that stopped early: why, and where to resume the whole listing.
///
/// When one range fails, the others stop (their requests in flight are cancelled) and the stream
/// ends. Resuming from [`cursor`](PartitionedError::cursor) lists exactly the items not yet
/// yielded, in every range.
#[derive(Debug, thiserror::Error)]
#[error("{error}")]
pub struct PartitionedError<E: 'static> {
    #[source]
    error: Error<E>,
    cursor: PartitionCursor,
}

impl<E: 'static> PartitionedError<E> {
    /// What stopped the range that failed. Its own cursor is that range's position only; resume
    /// the listing from [`cursor`](PartitionedError::cursor).
    pub fn error(&self) -> &Error<E> {
        &self.error
    }

    /// What stopped the range that failed, by value.
    pub fn into_error(self) -> Error<E> {
        self.error
    }

    /// Where the whole listing continues.
    pub fn cursor(&self) -> &PartitionCursor {
        &self.cursor
    }
}

impl<Op: KeyRanges> Paginator<Op> {
    /// Lists the key space in parallel: up to `requests` page requests in flight, over key
    /// ranges that split as they go. See [`PartitionedPaginator`].
    ///
    /// The paginator's settings carry over: page size, `send_with`, the guards (applied to each
    /// range's own chain of tokens) and `max_items` (exact, across ranges: the items yielded;
    /// the pages requested may run past the last item, up to about `requests` pages, and the
    /// requests in flight when it is reached are cancelled, which S3 still bills); `prefetch` is
    /// not used (the ranges are the prefetch).
    ///
    /// # How the ranges are found
    ///
    /// Without knowing the keys beforehand: the first range lists from the start, and the keys
    /// its pages show, with the folders the service lists (where the operation can,
    /// [`KeyRanges::folder_request`]: S3's four key listings), give an estimate of where the
    /// unlisted keys lie. Whenever requests are free, the unlisted rest is cut into pieces of
    /// about equal estimated size, one per request: at folder boundaries, which are exact, or at
    /// keys on the scale of the keys seen. Where the keys of a flat folder are named in parts
    /// (`users/alice.brown-01234`: two neighbouring keys seen mostly share the part before a
    /// `-`), that folder is listed rolled up at the part's delimiter, and the parts' boundaries
    /// serve as folder boundaries. Where nothing tells how far the keys go (past the last key
    /// seen), the rest is searched at doubling distances. Each range costs up to one request
    /// past its keys, and each folder listing one request a page; the splits stop while those
    /// would take the listing past `1.2 ×` the sequential requests plus `requests` (counting a
    /// range still listing at the half request it is expected to cost: a listing that spends
    /// the whole budget may end a request or two past it).
    ///
    /// A listing of the same key space can start from what this one learned
    /// ([`PartitionedItems::split_points`], [`PartitionedPaginator::split_points`]).
    ///
    /// # When it does not help
    ///
    /// - On small listings, where `requests` is near the number of pages.
    /// - Where the server, not the latency, is the limit (moto on the same machine).
    /// - In key order with a small [`buffer_pages`](PartitionedPaginator::buffer_pages): ranges
    ///   far ahead wait for the consumer.
    /// - Keys in many folders of a few pages each, through an operation without
    ///   [`KeyRanges::folder_request`]: about 2x, whatever N (implement it where the service can
    ///   roll keys up at a delimiter).
    /// - Keys named in parts, as above, through an operation without
    ///   [`KeyRanges::folder_request`]: searches past each part's last key cost probes that find
    ///   the next part (a few pages a part: about 2x). Split points saved from an earlier
    ///   listing avoid the search.
    ///
    /// BENCHMARKS.md ("Parallel listings") gives the round trips of each key shape in the
    /// simulator of the test tree, and the times against rclone's parallel walk.
    ///
    /// # Errors
    ///
    /// [`CannotPartition`] when `requests` is 0, when the paginator continues a sequential
    /// listing (its request carries tokens, or it was resumed from a [`Cursor`](crate::Cursor)), when it has a
    /// [`max_pages`](Paginator::max_pages) (a limit on one chain of tokens: each range would stop
    /// at it and leave keys unlisted; limit a parallel listing with `max_items`), or when the
    /// operation refuses this request ([`KeyRanges::check_partitionable`]).
    pub fn parallel(
        mut self,
        requests: usize,
    ) -> Result<PartitionedPaginator<Op>, CannotPartition> {
        if requests == 0 {
            return Err(CannotPartition::new(
                "at least one request must be in flight",
            ));
        }
        let (request, tokens) = record_tokens::<Op>(self.request.clone());
        if self.resumed_from.is_some() || tokens.iter().any(|&byte| byte != 0) {
            return Err(CannotPartition::new(
                "the paginator continues a sequential listing (it holds tokens or a cursor); \
                 start the parallel listing from the first page, or resume it from its PartitionCursor \
                 (to list the keys after a given one, give the request no token and call \
                 key_range(KeyRange::new(Some(key), None)) on the parallel listing)",
            ));
        }
        if self.settings.max_pages.is_some() {
            return Err(CannotPartition::new(
                "max_pages limits one chain of tokens, and a parallel listing runs many: each range \
                 would stop at it and leave keys unlisted; limit it with max_items instead",
            ));
        }
        Op::check_partitionable(&request)?;
        let max_items = self.settings.max_items.take();
        self.settings.prefetch = 0;
        Ok(PartitionedPaginator {
            paginator: self,
            max_items,
            requests,
            ordered: true,
            buffer_pages: 8,
            split_keys: Vec::new(),
            split_points: None,
            key_range: None,
            resume: None,
        })
    }
}
