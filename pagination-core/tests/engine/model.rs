//! In-memory paginated APIs, each paging by a different rule, declared with `#[paginate]` as a
//! user would declare their own builders.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::TryStreamExt;
use pagination_core::{
    Cursor, CursorError, Error, PageRequest, PaginatedOperation, Paginator, TokenDecoder,
    TokenEncoder, TokenValue, paginate,
};

use crate::drain;

/// The items every model serves: `item-000`, `item-001`, ...
pub fn catalog(len: usize) -> Vec<String> {
    catalog_range(0..len)
}

/// The items at `range` of the catalog.
pub fn catalog_range(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|index| format!("item-{index:03}")).collect()
}

/// Counts requests and can fail chosen ones; its `Debug` names it only, so that the request
/// fingerprint does not change while a listing runs.
#[derive(Clone, Default)]
pub struct Server {
    calls: Arc<AtomicUsize>,
    /// Request numbers (0-based) that fail.
    failing: Arc<Vec<usize>>,
}

impl fmt::Debug for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Server")
    }
}

impl Server {
    pub fn failing_on(calls: &[usize]) -> Self {
        Server {
            calls: Arc::default(),
            failing: Arc::new(calls.to_vec()),
        }
    }

    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    /// Counts a request; `Err` when it is one of the failing ones.
    pub fn call(&self) -> Result<(), ApiError> {
        let number = self.calls.fetch_add(1, Ordering::SeqCst);
        if self.failing.contains(&number) {
            Err(ApiError(number))
        } else {
            Ok(())
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError(pub usize);

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "request {} failed", self.0)
    }
}

impl std::error::Error for ApiError {}

/// How the one-token model says "no more".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LastPage {
    /// No token.
    #[default]
    Absent,
    /// An empty-string token.
    EmptyToken,
    /// The token it was sent, again (some services do this on the last page).
    SameToken,
}

// ---------------------------------------------------------------------------------------------
// One string token, an offset; a page-size field.

/// How many items a model holds: shared, so a test can change the data under a listing, and left
/// out of the request's fingerprint (it is the data, not a parameter).
#[derive(Clone)]
pub struct Len(Arc<AtomicUsize>);

impl Len {
    pub fn new(len: usize) -> Self {
        Len(Arc::new(AtomicUsize::new(len)))
    }

    pub fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }

    pub fn set(&self, len: usize) {
        self.0.store(len, Ordering::SeqCst);
    }
}

impl fmt::Debug for Len {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Len")
    }
}

#[paginate(input_token = after, output_token = next, page_size = limit, items = items: String)]
#[derive(Clone, Debug)]
pub struct ListOne {
    pub server: Server,
    pub len: Len,
    pub last_page: LastPage,
    pub after: Option<String>,
    pub limit: Option<u32>,
    /// A request parameter: cursors must not travel between filters.
    pub filter: Option<String>,
}

impl ListOne {
    pub fn new(server: &Server, len: usize) -> Self {
        ListOne {
            server: server.clone(),
            len: Len::new(len),
            last_page: LastPage::Absent,
            after: None,
            limit: None,
            filter: None,
        }
    }
}

pub struct OnePage {
    pub items: Vec<String>,
    pub next: Option<String>,
}

impl PageRequest for ListOne {
    type Output = OnePage;
    type Error = ApiError;

    async fn send(self) -> Result<OnePage, ApiError> {
        self.server.call()?;
        let len = self.len.get();
        let start: usize = self
            .after
            .as_deref()
            .map_or(0, |after| after.parse().unwrap());
        let end = (start + self.limit.unwrap_or(10) as usize).min(len);
        let next = if end < len {
            Some(end.to_string())
        } else {
            match self.last_page {
                LastPage::Absent => None,
                LastPage::EmptyToken => Some(String::new()),
                LastPage::SameToken => self.after.clone(),
            }
        };
        let mut items = catalog_range(start.min(end)..end);
        if let Some(prefix) = &self.filter {
            items.retain(|item| item.starts_with(prefix.as_str()));
        }
        Ok(OnePage { items, next })
    }
}

