//! Through the real SDK stack, without a network: S3 `ListObjectsV2` served by an in-memory HTTP
//! client that replays canned XML pages, chosen by the request's `continuation-token`.
//!
//! - `s3_list_objects_v2/sdk_into_paginator`: the SDK's own
//!   `client.list_objects_v2().bucket(b).into_paginator().send()`, pages collected.
//! - `s3_list_objects_v2/ours_pages`: `Paginator::<ListObjectsV2>::new(...).send()`, the same.
//! - `s3_list_objects_v2/ours_items`: `Paginator::<ListObjectsV2>::new(...).items()` (the SDK's
//!   paginator has no `items()` for this operation), for reference.
//!
//! Both paginators go through one client (signing, endpoint resolution, XML deserialization,
//! interceptors); retries, timeouts, stalled-stream protection and checksum validation are off,
//! so the two runs do the same work per page.
//!
//! Run: `cargo bench --bench sdk`.

use std::time::{Duration, Instant};

use aws_sdk_s3::config::retry::RetryConfig;
use aws_sdk_s3::config::timeout::TimeoutConfig;
use aws_sdk_s3::config::{
    BehaviorVersion, Credentials, Region, RequestChecksumCalculation, ResponseChecksumValidation,
    StalledStreamProtectionConfig,
};
use aws_smithy_http_client::test_util::infallible_client_fn;
use bytes::Bytes;
use criterion::{Criterion, SamplingMode, Throughput, criterion_group};
use futures::TryStreamExt;
use pagination_aws::s3::ListObjectsV2;
use pagination_core::Paginator;

const PAGES: usize = 100;
const KEYS_PER_PAGE: usize = 1000;
const BUCKET: &str = "bench-bucket";

fn token(page: usize) -> String {
    format!("token-{page:05}")
}

/// The XML of page `page` (0-based), as S3 writes it.
fn page_xml(page: usize) -> String {
    let mut xml = String::with_capacity(KEYS_PER_PAGE * 260);
    xml.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    xml.push_str(r#"<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#);
    xml.push_str(&format!(
        "<Name>{BUCKET}</Name><Prefix></Prefix><KeyCount>{KEYS_PER_PAGE}</KeyCount>\
         <MaxKeys>{KEYS_PER_PAGE}</MaxKeys>"
    ));
    if page > 0 {
        xml.push_str(&format!(
            "<ContinuationToken>{}</ContinuationToken>",
            token(page)
        ));
    }
    let last = page + 1 == PAGES;
    xml.push_str(&format!("<IsTruncated>{}</IsTruncated>", !last));
    if !last {
        xml.push_str(&format!(
            "<NextContinuationToken>{}</NextContinuationToken>",
            token(page + 1)
        ));
    }
    for index in page * KEYS_PER_PAGE..(page + 1) * KEYS_PER_PAGE {
        xml.push_str(&format!(
            "<Contents><Key>photos/2025/{:03}/object-{index:07}.jpg</Key>\
             <LastModified>2025-01-{:02}T12:34:56.000Z</LastModified>\
             <ETag>&quot;{index:032x}&quot;</ETag><Size>{}</Size>\
             <StorageClass>STANDARD</StorageClass></Contents>",
            index % 997,
            1 + index % 28,
            1024 + index % 65536,
        ));
    }
    xml.push_str("</ListBucketResult>");
    xml
}

/// An S3 client whose HTTP client answers each `ListObjectsV2` request with the canned page its
/// `continuation-token` names (the first page without one).
fn replay_client() -> aws_sdk_s3::Client {
    let pages: Vec<Bytes> = (0..PAGES).map(|page| Bytes::from(page_xml(page))).collect();
    let http_client = infallible_client_fn(move |request| {
        let query = request.uri().query().unwrap_or_default();
        assert!(
            query.split('&').any(|pair| pair == "list-type=2"),
            "not a ListObjectsV2 request: {query}"
        );
        let page = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("continuation-token="))
            .map_or(0, |token| {
                token
                    .strip_prefix("token-")
                    .and_then(|number| number.parse::<usize>().ok())
                    .unwrap_or_else(|| panic!("unknown continuation token {token}"))
            });
        http::Response::builder()
            .status(200)
            .header("content-type", "application/xml")
            .header("x-amz-request-id", "BENCH")
            .body(pages[page].clone())
            .expect("a response")
    });
    aws_sdk_s3::Client::from_conf(
        aws_sdk_s3::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("us-east-1"))
            .credentials_provider(Credentials::new("test", "test", None, None, "bench"))
            .http_client(http_client)
            .retry_config(RetryConfig::disabled())
            .timeout_config(TimeoutConfig::disabled())
            .stalled_stream_protection(StalledStreamProtectionConfig::disabled())
            .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
            .response_checksum_validation(ResponseChecksumValidation::WhenRequired)
            .build(),
    )
}

/// (pages, keys) of a page stream.
async fn count_pages<S, E>(mut pages: S) -> (usize, usize)
where
    S: futures::Stream<
            Item = Result<aws_sdk_s3::operation::list_objects_v2::ListObjectsV2Output, E>,
        > + Unpin,
    E: std::fmt::Debug,
{
    let (mut count, mut keys) = (0, 0);
    while let Some(page) = pages.try_next().await.expect("a page") {
        count += 1;
        keys += page.contents().len();
    }
    (count, keys)
}

