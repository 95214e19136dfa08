//! Parallel listings: the key space of a listing ordered by key, split into ranges that are
//! listed at once ([`Paginator::parallel`]).
//!
//! Each range is an ordinary listing of the operation (tokens, guards, `send_with`, cursors) that
//! starts after its lower bound and is cut at its upper bound; every key falls in exactly one
//! range. The listing starts as one range; while fewer than N requests are in flight and a range
//! came back truncated, the unlisted rest of a range is split at a key in between (see
//! `split.rs`), so that skewed key spaces spread too. A rest that looks long is cut into pieces
//! next to the keys seen first: in key order, stretches of about
//! [`buffer_pages`](PartitionedPaginator::buffer_pages) pages, so that the requests list the
//! keys the consumer takes next. Items come out in the key order of the sequential listing (the
//! default) or as pages arrive ([`unordered`]).
//!
//! [`unordered`]: PartitionedPaginator::unordered

mod cursor;
mod split;

use std::borrow::Cow;
use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::vec;

use futures_core::{FusedStream, Stream};

use crate::fetch::{FetchedPage, record_tokens};
use crate::fingerprint::{Identity, Named};
use crate::operation::PaginatedOperation;
use crate::source::PageSource;
use crate::{Cursor, CursorError, Error, Paginator};

pub use cursor::PartitionCursor;
use cursor::SavedRange;
use split::{Guess, Remainder, before_common_prefix, split_key};

/// A range whose rest looks shorter than this many pages is not split: the request a split
/// costs would save less than it spends.
const MIN_PAGES_TO_SPLIT: f64 = 2.0;

/// What a range still listing is expected to cost over the sequential listing, in requests: its
/// last page is cut at its upper bound, or, when its keys fill their pages, one more request
/// finds nothing of its own (and a range not heard from yet may be empty: its one request).
/// Counting less let listings of tiny pages at many requests go a few requests over 1.1x + N.
const OPEN_RANGE_COST: f64 = 1.0;

/// A range's rest estimated at more than this many times the requests allowed is not taken at
/// its word: the density of one page says little about keys far from it (the next day of a log
/// may hold a thousandth of the keys the counter in its names could hold), so the split probes
/// near the keys seen instead of half-way.
const PLAUSIBLE: f64 = 8.0;

/// The fewest pages a piece cut off a range's rest holds ([`PartitionedItems::pick_stretches`]):
/// each piece costs about one request more than its pages, so at most a tenth more.
const MIN_STRETCH: usize = 10;

/// A range made at the next value of a numbered part that held at most this many pages of its
/// own: one value of the part is short, and the request past its end doubles what it costs.
const SHORT_PART_PAGES: u32 = 2;

/// Where to split a range: at `keys`, ascending.
struct Split {
    index: usize,
    keys: Vec<String>,
    kind: SplitKind,
    /// The pages each new range (from each key on) looks to hold; none when not estimated.
    sizes: Vec<f64>,
    /// Successors: the index of the numbered part they count.
    successor_part: Option<usize>,
}

/// How the ranges a split makes look for their own splits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SplitKind {
    /// At the next values of a part of the keys: each new range starts afresh.
    Successors,
    /// Half-way: the new range starts afresh.
    Middle,
    /// At a guess near the keys seen: the new range guesses one position further left.
    Carry,
}

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
/// to the `#[paginate]` declaration:
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
    /// # When it does not help
    ///
    /// The ranges are found from the keys of the pages received, without knowing the keys
    /// beforehand, and each range costs about one request past its end (the budget: about 1.1
    /// times the sequential listing's requests, plus `requests`). Expect little or no speed-up:
    ///
    /// - when the keys fall in many small parts of about one page each (a date folder of a page
    ///   of keys per day): each part found costs a request past its one page. After a few such
    ///   parts the listing looks for the next numbered part to the left instead (months after
    ///   days), but the budget spent stays spent: 200 folders of one page at 16 requests take
    ///   about a third of the sequential time in the schedule model, not a sixteenth;
    /// - on small listings, where `requests` is near the number of pages (the extra requests
    ///   can then double the count: S3 charges per request);
    /// - where the server, not the latency, is the limit (moto on the same machine).
    ///
    /// Where you know where the keys lie (prefixes, an inventory), give the range boundaries
    /// with [`split_at`](PartitionedPaginator::split_at). BENCHMARKS.md ("Parallel listings")
    /// lists the shapes measured, and those still slow.
    ///
    /// # Errors
    ///
    /// [`CannotPartition`] when `requests` is 0, when the paginator continues a sequential
    /// listing (its request carries tokens, or it was resumed from a [`Cursor`]), when it has a
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
                 start the parallel listing from the first page, or resume it from its PartitionCursor",
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
            resume: None,
        })
    }
}

/// A listing of a key space in parallel ranges ([`Paginator::parallel`]), ready to run as a
/// stream of items ([`items`](PartitionedPaginator::items)).
///
/// ```
/// # use std::borrow::Cow;
/// # use futures::TryStreamExt;
/// # use pagination_core::{KeyRanges, PageRequest, paginate, IntoPaginator};
/// # #[paginate(input_token = cursor, output_token = next, items = names: String, page_size = limit)]
/// # #[derive(Clone, Debug, Default)]
/// # struct ListNames { cursor: Option<String>, start_after: Option<String>, limit: Option<u32> }
/// # struct Page { names: Vec<String>, next: Option<String> }
/// # const ALL: [&str; 6] = ["ant", "bee", "cat", "dog", "eel", "fox"];
/// # impl PageRequest for ListNames {
/// #     type Output = Page;
/// #     type Error = std::convert::Infallible;
/// #     async fn send(self) -> Result<Page, Self::Error> {
/// #         let after = self.cursor.or(self.start_after).unwrap_or_default();
/// #         let mut names: Vec<String> =
/// #             ALL.iter().filter(|n| **n > after.as_str()).map(|n| n.to_string()).collect();
/// #         let limit = self.limit.unwrap_or(2) as usize;
/// #         let next = (names.len() > limit).then(|| names[limit - 1].clone());
/// #         names.truncate(limit);
/// #         Ok(Page { names, next })
/// #     }
/// # }
/// # impl KeyRanges for ListNames {
/// #     fn item_key<'a>(_: &ListNames, name: &'a String) -> Cow<'a, str> { Cow::Borrowed(name) }
/// #     fn start_after(mut request: ListNames, key: &str) -> ListNames {
/// #         request.start_after = Some(key.to_owned());
/// #         request
/// #     }
/// # }
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let names: Vec<String> = ListNames::default()
///     .into_paginator()
///     .page_size(2)
///     .parallel(4)?
///     .items()
///     .try_collect()
///     .await?;
/// assert_eq!(names, ["ant", "bee", "cat", "dog", "eel", "fox"]);
/// # Ok(())
/// # }
/// ```
#[must_use = "a paginator does nothing until `items()` is polled"]
pub struct PartitionedPaginator<Op: KeyRanges> {
    paginator: Paginator<Op>,
    max_items: Option<u64>,
    requests: usize,
    ordered: bool,
    buffer_pages: usize,
    split_keys: Vec<String>,
    resume: Option<PartitionCursor>,
}

