//! Prefetch over real HTTP: S3 `ListObjectsV2` (`pagination_aws::s3::ListObjectsV2`) against a
//! local moto server, with per-item consumer work (hashing the key), with and without
//! `prefetch(1)`.
//!
//! The bucket holds 2,000 objects, listed in 20 pages of 100. Before measuring, the benchmark
//! times listings without work to learn moto's per-page latency L, then sets the number of hash
//! rounds per item so that the consumer's work per page W is about L (both are printed).
//!
//! - `moto_list_objects_v2/no_work`: the listing alone (L per page).
//! - `moto_list_objects_v2/work_hash/prefetch_{0,1}`: W of CPU work per page (hashing every key),
//!   without prefetch (about L + W a page) and with `prefetch(1)` (about max(L, W) a page).
//! - `moto_list_objects_v2/work_sleep/prefetch_{0,1}`: the same with W spent waiting (an async
//!   sleep after each page), as when the consumer writes to another service.
//!
//! moto answers from a Python process on the same machine: L is CPU time of that process, so
//! the overlap that prefetch buys with CPU work needs a core free for moto while the consumer
//! hashes. The `work_sleep` pair shows the overlap without that competition.
//! (`ListObjectVersions` is not used here: moto's cost for it grows with the bucket, about 100 ms
//! a page of 100 at 1,000 versions, and would swamp the comparison.)
//!
//! Skipped, with a message, when moto is not installed (`python3 -m pip install 'moto[server]'`).
//!
//! Run: `cargo bench --bench moto`.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::hint::black_box;
use std::time::{Duration, Instant};

use aws_sdk_s3::primitives::ByteStream;
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use futures::{StreamExt, TryStreamExt};
use pagination_aws::s3::{ListObjectsV2, ObjectEntryV2};
use pagination_core::Paginator;
use pagination_examples::moto::MotoServer;

const BUCKET: &str = "bench-objects";
const OBJECTS: usize = 2000;
const PAGE_SIZE: u32 = 100;

/// The per-item work: hash the key `rounds` times.
fn hash_key(entry: &ObjectEntryV2, rounds: u32) -> u64 {
    let key = match entry {
        ObjectEntryV2::Object(object) => object.key(),
        ObjectEntryV2::CommonPrefix(prefix) => prefix.prefix(),
    }
    .unwrap_or_default();
    let mut hasher = DefaultHasher::new();
    for _ in 0..rounds {
        black_box(key).hash(&mut hasher);
    }
    hasher.finish()
}

/// Creates the bucket and puts `OBJECTS` small objects, a few at a time.
async fn seed(client: &aws_sdk_s3::Client) -> Result<(), aws_sdk_s3::Error> {
    client.create_bucket().bucket(BUCKET).send().await?;
    futures::stream::iter(0..OBJECTS)
        .map(|index| async move {
            client
                .put_object()
                .bucket(BUCKET)
                .key(format!("photos/{:02}/object-{index:05}.jpg", index % 17))
                .body(ByteStream::from_static(b"x"))
                .send()
                .await
                .map(drop)
        })
        .buffer_unordered(8)
        .try_collect::<()>()
        .await
        .map_err(Into::into)
}

/// What the consumer does with each page.
#[derive(Clone, Copy)]
enum Work {
    None,
    /// Hashes each item's key this many times (CPU work).
    Hash(u32),
    /// Waits this long after each page's last item (work elsewhere: no CPU).
    Sleep(Duration),
}

/// Lists the bucket; returns (entries, pages).
async fn list(client: &aws_sdk_s3::Client, prefetch: usize, work: Work) -> (usize, u64) {
    let mut items = Paginator::<ListObjectsV2>::new(client.list_objects_v2().bucket(BUCKET))
        .page_size(PAGE_SIZE)
        .prefetch(prefetch)
        .items();
    let mut count = 0;
    let mut sum = 0u64;
    while let Some(entry) = items.try_next().await.expect("the listing") {
        count += 1;
        match work {
            Work::None => {}
            Work::Hash(rounds) => sum = sum.wrapping_add(hash_key(&entry, rounds)),
            Work::Sleep(duration) => {
                if count % PAGE_SIZE as usize == 0 || count == OBJECTS {
                    tokio::time::sleep(duration).await;
                }
            }
        }
    }
    black_box(sum);
    (count, items.pages())
}

fn moto_prefetch(c: &mut Criterion) {
    let server = match MotoServer::start() {
        Ok(server) => server,
        Err(error) => {
            eprintln!("moto_list_objects_v2: skipped: {error}");
            return;
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let client = server.s3_client();
    runtime.block_on(seed(&client)).expect("seeding the bucket");
    let entries = OBJECTS;

    // Calibration: moto's latency per page, and the cost of one hash round.
    let (count, pages) = runtime.block_on(list(&client, 0, Work::None));
    assert_eq!(count, entries);
    let start = Instant::now();
    let runs = 5;
    for _ in 0..runs {
        runtime.block_on(list(&client, 0, Work::None));
    }
    let latency = start.elapsed() / (runs * pages as u32);
    let probe = ObjectEntryV2::CommonPrefix(
        aws_sdk_s3::types::CommonPrefix::builder()
            .prefix("photos/07/object-01234.jpg")
            .build(),
    );
    let start = Instant::now();
    black_box(hash_key(&probe, 1_000_000));
    let per_round = start.elapsed().as_secs_f64() / 1e6;
    let items_per_page = entries as f64 / pages as f64;
    let rounds = (latency.as_secs_f64() / items_per_page / per_round)
        .round()
        .max(1.0) as u32;
    eprintln!(
        "moto_list_objects_v2: {entries} entries in {pages} pages of up to {PAGE_SIZE}; \
         L = {:.1} ms a page; W = {rounds} hash rounds an item = {:.1} ms a page",
        latency.as_secs_f64() * 1e3,
        rounds as f64 * per_round * items_per_page * 1e3,
    );

    let mut group = c.benchmark_group("moto_list_objects_v2");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(12));
    group.bench_function("no_work", |b| {
        b.iter(|| assert_eq!(runtime.block_on(list(&client, 0, Work::None)).0, entries))
    });
    for (name, work) in [
        ("work_hash", Work::Hash(rounds)),
        ("work_sleep", Work::Sleep(latency)),
    ] {
        for prefetch in [0, 1] {
            group.bench_function(format!("{name}/prefetch_{prefetch}"), |b| {
                b.iter(|| assert_eq!(runtime.block_on(list(&client, prefetch, work)).0, entries))
            });
        }
    }
    group.finish();
    drop(server);
}

criterion_group!(benches, moto_prefetch);
criterion_main!(benches);
