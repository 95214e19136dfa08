//! The declaration's functions: `next_request` (a computed next request: offsets, decoded markers)
//! and `item_order` (items of several fields interleaved in the service's order); and the rules
//! that came with them: a repeated token while the flag says more, and `page_size(0)`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::TryStreamExt;
use pagination_core::{
    Cursor, Error, GuardPolicy, IntoPaginator, ItemOrder, PageRequest, paginate,
};

use crate::drain;

/// Counts the requests an API answered.
#[derive(Debug, Clone, Default)]
struct Calls(Arc<AtomicUsize>);

impl Calls {
    fn add(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }

    fn get(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

// --- Offset and limit, with a total: the next offset is computed, not copied --------------------

struct RowsPage {
    rows: Vec<u64>,
    total: u64,
}

/// Rows `0..total`, `limit` at a time from `offset`.
#[paginate(input_token = offset, items = rows: u64, page_size = limit, next_request = next_offset)]
#[derive(Debug, Clone)]
struct ListRows {
    #[allow(dead_code)]
    calls: Calls,
    total: u64,
    offset: Option<u64>,
    limit: Option<u32>,
}

/// The offset after this page's rows; none once the total is reached (or a page is empty).
fn next_offset(mut request: ListRows, page: &RowsPage) -> ListRows {
    let next = request.offset.unwrap_or(0) + page.rows.len() as u64;
    request.offset = (!page.rows.is_empty() && next < page.total).then_some(next);
    request
}

impl PageRequest for ListRows {
    type Output = RowsPage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<RowsPage, Self::Error> {
        self.calls.add();
        let start = self.offset.unwrap_or(0).min(self.total);
        let end = (start + u64::from(self.limit.unwrap_or(10))).min(self.total);
        Ok(RowsPage {
            rows: (start..end).collect(),
            total: self.total,
        })
    }
}

fn rows(total: u64) -> ListRows {
    ListRows {
        calls: Calls::default(),
        total,
        offset: None,
        limit: None,
    }
}

#[tokio::test]
async fn an_offset_api_lists_every_row_through_its_next_request_function() {
    for (total, size) in [(0, 3), (1, 3), (9, 3), (10, 3), (77, 10), (5, 1000)] {
        let request = rows(total);
        let listed: Vec<u64> = request
            .clone()
            .into_paginator()
            .page_size(size)
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(
            listed,
            (0..total).collect::<Vec<_>>(),
            "{total} rows by {size}"
        );
        let pages = (total as usize).div_ceil(size as usize).max(1);
        assert_eq!(request.calls.get(), pages, "{total} rows by {size}");
    }
}

#[tokio::test]
async fn an_offset_api_resumes_after_every_row() {
    // The next offset counts the page's rows: it must see the whole page even when the listing
    // resumes in the middle of one (the engine trims the page only after reading the next request).
    let total = 23;
    for taken in 0..=total {
        let mut first = rows(total)
            .into_paginator()
            .page_size(5)
            .max_items(taken)
            .items();
        let mut seen: Vec<u64> = Vec::new();
        while let Some(row) = first.try_next().await.unwrap() {
            seen.push(row);
        }
        if let Some(cursor) = first.cursor() {
            let cursor: Cursor = cursor.to_string().parse().unwrap();
            let rest: Vec<u64> = rows(total)
                .into_paginator()
                .page_size(5)
                .resume_from(&cursor)
                .unwrap()
                .items()
                .try_collect()
                .await
                .unwrap();
            seen.extend(rest);
        }
        assert_eq!(seen, (0..total).collect::<Vec<_>>(), "after {taken} rows");
    }
}

// --- A marker the service encodes, decoded before it is sent back ------------------------------

struct NamesPage {
    names: Vec<String>,
    /// The next marker, "encoded" by the service as the name reversed.
    next_marker: Option<String>,
}

/// Names in order; the service encodes its markers, and takes them back decoded.
#[paginate(
    input_token = marker,
    output_token = next_marker,
    items = names: String,
    page_size = max,
    next_request = decode_marker
)]
#[derive(Debug, Clone)]
struct ListNames {
    marker: Option<String>,
    max: Option<u32>,
}