impl<Op: KeyRanges> PartitionedPaginator<Op> {
    /// Yields items as pages arrive, range after range in no set order: the highest throughput
    /// when the order does not matter. Each item still comes exactly once, and the cursor still
    /// resumes exactly.
    pub fn unordered(mut self) -> Self {
        self.ordered = false;
        self
    }

    /// How many pages the listing keeps, per request in flight, before the consumer takes them
    /// (default 8, at least 1): the bound on memory, `requests × pages` pages received and not
    /// yet yielded (plus the pages of the requests in flight). In key order, the ranges after the
    /// first keep their pages until the items before them are yielded; once the bound is
    /// reached, only the first range requests more, so a slow consumer holds the listing back
    /// rather than memory growing. Long ranges are cut into stretches of this many pages (at
    /// least 10) next to the keys the consumer takes, so that the buffer holds the pages it
    /// needs next. For scale: a ListObjectsV2 page of 1,000 objects takes about
    /// 1.5 MB once parsed (BENCHMARKS.md), so 64 requests at the default hold up to about
    /// 800 MB; lower it when memory matters more than the ordered mode's speed.
    pub fn buffer_pages(mut self, pages: usize) -> Self {
        self.buffer_pages = pages.max(1);
        self
    }

    /// Starts with a range boundary at each of `keys` (keys the caller knows, from an inventory
    /// or known prefixes) rather than with one range. Keys outside the listing, or inside a
    /// common prefix, are moved or left out; ranges still split as they go. Ignored when
    /// resuming.
    ///
    /// Each range costs about one request past its keys (S3 takes no end key: a range whose
    /// last page is full asks once more to find it is done), and these requests are not
    /// counted against the budget of about 1.1 times the sequential requests: give boundaries
    /// between parts of many pages each, about as many as `requests` or a few times more. A
    /// boundary at every folder of a page or two doubles the requests (200 one-page date
    /// folders split at every day: 399 requests against 200) and can be slower than none.
    pub fn split_at<K: Into<String>>(mut self, keys: impl IntoIterator<Item = K>) -> Self {
        self.split_keys = keys.into_iter().map(Into::into).collect();
        self
    }

    /// Continues a parallel listing at `cursor`: exactly the items not yet yielded are listed.
    ///
    /// # Errors
    ///
    /// The cursor was made for a request with other parameters ([`CursorError::ParametersDiffer`]
    /// or [`CursorError::RequestMismatch`]), or for another operation
    /// ([`CursorError::TokenMismatch`]). A range's own position is checked when that range
    /// starts: a mismatch there ends the stream with [`Error::Cursor`].
    pub fn resume_from(mut self, cursor: &PartitionCursor) -> Result<Self, CursorError> {
        let request = &self.paginator.request;
        Named::of::<Op>(request).accepts::<Op>(request, &cursor.identity, true)?;
        self.resume = Some(cursor.clone());
        Ok(self)
    }

    /// Runs the listing as a stream of items.
    pub fn items(self) -> PartitionedItems<Op> {
        PartitionedItems::new(self)
    }
}

impl<Op: KeyRanges> std::fmt::Debug for PartitionedPaginator<Op> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartitionedPaginator")
            .field("paginator", &self.paginator)
            .field("max_items", &self.max_items)
            .field("requests", &self.requests)
            .field("ordered", &self.ordered)
            .field("buffer_pages", &self.buffer_pages)
            .field("split_keys", &self.split_keys.len())
            .field("resume", &self.resume.is_some())
            .finish()
    }
}

/// The items of a parallel listing: `Result<Item, PartitionedError>`.
///
/// Made by [`PartitionedPaginator::items`]. Nothing is requested before the first poll; page
/// requests run on the Tokio runtime's worker threads when there is one (so that the answers are
/// parsed on every core), else on the polling task. Dropping the stream cancels every request in
/// flight. After an error the stream ends; [`cursor`](PartitionedItems::cursor) (or the error's)
/// resumes the listing.
#[must_use = "streams do nothing unless polled"]
pub struct PartitionedItems<Op: KeyRanges> {
    /// Each range's paginator is made from this one (no limit of items; requests spawned).
    template: Paginator<Op>,
    identity: Identity,
    space: KeySpace,
    ranges: Vec<Range<Op>>,
    requests: usize,
    ordered: bool,
    buffer_pages: usize,
    items_left: Option<u64>,
    /// The range items are taken from in unordered mode (a hint: any range with items will do).
    current: usize,
    signal: Arc<Signal>,
    waker: Waker,
    /// Something other than a wake-up may let a range go on (a page taken, a range finished).
    dirty: bool,
    /// The stream ended: `complete` says whether the whole listing was yielded.
    ended: bool,
    /// A range's page held entries at or before its start: the server ignores the start-after.
    start_after_ignored: bool,
    stats: Stats,
    successors: Successors,
}

#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    pages: u64,
    ranges: u64,
    /// Items received and kept (within their range).
    items: u64,
    /// The most items one page held: the page size, as far as the listing can tell.
    page_items: u64,
}

