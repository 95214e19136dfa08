//! Page numbers without a total: the listing ends on a short (or empty) page.

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};
use serde::Deserialize;

use crate::server::{RECORDS, Server};

#[derive(Deserialize)]
pub struct ItemsPage {
    items: Vec<String>,
}

#[paginate(input_token = page, items = items: String, page_size = per_page, next_request = next_page)]
#[derive(Clone, Debug)]
pub struct ListItems {
    #[paginate(skip)]
    client: reqwest::Client,
    base: String,
    /// From 1; `None` is the first page.
    page: Option<u32>,
    per_page: Option<u32>,
}

const DEFAULT_PER_PAGE: u32 = 10;

/// The next page number, after a full page only.
fn next_page(mut request: ListItems, page: &ItemsPage) -> ListItems {
    let full = page.items.len() == request.per_page.unwrap_or(DEFAULT_PER_PAGE) as usize;
    request.page = full.then(|| request.page.unwrap_or(1) + 1);
    request
}

impl PageRequest for ListItems {
    type Output = ItemsPage;
    type Error = reqwest::Error;

    async fn send(self) -> Result<ItemsPage, reqwest::Error> {
        let per_page = self.per_page.unwrap_or(DEFAULT_PER_PAGE);
        self.client
            .get(format!("{}/pages/items", self.base))
            .query(&[("page", self.page.unwrap_or(1)), ("per_page", per_page)])
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}

#[tokio::test]
async fn page_numbers_until_a_short_page() {
    let server = Server::start().await;
    let request = ListItems {
        client: reqwest::Client::new(),
        base: server.base.clone(),
        page: None,
        per_page: None,
    };
    let want: Vec<String> = (0..RECORDS).map(|n| format!("item-{n:02}")).collect();
    // 47 = 4 x 10 + 7: the fifth page is short. 47 x 1: the 48th is empty.
    for (per_page, requests) in [(10, 5), (1, 48), (47, 2), (100, 1)] {
        let before = server.requests();
        let items: Vec<String> = request
            .clone()
            .into_paginator()
            .page_size(per_page)
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(items, want, "per page {per_page}");
        assert_eq!(server.requests() - before, requests, "per page {per_page}");
    }
}
