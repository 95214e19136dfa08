//! Google style: a token in the body, an empty string on the last page.

use futures::TryStreamExt;
use pagination_core::{Cursor, Error, IntoPaginator, PageRequest, paginate};
use serde::Deserialize;

use crate::server::{RECORDS, Server};

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct User {
    name: String,
    email: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListUsersResponse {
    users: Vec<User>,
    #[serde(default)]
    next_page_token: String,
}

#[paginate(
    input_token = page_token,
    output_token = next_page_token,
    items = users: User,
    page_size = page_size
)]
#[derive(Clone, Debug)]
pub struct ListUsers {
    #[paginate(skip)]
    client: reqwest::Client,
    base: String,
    page_token: Option<String>,
    page_size: Option<u32>,
}

impl PageRequest for ListUsers {
    type Output = ListUsersResponse;
    type Error = reqwest::Error;

    async fn send(self) -> Result<ListUsersResponse, reqwest::Error> {
        let mut query = Vec::new();
        if let Some(token) = &self.page_token {
            query.push(("pageToken", token.clone()));
        }
        if let Some(size) = self.page_size {
            query.push(("pageSize", size.to_string()));
        }
        self.client
            .get(format!("{}/google/users", self.base))
            .query(&query)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}

fn list_users(base: &str) -> ListUsers {
    ListUsers {
        client: reqwest::Client::new(),
        base: base.to_owned(),
        page_token: None,
        page_size: None,
    }
}

#[tokio::test]
async fn a_token_in_the_body_ends_on_an_empty_string() {
    let server = Server::start().await;
    let users: Vec<User> = list_users(&server.base)
        .into_paginator()
        .page_size(10)
        .items()
        .try_collect()
        .await
        .unwrap();
    let names: Vec<String> = users.into_iter().map(|user| user.name).collect();
    let want: Vec<String> = (0..RECORDS).map(|n| format!("users/{n:02}")).collect();
    assert_eq!(names, want);
    assert_eq!(server.requests(), 5);
}

#[tokio::test]
async fn a_cursor_resumes_with_another_client() {
    let server = Server::start().await;
    let mut first = list_users(&server.base)
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
    let rest: Vec<User> = list_users(&server.base)
        .into_paginator()
        .resume_from(&cursor)
        .unwrap()
        .page_size(7)
        .items()
        .try_collect()
        .await
        .unwrap();
    seen.extend(rest.into_iter().map(|user| user.name));
    let want: Vec<String> = (0..RECORDS).map(|n| format!("users/{n:02}")).collect();
    assert_eq!(seen, want);
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