/// Runs after the declared tokens are copied: only the decoding is left to do.
fn decode_marker(mut request: ListNames, _page: &NamesPage) -> ListNames {
    request.marker = request.marker.map(|marker| marker.chars().rev().collect());
    request
}

fn all_names() -> Vec<String> {
    ["ant", "bee", "cat", "dog", "eel", "fox", "gnu"]
        .map(String::from)
        .to_vec()
}

impl PageRequest for ListNames {
    type Output = NamesPage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<NamesPage, Self::Error> {
        let all = all_names();
        let start = match &self.marker {
            // A marker that was not decoded names nothing, and would restart the listing.
            Some(marker) => all
                .iter()
                .position(|name| name > marker)
                .unwrap_or(all.len()),
            None => 0,
        };
        let end = (start + self.max.unwrap_or(2) as usize).min(all.len());
        let names = all[start..end].to_vec();
        let next_marker = (end < all.len()).then(|| names[names.len() - 1].chars().rev().collect());
        Ok(NamesPage { names, next_marker })
    }
}

#[tokio::test]
async fn a_next_request_function_adjusts_the_copied_token() {
    let names: Vec<String> = ListNames {
        marker: None,
        max: None,
    }
    .into_paginator()
    .page_size(3)
    .items()
    .try_collect()
    .await
    .unwrap();
    assert_eq!(names, all_names());
}

// --- Two item fields, interleaved by key --------------------------------------------------------

/// One entry of the listing: a file or a folder, named.
#[derive(Debug, Clone, PartialEq)]
enum Entry {
    File(String),
    Folder(String),
}

struct TreePage {
    files: Vec<String>,
    folders: Option<Vec<String>>,
    next: Option<usize>,
    more: bool,
}

/// A sorted listing of names whose page holds files and folders in two lists.
#[paginate(
    input_token = start,
    output_token = next,
    more_results = more,
    items = (files: String as File, folders: String as Folder),
    item_enum = TreeEntry,
    page_size = max,
    item_order = by_name,
)]
#[derive(Debug, Clone)]
struct ListTree {
    start: Option<usize>,
    max: Option<u32>,
    /// Answer every page with an order that misses an item (a faulty `item_order`).
    #[allow(dead_code)]
    faulty_order: bool,
}

fn by_name(page: &TreePage) -> ItemOrder {
    ItemOrder::merge_by_key([
        page.files.iter().collect::<Vec<_>>(),
        page.folders.iter().flatten().collect(),
    ])
}

/// The whole listing: names in order, folders every third.
fn tree() -> Vec<Entry> {
    (0..20)
        .map(|n| {
            let name = format!("n{n:02}");
            if n % 3 == 1 {
                Entry::Folder(name)
            } else {
                Entry::File(name)
            }
        })
        .collect()
}

impl PageRequest for ListTree {
    type Output = TreePage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<TreePage, Self::Error> {
        let all = tree();
        let start = self.start.unwrap_or(0);
        let end = (start + self.max.unwrap_or(4) as usize).min(all.len());
        let mut page = TreePage {
            files: Vec::new(),
            folders: None,
            next: (end < all.len()).then_some(end),
            more: end < all.len(),
        };
        for entry in &all[start..end] {
            match entry {
                Entry::File(name) => page.files.push(name.clone()),
                Entry::Folder(name) => page.folders.get_or_insert_with(Vec::new).push(name.clone()),
            }
        }
        Ok(page)
    }
}

fn entry(item: TreeEntry) -> Entry {
    match item {
        TreeEntry::File(name) => Entry::File(name),
        TreeEntry::Folder(name) => Entry::Folder(name),
    }
}

fn tree_request() -> ListTree {
    ListTree {
        start: None,
        max: None,
        faulty_order: false,
    }
}