struct Range<Op: KeyRanges> {
    after: Option<String>,
    up_to: Option<String>,
    state: State<Op>,
    pages: VecDeque<Buffered<Op>>,
    /// The identity of the range's own request, once started.
    identity: Option<Identity>,
    /// The first and last keys of the last page with items: where a split looks.
    first_key: Option<String>,
    last_key: Option<String>,
    /// A page came since the range was last split: what it knows of its keys is new.
    splittable: bool,
    /// How many times this range was split off the top of another.
    reach: usize,
    /// Listing from its lower bound in this process, no item yielded yet: it may be folded
    /// into the range before it.
    fresh: bool,
    /// Made at the next value of the numbered part with this index (see [`Successors`]);
    /// `None` for other ranges.
    successor_part: Option<usize>,
    /// Pages of its own it received (with items).
    own_pages: u32,
    /// The pages it looked to hold when it was cut off (half-way, or a stretch); infinite when
    /// not estimated (a probe, a successor).
    expected_pages: f64,
    /// It was split since it was made: it does not tell how many pages one value of its part holds.
    cut: bool,
}

/// What the finished ranges made by successors tell of their numbered parts: where most values
/// of a part held a page or two, each range cost a request over its pages, as much as the pages
/// it listed; successors then count up a numbered part left of it (months, after days of a page
/// each), whose values hold more.
#[derive(Debug, Default, Clone)]
struct Successors {
    /// Per part (by index): values finished, and how many of them were short.
    parts: Vec<(usize, u32, u32)>,
    /// The leftmost part seen short: successors count parts before it only.
    short_from: Option<usize>,
}

enum State<Op: KeyRanges> {
    /// Not started: at its start, or at the position it resumes from.
    Waiting(Option<Cursor>),
    /// Listing; `after` is where it continues after its last page received.
    Fetching {
        source: Box<PageSource<Op>>,
        after: Cursor,
    },
    /// Every page of the range was received.
    Done,
}

struct Buffered<Op: KeyRanges> {
    items: vec::IntoIter<Op::Item>,
    tokens: Arc<[u8]>,
    /// The in-page offset just past the page's last kept item.
    end: usize,
}

impl<Op: KeyRanges> Range<Op> {
    fn new(after: Option<String>, up_to: Option<String>, position: Option<Cursor>) -> Self {
        let fresh = position.is_none();
        Range {
            after,
            up_to,
            state: State::Waiting(position),
            pages: VecDeque::new(),
            identity: None,
            first_key: None,
            last_key: None,
            splittable: false,
            reach: 0,
            fresh,
            successor_part: None,
            own_pages: 0,
            expected_pages: f64::INFINITY,
            cut: false,
        }
    }

    /// Where this range stands: `None` once it is finished, `Some(None)` at its start.
    fn position(&self) -> Option<Option<Cursor>> {
        if let Some(page) = self.pages.iter().find(|page| page.items.len() > 0)
            && let Some(identity) = &self.identity
        {
            let offset = page.end - page.items.len();
            return Some(Some(Cursor::new(
                identity.clone(),
                page.tokens.clone(),
                offset as u64,
            )));
        }
        match &self.state {
            State::Waiting(position) => Some(position.clone()),
            State::Fetching { after, .. } => Some(Some(after.clone())),
            State::Done => None,
        }
    }

    /// How many pages its rest looks to hold, by the density of its last page: none once
    /// listed or before its first page, infinite when open to the end.
    fn pages_left(&self) -> f64 {
        if matches!(self.state, State::Done) || !self.own_page() {
            return 0.0;
        }
        match (&self.first_key, &self.last_key, &self.up_to) {
            (Some(first), Some(last), Some(up_to)) => split::pages_left(first, last, last, up_to),
            _ => f64::INFINITY,
        }
    }

    /// Whether a page of its own brought items (an empty range has none: its one request is
    /// all it costs).
    fn own_page(&self) -> bool {
        match (&self.last_key, &self.after) {
            (Some(last), Some(after)) => last > after,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Requesting pages, or ready to as soon as a slot is free.
    fn has_work(&self) -> bool {
        !matches!(self.state, State::Done)
    }

    fn is_finished(&self) -> bool {
        matches!(self.state, State::Done) && self.pages.iter().all(|page| page.items.len() == 0)
    }

    /// The next buffered item; `popped` is set when a page was used up (room for another).
    fn take_item(&mut self, popped: &mut bool) -> Option<Op::Item> {
        while let Some(page) = self.pages.front_mut() {
            if let Some(item) = page.items.next() {
                self.fresh = false;
                return Some(item);
            }
            self.pages.pop_front();
            *popped = true;
        }
        None
    }
}

/// Wakes the stream's task when any range's request is ready, and remembers that one was.
struct Signal {
    woken: AtomicBool,
    task: Mutex<Option<Waker>>,
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        if let Ok(task) = self.task.lock()
            && let Some(task) = task.as_ref()
        {
            task.wake_by_ref();
        }
    }
}

impl Signal {
    fn register(&self, waker: &Waker) {
        if let Ok(mut task) = self.task.lock()
            && !task.as_ref().is_some_and(|task| task.will_wake(waker))
        {
            *task = Some(waker.clone());
        }
    }
}

impl<Op: KeyRanges> PartitionedItems<Op> {
    fn new(config: PartitionedPaginator<Op>) -> Self {
        let PartitionedPaginator {
            paginator,
            max_items,
            requests,
            ordered,
            buffer_pages,
            split_keys,
            resume,
        } = config;
        let identity = Named::of::<Op>(&paginator.request).identity;
        let space = Op::key_space(&paginator.request);
        let ranges = match resume {
            Some(cursor) => cursor
                .ranges
                .into_iter()
                .map(|range| Range::new(range.after, range.up_to, range.position))
                .collect(),
            None => {
                let start = Op::lower_bound(&paginator.request);
                initial_ranges(start, split_keys, &space)
            }
        };
        let signal = Arc::new(Signal {
            woken: AtomicBool::new(true),
            task: Mutex::new(None),
        });
        let stats = Stats {
            pages: 0,
            ranges: ranges.len() as u64,
            items: 0,
            page_items: 0,
        };
        PartitionedItems {
            template: spawning(paginator),
            identity,
            space,
            ranges,
            requests,
            ordered,
            buffer_pages,
            items_left: max_items,
            current: 0,
            waker: Waker::from(signal.clone()),
            signal,
            dirty: true,
            ended: false,
            start_after_ignored: false,
            stats,
            successors: Successors::default(),
        }
    }

