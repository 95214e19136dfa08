//! Parallel listings (`Paginator::parallel`) against an in-memory key listing that follows S3's
//! rules: keys in byte order, `start_after`, a prefix, a delimiter that rolls keys up into
//! common prefixes, a marker token. Every parallel listing must equal the sequential one.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use pagination_core::{
    CannotPartition, Cursor, IntoPaginator, KeyRange, KeyRanges, KeySpace, MalformedCursor,
    MeasuredRange, PageRequest, PartitionCursor, PartitionedError, PartitionedItems, SplitPoints,
    paginate,
};

/// The keys a listing serves, how many requests it answered, and which ones fail.
#[derive(Clone, Default)]
struct Bucket {
    keys: Arc<BTreeSet<String>>,
    calls: Arc<AtomicUsize>,
    failing: Arc<Vec<usize>>,
    /// Requests not yet answered (cancelled ones included until dropped).
    live: Arc<AtomicUsize>,
    latency: Option<Duration>,
    /// Up to this much more latency, varying with the request (the same for the same request).
    jitter: Duration,
    /// The most requests unanswered at once.
    peak: Arc<AtomicUsize>,
    /// Lists from the first key whatever the start-after (as some S3-compatible servers do).
    ignores_start_after: bool,
}

impl fmt::Debug for Bucket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Bucket")
    }
}

impl Bucket {
    fn new(keys: impl IntoIterator<Item = String>) -> Self {
        Bucket {
            keys: Arc::new(keys.into_iter().collect()),
            ..Bucket::default()
        }
    }

    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

#[paginate(input_token = marker, output_token = next_marker, items = entries: String, page_size = max_keys)]
#[derive(Clone, Debug, Default)]
struct ListKeys {
    #[paginate(skip)]
    bucket: Bucket,
    prefix: String,
    delimiter: Option<String>,
    start_after: Option<String>,
    marker: Option<String>,
    max_keys: Option<u32>,
}

struct Page {
    entries: Vec<String>,
    next_marker: Option<String>,
}

#[derive(Debug)]
struct Failed(usize);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "request {} failed", self.0)
    }
}

impl std::error::Error for Failed {}

struct LiveGuard(Arc<AtomicUsize>);

impl Drop for LiveGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl PageRequest for ListKeys {
    type Output = Page;
    type Error = Failed;

    fn send(self) -> impl Future<Output = Result<Page, Failed>> + Send + 'static {
        let bucket = self.bucket.clone();
        let live = bucket.live.fetch_add(1, Ordering::SeqCst) + 1;
        bucket.peak.fetch_max(live, Ordering::SeqCst);
        let guard = LiveGuard(bucket.live.clone());
        let jitter = {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            (&self.start_after, &self.marker).hash(&mut hasher);
            bucket
                .jitter
                .mul_f64((hasher.finish() % 1000) as f64 / 1000.0)
        };
        async move {
            let _guard = guard;
            if let Some(latency) = bucket.latency {
                tokio::time::sleep(latency + jitter).await;
            }
            let number = bucket.calls.fetch_add(1, Ordering::SeqCst);
            if bucket.failing.contains(&number) {
                return Err(Failed(number));
            }
            Ok(self.page())
        }
    }
}

impl ListKeys {
    /// The page S3 would answer: entries after the marker (else after `start_after`) under the
    /// prefix, keys that hold the delimiter after the prefix rolled up into a common prefix.
    fn page(&self) -> Page {
        let start_after = (!self.bucket.ignores_start_after)
            .then(|| self.start_after.clone())
            .flatten();
        let after = self.marker.clone().or(start_after).unwrap_or_default();
        let limit = self.max_keys.unwrap_or(1000) as usize;
        let mut entries: Vec<String> = Vec::new();
        let mut truncated = false;
        for key in self.bucket.keys.range::<String, _>((
            std::ops::Bound::Excluded(&after),
            std::ops::Bound::Unbounded,
        )) {
            let Some(rest) = key.strip_prefix(self.prefix.as_str()) else {
                continue;
            };
            let entry = match self
                .delimiter
                .as_deref()
                .and_then(|d| rest.find(d).map(|at| (at, d)))
            {
                Some((at, delimiter)) => &key[..self.prefix.len() + at + delimiter.len()],
                None => key.as_str(),
            };
            if entries.last().is_some_and(|last| last == entry) {
                continue;
            }
            // The marker may sit inside a common prefix already listed.
            if entry <= after.as_str() {
                continue;
            }
            if entries.len() == limit {
                truncated = true;
                break;
            }
            entries.push(entry.to_owned());
        }
        let next_marker = truncated.then(|| entries.last().cloned()).flatten();
        Page {
            entries,
            next_marker,
        }
    }
}