#[tokio::test]
async fn items_of_several_fields_come_in_the_declared_order_at_every_page_size() {
    for size in [1, 2, 3, 4, 7, 100] {
        let items: Vec<Entry> = tree_request()
            .into_paginator()
            .page_size(size)
            .items()
            .map_ok(entry)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(items, tree(), "page size {size}");
    }
}

#[tokio::test]
async fn an_ordered_listing_resumes_after_every_item() {
    let all = tree();
    for size in [3, 7] {
        for taken in 0..=all.len() as u64 {
            let mut first = tree_request()
                .into_paginator()
                .page_size(size)
                .max_items(taken)
                .items();
            let mut seen = Vec::new();
            while let Some(item) = first.try_next().await.unwrap() {
                seen.push(entry(item));
            }
            if let Some(cursor) = first.cursor() {
                let rest: Vec<Entry> = tree_request()
                    .into_paginator()
                    .page_size(size)
                    .resume_from(&cursor)
                    .unwrap()
                    .items()
                    .map_ok(entry)
                    .try_collect()
                    .await
                    .unwrap();
                seen.extend(rest);
            }
            assert_eq!(seen, all, "page size {size}, {taken} items first");
        }
    }
}

#[tokio::test]
async fn the_page_stream_trims_each_field_to_the_ordered_items_kept() {
    // Page of 7 from n00: files n00 n02 n03 n05 n06, folders n01 n04. Resuming after 2 items
    // (n00, n01) and keeping 3 leaves n02 n03 (files) and n04 (folder).
    let mut first = tree_request()
        .into_paginator()
        .page_size(7)
        .max_items(2)
        .items();
    while first.try_next().await.unwrap().is_some() {}
    let cursor = first.cursor().unwrap();
    let pages: Vec<TreePage> = tree_request()
        .into_paginator()
        .page_size(7)
        .resume_from(&cursor)
        .unwrap()
        .max_items(3)
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].files, ["n02", "n03"]);
    assert_eq!(pages[0].folders.as_deref(), Some(&["n04".to_owned()][..]));
}

/// The same listing, with an `item_order` that drops an item.
#[paginate(
    input_token = start,
    output_token = next,
    more_results = more,
    items = (files: String as File, folders: String as Folder),
    item_enum = FaultyTreeEntry,
    page_size = max,
    item_order = missing_one,
)]
#[derive(Debug, Clone)]
struct ListTreeFaultyOrder {
    start: Option<usize>,
    max: Option<u32>,
}

fn missing_one(page: &TreePage) -> ItemOrder {
    let mut order = by_name(page).as_slice().to_vec();
    order.pop();
    ItemOrder::from_field_indices(order)
}

impl PageRequest for ListTreeFaultyOrder {
    type Output = TreePage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<TreePage, Self::Error> {
        ListTree {
            start: self.start,
            max: self.max,
            faulty_order: true,
        }
        .send()
        .await
    }
}

#[tokio::test]
async fn an_order_that_misses_an_item_is_ignored_and_loses_nothing() {
    let items: Vec<FaultyTreeEntry> = ListTreeFaultyOrder {
        start: None,
        max: None,
    }
    .into_paginator()
    .page_size(20)
    .items()
    .try_collect()
    .await
    .unwrap();
    // One page: its files, then its folders.
    let (files, folders): (Vec<Entry>, Vec<Entry>) = tree()
        .into_iter()
        .partition(|entry| matches!(entry, Entry::File(_)));
    let expected: Vec<Entry> = files.into_iter().chain(folders).collect();
    let got: Vec<Entry> = items
        .into_iter()
        .map(|item| match item {
            FaultyTreeEntry::File(name) => Entry::File(name),
            FaultyTreeEntry::Folder(name) => Entry::Folder(name),
        })
        .collect();
    assert_eq!(got, expected);
}

// --- A repeated token while the flag says more --------------------------------------------------

struct FlagPage {
    values: Vec<u32>,
    next: Option<u32>,
    truncated: bool,
}