    /// The position after the last item yielded (before the first: where the listing starts).
    /// `None` once the listing is complete. Resuming there
    /// ([`PartitionedPaginator::resume_from`]) yields exactly the items not yet seen.
    pub fn cursor(&self) -> Option<PartitionCursor> {
        let ranges: Vec<SavedRange> = self
            .ranges
            .iter()
            .filter_map(|range| {
                range.position().map(|position| SavedRange {
                    after: range.after.clone(),
                    up_to: range.up_to.clone(),
                    position,
                })
            })
            .collect();
        if ranges.is_empty() {
            return None;
        }
        Some(PartitionCursor {
            identity: self.identity.clone(),
            ranges,
        })
    }

    /// How many pages were received so far, across ranges: the page requests that succeeded.
    pub fn pages(&self) -> u64 {
        self.stats.pages
    }

    /// How many key ranges the listing used so far (those it started with and those split off).
    pub fn ranges(&self) -> u64 {
        self.stats.ranges
    }

    /// Takes the next item to yield, if one is buffered.
    fn take_item(&mut self) -> Option<Op::Item> {
        let mut popped = false;
        let item = self.take_buffered(&mut popped);
        self.dirty |= popped;
        item
    }

    fn take_buffered(&mut self, popped: &mut bool) -> Option<Op::Item> {
        if self.ordered {
            loop {
                let front = self.ranges.first_mut()?;
                if let Some(item) = front.take_item(popped) {
                    return Some(item);
                }
                if !front.is_finished() {
                    return None;
                }
                self.ranges.remove(0);
                *popped = true;
            }
        }
        if let Some(range) = self.ranges.get_mut(self.current)
            && let Some(item) = range.take_item(popped)
        {
            return Some(item);
        }
        self.ranges.retain(|range| !range.is_finished());
        let count = self.ranges.len();
        for step in 0..count {
            let index = (self.current + step) % count;
            if let Some(item) = self.ranges[index].take_item(popped) {
                self.current = index;
                return Some(item);
            }
        }
        None
    }

    /// Starts ranges, splits them while requests are fewer than allowed, and polls every range
    /// that may take a page. Returns the first error.
    fn drive(&mut self) -> Result<(), Error<Op::Error>> {
        let waker = self.waker.clone();
        let mut cx = Context::from_waker(&waker);
        loop {
            let mut received = false;
            let mut index = 0;
            let mut in_flight = self.in_flight();
            while index < self.ranges.len() {
                if matches!(self.ranges[index].state, State::Waiting(_))
                    && in_flight < self.requests
                {
                    self.start(index)?;
                    in_flight += 1;
                }
                received |= self.poll_range(index, &mut cx)?;
                index += 1;
            }
            if self.start_after_ignored {
                self.fold_ranges();
            }
            let split = self.split_while_idle();
            if !received && !split {
                return Ok(());
            }
        }
    }

    /// Requests in flight, or about to be: ranges listing.
    fn in_flight(&self) -> usize {
        // Every range listing counts, also one whose page waits for room in the buffer: it holds
        // a request (answered or not), and at most `requests` are ever out at once.
        self.ranges
            .iter()
            .filter(|range| matches!(range.state, State::Fetching { .. }))
            .count()
    }

    /// Pages received and not yet used up, across ranges.
    fn buffered(&self) -> usize {
        self.ranges.iter().map(|range| range.pages.len()).sum()
    }

    /// Whether the listing holds as many pages as it may ([`PartitionedPaginator::buffer_pages`]);
    /// with `max_items`, no more than the pages the items left fill (and one), so that ranges
    /// beyond them do not list what will not be yielded.
    fn buffer_full(&self) -> bool {
        let mut limit = self.requests.saturating_mul(self.buffer_pages);
        if let (Some(left), page) = (self.items_left, self.stats.page_items)
            && page > 0
        {
            let needed = usize::try_from(left.div_ceil(page)).unwrap_or(usize::MAX);
            limit = limit.min(needed.saturating_add(1));
        }
        self.buffered() >= limit
    }

    /// Whether range `index` may take another page: while the buffer has room; in key order, the
    /// first range always (its pages are the next to yield).
    fn may_take(&self, index: usize, full: bool) -> bool {
        if self.ordered && index > 0 && self.past_last_item(index) {
            return false;
        }
        !full || (self.ordered && index == 0)
    }

    /// In key order with `max_items`: whether the ranges before `index` hold every item left
    /// already, so that what `index` lists would not be yielded.
    fn past_last_item(&self, index: usize) -> bool {
        let Some(left) = self.items_left else {
            return false;
        };
        // The items the ranges before hold, and those they look to hold still by the density of
        // their last page (a range not heard from yet counts none).
        let page = self.stats.page_items.max(1) as f64;
        let mut held = 0.0;
        for range in &self.ranges[..index.min(self.ranges.len())] {
            held += range
                .pages
                .iter()
                .map(|page| page.items.len() as f64)
                .sum::<f64>();
            held += range.pages_left() * page;
            if held >= left as f64 {
                return true;
            }
        }
        false
    }

    fn start(&mut self, index: usize) -> Result<(), Error<Op::Error>> {
        let range = &mut self.ranges[index];
        let State::Waiting(position) = &range.state else {
            return Ok(());
        };
        let mut paginator = self.template.clone();
        if let Some(after) = &range.after {
            paginator.request = Op::start_after(paginator.request, after);
        }
        if let Some(position) = position {
            paginator = paginator
                .resume_from(position)
                .map_err(|source| Error::Cursor {
                    source,
                    cursor: position.clone(),
                })?;
        }
        let (source, start) = paginator.start();
        range.identity = Some(start.identity().clone());
        range.state = State::Fetching {
            source: Box::new(source),
            after: start,
        };
        Ok(())
    }

