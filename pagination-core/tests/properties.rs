//! Property tests of the engine against model paginated APIs (GitHub issue 6).
//!
//! The models serve a random catalogue of raw entries, some hidden by a filter (so pages can be
//! empty in the middle of a listing), by one of three paging rules: one opaque string token; two
//! tokens that must travel together (a key marker and a version marker, the second absent when a
//! page ends on the last version of a key, as in S3 ListObjectVersions); and a "more results" flag
//! with a token on every page, the last one too, and two item fields. They can fail chosen
//! requests, answer slowly (Tokio's paused clock), and misbehave: repeat a token, point back to an
//! earlier page, or say "more" without a token.
//!
//! Every property runs its cases on a fresh current-thread Tokio runtime. The case counts suit CI
//! (the whole binary runs in well under a minute); `PROPTEST_CASES=N` runs N cases of every
//! property instead (N / 100 of the costly long-cycle property, N / 10 of the large-token one). Each property prints its case
//! count (`-- --nocapture`).

#[path = "support/leb128.rs"]
mod leb128;
use leb128::write_leb;

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::hash::Hash;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex, Once};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::{Stream, StreamExt};
use pagination_core::{
    Cursor, CursorError, Error, GuardPolicy, ItemFields as _, PageRequest, PageSize,
    PaginatedOperation, Paginator, paginate,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config as ProptestConfig, TestCaseError, TestRunner};

// =============================================================================================
// Running properties

/// Runs `test` on `default_cases` cases of `strategy` (or `PROPTEST_CASES`), and prints the count.
fn check<S>(name: &str, default_cases: u32, strategy: S, test: impl Fn(S::Value) -> TestResult)
where
    S: Strategy,
    S::Value: fmt::Debug,
{
    check_scaled(name, default_cases, 1, strategy, test);
}

/// [`check`], running `PROPTEST_CASES / divisor` cases (at least the default) of a costly property.
fn check_scaled<S>(
    name: &str,
    default_cases: u32,
    divisor: u32,
    strategy: S,
    test: impl Fn(S::Value) -> TestResult,
) where
    S: Strategy,
    S::Value: fmt::Debug,
{
    install_panic_counter();
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse::<u32>().ok())
        .map_or(default_cases, |cases| (cases / divisor).max(default_cases));
    let config = ProptestConfig {
        cases,
        // Regression files would land in the source tree; a failure prints its minimal case.
        failure_persistence: None,
        max_shrink_iters: 4096,
        ..ProptestConfig::default()
    };
    let executions = AtomicUsize::new(0);
    let started = std::time::Instant::now();
    let result = TestRunner::new(config).run(&strategy, |value| {
        executions.fetch_add(1, SeqCst);
        test(value)
    });
    eprintln!(
        "property {name}: {cases} cases passed ({} executions incl. shrinking) in {:.1?}",
        executions.load(SeqCst),
        started.elapsed()
    );
    if let Err(failure) = result {
        panic!("property {name} failed: {failure}");
    }
}

type TestResult = Result<(), TestCaseError>;

fn failure(message: impl fmt::Display) -> TestCaseError {
    TestCaseError::fail(message.to_string())
}

/// A current-thread runtime on a paused clock: model latencies cost no wall time.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a current-thread runtime")
}

fn alive_tasks() -> usize {
    tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks()
}

/// Panics anywhere in this process (a spawned prefetch task included) since the hook was set.
static PANICS: AtomicUsize = AtomicUsize::new(0);

fn install_panic_counter() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, SeqCst);
            previous(info);
        }));
    });
}

/// Lets the runtime run whatever is ready (aborted tasks are dropped on their next turn).
async fn settle() {
    for _ in 0..16 {
        tokio::task::yield_now().await;
    }
}

// =============================================================================================
// The models

const DEFAULT_LIMIT: usize = 10;
const LATENCY: Duration = Duration::from_millis(100);

#[derive(Debug, Clone, PartialEq, Eq)]
enum ApiError {
    /// A failure injected on this request number.
    Injected(usize),
    /// The request's token means nothing to the model (a forged cursor).
    BadToken(String),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Injected(number) => write!(f, "request {number} failed (injected)"),
            ApiError::BadToken(token) => write!(f, "bad token {token:?}"),
        }
    }
}

impl std::error::Error for ApiError {}

/// The catalogue: one flag per raw entry for each property.
#[derive(Debug, Clone, Default)]
struct Data {
    /// Shown (listed) or hidden by the filter. A page scans `limit` raw entries and lists the
    /// shown ones, so a run of hidden entries makes an empty page with a token.
    visible: Vec<bool>,
    /// The last entry of its key (two-token model: a page ending there returns no version marker).
    key_end: Vec<bool>,
    /// Listed in the second item field (flag model).
    prefix: Vec<bool>,
}

impl Data {
    fn len(&self) -> usize {
        self.visible.len()
    }

    fn all_visible(len: usize) -> Self {
        Data {
            visible: vec![true; len],
            key_end: (0..len)
                .map(|index| index % 3 == 2 || index + 1 == len)
                .collect(),
            prefix: (0..len).map(|index| index % 4 == 1).collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Misbehaviour {
    #[default]
    None,
    /// Page `at` answers with the token it was sent.
    Repeat { at: usize },
    /// Page `at` points back to page `to`.
    CycleBack { at: usize, to: usize },
    /// Page `at` says more results follow but holds no token (flag model).
    NoToken { at: usize },
}

#[derive(Debug, Clone, Default)]
struct Behaviour {
    misbehaviour: Misbehaviour,
    /// One-token model: the last page carries an empty-string token instead of none.
    empty_token_at_end: bool,
    latency: Option<Duration>,
    /// Request numbers (0-based, over the model's life) that fail.
    failing: Vec<usize>,
}

#[derive(Default)]
struct Counters {
    calls: AtomicUsize,
    failed: AtomicUsize,
    /// Pages answered.
    served: AtomicUsize,
    /// Requests for a position at or past the end of the catalogue, with a token.
    past_end: AtomicUsize,
    started: AtomicUsize,
    finished: AtomicUsize,
    /// Requests dropped before their answer.
    dropped_in_flight: AtomicUsize,
}

struct ApiState {
    data: Data,
    behaviour: Behaviour,
    /// For each raw entry: its key and its index among the key's entries.
    entry_keys: Vec<(usize, usize)>,
    /// For each key: its first entry and how many entries it has.
    keys: Vec<(usize, usize)>,
    counters: Counters,
    /// The index of every page answered, in order.
    page_log: Mutex<Vec<usize>>,
}

/// A model service; shared by the requests of a listing. Its `Debug` names it only, so that a
/// request's fingerprint does not change while the counters do.
#[derive(Clone)]
struct Api(Arc<ApiState>);

impl fmt::Debug for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Api")
    }
}

/// Where the model points after a page.
#[derive(Debug, Clone, Copy)]
enum Next {
    /// The page at this position.
    At(usize),
    /// The listing is complete; the page ended at this position.
    End(usize),
    /// The token the page was requested with.
    Same,
    /// "More results", without a token.
    Missing,
}

struct Served {
    start: usize,
    end: usize,
    next: Next,
}

/// Counts a request future dropped before its answer.
struct InFlight<'a> {
    state: &'a ApiState,
    done: bool,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.state.counters.dropped_in_flight.fetch_add(1, SeqCst);
        }
    }
}

impl Api {
    fn new(data: Data, behaviour: Behaviour) -> Self {
        let mut entry_keys = Vec::with_capacity(data.len());
        let mut keys = Vec::new();
        let mut key_start = 0;
        for index in 0..data.len() {
            entry_keys.push((keys.len(), index - key_start));
            if data.key_end[index] || index + 1 == data.len() {
                keys.push((key_start, index + 1 - key_start));
                key_start = index + 1;
            }
        }
        Api(Arc::new(ApiState {
            data,
            behaviour,
            entry_keys,
            keys,
            counters: Counters::default(),
            page_log: Mutex::new(Vec::new()),
        }))
    }

    fn plain(data: Data) -> Self {
        Api::new(data, Behaviour::default())
    }

    fn len(&self) -> usize {
        self.0.data.len()
    }

    fn pages(&self, limit: usize) -> usize {
        self.len().div_ceil(limit).max(1)
    }

    fn count(&self, counter: fn(&Counters) -> &AtomicUsize) -> usize {
        counter(&self.0.counters).load(SeqCst)
    }

    fn calls(&self) -> usize {
        self.count(|c| &c.calls)
    }

    fn failed(&self) -> usize {
        self.count(|c| &c.failed)
    }

    fn served(&self) -> usize {
        self.count(|c| &c.served)
    }

    fn past_end(&self) -> usize {
        self.count(|c| &c.past_end)
    }

    fn started(&self) -> usize {
        self.count(|c| &c.started)
    }

    fn dropped_in_flight(&self) -> usize {
        self.count(|c| &c.dropped_in_flight)
    }

    fn in_flight(&self) -> usize {
        self.started() - self.count(|c| &c.finished) - self.dropped_in_flight()
    }

    fn page_log(&self) -> Vec<usize> {
        self.0.page_log.lock().unwrap().clone()
    }