/// Values `0..10`, 2 a page; from value 4 on the service hands back the token it was sent and
/// still says it is truncated (as a faulty S3-compatible server does).
#[paginate(input_token = after, output_token = next, items = values: u32, more_results = truncated)]
#[derive(Debug, Clone, Default)]
struct ListStuck {
    #[allow(dead_code)]
    calls: Calls,
    after: Option<u32>,
}

impl PageRequest for ListStuck {
    type Output = FlagPage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<FlagPage, Self::Error> {
        self.calls.add();
        let start = self.after.unwrap_or(0);
        let end = (start + 2).min(10);
        Ok(FlagPage {
            values: (start..end).collect(),
            next: Some(if start >= 4 { start } else { end }),
            truncated: end < 10,
        })
    }
}

#[tokio::test]
async fn a_repeated_token_while_the_flag_says_more_is_an_error_with_the_cursor() {
    let request = ListStuck::default();
    let (values, error) = drain(request.clone().into_paginator().items()).await;
    // Pages 0-1, 2-3, and 4-5, whose token points back at 4-5.
    assert_eq!(values, [0, 1, 2, 3, 4, 5]);
    let Some(Error::DuplicateToken { cursor }) = error else {
        panic!("expected a duplicate-token error, got {error:?}");
    };
    assert_eq!(request.calls.get(), 3);
    // The cursor points after the page's items: resuming asks for that page again, skips what
    // was yielded (nothing repeats) and, the service being no better, meets the same guard.
    let (resumed, error) = drain(
        ListStuck::default()
            .into_paginator()
            .resume_from(&cursor)
            .unwrap()
            .items(),
    )
    .await;
    assert!(resumed.is_empty());
    assert!(matches!(error, Some(Error::DuplicateToken { .. })));

    // A limit reached before the repeated token would be followed is a clean stop, and its
    // cursor does not repeat the page either.
    for limit in [5, 6] {
        let mut items = ListStuck::default()
            .into_paginator()
            .max_items(limit)
            .items();
        let mut seen = Vec::new();
        while let Some(value) = items.try_next().await.unwrap() {
            seen.push(value);
        }
        assert_eq!(seen, (0..limit as u32).collect::<Vec<_>>());
        let (rest, error) = drain(
            ListStuck::default()
                .into_paginator()
                .resume_from(&items.cursor().unwrap())
                .unwrap()
                .items(),
        )
        .await;
        assert_eq!(rest, (limit as u32..6).collect::<Vec<_>>(), "after {limit}");
        assert!(matches!(error, Some(Error::DuplicateToken { .. })));
    }

    // The AWS SDK's behaviour stays one call away.
    let (values, error) = drain(
        ListStuck::default()
            .into_paginator()
            .stop_on_duplicate_token(true)
            .items(),
    )
    .await;
    assert_eq!(values, [0, 1, 2, 3, 4, 5]);
    assert!(error.is_none());
    let (_, error) = drain(
        ListStuck::default()
            .into_paginator()
            .on_duplicate_token(GuardPolicy::Continue)
            .max_pages(5)
            .items(),
    )
    .await;
    assert!(error.is_none());
}

// --- page_size(0) --------------------------------------------------------------------------------

#[tokio::test]
async fn a_page_size_of_zero_is_an_error_before_any_request() {
    let request = rows(10);
    let (items, error) = drain(request.clone().into_paginator().page_size(0).items()).await;
    assert!(items.is_empty());
    assert!(
        matches!(error, Some(Error::InvalidPageSize { .. })),
        "{error:?}"
    );
    assert_eq!(request.calls.get(), 0);
    let (pages, error) = drain(request.clone().into_paginator().page_size(0).send()).await;
    assert!(pages.is_empty());
    assert!(matches!(error, Some(Error::InvalidPageSize { .. })));
    // A later non-zero size wins.
    let items: Vec<u64> = request
        .into_paginator()
        .page_size(0)
        .page_size(4)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 10);
}
