//! Kubernetes style: `limit` and `continue`; an expired continue token is HTTP 410.

#[path = "declarations/kubernetes.rs"]
mod declaration;

use futures::TryStreamExt;
use pagination_core::{Error, IntoPaginator};

use crate::drain;
use crate::server::{RECORDS, Server};
use declaration::{ListPods, Pod};

fn list_pods(base: String) -> ListPods {
    ListPods {
        client: reqwest::Client::new(),
        base,
        namespace: "web".to_owned(),
        continue_token: None,
        limit: None,
    }
}

fn names(pods: &[Pod]) -> Vec<String> {
    pods.iter().map(|pod| pod.metadata.name.clone()).collect()
}

#[tokio::test]
async fn continue_tokens_until_an_empty_one() {
    let server = Server::start().await;
    let want: Vec<String> = (0..RECORDS).map(|n| format!("web-pod-{n:02}")).collect();
    for (limit, requests) in [(Some(10), 5), (Some(47), 1), (None, 1)] {
        let before = server.requests();
        let paginator = list_pods(format!("{}/k8s/plain", server.base)).into_paginator();
        let paginator = match limit {
            Some(limit) => paginator.page_size(limit),
            None => paginator,
        };
        let pods: Vec<Pod> = paginator.items().try_collect().await.unwrap();
        assert_eq!(names(&pods), want, "limit {limit:?}");
        assert_eq!(server.requests() - before, requests, "limit {limit:?}");
    }
}

/// An expired token cannot be retried: the error is the 410, and it does not claim that resuming
/// from its cursor would help.
#[tokio::test]
async fn an_expired_continue_token_is_an_error_that_says_to_start_over() {
    let server = Server::start().await;
    let (pods, error) = drain(
        list_pods(format!("{}/k8s/expired", server.base))
            .into_paginator()
            .page_size(10)
            .items(),
    )
    .await;
    assert_eq!(pods.len(), 10);
    let Some(error @ Error::Request { .. }) = error else {
        panic!("expected the 410, got {error:?}");
    };
    assert_eq!(
        error.request_error().and_then(reqwest::Error::status),
        Some(reqwest::StatusCode::GONE)
    );
    let text = error.to_string();
    assert!(text.contains("410"), "{text}");
    assert!(text.contains("fresh listing"), "{text}");
}