    /// Answers one page request starting at `start` (`None`: the first page).
    async fn serve(
        &self,
        start: Result<Option<usize>, ApiError>,
        limit: usize,
    ) -> Result<Served, ApiError> {
        let state = &*self.0;
        let number = state.counters.calls.fetch_add(1, SeqCst);
        state.counters.started.fetch_add(1, SeqCst);
        let mut in_flight = InFlight { state, done: false };
        if let Some(latency) = state.behaviour.latency {
            tokio::time::sleep(latency).await;
        }
        in_flight.done = true;
        state.counters.finished.fetch_add(1, SeqCst);
        if state.behaviour.failing.contains(&number) {
            state.counters.failed.fetch_add(1, SeqCst);
            return Err(ApiError::Injected(number));
        }
        let start = start?;
        let limit = limit.max(1);
        let len = self.len();
        let start = match start {
            None => 0,
            Some(position) => {
                if position >= len {
                    state.counters.past_end.fetch_add(1, SeqCst);
                }
                position.min(len)
            }
        };
        let page = start / limit;
        let end = start.saturating_add(limit).min(len);
        let next = match state.behaviour.misbehaviour {
            Misbehaviour::Repeat { at } if page == at => Next::Same,
            Misbehaviour::CycleBack { at, to } if page == at => Next::At(to * limit),
            Misbehaviour::NoToken { at } if page == at => Next::Missing,
            _ if end < len => Next::At(end),
            _ => Next::End(end),
        };
        state.counters.served.fetch_add(1, SeqCst);
        state.page_log.lock().unwrap().push(page);
        Ok(Served { start, end, next })
    }

    /// The shown entries of `start..end`.
    fn shown(&self, start: usize, end: usize) -> impl Iterator<Item = u32> + '_ {
        (start..end)
            .filter(|&index| self.0.data.visible[index])
            .map(|index| index as u32)
    }

    /// The two markers that make the model continue at `position`.
    fn markers_before(&self, position: usize) -> (Option<String>, Option<u32>) {
        let Some(last) = position.checked_sub(1) else {
            return (None, None);
        };
        let (key, index) = self.0.entry_keys[last];
        let (_, key_len) = self.0.keys[key];
        (
            Some(format!("k{key}")),
            (index + 1 < key_len).then_some(index as u32),
        )
    }

    fn decode_markers(
        &self,
        key: Option<&str>,
        version: Option<u32>,
    ) -> Result<Option<usize>, ApiError> {
        let bad = || ApiError::BadToken(format!("{key:?} / {version:?}"));
        let Some(key) = key else {
            return if version.is_none() {
                Ok(None)
            } else {
                Err(bad())
            };
        };
        let key: usize = key
            .strip_prefix('k')
            .and_then(|digits| digits.parse().ok())
            .ok_or_else(bad)?;
        let &(key_start, key_len) = self.0.keys.get(key).ok_or_else(bad)?;
        match version {
            None => Ok(Some(key_start + key_len)),
            Some(version) if (version as usize) < key_len => {
                Ok(Some(key_start + version as usize + 1))
            }
            Some(_) => Err(bad()),
        }
    }
}

fn position_token(position: usize) -> String {
    format!("r{position}")
}

fn decode_position(token: Option<&str>) -> Result<Option<usize>, ApiError> {
    match token {
        None => Ok(None),
        Some(token) => token
            .strip_prefix('r')
            .and_then(|digits| digits.parse().ok())
            .map(Some)
            .ok_or_else(|| ApiError::BadToken(token.to_owned())),
    }
}

fn limit_of(limit: Option<impl Into<u64>>) -> usize {
    limit.map_or(DEFAULT_LIMIT, |limit| limit.into() as usize)
}

// --- One opaque string token -----------------------------------------------------------------

#[paginate(input_token = after, output_token = next, page_size = limit, items = items: u32)]
#[derive(Clone, Debug)]
struct ListOne {
    api: Api,
    /// A request parameter, read through `Debug` only: cursors must not travel between tags.
    #[allow(dead_code)]
    tag: u8,
    after: Option<String>,
    limit: Option<u32>,
}

struct OnePage {
    items: Vec<u32>,
    next: Option<String>,
}

impl PageRequest for ListOne {
    type Output = OnePage;
    type Error = ApiError;

    async fn send(self) -> Result<OnePage, ApiError> {
        let start = decode_position(self.after.as_deref());
        let served = self.api.serve(start, limit_of(self.limit)).await?;
        let next = match served.next {
            Next::At(position) => Some(position_token(position)),
            Next::End(_) => self.api.0.behaviour.empty_token_at_end.then(String::new),
            Next::Same => self.after.clone(),
            Next::Missing => None,
        };
        Ok(OnePage {
            items: self.api.shown(served.start, served.end).collect(),
            next,
        })
    }
}

// --- Two tokens that travel together ---------------------------------------------------------

#[paginate(
    input_token = (key_marker, version_marker),
    output_token = (next_key_marker, next_version_marker),
    page_size = limit,
    items = items: u32,
)]
#[derive(Clone, Debug)]
struct ListTwo {
    api: Api,
    #[allow(dead_code)]
    tag: u8,
    key_marker: Option<String>,
    version_marker: Option<u32>,
    limit: Option<u32>,
}

struct TwoPage {
    items: Vec<u32>,
    next_key_marker: Option<String>,
    next_version_marker: Option<u32>,
}

impl PageRequest for ListTwo {
    type Output = TwoPage;
    type Error = ApiError;

    async fn send(self) -> Result<TwoPage, ApiError> {
        let start = self
            .api
            .decode_markers(self.key_marker.as_deref(), self.version_marker);
        let served = self.api.serve(start, limit_of(self.limit)).await?;
        let (next_key_marker, next_version_marker) = match served.next {
            Next::At(position) => self.api.markers_before(position),
            Next::End(_) | Next::Missing => (None, None),
            Next::Same => (self.key_marker.clone(), self.version_marker),
        };
        Ok(TwoPage {
            items: self.api.shown(served.start, served.end).collect(),
            next_key_marker,
            next_version_marker,
        })
    }
}

// --- A "more results" flag, a token on every page, two item fields ---------------------------

#[paginate(
    input_token = marker,
    output_token = next_marker,
    more_results = truncated,
    page_size = limit,
    items = (entries: u32 as Entry, prefixes: u32 as Prefix),
    item_enum = FlagItem,
)]
#[derive(Clone, Debug)]
struct ListFlag {
    api: Api,
    #[allow(dead_code)]
    tag: u8,
    marker: Option<String>,
    limit: Option<u16>,
}

struct FlagPage {
    entries: Option<Vec<u32>>,
    prefixes: Option<Vec<u32>>,
    next_marker: Option<String>,
    truncated: Option<bool>,
}

impl Eq for FlagItem {}

impl Hash for FlagItem {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match self {
            FlagItem::Entry(entry) => (0, entry).hash(state),
            FlagItem::Prefix(prefix) => (1, prefix).hash(state),
        }
    }
}

impl PageRequest for ListFlag {
    type Output = FlagPage;
    type Error = ApiError;

    async fn send(self) -> Result<FlagPage, ApiError> {
        let start = decode_position(self.marker.as_deref());
        let served = self.api.serve(start, limit_of(self.limit)).await?;
        let (next_marker, truncated) = match served.next {
            Next::At(position) => (Some(position_token(position)), true),
            Next::End(end) => (Some(position_token(end)), false),
            Next::Same => (self.marker.clone(), true),
            Next::Missing => (None, true),
        };
        let prefix = &self.api.0.data.prefix;
        let (prefixes, entries): (Vec<u32>, Vec<u32>) = self
            .api
            .shown(served.start, served.end)
            .partition(|&index| prefix[index as usize]);
        Ok(FlagPage {
            entries: Some(entries),
            prefixes: (!prefixes.is_empty()).then_some(prefixes),
            next_marker,
            truncated: Some(truncated),
        })
    }
}

// --- What the properties need of a model -----------------------------------------------------

trait Model:
    PaginatedOperation<
        Request = Self,
        Error = ApiError,
        Item: Clone + PartialEq + Eq + Hash + fmt::Debug,
    > + PageSize
    + Clone
    + Send
    + fmt::Debug
{
    /// Whether a page's items are in catalogue order (one item field).
    const SINGLE_ITEM_FIELD: bool = true;

    fn new(api: &Api, tag: u8) -> Self;

    /// The items of the page that scans `start..end`, in the page's order.
    fn page_items(api: &Api, start: usize, end: usize) -> Vec<Self::Item>;
}

impl Model for ListOne {
    fn new(api: &Api, tag: u8) -> Self {
        ListOne {
            api: api.clone(),
            tag,
            after: None,
            limit: None,
        }
    }

    fn page_items(api: &Api, start: usize, end: usize) -> Vec<u32> {
        api.shown(start, end).collect()
    }
}

impl Model for ListTwo {
    fn new(api: &Api, tag: u8) -> Self {
        ListTwo {
            api: api.clone(),
            tag,
            key_marker: None,
            version_marker: None,
            limit: None,
        }
    }

    fn page_items(api: &Api, start: usize, end: usize) -> Vec<u32> {
        api.shown(start, end).collect()
    }
}

