//! Parallel listings (`Paginator::parallel`) against a real HTTP server on loopback: the
//! AWS-rules S3 endpoint (`pagination_examples::s3_endpoint`) serving 200,000 keys with 50 ms
//! of latency a request (real S3 in-region is about 75 ms), through the real SDK client.
//!
//! - `s3_parallel_50ms/sequential`: the ordinary item stream, one request after another.
//! - `s3_parallel_50ms/{4,16,64}/{ordered,unordered}`: `parallel(N)`, items in key order (the
//!   default) or as pages arrive.
//! - `s3_parallel_0ms/...`: the same listing without latency, every core busy (client and
//!   endpoint share this machine's cores): the CPU floor.
//!
//! Before measuring, each variant lists once and prints its requests (the sequential listing
//! makes 200), its ranges and the time of that one listing. Run: `cargo bench --bench parallel`;
//! `PARALLEL_BENCH_ONCE=1 cargo bench --bench parallel` prints only those single runs, and
//! `PARALLEL_BENCH_ONLY=50ms/64/ordered` (with it) runs one variant, for its peak memory
//! (`/usr/bin/time -v`, see BENCHMARKS.md).

use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use futures::TryStreamExt;
use pagination_aws::s3::{ListObjectsV2, ObjectEntryV2};
use pagination_core::Paginator;
use pagination_examples::s3_endpoint::{Bucket, Quirks, S3Endpoint};

const KEYS: usize = 200_000;
const LATENCY: Duration = Duration::from_millis(50);

/// Event logs by day, 10,000 a day: the shape of a real bucket, not a counter from zero.
fn keys() -> Vec<String> {
    (0..KEYS)
        .map(|index| {
            format!(
                "events/2025-11-{:02}/{:06}-{:08x}.json",
                1 + index / 10_000,
                index,
                (index as u32).wrapping_mul(2_654_435_761)
            )
        })
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum Variant {
    Sequential,
    Parallel {
        requests: usize,
        ordered: bool,
    },
    /// The caller gives the N - 1 keys that cut the listing into N equal ranges: the balance
    /// no splitter without knowledge of the keys can beat.
    Oracle {
        requests: usize,
    },
}

impl Variant {
    fn name(self) -> String {
        match self {
            Variant::Sequential => "sequential".to_owned(),
            Variant::Parallel { requests, ordered } => format!(
                "{requests}/{}",
                if ordered { "ordered" } else { "unordered" }
            ),
            Variant::Oracle { requests } => format!("{requests}/split-keys-given"),
        }
    }
}

/// Lists the bucket; returns the items and pages (and ranges, in parallel).
async fn list(client: &aws_sdk_s3::Client, bucket: &str, variant: Variant) -> (usize, u64, u64) {
    let paginator = Paginator::<ListObjectsV2>::new(client.list_objects_v2().bucket(bucket));
    let mut count = 0;
    match variant {
        Variant::Sequential => {
            let mut items = paginator.items();
            while let Some(item) = items.try_next().await.expect("an item") {
                std::hint::black_box(&item);
                count += 1;
            }
            (count, items.pages(), 1)
        }
        Variant::Parallel { .. } | Variant::Oracle { .. } => {
            let (requests, ordered, split_keys) = match variant {
                Variant::Parallel { requests, ordered } => (requests, ordered, Vec::new()),
                Variant::Oracle { requests } => {
                    let keys = keys();
                    let cuts = (1..requests).map(|at| keys[at * KEYS / requests].clone());
                    (requests, false, cuts.collect())
                }
                Variant::Sequential => unreachable!(),
            };
            let mut listing = paginator
                .parallel(requests)
                .expect("a parallel listing")
                .split_at(split_keys);
            if !ordered {
                listing = listing.unordered();
            }
            let mut items = listing.items();
            let mut last: Option<String> = None;
            while let Some(item) = items.try_next().await.expect("an item") {
                if ordered {
                    let ObjectEntryV2::Object(object) = &item else {
                        panic!("no common prefixes without a delimiter");
                    };
                    let key = object.key().expect("a key");
                    assert!(last.as_deref() < Some(key), "in key order");
                    last = Some(key.to_owned());
                }
                std::hint::black_box(&item);
                count += 1;
            }
            (count, items.pages(), items.ranges())
        }
    }
}

fn parallel(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let endpoint = S3Endpoint::start().expect("the endpoint");
    let client = endpoint.s3_client();
    let keys = keys();
    let mut slow = Bucket::objects(keys.clone());
    slow.quirks = Quirks {
        latency: Some(LATENCY),
        ..Quirks::default()
    };
    endpoint.put_bucket("slow", slow);
    endpoint.put_bucket("fast", Bucket::objects(keys));

    let variants = [
        Variant::Sequential,
        Variant::Parallel {
            requests: 4,
            ordered: true,
        },
        Variant::Parallel {
            requests: 4,
            ordered: false,
        },
        Variant::Parallel {
            requests: 16,
            ordered: true,
        },
        Variant::Parallel {
            requests: 16,
            ordered: false,
        },
        Variant::Parallel {
            requests: 64,
            ordered: true,
        },
        Variant::Parallel {
            requests: 64,
            ordered: false,
        },
        Variant::Oracle { requests: 16 },
        Variant::Oracle { requests: 64 },
    ];
    for (bucket, group_name) in [("slow", "s3_parallel_50ms"), ("fast", "s3_parallel_0ms")] {
        let mut group = c.benchmark_group(group_name);
        group
            .throughput(Throughput::Elements(KEYS as u64))
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(1));
        for variant in variants {
            if bucket == "fast" && matches!(variant, Variant::Parallel { requests: 4, .. }) {
                continue;
            }
            if let Ok(only) = std::env::var("PARALLEL_BENCH_ONLY") {
                let name = format!(
                    "{}/{}",
                    group_name.trim_start_matches("s3_parallel_"),
                    variant.name()
                );
                if name != only {
                    continue;
                }
            }
            endpoint.clear_requests();
            let started = std::time::Instant::now();
            let (items, pages, ranges) = runtime.block_on(list(&client, bucket, variant));
            let elapsed = started.elapsed();
            assert_eq!(items, KEYS);
            let requests = endpoint.requests().len();
            endpoint.clear_requests();
            eprintln!(
                "{group_name}/{}: {requests} requests ({pages} pages), {ranges} ranges, once in {elapsed:.2?}",
                variant.name()
            );
            if std::env::var_os("PARALLEL_BENCH_ONCE").is_some() {
                continue;
            }
            group.bench_function(variant.name(), |b| {
                b.iter(|| {
                    let (items, _, _) = runtime.block_on(list(&client, bucket, variant));
                    endpoint.clear_requests();
                    assert_eq!(items, KEYS);
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, parallel);
criterion_main!(benches);
