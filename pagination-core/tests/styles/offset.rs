//! Offset and limit with a total: the next offset is computed, not copied.

#[path = "declarations/offset.rs"]
mod declaration;

use futures::TryStreamExt;
use pagination_core::IntoPaginator;

use crate::server::{RECORDS, Server};
use declaration::ListRows;

#[tokio::test]
async fn offsets_up_to_the_total() {
    let server = Server::start().await;
    let request = ListRows {
        client: reqwest::Client::new(),
        base: format!("{}/offset", server.base),
        offset: None,
        limit: None,
    };
    for (limit, requests) in [(10, 5), (47, 1), (50, 1), (1, 47)] {
        let before = server.requests();
        let rows: Vec<u64> = request
            .clone()
            .into_paginator()
            .page_size(limit)
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(
            rows,
            (0..RECORDS as u64).collect::<Vec<_>>(),
            "limit {limit}"
        );
        assert_eq!(server.requests() - before, requests, "limit {limit}");
    }
    // Resuming in the middle of a page still counts the whole page into the next offset.
    let mut first = request
        .clone()
        .into_paginator()
        .page_size(10)
        .max_items(13)
        .items();
    while first.try_next().await.unwrap().is_some() {}
    let rest: Vec<u64> = request
        .into_paginator()
        .page_size(10)
        .resume_from(&first.cursor().unwrap())
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest, (13..RECORDS as u64).collect::<Vec<_>>());
}
