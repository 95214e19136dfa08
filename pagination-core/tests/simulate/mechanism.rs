//! The scheduler's invariants under a policy that proposes anything: random split keys (outside
//! the ranges, unsorted, repeated, inside common prefixes), random folder listings, answers in
//! random order, stops and resumes from the cursor at random points. Whatever the policy does,
//! the listing must hold:
//!
//! - every key exactly once, in the sequential order when ordered (the same set when not), also
//!   across resumes, and exactly `max_items` of them with a limit;
//! - never more requests in flight than allowed;
//! - never more pages held than the bound (twice `N × buffer_pages` in key order, once
//!   unordered, plus the pages in flight);
//! - the cursor's ranges in key order, none overlapping.

use std::collections::HashMap;

use pagination_core::__schedule::{
    Action, Config, FolderFacts, ListingId, Page, PageFacts, Position, Proposal, RangeId, Schedule,
    Seed, SplitPolicy, View,
};
use pagination_core::KeySpace;
use proptest::prelude::*;

use crate::corpus::Rng;
use crate::listing::Bucket;

/// Proposes whatever a seeded generator draws.
struct Chaos {
    rng: Rng,
    keys: Vec<String>,
}

impl SplitPolicy for Chaos {
    fn page(&mut self, page: &PageFacts<'_>) {
        // Keys seen make likely split points.
        if let Some(key) = page.keys.first() {
            self.keys.push((*key).to_owned());
        }
    }

    fn folders(&mut self, _: &FolderFacts<'_>) {}

    fn propose(&mut self, view: &View<'_>, out: &mut Vec<Proposal>) {
        for _ in 0..self.rng.between(0, 4) {
            match self.rng.next() % 5 {
                0 => out.push(Proposal::ListFolders {
                    prefix: ["", "a", "a/", "b/", "zz"][(self.rng.next() % 5) as usize].into(),
                    delimiter: ["/", "-", "", "a/"][(self.rng.next() % 4) as usize].into(),
                }),
                _ if !view.ranges.is_empty() => {
                    let range = &view.ranges[(self.rng.next() % view.ranges.len() as u64) as usize];
                    let at = (0..self.rng.between(1, 5)).map(|_| self.key()).collect();
                    out.push(Proposal::Split {
                        range: range.id,
                        at,
                    });
                }
                _ => {}
            }
        }
    }
}

impl Chaos {
    fn key(&mut self) -> String {
        if !self.keys.is_empty() && self.rng.next() % 2 == 0 {
            let key = &self.keys[(self.rng.next() % self.keys.len() as u64) as usize];
            // The key itself, or a neighbour of it.
            return match self.rng.next() % 3 {
                0 => key.clone(),
                1 => format!("{key}0"),
                _ => key[..key.len() / 2].to_owned(),
            };
        }
        (0..self.rng.between(1, 4))
            .map(|_| ['a', 'b', '/', 'z', 'm', '~'][(self.rng.next() % 6) as usize])
            .collect()
    }
}

/// Keys over a small alphabet, with folders.
fn keys() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec("[abz/]{1,5}", 0..120)
}

#[derive(Debug, Clone)]
struct Case {
    keys: Vec<String>,
    prefix: &'static str,
    delimiter: Option<&'static str>,
    page: usize,
    requests: usize,
    buffer_pages: usize,
    ordered: bool,
    max_items: Option<u64>,
    seed: u64,
}

fn cases() -> impl Strategy<Value = Case> {
    (
        keys(),
        prop_oneof![Just(""), Just("a"), Just("b/")],
        prop_oneof![Just(None), Just(Some("/"))],
        1usize..6,
        1usize..7,
        1usize..3,
        any::<bool>(),
        prop_oneof![Just(None), (0u64..40).prop_map(Some)],
        any::<u64>(),
    )
        .prop_map(
            |(keys, prefix, delimiter, page, requests, buffer_pages, ordered, max_items, seed)| {
                Case {
                    keys,
                    prefix,
                    delimiter,
                    page,
                    requests,
                    buffer_pages,
                    ordered,
                    max_items,
                    seed,
                }
            },
        )
}

