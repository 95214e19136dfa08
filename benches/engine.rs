//! The engine against hand-written pagination, over one in-memory API.
//!
//! - `overhead_items`: 1,000,000 items in pages of 1,000, consumed item by item: a hand-written
//!   `loop`, `futures::stream::try_unfold` + `try_flatten`, and `Paginator::items()`.
//! - `overhead_pages`: the same listing consumed page by page: the loop, `try_unfold`, and
//!   `Paginator::send()`.
//! - `overhead_small_pages`: 100,000 items in pages of 10, item by item, where per-page costs
//!   (tokens, cursors, guards) weigh a hundred times more.
//! - `prefetch_simulated`: 20 pages with a per-page latency L = 5 ms (a real `tokio::time::sleep`
//!   in `send`, on a multi-thread runtime) and consumer work W = L per page, as an async sleep and
//!   as a busy spin: `prefetch(1)` against no prefetch.
//!
//! Every variant sends the same request type through the same `send`, which builds owned pages
//! by cloning the page's items out of the catalog, as a client deserializing a response would.
//!
//! After the overhead groups, the same variants run interleaved (every variant once per round)
//! and their medians and ratios to the loop are printed: on a shared, noisy machine that is the
//! fairer comparison.
//!
//! Run: `cargo bench --bench engine`; ratios and instruction counts: see BENCHMARKS.md.

use std::fmt;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group};
use futures::{Stream, TryStreamExt};
use pagination_core::{IntoPaginator, PageRequest, paginate};

/// The data the in-memory service holds. Its `Debug` names it only: it is the data, not a
/// request parameter.
#[derive(Clone)]
struct Catalog(Arc<Vec<String>>);

impl Catalog {
    fn new(len: usize) -> Self {
        Catalog(Arc::new(
            (0..len).map(|index| format!("item-{index:07}")).collect(),
        ))
    }
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Catalog")
    }
}

#[derive(Debug)]
struct ApiError;

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("malformed token")
    }
}

impl std::error::Error for ApiError {}

/// One page of the service's answer.
struct Page {
    items: Vec<String>,
    next: Option<String>,
}

/// The request: an opaque string token, a page size, and (for the prefetch benchmark) a
/// simulated latency.
#[paginate(input_token = after, output_token = next, page_size = limit, items = items: String)]
#[derive(Clone, Debug)]
struct ListItems {
    catalog: Catalog,
    latency: Duration,
    after: Option<String>,
    limit: Option<u32>,
}

impl ListItems {
    fn new(catalog: &Catalog, page_size: u32) -> Self {
        ListItems {
            catalog: catalog.clone(),
            latency: Duration::ZERO,
            after: None,
            limit: Some(page_size),
        }
    }
}

impl PageRequest for ListItems {
    type Output = Page;
    type Error = ApiError;

    async fn send(self) -> Result<Page, ApiError> {
        if !self.latency.is_zero() {
            tokio::time::sleep(self.latency).await;
        }
        let all = &self.catalog.0;
        let start = match &self.after {
            Some(token) => token.parse::<usize>().map_err(|_| ApiError)?,
            None => 0,
        };
        let end = (start + self.limit.unwrap_or(1000) as usize).min(all.len());
        Ok(Page {
            // Owned items, as a client that deserializes a response hands them over.
            items: all[start.min(end)..end].to_vec(),
            next: (end < all.len()).then(|| end.to_string()),
        })
    }
}

/// What the consumer does with an item: reads it, then drops it.
#[inline]
fn consume(item: String) -> usize {
    black_box(item.len())
}

// ---------------------------------------------------------------------------------------------
// The three ways to list: by hand, with `try_unfold`, with the paginator.

async fn loop_items(mut request: ListItems) -> Result<usize, ApiError> {
    let mut total = 0;
    loop {
        let page = request.clone().send().await?;
        for item in page.items {
            total += consume(item);
        }
        match page.next {
            Some(next) => request.after = Some(next),
            None => return Ok(total),
        }
    }
}

async fn loop_pages(mut request: ListItems) -> Result<usize, ApiError> {
    let mut total = 0;
    loop {
        let page = request.clone().send().await?;
        total += consume_page(page.items);
        match page.next {
            Some(next) => request.after = Some(next),
            None => return Ok(total),
        }
    }
}

fn consume_page(items: Vec<String>) -> usize {
    items.into_iter().map(consume).sum()
}

/// Pages as a stream, the usual `try_unfold` way.
fn unfold_pages(request: ListItems) -> impl Stream<Item = Result<Vec<String>, ApiError>> {
    futures::stream::try_unfold(Some(request), |state| async move {
        let Some(request) = state else {
            return Ok(None);
        };
        let page = request.clone().send().await?;
        let next = page.next.map(|after| ListItems {
            after: Some(after),
            ..request
        });
        Ok(Some((page.items, next)))
    })
}