    /// Takes the pages a range has ready, while it has room. Whether one came.
    fn poll_range(&mut self, index: usize, cx: &mut Context<'_>) -> Result<bool, Error<Op::Error>> {
        let mut received = false;
        loop {
            if !self.may_take(index, self.buffer_full()) {
                return Ok(received);
            }
            let range = &mut self.ranges[index];
            let State::Fetching { source, .. } = &mut range.state else {
                return Ok(received);
            };
            match source.poll_page(cx) {
                Poll::Pending => return Ok(received),
                Poll::Ready(None) => {
                    range.state = State::Done;
                    self.dirty = true;
                    self.finished(index);
                    return Ok(true);
                }
                Poll::Ready(Some(Err(error))) => return Err(error),
                Poll::Ready(Some(Ok(page))) => {
                    self.stats.pages += 1;
                    self.accept(index, page);
                    received = true;
                }
            }
        }
    }

    /// Buffers a page's items up to the range's upper bound.
    fn accept(&mut self, index: usize, mut page: FetchedPage<Op>) {
        let request = &self.template.request;
        let range = &mut self.ranges[index];
        let mut items = page.take_items();
        let total = items.len();
        self.stats.page_items = self.stats.page_items.max(total as u64);
        let cut = match &range.up_to {
            Some(up_to) => {
                items.partition_point(|item| Op::item_key(request, item).as_ref() <= up_to.as_str())
            }
            None => total,
        };
        items.truncate(cut);
        // Every key falls in exactly one range, also where a server ignores the start-after
        // parameter and lists from the start (moto's ListMultipartUploads does): keys at or
        // before the lower bound belong to the ranges before.
        if let Some(after) = &range.after {
            let before = items
                .partition_point(|item| Op::item_key(request, item).as_ref() <= after.as_str());
            if before > 0 {
                // A common prefix that holds `after` may come back (the keys after it roll up
                // into it); any other entry at or before it means the server ignored the
                // start-after: each range would list from the start, so no more are made.
                let ignored = items[..before]
                    .iter()
                    .any(|item| !after.starts_with(Op::item_key(request, item).as_ref()));
                self.start_after_ignored |= ignored;
                items.drain(..before);
            }
        }
        self.stats.items += items.len() as u64;
        if let (Some(first), Some(last)) = (items.first(), items.last()) {
            range.own_pages += 1;
            range.first_key = Some(Op::item_key(request, first).into_owned());
            range.last_key = Some(Op::item_key(request, last).into_owned());
            range.splittable = true;
        }
        range.pages.push_back(Buffered {
            items: items.into_iter(),
            tokens: page.tokens,
            end: page.first + cut,
        });
        let ended = cut < total || page.after.is_none();
        match (&mut range.state, page.after) {
            (State::Fetching { after, .. }, Some(next)) if !ended => *after = next,
            _ => {
                range.state = State::Done;
                self.dirty = true;
                self.finished(index);
            }
        }
    }

    /// A range received its last page: what it tells of its numbered part, when successors made
    /// it and it was not split since.
    fn finished(&mut self, index: usize) {
        let range = &self.ranges[index];
        // An empty range tells nothing of how many keys a value of the part holds.
        let Some(at) = range
            .successor_part
            .filter(|_| !range.cut && range.own_pages > 0)
        else {
            return;
        };
        let short = range.own_pages <= SHORT_PART_PAGES;
        let counts = &mut self.successors;
        let (finished, shorts) = match counts.parts.iter_mut().find(|entry| entry.0 == at) {
            Some(entry) => {
                entry.1 += 1;
                entry.2 += u32::from(short);
                (entry.1, entry.2)
            }
            None => {
                counts.parts.push((at, 1, u32::from(short)));
                (1, u32::from(short))
            }
        };
        if finished >= 3 && 2 * shorts > finished {
            counts.short_from = Some(counts.short_from.map_or(at, |from| from.min(at)));
        }
    }

    /// While fewer requests are in flight than allowed, splits the unlisted rest of a listing
    /// range. Whether a range was split.
    fn split_while_idle(&mut self) -> bool {
        let mut split = false;
        let limit = self.requests.saturating_mul(4);
        while self.in_flight() < self.requests
            && !self.buffer_full()
            && self.ranges.iter().filter(|range| range.has_work()).count() < limit
            && self.may_split()
        {
            let Some(Split {
                index,
                keys,
                kind,
                sizes,
                successor_part,
            }) = self.pick_split()
            else {
                break;
            };
            self.ranges[index].splittable = false;
            self.ranges[index].cut = true;
            let mut at = index;
            for (nth, key) in keys.into_iter().enumerate() {
                if nth > 0 && !self.may_split() {
                    break;
                }
                let range = &mut self.ranges[at];
                let mut right = Range::new(Some(key.clone()), range.up_to.take(), None);
                right.successor_part = successor_part;
                right.expected_pages = sizes.get(nth).copied().unwrap_or(f64::INFINITY);
                right.reach = match kind {
                    SplitKind::Successors | SplitKind::Middle => 0,
                    SplitKind::Carry => range.reach + 1,
                };
                if kind == SplitKind::Carry && right.up_to.is_none() {
                    // Where the keys after it lie is not known: the new open range probes
                    // further on, in the shape of the keys seen, before its first page.
                    right.first_key = range.first_key.clone();
                    right.last_key = range.last_key.clone();
                    right.splittable = true;
                }
                range.up_to = Some(key);
                self.ranges.insert(at + 1, right);
                if self.current > at {
                    self.current += 1;
                }
                self.stats.ranges += 1;
                split = true;
                at += 1;
                if self.start(at).is_err() {
                    return split;
                }
            }
        }
        split
    }