/// Runs a case to its end, stopping and resuming at random; returns the items yielded.
fn run(case: &Case) -> Result<Vec<String>, TestCaseError> {
    let bucket = Bucket::new(case.keys.clone());
    let mut rng = Rng::new(case.seed);
    let mut items: Vec<String> = Vec::new();
    let mut seeds = vec![Seed {
        after: None,
        up_to: None,
        position: None,
    }];
    for _attempt in 0..20 {
        let left = case.max_items.map(|max| max - items.len() as u64);
        let mut schedule: Schedule<String, String> = Schedule::new(
            Config {
                space: KeySpace::new(case.prefix, case.delimiter.map(str::to_owned)),
                requests: case.requests,
                ordered: case.ordered,
                buffer_pages: case.buffer_pages,
                max_items: left,
                folders: case.delimiter.is_none(),
            },
            seeds.clone(),
            Box::new(Chaos {
                rng: Rng::new(rng.next()),
                keys: Vec::new(),
            }),
        );
        // Requests out: what answers them (computed when sent), by an order of sending.
        let mut out: Vec<(u64, Answer)> = Vec::new();
        let mut chains: HashMap<RangeId, Option<String>> = HashMap::new();
        let mut listings: HashMap<ListingId, (String, String, String)> = HashMap::new();
        let mut sent = 0u64;
        let stop_at = rng.between(0, 60);
        let mut steps = 0u64;
        let mut stalled = 0;
        loop {
            while let Some(action) = schedule.poll_action() {
                match action {
                    Action::Start { range, after, from } => {
                        let (after, skip) = match from {
                            Some(Position { mark, skip }) => (mark, skip as usize),
                            None => (after.unwrap_or_default(), 0),
                        };
                        out.push((
                            sent,
                            answer(&bucket, case, range, &after, skip, &mut chains),
                        ));
                        sent += 1;
                    }
                    Action::Next { range } => {
                        let after = chains
                            .get(&range)
                            .cloned()
                            .flatten()
                            .expect("a chain goes on only after a truncated page");
                        out.push((sent, answer(&bucket, case, range, &after, 0, &mut chains)));
                        sent += 1;
                    }
                    Action::Drop { range } => {
                        chains.remove(&range);
                        out.retain(
                            |(_, answer)| !matches!(answer, Answer::Page(id, _) if *id == range),
                        );
                    }
                    Action::ListFolders {
                        listing,
                        prefix,
                        delimiter,
                    } => {
                        listings.insert(listing, (prefix, delimiter, String::new()));
                        out.push((sent, folders(&bucket, listing, &listings)));
                        sent += 1;
                    }
                    Action::NextFolders { listing } => {
                        out.push((sent, folders(&bucket, listing, &listings)));
                        sent += 1;
                    }
                }
            }
            prop_assert!(
                out.len() <= case.requests,
                "{} requests out, {} allowed",
                out.len(),
                case.requests
            );
            let bound = if case.ordered { 2 } else { 1 } * case.requests * case.buffer_pages;
            prop_assert!(
                schedule.buffered() <= bound + case.requests,
                "{} pages held, bound {bound}",
                schedule.buffered()
            );
            if rng.next() % 3 == 0 || out.is_empty() {
                while let Some(item) = schedule.next_item() {
                    items.push(item);
                }
            }
            if schedule.is_done() {
                return Ok(items);
            }
            steps += 1;
            if steps == stop_at {
                break;
            }
            if out.is_empty() {
                // Nothing out: the consumer must take for the listing to go on, and then the
                // schedule must send something (or be done).
                while let Some(item) = schedule.next_item() {
                    items.push(item);
                }
                stalled += 1;
                prop_assert!(stalled < 3, "the listing waits for nothing");
                continue;
            }
            stalled = 0;
            let (_, answer) = out.remove((rng.next() % out.len() as u64) as usize);
            match answer {
                Answer::Page(range, page) => {
                    schedule.page(range, page, |item| item.as_str().into());
                }
                Answer::Folders(listing, entries, next) => {
                    let more = next.is_some();
                    if let (Some(next), Some(state)) = (next, listings.get_mut(&listing)) {
                        state.2 = next;
                    }
                    schedule.folders(listing, entries, more);
                }
            }
        }
        // Stop: the cursor's ranges follow one another, and the next run resumes from them.
        schedule.stop();
        let cursor = schedule.cursor();
        for pair in cursor.windows(2) {
            prop_assert!(pair[0].up_to.is_some());
            prop_assert!(pair[0].up_to.as_deref() <= pair[1].after.as_deref());
        }
        if cursor.is_empty() {
            return Ok(items);
        }
        seeds = cursor;
    }
    Err(TestCaseError::fail("no end after 20 resumes"))
}

