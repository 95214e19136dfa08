//! [`PartitionedPaginator`]: a parallel listing configured, before it runs.

use super::scale::before_common_prefix;
use super::schedule::Seed;
use super::{KeyRange, KeyRanges, KeySpace, PartitionCursor, PartitionedItems, SplitPoints};
use crate::fingerprint::Named;
use crate::{CursorError, Paginator};

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
    pub(super) paginator: Paginator<Op>,
    pub(super) max_items: Option<u64>,
    pub(super) requests: usize,
    pub(super) ordered: bool,
    pub(super) buffer_pages: usize,
    pub(super) split_keys: Vec<String>,
    pub(super) split_points: Option<SplitPoints>,
    pub(super) key_range: Option<KeyRange>,
    pub(super) resume: Option<PartitionCursor>,
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
    /// reached, only the `requests` ranges nearest the front go on, each while it holds fewer
    /// than `pages` pages of its own (with `max_items`, the first alone), so a slow consumer
    /// holds the listing back, memory stays under twice the bound, and the range the consumer
    /// needs next never waits for the buffer; ranges are cut within the pages the buffer holds
    /// from the front, so that the requests list what the consumer takes next. For scale: a ListObjectsV2 page of 1,000 objects takes about 1.5 MB
    /// once parsed (BENCHMARKS.md), so 64 requests at the default hold up to about 800 MB;
    /// lower it when memory matters more than the ordered mode's speed.
    pub fn buffer_pages(mut self, pages: usize) -> Self {
        self.buffer_pages = pages.max(1);
        self
    }

    /// Starts with a range boundary at each of `keys` (keys the caller knows, from an inventory
    /// or known prefixes) rather than with one range. Keys outside the listing, or inside a
    /// common prefix, are moved or left out; ranges still split as they go. Ignored when
    /// resuming.
    ///
    /// Each range costs up to one request past its keys, outside the request budget: give
    /// boundaries between parts of many pages each, about as many as `requests`. To start from
    /// what an earlier listing measured, [`split_points`](PartitionedPaginator::split_points)
    /// is better: it groups small ranges and splits large ones by their sizes.
    pub fn split_at<K: Into<String>>(mut self, keys: impl IntoIterator<Item = K>) -> Self {
        self.split_keys = keys.into_iter().map(Into::into).collect();
        self
    }

    /// Starts from what an earlier listing of the same key space learned
    /// ([`PartitionedItems::split_points`]): the unlisted keys are cut by those sizes from the
    /// first round trip, rather than found as pages arrive. The points are hints: where they no
    /// longer fit the keys (keys added or deleted, another prefix), the listing costs more
    /// requests, never an item lost, repeated or out of order. Ignored when resuming.
    pub fn split_points(mut self, points: &SplitPoints) -> Self {
        self.split_points = Some(points.clone());
        self
    }

    /// Lists only the keys of `range` (one part of [`SplitPoints::partition`], for example):
    /// the parts of a key space, each listed by itself (on another machine, with its own
    /// cursor), concatenate to the whole listing. Within the request's own start-after, if it
    /// has one. A range that holds no key ([`KeyRange::is_empty`]) lists nothing.
    ///
    /// When resuming, the cursor holds the part's ranges; they must lie within `range`, or the
    /// stream ends at once with [`CursorError::OutsideKeyRange`] (a cursor of another part).
    pub fn key_range(mut self, range: KeyRange) -> Self {
        self.key_range = Some(range);
        self
    }

    /// Continues a parallel listing at `cursor`: exactly the items not yet yielded are listed.
    ///
    /// # Errors
    ///
    /// The cursor was made for a request with other parameters ([`CursorError::ParametersDiffer`]
    /// or [`CursorError::RequestMismatch`]), or for another operation
    /// ([`CursorError::TokenMismatch`]), or for another part of the key space than the
    /// [`key_range`](PartitionedPaginator::key_range) given before
    /// ([`CursorError::OutsideKeyRange`]; given after, the stream ends with it). A range's own
    /// position is checked when that range starts: a mismatch there ends the stream with
    /// [`Error::Cursor`](crate::Error::Cursor).
    pub fn resume_from(mut self, cursor: &PartitionCursor) -> Result<Self, CursorError> {
        let request = &self.paginator.request;
        Named::of::<Op>(request).accepts::<Op>(request, &cursor.identity, true)?;
        if let Some(range) = &self.key_range
            && !cursor.within(range)
        {
            return Err(CursorError::OutsideKeyRange);
        }
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
            .field(
                "split_points",
                &self.split_points.as_ref().map(|p| p.ranges().len()),
            )
            .field("key_range", &self.key_range)
            .field("resume", &self.resume.is_some())
            .finish()
    }
}

/// Where the listing starts: after the request's own lower bound and the key range's, the later.
pub(super) fn lower_bound<Op: KeyRanges>(
    request: &Op::Request,
    range: Option<&KeyRange>,
) -> Option<String> {
    let own = Op::lower_bound(request);
    let range = range.and_then(|range| range.after.clone());
    match (own, range) {
        (Some(own), Some(range)) => Some(own.max(range)),
        (own, range) => own.or(range),
    }
}

/// The first ranges: one, or one per gap between the caller's split keys, within
/// `(start, up_to]`.
pub(super) fn initial_ranges<M>(
    start: Option<String>,
    up_to: Option<String>,
    keys: Vec<String>,
    space: &KeySpace,
) -> Vec<Seed<M>> {
    let delimiter = space.delimiter.as_deref().unwrap_or_default();
    let mut bounds: Vec<String> = keys
        .into_iter()
        .map(
            |key| match before_common_prefix(&key, &space.prefix, delimiter) {
                // A bound inside a common prefix moves before it.
                Some(before) => before.to_owned(),
                None => key,
            },
        )
        .filter(|key| start.as_ref().is_none_or(|start| key > start))
        .filter(|key| up_to.as_ref().is_none_or(|up_to| key < up_to))
        .collect();
    bounds.sort();
    bounds.dedup();
    let mut ranges = Vec::with_capacity(bounds.len() + 1);
    let mut after = start;
    for bound in bounds {
        ranges.push(Seed {
            after,
            up_to: Some(bound.clone()),
            position: None,
        });
        after = Some(bound);
    }
    if after
        .as_ref()
        .zip(up_to.as_ref())
        .is_none_or(|(after, up_to)| after < up_to)
    {
        ranges.push(Seed {
            after,
            up_to,
            position: None,
        });
    }
    ranges
}