impl Model for ListFlag {
    const SINGLE_ITEM_FIELD: bool = false;

    fn new(api: &Api, tag: u8) -> Self {
        ListFlag {
            api: api.clone(),
            tag,
            marker: None,
            limit: None,
        }
    }

    fn page_items(api: &Api, start: usize, end: usize) -> Vec<FlagItem> {
        let prefix = &api.0.data.prefix;
        let entries = api
            .shown(start, end)
            .filter(|&index| !prefix[index as usize])
            .map(FlagItem::Entry);
        let prefixes = api
            .shown(start, end)
            .filter(|&index| prefix[index as usize])
            .map(FlagItem::Prefix);
        entries.chain(prefixes).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    One,
    Two,
    Flag,
}

/// Calls a generic async function with the model of `kind`.
macro_rules! with_model {
    ($kind:expr, $function:ident($($argument:expr),* $(,)?)) => {
        match $kind {
            Kind::One => $function::<ListOne>($($argument),*).await,
            Kind::Two => $function::<ListTwo>($($argument),*).await,
            Kind::Flag => $function::<ListFlag>($($argument),*).await,
        }
    };
}

fn paginator<M: Model>(api: &Api, tag: u8, limit: u32, prefetch: usize) -> Paginator<M> {
    Paginator::<M>::new(M::new(api, tag))
        .page_size(limit)
        .prefetch(prefetch)
}

/// Each page's items, as the model serves them when it behaves.
fn expected_pages<M: Model>(api: &Api, limit: u32) -> Vec<Vec<M::Item>> {
    let (len, limit) = (api.len(), limit as usize);
    (0..api.pages(limit))
        .map(|page| M::page_items(api, (page * limit).min(len), ((page + 1) * limit).min(len)))
        .collect()
}

/// Every item of a stream up to its end, and the error it ended with; checks that an error is
/// the last thing a stream yields.
async fn drain<T, E: fmt::Debug>(
    stream: impl Stream<Item = Result<T, Error<E>>>,
) -> Result<(Vec<T>, Option<Error<E>>), TestCaseError> {
    let mut stream = std::pin::pin!(stream);
    let mut items = Vec::new();
    while let Some(next) = stream.next().await {
        match next {
            Ok(item) => items.push(item),
            Err(error) => {
                if stream.next().await.is_some() {
                    return Err(failure(format!("the stream went on after {error:?}")));
                }
                return Ok((items, Some(error)));
            }
        }
    }
    Ok((items, None))
}

/// The cursor, through its string form and back.
fn round_trip(cursor: &Cursor) -> Result<Cursor, TestCaseError> {
    let encoded = cursor.to_string();
    let parsed: Cursor = encoded
        .parse()
        .map_err(|error| failure(format!("{encoded:?} does not parse back: {error:?}")))?;
    prop_assert_eq!(&parsed, cursor);
    Ok(parsed)
}

// =============================================================================================
// Strategies

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::One), Just(Kind::Two), Just(Kind::Flag)]
}

/// A catalogue of up to `max_len` raw entries; the density of shown entries varies from none
/// (every page empty) to all.
fn data(min_len: usize, max_len: usize) -> impl Strategy<Value = Data> {
    (min_len..=max_len, 0..5usize)
        .prop_flat_map(|(len, density)| {
            let shown = [0.0, 0.2, 0.6, 0.9, 1.0][density];
            (
                vec(proptest::bool::weighted(shown), len),
                vec(proptest::bool::weighted(0.4), len),
                vec(proptest::bool::weighted(0.25), len),
            )
        })
        .prop_map(|(visible, key_end, prefix)| Data {
            visible,
            key_end,
            prefix,
        })
}

fn prefetch() -> impl Strategy<Value = usize> {
    prop_oneof![3 => Just(0usize), 1 => Just(1usize), 1 => Just(2usize), 1 => Just(5usize)]
}

// =============================================================================================
// 1. Exact listings through failures, resumes and prefetch

#[derive(Debug, Clone)]
struct ListingCase {
    kind: Kind,
    data: Data,
    limit: u32,
    prefetch: usize,
    empty_token_at_end: bool,
    /// Request numbers that fail.
    failing: Vec<usize>,
    /// Item counts after which the consumer stops and resumes from the stream's cursor.
    stops: Vec<usize>,
}

fn listing_case() -> impl Strategy<Value = ListingCase> {
    (
        kind(),
        data(0, 120),
        1u32..=12,
        prefetch(),
        any::<bool>(),
        vec(0usize..40, 0..6),
        vec(0usize..=125, 0..5),
    )
        .prop_map(
            |(kind, data, limit, prefetch, empty_token_at_end, failing, mut stops)| {
                stops.sort_unstable();
                stops.dedup();
                ListingCase {
                    kind,
                    data,
                    limit,
                    prefetch,
                    empty_token_at_end,
                    failing,
                    stops,
                }
            },
        )
}

async fn list_exactly<M: Model>(case: &ListingCase) -> TestResult {
    let api = Api::new(
        case.data.clone(),
        Behaviour {
            failing: case.failing.clone(),
            empty_token_at_end: case.empty_token_at_end,
            ..Behaviour::default()
        },
    );
    let pages = expected_pages::<M>(&api, case.limit);
    let full: Vec<M::Item> = pages.concat();
    let base = paginator::<M>(&api, 0, case.limit, case.prefetch);
    let mut stops: VecDeque<usize> = case.stops.iter().copied().collect();
    let mut seen: Vec<M::Item> = Vec::new();
    let mut resume: Option<Cursor> = None;
    let (mut failures, mut stopped, mut mid_page_stops, mut streams) = (0, 0, 0, 0);
    'listing: loop {
        streams += 1;
        prop_assert!(streams <= 1_000, "the listing makes no progress");
        let paginator = match &resume {
            None => base.clone(),
            Some(cursor) => base
                .clone()
                .resume_from(cursor)
                .map_err(|error| failure(format!("resume_from refused {cursor:?}: {error}")))?,
        };
        let mut items = paginator.items();
        loop {
            while stops.front().is_some_and(|&stop| stop < seen.len()) {
                stops.pop_front();
            }
            if stops.front() == Some(&seen.len()) {
                stops.pop_front();
                stopped += 1;
                let Some(cursor) = items.cursor() else {
                    break 'listing;
                };
                if cursor.offset() > 0 {
                    mid_page_stops += 1;
                }
                resume = Some(round_trip(&cursor)?);
                continue 'listing;
            }
            match items.next().await {
                Some(Ok(item)) => seen.push(item),
                Some(Err(Error::Request {
                    source: ApiError::Injected(_),
                    cursor,
                    ..
                })) => {
                    prop_assert!(items.next().await.is_none(), "an error ends the stream");
                    let position = items.cursor();
                    prop_assert_eq!(
                        position.as_ref(),
                        Some(&cursor),
                        "the stream's cursor is the error's"
                    );
                    failures += 1;
                    resume = Some(round_trip(&cursor)?);
                    continue 'listing;
                }
                Some(Err(error)) => return Err(failure(format!("unexpected {error:?}"))),
                None => {
                    prop_assert!(items.cursor().is_none(), "a complete listing has no cursor");
                    break 'listing;
                }
            }
        }
    }
    prop_assert_eq!(&seen, &full, "the items seen are the model's list");
    prop_assert_eq!(api.past_end(), 0, "a request past the end");
    let served = api.served();
    let least = pages.len() + mid_page_stops;
    if case.prefetch == 0 {
        // Each page once, and again only where a stop left it half read.
        prop_assert_eq!(served, least, "pages served");
        prop_assert_eq!(api.failed(), failures, "every failure reaches the consumer");
    } else {
        // The task may have fetched up to `prefetch` pages the consumer then stopped before.
        prop_assert!(
            (least..=least + stopped * case.prefetch).contains(&served),
            "{served} pages served for {} pages, {mid_page_stops} mid-page stops, {stopped} stops",
            pages.len()
        );
        prop_assert!(api.failed() >= failures);
    }
    Ok(())
}

#[test]
fn listings_are_exact_through_failures_resumes_and_prefetch() {
    check("exact_listing", 2_000, listing_case(), |case| {
        runtime().block_on(async { with_model!(case.kind, list_exactly(&case)) })
    });
}

// =============================================================================================
// 2. max_items and max_pages

#[derive(Debug, Clone)]
struct LimitCase {
    kind: Kind,
    data: Data,
    limit: u32,
    prefetch: usize,
    max_items: Option<u64>,
    max_pages: Option<u64>,
    page_limit_is_error: bool,
    page_stream: bool,
    /// The limited listing resumes after this many items (modulo the listing).
    start: Index,
}

fn limit_case() -> impl Strategy<Value = LimitCase> {
    (
        kind(),
        data(0, 100),
        1u32..=12,
        prefetch(),
        proptest::option::of(0u64..=110),
        proptest::option::of(0u64..=14),
        any::<bool>(),
        any::<bool>(),
        any::<Index>(),
    )
        .prop_map(
            |(
                kind,
                data,
                limit,
                prefetch,
                max_items,
                max_pages,
                page_limit_is_error,
                page_stream,
                start,
            )| LimitCase {
                kind,
                data,
                limit,
                prefetch,
                max_items,
                max_pages,
                page_limit_is_error,
                page_stream,
                start,
            },
        )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// A limit of zero: nothing requested.
    Nothing,
    Complete,
    Items,
    Pages,
}