// ---------------------------------------------------------------------------------------------
// Two tokens that travel together, like S3's key and version-id markers. Items are grouped ten
// to a group; the markers name the last item returned. When a page ends on the last item of a
// group, only the group marker comes back, and a stale index marker would skip items.

#[paginate(
    input_token = (group_marker, index_marker),
    output_token = (next_group_marker, next_index_marker),
    more_results = truncated,
    page_size = max,
    items = items: String,
)]
#[derive(Clone, Debug)]
pub struct ListTwo {
    pub server: Server,
    pub len: usize,
    pub group_marker: Option<String>,
    pub index_marker: Option<u32>,
    pub max: Option<u32>,
}

pub struct TwoPage {
    pub items: Vec<String>,
    pub truncated: bool,
    pub next_group_marker: Option<String>,
    pub next_index_marker: Option<u32>,
}

pub const GROUP: usize = 10;

impl PageRequest for ListTwo {
    type Output = TwoPage;
    type Error = ApiError;

    async fn send(self) -> Result<TwoPage, ApiError> {
        self.server.call()?;
        let start = match (&self.group_marker, self.index_marker) {
            (Some(group), Some(index)) => {
                group.parse::<usize>().unwrap() * GROUP + index as usize + 1
            }
            (Some(group), None) => (group.parse::<usize>().unwrap() + 1) * GROUP,
            (None, Some(_)) => panic!("an index marker without a group marker"),
            (None, None) => 0,
        };
        let end = (start + self.max.unwrap_or(7) as usize).min(self.len);
        let last = end.checked_sub(1).filter(|last| *last >= start);
        let ends_group = last.is_some_and(|last| last % GROUP == GROUP - 1);
        Ok(TwoPage {
            items: catalog_range(start.min(end)..end),
            truncated: end < self.len,
            next_group_marker: last.map(|last| (last / GROUP).to_string()),
            next_index_marker: last
                .filter(|_| !ends_group)
                .map(|last| (last % GROUP) as u32),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// A "more results" flag decides the end; the marker is returned on every page, the last too,
// like S3 ListObjects v1 with a delimiter. Two item fields, yielded as one enum. Can also be made
// to loop (tokens cycling) or to say "more" without a token.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Misbehaviour {
    #[default]
    None,
    /// After page `at`, point back to the page of `to`.
    CycleBack { at: usize, to: usize },
    /// Page `at` says more results follow but has no marker.
    NoMarker { at: usize },
}

#[paginate(
    input_token = marker,
    output_token = next_marker,
    more_results = more,
    page_size = size,
    items = (entries: String as Entry, prefixes: u32 as Prefix),
)]
#[derive(Clone, Debug)]
pub struct ListFlagged {
    pub server: Server,
    pub len: usize,
    pub misbehaviour: Misbehaviour,
    pub marker: Option<String>,
    pub size: Option<u32>,
}

pub struct FlaggedPage {
    pub entries: Option<Vec<String>>,
    pub prefixes: Option<Vec<u32>>,
    pub more: Option<bool>,
    pub next_marker: Option<String>,
}

impl PageRequest for ListFlagged {
    type Output = FlaggedPage;
    type Error = ApiError;