enum Answer {
    Page(RangeId, Page<String, String>),
    Folders(ListingId, Vec<String>, Option<String>),
}

fn answer(
    bucket: &Bucket,
    case: &Case,
    range: RangeId,
    after: &str,
    skip: usize,
    chains: &mut HashMap<RangeId, Option<String>>,
) -> Answer {
    let page = bucket.list(case.prefix, case.delimiter, after, case.page);
    chains.insert(range, page.next.clone());
    Answer::Page(
        range,
        Page {
            items: page.entries.into_iter().skip(skip).collect(),
            mark: after.to_owned(),
            first: skip,
            next: page.next,
        },
    )
}

fn folders(
    bucket: &Bucket,
    listing: ListingId,
    listings: &HashMap<ListingId, (String, String, String)>,
) -> Answer {
    let (prefix, delimiter, after) = &listings[&listing];
    let page = bucket.list(prefix, Some(delimiter), after, 3);
    Answer::Folders(listing, page.entries, page.next)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_proposal_keeps_the_listing_exact(case in cases()) {
        let bucket = Bucket::new(case.keys.clone());
        let (want, _) = crate::run::sequential(&bucket, case.prefix, case.delimiter, case.page);
        let want: Vec<String> = match case.max_items {
            Some(max) => want.into_iter().take(max as usize).collect(),
            None => want,
        };
        let got = run(&case)?;
        if case.ordered {
            prop_assert_eq!(got, want);
        } else {
            let (mut got, mut want) = (got, want);
            got.sort();
            want.sort();
            // With a limit, unordered yields any `max_items` of them.
            if case.max_items.is_some() {
                let all = crate::run::sequential(&bucket, case.prefix, case.delimiter, case.page).0;
                prop_assert_eq!(got.len(), want.len());
                let mut seen = std::collections::BTreeSet::new();
                for item in &got {
                    prop_assert!(all.contains(item), "{item} is not a key of the listing");
                    prop_assert!(seen.insert(item.clone()), "{item} twice");
                }
            } else {
                prop_assert_eq!(got, want);
            }
        }
    }
}

/// Splits the front range once at `front_cut` when asked with no request free, and the whole
/// listing at `first_cut` first; records the free requests of every view.
struct FrontCutter {
    first_cut: Option<String>,
    front_cut: Option<String>,
    asked_without_free: usize,
}

