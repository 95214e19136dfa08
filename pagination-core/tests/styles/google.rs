//! Google style: a token in the body, an empty string on the last page.

#[path = "declarations/google.rs"]
mod declaration;

use futures::TryStreamExt;
use pagination_core::{Cursor, Error, IntoPaginator};

use crate::drain;
use crate::server::{RECORDS, Server};
use declaration::{ListUsers, User};

fn list_users(base: &str) -> ListUsers {
    ListUsers {
        client: reqwest::Client::new(),
        base: base.to_owned(),
        page_token: None,
        page_size: None,
    }
}

fn names(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|n| format!("users/{n:02}")).collect()
}

#[tokio::test]
async fn a_token_in_the_body_ends_on_an_empty_string() {
    let server = Server::start().await;
    let users: Vec<User> = list_users(&format!("{}/google/plain", server.base))
        .into_paginator()
        .page_size(10)
        .items()
        .try_collect()
        .await
        .unwrap();
    let names_seen: Vec<String> = users.into_iter().map(|user| user.name).collect();
    assert_eq!(names_seen, names(0..RECORDS));
    assert_eq!(server.requests(), 5);
}

/// google-api-python-client#1843: proto3's JSON leaves an empty list out, so the last page of a
/// listing that ends on a full page, and an empty collection, carry no `users` at all.
#[tokio::test]
async fn a_page_without_its_item_list_is_a_page_without_items() {
    let server = Server::start().await;
    for (page_size, requests) in [(47, 2), (10, 6), (1, 48)] {
        let before = server.requests();
        let (users, error) = drain(
            list_users(&format!("{}/google/sparse", server.base))
                .into_paginator()
                .page_size(page_size)
                .items(),
        )
        .await;
        assert!(error.is_none(), "{error:?}");
        let seen: Vec<String> = users.into_iter().map(|user| user.name).collect();
        assert_eq!(seen, names(0..RECORDS), "pages of {page_size}");
        assert_eq!(server.requests() - before, requests, "pages of {page_size}");
    }
    let (users, error) = drain(
        list_users(&format!("{}/google/empty", server.base))
            .into_paginator()
            .items(),
    )
    .await;
    assert!(users.is_empty() && error.is_none(), "{users:?} {error:?}");
}

/// gogcli#1004: a token sent back while more pages exist. The listing cannot be completed, so it
/// must not end as if it were: the pages up to the repeat, then an error.
#[tokio::test]
async fn a_token_repeated_while_more_pages_exist_is_an_error_not_a_short_listing() {
    let server = Server::start().await;
    let (users, error) = drain(
        list_users(&format!("{}/google/repeat", server.base))
            .into_paginator()
            .page_size(10)
            .items(),
    )
    .await;
    let seen: Vec<String> = users.into_iter().map(|user| user.name).collect();
    assert_eq!(seen, names(0..30));
    assert!(
        matches!(error, Some(Error::DuplicateToken { .. })),
        "{error:?}"
    );
    assert_eq!(server.requests(), 3);
}

#[tokio::test]
async fn a_cursor_resumes_with_another_client() {
    let server = Server::start().await;
    let base = format!("{}/google/plain", server.base);
    let mut first = list_users(&base)
        .into_paginator()
        .page_size(7)
        .max_items(12)
        .items();
    let mut seen = Vec::new();
    while let Some(user) = first.try_next().await.unwrap() {
        seen.push(user.name);
    }
    let saved = first.cursor().unwrap().to_string();
    // Later, with a client of its own (a new connection pool): the client is no parameter.
    let cursor: Cursor = saved.parse().unwrap();
    let rest: Vec<User> = list_users(&base)
        .into_paginator()
        .resume_from(&cursor)
        .unwrap()
        .page_size(7)
        .items()
        .try_collect()
        .await
        .unwrap();
    seen.extend(rest.into_iter().map(|user| user.name));
    assert_eq!(seen, names(0..RECORDS));
}

#[tokio::test]
async fn a_failed_request_says_what_the_client_said() {
    let server = Server::start().await;
    // A base whose path does not exist: the server answers 404.
    let request = list_users(&format!("{}/nowhere", server.base));
    let error = request
        .into_paginator()
        .items()
        .try_next()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Request { .. }));
    let text = error.to_string();
    assert!(text.starts_with("a page request failed: "), "{text}");
    assert!(text.contains("404"), "{text}");
}