/// What a listing limited by `max_items` and `max_pages` does: requests made, items yielded, and
/// why it ends.
fn simulate_limits(
    counts: &[usize],
    max_items: Option<u64>,
    max_pages: Option<u64>,
) -> (usize, usize, Ending) {
    if max_items == Some(0) || max_pages == Some(0) {
        return (0, 0, Ending::Nothing);
    }
    let mut taken = 0usize;
    for (page, &count) in counts.iter().enumerate() {
        let requests = page + 1;
        let budget = max_items.map_or(usize::MAX, |max| max as usize - taken);
        let kept = count.min(budget);
        taken += kept;
        if requests == counts.len() && kept == count {
            return (requests, taken, Ending::Complete);
        }
        if max_items == Some(taken as u64) {
            return (requests, taken, Ending::Items);
        }
        if max_pages == Some(requests as u64) {
            return (requests, taken, Ending::Pages);
        }
    }
    unreachable!("the last page ends the listing")
}

async fn limits_stop_exactly<M: Model>(case: &LimitCase) -> TestResult {
    let api = Api::plain(case.data.clone());
    let pages = expected_pages::<M>(&api, case.limit);
    let counts: Vec<usize> = pages.iter().map(Vec::len).collect();
    let full: Vec<M::Item> = pages.concat();
    let base = paginator::<M>(&api, 0, case.limit, case.prefetch);

    // Where the limited listing starts: after `skipped` items, perhaps inside a page.
    let skipped = case.start.index(full.len() + 1);
    let (start_page, first_skip) = match simulate_limits(&counts, Some(skipped as u64), None) {
        (_, _, Ending::Nothing) => (0, 0),
        (_, _, Ending::Complete) => return Ok(()),
        (requests, _, _) => {
            let before: usize = counts[..requests - 1].iter().sum();
            let kept = skipped - before;
            if kept < counts[requests - 1] {
                (requests - 1, kept)
            } else {
                (requests, 0)
            }
        }
    };
    let mut started = base.clone();
    if skipped > 0 {
        let mut head = base.clone().max_items(skipped as u64).items();
        while let Some(item) = head.next().await {
            item.map_err(|error| failure(format!("{error:?}")))?;
        }
        let cursor = head
            .cursor()
            .ok_or_else(|| failure("no cursor mid-listing"))?;
        prop_assert_eq!(cursor.offset() as usize, first_skip, "the cursor's offset");
        started = started
            .resume_from(&round_trip(&cursor)?)
            .map_err(|error| failure(format!("resume_from: {error}")))?;
    }
    let calls_before = api.calls();
    let full = full[skipped..].to_vec();
    let mut counts = counts[start_page..].to_vec();
    counts[0] -= first_skip;
    let (requests, taken, ending) = simulate_limits(&counts, case.max_items, case.max_pages);

    let mut limited = started.on_page_limit(if case.page_limit_is_error {
        GuardPolicy::Error
    } else {
        GuardPolicy::Stop
    });
    if let Some(max) = case.max_items {
        limited = limited.max_items(max);
    }
    if let Some(max) = case.max_pages {
        limited = limited.max_pages(max);
    }

    let (head, error, cursor) = if case.page_stream {
        let mut stream = limited.send();
        let mut head = Vec::new();
        let mut yielded = 0;
        let mut error = None;
        while let Some(page) = stream.next().await {
            match page {
                Ok(mut page) => {
                    yielded += 1;
                    head.extend(M::item_fields(&mut page).take());
                }
                Err(caught) => {
                    error = Some(caught);
                    prop_assert!(stream.next().await.is_none(), "an error ends the stream");
                    break;
                }
            }
        }
        prop_assert_eq!(yielded, requests, "every page fetched is yielded");
        (head, error, stream.cursor().cloned())
    } else {
        let mut stream = limited.items();
        let (head, error) = drain(&mut stream).await?;
        (head, error, stream.cursor())
    };
    prop_assert_eq!(&head[..], &full[..taken], "the head of the listing");
    prop_assert_eq!(api.calls() - calls_before, requests, "requests made");
    match (&error, ending == Ending::Pages && case.page_limit_is_error) {
        (None, false) => {}
        (Some(Error::PageLimit { cursor: at }), true) => {
            prop_assert_eq!(
                Some(at),
                cursor.as_ref(),
                "the error's cursor is the stream's"
            );
        }
        (other, _) => return Err(failure(format!("{ending:?} ended with {other:?}"))),
    }
    prop_assert_eq!(
        cursor.is_none(),
        ending == Ending::Complete,
        "a cursor unless complete"
    );
    let rest = match cursor {
        None => Vec::new(),
        Some(cursor) => {
            let resumed = base
                .clone()
                .resume_from(&round_trip(&cursor)?)
                .map_err(|error| failure(format!("resume_from: {error}")))?;
            let (rest, error) = drain(resumed.items()).await?;
            prop_assert!(error.is_none(), "{error:?}");
            rest
        }
    };
    prop_assert_eq!([head, rest].concat(), full, "head and rest");
    prop_assert_eq!(api.past_end(), 0);
    Ok(())
}

#[test]
fn limits_stop_exactly_and_the_rest_resumes() {
    check("limits", 2_000, limit_case(), |case| {
        runtime().block_on(async { with_model!(case.kind, limits_stop_exactly(&case)) })
    });
}

// =============================================================================================
// 3. Looping services end, with the documented guard

#[derive(Debug, Clone, Copy)]
enum LoopKind {
    Repeat,
    Cycle,
    NoToken,
}

#[derive(Debug, Clone, Copy)]
enum Policy {
    Stop,
    Error,
    /// Continue, with `max_pages` this many pages past the misbehaving one.
    Continue(u64),
}

#[derive(Debug, Clone)]
struct LoopCase {
    kind: Kind,
    data: Data,
    limit: u32,
    prefetch: usize,
    loop_kind: LoopKind,
    at: Index,
    to: Index,
    policy: Policy,
}

