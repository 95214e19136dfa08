//! One small HTTP server for every style: the same 47 records, paged six ways. Started on
//! 127.0.0.1 with a free port, on the test's runtime; dropping it stops it.

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Json;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use tokio::task::JoinHandle;

/// How many records every style serves.
pub const RECORDS: usize = 47;

pub struct Server {
    pub base: String,
    requests: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl Server {
    pub async fn start() -> Server {
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .await
            .unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Shared {
            base: base.clone(),
            requests: Arc::default(),
        };
        let requests = Arc::clone(&state.requests);
        let app = Router::new()
            .route("/google/users", get(google))
            .route("/stripe/customers", get(stripe))
            .route("/github/repos", get(github))
            .route("/offset/rows", get(offset))
            .route("/pages/items", get(pages))
            .route("/graphql", post(graphql))
            .route("/broken", get(broken))
            .with_state(state);
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Server {
            base,
            requests,
            task,
        }
    }

    /// How many requests were answered.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[derive(Clone)]
struct Shared {
    base: String,
    requests: Arc<AtomicUsize>,
}

type Params = Query<HashMap<String, String>>;

fn number(params: &HashMap<String, String>, name: &str, default: usize) -> usize {
    params
        .get(name)
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// Records `start..end` of the 47, clamped.
fn range(start: usize, len: usize) -> std::ops::Range<usize> {
    start.min(RECORDS)..(start + len).min(RECORDS)
}

/// Google style: `pageToken` and `pageSize`; `nextPageToken` is `""` on the last page.
async fn google(State(state): State<Shared>, Query(params): Params) -> Json<Value> {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let start = params
        .get("pageToken")
        .and_then(|token| token.strip_prefix("after-"))
        .and_then(|offset| offset.parse().ok())
        .unwrap_or(0);
    let page = range(start, number(&params, "pageSize", 10));
    let next = if page.end < RECORDS {
        format!("after-{}", page.end)
    } else {
        String::new()
    };
    let users: Vec<Value> = page
        .map(|n| json!({ "name": format!("users/{n:02}"), "email": format!("u{n}@example.com") }))
        .collect();
    Json(json!({ "users": users, "nextPageToken": next }))
}

/// Stripe style: `starting_after` is an object id, `limit`; `has_more`.
async fn stripe(State(state): State<Shared>, Query(params): Params) -> Json<Value> {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let start = params
        .get("starting_after")
        .and_then(|id| id.strip_prefix("cus_"))
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(0, |n| n + 1);
    let page = range(start, number(&params, "limit", 10));
    let has_more = page.end < RECORDS;
    let data: Vec<Value> = page
        .map(|n| json!({ "id": format!("cus_{n:03}"), "object": "customer" }))
        .collect();
    Json(json!({ "object": "list", "data": data, "has_more": has_more }))
}

/// GitHub style: `page` (from 1) and `per_page`; the next page's whole URL in a `Link` header.
async fn github(State(state): State<Shared>, Query(params): Params) -> Response {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let page = number(&params, "page", 1).max(1);
    let per_page = number(&params, "per_page", 30);
    let records = range((page - 1) * per_page, per_page);
    let mut headers = HeaderMap::new();
    let last = RECORDS.div_ceil(per_page);
    let url = |page: usize| {
        format!(
            "{}/github/repos?per_page={per_page}&page={page}",
            state.base
        )
    };
    let mut links = Vec::new();
    if records.end < RECORDS {
        links.push(format!("<{}>; rel=\"next\"", url(page + 1)));
    }
    links.push(format!("<{}>; rel=\"last\"", url(last)));
    headers.insert(
        header::LINK,
        HeaderValue::from_str(&links.join(", ")).unwrap(),
    );
    let repos: Vec<Value> = records
        .map(|n| json!({ "id": n, "full_name": format!("octo/repo-{n:02}") }))
        .collect();
    (headers, Json(Value::Array(repos))).into_response()
}

/// Offset and limit, with the total.
async fn offset(State(state): State<Shared>, Query(params): Params) -> Json<Value> {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let page = range(number(&params, "offset", 0), number(&params, "limit", 10));
    let rows: Vec<usize> = page.collect();
    Json(json!({ "rows": rows, "total": RECORDS }))
}

/// Page numbers from 1 and `per_page`; no total: the last page is short or empty.
async fn pages(State(state): State<Shared>, Query(params): Params) -> Json<Value> {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let per_page = number(&params, "per_page", 10);
    let page = number(&params, "page", 1).max(1);
    let items: Vec<String> = range((page - 1) * per_page, per_page)
        .map(|n| format!("item-{n:02}"))
        .collect();
    Json(json!({ "items": items }))
}

/// GraphQL: `first` and `after` variables; `pageInfo { endCursor hasNextPage }` nested deep in
/// the answer.
async fn graphql(State(state): State<Shared>, Json(body): Json<Value>) -> Json<Value> {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let variables = &body["variables"];
    let first = variables["first"].as_u64().unwrap_or(10) as usize;
    let start = variables["after"]
        .as_str()
        .and_then(|cursor| cursor.strip_prefix("Y3Vyc29y:"))
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(0, |n| n + 1);
    let page = range(start, first);
    let end_cursor = (!page.is_empty()).then(|| format!("Y3Vyc29y:{}", page.end - 1));
    let has_next_page = page.end < RECORDS;
    let nodes: Vec<Value> = page
        .map(|n| json!({ "number": n + 1, "title": format!("Issue {}", n + 1) }))
        .collect();
    Json(json!({
        "data": { "repository": { "issues": {
            "nodes": nodes,
            "pageInfo": { "endCursor": end_cursor, "hasNextPage": has_next_page },
        } } }
    }))
}

/// Always fails, with a message in the body.
async fn broken(State(state): State<Shared>) -> (StatusCode, &'static str) {
    state.requests.fetch_add(1, Ordering::Relaxed);
    (StatusCode::SERVICE_UNAVAILABLE, "try again later")
}
