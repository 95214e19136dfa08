//! Loop guards: a repeated token, a cycle, "more results" without a token, a page limit. Each has
//! a policy; the defaults never loop forever and never stop silently where items could be lost.

use futures::TryStreamExt;
use pagination_core::{Error, GuardPolicy, IntoPaginator};

use crate::drain;
use crate::model::*;

fn flagged(len: usize, misbehaviour: Misbehaviour) -> (Server, ListFlagged) {
    let server = Server::default();
    let request = ListFlagged {
        server: server.clone(),
        len,
        misbehaviour,
        marker: None,
        size: None,
    };
    (server, request)
}

fn entries(items: &[ListFlaggedItem]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| match item {
            ListFlaggedItem::Entry(entry) => Some(entry.clone()),
            ListFlaggedItem::Prefix(_) => None,
        })
        .collect()
}

#[tokio::test]
async fn a_duplicate_token_can_be_an_error() {
    let server = Server::default();
    let request = ListOne {
        last_page: LastPage::SameToken,
        ..ListOne::new(&server, 13)
    };
    let (items, error) = drain(
        request
            .into_paginator()
            .page_size(5)
            .on_duplicate_token(GuardPolicy::Error)
            .items(),
    )
    .await;
    assert_eq!(
        items,
        catalog(13),
        "the page that repeated the token is still yielded"
    );
    assert!(matches!(error, Some(Error::DuplicateToken { .. })));
    assert_eq!(server.calls(), 3);
}

#[tokio::test]
async fn a_cycle_is_an_error_by_default_before_any_page_repeats() {
    // Pages 0, 1, 2, 3, then page 3 points back to page 1.
    let (server, request) = flagged(40, Misbehaviour::CycleBack { at: 3, to: 1 });
    let (items, error) = drain(request.clone().into_paginator().items()).await;
    assert_eq!(entries(&items), catalog(16), "four pages, none twice");
    let error = error.expect("the cycle is reported");
    assert!(matches!(error, Error::TokenCycle { .. }), "{error:?}");
    assert_eq!(server.calls(), 4);

    // Stop: the same pages, quietly.
    let (_, request) = flagged(40, Misbehaviour::CycleBack { at: 3, to: 1 });
    let (items, error) = drain(
        request
            .into_paginator()
            .on_token_cycle(GuardPolicy::Stop)
            .items(),
    )
    .await;
    assert_eq!(entries(&items), catalog(16));
    assert!(error.is_none());

    // Continue: the loop goes on until another limit ends it.
    let (server, request) = flagged(40, Misbehaviour::CycleBack { at: 3, to: 1 });
    let items: Vec<_> = request
        .into_paginator()
        .on_token_cycle(GuardPolicy::Continue)
        .max_pages(10)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(server.calls(), 10);
    assert_eq!(entries(&items).len(), 40);
}

#[tokio::test]
async fn a_cycle_longer_than_the_exact_window_still_ends() {
    // 5,000 pages of one item, then back to the first: longer than the 4,096 tokens remembered
    // exactly. The listing still ends, with the error, before one full cycle has repeated.
    let (server, request) = flagged(100_000, Misbehaviour::CycleBack { at: 5_000, to: 0 });
    let (_, error) = drain(request.into_paginator().page_size(1).items()).await;
    assert!(matches!(error, Some(Error::TokenCycle { .. })), "{error:?}");
    assert!(server.calls() < 2 * 5_001, "{} requests", server.calls());
}

#[tokio::test]
async fn more_results_without_a_token_is_an_error_by_default() {
    let (_, request) = flagged(40, Misbehaviour::NoMarker { at: 2 });
    let (items, error) = drain(request.clone().into_paginator().items()).await;
    assert_eq!(entries(&items), catalog(12));
    assert!(
        matches!(error, Some(Error::MissingToken { .. })),
        "{error:?}"
    );

    let (items, error) = drain(
        request
            .clone()
            .into_paginator()
            .on_missing_token(GuardPolicy::Stop)
            .items(),
    )
    .await;
    assert_eq!(entries(&items), catalog(12));
    assert!(error.is_none());

    // Continue sends the next request without a token, which restarts the listing; the cycle
    // guard then ends it before a page repeats.
    let (items, error) = drain(
        request
            .into_paginator()
            .on_missing_token(GuardPolicy::Continue)
            .items(),
    )
    .await;
    assert_eq!(entries(&items), catalog(12));
    assert!(matches!(error, Some(Error::TokenCycle { .. })), "{error:?}");
}

#[tokio::test]
async fn a_page_limit_can_be_an_error_that_carries_where_to_continue() {
    let server = Server::default();
    let paginator = ListOne::new(&server, 23).into_paginator().page_size(5);
    let (pages, error) = drain(
        paginator
            .clone()
            .max_pages(2)
            .on_page_limit(GuardPolicy::Error)
            .send(),
    )
    .await;
    assert_eq!(pages.len(), 2);
    let error = error.expect("the limit is reported");
    assert!(matches!(error, Error::PageLimit { .. }));
    let rest: Vec<String> = paginator
        .resume_from(error.cursor())
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest, catalog(23)[10..]);
}
