//! The model's estimates on small listings.

use super::*;

fn keys(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|n| format!("obj-{n:07}")).collect()
}

fn refs(keys: &[String]) -> Vec<&str> {
    keys.iter().map(String::as_str).collect()
}

fn total(pieces: &[Piece]) -> (f64, usize) {
    let known = pieces.iter().filter_map(|piece| piece.kind.keys()).sum();
    let unknown = pieces
        .iter()
        .filter(|piece| piece.kind.keys().is_none())
        .count();
    (known, unknown)
}

#[test]
fn listed_keys_are_counted_once() {
    let mut model = KeyModel::new("");
    let first = keys(0..100);
    let second = keys(50..150);
    model.page("", &refs(&first), false);
    model.page("obj-0000049", &refs(&second), false);
    let pieces = model.pieces("", Some("obj-0000149"));
    let (known, unknown) = total(&pieces);
    assert!((149.0..=151.0).contains(&known), "{known} {pieces:?}");
    assert_eq!(unknown, 0);
}

#[test]
fn the_rest_after_the_last_key_is_unknown_and_a_bracketed_gap_dense() {
    let mut model = KeyModel::new("");
    model.page("", &refs(&keys(0..100)), false);
    let open = model.pieces("obj-0000099", None);
    assert!(matches!(
        open.last().unwrap().kind,
        PieceKind::Unknown { .. }
    ));
    // A page far ahead brackets the gap: about 900 keys between.
    model.page("obj-0000999", &refs(&keys(1000..1100)), false);
    let pieces = model.pieces("obj-0000099", Some("obj-0000999"));
    let (known, unknown) = total(&pieces);
    assert_eq!(unknown, 0, "{pieces:?}");
    assert!((800.0..1000.0).contains(&known), "{known}");
    // A cut half-way lands near the middle.
    let cut = model.cut(&pieces[0], known / 2.0).unwrap();
    assert!(
        cut.as_str() > "obj-00004" && cut.as_str() < "obj-00006",
        "{cut}"
    );
}

#[test]
fn folders_are_estimated_by_their_siblings() {
    let mut model = KeyModel::new("");
    let days: Vec<String> = (1..=9).map(|day| format!("logs/2026-01-0{day}/")).collect();
    model.folders("", "/", "", &["logs/"], true);
    model.folders("logs/", "/", "", &refs(&days), true);
    // Day 1 listed in full: 250 keys, and the first key of day 2.
    let mut day1: Vec<String> = (0..250)
        .map(|n| format!("logs/2026-01-01/part-{n:05}"))
        .collect();
    day1.push("logs/2026-01-02/part-00000".into());
    model.page("", &refs(&day1), false);
    let pieces = model.pieces("logs/2026-01-02/part-00000", None);
    let folders: Vec<f64> = pieces
        .iter()
        .filter_map(|piece| match piece.kind {
            PieceKind::Folder { keys, .. } => Some(keys),
            _ => None,
        })
        .collect();
    assert_eq!(folders.len(), 7, "{pieces:?}");
    assert!(
        folders.iter().all(|keys| (*keys - 250.0).abs() < 1.0),
        "{folders:?}"
    );
}

/// A page that ends a few keys into a large folder, after small ones: the rest of the large
/// folder is searched at the density of its own keys, not of the whole page (which would step
/// past its end at once, cutting it half-way to the next folder instead).
#[test]
fn a_folders_rest_is_searched_at_its_own_density() {
    let mut model = KeyModel::new("");
    let dirs: Vec<String> = (0..6).map(|n| format!("dir-{n:03}/")).collect();
    model.folders("", "/", "", &refs(&dirs), true);
    // Four small folders of 10 keys, then the first 60 keys of dir-004.
    let mut page: Vec<String> = (0..4)
        .flat_map(|dir| (0..10).map(move |n| format!("dir-{dir:03}/file-{n:02}")))
        .collect();
    page.extend((0..60).map(|n| format!("dir-004/obj-{n:05}")));
    model.page("", &refs(&page), false);
    let pieces = model.pieces("dir-004/obj-00059", Some("dir-005"));
    let Some(PieceKind::Unknown {
        reference: Some((first, last, keys)),
        ..
    }) = pieces.first().map(|piece| &piece.kind)
    else {
        panic!("{pieces:?}");
    };
    assert!(first.starts_with("dir-004/"), "{first}");
    assert_eq!(last, "dir-004/obj-00059");
    assert!(*keys < 60.0, "{keys}");
    // A page and a half on, at that density: inside the folder's numbers, not past them.
    let step = model
        .step(
            &pieces[0].lo,
            pieces[0].hi.as_deref(),
            &(first.clone(), last.clone(), *keys),
            150.0,
        )
        .expect("a step inside the folder");
    assert!(
        step.as_str() > "dir-004/obj-001" && step.as_str() < "dir-004/obj-003",
        "{step}"
    );
}

