//! GraphQL: a cursor nested deep in the answer, the token in a variables struct.

#[path = "declarations/graphql.rs"]
mod declaration;

use futures::TryStreamExt;
use pagination_core::IntoPaginator;

use crate::server::{RECORDS, Server};
use declaration::{Issue, ListIssues, Variables};

#[tokio::test]
async fn a_cursor_nested_in_the_answer() {
    let server = Server::start().await;
    let issues: Vec<Issue> = ListIssues {
        client: reqwest::Client::new(),
        endpoint: format!("{}/graphql", server.base),
        first: None,
        variables: Variables::default(),
    }
    .into_paginator()
    .page_size(20)
    .items()
    .try_collect()
    .await
    .unwrap();
    let numbers: Vec<u32> = issues.iter().map(|issue| issue.number).collect();
    assert_eq!(numbers, (1..=RECORDS as u32).collect::<Vec<_>>());
    assert_eq!(issues[0].title, "Issue 1");
    assert_eq!(server.requests(), 3);
}
