//! The simulator: the real scheduler and split policy of `Paginator::parallel`, driven in
//! virtual time against in-memory listings of many key shapes (`corpus.rs`). It reports round
//! trips against the ideal, requests against the sequential listing, the peak of requests in
//! flight and of pages buffered; the table is a snapshot (`table.txt`), so that every change of
//! the policy is reviewed as a diff of it. `UPDATE_EXPECT=1 cargo test --test simulate` rewrites
//! it.

mod corpus;
mod listing;
mod run;

use std::fmt::Write as _;

use corpus::{Shape, corpus};
use listing::Bucket;
use run::{Outcome, Setup, sequential, simulate};

/// Pages of 100 keys, as the benchmarks list.
const PAGE: usize = 100;

fn setup<'a>(shape: &'a Shape, bucket: &'a Bucket, requests: usize, ordered: bool) -> Setup<'a> {
    Setup {
        bucket,
        prefix: shape.prefix,
        delimiter: shape.delimiter,
        page: PAGE,
        requests,
        ordered,
        buffer_pages: 8,
        max_items: None,
        folders: shape.delimiter.is_none(),
        seeds: Vec::new(),
    }
}

struct Row {
    shape: &'static str,
    pages: u64,
    requests: usize,
    ideal: u64,
    unordered: Outcome,
    ordered: Outcome,
}

fn table() -> Vec<Row> {
    let mut rows = Vec::new();
    for shape in corpus() {
        let bucket = Bucket::new(shape.keys.clone());
        let (want, pages) = sequential(&bucket, shape.prefix, shape.delimiter, PAGE);
        for requests in [4, 16, 64, 256] {
            eprintln!("{} at {requests}", shape.name);
            let unordered = simulate(setup(&shape, &bucket, requests, false));
            let ordered = simulate(setup(&shape, &bucket, requests, true));
            assert_eq!(
                ordered.items, want,
                "{} at {requests} in key order",
                shape.name
            );
            let mut got = unordered.items.clone();
            got.sort();
            let mut sorted = want.clone();
            sorted.sort();
            assert_eq!(got, sorted, "{} at {requests} unordered", shape.name);
            assert!(ordered.peak_in_flight <= requests && unordered.peak_in_flight <= requests);
            rows.push(Row {
                shape: shape.name,
                pages,
                requests,
                ideal: pages.div_ceil(requests as u64),
                unordered,
                ordered,
            });
        }
    }
    rows
}

fn render(rows: &[Row]) -> String {
    let mut out = String::new();
    writeln!(
        out,
        "{:<28} {:>5} {:>4} {:>5} | {:>6} {:>6} {:>5} | {:>5} {:>5} {:>4} {:>4} {:>4}",
        "shape",
        "pages",
        "N",
        "ideal",
        "rt u",
        "rt o",
        "x ide",
        "req u",
        "req o",
        "fold",
        "peak",
        "buf"
    )
    .unwrap();
    for row in rows {
        let worst = row.unordered.round_trips.max(row.ordered.round_trips);
        writeln!(
            out,
            "{:<28} {:>5} {:>4} {:>5} | {:>6.1} {:>6.1} {:>5.2} | {:>5} {:>5} {:>4} {:>4} {:>4}",
            row.shape,
            row.pages,
            row.requests,
            row.ideal,
            row.unordered.round_trips,
            row.ordered.round_trips,
            worst / row.ideal as f64,
            row.unordered.requests,
            row.ordered.requests,
            row.unordered.folder_requests,
            row.unordered.peak_in_flight.max(row.ordered.peak_in_flight),
            row.ordered.peak_buffered,
        )
        .unwrap();
    }
    out
}

/// One listing, for working on the policy: `SIM_SHAPE=counter SIM_N=16 SIM_ORDERED=1 cargo
/// test --test simulate one -- --nocapture --ignored`.
#[test]
#[ignore]
fn one() {
    let name = std::env::var("SIM_SHAPE").unwrap_or_else(|_| "counter".into());
    let requests: usize = std::env::var("SIM_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(16);
    let ordered = std::env::var("SIM_ORDERED").is_ok_and(|v| v == "1");
    let shape = corpus()
        .into_iter()
        .find(|shape| shape.name == name)
        .expect("a shape");
    let bucket = Bucket::new(shape.keys.clone());
    let (want, pages) = sequential(&bucket, shape.prefix, shape.delimiter, PAGE);
    let mut setup = setup(&shape, &bucket, requests, ordered);
    if std::env::var("SIM_FOLDERS").is_ok_and(|v| v == "0") {
        setup.folders = false;
    }
    setup.max_items = std::env::var("SIM_MAX").ok().and_then(|n| n.parse().ok());
    let outcome = simulate(setup);
    println!(
        "{name}: {pages} pages, {:.1} round trips (ideal {}), {} requests ({} folder, {} empty), {} ranges, peak {} in flight, {} buffered",
        outcome.round_trips,
        pages.div_ceil(requests as u64),
        outcome.requests,
        outcome.folder_requests,
        outcome.empty_pages,
        outcome.ranges,
        outcome.peak_in_flight,
        outcome.peak_buffered
    );
    let limit = setup_limit(outcome.items.len(), want.len());
    assert_eq!(outcome.items.len(), limit);
}

fn setup_limit(got: usize, all: usize) -> usize {
    std::env::var("SIM_MAX")
        .ok()
        .and_then(|n| n.parse().ok())
        .map_or(all, |max: usize| max.min(all))
        .max(got.min(0))
}

/// Prints the table (`--nocapture`), and checks the targets at 16 and 64: round trips within
/// `1.3 × ceil(pages / N) + 4`, requests within `1.2 × sequential + N`.
#[test]
fn corpus_table() {
    let rows = table();
    let rendered = render(&rows);
    println!("{rendered}");
    let mut misses = Vec::new();
    for row in &rows {
        let n = row.requests as f64;
        let rounds = 1.3 * row.ideal as f64 + 4.0;
        let requests = 1.2 * row.pages as f64 + n;
        for (mode, outcome) in [("unordered", &row.unordered), ("ordered", &row.ordered)] {
            if outcome.requests as f64 > requests {
                misses.push(format!(
                    "{} at {} {mode}: {} requests > {requests:.0}",
                    row.shape, row.requests, outcome.requests
                ));
            }
            if matches!(row.requests, 16 | 64) && outcome.round_trips > rounds {
                misses.push(format!(
                    "{} at {} {mode}: {:.1} round trips > {rounds:.1}",
                    row.shape, row.requests, outcome.round_trips
                ));
            }
        }
    }
    expect_test::expect_file!["table.txt"].assert_eq(&rendered);
    assert!(misses.is_empty(), "targets missed:\n{}", misses.join("\n"));
}