#[test]
fn folders_to_list_stop_above_the_pages_own_folder() {
    let mut model = KeyModel::new("");
    model.folders("", "/", "", &["t-0/", "t-1/"], true);
    let deep = model.folders_to_list("t-0/2026/01/05/07/f-3", "t-0/2026/01/05/00/f-1");
    assert_eq!(deep, ["t-0/", "t-0/2026/", "t-0/2026/01/"]);
    // A page across the hours of a day listed at the top: the day itself.
    model.folders("", "/", "", &["dt=01/", "dt=02/"], true);
    let hive = model.folders_to_list("dt=01/hr=05/p-3", "dt=01/hr=00/p-0");
    assert_eq!(hive, ["dt=01/"]);
}

/// A range that starts after a folder's name without its delimiter (`logs/04`, before
/// `logs/04/`), in a folder listed level by level down to files: its pieces come out (the
/// descent once recursed without end), in key order from its start to the end of the key space.
#[test]
fn a_range_starting_at_a_folder_name_descends_into_the_folder() {
    let mut model = KeyModel::new("");
    model.folders("", "/", "", &["logs/"], true);
    let days: Vec<String> = (1..=20).map(|day| format!("logs/{day:02}/")).collect();
    model.folders("logs/", "/", "", &refs(&days), true);
    let files: Vec<String> = (0..1000)
        .map(|n| format!("logs/04/part-{n:05}.json"))
        .collect();
    model.folders("logs/04/", "/", "", &refs(&files), false);
    model.page(
        "",
        &refs(
            &(0..100)
                .map(|n| format!("logs/01/part-{n:05}.json"))
                .collect::<Vec<_>>(),
        ),
        false,
    );
    for after in ["logs/04", "logs/03", "logs/04/", "logs/04/part-00500.json"] {
        let pieces = model.pieces(after, None);
        assert_eq!(pieces.first().map(|piece| piece.lo.as_str()), Some(after));
        assert!(
            pieces.last().is_some_and(|piece| piece.hi.is_none()),
            "{after}: {pieces:?}"
        );
        for pair in pieces.windows(2) {
            assert!(
                pair[0]
                    .hi
                    .as_deref()
                    .is_some_and(|hi| hi <= pair[1].lo.as_str()),
                "{after}: {pieces:?}"
            );
        }
    }
}

/// Keys `users/{name}-{n}`: `names` clusters of `each` keys, numbered by a global counter.
fn named(names: &[&str], each: usize) -> Vec<String> {
    let mut keys: Vec<String> = (names.iter().enumerate())
        .flat_map(|(at, name)| {
            (0..each).map(move |n| format!("users/{name}-{:05}", n * names.len() + at))
        })
        .collect();
    keys.sort();
    keys
}

