//! One small HTTP server for every style: the same 47 records, paged eight ways, each way with
//! the odd cases public bug reports found, chosen by a path segment (`/github/comma/repos`).
//! Started on 127.0.0.1 with a free port, on the test's runtime; dropping it stops it.

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
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
            .route("/google/{variant}/users", get(google))
            .route("/stripe/customers", get(stripe))
            .route("/github/{variant}/repos", get(github))
            .route("/offset/rows", get(offset))
            .route("/pages/{variant}/items", get(pages))
            .route("/graphql", post(graphql))
            .route("/azure/{variant}/vaults", get(azure))
            .route(
                "/k8s/{variant}/api/v1/namespaces/{namespace}/pods",
                get(kubernetes),
            )
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
/// Variants: `plain`; `sparse`, where a full page always carries a token and a page without users
/// leaves the list out (proto3 JSON), as does an empty collection (`empty`); `repeat`, where the
/// page at offset 20 sends back the token it was sent while more pages exist (gogcli#1004).
async fn google(
    State(state): State<Shared>,
    Path(variant): Path<String>,
    Query(params): Params,
) -> Json<Value> {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let records = if variant == "empty" { 0 } else { RECORDS };
    let start = params
        .get("pageToken")
        .and_then(|token| token.strip_prefix("after-"))
        .and_then(|offset| offset.parse::<usize>().ok())
        .unwrap_or(0);
    let size = number(&params, "pageSize", 10);
    let page = start.min(records)..(start + size).min(records);
    let next = match variant.as_str() {
        "repeat" if start == 20 => format!("after-{start}"),
        "sparse" if !page.is_empty() => format!("after-{}", page.end),
        _ if page.end < records => format!("after-{}", page.end),
        _ => String::new(),
    };
    let users: Vec<Value> = page
        .map(|n| json!({ "name": format!("users/{n:02}"), "email": format!("u{n}@example.com") }))
        .collect();
    let mut body = json!({ "kind": "admin#directory#users", "etag": "\"e\"" });
    if !users.is_empty() || variant == "plain" || variant == "repeat" {
        body["users"] = Value::Array(users);
    }
    if !next.is_empty() {
        body["nextPageToken"] = Value::String(next);
    }
    Json(body)
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

/// GitHub style: `page` (from 1) and `per_page` (at most 100, as GitHub clamps it); the next
/// page's whole URL in a `Link` header. Variants, each a public report's `Link` header: `plain`;
/// `comma` and `semicolon`, a next URL with `labels=a,b` or `q=a;b` in its query; `relations`,
/// the last page's link as `rel="next last"`; `fields`, `rel="first"` and `rel="next"` in two
/// `Link` fields; `relative`, relative targets and an upper-case `REL`.
async fn github(
    State(state): State<Shared>,
    Path(variant): Path<String>,
    Query(params): Params,
) -> Response {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let page = number(&params, "page", 1).max(1);
    let per_page = number(&params, "per_page", 30).min(100);
    let records = range((page - 1) * per_page, per_page);
    let last = RECORDS.div_ceil(per_page);
    let extra = match variant.as_str() {
        "comma" => "labels=a,b&",
        "semicolon" => "q=a;b&",
        _ => "",
    };
    let path = format!("/github/{variant}/repos?{extra}per_page={per_page}&page=");
    let url = |page: usize| match variant.as_str() {
        "relative" => format!("{path}{page}"),
        _ => format!("{}{path}{page}", state.base),
    };
    let rel = if variant == "relative" { "REL" } else { "rel" };
    let next = (records.end < RECORDS).then_some(page + 1);
    let mut fields = Vec::new();
    match (variant.as_str(), next) {
        ("relations", Some(next)) if next == last => {
            fields.push(format!("<{}>; rel=\"next last\"", url(next)));
        }
        ("fields", next) => {
            fields.push(format!("<{}>; rel=\"first\"", url(1)));
            if let Some(next) = next {
                fields.push(format!("<{}>; rel=\"next\"", url(next)));
            }
        }
        (_, next) => {
            let mut links = Vec::new();
            if let Some(next) = next {
                links.push(format!("<{}>; {rel}=\"next\"", url(next)));
            }
            links.push(format!("<{}>; {rel}=\"last\"", url(last)));
            fields.push(links.join(", "));
        }
    }
    let mut headers = HeaderMap::new();
    for field in fields {
        headers.append(header::LINK, HeaderValue::from_str(&field).unwrap());
    }
    // The comma and semicolon variants only answer URLs that kept their whole query.
    let kept = match variant.as_str() {
        "comma" => params.get("labels").map(String::as_str) == Some("a,b") || page == 1,
        "semicolon" => params.get("q").map(String::as_str) == Some("a;b") || page == 1,
        _ => true,
    };
    if !kept {
        return (StatusCode::BAD_REQUEST, "the query was cut").into_response();
    }
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

/// Page numbers from 1 and `per_page` (30 by default); no total, no flag. Variants: `plain`, the
/// 47 records, at most 100 a page; `clamp100`, 250 records, and `per_page` over 100 silently 100
/// (github/docs#45189); `clamp20`, the 47 records at most 20 a page, below what the declaration
/// says the service honours.
async fn pages(
    State(state): State<Shared>,
    Path(variant): Path<String>,
    Query(params): Params,
) -> Json<Value> {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let (records, largest) = match variant.as_str() {
        "clamp100" => (250, 100),
        "clamp20" => (RECORDS, 20),
        _ => (RECORDS, 100),
    };
    let per_page = number(&params, "per_page", 30).min(largest);
    let page = number(&params, "page", 1).max(1);
    let start = ((page - 1) * per_page).min(records);
    let items: Vec<String> = (start..(start + per_page).min(records))
        .map(|n| format!("item-{n:03}"))
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

/// Azure style: pages of 10 in `value`, the next page's whole URL in `nextLink`. Variants:
/// `plain`; `otherhost`, whose first `nextLink` points to another host.
async fn azure(
    State(state): State<Shared>,
    Path(variant): Path<String>,
    Query(params): Params,
) -> Json<Value> {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let page = range(number(&params, "$skiptoken", 0), 10);
    let host = match variant.as_str() {
        "otherhost" => "http://collector.invalid",
        _ => state.base.as_str(),
    };
    let next_link = (page.end < RECORDS).then(|| {
        format!(
            "{host}/azure/{variant}/vaults?api-version=2023-07-01&$skiptoken={}",
            page.end
        )
    });
    let value: Vec<Value> = page
        .map(|n| json!({ "id": format!("/vaults/v{n:02}"), "name": format!("v{n:02}") }))
        .collect();
    Json(json!({ "value": value, "nextLink": next_link }))
}

/// Kubernetes style: `limit` and `continue`; `metadata.continue` empty on the last page, with
/// `remainingItemCount` before it. Variants: `plain`; `expired`, where every continue token has
/// expired: HTTP 410 with a `Status` whose `metadata.continue` restarts inconsistently.
async fn kubernetes(
    State(state): State<Shared>,
    Path((variant, namespace)): Path<(String, String)>,
    Query(params): Params,
) -> Response {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let start = params
        .get("continue")
        .and_then(|token| token.strip_prefix("c-"))
        .and_then(|n| n.parse::<usize>().ok());
    if variant == "expired" && start.is_some() {
        let status = json!({
            "kind": "Status",
            "apiVersion": "v1",
            "status": "Failure",
            "reason": "Expired",
            "code": 410,
            "message": "The provided continue parameter is too old to display a consistent list result.",
            "metadata": { "continue": "c-inconsistent" },
        });
        return (StatusCode::GONE, Json(status)).into_response();
    }
    let page = range(start.unwrap_or(0), number(&params, "limit", RECORDS));
    let remaining = RECORDS - page.end;
    let mut metadata = json!({ "resourceVersion": "1" });
    if remaining > 0 {
        metadata["continue"] = Value::String(format!("c-{}", page.end));
        metadata["remainingItemCount"] = json!(remaining);
    } else {
        metadata["continue"] = Value::String(String::new());
    }
    let items: Vec<Value> = page
        .map(|n| json!({ "metadata": { "name": format!("{namespace}-pod-{n:02}") } }))
        .collect();
    Json(json!({ "kind": "PodList", "metadata": metadata, "items": items })).into_response()
}

/// Always fails, with a message in the body.
async fn broken(State(state): State<Shared>) -> (StatusCode, &'static str) {
    state.requests.fetch_add(1, Ordering::Relaxed);
    (StatusCode::SERVICE_UNAVAILABLE, "try again later")
}