impl SplitPolicy for FrontCutter {
    fn page(&mut self, _: &PageFacts<'_>) {}

    fn folders(&mut self, _: &FolderFacts<'_>) {}

    fn propose(&mut self, view: &View<'_>, out: &mut Vec<Proposal>) {
        let Some(front) = view.ranges.iter().find(|range| range.listing) else {
            return;
        };
        if let Some(at) = self.first_cut.take() {
            out.push(Proposal::Split {
                range: front.id,
                at: vec![at],
            });
        } else if view.free == 0 {
            self.asked_without_free += 1;
            if front.held == 0
                && let Some(at) = self.front_cut.take()
            {
                out.push(Proposal::Split {
                    range: front.id,
                    at: vec![at],
                });
            }
        }
    }
}

/// In key order, while the consumer waits on the front and every request is out, the policy is
/// still asked, and a range cut from the front takes the next request that comes back, before
/// the range ahead goes on.
#[test]
fn in_key_order_a_cut_at_the_front_goes_before_the_ranges_ahead() {
    let keys: Vec<String> = (0..400).map(|n| format!("k{n:03}")).collect();
    let bucket = Bucket::new(keys);
    let case = Case {
        keys: Vec::new(),
        prefix: "",
        delimiter: None,
        page: 10,
        requests: 2,
        buffer_pages: 4,
        ordered: true,
        max_items: None,
        seed: 0,
    };
    let policy = FrontCutter {
        first_cut: Some("k199".to_owned()),
        front_cut: Some("k099".to_owned()),
        asked_without_free: 0,
    };
    let mut schedule: Schedule<String, String> = Schedule::new(
        Config {
            space: KeySpace::new("", None),
            requests: 2,
            ordered: true,
            buffer_pages: 4,
            max_items: None,
            folders: false,
        },
        vec![Seed {
            after: None,
            up_to: None,
            position: None,
        }],
        Box::new(policy),
    );
    let mut chains: HashMap<RangeId, Option<String>> = HashMap::new();
    let mut out: Vec<Answer> = Vec::new();
    let mut sent: Vec<String> = Vec::new();
    // Sends what the schedule asks for, answered when sent.
    let send = |schedule: &mut Schedule<String, String>,
                out: &mut Vec<Answer>,
                chains: &mut HashMap<RangeId, Option<String>>,
                sent: &mut Vec<String>| {
        while let Some(action) = schedule.poll_action() {
            match action {
                Action::Start { range, after, .. } => {
                    let after = after.unwrap_or_default();
                    sent.push(format!("start after {after}"));
                    out.push(answer(&bucket, &case, range, &after, 0, chains));
                }
                Action::Next { range } => {
                    let after = chains[&range].clone().expect("a truncated page");
                    sent.push(format!("next after {after}"));
                    out.push(answer(&bucket, &case, range, &after, 0, chains));
                }
                other => panic!("{other:?}"),
            }
        }
    };
    // The first page of the whole listing, then the cut at k199: two ranges, both requesting.
    send(&mut schedule, &mut out, &mut chains, &mut sent);
    let Answer::Page(range, page) = out.remove(0) else {
        unreachable!()
    };
    schedule.page(range, page, |item| item.as_str().into());
    // The consumer takes what it can: the front's pages.
    while schedule.next_item().is_some() {}
    send(&mut schedule, &mut out, &mut chains, &mut sent);
    let mut first: Vec<&str> = sent.iter().map(String::as_str).collect();
    first.sort();
    assert_eq!(
        first,
        ["next after k009", "start after ", "start after k199"]
    );
    // The answer of the range ahead (its keys from k200 on).
    let ahead = |out: &mut Vec<Answer>| {
        let at = (out.iter())
            .position(
                |answer| matches!(answer, Answer::Page(_, page) if page.mark.as_str() >= "k199"),
            )
            .expect("the range ahead is out");
        let Answer::Page(range, page) = out.remove(at) else {
            unreachable!()
        };
        (range, page)
    };
    // The range ahead answers; the front (k010..) has not: the consumer waits on it. The range
    // ahead goes on with the permit back, and then, with none free, the policy cuts the front.
    let (range, page) = ahead(&mut out);
    schedule.page(range, page, |item| item.as_str().into());
    // The consumer takes what it can: the front's pages.
    while schedule.next_item().is_some() {}
    send(&mut schedule, &mut out, &mut chains, &mut sent);
    assert_eq!(sent[3..], ["next after k209"]);
    // Its next page answers: the permit back goes to the range cut from the front, not to the
    // range ahead.
    let (range, page) = ahead(&mut out);
    schedule.page(range, page, |item| item.as_str().into());
    // The consumer takes what it can: the front's pages.
    while schedule.next_item().is_some() {}
    send(&mut schedule, &mut out, &mut chains, &mut sent);
    assert_eq!(sent[4..], ["start after k099"], "{sent:?}");
}