fn loop_case() -> impl Strategy<Value = LoopCase> {
    (1u32..=8, kind())
        .prop_flat_map(|(limit, kind)| {
            let loop_kind = if kind == Kind::Flag {
                prop_oneof![
                    Just(LoopKind::Repeat),
                    Just(LoopKind::Cycle),
                    Just(LoopKind::NoToken)
                ]
                .boxed()
            } else {
                prop_oneof![Just(LoopKind::Repeat), Just(LoopKind::Cycle)].boxed()
            };
            (
                Just(kind),
                // Three pages at least.
                data(3 * limit as usize, 3 * limit as usize + 60),
                Just(limit),
                prefetch(),
                loop_kind,
                any::<Index>(),
                any::<Index>(),
                prop_oneof![
                    Just(Policy::Stop),
                    Just(Policy::Error),
                    (0u64..6).prop_map(Policy::Continue)
                ],
            )
        })
        .prop_map(
            |(kind, data, limit, prefetch, loop_kind, at, to, policy)| LoopCase {
                kind,
                data,
                limit,
                prefetch,
                loop_kind,
                at,
                to,
                policy,
            },
        )
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Guard {
    DuplicateToken,
    TokenCycle,
    MissingToken,
}

fn guard_of<E>(error: &Error<E>) -> Option<Guard> {
    match error {
        Error::DuplicateToken { .. } => Some(Guard::DuplicateToken),
        Error::TokenCycle { .. } => Some(Guard::TokenCycle),
        Error::MissingToken { .. } => Some(Guard::MissingToken),
        _ => None,
    }
}

async fn loops_end<M: Model>(case: &LoopCase) -> TestResult {
    let pages_count = case.data.len().div_ceil(case.limit as usize);
    let (misbehaviour, at, to) = match case.loop_kind {
        LoopKind::Repeat => {
            let at = 1 + case.at.index(pages_count - 1);
            (Misbehaviour::Repeat { at }, at, at)
        }
        LoopKind::Cycle => {
            let at = 2 + case.at.index(pages_count - 2);
            let to = 1 + case.to.index(at - 1);
            (Misbehaviour::CycleBack { at, to }, at, to)
        }
        LoopKind::NoToken => {
            let at = case.at.index(pages_count);
            (Misbehaviour::NoToken { at }, at, 0)
        }
    };
    let api = Api::new(
        case.data.clone(),
        Behaviour {
            misbehaviour,
            ..Behaviour::default()
        },
    );
    let pages = expected_pages::<M>(&api, case.limit);
    let mut paginator = paginator::<M>(&api, 0, case.limit, case.prefetch);
    let policy = match case.policy {
        // A safety net: a guard that fails to trip makes the property fail, not hang.
        Policy::Stop => {
            paginator = paginator.max_pages(100 * pages_count as u64);
            GuardPolicy::Stop
        }
        Policy::Error => {
            paginator = paginator.max_pages(100 * pages_count as u64);
            GuardPolicy::Error
        }
        Policy::Continue(extra) => {
            paginator = paginator.max_pages(at as u64 + 1 + extra);
            GuardPolicy::Continue
        }
    };
    paginator = match case.loop_kind {
        LoopKind::Repeat => paginator.on_duplicate_token(policy),
        LoopKind::Cycle => paginator.on_token_cycle(policy),
        LoopKind::NoToken => paginator.on_missing_token(policy),
    };

    // The pages the service answers, in order, if followed without end.
    let first: Vec<usize> = (0..=at).collect();
    let following: Box<dyn Iterator<Item = usize>> = match case.loop_kind {
        LoopKind::Repeat => Box::new(std::iter::repeat(at)),
        LoopKind::Cycle => Box::new((to..=at).cycle()),
        LoopKind::NoToken => Box::new(0..),
    };
    let (served, guard) = match (case.loop_kind, case.policy) {
        (_, Policy::Stop) => (at + 1, None),
        (LoopKind::Repeat, Policy::Error) => (at + 1, Some(Guard::DuplicateToken)),
        (LoopKind::Cycle, Policy::Error) => (at + 1, Some(Guard::TokenCycle)),
        (LoopKind::NoToken, Policy::Error) => (at + 1, Some(Guard::MissingToken)),
        (LoopKind::Repeat | LoopKind::Cycle, Policy::Continue(extra)) => {
            (at + 1 + extra as usize, None)
        }
        // Continuing without a token restarts the listing: its first request had no token
        // either, so the duplicate guard (after the first page) or the cycle guard ends it. The
        // flag (only flagged models lose their token) still says more, so a repeat is an error.
        // A page limit reached on the same page ends the listing first: the next request is
        // never made, so its token is no fault.
        (LoopKind::NoToken, Policy::Continue(extra)) if at == 0 => {
            (1, (extra > 0).then_some(Guard::DuplicateToken))
        }
        (LoopKind::NoToken, Policy::Continue(extra)) => {
            (at + 1, (extra > 0).then_some(Guard::TokenCycle))
        }
    };
    let sequence: Vec<usize> = first.into_iter().chain(following).take(served).collect();
    let expected: Vec<M::Item> = sequence
        .iter()
        .flat_map(|&page| pages[page].clone())
        .collect();

    let (items, error) = drain(paginator.items()).await?;
    prop_assert_eq!(api.page_log(), sequence, "pages requested");
    prop_assert_eq!(items, expected);
    prop_assert_eq!(error.as_ref().and_then(guard_of), guard, "{:?}", error);
    prop_assert_eq!(api.past_end(), 0);
    Ok(())
}

#[test]
fn looping_services_end_with_the_documented_guard() {
    check("loops", 2_000, loop_case(), |case| {
        runtime().block_on(async { with_model!(case.kind, loops_end(&case)) })
    });
}

// --- Cycles longer than the exactly remembered window ----------------------------------------

#[derive(Debug, Clone)]
struct LongCycleCase {
    kind: Kind,
    limit: u32,
    /// Pages before the cycle.
    prefix: usize,
    /// The cycle's length in pages.
    cycle: usize,
    prefetch: usize,
}

fn long_cycle_case() -> impl Strategy<Value = LongCycleCase> {
    (
        kind(),
        1u32..=2,
        1usize..=2_500,
        4_097usize..=4_700,
        prop_oneof![Just(0usize), Just(2usize)],
    )
        .prop_map(|(kind, limit, prefix, cycle, prefetch)| LongCycleCase {
            kind,
            limit,
            prefix,
            cycle,
            prefetch,
        })
}

async fn long_cycles_end<M: Model>(case: &LongCycleCase) -> TestResult {
    let to = case.prefix;
    let at = to + case.cycle - 1;
    let limit = case.limit as usize;
    let api = Api::new(
        Data::all_visible((at + 3) * limit),
        Behaviour {
            misbehaviour: Misbehaviour::CycleBack { at, to },
            ..Behaviour::default()
        },
    );
    let pages = expected_pages::<M>(&api, case.limit);
    // Bounded: the cycle is caught before one full cycle has repeated (exactly at the first repeat
    // within the 4,096-token window; Nivasch's stack beyond it).
    let bound = at + case.cycle + 1;
    // A safety net: a guard that fails to trip makes the property fail, not hang.
    let paginator = paginator::<M>(&api, 0, case.limit, case.prefetch).max_pages(bound as u64 + 1);
    let (items, error) = drain(paginator.items()).await?;
    let log = api.page_log();
    prop_assert_eq!(error.as_ref().and_then(guard_of), Some(Guard::TokenCycle));
    prop_assert!(
        (at + 1..=bound).contains(&log.len()),
        "{} pages for a cycle of {} after {} pages (bound {bound})",
        log.len(),
        case.cycle,
        to
    );
    let sequence: Vec<usize> = (0..=at).chain((to..=at).cycle()).take(log.len()).collect();
    prop_assert!(log == sequence, "the pages requested follow the service");
    let expected: Vec<M::Item> = log.iter().flat_map(|&page| pages[page].clone()).collect();
    prop_assert!(
        items == expected,
        "the items are those of the pages requested"
    );
    Ok(())
}

#[test]
fn cycles_longer_than_the_window_end() {
    // About 75 ms a case: `PROPTEST_CASES / 100` cases.
    check_scaled("long_cycles", 12, 100, long_cycle_case(), |case| {
        runtime().block_on(async { with_model!(case.kind, long_cycles_end(&case)) })
    });
}

// =============================================================================================
// 4. Cancellation

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DropHow {
    /// Drop the stream while it waits for a page.
    Drop,
    /// Abort the task that consumes the stream.
    Abort,
    /// Cancel `next()` with `select!`, then drop the stream.
    SelectThenDrop,
}

#[derive(Debug, Clone)]
struct DropCase {
    kind: Kind,
    data: Data,
    limit: u32,
    prefetch: usize,
    page_stream: bool,
    /// Items or pages consumed before the drop.
    consume: usize,
    how: DropHow,
}

fn drop_case() -> impl Strategy<Value = DropCase> {
    (
        kind(),
        data(0, 80),
        1u32..=10,
        prefetch(),
        any::<bool>(),
        0usize..40,
        prop_oneof![
            Just(DropHow::Drop),
            Just(DropHow::Abort),
            Just(DropHow::SelectThenDrop)
        ],
    )
        .prop_map(
            |(kind, data, limit, prefetch, page_stream, consume, how)| DropCase {
                kind,
                data,
                limit,
                prefetch,
                page_stream,
                consume,
                how,
            },
        )
}

type Boxed = Pin<Box<dyn Stream<Item = Result<(), Error<ApiError>>> + Send>>;

fn boxed<M: Model>(paginator: Paginator<M>, page_stream: bool) -> Boxed {
    if page_stream {
        Box::pin(paginator.send().map(|page| page.map(drop)))
    } else {
        Box::pin(paginator.items().map(|item| item.map(drop)))
    }
}

static DROPS_IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

async fn drop_leaves_nothing_running<M: Model>(case: &DropCase) -> TestResult {
    let panics = PANICS.load(SeqCst);
    let api = Api::new(
        case.data.clone(),
        Behaviour {
            latency: Some(LATENCY),
            ..Behaviour::default()
        },
    );
    let mut stream = boxed(
        paginator::<M>(&api, 0, case.limit, case.prefetch),
        case.page_stream,
    );
    prop_assert_eq!(alive_tasks(), 0);
    let in_flight = match case.how {
        DropHow::Drop | DropHow::SelectThenDrop => {
            let mut consumed = 0;
            // Consume, then wait for a page until a third of a request's latency passes.
            loop {
                if consumed < case.consume && case.how == DropHow::Drop {
                    match stream.next().await {
                        Some(Ok(())) => consumed += 1,
                        Some(Err(error)) => return Err(failure(format!("{error:?}"))),
                        None => break,
                    }
                    continue;
                }
                tokio::select! {
                    biased;
                    next = stream.next() => match next {
                        Some(Ok(())) => consumed += 1,
                        Some(Err(error)) => return Err(failure(format!("{error:?}"))),
                        None => break,
                    },
                    () = tokio::time::sleep(LATENCY / 3) => {
                        if consumed >= case.consume {
                            break;
                        }
                    }
                }
            }
            let in_flight = api.in_flight();
            drop(stream);
            in_flight
        }
        DropHow::Abort => {
            let consumer = tokio::spawn(async move {
                while let Some(next) = stream.next().await {
                    next.expect("no error");
                }
            });
            tokio::time::sleep(LATENCY * case.consume as u32 / 4 + LATENCY / 3).await;
            let in_flight = api.in_flight();
            consumer.abort();
            match consumer.await {
                Ok(()) => {}
                Err(error) if error.is_cancelled() => {}
                Err(error) => return Err(failure(format!("the consumer failed: {error}"))),
            }
            in_flight
        }
    };
    settle().await;
    prop_assert_eq!(alive_tasks(), 0, "a task outlives the stream");
    prop_assert_eq!(api.in_flight(), 0, "a request outlives the stream");
    prop_assert_eq!(
        api.dropped_in_flight(),
        in_flight,
        "the request in flight is dropped"
    );
    DROPS_IN_FLIGHT.fetch_add(in_flight, SeqCst);
    let started = api.started();
    tokio::time::sleep(LATENCY * 20).await;
    prop_assert_eq!(api.started(), started, "a request after the drop");
    prop_assert_eq!(PANICS.load(SeqCst), panics, "a panic");
    Ok(())
}

#[test]
fn dropping_a_stream_mid_request_leaves_no_task_and_no_request() {
    check("cancellation", 1_000, drop_case(), |case| {
        runtime().block_on(async { with_model!(case.kind, drop_leaves_nothing_running(&case)) })
    });
    eprintln!(
        "  requests in flight when their stream was dropped: {}",
        DROPS_IN_FLIGHT.load(SeqCst)
    );
}

// --- select! cancellation and tokio::spawn ---------------------------------------------------

#[derive(Debug, Clone)]
struct InterruptCase {
    kind: Kind,
    data: Data,
    limit: u32,
    prefetch: usize,
    /// Timeouts (ms) racing each `next()`; shorter than a request's latency, they cancel it.
    timeouts: Vec<u64>,
    /// Items consumed by a spawned task before the stream comes back, per hop.
    hops: Vec<usize>,
}

fn interrupt_case() -> impl Strategy<Value = InterruptCase> {
    (
        kind(),
        data(0, 70),
        1u32..=10,
        prefetch(),
        vec(1u64..=250, 1..8),
        vec(0usize..12, 0..6),
    )
        .prop_map(
            |(kind, data, limit, prefetch, timeouts, hops)| InterruptCase {
                kind,
                data,
                limit,
                prefetch,
                timeouts,
                hops,
            },
        )
}

static INTERRUPTIONS: AtomicUsize = AtomicUsize::new(0);

async fn interruptions_lose_nothing<M: Model>(case: &InterruptCase) -> TestResult {
    let api = Api::new(
        case.data.clone(),
        Behaviour {
            latency: Some(LATENCY),
            ..Behaviour::default()
        },
    );
    let full: Vec<M::Item> = expected_pages::<M>(&api, case.limit).concat();
    let mut stream = paginator::<M>(&api, 0, case.limit, case.prefetch).items();
    let mut seen = Vec::new();
    let mut hops: VecDeque<usize> = case.hops.iter().copied().collect();
    let mut timeouts = case.timeouts.iter().cycle();
    let mut interruptions = 0;
    let mut rounds = 0;
    loop {
        rounds += 1;
        prop_assert!(rounds < 100_000, "no progress");
        if rounds % 3 == 0 {
            if let Some(count) = hops.pop_front() {
                // The stream moves to another task and back.
                let (back, items) = tokio::spawn(async move {
                    let mut items = Vec::new();
                    for _ in 0..count {
                        match stream.next().await {
                            Some(item) => items.push(item.expect("no error")),
                            None => break,
                        }
                    }
                    (stream, items)
                })
                .await
                .expect("the spawned consumer");
                stream = back;
                seen.extend(items);
                continue;
            }
        }
        let timeout = Duration::from_millis(*timeouts.next().unwrap());
        tokio::select! {
            next = stream.next() => match next {
                Some(Ok(item)) => seen.push(item),
                Some(Err(error)) => return Err(failure(format!("{error:?}"))),
                None => break,
            },
            () = tokio::time::sleep(timeout) => interruptions += 1,
        }
    }
    INTERRUPTIONS.fetch_add(interruptions, SeqCst);
    prop_assert_eq!(seen, full);
    prop_assert_eq!(
        api.calls(),
        api.pages(case.limit as usize),
        "a cancelled next() neither restarts nor loses its request"
    );
    drop(stream);
    settle().await;
    prop_assert_eq!(alive_tasks(), 0);
    Ok(())
}

#[test]
fn select_cancellation_and_spawned_tasks_lose_nothing() {
    check("select_and_spawn", 1_000, interrupt_case(), |case| {
        runtime().block_on(async { with_model!(case.kind, interruptions_lose_nothing(&case)) })
    });
    eprintln!(
        "  next() futures cancelled by select!: {}",
        INTERRUPTIONS.load(SeqCst)
    );
}

// =============================================================================================
// 5. Bad cursors: garbled, forged, of another request, large

/// A cursor's fields, as its string form lays them out (URL-safe base64 of LEB128 fields, then
/// four checksum bytes: the low bytes of the XXH3 of the rest).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Layout {
    version: u64,
    fingerprint: u64,
    /// The fingerprint without the page size.
    without_page_size: u64,
    /// A short hash of each named parameter.
    parameters: Vec<u64>,
    /// Format 4: the page size the listing was given.
    page_size: Option<u64>,
    offset: u64,
    tokens: Vec<u8>,
    trailing: Vec<u8>,
}

