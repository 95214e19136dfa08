//! Where the cursor points when a guard or a limit ends a listing: after the page's items, so
//! that resuming loses and repeats nothing, on every guard and limit, and on a tail API
//! followed through a repeated token.

// Request fields here exist to be fingerprinted, not read.
#![allow(dead_code, clippy::box_collection)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::TryStreamExt;
use pagination_core::{Error, GuardPolicy, IntoPaginator, PageRequest, Paginator, paginate};

use crate::drain;
use crate::model::*;

fn flagged(len: usize, misbehaviour: Misbehaviour) -> ListFlagged {
    ListFlagged {
        server: Server::default(),
        len,
        misbehaviour,
        marker: None,
        size: None,
    }
}

/// Every item of the listing up to the guard's error, and the error.
async fn listed_then_resumed(
    paginator: Paginator<ListFlagged>,
    fresh: impl Fn() -> Paginator<ListFlagged>,
) -> (Vec<ListFlaggedItem>, Vec<ListFlaggedItem>) {
    let mut stream = paginator.items();
    let mut seen = Vec::new();
    loop {
        match stream.try_next().await {
            Ok(Some(item)) => seen.push(item),
            Ok(None) => break,
            Err(error) => {
                assert_eq!(Some(error.cursor().clone()), stream.cursor());
                break;
            }
        }
    }
    let Some(cursor) = stream.cursor() else {
        return (seen, Vec::new());
    };
    let (rest, _) = drain(fresh().resume_from(&cursor).unwrap().items()).await;
    (seen, rest)
}

fn repeated(seen: &[ListFlaggedItem], rest: &[ListFlaggedItem]) -> Vec<ListFlaggedItem> {
    rest.iter()
        .filter(|item| seen.contains(item))
        .cloned()
        .collect()
}

/// The flag says more but page 1 has no marker. With no limit, the missing-token guard's cursor
/// points after page 1's items. With a `max_pages` or `max_items` limit reached on that very
/// page, the listing "ends cleanly", and its cursor must not send a resume back to page 0.
#[tokio::test]
async fn max_pages_reached_on_a_page_without_a_token_leaves_a_cursor_that_repeats_nothing() {
    let misbehaviour = Misbehaviour::NoMarker { at: 1 };
    let (seen, rest) = listed_then_resumed(flagged(17, misbehaviour).into_paginator(), || {
        flagged(17, misbehaviour).into_paginator()
    })
    .await;
    assert_eq!(seen.len(), 10);
    assert!(repeated(&seen, &rest).is_empty(), "guard: {rest:?}");

    let (seen, rest) = listed_then_resumed(
        flagged(17, misbehaviour).into_paginator().max_pages(2),
        || flagged(17, misbehaviour).into_paginator(),
    )
    .await;
    assert_eq!(seen.len(), 10);
    assert!(
        repeated(&seen, &rest).is_empty(),
        "max_pages(2): resuming repeats {:?}",
        repeated(&seen, &rest)
    );
}

/// The same with `max_items` reached exactly at the end of that page.
#[tokio::test]
async fn max_items_reached_on_a_page_without_a_token_leaves_a_cursor_that_repeats_nothing() {
    let misbehaviour = Misbehaviour::NoMarker { at: 1 };
    let (seen, rest) = listed_then_resumed(
        flagged(17, misbehaviour).into_paginator().max_items(10),
        || flagged(17, misbehaviour).into_paginator(),
    )
    .await;
    assert_eq!(seen.len(), 10);
    assert!(
        repeated(&seen, &rest).is_empty(),
        "max_items(10): resuming repeats {:?}",
        repeated(&seen, &rest)
    );
}

