//! Azure style: the next page's whole URL in the body's `nextLink`, followed only on the API's
//! own origin.

#[path = "declarations/azure.rs"]
mod declaration;

use futures::TryStreamExt;
use pagination_core::{Error, IntoPaginator};

use crate::drain;
use crate::server::{RECORDS, Server};
use declaration::{ListVaults, Vault};

fn list_vaults(base: String) -> ListVaults {
    ListVaults {
        client: reqwest::Client::new(),
        base,
        next_link: None,
    }
}

#[tokio::test]
async fn the_next_link_in_the_body() {
    let server = Server::start().await;
    let vaults: Vec<Vault> = list_vaults(format!("{}/azure/plain", server.base))
        .into_paginator()
        .items()
        .try_collect()
        .await
        .unwrap();
    let names: Vec<String> = vaults.into_iter().map(|vault| vault.name).collect();
    assert_eq!(
        names,
        (0..RECORDS).map(|n| format!("v{n:02}")).collect::<Vec<_>>()
    );
    assert_eq!(server.requests(), 5);
}

/// A `send` that adds credentials must not follow a next link to another host: the listing
/// fails after the first page, and nothing is sent there.
#[tokio::test]
async fn a_next_link_to_another_origin_is_refused() {
    let server = Server::start().await;
    let (vaults, error) = drain(
        list_vaults(format!("{}/azure/otherhost", server.base))
            .into_paginator()
            .items(),
    )
    .await;
    assert_eq!(vaults.len(), 10);
    let Some(Error::Request { source, .. }) = error else {
        panic!("expected a refused request, got {error:?}");
    };
    assert!(source.to_string().contains("another origin"), "{source}");
    assert_eq!(server.requests(), 1);
}
