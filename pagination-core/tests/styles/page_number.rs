//! Page numbers without a total: the listing ends on an empty page, never on a page shorter than
//! asked, which may be the service's clamp.

#[path = "declarations/page_number.rs"]
mod declaration;

use futures::TryStreamExt;
use pagination_core::IntoPaginator;

use crate::server::{RECORDS, Server};
use declaration::ListItems;

fn list_items(base: String) -> ListItems {
    ListItems {
        client: reqwest::Client::new(),
        base,
        page: None,
        per_page: None,
    }
}

fn items(len: usize) -> Vec<String> {
    (0..len).map(|n| format!("item-{n:03}")).collect()
}

#[tokio::test]
async fn page_numbers_until_an_empty_page() {
    let server = Server::start().await;
    let request = list_items(format!("{}/pages/plain", server.base));
    // 47 = 4 x 10 + 7, and the sixth page is empty. The service's default, 30: 2 pages.
    for (per_page, requests) in [(Some(10), 6), (Some(1), 48), (Some(47), 2), (None, 3)] {
        let before = server.requests();
        let paginator = request.clone().into_paginator();
        let paginator = match per_page {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let seen: Vec<String> = paginator.items().try_collect().await.unwrap();
        assert_eq!(seen, items(RECORDS), "per page {per_page:?}");
        assert_eq!(
            server.requests() - before,
            requests,
            "per page {per_page:?}"
        );
    }
}

/// github/docs#45189: `per_page` over 100 is silently 100. A page of 100 for 200 asked is no
/// last page: 250 of 250, not 100.
#[tokio::test]
async fn a_service_that_clamps_the_page_size_loses_nothing() {
    let server = Server::start().await;
    let request = list_items(format!("{}/pages/clamp100", server.base));
    let paginator = request.into_paginator().page_size(200);
    assert_eq!(
        paginator.request().per_page,
        Some(100),
        "the declaration's max_page_size clamps before any request"
    );
    let seen: Vec<String> = paginator.items().try_collect().await.unwrap();
    assert_eq!(seen, items(250));
    assert_eq!(server.requests(), 4, "100, 100, 50, and the empty page");

    // A service that clamps below what the declaration says it honours: still every item.
    let before = server.requests();
    let seen: Vec<String> = list_items(format!("{}/pages/clamp20", server.base))
        .into_paginator()
        .page_size(50)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(seen, items(RECORDS));
    assert_eq!(
        server.requests() - before,
        4,
        "20, 20, 7, and the empty page"
    );
}