impl KeyRanges for ListKeys {
    fn item_key<'a>(_: &ListKeys, entry: &'a String) -> Cow<'a, str> {
        Cow::Borrowed(entry)
    }

    fn start_after(mut request: ListKeys, key: &str) -> ListKeys {
        request.start_after = Some(key.to_owned());
        request
    }

    fn lower_bound(request: &ListKeys) -> Option<String> {
        request.start_after.clone()
    }

    fn key_space(request: &ListKeys) -> KeySpace {
        KeySpace::new(request.prefix.clone(), request.delimiter.clone())
    }
}

fn uniform(count: usize) -> Vec<String> {
    (0..count).map(|index| format!("key-{index:06}")).collect()
}

/// Dense date partitions under one prefix, a few sparse keys around them.
fn skewed() -> Vec<String> {
    let mut keys: Vec<String> = (0..3000)
        .map(|index| format!("logs/2024-01-01/{index:05}.json"))
        .collect();
    keys.extend(
        [
            "a",
            "m/x",
            "zz",
            "logs/2023/old",
            "logs/2025",
            "é/1",
            "\u{10ffff}",
        ]
        .map(String::from),
    );
    keys
}

/// Keys that break naive splitting and encoding: spaces, `+`, `%`, non-ASCII, a 300-byte key,
/// delimiters in odd places.
fn hostile() -> Vec<String> {
    let mut keys: Vec<String> = [
        "",
        "a b",
        "a+b",
        "a%2Fb",
        "a/b/c",
        "a/",
        "a//",
        "a/b",
        "a0",
        "b",
        "é",
        "日本/語",
        "Z",
        "~",
        "\u{7f}",
        "t/obj\\1",
        "sp ace/x",
        "100%/y",
        "z/\u{10ffff}",
    ]
    .into_iter()
    .filter(|key| !key.is_empty())
    .map(String::from)
    .collect();
    keys.push(format!("long/{}", "x".repeat(300)));
    for index in 0..200 {
        keys.push(format!("d/{index:03}"));
        keys.push(format!("e{index:03}"));
    }
    keys
}

fn request(bucket: &Bucket, prefix: &str, delimiter: Option<&str>) -> ListKeys {
    ListKeys {
        bucket: bucket.clone(),
        prefix: prefix.to_owned(),
        delimiter: delimiter.map(str::to_owned),
        ..ListKeys::default()
    }
}

async fn sequential(request: &ListKeys, page_size: u32) -> Vec<String> {
    request
        .clone()
        .into_paginator()
        .page_size(page_size)
        .items()
        .try_collect()
        .await
        .unwrap()
}

async fn parallel(
    request: &ListKeys,
    page_size: u32,
    requests: usize,
    ordered: bool,
) -> (Vec<String>, u64) {
    let mut listing = request
        .clone()
        .into_paginator()
        .page_size(page_size)
        .parallel(requests)
        .unwrap();
    if !ordered {
        listing = listing.unordered();
    }
    let mut stream = listing.items();
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        items.push(item.unwrap());
    }
    assert!(
        stream.cursor().is_none(),
        "a complete listing has no cursor"
    );
    (items, stream.pages())
}