async fn unfold_items(request: ListItems) -> Result<usize, ApiError> {
    let items = unfold_pages(request)
        .map_ok(|items| futures::stream::iter(items.into_iter().map(Ok)))
        .try_flatten();
    let mut items = std::pin::pin!(items);
    let mut total = 0;
    while let Some(item) = items.try_next().await? {
        total += consume(item);
    }
    Ok(total)
}

async fn unfold_pages_total(request: ListItems) -> Result<usize, ApiError> {
    let mut pages = std::pin::pin!(unfold_pages(request));
    let mut total = 0;
    while let Some(items) = pages.try_next().await? {
        total += consume_page(items);
    }
    Ok(total)
}

async fn ours_items(request: ListItems) -> Result<usize, pagination_core::Error<ApiError>> {
    let mut items = request.into_paginator().items();
    let mut total = 0;
    while let Some(item) = items.try_next().await? {
        total += consume(item);
    }
    Ok(total)
}

async fn ours_pages(request: ListItems) -> Result<usize, pagination_core::Error<ApiError>> {
    let mut pages = request.into_paginator().send();
    let mut total = 0;
    while let Some(page) = pages.try_next().await? {
        total += consume_page(page.items);
    }
    Ok(total)
}

// ---------------------------------------------------------------------------------------------

fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime")
}

/// The expected sum of the item lengths, to check that every variant saw every item.
fn expected_total(catalog: &Catalog) -> usize {
    catalog.0.iter().map(String::len).sum()
}

/// The variants compared in the overhead groups: (name in the report, item-by-item or
/// page-by-page, how to run it).
const VARIANTS: [(&str, &str); 6] = [
    ("items", "loop"),
    ("items", "try_unfold"),
    ("items", "ours_items"),
    ("pages", "loop"),
    ("pages", "try_unfold"),
    ("pages", "ours_pages"),
];

/// Runs one variant over the whole listing; returns the sum of the item lengths.
fn run_variant(
    runtime: &tokio::runtime::Runtime,
    variant: (&str, &str),
    request: &ListItems,
) -> usize {
    let request = request.clone();
    match variant {
        ("items", "loop") => runtime.block_on(loop_items(request)).unwrap(),
        ("items", "try_unfold") => runtime.block_on(unfold_items(request)).unwrap(),
        ("items", "ours_items") => runtime.block_on(ours_items(request)).unwrap(),
        ("pages", "loop") => runtime.block_on(loop_pages(request)).unwrap(),
        ("pages", "try_unfold") => runtime.block_on(unfold_pages_total(request)).unwrap(),
        ("pages", "ours_pages") => runtime.block_on(ours_pages(request)).unwrap(),
        _ => unreachable!("no variant {variant:?}"),
    }
}

/// (group, items, page size, consumed by items or by pages)
const SCENARIOS: [(&str, usize, u32, &str); 3] = [
    ("overhead_items", 1_000_000, 1000, "items"),
    ("overhead_pages", 1_000_000, 1000, "pages"),
    ("overhead_small_pages", 100_000, 10, "items"),
];

fn overhead(c: &mut Criterion) {
    let runtime = current_thread();
    for (group_name, len, page_size, by) in SCENARIOS {
        let catalog = Catalog::new(len);
        let expected = expected_total(&catalog);
        let request = ListItems::new(&catalog, page_size);
        let mut group = c.benchmark_group(group_name);
        configure(&mut group, len, 30);
        for variant in VARIANTS.into_iter().filter(|(kind, _)| *kind == by) {
            group.bench_function(variant.1, |b| {
                b.iter(|| assert_eq!(run_variant(&runtime, variant, &request), expected))
            });
        }
        group.finish();
    }
}

/// The same comparisons, interleaved: each round runs every variant once, in turn, so that a
/// burst of load on this shared machine hits all of them alike. Prints the median of each and
/// its ratio to the hand-written loop.
fn overhead_interleaved(_: &mut Criterion) {
    if std::env::args().any(|argument| argument == "--list" || argument == "--test") {
        return;
    }
    let runtime = current_thread();
    let rounds = 21;
    println!("\noverhead, interleaved ({rounds} rounds; median; ratio to the loop):");
    for (group_name, len, page_size, by) in SCENARIOS {
        let catalog = Catalog::new(len);
        let expected = expected_total(&catalog);
        let request = ListItems::new(&catalog, page_size);
        let variants: Vec<_> = VARIANTS
            .into_iter()
            .filter(|(kind, _)| *kind == by)
            .collect();
        let mut times = vec![Vec::new(); variants.len()];
        for _ in 0..rounds {
            for (variant, times) in variants.iter().zip(&mut times) {
                let start = Instant::now();
                assert_eq!(run_variant(&runtime, *variant, &request), expected);
                times.push(start.elapsed());
            }
        }
        let medians: Vec<Duration> = times
            .iter_mut()
            .map(|times| {
                times.sort();
                times[times.len() / 2]
            })
            .collect();
        for (variant, median) in variants.iter().zip(&medians) {
            println!(
                "  {group_name}/{:<12} {:>9.3} ms  {:.3}x",
                variant.1,
                median.as_secs_f64() * 1e3,
                median.as_secs_f64() / medians[0].as_secs_f64(),
            );
        }
    }
}

