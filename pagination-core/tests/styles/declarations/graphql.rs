use pagination_core::{PageRequest, paginate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Issue {
    pub number: u32,
    pub title: String,
}

#[derive(Deserialize)]
pub struct Response {
    pub data: Data,
}

#[derive(Deserialize)]
pub struct Data {
    pub repository: Repository,
}

#[derive(Deserialize)]
pub struct Repository {
    pub issues: IssueConnection,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssueConnection {
    #[serde(default)]
    pub nodes: Vec<Issue>,
    pub page_info: PageInfo,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    pub end_cursor: Option<String>,
    pub has_next_page: bool,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Variables {
    pub first: Option<u32>,
    pub after: Option<String>,
}

const QUERY: &str = "query($first: Int, $after: String) { repository(owner: \"octo\", name: \"x\") \
    { issues(first: $first, after: $after) { nodes { number title } pageInfo { endCursor hasNextPage } } } }";

#[paginate(
    input_token = variables.after,
    output_token = data.repository.issues.page_info.end_cursor,
    more_results = data.repository.issues.page_info.has_next_page,
    items = data.repository.issues.nodes: Issue,
    page_size = first,
    max_page_size = 100
)]
#[derive(Clone, Debug)]
pub struct ListIssues {
    #[paginate(skip)]
    pub client: reqwest::Client,
    /// The endpoint: `https://api.github.com/graphql`.
    pub endpoint: String,
    pub first: Option<u32>,
    pub variables: Variables,
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
            .post(self.endpoint)
            .json(&serde_json::json!({ "query": QUERY, "variables": variables }))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}
