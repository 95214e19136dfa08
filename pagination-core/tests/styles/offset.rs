//! Offset and limit with a total: the next offset is computed, not copied.

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};
use serde::Deserialize;

use crate::server::{RECORDS, Server};

#[derive(Deserialize)]
pub struct RowsPage {
    rows: Vec<u64>,
    total: u64,
}

#[paginate(input_token = offset, items = rows: u64, page_size = limit, next_request = next_offset)]
#[derive(Clone, Debug)]
pub struct ListRows {
    #[paginate(skip)]
    client: reqwest::Client,
    base: String,
    offset: Option<u64>,
    limit: Option<u32>,
}

/// The offset after this page; none once the total is reached, or on an empty page.
fn next_offset(mut request: ListRows, page: &RowsPage) -> ListRows {
    let next = request.offset.unwrap_or(0) + page.rows.len() as u64;
    request.offset = (!page.rows.is_empty() && next < page.total).then_some(next);
    request
}

impl PageRequest for ListRows {
    type Output = RowsPage;
    type Error = reqwest::Error;

    async fn send(self) -> Result<RowsPage, reqwest::Error> {
        self.client
            .get(format!("{}/offset/rows", self.base))
            .query(&[
                ("offset", self.offset.unwrap_or(0)),
                ("limit", u64::from(self.limit.unwrap_or(10))),
            ])
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}

#[tokio::test]
async fn offsets_up_to_the_total() {
    let server = Server::start().await;
    let request = ListRows {
        client: reqwest::Client::new(),
        base: server.base.clone(),
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
