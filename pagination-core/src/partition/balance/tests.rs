//! The policy's proposals on small listings.

use super::super::KeySpace;
use super::super::policy::{Proposal, RangeId, RangeView, View};
use super::*;

/// Gives the model `keys` as pages of 100 listed one after another from the start.
fn listed(balance: &mut Balance, keys: &[String]) {
    let mut after = String::new();
    for page in keys.chunks(100) {
        let page: Vec<&str> = page.iter().map(String::as_str).collect();
        balance.model.page(&after, &page, false);
        after = page[page.len() - 1].to_owned();
    }
}

#[test]
fn the_rest_of_a_folder_sized_by_its_cousins_is_listed_for_its_children_first() {
    let mut balance = Balance::new(&KeySpace::new("", None));
    balance.asked.insert((String::new(), "/".to_owned()));
    balance
        .model
        .folders("", "/", "", &["t0/", "t1/", "u/"], true);
    balance.model.folders("t0/", "/", "", &["t0/2026/"], true);
    balance.model.folders("t1/", "/", "", &["t1/2026/"], true);
    // t0/2026/ listed in full (1,000 keys in ten month folders), then the first 200 keys of
    // t1/2026/: its rest is sized by its cousin, about 800 keys in folders.
    let keys: Vec<String> = (0..1_000)
        .map(|n| format!("t0/2026/{:02}/k-{n:04}", n / 100))
        .chain((0..200).map(|n| format!("t1/2026/01/k-{n:04}")))
        .collect();
    listed(&mut balance, &keys);
    // Ahead, about 2,900 flat keys between two pages listed.
    let ahead: Vec<String> = (0..100)
        .chain(3_000..3_100)
        .map(|n| format!("u/k-{n:06}"))
        .collect();
    let ahead: Vec<&str> = ahead.iter().map(String::as_str).collect();
    balance.model.page("u/", &ahead[..100], false);
    balance.model.page("u/k-002999", &ahead[100..], false);
    let ranges = [
        RangeView {
            id: RangeId(1),
            after: None,
            up_to: Some("u/"),
            last_key: Some("t1/2026/01/k-0199"),
            span: Some("t1/2026/01/k-0100"),
            pages: 12,
            held: 0,
            listing: true,
        },
        RangeView {
            id: RangeId(2),
            after: Some("u/k-000099"),
            up_to: Some("u/k-002999"),
            last_key: None,
            span: None,
            pages: 0,
            held: 0,
            listing: true,
        },
    ];
    // In key order, one request free: the range ahead holds the larger pieces, but the front's
    // folder listing comes first (the consumer waits on the front).
    let view = View {
        requests: 16,
        free: 1,
        budget: 10.0,
        ordered: true,
        buffer_pages: 2,
        page_keys: 100,
        folders: true,
        folders_pending: &[],
        items_left: None,
        ranges: &ranges,
    };
    let mut out = Vec::new();
    balance.propose(&view, &mut out);
    assert_eq!(
        out,
        vec![Proposal::ListFolders {
            prefix: "t1/2026/".to_owned(),
            delimiter: "/".to_owned(),
        }]
    );
}