    /// The range to split and where: of the ranges that received a page since they were last
    /// split, the one with the most pages left by the density of that page (a range open to the
    /// end of the key space first).
    ///
    /// - An open range is cut at the next values of the part of its keys left of the part its
    ///   page ran through (the next days after a page within a day), as many as half the
    ///   requests allowed (at least 4) and the requests free; without such a part, at the next
    ///   carry of its keys' shape, further left each time.
    /// - A bounded range is cut half-way on the scale of its keys when the estimate is plausible
    ///   (at most [`PLAUSIBLE`] times the requests allowed), else where
    ///   `split.rs` finds its keys most likely continue. While a range open to the end is
    ///   listing, a cut into pieces shorter than a stretch is made only with half the requests'
    ///   worth of budget left: halving ranges of 10 pages had spent the budget before the end of
    ///   the keys was found, and the rest then listed alone (20,000 keys at 10 a page and 256
    ///   requests took 313 round trips in key order).
    ///
    /// Stretches of plausible rests come first ([`Self::pick_stretches`]).
    fn pick_split(&self) -> Option<Split> {
        if let Some(split) = self.pick_stretches() {
            return Some(split);
        }
        let mut candidates: Vec<(usize, f64)> = Vec::new();
        for (index, range) in self.ranges.iter().enumerate() {
            if !matches!(range.state, State::Fetching { .. })
                || !range.splittable
                || (self.ordered && self.past_last_item(index))
            {
                continue;
            }
            if range.first_key.is_none() || range.last_key.is_none() {
                continue;
            }
            // An open range probes on before its first page, in the shape of the keys before.
            let pages = match range.up_to {
                None => f64::INFINITY,
                Some(_) if !range.own_page() => continue,
                Some(_) => range.pages_left(),
            };
            if pages >= MIN_PAGES_TO_SPLIT {
                candidates.push((index, pages));
            }
        }
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
        let plausible = PLAUSIBLE * self.requests as f64;
        let free = self.requests.saturating_sub(self.in_flight());
        let wave = free.min(self.wave());
        // A range open to the end and not heard from yet will want its wave of successors:
        // the requests free are kept for it rather than spent on cutting bounded ranges.
        let awaited = self.ranges.iter().any(|range| {
            range.up_to.is_none()
                && !range.own_page()
                && matches!(range.state, State::Fetching { .. })
        });
        let reserved = if awaited { self.wave() } else { 0 };
        let open_ahead = self
            .ranges
            .iter()
            .any(|range| range.up_to.is_none() && matches!(range.state, State::Fetching { .. }));
        let reserve_budget = self.wave() as f64;
        candidates.into_iter().find_map(|(index, pages)| {
            let range = &self.ranges[index];
            let (first, last) = (range.first_key.as_deref()?, range.last_key.as_deref()?);
            let inside = |key: &String| {
                range
                    .after
                    .as_deref()
                    .is_none_or(|after| key.as_str() > after)
            };
            if range.up_to.is_none() && range.own_page() {
                let (part, keys) =
                    split::successors(first, last, &self.space, wave, self.successors.short_from);
                let keys: Vec<String> = keys.into_iter().filter(|key| inside(key)).collect();
                if !keys.is_empty() {
                    return Some(Split {
                        index,
                        keys,
                        kind: SplitKind::Successors,
                        sizes: Vec::new(),
                        successor_part: Some(part),
                    });
                }
            }
            if range.up_to.is_some() && free <= reserved {
                return None;
            }
            // A cut into pieces shorter than a stretch costs a request it does not earn back
            // (the budget grows by a tenth of the pages listed): while a range is open to the
            // end, whose keys may go on far, half the requests' worth of budget is kept for it.
            if range.up_to.is_some()
                && pages < 2.0 * self.stretch() as f64
                && open_ahead
                && self.budget_left() < reserve_budget
            {
                return None;
            }
            let (guess, kind) = match (&range.up_to, pages <= plausible) {
                (None, _) if !range.own_page() => (Guess::Probe, SplitKind::Carry),
                (None, _) => (Guess::Carry, SplitKind::Carry),
                (Some(_), true) => (Guess::Middle, SplitKind::Middle),
                (Some(_), false) => (Guess::Near, SplitKind::Carry),
            };
            let remainder = Remainder {
                lower: last,
                upper: range.up_to.as_deref(),
                first: Some(first),
                reach: range.reach,
                guess,
            };
            let key = split_key(&remainder, &self.space).filter(|key| inside(key))?;
            // A cut near the keys that leaves less than the least worth a request: not made.
            if guess == Guess::Near
                && split::pages_left(first, last, last, &key) < MIN_PAGES_TO_SPLIT
            {
                return None;
            }
            let sizes = match kind {
                SplitKind::Middle if pages.is_finite() => vec![pages / 2.0],
                _ => Vec::new(),
            };
            Some(Split {
                index,
                keys: vec![key],
                kind,
                sizes,
                successor_part: None,
            })
        })
    }

