//! The simulator: the real scheduler and split policy of `Paginator::parallel`, driven in
//! virtual time against in-memory listings of many key shapes (`corpus.rs`). It reports round
//! trips against the ideal `ceil(pages / N)`, requests against the sequential listing, folder
//! listings, and the peaks of requests in flight and of pages buffered. The table is a snapshot
//! (`table.txt`): every change of the policy is reviewed as a diff of it. Rewrite it with
//! `UPDATE_EXPECT=1 cargo test -p pagination-core --test simulate`.
//!
//! Two tables: the listings as S3 serves them (the operation lists folders), and the same shapes
//! through an API that cannot (the split policy has only the keys' density to go by).

mod corpus;
mod listing;
mod mechanism;
mod run;

use std::fmt::Write as _;

use corpus::{Shape, corpus};
use listing::Bucket;
use run::{Outcome, Setup, sequential, simulate};

/// Pages of 100 keys, as the benchmarks list.
const PAGE: usize = 100;

/// Requests in flight the table is made for; the targets apply at 16 and 64.
const REQUESTS: [usize; 4] = [4, 16, 64, 256];

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
    unordered: Outcome,
    ordered: Outcome,
}

impl Row {
    fn ideal(&self) -> u64 {
        self.pages.div_ceil(self.requests as u64)
    }
}

/// Runs every shape at every N, in both orders; checks each listing against the sequential one.
fn table(folders: bool, shapes: &[Shape]) -> Vec<Row> {
    let mut rows = Vec::new();
    for shape in shapes {
        let bucket = Bucket::new(shape.keys.clone());
        let (want, pages) = sequential(&bucket, shape.prefix, shape.delimiter, PAGE);
        let mut sorted_want = want.clone();
        sorted_want.sort();
        for requests in REQUESTS {
            let run = |ordered| {
                let mut setup = setup(shape, &bucket, requests, ordered);
                setup.folders &= folders;
                simulate(setup)
            };
            let (unordered, ordered) = (run(false), run(true));
            let context = format!("{}, {requests} requests", shape.name);
            assert!(ordered.items == want, "{context}, in key order");
            let mut got = unordered.items.clone();
            got.sort();
            assert!(got == sorted_want, "{context}, unordered");
            assert!(ordered.peak_in_flight <= requests && unordered.peak_in_flight <= requests);
            rows.push(Row {
                shape: shape.name,
                pages,
                requests,
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
            row.ideal(),
            row.unordered.round_trips,
            row.ordered.round_trips,
            worst / row.ideal() as f64,
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

/// Requests within `1.2 × sequential + N` everywhere; with `rounds`, round trips within it at
/// 16 and 64 requests.
fn misses(rows: &[Row], rounds: impl Fn(&Row) -> Option<f64>) -> Vec<String> {
    let mut misses = Vec::new();
    for row in rows {
        let requests = 1.2 * row.pages as f64 + row.requests as f64;
        for (mode, outcome) in [("unordered", &row.unordered), ("ordered", &row.ordered)] {
            if outcome.requests as f64 > requests {
                misses.push(format!(
                    "{} at {} {mode}: {} requests > {requests:.0}",
                    row.shape, row.requests, outcome.requests
                ));
            }
            if let Some(limit) = rounds(row)
                && outcome.round_trips > limit
            {
                misses.push(format!(
                    "{} at {} {mode}: {:.1} round trips > {limit:.1}",
                    row.shape, row.requests, outcome.round_trips
                ));
            }
        }
    }
    misses
}

/// The corpus as S3 serves it. Prints the table (`--nocapture`) and compares it, with the
/// targets it misses (at 16 and 64 requests, round trips within `1.3 × ideal + 4`; at every N,
/// requests within `1.2 × sequential + N`), with the snapshot. Every listing of the table is
/// checked item for item against the sequential one as it runs.
#[test]
fn corpus_table() {
    let rows = table(true, &corpus());
    let misses = misses(&rows, |row| {
        matches!(row.requests, 16 | 64).then(|| 1.3 * row.ideal() as f64 + 4.0)
    });
    let rendered = with_misses(render(&rows), &misses);
    println!("{rendered}");
    expect_test::expect_file!["table.txt"].assert_eq(&rendered);
}

/// The table and, under it, the targets it misses: part of the snapshot, so that a change of
/// policy that meets a target, or misses one more, shows in the table's diff.
fn with_misses(mut rendered: String, misses: &[String]) -> String {
    writeln!(rendered, "\ntargets missed: {}", misses.len()).unwrap();
    for miss in misses {
        writeln!(rendered, "  {miss}").unwrap();
    }
    rendered
}

/// The structured shapes through an API without folder listings: the density of the keys alone.
/// Its targets, in the snapshot: never slower than the sequential listing, and within the request
/// budget.
#[test]
fn without_folder_listings() {
    let structured: Vec<Shape> = corpus()
        .into_iter()
        .filter(|shape| shape.keys.iter().any(|key| key.contains('/')) && shape.delimiter.is_none())
        .collect();
    let rows = table(false, &structured);
    let misses = misses(&rows, |row| Some(row.pages as f64));
    let rendered = with_misses(render(&rows), &misses);
    println!("{rendered}");
    expect_test::expect_file!["table-no-folders.txt"].assert_eq(&rendered);
}

/// One listing, for working on the policy: `SIM_SHAPE=counter SIM_N=16 SIM_ORDERED=1
/// [SIM_FOLDERS=0] [SIM_MAX=n] [SIM_TRACE=1] cargo test -p pagination-core --release --test
/// simulate one -- --ignored --nocapture`.
#[test]
#[ignore]
fn one() {
    let name = std::env::var("SIM_SHAPE").unwrap_or_else(|_| "counter".into());
    let number = |var: &str| {
        std::env::var(var)
            .ok()
            .and_then(|n| n.parse::<usize>().ok())
    };
    let requests = number("SIM_N").unwrap_or(16);
    let ordered = std::env::var("SIM_ORDERED").is_ok_and(|v| v == "1");
    let shape = corpus()
        .into_iter()
        .find(|shape| shape.name == name)
        .expect("a shape of the corpus");
    let bucket = Bucket::new(shape.keys.clone());
    let (want, pages) = sequential(&bucket, shape.prefix, shape.delimiter, PAGE);
    let mut setup = setup(&shape, &bucket, requests, ordered);
    setup.folders &= std::env::var("SIM_FOLDERS").map_or(true, |v| v != "0");
    setup.max_items = number("SIM_MAX").map(|max| max as u64);
    let outcome = simulate(setup);
    println!(
        "{name}: {pages} pages, {:.1} round trips (ideal {}), {} requests ({} folder, {} empty), \
         {} ranges, peak {} in flight, {} buffered",
        outcome.round_trips,
        pages.div_ceil(requests as u64),
        outcome.requests,
        outcome.folder_requests,
        outcome.empty_pages,
        outcome.ranges,
        outcome.peak_in_flight,
        outcome.peak_buffered
    );
    let limit = number("SIM_MAX").map_or(want.len(), |max| max.min(want.len()));
    assert_eq!(outcome.items.len(), limit);
}
