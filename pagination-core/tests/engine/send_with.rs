//! `send_with` reaches every page, resumed ones too, and a sender that answers the wrong page
//! meets the guards.

// Request fields here exist to be fingerprinted, not read.
#![allow(dead_code, clippy::box_collection)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::TryStreamExt;
use pagination_core::{Error, IntoPaginator, PageRequest};

use crate::drain;
use crate::model::*;

/// `send_with` on every page, after a resume, with prefetch, on clones; a sender that fails; a
/// sender that answers another request's page (the engine still follows its own tokens).
#[tokio::test]
async fn send_with_reaches_every_page() {
    for prefetch in [0, 2] {
        let server = Server::default();
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = calls.clone();
        let paginator = ListOne::new(&server, 23)
            .into_paginator()
            .page_size(5)
            .prefetch(prefetch)
            .send_with(move |request: ListOne| {
                counted.fetch_add(1, Ordering::SeqCst);
                request.send()
            });
        let mut head = paginator.clone().max_items(7).items();
        while head.try_next().await.unwrap().is_some() {}
        let cursor = head.cursor().unwrap();
        let rest: Vec<String> = paginator
            .clone()
            .resume_from(&cursor)
            .unwrap()
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(rest, catalog(23)[7..]);
        assert_eq!(calls.load(Ordering::SeqCst), server.calls());
    }

    // A sender that fails on its second call: the error's cursor retries page 2 without it.
    let server = Server::default();
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let failing = ListOne::new(&server, 12)
        .into_paginator()
        .page_size(5)
        .send_with(move |request: ListOne| {
            let call = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                if call == 1 {
                    Err(ApiError(99))
                } else {
                    request.send().await
                }
            }
        });
    let (items, error) = drain(failing.items()).await;
    assert_eq!(items, catalog(5));
    let error = error.unwrap();
    assert!(error.to_string().contains("request 99 failed"), "{error}");
    let rest: Vec<String> = ListOne::new(&server, 12)
        .into_paginator()
        .page_size(5)
        .resume_from(error.cursor())
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest, catalog(12)[5..]);

    // A sender that always answers the first page: its token ("5") comes back for every request,
    // a duplicate from the second page on: an error after that page, never a quiet end.
    let server = Server::default();
    let first_page = ListOne::new(&server, 12)
        .into_paginator()
        .page_size(5)
        .send_with(|request: ListOne| {
            ListOne {
                after: None,
                ..request
            }
            .send()
        });
    let mut pages = first_page.send();
    let mut count = 0;
    let error = loop {
        match pages.try_next().await {
            Ok(Some(_)) => count += 1,
            Ok(None) => panic!("the listing ended quietly on a repeated token"),
            Err(error) => break error,
        }
    };
    assert!(matches!(error, Error::DuplicateToken { .. }), "{error:?}");
    assert_eq!(count, 2, "page 1, then page '5' answered with page 1 again");
}