fn read_leb(input: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for (index, &byte) in input.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            *input = &input[index + 1..];
            return Some(value);
        }
    }
    None
}

impl Layout {
    fn of(cursor: &Cursor) -> Self {
        let bytes = URL_SAFE_NO_PAD.decode(cursor.to_string()).unwrap();
        let mut body = &bytes[..bytes.len() - 4];
        let version = read_leb(&mut body).unwrap();
        let fingerprint = read_leb(&mut body).unwrap();
        let without_page_size = read_leb(&mut body).unwrap();
        let count = read_leb(&mut body).unwrap();
        let parameters = (0..count).map(|_| read_leb(&mut body).unwrap()).collect();
        let page_size = (version == 4).then(|| read_leb(&mut body).unwrap());
        let offset = read_leb(&mut body).unwrap();
        let len = read_leb(&mut body).unwrap() as usize;
        let layout = Layout {
            version,
            fingerprint,
            without_page_size,
            parameters,
            page_size,
            offset,
            tokens: body[..len].to_vec(),
            trailing: Vec::new(),
        };
        assert!(body.len() == len, "the layout of a cursor changed");
        assert_eq!(
            layout.encode(),
            cursor.to_string(),
            "the layout of a cursor changed"
        );
        layout
    }

    /// The string form, with a valid checksum.
    fn encode(&self) -> String {
        let mut body = Vec::new();
        write_leb(&mut body, self.version);
        write_leb(&mut body, self.fingerprint);
        write_leb(&mut body, self.without_page_size);
        write_leb(&mut body, self.parameters.len() as u64);
        for &parameter in &self.parameters {
            write_leb(&mut body, parameter);
        }
        if let Some(size) = self.page_size {
            write_leb(&mut body, size);
        }
        write_leb(&mut body, self.offset);
        write_leb(&mut body, self.tokens.len() as u64);
        body.extend_from_slice(&self.tokens);
        body.extend_from_slice(&self.trailing);
        let sum = xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes();
        body.extend_from_slice(&sum[..4]);
        URL_SAFE_NO_PAD.encode(body)
    }
}

/// How a bad or forged cursor string was received.
#[derive(Debug)]
struct Outcomes {
    malformed: AtomicUsize,
    refused: AtomicUsize,
    stream_error: AtomicUsize,
    suffix: AtomicUsize,
}

impl Outcomes {
    const fn new() -> Self {
        Outcomes {
            malformed: AtomicUsize::new(0),
            refused: AtomicUsize::new(0),
            stream_error: AtomicUsize::new(0),
            suffix: AtomicUsize::new(0),
        }
    }

    fn report(&self, name: &str) {
        eprintln!(
            "  {name}: {} malformed, {} refused by resume_from, {} refused when the listing \
             started, {} resumed to a suffix of the listing",
            self.malformed.load(SeqCst),
            self.refused.load(SeqCst),
            self.stream_error.load(SeqCst),
            self.suffix.load(SeqCst)
        );
    }
}