async fn sdk_into_paginator(client: &aws_sdk_s3::Client) -> (usize, usize) {
    let mut pages = client
        .list_objects_v2()
        .bucket(BUCKET)
        .into_paginator()
        .send();
    let (mut count, mut keys) = (0, 0);
    while let Some(page) = pages.try_next().await.expect("a page") {
        count += 1;
        keys += page.contents().len();
    }
    (count, keys)
}

async fn ours_pages(client: &aws_sdk_s3::Client) -> (usize, usize) {
    count_pages(Paginator::<ListObjectsV2>::new(client.list_objects_v2().bucket(BUCKET)).send())
        .await
}

async fn ours_items(client: &aws_sdk_s3::Client) -> (usize, usize) {
    let mut items =
        Paginator::<ListObjectsV2>::new(client.list_objects_v2().bucket(BUCKET)).items();
    let mut keys = 0;
    while items.try_next().await.expect("an item").is_some() {
        keys += 1;
    }
    (items.pages() as usize, keys)
}

fn s3_replay(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let client = replay_client();
    let expected = (PAGES, PAGES * KEYS_PER_PAGE);
    // Warm both paths up before any measurement (connection-less, but caches, the allocator's
    // arenas and lazily built runtime components are shared by both paginators): whichever ran
    // first would otherwise pay for them.
    for _ in 0..3 {
        assert_eq!(runtime.block_on(sdk_into_paginator(&client)), expected);
        assert_eq!(runtime.block_on(ours_pages(&client)), expected);
    }

    let mut group = c.benchmark_group("s3_list_objects_v2");
    group
        .throughput(Throughput::Elements((PAGES * KEYS_PER_PAGE) as u64))
        .sampling_mode(SamplingMode::Flat)
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("sdk_into_paginator", |b| {
        b.iter(|| assert_eq!(runtime.block_on(sdk_into_paginator(&client)), expected))
    });
    group.bench_function("ours_pages", |b| {
        b.iter(|| assert_eq!(runtime.block_on(ours_pages(&client)), expected))
    });
    group.bench_function("ours_items", |b| {
        b.iter(|| assert_eq!(runtime.block_on(ours_items(&client)), expected))
    });
    group.finish();
}

/// The two paginators interleaved (each round lists with both, in turn), so that a burst of
/// load on this shared machine hits both alike: prints the medians and their ratio.
fn s3_replay_interleaved(_: &mut Criterion) {
    if std::env::args().any(|argument| argument == "--list" || argument == "--test") {
        return;
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let client = replay_client();
    let expected = (PAGES, PAGES * KEYS_PER_PAGE);
    let rounds = 15;
    let (mut sdk, mut ours) = (Vec::new(), Vec::new());
    for round in 0..rounds + 2 {
        let start = Instant::now();
        assert_eq!(runtime.block_on(sdk_into_paginator(&client)), expected);
        let sdk_time = start.elapsed();
        let start = Instant::now();
        assert_eq!(runtime.block_on(ours_pages(&client)), expected);
        let ours_time = start.elapsed();
        // The first two rounds warm up.
        if round >= 2 {
            sdk.push(sdk_time);
            ours.push(ours_time);
        }
    }
    sdk.sort();
    ours.sort();
    let (sdk, ours) = (sdk[rounds / 2], ours[rounds / 2]);
    println!(
        "\ns3_list_objects_v2, interleaved ({rounds} rounds; median): sdk_into_paginator \
         {:.1} ms, ours_pages {:.1} ms, ours / sdk = {:.3}",
        sdk.as_secs_f64() * 1e3,
        ours.as_secs_f64() * 1e3,
        ours.as_secs_f64() / sdk.as_secs_f64(),
    );
}

criterion_group!(benches, s3_replay, s3_replay_interleaved);

/// `cargo bench --bench sdk` runs the criterion groups. With `SDK_BENCH_ONLY=VARIANT:N` (e.g.
/// `ours_pages:3`) the binary instead lists N times with that variant and exits, for an
/// instruction count under `valgrind --tool=cachegrind` (see BENCHMARKS.md).
fn main() {
    // glibc's malloc is faster until a process starts its first thread, and criterion starts
    // its analysis threads after the first benchmark: start one first, so that every variant
    // runs with the same allocator (as in any application with a multi-thread runtime).
    std::thread::spawn(|| {}).join().expect("a thread");
    if let Ok(only) = std::env::var("SDK_BENCH_ONLY") {
        let (variant, rounds) = only.split_once(':').unwrap_or((&only, "1"));
        let rounds: usize = rounds.parse().expect("SDK_BENCH_ONLY=VARIANT:N");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a Tokio runtime");
        let client = replay_client();
        let expected = (PAGES, PAGES * KEYS_PER_PAGE);
        for _ in 0..rounds {
            let listed = match variant {
                "sdk_into_paginator" => runtime.block_on(sdk_into_paginator(&client)),
                "ours_pages" => runtime.block_on(ours_pages(&client)),
                "ours_items" => runtime.block_on(ours_items(&client)),
                _ => panic!("no variant {variant}"),
            };
            assert_eq!(listed, expected);
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
