//! Runs the real scheduler and split policy against a [`Bucket`] in virtual time: each request
//! is answered after 50 to 70 ms (the same on every run), the consumer takes items as soon as
//! they are ready, and the outcome says how long the listing took and what it cost.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use pagination_core::__schedule::{
    Action, Balance, Config, ListingId, Page, Position, RangeId, Schedule, Seed, SplitPolicy,
};
use pagination_core::KeySpace;

use crate::listing::Bucket;

/// The mean latency of a request: a round trip.
pub const ROUND_TRIP_MS: f64 = 60.0;

/// How a simulated listing went.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub round_trips: f64,
    pub requests: u64,
    pub folder_requests: u64,
    pub empty_pages: u64,
    pub ranges: u64,
    pub peak_in_flight: usize,
    pub peak_buffered: usize,
    pub items: Vec<String>,
}

/// How a listing is run.
pub struct Setup<'a> {
    pub bucket: &'a Bucket,
    pub prefix: &'a str,
    pub delimiter: Option<&'a str>,
    pub page: usize,
    pub requests: usize,
    pub ordered: bool,
    pub buffer_pages: usize,
    pub max_items: Option<u64>,
    pub folders: bool,
    pub seeds: Vec<Seed<String>>,
}

enum Answer {
    Page(RangeId, u64, Page<String, String>),
    Folders(ListingId, Vec<String>, Option<String>),
}

/// The sequential listing: its entries and pages.
pub fn sequential(
    bucket: &Bucket,
    prefix: &str,
    delimiter: Option<&str>,
    page: usize,
) -> (Vec<String>, u64) {
    let mut items = Vec::new();
    let mut after = String::new();
    let mut pages = 0;
    loop {
        let answer = bucket.list(prefix, delimiter, &after, page);
        pages += 1;
        items.extend(answer.entries);
        match answer.next {
            Some(next) => after = next,
            None => return (items, pages),
        }
    }
}

/// Runs a listing with the default policy.
pub fn simulate(setup: Setup<'_>) -> Outcome {
    let space = KeySpace::new(setup.prefix, setup.delimiter.map(str::to_owned));
    let policy = Box::new(Balance::new(&space));
    simulate_with(setup, policy)
}

