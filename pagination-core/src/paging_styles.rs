//! How popular HTTP APIs page, and the declaration for each. Every request here holds a
//! `reqwest::Client`, marked `#[paginate(skip)]`: a client is no parameter of the listing, so
//! cursors resume with any client, in any process. Each declaration also runs against a real
//! HTTP server in this crate's tests (`tests/styles/`), and the listings are used like any
//! other:
//!
//! ```ignore
//! let users: Vec<User> = request.into_paginator().page_size(100).items().try_collect().await?;
//! ```
//!
//! | style | token | end of the listing | key to note |
//! |---|---|---|---|
//! | [Google](#a-token-in-the-body-google) | `nextPageToken` in the body | an empty token | `output_token` |
//! | [Stripe](#the-last-items-id-stripe) | the last item's `id` | `has_more` false | a path with a method: `data.last()?.id`; a nested input token |
//! | [GitHub](#a-next-url-in-a-link-header-github) | the whole next URL, in a `Link` header | no `rel="next"` | the output built by `send` |
//! | [Offset and limit](#offset-and-limit-with-a-total) | an offset computed from the page | the total | `next_request` |
//! | [Page numbers](#page-numbers) | a page number | a short or empty page | `next_request` |
//! | [GraphQL](#a-cursor-nested-in-a-graphql-answer) | `pageInfo.endCursor` | `pageInfo.hasNextPage` false | nested paths; the token in a variables struct |
//!
//! # A token in the body (Google)
//!
//! The answer carries `nextPageToken`; the last page carries none, or an empty string, which
//! counts as none.
//!
//! ```no_run
//! use pagination_core::{PageRequest, paginate};
//! use serde::Deserialize;
//!
//! #[derive(Debug, Clone, PartialEq, Deserialize)]
//! pub struct User {
//!     name: String,
//!     email: String,
//! }
//!
//! #[derive(Deserialize)]
//! #[serde(rename_all = "camelCase")]
//! pub struct ListUsersResponse {
//!     users: Vec<User>,
//!     #[serde(default)]
//!     next_page_token: String,
//! }
//!
//! #[paginate(
//!     input_token = page_token,
//!     output_token = next_page_token,
//!     items = users: User,
//!     page_size = page_size
//! )]
//! #[derive(Clone, Debug)]
//! pub struct ListUsers {
//!     #[paginate(skip)]
//!     client: reqwest::Client,
//!     base: String,
//!     page_token: Option<String>,
//!     page_size: Option<u32>,
//! }
//!
//! impl PageRequest for ListUsers {
//!     type Output = ListUsersResponse;
//!     type Error = reqwest::Error;
//!
//!     async fn send(self) -> Result<ListUsersResponse, reqwest::Error> {
//!         let mut query = Vec::new();
//!         if let Some(token) = &self.page_token {
//!             query.push(("pageToken", token.clone()));
//!         }
//!         if let Some(size) = self.page_size {
//!             query.push(("pageSize", size.to_string()));
//!         }
//!         self.client
//!             .get(format!("{}/google/users", self.base))
//!             .query(&query)
//!             .send()
//!             .await?
//!             .error_for_status()?
//!             .json()
//!             .await
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! # The last item's id (Stripe)
//!
//! The next request starts after the last item of the page, and `has_more` says whether there
//! is one. The token lives in a parameters struct of its own (`params.starting_after`), as a
//! third-party SDK would define it.
//!
//! ```no_run
//! use pagination_core::{PageRequest, paginate};
//! use serde::Deserialize;
//!
//! #[derive(Debug, Clone, PartialEq, Deserialize)]
//! pub struct Customer {
//!     id: String,
//! }
//!
//! #[derive(Deserialize)]
//! pub struct CustomerList {
//!     data: Vec<Customer>,
//!     has_more: bool,
//! }
//!
//! /// A third-party parameters struct, as an SDK would define it: the token is one of its fields.
//! #[derive(Clone, Debug, Default, serde::Serialize)]
//! pub struct ListCustomersParams {
//!     #[serde(skip_serializing_if = "Option::is_none")]
//!     pub starting_after: Option<String>,
//!     #[serde(skip_serializing_if = "Option::is_none")]
//!     pub email: Option<String>,
//! }
//!
//! #[paginate(
//!     input_token = params.starting_after,
//!     output_token = data.last()?.id,
//!     more_results = has_more,
//!     items = data: Customer,
//!     page_size = limit
//! )]
//! #[derive(Clone, Debug)]
//! pub struct ListCustomers {
//!     #[paginate(skip)]
//!     client: reqwest::Client,
//!     base: String,
//!     params: ListCustomersParams,
//!     limit: Option<u8>,
//! }
//!
//! impl PageRequest for ListCustomers {
//!     type Output = CustomerList;
//!     type Error = reqwest::Error;
//!
//!     async fn send(self) -> Result<CustomerList, reqwest::Error> {
//!         let mut request = self
//!             .client
//!             .get(format!("{}/stripe/customers", self.base))
//!             .query(&self.params);
//!         if let Some(limit) = self.limit {
//!             request = request.query(&[("limit", limit)]);
//!         }
//!         request.send().await?.error_for_status()?.json().await
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! # A next URL in a Link header (GitHub)
//!
//! The token is the whole next request: the `rel="next"` URL of the `Link` header (RFC 8288).
//! `send` reads the header into the output, next to the items; the first request has no URL
//! and builds its own. The URL is absolute, so a cursor pins the host it was made against; keep
//! the base URL a parameter (not `skip`), so that a cursor of another host is refused.
//!
//! ```no_run
//! use pagination_core::{PageRequest, paginate};
//! use serde::Deserialize;
//!
//! #[derive(Debug, Clone, PartialEq, Deserialize)]
//! pub struct Repo {
//!     id: u64,
//!     full_name: String,
//! }
//!
//! /// One page: the body's items, and the `rel="next"` URL of the `Link` header.
//! pub struct ReposPage {
//!     repos: Vec<Repo>,
//!     next_url: Option<String>,
//! }
//!
//! /// The token is the whole next request: a URL. Without one, the first page's URL.
//! #[paginate(input_token = url, output_token = next_url, items = repos: Repo, page_size = per_page)]
//! #[derive(Clone, Debug)]
//! pub struct ListRepos {
//!     #[paginate(skip)]
//!     client: reqwest::Client,
//!     base: String,
//!     url: Option<String>,
//!     per_page: Option<u32>,
//! }
//!
//! /// The `rel="next"` target of a `Link` header (RFC 8288): `<url>; rel="next", <url>; rel="last"`.
//! fn next_link(header: &str) -> Option<String> {
//!     header.split(',').find_map(|link| {
//!         let (target, params) = link.trim().split_once(';')?;
//!         let is_next = params
//!             .split(';')
//!             .any(|param| param.trim().trim_start_matches("rel=").trim_matches('"') == "next");
//!         is_next.then(|| {
//!             target
//!                 .trim()
//!                 .trim_start_matches('<')
//!                 .trim_end_matches('>')
//!                 .to_owned()
//!         })
//!     })
//! }
//!
//! impl PageRequest for ListRepos {
//!     type Output = ReposPage;
//!     type Error = reqwest::Error;
//!
//!     async fn send(self) -> Result<ReposPage, reqwest::Error> {
//!         let url = match self.url {
//!             Some(url) => url,
//!             None => format!(
//!                 "{}/github/repos?per_page={}",
//!                 self.base,
//!                 self.per_page.unwrap_or(30)
//!             ),
//!         };
//!         let response = self.client.get(url).send().await?.error_for_status()?;
//!         let next_url = response
//!             .headers()
//!             .get(reqwest::header::LINK)
//!             .and_then(|value| value.to_str().ok())
//!             .and_then(next_link);
//!         Ok(ReposPage {
//!             repos: response.json().await?,
//!             next_url,
//!         })
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! # Offset and limit, with a total
//!
//! The next offset is computed, not copied: a `next_request` function adds the page's rows to
//! the offset, and ends the listing at the total (or on an empty page). There is no
//! `output_token`. The function sees the whole page even when a listing resumes in its middle.
//!
//! ```no_run
//! use pagination_core::{PageRequest, paginate};
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! pub struct RowsPage {
//!     rows: Vec<u64>,
//!     total: u64,
//! }
//!
//! #[paginate(input_token = offset, items = rows: u64, page_size = limit, next_request = next_offset)]
//! #[derive(Clone, Debug)]
//! pub struct ListRows {
//!     #[paginate(skip)]
//!     client: reqwest::Client,
//!     base: String,
//!     offset: Option<u64>,
//!     limit: Option<u32>,
//! }
//!
//! /// The offset after this page; none once the total is reached, or on an empty page.
//! fn next_offset(mut request: ListRows, page: &RowsPage) -> ListRows {
//!     let next = request.offset.unwrap_or(0) + page.rows.len() as u64;
//!     request.offset = (!page.rows.is_empty() && next < page.total).then_some(next);
//!     request
//! }
//!
//! impl PageRequest for ListRows {
//!     type Output = RowsPage;
//!     type Error = reqwest::Error;
//!
//!     async fn send(self) -> Result<RowsPage, reqwest::Error> {
//!         self.client
//!             .get(format!("{}/offset/rows", self.base))
//!             .query(&[
//!                 ("offset", self.offset.unwrap_or(0)),
//!                 ("limit", u64::from(self.limit.unwrap_or(10))),
//!             ])
//!             .send()
//!             .await?
//!             .error_for_status()?
//!             .json()
//!             .await
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! # Page numbers
//!
//! Without a total, the page after a full page is asked for, and a short or empty page is the
//! last.
//!
//! ```no_run
//! use pagination_core::{PageRequest, paginate};
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! pub struct ItemsPage {
//!     items: Vec<String>,
//! }
//!
//! #[paginate(input_token = page, items = items: String, page_size = per_page, next_request = next_page)]
//! #[derive(Clone, Debug)]
//! pub struct ListItems {
//!     #[paginate(skip)]
//!     client: reqwest::Client,
//!     base: String,
//!     /// From 1; `None` is the first page.
//!     page: Option<u32>,
//!     per_page: Option<u32>,
//! }
//!
//! const DEFAULT_PER_PAGE: u32 = 10;
//!
//! /// The next page number, after a full page only.
//! fn next_page(mut request: ListItems, page: &ItemsPage) -> ListItems {
//!     let full = page.items.len() == request.per_page.unwrap_or(DEFAULT_PER_PAGE) as usize;
//!     request.page = full.then(|| request.page.unwrap_or(1) + 1);
//!     request
//! }
//!
//! impl PageRequest for ListItems {
//!     type Output = ItemsPage;
//!     type Error = reqwest::Error;
//!
//!     async fn send(self) -> Result<ItemsPage, reqwest::Error> {
//!         let per_page = self.per_page.unwrap_or(DEFAULT_PER_PAGE);
//!         self.client
//!             .get(format!("{}/pages/items", self.base))
//!             .query(&[("page", self.page.unwrap_or(1)), ("per_page", per_page)])
//!             .send()
//!             .await?
//!             .error_for_status()?
//!             .json()
//!             .await
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! # A cursor nested in a GraphQL answer
//!
//! Paths walk into the answer (`data.repository.issues.page_info.end_cursor`), and the input
//! token can be a field of a variables struct (`variables.after`).
//!
//! ```no_run
//! use pagination_core::{PageRequest, paginate};
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Debug, Clone, PartialEq, Deserialize)]
//! pub struct Issue {
//!     number: u32,
//!     title: String,
//! }
//!
//! #[derive(Deserialize)]
//! pub struct Response {
//!     data: Data,
//! }
//!
//! #[derive(Deserialize)]
//! pub struct Data {
//!     repository: Repository,
//! }
//!
//! #[derive(Deserialize)]
//! pub struct Repository {
//!     issues: IssueConnection,
//! }
//!
//! #[derive(Deserialize)]
//! #[serde(rename_all = "camelCase")]
//! pub struct IssueConnection {
//!     nodes: Vec<Issue>,
//!     page_info: PageInfo,
//! }
//!
//! #[derive(Deserialize)]
//! #[serde(rename_all = "camelCase")]
//! pub struct PageInfo {
//!     end_cursor: Option<String>,
//!     has_next_page: bool,
//! }
//!
//! #[derive(Clone, Debug, Default, Serialize)]
//! pub struct Variables {
//!     first: Option<u32>,
//!     after: Option<String>,
//! }
//!
//! const QUERY: &str = "query($first: Int, $after: String) { repository(owner: \"octo\", name: \"x\") \
//!     { issues(first: $first, after: $after) { nodes { number title } pageInfo { endCursor hasNextPage } } } }";
//!
//! #[paginate(
//!     input_token = variables.after,
//!     output_token = data.repository.issues.page_info.end_cursor,
//!     more_results = data.repository.issues.page_info.has_next_page,
//!     items = data.repository.issues.nodes: Issue,
//!     page_size = first
//! )]
//! #[derive(Clone, Debug)]
//! pub struct ListIssues {
//!     #[paginate(skip)]
//!     client: reqwest::Client,
//!     base: String,
//!     first: Option<u32>,
//!     variables: Variables,
//! }
//!
//! impl PageRequest for ListIssues {
//!     type Output = Response;
//!     type Error = reqwest::Error;
//!
//!     async fn send(self) -> Result<Response, reqwest::Error> {
//!         let variables = Variables {
//!             first: self.first,
//!             ..self.variables
//!         };
//!         self.client
//!             .post(format!("{}/graphql", self.base))
//!             .json(&serde_json::json!({ "query": QUERY, "variables": variables }))
//!             .send()
//!             .await?
//!             .error_for_status()?
//!             .json()
//!             .await
//!     }
//! }
//! # fn main() {}
//! ```