fn configure(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    items: usize,
    samples: usize,
) {
    group
        .throughput(Throughput::Elements(items as u64))
        .sample_size(samples)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(6));
}

// ---------------------------------------------------------------------------------------------
// Prefetch: latency L in `send`, work W = L per page in the consumer.

const PAGES: usize = 20;
const LATENCY: Duration = Duration::from_millis(5);
const WORK: Duration = LATENCY;

/// Consumer work that keeps the thread busy (no await point), for `duration`.
fn spin(duration: Duration) {
    let start = Instant::now();
    while start.elapsed() < duration {
        std::hint::spin_loop();
    }
}

#[derive(Clone, Copy)]
enum Work {
    /// `tokio::time::sleep(W)`.
    Sleep,
    /// A busy loop of the given length.
    Spin(Duration),
}

/// What `tokio::time::sleep(LATENCY)` really takes on this machine (the timer rounds up to its
/// millisecond ticks): the spinning consumer works this long, so that W = L exactly.
fn effective_latency(runtime: &tokio::runtime::Runtime) -> Duration {
    let rounds = 20;
    let start = Instant::now();
    runtime.block_on(async {
        for _ in 0..rounds {
            tokio::time::sleep(LATENCY).await;
        }
    });
    start.elapsed() / rounds
}

async fn prefetch_listing(request: ListItems, prefetch: usize, work: Work) -> usize {
    let mut pages = request.into_paginator().prefetch(prefetch).send();
    let mut count = 0;
    while let Some(page) = pages.try_next().await.expect("the listing") {
        match work {
            Work::Sleep => tokio::time::sleep(WORK).await,
            Work::Spin(duration) => spin(duration),
        }
        count += page.items.len();
    }
    count
}

fn prefetch(c: &mut Criterion) {
    // A real multi-thread runtime (no paused clock). The consumer runs on the bench thread
    // (`block_on`), the prefetch task on a worker.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let page_size = 10;
    let catalog = Catalog::new(PAGES * page_size);
    let request = ListItems {
        latency: LATENCY,
        ..ListItems::new(&catalog, page_size as u32)
    };
    let mut group = c.benchmark_group("prefetch_simulated");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let latency = effective_latency(&runtime);
    eprintln!(
        "prefetch_simulated: {PAGES} pages; L = sleep({LATENCY:?}), {:.2} ms in effect; \
         W = sleep({WORK:?}) or a spin of {:.2} ms",
        latency.as_secs_f64() * 1e3,
        latency.as_secs_f64() * 1e3,
    );
    for (work, work_name) in [(Work::Sleep, "sleep"), (Work::Spin(latency), "spin")] {
        for depth in [0, 1] {
            let name = format!("work_{work_name}/prefetch_{depth}");
            group.bench_function(name, |b| {
                b.iter(|| {
                    let count = runtime.block_on(prefetch_listing(request.clone(), depth, work));
                    assert_eq!(count, PAGES * page_size);
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, overhead, overhead_interleaved, prefetch);

/// Starts (and joins) a thread before anything is measured. glibc's malloc takes a lock-free
/// fast path until a process starts its first thread, and criterion starts its analysis threads
/// after the first benchmark: without this, the first benchmark alone would run with the faster
/// allocator (about 25 ms instead of 39 ms for the loop here). Every async application with a
/// multi-thread runtime runs in the threaded mode, so all benchmarks run in it.
fn multi_threaded_allocator() {
    std::thread::spawn(|| {}).join().expect("a thread");
}

/// `cargo bench --bench engine` runs the criterion groups. With `ENGINE_BENCH_ONLY=GROUP/VARIANT:N`
/// (e.g. `overhead_items/ours_items:3`) the binary instead runs that one variant N times and
/// exits, for an instruction count under `valgrind --tool=cachegrind` (see BENCHMARKS.md).
fn main() {
    multi_threaded_allocator();
    if let Ok(only) = std::env::var("ENGINE_BENCH_ONLY") {
        let (name, rounds) = only.split_once(':').unwrap_or((&only, "1"));
        let rounds: usize = rounds.parse().expect("ENGINE_BENCH_ONLY=GROUP/VARIANT:N");
        let (group_name, variant_name) = name.split_once('/').expect("GROUP/VARIANT");
        let (_, len, page_size, by) = SCENARIOS
            .into_iter()
            .find(|scenario| scenario.0 == group_name)
            .expect("a group of SCENARIOS");
        let variant = VARIANTS
            .into_iter()
            .find(|variant| *variant == (by, variant_name))
            .expect("a variant of VARIANTS");
        let runtime = current_thread();
        let catalog = Catalog::new(len);
        let request = ListItems::new(&catalog, page_size);
        for _ in 0..rounds {
            black_box(run_variant(&runtime, variant, &request));
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