    /// A range whose rest looks to hold at least two stretches ([`Self::stretch`]; a plausible
    /// estimate, or open to the end), cut from its last key on, one cut per request free (at
    /// most half the requests allowed, or 4):
    ///
    /// - In key order, the first such range, and only when its estimate is usable, into
    ///   stretches: the requests then list the keys that come next, as the consumer takes them.
    ///   Halving the largest range instead left ranges far ahead that filled the buffer and held
    ///   every request while the first range listed alone (2,000 pages in key order at 16
    ///   requests took 1,460 round trips, against 135 unordered); cutting ranges ahead of a
    ///   first range whose estimate is not usable does the same, and so does cutting ranges
    ///   past one not heard from yet that may be long (a probe, a successor, or a piece
    ///   estimated at two stretches or more): the search stops there.
    /// - Unordered, the range with the most pages left: a bounded one into equal pieces, one
    ///   open to the end at stretches that double (1, 3, 7, ... stretches past its keys), which
    ///   find where its keys end in a few round trips while the pieces near the keys stay small.
    ///
    /// A range open to the end whose keys have a numbered part is left to its successors, which
    /// find where its keys are; and once the values of that part were seen to hold a page or
    /// two each, a bounded range too narrow to measure is left to the cuts near its keys
    /// (stretches on the counter of a day that ends within its page would be empty).
    fn pick_stretches(&self) -> Option<Split> {
        let stretch = self.stretch();
        let free = self.requests.saturating_sub(self.in_flight());
        // As many at once as successors: where a range open to the end ends is not known.
        let wave = free.min(self.wave());
        let plausible = PLAUSIBLE * self.requests as f64;
        let mut candidates: Vec<(usize, f64)> = Vec::new();
        for (index, range) in self.ranges.iter().enumerate() {
            let listing = matches!(range.state, State::Fetching { .. });
            if self.ordered
                && !matches!(range.state, State::Done)
                && !(listing && range.own_page())
                && range.expected_pages >= 2.0 * stretch as f64
            {
                // In key order, a range not heard from yet that may be long (not estimated, or
                // estimated at two stretches or more) is cut first: ranges after it are left
                // for later, as they would fill the buffer first (unpadded ids, whose first page
                // says little of the rest, took 189 round trips at 16 requests when ranges far
                // ahead were cut into stretches, against 33 unordered).
                break;
            }
            if !listing || !range.own_page() {
                continue;
            }
            if self.ordered && self.past_last_item(index) {
                break;
            }
            let pages = range.pages_left();
            if pages >= 2.0 * stretch as f64 {
                candidates.push((index, pages));
                if self.ordered {
                    // In key order only the first long rest: cutting ranges ahead of it fills
                    // the buffer with pages the consumer cannot take yet.
                    break;
                }
            }
        }
        if !self.ordered {
            // Unordered, the longest rest first, as the other splits.
            candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
        }
        for (index, pages) in candidates {
            let range = &self.ranges[index];
            let (Some(first), Some(last)) = (range.first_key.as_deref(), range.last_key.as_deref())
            else {
                continue;
            };
            let open = range.up_to.is_none();
            if pages.is_finite() && pages > plausible {
                continue;
            }
            if open
                && !(split::successors(first, last, &self.space, 1, self.successors.short_from).1)
                    .is_empty()
            {
                continue;
            }
            // A bounded rest too narrow to measure reaches past the part of the page's keys
            // (the rest of a day whose counter may end anywhere). Where the values of the
            // numbered part were seen to hold a page or two each, stretches on the counter
            // would be empty: the half-way cuts near the keys (days) find the keys instead.
            if !open && pages.is_infinite() && self.successors.short_from.is_some() {
                continue;
            }
            // How far past the last key each cut lies, in pages. A bounded range whose page was
            // too narrow to measure on the scale of its ends (infinite) is cut as an open one.
            let offsets: Vec<usize> = match (self.ordered, pages.is_infinite()) {
                (true, _) => (1..=wave).map(|nth| stretch.saturating_mul(nth)).collect(),
                (false, true) => (1..=wave)
                    .map(|nth| stretch.saturating_mul((1 << nth.min(16)) - 1))
                    .collect(),
                (false, false) => {
                    let pieces = ((pages / stretch as f64) as usize).min(wave + 1).max(2);
                    let piece = pages / pieces as f64;
                    (1..pieces)
                        .map(|nth| (piece * nth as f64) as usize)
                        .collect()
                }
            };
            let mut keys: Vec<String> = Vec::new();
            let mut at: Vec<f64> = Vec::new();
            for offset in offsets {
                if offset.saturating_add(stretch) as f64 > pages {
                    break;
                }
                let remainder = Remainder {
                    lower: last,
                    upper: range.up_to.as_deref(),
                    first: Some(first),
                    reach: range.reach,
                    guess: Guess::Ahead(u32::try_from(offset).unwrap_or(u32::MAX)),
                };
                let Some(key) = split_key(&remainder, &self.space) else {
                    break;
                };
                // Cut to its shortest, a key may round to one at or before the last cut.
                // Unordered, the next distance is tried (stopping there left a rest of 1,000
                // pages in one piece: 20,000 keys at 10 a page and 256 requests took 65 round
                // trips, now 15). In key order the cuts stop there, and the rest is cut when it
                // is the first long range again: going on, 500,000 counter keys at 64 requests
                // took 24.6 round trips instead of 14.2.
                if keys.last().is_none_or(|previous| key > *previous)
                    && (range.after.as_deref()).is_none_or(|after| key.as_str() > after)
                {
                    keys.push(key);
                    at.push(offset as f64);
                } else if self.ordered {
                    break;
                }
            }
            if !keys.is_empty() {
                // Each piece up to the next cut; the last one, the rest.
                let sizes = (at.iter().zip(at.iter().skip(1).chain([&pages])))
                    .map(|(from, to)| to - from)
                    .collect();
                return Some(Split {
                    index,
                    keys,
                    kind: SplitKind::Middle,
                    sizes,
                    successor_part: None,
                });
            }
        }
        None
    }

    /// Half the requests allowed, at least 4: the most cuts made at once (a wave of successors
    /// or stretches), and what is kept for a range open to the end (requests free, budget).
    fn wave(&self) -> usize {
        (self.requests / 2).max(4)
    }

    /// The fewest pages a piece [`Self::pick_stretches`] cuts holds: each costs about one
    /// request more than its pages, so at least [`MIN_STRETCH`]. In key order at least
    /// [`buffer_pages`](PartitionedPaginator::buffer_pages), what the buffer holds per request;
    /// unordered with fewer than 16 requests, longer in proportion: each range's extra request
    /// is a larger share of the listing's time (a quarter of a round trip at 4), and a few long
    /// ranges keep 4 requests as busy (2,000 pages of a counter at 4: 522 round trips and 2,051
    /// requests, against 560 and 2,198 in stretches of 10).
    fn stretch(&self) -> usize {
        if self.ordered {
            self.buffer_pages.max(MIN_STRETCH)
        } else {
            MIN_STRETCH * (16 / self.requests).max(1)
        }
    }

    /// Once the server was seen ignoring the start-after (each range lists from the first key),
    /// folds every range that yielded nothing into the range before it, while that one is still
    /// listing up to it: its request is cancelled and its pages dropped, and the range before
    /// lists on through its keys by its own tokens. What cannot fold (the range before ended,
    /// or this one yielded items) lists on as it is: still exact, at a higher cost.
    fn fold_ranges(&mut self) {
        let mut index = 1;
        while index < self.ranges.len() {
            let (before, after) = self.ranges.split_at_mut(index);
            let (left, right) = (&mut before[index - 1], &mut after[0]);
            let contiguous = left.up_to.is_some() && left.up_to == right.after;
            let listing = !matches!(left.state, State::Done);
            if contiguous && listing && right.fresh {
                left.up_to = right.up_to.take();
                left.splittable = false;
                self.ranges.remove(index);
                if self.current >= index {
                    self.current = self.current.saturating_sub(1);
                }
                self.dirty = true;
                continue;
            }
            index += 1;
        }
    }