/// The listing a cursor string leads to: a typed refusal, or a suffix of `full` (`strict`), or at
/// least a listing without a repeated item.
async fn resume_or_refuse<M: Model>(
    encoded: &str,
    base: &Paginator<M>,
    full: &[M::Item],
    strict: bool,
    outcomes: &Outcomes,
) -> TestResult {
    let parsed = std::panic::catch_unwind(|| encoded.parse::<Cursor>())
        .map_err(|_| failure(format!("parsing {encoded:?} panicked")))?;
    let cursor = match parsed {
        Err(CursorError::Malformed(_)) => {
            outcomes.malformed.fetch_add(1, SeqCst);
            return Ok(());
        }
        Err(other) => return Err(failure(format!("parsing gave {other:?}"))),
        Ok(cursor) => cursor,
    };
    let paginator = match base.clone().resume_from(&cursor) {
        Err(_typed) => {
            outcomes.refused.fetch_add(1, SeqCst);
            return Ok(());
        }
        Ok(paginator) => paginator.max_pages(10_000),
    };
    let (items, error) = drain(paginator.items()).await?;
    match error {
        None => {
            if strict {
                prop_assert!(
                    full.ends_with(&items),
                    "{encoded:?} listed {items:?}, not a suffix of {full:?}"
                );
            } else {
                let distinct: HashSet<&M::Item> = items.iter().collect();
                prop_assert_eq!(distinct.len(), items.len(), "an item twice");
            }
            outcomes.suffix.fetch_add(1, SeqCst);
        }
        Some(
            Error::Cursor {
                source: CursorError::OffsetOutOfRange { .. },
                ..
            }
            | Error::Request {
                source: ApiError::BadToken(_),
                ..
            },
        ) => {
            prop_assert!(items.is_empty(), "items before a refused cursor: {items:?}");
            outcomes.stream_error.fetch_add(1, SeqCst);
        }
        Some(other) => return Err(failure(format!("{encoded:?}: {other:?}"))),
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Garble {
    /// Any bytes, as base64.
    Bytes(Vec<u8>),
    /// Any string.
    Text(String),
    /// A valid cursor cut short.
    Truncate(Index),
    /// A character of a valid cursor replaced.
    Replace(Index, char),
    /// A character inserted.
    Insert(Index, char),
    /// A character removed.
    Remove(Index),
    /// One byte of a valid cursor changed, re-encoded without fixing the checksum.
    FlipByte(Index, u8),
    /// Repeated (longer than any cursor).
    Repeat(usize),
}

fn garble() -> impl Strategy<Value = Garble> {
    let any_char = prop_oneof![
        3 => proptest::char::range('-', 'z'),
        1 => any::<char>(),
    ];
    prop_oneof![
        vec(any::<u8>(), 0..80).prop_map(Garble::Bytes),
        ".{0,60}".prop_map(Garble::Text),
        "[A-Za-z0-9_-]{0,60}".prop_map(Garble::Text),
        any::<Index>().prop_map(Garble::Truncate),
        (any::<Index>(), any_char.clone()).prop_map(|(at, c)| Garble::Replace(at, c)),
        (any::<Index>(), any_char).prop_map(|(at, c)| Garble::Insert(at, c)),
        any::<Index>().prop_map(Garble::Remove),
        (any::<Index>(), 1u8..=255).prop_map(|(at, x)| Garble::FlipByte(at, x)),
        (1_000usize..4_000).prop_map(Garble::Repeat),
    ]
}

#[derive(Debug, Clone)]
struct CursorCase {
    kind: Kind,
    data: Data,
    limit: u32,
    /// Where the valid cursor is taken: after this many items (modulo the listing).
    after: Index,
}

fn cursor_case() -> impl Strategy<Value = CursorCase> {
    (kind(), data(1, 40), 1u32..=8, any::<Index>()).prop_map(|(kind, data, limit, after)| {
        CursorCase {
            kind,
            data,
            limit,
            after,
        }
    })
}

/// A valid cursor of the listing, after some items, and the listing in full.
async fn some_cursor<M: Model>(case: &CursorCase) -> (Paginator<M>, Vec<M::Item>, Cursor) {
    let api = Api::plain(case.data.clone());
    let base = paginator::<M>(&api, 0, case.limit, 0);
    let full = expected_pages::<M>(&api, case.limit).concat();
    let count = case.after.index(full.len() + 1) as u64;
    let mut items = base.clone().max_items(count).items();
    while let Some(item) = items.next().await {
        item.expect("no error");
    }
    let cursor = items.cursor().unwrap_or_else(|| base.cursor());
    (base, full, cursor)
}

static GARBLED: Outcomes = Outcomes::new();

async fn garbled_is_typed<M: Model>(case: &CursorCase, garble: &Garble) -> TestResult {
    let (base, full, cursor) = some_cursor::<M>(case).await;
    let valid = cursor.to_string();
    let chars: Vec<char> = valid.chars().collect();
    let encoded = match garble {
        Garble::Bytes(bytes) => URL_SAFE_NO_PAD.encode(bytes),
        Garble::Text(text) => text.clone(),
        Garble::Truncate(at) => valid[..at.index(valid.len())].to_owned(),
        Garble::Replace(at, c) => {
            let mut chars = chars.clone();
            let at = at.index(chars.len());
            prop_assume!(chars[at] != *c);
            chars[at] = *c;
            chars.into_iter().collect()
        }
        Garble::Insert(at, c) => {
            let mut chars = chars.clone();
            chars.insert(at.index(chars.len() + 1), *c);
            chars.into_iter().collect()
        }
        Garble::Remove(at) => {
            let mut chars = chars.clone();
            chars.remove(at.index(chars.len()));
            chars.into_iter().collect()
        }
        Garble::FlipByte(at, x) => {
            let mut bytes = URL_SAFE_NO_PAD.decode(&valid).unwrap();
            let at = at.index(bytes.len());
            bytes[at] ^= x;
            URL_SAFE_NO_PAD.encode(bytes)
        }
        Garble::Repeat(times) => valid.repeat(*times),
    };
    resume_or_refuse(&encoded, &base, &full, true, &GARBLED).await?;
    // Never a valid cursor but by chance (the checksum has 32 bits).
    if matches!(
        garble,
        Garble::Truncate(_) | Garble::FlipByte(..) | Garble::Repeat(_)
    ) {
        prop_assert!(
            encoded.parse::<Cursor>().is_err(),
            "{encoded:?} was accepted"
        );
    }
    Ok(())
}

#[test]
fn garbled_cursor_strings_are_typed_errors() {
    check(
        "garbled_cursors",
        4_000,
        (cursor_case(), garble()),
        |(case, garble)| {
            runtime().block_on(async { with_model!(case.kind, garbled_is_typed(&case, &garble)) })
        },
    );
    GARBLED.report("garbled cursors");
}

#[derive(Debug, Clone)]
enum Forgery {
    /// Another offset.
    Offset(u64),
    /// The offset moved by a little.
    OffsetBy(i8),
    /// One byte of the tokens changed.
    TokenByte(Index, u8),
    /// Tokens cut short.
    TokensCut(Index),
    /// Other tokens altogether.
    Tokens(Vec<u8>),
    /// The tokens of another model's cursor.
    TokensOf(Kind),
    /// Another fingerprint.
    Fingerprint(u64),
    /// Another format version.
    Version(u64),
    /// Bytes after the tokens.
    Trailing(Vec<u8>),
}

fn forgery() -> impl Strategy<Value = Forgery> {
    prop_oneof![
        prop_oneof![0u64..64, any::<u64>()].prop_map(Forgery::Offset),
        any::<i8>().prop_map(Forgery::OffsetBy),
        (any::<Index>(), 1u8..=255).prop_map(|(at, x)| Forgery::TokenByte(at, x)),
        any::<Index>().prop_map(Forgery::TokensCut),
        vec(any::<u8>(), 0..24).prop_map(Forgery::Tokens),
        kind().prop_map(Forgery::TokensOf),
        any::<u64>().prop_map(Forgery::Fingerprint),
        // 1, 2 and 4 are the formats read; 3 is a parallel listing's.
        (3u64..1_000)
            .prop_filter(
                "format 4 is a cursor with its page size",
                |version| *version != 4
            )
            .prop_map(Forgery::Version),
        vec(any::<u8>(), 1..8).prop_map(Forgery::Trailing),
    ]
}

static FORGED: Outcomes = Outcomes::new();

/// A cursor of a listing of the model `M` over `data`, after about half of it (or its start).
async fn cursor_of<M: Model>(data: &Data, limit: u32) -> Cursor {
    let api = Api::plain(data.clone());
    let base = paginator::<M>(&api, 0, limit, 0);
    let mut items = base.clone().max_items(data.len() as u64 / 2).items();
    while let Some(item) = items.next().await {
        item.expect("no error");
    }
    items.cursor().unwrap_or_else(|| base.cursor())
}

async fn forged_is_refused_or_a_suffix<M: Model>(
    case: &CursorCase,
    forgery: &Forgery,
) -> TestResult {
    let (base, full, cursor) = some_cursor::<M>(case).await;
    let mut layout = Layout::of(&cursor);
    // Only a forged offset keeps the pages' boundaries: with forged tokens, the model with two
    // item fields may order a page's items differently from the listing.
    let mut strict = true;
    let mut tokens_forged = || strict = M::SINGLE_ITEM_FIELD;
    match forgery {
        Forgery::Offset(offset) => layout.offset = *offset,
        Forgery::OffsetBy(by) => layout.offset = layout.offset.wrapping_add_signed(i64::from(*by)),
        Forgery::TokenByte(at, x) => {
            prop_assume!(!layout.tokens.is_empty());
            let at = at.index(layout.tokens.len());
            layout.tokens[at] ^= x;
            tokens_forged();
        }
        Forgery::TokensCut(at) => {
            layout.tokens.truncate(at.index(layout.tokens.len().max(1)));
            tokens_forged();
        }
        Forgery::Tokens(tokens) => {
            layout.tokens.clone_from(tokens);
            tokens_forged();
        }
        Forgery::TokensOf(kind) => {
            let other = match kind {
                Kind::One => cursor_of::<ListOne>(&case.data, case.limit).await,
                Kind::Two => cursor_of::<ListTwo>(&case.data, case.limit).await,
                Kind::Flag => cursor_of::<ListFlag>(&case.data, case.limit).await,
            };
            layout.tokens = Layout::of(&other).tokens;
            tokens_forged();
        }
        Forgery::Fingerprint(fingerprint) => {
            layout.fingerprint = *fingerprint;
            layout.without_page_size = *fingerprint;
        }
        Forgery::Version(version) => layout.version = *version,
        Forgery::Trailing(bytes) => layout.trailing.clone_from(bytes),
    }
    let encoded = layout.encode();
    resume_or_refuse(&encoded, &base, &full, strict, &FORGED).await?;
    match forgery {
        Forgery::Fingerprint(fingerprint) if *fingerprint != Layout::of(&cursor).fingerprint => {
            let parsed: Cursor = encoded
                .parse()
                .map_err(|error| failure(format!("{error}")))?;
            prop_assert_eq!(
                base.clone().resume_from(&parsed).err(),
                Some(CursorError::RequestMismatch)
            );
        }
        Forgery::Version(_) | Forgery::Trailing(_) => {
            prop_assert!(
                matches!(encoded.parse::<Cursor>(), Err(CursorError::Malformed(_))),
                "{forgery:?} was accepted"
            );
        }
        _ => {}
    }
    Ok(())
}

#[test]
fn forged_cursors_are_refused_or_resume_to_a_suffix() {
    check(
        "forged_cursors",
        4_000,
        (cursor_case(), forgery()),
        |(case, forgery)| {
            runtime().block_on(async {
                with_model!(case.kind, forged_is_refused_or_a_suffix(&case, &forgery))
            })
        },
    );
    FORGED.report("forged cursors (valid checksum)");
}

#[derive(Debug, Clone)]
struct OtherRequestCase {
    cursor: CursorCase,
    /// The request the cursor is given to.
    kind: Kind,
    tag: u8,
    limit: u32,
}

fn other_request_case() -> impl Strategy<Value = OtherRequestCase> {
    (cursor_case(), kind(), 0u8..3, 1u32..=8).prop_map(|(cursor, kind, tag, limit)| {
        OtherRequestCase {
            cursor,
            kind,
            tag,
            limit,
        }
    })
}

async fn other_request<M: Model>(case: &OtherRequestCase) -> TestResult {
    let cursor = match case.cursor.kind {
        Kind::One => some_cursor::<ListOne>(&case.cursor).await.2,
        Kind::Two => some_cursor::<ListTwo>(&case.cursor).await.2,
        Kind::Flag => some_cursor::<ListFlag>(&case.cursor).await.2,
    };
    let cursor = round_trip(&cursor)?;
    let api = Api::plain(case.cursor.data.clone());
    let other = paginator::<M>(&api, case.tag, case.limit, 0);
    let same = case.kind == case.cursor.kind && case.tag == 0 && case.limit == case.cursor.limit;
    // Another page size alone: the cursor carries the one it was made with, and `resume_from`
    // refuses another set before it, naming the page-size field.
    let same_but_page_size = case.kind == case.cursor.kind && case.tag == 0;
    match other.resume_from(&cursor) {
        Ok(resumed) => {
            prop_assert!(same, "a cursor of another request was accepted");
            drop(resumed);
        }
        Err(error) => {
            prop_assert!(!same, "the cursor of this request was refused: {error}");
            if same_but_page_size {
                prop_assert!(
                    matches!(&error, CursorError::ParametersDiffer { parameters } if parameters.len() == 1),
                    "another page size: {error}"
                );
            }
            let another_operation = case.kind != case.cursor.kind;
            prop_assert!(
                matches!(
                    (&error, another_operation),
                    (CursorError::TokenMismatch, true)
                        | (
                            CursorError::RequestMismatch | CursorError::ParametersDiffer { .. },
                            false
                        )
                ),
                "{error}"
            );
        }
    }
    Ok(())
}

#[test]
fn cursors_of_other_requests_are_refused() {
    check("other_requests", 1_000, other_request_case(), |case| {
        runtime().block_on(async { with_model!(case.kind, other_request(&case)) })
    });
}

// --- Large tokens ----------------------------------------------------------------------------

/// Pages of two numbers out of six, behind a token padded to `pad` bytes (services whose tokens
/// carry state, such as Cosmos DB continuation tokens, send tokens of many kilobytes).
#[paginate(input_token = after, output_token = next, items = items: u32)]
#[derive(Clone, Debug)]
struct ListPadded {
    pad: usize,
    after: Option<String>,
}

struct PaddedPage {
    items: Vec<u32>,
    next: Option<String>,
}

impl PageRequest for ListPadded {
    type Output = PaddedPage;
    type Error = ApiError;

    async fn send(self) -> Result<PaddedPage, ApiError> {
        let start: u32 = match self.after.as_deref() {
            None => 0,
            Some(token) => token
                .split(':')
                .next()
                .and_then(|start| start.parse().ok())
                .ok_or_else(|| ApiError::BadToken(token.to_owned()))?,
        };
        let end = (start + 2).min(6);
        Ok(PaddedPage {
            items: (start..end).collect(),
            next: (end < 6).then(|| format!("{end}:{}", "x".repeat(self.pad))),
        })
    }
}

/// Stops a padded listing after `after` items and resumes it from the cursor's string form.
async fn resume_padded(pad: usize, after: u64) -> Result<Vec<u32>, String> {
    let base = Paginator::<ListPadded>::new(ListPadded { pad, after: None });
    let mut head = base.clone().max_items(after).items();
    let mut items = Vec::new();
    while let Some(item) = head.next().await {
        items.push(item.map_err(|error| format!("{error:?}"))?);
    }
    let cursor = head.cursor().ok_or("a cursor")?;
    let encoded = cursor.to_string();
    let parsed: Cursor = encoded.parse().map_err(|error| {
        format!(
            "a cursor of {} characters does not parse back: {error:?}",
            encoded.len()
        )
    })?;
    let rest = base
        .resume_from(&parsed)
        .map_err(|error| format!("{error:?}"))?;
    let mut rest = rest.items();
    while let Some(item) = rest.next().await {
        items.push(item.map_err(|error| format!("{error:?}"))?);
    }
    Ok(items)
}

#[test]
fn cursors_round_trip_with_large_tokens() {
    // A few milliseconds a case: `PROPTEST_CASES / 10` cases.
    check_scaled(
        "large_tokens",
        64,
        10,
        (0usize..=40_000, 1u64..=5),
        |(pad, after)| {
            let items = runtime()
                .block_on(resume_padded(pad, after))
                .map_err(failure)?;
            prop_assert_eq!(items, (0..6).collect::<Vec<u32>>());
            Ok(())
        },
    );
}

// =============================================================================================
// Regressions: library bugs these properties found (fixed)

/// The prefetch task is spawned on the runtime of the first poll. When that runtime shuts down,
/// the task is cancelled, its channel closes, and the stream ends as though the listing were
/// complete: the rest of the listing is silently lost (a panicked task is told apart; a cancelled
/// one is not).
#[test]
fn a_prefetch_task_cancelled_by_runtime_shutdown_does_not_end_the_listing_silently() {
    let api = Api::plain(Data::all_visible(30));
    let full = expected_pages::<ListOne>(&api, 5).concat();
    let mut items = paginator::<ListOne>(&api, 0, 5, 1).items();

    let first_runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let first = first_runtime.block_on(items.next());
    drop(first_runtime);

    let second_runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        second_runtime.block_on(async {
            let mut rest = Vec::new();
            while let Some(item) = items.next().await {
                match item {
                    Ok(item) => rest.push(item),
                    Err(error) => return (rest, Some(format!("{error:?}"))),
                }
            }
            (rest, None)
        })
    }));
    let Ok((rest, error)) = outcome else {
        return; // A panic, like a panicked task's, is not a silent loss.
    };
    let seen: Vec<u32> = first.into_iter().map(Result::unwrap).chain(rest).collect();
    assert!(
        seen == full || error.is_some(),
        "the stream ended cleanly after {} of {} items (stream cursor: {:?})",
        seen.len(),
        full.len(),
        items.cursor()
    );
}

