//! GraphQL: `pageInfo { endCursor hasNextPage }` nested deep in the answer, and the cursor sent
//! back as a variable.

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};
use serde::{Deserialize, Serialize};

use crate::server::{RECORDS, Server};

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Issue {
    number: u32,
    title: String,
}

#[derive(Deserialize)]
pub struct Response {
    data: Data,
}

#[derive(Deserialize)]
pub struct Data {
    repository: Repository,
}

#[derive(Deserialize)]
pub struct Repository {
    issues: IssueConnection,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssueConnection {
    nodes: Vec<Issue>,
    page_info: PageInfo,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    end_cursor: Option<String>,
    has_next_page: bool,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Variables {
    first: Option<u32>,
    after: Option<String>,
}

const QUERY: &str = "query($first: Int, $after: String) { repository(owner: \"octo\", name: \"x\") \
    { issues(first: $first, after: $after) { nodes { number title } pageInfo { endCursor hasNextPage } } } }";

#[paginate(
    input_token = variables.after,
    output_token = data.repository.issues.page_info.end_cursor,
    more_results = data.repository.issues.page_info.has_next_page,
    items = data.repository.issues.nodes: Issue,
    page_size = first
)]
#[derive(Clone, Debug)]
pub struct ListIssues {
    #[paginate(skip)]
    client: reqwest::Client,
    base: String,
    first: Option<u32>,
    variables: Variables,
}

impl PageRequest for ListIssues {
    type Output = Response;
    type Error = reqwest::Error;

    async fn send(self) -> Result<Response, reqwest::Error> {
        let variables = Variables {
            first: self.first,
            ..self.variables
        };
        self.client
            .post(format!("{}/graphql", self.base))
            .json(&serde_json::json!({ "query": QUERY, "variables": variables }))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}

#[tokio::test]
async fn a_cursor_nested_in_the_answer() {
    let server = Server::start().await;
    let issues: Vec<Issue> = ListIssues {
        client: reqwest::Client::new(),
        base: server.base.clone(),
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