    /// Whether one more range keeps the requests within about 1.1 times the sequential count,
    /// plus `requests`. What ranges cost over the sequential listing is measured as it goes: the
    /// requests answered less the full pages their items would fill, plus [`OPEN_RANGE_COST`]
    /// for each range still listing.
    fn may_split(&self) -> bool {
        if self.start_after_ignored {
            return false;
        }
        // With `max_items`, the pages held and asked for may already hold every item left.
        if let (Some(left), page) = (self.items_left, self.stats.page_items)
            && page > 0
            && (self.buffered() + self.in_flight()) as u64 >= left.div_ceil(page)
        {
            return false;
        }
        self.budget_left() >= 0.0
    }

    /// How many more ranges the request budget allows now (one more range included: negative
    /// when it does not).
    fn budget_left(&self) -> f64 {
        let Stats {
            pages,
            items,
            page_items,
            ..
        } = self.stats;
        let full_pages = if page_items == 0 {
            pages as f64
        } else {
            items as f64 / page_items as f64
        };
        let listing = self.ranges.iter().filter(|range| range.has_work()).count();
        let open = listing as f64 * OPEN_RANGE_COST;
        let spent = pages as f64 - full_pages + open + 1.0;
        self.requests as f64 + full_pages / 10.0 - spent
    }

    /// Stops every range where it stands: requests in flight are cancelled.
    fn stop(&mut self) {
        for range in &mut self.ranges {
            if let State::Fetching { after, .. } = &range.state {
                range.state = State::Waiting(Some(after.clone()));
            }
        }
        self.ended = true;
    }

    fn fail(&mut self, error: Error<Op::Error>) -> PartitionedError<Op::Error> {
        self.stop();
        let cursor = self.cursor().unwrap_or_else(|| PartitionCursor {
            identity: self.identity.clone(),
            ranges: Vec::new(),
        });
        PartitionedError { error, cursor }
    }
}

/// The first ranges: one, or one per gap between the caller's split keys.
fn initial_ranges<Op: KeyRanges>(
    start: Option<String>,
    keys: Vec<String>,
    space: &KeySpace,
) -> Vec<Range<Op>> {
    let mut bounds: Vec<String> = keys
        .into_iter()
        .map(|key| {
            // A bound inside a common prefix moves before it.
            let delimiter = space.delimiter.as_deref().unwrap_or_default();
            match before_common_prefix(&key, &space.prefix, delimiter) {
                Some(before) => before.to_owned(),
                None => key,
            }
        })
        .filter(|key| start.as_ref().is_none_or(|start| key > start))
        .collect();
    bounds.sort();
    bounds.dedup();
    let mut ranges = Vec::with_capacity(bounds.len() + 1);
    let mut after = start;
    for bound in bounds {
        ranges.push(Range::new(after, Some(bound.clone()), None));
        after = Some(bound);
    }
    ranges.push(Range::new(after, None, None));
    ranges
}

/// The template paginator, its page requests spawned on the Tokio runtime (when there is one at
/// the time of the request) so that answers are parsed on every core; dropping a request's
/// future aborts its task.
fn spawning<Op: KeyRanges>(paginator: Paginator<Op>) -> Paginator<Op> {
    #[cfg(feature = "tokio")]
    {
        let mut paginator = paginator;
        let send: crate::fetch::Sender<Op> = match paginator.sender.take() {
            Some(send) => send,
            None => Arc::new(|request| Op::send(request)),
        };
        paginator.sender = Some(Arc::new(move |request| {
            let response = send(request);
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => {
                    #[cfg(feature = "tracing")]
                    let response =
                        tracing::instrument::WithSubscriber::with_current_subscriber(response);
                    Box::pin(Spawned(runtime.spawn(response))) as crate::SendFuture<Op>
                }
                Err(_) => response,
            }
        }));
        paginator
    }
    #[cfg(not(feature = "tokio"))]
    paginator
}

/// A request running on its own task, aborted when dropped.
#[cfg(feature = "tokio")]
struct Spawned<T>(tokio::task::JoinHandle<T>);

#[cfg(feature = "tokio")]
impl<T> std::future::Future for Spawned<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        match std::task::ready!(Pin::new(&mut self.0).poll(cx)) {
            Ok(output) => Poll::Ready(output),
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            Err(_) => panic!(
                "a parallel listing's page request was cancelled: the Tokio runtime shut down"
            ),
        }
    }
}

#[cfg(feature = "tokio")]
impl<T> Drop for Spawned<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

// No field is ever pinned: request futures are boxed.
impl<Op: KeyRanges> Unpin for PartitionedItems<Op> {}

impl<Op: KeyRanges> Stream for PartitionedItems<Op> {
    type Item = Result<Op::Item, PartitionedError<Op::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.ended {
            return Poll::Ready(None);
        }
        if this.items_left == Some(0) {
            this.stop();
            return Poll::Ready(None);
        }
        this.signal.register(cx.waker());
        loop {
            if this.signal.woken.swap(false, Ordering::AcqRel) || this.dirty {
                this.dirty = false;
                if let Err(error) = this.drive() {
                    return Poll::Ready(Some(Err(this.fail(error))));
                }
            }
            if let Some(item) = this.take_item() {
                if let Some(left) = &mut this.items_left {
                    *left -= 1;
                }
                return Poll::Ready(Some(Ok(item)));
            }
            if this.ranges.iter().all(Range::is_finished) {
                this.ranges.clear();
                this.ended = true;
                return Poll::Ready(None);
            }
            // A range woken meanwhile has woken this task too: polling again now would spin
            // while Tokio's cooperative budget keeps answering "not yet" and waking.
            if !this.dirty {
                return Poll::Pending;
            }
        }
    }
}

impl<Op: KeyRanges> FusedStream for PartitionedItems<Op> {
    fn is_terminated(&self) -> bool {
        self.ended
    }
}

impl<Op: KeyRanges> std::fmt::Debug for PartitionedItems<Op> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartitionedItems")
            .field("ranges", &self.ranges.len())
            .field("requests", &self.requests)
            .field("ordered", &self.ordered)
            .field("pages", &self.stats.pages)
            .field("ended", &self.ended)
            .finish()
    }
}