#[test]
fn keys_named_in_parts_show_their_delimiter() {
    let mut model = KeyModel::new("");
    let users = named(&["alice.brown", "alice.davies", "bob.evans"], 60);
    model.page("", &refs(&users[..100]), false);
    // The finest parts that neighbours share: `-`, not `.` (one part, `alice`, so far).
    assert_eq!(model.part_delimiter("users/"), Some('-'));
    assert_eq!(model.part_delimiter("other/"), None);

    // One part only: a rollup would give the folder back as one child.
    let mut one = KeyModel::new("");
    one.page("", &refs(&named(&["alice.brown"], 200)[..100]), false);
    assert_eq!(one.part_delimiter("users/"), None);

    // Parts as many as the keys (UUIDs): no neighbours share one.
    let mut uuids = KeyModel::new("");
    let ids: Vec<String> = (0..100u64)
        .map(|n| {
            let h = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            format!(
                "{:08x}-{:04x}-4{:03x}",
                h >> 32,
                (h >> 16) & 0xffff,
                h & 0xfff
            )
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    uuids.page("", &refs(&ids), false);
    assert_eq!(uuids.part_delimiter(""), None);

    // Numbered keys under one fixed part.
    let mut counter = KeyModel::new("");
    counter.page("", &refs(&keys(0..100)), false);
    assert_eq!(counter.part_delimiter(""), None);
}

#[test]
fn a_flat_folder_listed_at_its_parts_counts_the_keys_listed_before() {
    let mut model = KeyModel::new("");
    let keys = named(
        &["alice.brown", "alice.davies", "bob.evans", "carol.jones"],
        60,
    );
    model.folders("", "/", "", &["users/"], true);
    // Listed flat at `/` first: no children.
    model.folders("users/", "/", "", &refs(&keys[..10]), false);
    model.page("", &refs(&keys[..120]), false);
    let parts = [
        "users/alice.brown-",
        "users/alice.davies-",
        "users/bob.evans-",
        "users/carol.jones-",
    ];
    model.folders("users/", "-", "", &parts, true);
    // The first part was listed in full before its level was known: counted all the same (from
    // the marks kept, about 1/16 of a page apart: within a few keys).
    let measured = model.measured("users/alice.brown-").unwrap();
    assert!((57..=63).contains(&measured), "{measured}");
    // The parts not listed are as large as it; cut at their boundaries.
    let pieces = model.pieces(&keys[119], None);
    let folders: Vec<&str> = (pieces.iter())
        .filter_map(|piece| match &piece.kind {
            PieceKind::Folder { folder, keys, .. } => {
                assert!((50.0..=70.0).contains(keys), "{keys}");
                Some(folder.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(folders, ["users/bob.evans-", "users/carol.jones-"]);
    // A later listing at `/` leaves the parts standing.
    model.folders("users/", "/", "", &refs(&keys[..10]), false);
    assert_eq!(model.levels["users/"].children.len(), 4);
}

#[test]
fn a_folders_rest_up_to_a_range_boundary_holds_what_its_density_puts_there() {
    let mut model = KeyModel::new("");
    let dirs: Vec<String> = (0..4).map(|n| format!("dir-{n:03}/")).collect();
    model.folders("", "/", "", &refs(&dirs), true);
    // dir-000 listed in full: 1,000 keys.
    let mut first: Vec<String> = (0..1_000).map(|n| format!("dir-000/obj-{n:05}")).collect();
    first.push("dir-001/obj-00000".to_owned());
    model.page("", &refs(&first), false);
    assert_eq!(
        model.sibling_mean_at_least("", f64::NEG_INFINITY),
        Some(1_000.0)
    );
    // The first 100 keys of dir-002, one a number.
    let start: Vec<String> = (0..100).map(|n| format!("dir-002/obj-{n:05}")).collect();
    model.page("dir-002/", &refs(&start), false);
    // Up to the folder's end, its siblings' size less what it showed.
    let whole = model.pieces("dir-002/obj-00099", Some("dir-0020"));
    let (known, _) = total(&whole);
    assert!((850.0..=950.0).contains(&known), "{known} {whole:?}");
    // Up to a range boundary 200 numbers on, about 200 keys: the rest is the next range's.
    let bounded = model.pieces("dir-002/obj-00099", Some("dir-002/obj-00300"));
    let (known, unknown) = total(&bounded);
    assert_eq!(unknown, 0, "{bounded:?}");
    assert!((150.0..=250.0).contains(&known), "{known} {bounded:?}");
}

#[test]
fn the_siblings_sizes_follow_every_page() {
    let mut model = KeyModel::new("");
    let dirs: Vec<String> = (0..3).map(|n| format!("dir-{n}/")).collect();
    model.folders("", "/", "", &refs(&dirs), true);
    let listed = |dir: usize, keys: usize| -> Vec<String> {
        let mut page: Vec<String> = (0..keys).map(|n| format!("dir-{dir}/k-{n:04}")).collect();
        page.push(format!("dir-{}/k-0000", dir + 1));
        page
    };
    model.page("", &refs(&listed(0, 10)), false);
    assert_eq!(
        model.sibling_mean_at_least("", f64::NEG_INFINITY),
        Some(10.0)
    );
    assert_eq!(model.sibling_mean_at_least("", 10.0), Some(10.0));
    assert_eq!(model.sibling_mean_at_least("", 10.5), None);
    // A larger sibling listed in full: asked again, the sizes include it.
    model.page("dir-0/k-0009", &refs(&listed(1, 30)), false);
    assert_eq!(
        model.sibling_mean_at_least("", f64::NEG_INFINITY),
        Some(20.0)
    );
    assert_eq!(model.sibling_mean_at_least("", 10.5), Some(30.0));
    assert_eq!(model.sibling_mean_at_least("", 30.5), None);
}

#[test]
fn a_few_large_parts_among_many_of_one_key_show_their_delimiter() {
    // Four pages' worth: a large part of 320 keys, then 80 parts of one key each. Four pairs of
    // neighbouring marks in five share a part: the rollup bounds the large part exactly.
    let mut keys: Vec<String> = (0..320).map(|n| format!("users/alice-{n:05}")).collect();
    keys.extend((0..80).map(|n| format!("users/alice{n:04}-0")));
    let mut model = KeyModel::new("");
    for (at, page) in keys.chunks(100).enumerate() {
        let start = if at == 0 {
            ""
        } else {
            keys[at * 100 - 1].as_str()
        };
        model.page(start, &refs(page), false);
    }
    assert_eq!(model.part_delimiter("users/"), Some('-'));
}

#[test]
fn folders_are_sized_by_the_siblings_named_most_alike() {
    let mut model = KeyModel::new("");
    let parts = [
        "users/alice.0-",
        "users/alice.a-",
        "users/alice.b-",
        "users/bob.0-",
        "users/bob.a-",
        "users/bob.b-",
    ];
    model.folders("", "/", "", &["users/"], true);
    model.folders("users/", "-", "", &parts, true);
    let part = |name: &str, keys: usize| -> Vec<String> {
        (0..keys).map(|n| format!("users/{name}-{n:04}")).collect()
    };
    // alice.a and alice.b hold 300 keys each, bob.a and bob.b 10, listed in full; alice.0 and
    // bob.0 are not listed.
    let mut alice = part("alice.a", 300);
    alice.extend(part("alice.b", 300));
    alice.push("users/alice.b.".to_owned());
    model.page("users/alice.0.", &refs(&alice), false);
    let mut bob = part("bob.a", 10);
    bob.extend(part("bob.b", 10));
    model.page("users/bob.0.", &refs(&bob), true);
    let sized = |from: &str, to: &str| -> f64 {
        let pieces = model.pieces(from, Some(to));
        let folders: Vec<f64> = (pieces.iter())
            .filter_map(|piece| match &piece.kind {
                PieceKind::Folder { keys, .. } => Some(*keys),
                _ => None,
            })
            .collect();
        assert_eq!(folders.len(), 1, "{pieces:?}");
        folders[0]
    };
    // Not the mean of all four (155): the mean of those named alike.
    let alice = sized("users/", "users/alice.0.");
    assert!((290.0..=310.0).contains(&alice), "{alice}");
    let bob = sized("users/alice.b.", "users/bob.0.");
    assert!((9.0..=11.0).contains(&bob), "{bob}");
}

#[test]
fn a_folder_larger_than_its_siblings_is_sized_by_its_cousins() {
    let mut model = KeyModel::new("");
    let days = ["d1/", "d2/"];
    model.folders("", "/", "", &days, true);
    model.folders("d1/", "/", "", &["d1/h0/", "d1/h1/", "d1/h2/"], true);
    model.folders("d2/", "/", "", &["d2/h0/", "d2/h1/", "d2/h2/"], true);
    // Day 1 listed in full: hours of 10, 500 and 10 keys.
    let mut first: Vec<String> = (0..10).map(|n| format!("d1/h0/p-{n:05}")).collect();
    first.extend((0..500).map(|n| format!("d1/h1/p-{n:05}")));
    first.extend((0..10).map(|n| format!("d1/h2/p-{n:05}")));
    // Day 2: an hour of 10 keys, then the first 100 of the next.
    first.extend((0..10).map(|n| format!("d2/h0/p-{n:05}")));
    first.extend((0..100).map(|n| format!("d2/h1/p-{n:05}")));
    model.page("", &refs(&first), false);
    // Its only sibling listed in full holds 10 keys: it tells nothing of a folder past 100.
    assert_eq!(model.sibling_mean_at_least("d2/", 100.0), None);
    // Its cousin of 500 does: about 400 more, cut at the density of its keys.
    let rest = model.pieces("d2/h1/p-00099", Some("d2/h10"));
    let Some(Piece {
        kind: PieceKind::Extent { keys, .. },
        ..
    }) = rest.first()
    else {
        panic!("{rest:?}");
    };
    assert!((380.0..=420.0).contains(keys), "{keys}");
}

#[test]
fn a_range_cut_inside_a_flat_folder_is_cut_again_at_its_density() {
    let mut model = KeyModel::new("");
    let dirs: Vec<String> = (0..3).map(|n| format!("dir-{n:03}/")).collect();
    model.folders("", "/", "", &refs(&dirs), true);
    // dir-000 listed in full (1,000 keys), and the first 100 keys of dir-001.
    let mut first: Vec<String> = (0..1_000).map(|n| format!("dir-000/obj-{n:05}")).collect();
    first.extend((0..100).map(|n| format!("dir-001/obj-{n:05}")));
    model.page("", &refs(&first), false);
    // A range that starts 300 numbers into dir-001, nothing listed from there yet: its rest is
    // about the 700 keys its siblings' size leaves past it, at the density of those before.
    let rest = model.pieces("dir-001/obj-00300", Some("dir-0010"));
    let Some(
        piece @ Piece {
            kind: PieceKind::Extent { keys, .. },
            ..
        },
    ) = rest.first()
    else {
        panic!("a rest cut only at its ends: {rest:?}");
    };
    assert!((650.0..=750.0).contains(keys), "{keys}");
    let cut = model.cut(piece, 350.0).expect("a cut inside");
    assert!(
        cut.as_str() > "dir-001/obj-006" && cut.as_str() < "dir-001/obj-007",
        "{cut}"
    );
}

#[test]
fn a_folder_that_has_shown_as_many_keys_as_its_siblings_hold_is_at_its_end() {
    let mut model = KeyModel::new("");
    let dirs: Vec<String> = (0..3).map(|n| format!("dir-{n:03}/")).collect();
    model.folders("", "/", "", &refs(&dirs), true);
    // dir-000 listed in full (500 keys), then all 500 keys of dir-001, in pages of 100: the
    // last ends at dir-001's last key, so nothing yet tells that dir-001 ends there.
    let keys: Vec<String> = (0..1_000)
        .map(|n| format!("dir-{:03}/obj-{:05}", n / 500, n % 500))
        .collect();
    let mut after = String::new();
    for page in keys.chunks(100) {
        model.page(&after, &refs(page), false);
        after = page[99].clone();
    }
    // As large as its sibling: no more keys expected, and nothing to search.
    let rest = model.pieces("dir-001/obj-00499", Some("dir-0010"));
    let (known, unknown) = total(&rest);
    assert_eq!(unknown, 0, "{rest:?}");
    assert!(known < 1.0, "{known} {rest:?}");
}

#[test]
fn the_children_of_the_listings_prefix_have_no_cousins() {
    let mut model = KeyModel::new("");
    model.folders("", "/", "", &["a/", "b/"], true);
    model.folders("a/", "/", "", &["a/x/", "a/y/"], true);
    // a/x/ listed in full (500 keys), a/y/ in part: a/ itself is not measured.
    let mut keys: Vec<String> = (0..500).map(|n| format!("a/x/k-{n:04}")).collect();
    keys.push("a/y/k-0000".to_owned());
    model.page("", &refs(&keys), false);
    // a/ and b/ are children of the listing's prefix: a/x/ is a/'s child, not their cousin.
    assert_eq!(model.cousin_mean_at_least("", 100.0), None);
    // One level down, the children of a/ and of its siblings are cousins.
    assert_eq!(model.cousin_mean_at_least("a/", 100.0), Some(500.0));
}