fn sorted(mut items: Vec<String>) -> Vec<String> {
    items.sort();
    items
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn equals_the_sequential_listing() {
    let cases: [(&str, Vec<String>, &str, Option<&str>); 6] = [
        ("uniform", uniform(2000), "", None),
        ("skewed", skewed(), "", None),
        ("skewed under a prefix", skewed(), "logs/", None),
        ("skewed with a delimiter", skewed(), "", Some("/")),
        ("hostile", hostile(), "", None),
        ("hostile with a delimiter", hostile(), "", Some("/")),
    ];
    let mut compared = 0;
    for (name, keys, prefix, delimiter) in cases {
        let bucket = Bucket::new(keys);
        let request = request(&bucket, prefix, delimiter);
        for page_size in [1, 7, 100] {
            let expected = sequential(&request, page_size).await;
            for requests in [1, 2, 4, 16] {
                for ordered in [true, false] {
                    let context = format!("{name}, page size {page_size}, {requests} requests");
                    let (items, _) = parallel(&request, page_size, requests, ordered).await;
                    if ordered {
                        assert_eq!(items, expected, "{context}, ordered");
                    } else {
                        assert_eq!(sorted(items), expected, "{context}, unordered");
                    }
                    compared += expected.len();
                }
            }
        }
    }
    assert!(compared > 100_000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_stay_near_the_sequential_count() {
    for (name, keys) in [("uniform", uniform(20_000)), ("skewed", skewed())] {
        let bucket = Bucket::new(keys);
        let request = request(&bucket, "", None);
        let page_size = if name == "uniform" { 100 } else { 20 };
        let before = bucket.calls();
        let expected = sequential(&request, page_size).await;
        let sequential_requests = bucket.calls() - before;
        for requests in [4, 16, 64] {
            let before = bucket.calls();
            let (items, _) = parallel(&request, page_size, requests, true).await;
            let made = bucket.calls() - before;
            assert_eq!(items, expected);
            println!(
                "{name}: {requests} in flight: {made} requests, sequential {sequential_requests}"
            );
            let budget = sequential_requests + sequential_requests / 5 + requests;
            assert!(
                made <= budget,
                "{name}, {requests} in flight: {made} requests, sequential {sequential_requests}"
            );
        }
    }
}

/// The items a stream yields up to `count`, and its cursor then.
async fn take(
    stream: &mut PartitionedItems<ListKeys>,
    count: usize,
) -> (Vec<String>, Option<PartitionCursor>) {
    let mut items = Vec::new();
    while items.len() < count {
        match stream.next().await {
            Some(item) => items.push(item.unwrap()),
            None => break,
        }
    }
    (items, stream.cursor())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resumes_from_cursors_taken_anywhere() {
    for (keys, delimiter) in [(skewed(), None), (hostile(), Some("/"))] {
        let bucket = Bucket::new(keys);
        let request = request(&bucket, "", delimiter);
        let expected = sequential(&request, 9).await;
        for ordered in [true, false] {
            for step in [1, 37, 250] {
                // Stop every `step` items, write the cursor down, resume it in a new listing.
                let mut seen: Vec<String> = Vec::new();
                let mut cursor: Option<PartitionCursor> = None;
                let mut rounds = 0;
                loop {
                    let mut listing = request
                        .clone()
                        .into_paginator()
                        .page_size(9)
                        .parallel(8)
                        .unwrap();
                    if !ordered {
                        listing = listing.unordered();
                    }
                    if let Some(cursor) = &cursor {
                        let text = cursor.to_string();
                        listing = listing.resume_from(&text.parse().unwrap()).unwrap();
                    }
                    let mut stream = listing.items();
                    let (items, next) = take(&mut stream, step).await;
                    seen.extend(items);
                    rounds += 1;
                    match next {
                        Some(next) => cursor = Some(next),
                        None => break,
                    }
                    if step == 1 && rounds > 60 {
                        // Enough single steps: finish the listing from here.
                        let stream = request
                            .clone()
                            .into_paginator()
                            .page_size(9)
                            .parallel(8)
                            .unwrap()
                            .resume_from(cursor.as_ref().unwrap())
                            .unwrap()
                            .items();
                        let rest: Vec<String> = stream.try_collect().await.unwrap();
                        seen.extend(rest);
                        break;
                    }
                }
                if ordered {
                    assert_eq!(seen, expected, "step {step}");
                } else {
                    assert_eq!(sorted(seen), expected, "unordered, step {step}");
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn max_items_is_exact_and_resumes() {
    let bucket = Bucket::new(uniform(1000));
    let request = request(&bucket, "", None);
    let expected = sequential(&request, 10).await;
    let mut seen = Vec::new();
    let mut cursor: Option<PartitionCursor> = None;
    loop {
        let mut listing = request
            .clone()
            .into_paginator()
            .page_size(10)
            .max_items(123)
            .parallel(6)
            .unwrap();
        if let Some(cursor) = &cursor {
            listing = listing.resume_from(cursor).unwrap();
        }
        let mut stream = listing.items();
        let mut items = Vec::new();
        while let Some(item) = stream.next().await {
            items.push(item.unwrap());
        }
        assert!(items.len() == 123 || stream.cursor().is_none());
        seen.extend(items);
        match stream.cursor() {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_page_resumes_without_loss_or_repeat() {
    for ordered in [true, false] {
        for failing in [0, 1, 5, 20, 60] {
            let mut bucket = Bucket::new(skewed());
            bucket.failing = Arc::new(vec![failing, failing + 3]);
            let request = request(&bucket, "", None);
            let mut seen = Vec::new();
            let mut cursor: Option<PartitionCursor> = None;
            let mut errors = 0;
            loop {
                let mut listing = request
                    .clone()
                    .into_paginator()
                    .page_size(40)
                    .parallel(8)
                    .unwrap();
                if !ordered {
                    listing = listing.unordered();
                }
                if let Some(cursor) = &cursor {
                    listing = listing.resume_from(cursor).unwrap();
                }
                let mut stream = listing.items();
                let mut failed: Option<PartitionedError<Failed>> = None;
                while let Some(item) = stream.next().await {
                    match item {
                        Ok(item) => seen.push(item),
                        Err(error) => failed = Some(error),
                    }
                }
                let Some(error) = failed else { break };
                errors += 1;
                assert!(error.error().request_error().is_some());
                assert_eq!(stream.cursor().as_ref(), Some(error.cursor()));
                cursor = Some(error.cursor().clone());
            }
            assert!(errors >= 1, "request {failing} failed");
            let clean = Bucket::new(skewed());
            let expected = sequential(&self::request(&clean, "", None), 40).await;
            if ordered {
                assert_eq!(seen, expected);
            } else {
                assert_eq!(sorted(seen), expected);
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_the_stream_cancels_every_request() {
    let mut bucket = Bucket::new(uniform(5000));
    bucket.latency = Some(Duration::from_millis(50));
    let request = request(&bucket, "", None);
    let mut stream = request
        .clone()
        .into_paginator()
        .page_size(50)
        .parallel(16)
        .unwrap()
        .items();
    // Until the listing has split into many ranges with requests in flight.
    for _ in 0..300 {
        stream.next().await.unwrap().unwrap();
    }
    assert!(bucket.live.load(Ordering::SeqCst) > 1, "requests in flight");
    drop(stream);
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert_eq!(
        bucket.live.load(Ordering::SeqCst),
        0,
        "a request outlived the stream"
    );
    let calls = bucket.calls();
    tokio::time::sleep(Duration::from_millis(120)).await;
    assert_eq!(
        bucket.calls(),
        calls,
        "a request was answered after the drop"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn split_keys_given_by_the_caller() {
    let bucket = Bucket::new(skewed());
    let request = request(&bucket, "", Some("/"));
    let expected = sequential(&request, 5).await;
    let listing = request
        .clone()
        .into_paginator()
        .page_size(5)
        .parallel(4)
        .unwrap()
        // Inside a common prefix, outside the listing, repeated, unsorted.
        .split_at([
            "m",
            "logs/2024-01-01/01000",
            "",
            "e",
            "m",
            "\u{10ffff}\u{10ffff}",
        ]);
    let items: Vec<String> = listing.items().try_collect().await.unwrap();
    assert_eq!(items, expected);
}

#[tokio::test]
async fn cursors_of_the_two_kinds_are_told_apart() {
    let bucket = Bucket::new(uniform(50));
    let request = request(&bucket, "", None);
    let mut stream = request
        .clone()
        .into_paginator()
        .page_size(10)
        .parallel(2)
        .unwrap()
        .items();
    stream.next().await.unwrap().unwrap();
    let partitioned = stream.cursor().unwrap().to_string();
    let mut sequential = request.clone().into_paginator().page_size(10).items();
    sequential.next().await.unwrap().unwrap();
    let plain = sequential.cursor().unwrap().to_string();

    let error = partitioned.parse::<Cursor>().unwrap_err();
    assert_eq!(error, MalformedCursor::Partitioned.into());
    let error = plain.parse::<PartitionCursor>().unwrap_err();
    assert_eq!(error, MalformedCursor::NotPartitioned.into());

    // Another prefix: refused, naming it.
    let other = ListKeys {
        prefix: "key-".to_owned(),
        ..request.clone()
    };
    let refused = other
        .into_paginator()
        .page_size(10)
        .parallel(2)
        .unwrap()
        .resume_from(&partitioned.parse().unwrap())
        .unwrap_err();
    assert!(refused.to_string().contains("`prefix`"), "{refused}");
}

#[test]
fn what_cannot_run_in_parallel_is_refused() {
    let bucket = Bucket::new(uniform(5));
    let request = request(&bucket, "", None);
    let refused: CannotPartition = request.clone().into_paginator().parallel(0).unwrap_err();
    assert!(refused.reason().contains("at least one"));
    let midway = ListKeys {
        marker: Some("key-000002".to_owned()),
        ..request.clone()
    };
    let refused = midway.into_paginator().parallel(4).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("continues a sequential listing"),
        "{refused}"
    );
    // A page limit would stop each range where it stands and leave keys unlisted.
    let refused = request
        .clone()
        .into_paginator()
        .max_pages(2)
        .parallel(4)
        .unwrap_err();
    assert!(refused.reason().contains("max_items instead"), "{refused}");
}

/// In key order, a listing far longer than its buffer (500 pages against 16 requests of 8)
/// keeps its requests on the keys next in order: no slower than 1.3 times the unordered listing,
/// in round trips on the paused clock, and within 1.2 times the sequential requests plus N.
/// Before stretches were cut off the front, the ranges after the first filled the buffer and
/// held every request while the first range listed alone: at 2,000 pages of a counter, 1,460
/// round trips against 135 unordered.
#[tokio::test(start_paused = true)]
async fn in_key_order_a_long_listing_keeps_every_request_busy() {
    let hash = |index: usize| (index as u32).wrapping_mul(2_654_435_761);
    let counter: Vec<String> = (0..500_000).map(|i| format!("key-{i:07}")).collect();
    let mut hashes: Vec<String> = (0..500_000)
        .map(|i| format!("{:08x}{i}", hash(i)))
        .collect();
    hashes.sort();
    for (name, keys) in [("a counter", counter), ("hashes", hashes)] {
        let mut bucket = Bucket::new(keys.clone());
        bucket.latency = Some(Duration::from_millis(50));
        bucket.jitter = Duration::from_millis(20);
        let request = request(&bucket, "", None);
        let mut trips = [0.0; 2];
        for (slot, ordered) in [false, true].into_iter().enumerate() {
            let before = bucket.calls();
            let started = tokio::time::Instant::now();
            let (items, _) = parallel(&request, 1000, 16, ordered).await;
            trips[slot] = started.elapsed().as_secs_f64() / 0.06;
            let made = bucket.calls() - before;
            println!(
                "{name}, 16, ordered {ordered}: {:.1} round trips, {made} requests",
                trips[slot]
            );
            assert!(
                made <= 500 + 100 + 16,
                "{name}, ordered {ordered}: {made} requests"
            );
            if ordered {
                assert!(items == keys, "{name}: in key order");
            } else {
                assert!(sorted(items) == keys, "{name}: every key once");
            }
        }
        let [unordered, ordered] = trips;
        assert!(
            ordered <= 1.3 * unordered,
            "{name}: {ordered:.1} round trips in key order, {unordered:.1} unordered"
        );
    }
}

/// Never more requests unanswered at once than the listing allows, also when the consumer is
/// slower than the server (the buffer fills) and the listing starts with many ranges: resumed
/// from a cursor of 67 ranges, or split at 99 keys by the caller.
#[tokio::test(start_paused = true)]
async fn never_more_requests_in_flight_than_allowed() {
    let keys = uniform(20_000);
    let mut bucket = Bucket::new(keys.clone());
    bucket.latency = Some(Duration::from_millis(10));
    let request = request(&bucket, "", None);
    let mut first = request
        .clone()
        .into_paginator()
        .page_size(10)
        .parallel(64)
        .unwrap()
        .items();
    let mut seen = Vec::new();
    for _ in 0..500 {
        seen.push(first.next().await.unwrap().unwrap());
    }
    let cursor = first.cursor().unwrap();
    drop(first);
    // The cancelled requests' tasks end at the runtime's next turn.
    tokio::time::sleep(Duration::from_millis(1)).await;
    assert_eq!(bucket.live.load(Ordering::SeqCst), 0);
    assert!(cursor.ranges() > 10, "{} ranges", cursor.ranges());
    let slow = |requests: usize, resume: Option<PartitionCursor>, split: bool, buffer: usize| {
        let request = request.clone();
        async move {
            let mut listing = request
                .into_paginator()
                .page_size(10)
                .parallel(requests)
                .unwrap()
                .buffer_pages(buffer);
            if let Some(cursor) = &resume {
                listing = listing.resume_from(cursor).unwrap();
            }
            if split {
                listing = listing.split_at((1..100).map(|i| format!("key-{:06}", i * 200)));
            }
            let mut stream = listing.items();
            let mut items = Vec::new();
            while let Some(item) = stream.next().await {
                items.push(item.unwrap());
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
            items
        }
    };
    for ordered_buffer in [8, 1] {
        bucket.peak.store(0, Ordering::SeqCst);
        let rest = slow(2, Some(cursor.clone()), false, ordered_buffer).await;
        let mut all = seen.clone();
        all.extend(rest);
        assert_eq!(all, keys);
        let peak = bucket.peak.load(Ordering::SeqCst);
        assert!(
            peak <= 2,
            "resumed, buffer {ordered_buffer}: {peak} requests at once"
        );

        bucket.peak.store(0, Ordering::SeqCst);
        let items = slow(2, None, true, ordered_buffer).await;
        assert_eq!(items, keys);
        let peak = bucket.peak.load(Ordering::SeqCst);
        assert!(
            peak <= 2,
            "split at 99 keys, buffer {ordered_buffer}: {peak} requests at once"
        );
    }
}

/// A server that ignores the start-after lists every range from the first key: the listing
/// stays exact, and once a range's first page shows it, the ranges that yielded nothing fold
/// into the one before them, so the requests stay near the sequential count.
#[tokio::test(start_paused = true)]
async fn a_server_that_ignores_start_after_folds_the_ranges() {
    let keys = uniform(2000);
    let mut bucket = Bucket::new(keys.clone());
    bucket.latency = Some(Duration::from_millis(10));
    bucket.ignores_start_after = true;
    let request = request(&bucket, "", None);
    let before = bucket.calls();
    let expected = sequential(&request, 10).await;
    let sequential_requests = bucket.calls() - before;
    assert_eq!(expected, keys);
    for requests in [4, 16, 64] {
        for ordered in [true, false] {
            let before = bucket.calls();
            let (items, _) = parallel(&request, 10, requests, ordered).await;
            let made = bucket.calls() - before;
            if ordered {
                assert_eq!(items, expected);
            } else {
                assert_eq!(sorted(items), expected);
            }
            let budget = sequential_requests + sequential_requests / 5 + requests;
            assert!(
                made <= budget,
                "{requests} requests, ordered {ordered}: {made} requests, sequential {sequential_requests}"
            );
        }
    }
    // Split by the caller at 99 keys.
    let before = bucket.calls();
    let mut stream = request
        .clone()
        .into_paginator()
        .page_size(10)
        .parallel(8)
        .unwrap()
        .split_at((1..100).map(|i| format!("key-{:06}", i * 20)))
        .items();
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        items.push(item.unwrap());
    }
    assert_eq!(items, expected);
    let made = bucket.calls() - before;
    let budget = sequential_requests + sequential_requests / 5 + 8;
    assert!(made <= budget, "split at 99 keys: {made} requests");
}

/// Tiny pages and many requests in flight: two dense halves, 2 keys a page, 200 requests.
#[tokio::test(start_paused = true)]
async fn tiny_pages_stay_within_the_request_budget() {
    let keys: Vec<String> = (0..3000)
        .map(|i| format!("a/{i:05}"))
        .chain((0..3000).map(|i| format!("z/{i:05}")))
        .collect();
    let mut bucket = Bucket::new(keys);
    bucket.latency = Some(Duration::from_millis(50));
    bucket.jitter = Duration::from_millis(20);
    let request = request(&bucket, "", None);
    let before = bucket.calls();
    let expected = sequential(&request, 2).await;
    let sequential_requests = bucket.calls() - before;
    for page_size in [2, 10] {
        let sequential_requests = sequential_requests * 2 / page_size as usize;
        for ordered in [true, false] {
            let before = bucket.calls();
            let (items, _) = parallel(&request, page_size, 200, ordered).await;
            let made = bucket.calls() - before;
            if ordered {
                assert_eq!(items, expected);
            } else {
                assert_eq!(sorted(items), expected);
            }
            let budget = sequential_requests + sequential_requests / 5 + 200;
            assert!(
                made <= budget,
                "page size {page_size}, ordered {ordered}: {made} requests, budget {budget}"
            );
        }
    }
}

/// A listing limited by `max_items` does not list far past the items it yields: its requests
/// stay within 1.2 times those of the sequential listing with the same limit, plus the requests
/// in flight (before, 1,500 items of 100 a page at 8 requests took 59 against 15).
#[tokio::test(start_paused = true)]
async fn max_items_costs_about_the_sequential_requests() {
    let mut bucket = Bucket::new(uniform(20_000));
    bucket.latency = Some(Duration::from_millis(50));
    bucket.jitter = Duration::from_millis(20);
    let request = request(&bucket, "", None);
    for limit in [1u64, 300, 1500, 4321] {
        let before = bucket.calls();
        let expected: Vec<String> = request
            .clone()
            .into_paginator()
            .page_size(100)
            .max_items(limit)
            .items()
            .try_collect()
            .await
            .unwrap();
        let sequential_requests = bucket.calls() - before;
        for requests in [8, 64] {
            for ordered in [true, false] {
                let before = bucket.calls();
                let mut listing = request
                    .clone()
                    .into_paginator()
                    .page_size(100)
                    .max_items(limit)
                    .parallel(requests)
                    .unwrap();
                if !ordered {
                    listing = listing.unordered();
                }
                let items: Vec<String> = listing.items().try_collect().await.unwrap();
                let made = bucket.calls() - before;
                assert_eq!(items.len() as u64, limit);
                if ordered {
                    assert_eq!(items, expected);
                }
                let budget = sequential_requests + sequential_requests / 5 + requests;
                assert!(
                    made <= budget,
                    "max_items {limit}, {requests} requests, ordered {ordered}: {made} requests, \
                     sequential {sequential_requests}"
                );
            }
        }
    }
}

/// The ranges of the split points tile the key space: the first from the start, the last to the
/// end, each starting where the one before ended.
fn assert_tiles(points: &SplitPoints) {
    let ranges = points.ranges();
    assert!(!ranges.is_empty());
    assert_eq!(ranges[0].range.after, None);
    assert_eq!(ranges[ranges.len() - 1].range.up_to, None);
    for pair in ranges.windows(2) {
        assert_eq!(pair[0].range.up_to, pair[1].range.after, "{points}");
    }
}

/// A parallel listing's ordered items and its requests, started from `points` and within
/// `range` when given.
async fn listed_with(
    request: &ListKeys,
    requests: usize,
    ordered: bool,
    points: Option<&SplitPoints>,
    range: Option<KeyRange>,
) -> (Vec<String>, SplitPoints) {
    let mut listing = request
        .clone()
        .into_paginator()
        .page_size(100)
        .parallel(requests)
        .unwrap();
    if !ordered {
        listing = listing.unordered();
    }
    if let Some(points) = points {
        listing = listing.split_points(points);
    }
    if let Some(range) = range {
        listing = listing.key_range(range);
    }
    let mut stream = listing.items();
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        items.push(item.unwrap());
    }
    assert!(stream.cursor().is_none());
    let points = stream.split_points();
    (if ordered { items } else { sorted(items) }, points)
}

/// What a listing learned starts the next one balanced: the ranges it measured cover the key
/// space and count every key, survive their text form, and the next listing, started from
/// them, takes fewer round trips for the same items within the same request budget.
#[tokio::test(start_paused = true)]
async fn split_points_start_the_next_listing_balanced() {
    let mut keys: Vec<String> = (0..12_000)
        .map(|index| format!("logs/2026-01-{:02}/part-{index:05}.json", 1 + index / 2000))
        .collect();
    keys.extend(
        (0..3000).map(|index| format!("z/{:08x}", (index as u32).wrapping_mul(2_654_435_761))),
    );
    keys.sort();
    let mut bucket = Bucket::new(keys.clone());
    bucket.latency = Some(Duration::from_millis(60));
    let request = request(&bucket, "", None);
    let before = bucket.calls();
    assert_eq!(sequential(&request, 100).await, keys);
    let sequential_requests = bucket.calls() - before;

    let started = tokio::time::Instant::now();
    let before = bucket.calls();
    let (items, points) = listed_with(&request, 16, true, None, None).await;
    let cold = started.elapsed();
    let cold_requests = bucket.calls() - before;
    assert_eq!(items, keys);
    assert_tiles(&points);
    assert_eq!(
        points.ranges().iter().map(|range| range.items).sum::<u64>(),
        keys.len() as u64
    );
    let points: SplitPoints = points.to_string().parse().unwrap();

    for ordered in [true, false] {
        let started = tokio::time::Instant::now();
        let before = bucket.calls();
        let (items, again) = listed_with(&request, 16, ordered, Some(&points), None).await;
        let warm = started.elapsed();
        let made = bucket.calls() - before;
        assert_eq!(items, keys, "ordered {ordered}");
        assert_tiles(&again);
        assert!(
            made <= sequential_requests + sequential_requests / 5 + 16,
            "ordered {ordered}: {made} requests, sequential {sequential_requests}"
        );
        // 150 pages over 16 requests: 10 round trips at best.
        assert!(
            warm < cold && warm <= Duration::from_millis(60 * 16),
            "ordered {ordered}: {warm:?} from the split points, {cold:?} ({cold_requests} requests) without"
        );
    }
}

/// Split points that no longer fit the keys (keys deleted and added, points that are keys
/// themselves, a point outside the prefix, overlapping and hand-edited ranges) cost requests,
/// never an item lost, repeated or out of order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_split_points_lose_nothing() {
    let old = Bucket::new(uniform(3000));
    let (_, learned) = listed_with(&request(&old, "", None), 8, true, None, None).await;
    let range = |after: Option<&str>, up_to: Option<&str>, items: u64| MeasuredRange {
        range: KeyRange::new(after.map(Into::into), up_to.map(Into::into)),
        items,
        pages: items.div_ceil(100),
    };
    let hand_made = SplitPoints::new(vec![
        range(None, Some("key-000500"), 900),
        range(Some("key-000400"), Some("key-001000"), 10),
        range(Some("key-000400"), Some("key-001000"), 10),
        range(Some("a"), Some("b"), 5000),
        range(Some("d/050"), Some("d/150"), 300),
        range(Some("e100"), Some("\u{10ffff}"), 7),
        range(Some("key-002999"), None, 0),
    ]);
    let mut changed: Vec<String> = uniform(3000)
        .into_iter()
        .enumerate()
        .filter(|(index, _)| index % 3 != 0 && !(1000..1800).contains(index))
        .map(|(_, key)| key)
        .collect();
    changed.extend((0..500).map(|index| format!("key-001200-{index:04}")));
    changed.extend(hostile());
    for points in [&learned, &hand_made] {
        for keys in [uniform(3000), changed.clone()] {
            let bucket = Bucket::new(keys);
            for (prefix, delimiter) in
                [("", None), ("key-001", None), ("", Some("/")), ("d/", None)]
            {
                let request = request(&bucket, prefix, delimiter);
                let expected = sequential(&request, 100).await;
                for ordered in [true, false] {
                    let (items, _) = listed_with(&request, 8, ordered, Some(points), None).await;
                    let expected = if ordered {
                        expected.clone()
                    } else {
                        sorted(expected.clone())
                    };
                    assert!(
                        items == expected,
                        "prefix {prefix:?}, delimiter {delimiter:?}, ordered {ordered}: {} items for {}",
                        items.len(),
                        expected.len()
                    );
                }
            }
        }
    }
}

/// The parts of `SplitPoints::partition`, each listed alone with `key_range`, concatenate to the
/// whole listing, also when a part's bounds are keys, under a prefix, with hostile keys, and
/// when a part stops half-way and resumes from its own cursor.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_range_parts_concatenate_to_the_whole_listing() {
    let mut keys = uniform(4000);
    keys.extend(hostile());
    let bucket = Bucket::new(keys);
    for (prefix, delimiter) in [("", None), ("key-00", None), ("", Some("/"))] {
        let request = request(&bucket, prefix, delimiter);
        let expected = sequential(&request, 100).await;
        let (_, points) = listed_with(&request, 8, true, None, None).await;
        for parts in [1, 3, 7] {
            let ranges = points.partition(parts);
            assert!(!ranges.is_empty() && ranges.len() <= parts);
            let mut all = Vec::new();
            for (index, range) in ranges.iter().enumerate() {
                // A part stops after 37 items and goes on from its cursor.
                let mut first = request
                    .clone()
                    .into_paginator()
                    .page_size(100)
                    .parallel(4)
                    .unwrap()
                    .key_range(range.clone())
                    .items();
                let mut part = Vec::new();
                while part.len() < 37 {
                    match first.next().await {
                        Some(item) => part.push(item.unwrap()),
                        None => break,
                    }
                }
                if let Some(cursor) = first.cursor() {
                    drop(first);
                    let text = cursor.to_string();
                    let cursor: PartitionCursor = text.parse().unwrap();
                    let rest: Vec<String> = request
                        .clone()
                        .into_paginator()
                        .page_size(100)
                        .parallel(4)
                        .unwrap()
                        .resume_from(&cursor)
                        .unwrap()
                        .items()
                        .try_collect()
                        .await
                        .unwrap();
                    part.extend(rest);
                }
                assert!(
                    delimiter.is_some() || part.iter().all(|key| range.contains(key)),
                    "part {index} of {parts}: a key outside {range:?}"
                );
                all.extend(part);
            }
            assert!(
                all == expected,
                "prefix {prefix:?}, delimiter {delimiter:?}, {parts} parts: {} items for {}",
                all.len(),
                expected.len()
            );
        }
    }
    // A part bounded at keys the listing holds keeps both: `(after, up_to]`.
    let request = request(&bucket, "", None);
    let range = KeyRange::new(Some("key-000100".into()), Some("key-000200".into()));
    let (items, _) = listed_with(&request, 4, true, None, Some(range)).await;
    assert_eq!(items.first().map(String::as_str), Some("key-000101"));
    assert_eq!(items.last().map(String::as_str), Some("key-000200"));
    assert_eq!(items.len(), 100);
}

/// A part's cursor resumes that part only: given with another part's key range (before or
/// after `resume_from`), it is refused before any request, and nothing is listed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cursor_of_another_part_is_refused() {
    let bucket = Bucket::new(uniform(1000));
    let request = request(&bucket, "", None);
    let first_part = KeyRange::new(None, Some("key-000500".into()));
    let second_part = KeyRange::new(Some("key-000500".into()), None);
    let mut stream = request
        .clone()
        .into_paginator()
        .page_size(10)
        .parallel(4)
        .unwrap()
        .key_range(first_part.clone())
        .items();
    for _ in 0..37 {
        stream.next().await.unwrap().unwrap();
    }
    let cursor = stream.cursor().unwrap();
    drop(stream);
    let listing = || {
        request
            .clone()
            .into_paginator()
            .page_size(10)
            .parallel(4)
            .unwrap()
    };
    let refused = listing()
        .key_range(second_part.clone())
        .resume_from(&cursor)
        .err();
    assert!(
        matches!(refused, Some(pagination_core::CursorError::OutsideKeyRange)),
        "{refused:?}"
    );
    let before = bucket.calls();
    let mut stream = listing()
        .resume_from(&cursor)
        .unwrap()
        .key_range(second_part)
        .items();
    let error = stream.next().await.unwrap().unwrap_err();
    assert!(
        matches!(
            error.error(),
            pagination_core::Error::Cursor {
                source: pagination_core::CursorError::OutsideKeyRange,
                ..
            }
        ),
        "{error}"
    );
    assert!(stream.next().await.is_none());
    assert_eq!(bucket.calls(), before, "nothing was sent");
    // With its own part, or none, it goes on.
    let rest: Vec<String> = listing()
        .key_range(first_part)
        .resume_from(&cursor)
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    // `(None, key-000500]`: 501 keys.
    assert_eq!(rest.len(), 501 - 37);
}