#[test]
fn a_cursor_with_a_50_kib_token_parses_back() {
    let items = runtime().block_on(resume_padded(50_000, 3));
    assert_eq!(items, Ok((0..6).collect::<Vec<u32>>()));
}

#[test]
fn a_huge_prefetch_depth_does_not_panic() {
    let api = Api::plain(Data::all_visible(12));
    let outcome = std::panic::catch_unwind(|| {
        runtime().block_on(async {
            let (items, error) = drain(paginator::<ListOne>(&api, 0, 5, usize::MAX).items())
                .await
                .unwrap();
            assert!(error.is_none());
            items
        })
    });
    assert_eq!(outcome.ok(), Some((0..12).collect::<Vec<u32>>()));
}

/// A cycle longer than the exactly remembered window, after a long prefix, is caught before one
/// full cycle repeats (Brent's method, used at first, let 16 cycles' worth of pages repeat here).
#[test]
fn a_long_cycle_after_a_long_prefix_is_caught_before_a_full_cycle_repeats() {
    let (prefix, cycle) = (16 * 4_097, 4_097);
    let at = prefix + cycle - 1;
    let api = Api::new(
        Data::all_visible(at + 3),
        Behaviour {
            misbehaviour: Misbehaviour::CycleBack { at, to: prefix },
            ..Behaviour::default()
        },
    );
    let (_, error) = runtime()
        .block_on(drain(paginator::<ListOne>(&api, 0, 1, 0).items()))
        .unwrap();
    assert!(matches!(error, Some(Error::TokenCycle { .. })));
    let repeated = api.served() - (at + 1);
    assert!(
        repeated < cycle,
        "{repeated} pages repeated ({:.1} cycle lengths) before the cycle was caught",
        repeated as f64 / cycle as f64
    );
}
