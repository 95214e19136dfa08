//! Peak memory while streaming a listing: run once per size, each run in its own process, and
//! compare the peaks (see BENCHMARKS.md).
//!
//! ```sh
//! cargo run --release --example bench_memory -- 10000 0
//! cargo run --release --example bench_memory -- 1000000 0
//! cargo run --release --example bench_memory -- 10000 2
//! cargo run --release --example bench_memory -- 1000000 2
//! ```
//!
//! Arguments: the number of items, and the prefetch depth (0: none). The in-memory API builds
//! each page of 1,000 items when it is requested, as a client deserializing a response would, so
//! nothing but the paginator's buffering can make the peak grow with the listing's length.
//! Prints one JSON line with the item count and the process's peak resident set size (`VmHWM`
//! of /proc/self/status), before and after the listing.

use std::fmt;
use std::hint::black_box;

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};

const PAGE_SIZE: u32 = 1000;

#[derive(Debug)]
struct ApiError;

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("malformed token")
    }
}

impl std::error::Error for ApiError {}

struct Page {
    items: Vec<String>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, page_size = limit, items = items: String)]
#[derive(Clone, Debug)]
struct ListItems {
    len: usize,
    after: Option<String>,
    limit: Option<u32>,
}

impl PageRequest for ListItems {
    type Output = Page;
    type Error = ApiError;

    async fn send(self) -> Result<Page, ApiError> {
        let start = match &self.after {
            Some(token) => token.parse::<usize>().map_err(|_| ApiError)?,
            None => 0,
        };
        let end = (start + self.limit.unwrap_or(PAGE_SIZE) as usize).min(self.len);
        Ok(Page {
            items: (start..end)
                .map(|index| format!("item-{index:07}"))
                .collect(),
            next: (end < self.len).then(|| end.to_string()),
        })
    }
}

/// The peak resident set size of this process, in KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmHWM line")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut arguments = std::env::args().skip(1);
    let usage = "usage: bench_memory ITEMS PREFETCH";
    let len: usize = arguments.next().ok_or(usage)?.parse()?;
    let prefetch: usize = arguments.next().ok_or(usage)?.parse()?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let before = peak_rss_kib();
    let (count, bytes) = runtime.block_on(async {
        let request = ListItems {
            len,
            after: None,
            limit: None,
        };
        let mut items = request
            .into_paginator()
            .page_size(PAGE_SIZE)
            .prefetch(prefetch)
            .items();
        let (mut count, mut bytes) = (0usize, 0usize);
        while let Some(item) = items.try_next().await? {
            count += 1;
            bytes += black_box(item).len();
        }
        Ok::<_, pagination_core::Error<ApiError>>((count, bytes))
    })?;
    assert_eq!(count, len);
    println!(
        "{{\"items\":{count},\"prefetch\":{prefetch},\"item_bytes\":{bytes},\
         \"peak_rss_kib_before\":{before},\"peak_rss_kib\":{}}}",
        peak_rss_kib()
    );
    Ok(())
}