    async fn send(self) -> Result<FlaggedPage, ApiError> {
        self.server.call()?;
        let size = self.size.unwrap_or(4) as usize;
        let page = self
            .marker
            .as_deref()
            .map_or(0, |marker| marker.parse().unwrap());
        let start = (page * size).min(self.len);
        let end = (start + size).min(self.len);
        let mut next_page = Some(page + 1);
        match self.misbehaviour {
            Misbehaviour::CycleBack { at, to } if page == at => next_page = Some(to),
            Misbehaviour::NoMarker { at } if page == at => next_page = None,
            _ => {}
        }
        Ok(FlaggedPage {
            entries: Some(catalog_range(start..end)),
            // One prefix per page, after its entries, to exercise several item fields.
            prefixes: Some(vec![page as u32]),
            more: Some(end < self.len || next_page.is_some_and(|next| next <= page)),
            next_marker: next_page.map(|next| next.to_string()),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// An integer token.

#[paginate(input_token = start, output_token = next_start, page_size = count, items = values: u64)]
#[derive(Clone, Debug)]
pub struct ListNumbers {
    pub server: Server,
    pub len: u64,
    pub start: Option<u64>,
    pub count: Option<u16>,
}

pub struct NumbersPage {
    pub values: Vec<u64>,
    pub next_start: Option<u64>,
}

impl PageRequest for ListNumbers {
    type Output = NumbersPage;
    type Error = ApiError;

    async fn send(self) -> Result<NumbersPage, ApiError> {
        self.server.call()?;
        let start = self.start.unwrap_or(0);
        let end = (start + u64::from(self.count.unwrap_or(5))).min(self.len);
        Ok(NumbersPage {
            values: (start..end).collect(),
            next_start: (end < self.len).then_some(end),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// A map token, like DynamoDB's `LastEvaluatedKey`, holding values of a type of our own.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttributeValue {
    S(String),
    N(i64),
}

impl TokenValue for AttributeValue {
    fn encode(&self, out: &mut TokenEncoder) {
        match self {
            AttributeValue::S(text) => {
                out.write_u64(0);
                text.encode(out);
            }
            AttributeValue::N(number) => {
                out.write_u64(1);
                number.encode(out);
            }
        }
    }

    fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
        match input.read_u64()? {
            0 => String::decode(input).map(AttributeValue::S),
            1 => i64::decode(input).map(AttributeValue::N),
            _ => Err(input.invalid()),
        }
    }
}

pub type Key = HashMap<String, AttributeValue>;

#[paginate(
    input_token = exclusive_start_key,
    output_token = last_evaluated_key,
    page_size = limit,
    items = items: Key,
)]
#[derive(Clone, Debug)]
pub struct Scan {
    pub server: Server,
    pub len: usize,
    pub exclusive_start_key: Option<Key>,
    pub limit: Option<i32>,
}

pub struct ScanPage {
    pub items: Vec<Key>,
    pub last_evaluated_key: Option<Key>,
}

pub fn scan_key(index: usize) -> Key {
    HashMap::from([
        (
            "pk".to_owned(),
            AttributeValue::S(format!("user#{}", index / 3)),
        ),
        ("sk".to_owned(), AttributeValue::N(index as i64)),
    ])
}

impl PageRequest for Scan {
    type Output = ScanPage;
    type Error = ApiError;

    async fn send(self) -> Result<ScanPage, ApiError> {
        self.server.call()?;
        let start = match &self.exclusive_start_key {
            Some(key) => match key.get("sk") {
                Some(AttributeValue::N(last)) => *last as usize + 1,
                other => panic!("bad start key {other:?}"),
            },
            None => 0,
        };
        let end = (start + self.limit.unwrap_or(4) as usize).min(self.len);
        Ok(ScanPage {
            items: (start..end).map(scan_key).collect(),
            last_evaluated_key: (end < self.len).then(|| scan_key(end - 1)),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Token, flag and items nested in an optional sub-structure, like S3 GetObjectAttributes; the last
// page carries the marker "0" with the flag false.

#[paginate(
    input_token = part_marker,
    output_token = parts?.next_part_marker,
    more_results = parts?.is_truncated,
    page_size = max_parts,
    items = parts?.parts: u32,
)]
#[derive(Clone, Debug)]
pub struct ListParts {
    pub server: Server,
    /// `None`: the object has no parts, and the response no sub-structure.
    pub len: Option<u32>,
    pub part_marker: Option<String>,
    pub max_parts: Option<i32>,
}

pub struct PartsPage {
    pub parts: Option<Parts>,
}

pub struct Parts {
    pub next_part_marker: Option<String>,
    pub is_truncated: Option<bool>,
    pub parts: Option<Vec<u32>>,
}

impl PageRequest for ListParts {
    type Output = PartsPage;
    type Error = ApiError;

    async fn send(self) -> Result<PartsPage, ApiError> {
        self.server.call()?;
        let Some(len) = self.len else {
            return Ok(PartsPage { parts: None });
        };
        let after: u32 = self
            .part_marker
            .as_deref()
            .map_or(0, |marker| marker.parse().unwrap());
        let end = (after + self.max_parts.unwrap_or(3) as u32).min(len);
        let truncated = end < len;
        Ok(PartsPage {
            parts: Some(Parts {
                next_part_marker: Some(if truncated {
                    end.to_string()
                } else {
                    "0".into()
                }),
                is_truncated: Some(truncated),
                parts: Some((after + 1..=end).collect()),
            }),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The next marker is `next_marker`, or the last key of the page when absent, like S3 ListObjects
// v1 without a delimiter.

#[paginate(
    input_token = marker,
    output_token = next_marker || contents?.last()?.key,
    more_results = is_truncated,
    page_size = max_keys,
    items = contents: Object,
)]
#[derive(Clone, Debug)]
pub struct ListObjectsV1 {
    pub server: Server,
    pub len: usize,
    /// Whether the service sends `next_marker` (S3 does only with a delimiter).
    pub sends_next_marker: bool,
    pub marker: Option<String>,
    pub max_keys: Option<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    pub key: Option<String>,
}

pub struct ObjectsPage {
    pub contents: Option<Vec<Object>>,
    pub is_truncated: Option<bool>,
    pub next_marker: Option<String>,
}

impl PageRequest for ListObjectsV1 {
    type Output = ObjectsPage;
    type Error = ApiError;

    async fn send(self) -> Result<ObjectsPage, ApiError> {
        self.server.call()?;
        let keys = catalog(self.len);
        let start = match &self.marker {
            Some(marker) => keys
                .iter()
                .position(|key| key > marker)
                .unwrap_or(keys.len()),
            None => 0,
        };
        let end = (start + self.max_keys.unwrap_or(6) as usize).min(keys.len());
        let contents: Vec<Object> = keys[start..end]
            .iter()
            .map(|key| Object {
                key: Some(key.clone()),
            })
            .collect();
        Ok(ObjectsPage {
            next_marker: (self.sends_next_marker && end < keys.len())
                .then(|| keys[end - 1].clone()),
            contents: Some(contents),
            is_truncated: Some(end < keys.len()),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Ten values, three a page; hash maps and sets whose `Debug` orders differ; a resume in another
// paginator.

/// Two maps with the same entries whose `Debug` orders differ, as two processes (two
/// `RandomState` seeds) would build them.
pub fn twin_maps<V: Clone>(value: impl Fn(usize) -> V) -> (HashMap<String, V>, HashMap<String, V>) {
    for attempt in 0..64 {
        let a: HashMap<String, V> = (0..40).map(|n| (format!("k{n}"), value(n))).collect();
        let mut b: HashMap<String, V> = HashMap::with_capacity(300 + attempt);
        for n in (0..40).rev() {
            b.insert(format!("k{n}"), value(n));
        }
        let order_a: Vec<&String> = a.keys().collect();
        let order_b: Vec<&String> = b.keys().collect();
        if order_a != order_b {
            return (a, b);
        }
    }
    panic!("could not build two maps with different iteration orders");
}

pub fn twin_sets() -> (HashSet<String>, HashSet<String>) {
    let (a, b) = twin_maps(|_| ());
    (a.into_keys().collect(), b.into_keys().collect())
}

/// Ten values, three a page, `after` the index to start at.
pub struct Page {
    pub values: Vec<u32>,
    pub next: Option<u32>,
}

pub fn page_after(after: Option<u32>) -> Page {
    let start = after.unwrap_or(0);
    let end = (start + 3).min(10);
    Page {
        values: (start..end).collect(),
        next: (end < 10).then_some(end),
    }
}

/// Lists the first `count` values, and resumes a second paginator from the item stream's cursor.
pub async fn resume_in_other<A, B>(
    first: Paginator<A>,
    second: Paginator<B>,
) -> Result<Vec<B::Item>, CursorError>
where
    A: PaginatedOperation,
    B: PaginatedOperation,
    A::Error: fmt::Debug,
    B::Error: fmt::Debug,
{
    let mut items = first.max_items(4).items();
    while items.try_next().await.unwrap().is_some() {}
    let cursor: Cursor = items.cursor().unwrap().to_string().parse().unwrap();
    let paginator = second.resume_from(&cursor)?;
    let (items, error) = drain(paginator.items()).await;
    match error {
        None => Ok(items),
        Some(Error::Cursor { source, .. }) => Err(source),
        Some(other) => panic!("unexpected error {other:?}"),
    }
}