/// Runs a listing with `policy`.
pub fn simulate_with(setup: Setup<'_>, policy: Box<dyn SplitPolicy>) -> Outcome {
    let space = KeySpace::new(setup.prefix, setup.delimiter.map(str::to_owned));
    let seeds = if setup.seeds.is_empty() {
        vec![Seed {
            after: None,
            up_to: None,
            position: None,
        }]
    } else {
        setup.seeds
    };
    let mut schedule: Schedule<String, String> = Schedule::new(
        Config {
            space,
            requests: setup.requests,
            ordered: setup.ordered,
            buffer_pages: setup.buffer_pages,
            max_items: setup.max_items,
            folders: setup.folders,
        },
        seeds,
        policy,
    );
    let mut now = 0.0f64;
    let mut sent: u64 = 0;
    // Answers due, by time: (time in µs, order sent).
    let mut due: BinaryHeap<Reverse<(u64, u64)>> = BinaryHeap::new();
    let mut answers: HashMap<u64, Answer> = HashMap::new();
    // Each range's chain: where its next request lists after, and the generation of its
    // request out (a dropped chain's answer is discarded).
    let mut chains: HashMap<RangeId, (Option<String>, u64)> = HashMap::new();
    let mut listings: HashMap<ListingId, (String, String, String)> = HashMap::new();
    let mut in_flight = 0usize;
    let mut outcome = Outcome {
        round_trips: 0.0,
        requests: 0,
        folder_requests: 0,
        empty_pages: 0,
        ranges: 0,
        peak_in_flight: 0,
        peak_buffered: 0,
        items: Vec::new(),
    };
    let latency = |sent: u64| {
        // 50 to 70 ms, the same sequence on every run.
        let mixed = sent.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40;
        50.0 + (mixed % 2_001) as f64 / 100.0
    };
    let bucket = setup.bucket;
    let (prefix, delimiter, page) = (setup.prefix, setup.delimiter, setup.page);
    let send_range = |range: RangeId,
                      after: String,
                      skip: usize,
                      now: f64,
                      sent: &mut u64,
                      chains: &mut HashMap<RangeId, (Option<String>, u64)>,
                      due: &mut BinaryHeap<Reverse<(u64, u64)>>,
                      answers: &mut HashMap<u64, Answer>| {
        let answer = bucket.list(prefix, delimiter, &after, page);
        *sent += 1;
        let at = ((now + latency(*sent)) * 1000.0) as u64;
        chains.insert(range, (answer.next.clone(), *sent));
        let items = answer.entries.into_iter().skip(skip).collect();
        answers.insert(
            *sent,
            Answer::Page(
                range,
                *sent,
                Page {
                    items,
                    mark: after,
                    first: skip,
                    next: answer.next,
                },
            ),
        );
        due.push(Reverse((at, *sent)));
    };
    let trace = std::env::var("SIM_TRACE").is_ok();
    loop {
        while let Some(action) = schedule.poll_action() {
            if trace {
                println!("{:8.1} {action:?}", now / ROUND_TRIP_MS);
            }
            match action {
                Action::Start { range, after, from } => {
                    let (after, skip) = match from {
                        Some(Position { mark, skip }) => (mark, skip as usize),
                        None => (after.unwrap_or_default(), 0),
                    };
                    in_flight += 1;
                    send_range(
                        range,
                        after,
                        skip,
                        now,
                        &mut sent,
                        &mut chains,
                        &mut due,
                        &mut answers,
                    );
                }
                Action::Next { range } => {
                    let after = chains
                        .get(&range)
                        .and_then(|(next, _)| next.clone())
                        .expect("a chain asked to go on has a next page");
                    in_flight += 1;
                    send_range(
                        range,
                        after,
                        0,
                        now,
                        &mut sent,
                        &mut chains,
                        &mut due,
                        &mut answers,
                    );
                }
                Action::Drop { range } => {
                    chains.remove(&range);
                }
                Action::ListFolders {
                    listing,
                    prefix,
                    delimiter,
                } => {
                    listings.insert(listing, (prefix, delimiter, String::new()));
                    in_flight += 1;
                    send_folders(
                        listing,
                        &listings,
                        bucket,
                        now,
                        &mut sent,
                        &mut due,
                        &mut answers,
                        latency,
                    );
                }
                Action::NextFolders { listing } => {
                    in_flight += 1;
                    send_folders(
                        listing,
                        &listings,
                        bucket,
                        now,
                        &mut sent,
                        &mut due,
                        &mut answers,
                        latency,
                    );
                }
            }
            outcome.peak_in_flight = outcome.peak_in_flight.max(in_flight);
        }
        outcome.peak_buffered = outcome.peak_buffered.max(schedule.buffered());
        let mut took = false;
        while let Some(item) = schedule.next_item() {
            outcome.items.push(item);
            took = true;
        }
        if schedule.is_done() {
            break;
        }
        if took {
            // Room in the buffer: the schedule may send more now.
            continue;
        }
        let Some(Reverse((at, id))) = due.pop() else {
            panic!(
                "the listing waits for nothing: {} items so far",
                outcome.items.len()
            );
        };
        now = now.max(at as f64 / 1000.0);
        match answers.remove(&id) {
            Some(Answer::Page(range, generation, page)) => {
                in_flight -= 1;
                if trace {
                    println!(
                        "{:8.1}   page of {range:?}: {} items {:?} .. {:?}, next {:?}",
                        now / ROUND_TRIP_MS,
                        page.items.len(),
                        page.items.first(),
                        page.items.last(),
                        page.next.is_some()
                    );
                }
                if chains
                    .get(&range)
                    .is_some_and(|(_, current)| *current == generation)
                {
                    schedule.page(range, page, |item| item.as_str().into());
                }
            }
            Some(Answer::Folders(listing, entries, next)) => {
                in_flight -= 1;
                if trace {
                    println!(
                        "{:8.1}   folders of {listing:?}: {} entries {:?} .. {:?}",
                        now / ROUND_TRIP_MS,
                        entries.len(),
                        entries.first(),
                        entries.last()
                    );
                }
                let more = next.is_some();
                if let (Some(next), Some(state)) = (next, listings.get_mut(&listing)) {
                    state.2 = next;
                }
                schedule.folders(listing, entries, more);
            }
            None => {}
        }
    }
    let stats = schedule.stats();
    outcome.round_trips = now / ROUND_TRIP_MS;
    outcome.requests = stats.requests;
    outcome.folder_requests = stats.folder_requests;
    outcome.empty_pages = stats.empty_pages;
    outcome.ranges = stats.ranges;
    outcome
}

#[allow(clippy::too_many_arguments)]
fn send_folders(
    listing: ListingId,
    listings: &HashMap<ListingId, (String, String, String)>,
    bucket: &Bucket,
    now: f64,
    sent: &mut u64,
    due: &mut BinaryHeap<Reverse<(u64, u64)>>,
    answers: &mut HashMap<u64, Answer>,
    latency: impl Fn(u64) -> f64,
) {
    let (prefix, delimiter, after) = &listings[&listing];
    let answer = bucket.list(prefix, Some(delimiter), after, 1_000);
    *sent += 1;
    let at = ((now + latency(*sent)) * 1000.0) as u64;
    answers.insert(*sent, Answer::Folders(listing, answer.entries, answer.next));
    due.push(Reverse((at, *sent)));
}