/// A service that points back to an earlier page (a cycle). Whether the listing ended at the
/// cycle guard or at a `max_pages` limit reached on that page, its cursor points after the page's
/// items; a resumed listing starts with no token history (the cycle guard does not span resumes,
/// as documented), follows the service back into the cycle once, and ends with
/// `Error::TokenCycle` again: never a listing that completes with items repeated.
#[tokio::test]
async fn resuming_after_a_token_cycle_meets_the_cycle_guard_again() {
    let misbehaviour = Misbehaviour::CycleBack { at: 2, to: 1 };
    for (limited, prefetch) in [(false, 0), (false, 2), (true, 0)] {
        let mut paginator = flagged(40, misbehaviour)
            .into_paginator()
            .prefetch(prefetch);
        if limited {
            paginator = paginator.max_pages(3);
        }
        let mut stream = paginator.items();
        let mut seen = Vec::new();
        while let Ok(Some(item)) = stream.try_next().await {
            seen.push(item);
        }
        assert_eq!(seen.len(), 15);
        let cursor = stream.cursor().expect("the listing is not complete");
        let (rest, error) = drain(
            flagged(40, misbehaviour)
                .into_paginator()
                .resume_from(&cursor)
                .unwrap()
                .items(),
        )
        .await;
        assert!(
            matches!(error, Some(Error::TokenCycle { .. })),
            "limited {limited}, prefetch {prefetch}: {error:?}"
        );
        // One pass through the cycle (pages 1 and 2), not more.
        assert!(rest.len() <= 10, "limited {limited}: {} items", rest.len());
    }
}

/// The duplicate and missing-token guards, with the page stream and the item stream, with and
/// without prefetch: the error's cursor and the stream's agree, and resuming repeats nothing.
#[tokio::test]
async fn guard_cursors_agree_across_streams_and_prefetch() {
    for misbehaviour in [
        Misbehaviour::CycleBack { at: 2, to: 2 },
        Misbehaviour::NoMarker { at: 2 },
    ] {
        for prefetch in [0, 1, 2] {
            let (seen, rest) = listed_then_resumed(
                flagged(40, misbehaviour)
                    .into_paginator()
                    .prefetch(prefetch),
                || flagged(40, misbehaviour).into_paginator(),
            )
            .await;
            assert_eq!(seen.len(), 15, "{misbehaviour:?}");
            assert!(repeated(&seen, &rest).is_empty(), "{misbehaviour:?}");

            let mut pages = flagged(40, misbehaviour)
                .into_paginator()
                .prefetch(prefetch)
                .send();
            let mut count = 0;
            let error = loop {
                match pages.try_next().await {
                    Ok(Some(_)) => count += 1,
                    Ok(None) => panic!("{misbehaviour:?}: no error"),
                    Err(error) => break error,
                }
            };
            assert_eq!(count, 3);
            assert_eq!(Some(error.cursor()), pages.cursor());
            assert_eq!(error.cursor().offset(), 5, "after page 2's 5 items");
        }
    }
}

/// A service that returns the token it was sent with *new* items each time (a tail, as
/// CloudWatch Logs' GetLogEvents does with its forward token), followed with
/// `on_duplicate_token(Continue)`: the item stream's cursor between two pages must resume where
/// the live stream goes on.
#[paginate(input_token = token, output_token = next, items = events: u32)]
#[derive(Clone, Debug)]
struct TailEvents {
    #[paginate(skip)]
    log: Arc<AtomicUsize>,
    token: Option<String>,
}

struct EventsPage {
    events: Vec<u32>,
    next: Option<String>,
}

impl PageRequest for TailEvents {
    type Output = EventsPage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<EventsPage, Self::Error> {
        // Each call sees two more events; the forward token does not change.
        let start = self.log.fetch_add(2, Ordering::SeqCst) as u32;
        Ok(EventsPage {
            events: vec![start, start + 1],
            next: Some("f/forward".into()),
        })
    }
}

#[tokio::test]
async fn a_followed_duplicate_token_leaves_a_cursor_that_loses_nothing() {
    let log = Arc::new(AtomicUsize::new(0));
    let paginator = TailEvents {
        log: log.clone(),
        token: None,
    }
    .into_paginator()
    .on_duplicate_token(GuardPolicy::Continue);
    // Two pages: [0, 1] (no token sent), [2, 3] (the forward token, returned again).
    let mut stream = paginator.clone().max_pages(2).items();
    let mut seen = Vec::new();
    while let Some(event) = stream.try_next().await.unwrap() {
        seen.push(event);
    }
    assert_eq!(seen, [0, 1, 2, 3]);
    let cursor = stream.cursor().expect("the tail goes on");
    // The live stream would request the forward token again and get [4, 5]: so must a resume.
    let mut resumed = paginator.resume_from(&cursor).unwrap().max_pages(1).items();
    let mut rest = Vec::new();
    while let Some(event) = resumed.try_next().await.unwrap() {
        rest.push(event);
    }
    assert_eq!(rest, [4, 5], "the resume skipped the new events");
}
