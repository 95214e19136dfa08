//! Tokens beyond a plain string field: integers, maps, nested in an optional sub-structure, and a
//! fallback when the next-token field is absent.

use futures::TryStreamExt;
use pagination_core::IntoPaginator;

use crate::model::*;

#[tokio::test]
async fn an_integer_token() {
    let server = Server::default();
    let request = ListNumbers {
        server: server.clone(),
        len: 42,
        start: None,
        count: None,
    };
    // The page-size field is a `u16`: a larger size saturates rather than wrapping.
    let values: Vec<u64> = request
        .clone()
        .into_paginator()
        .page_size(8)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(values, (0..42).collect::<Vec<_>>());
    assert_eq!(server.calls(), 6);
    let values: Vec<u64> = request
        .into_paginator()
        .page_size(1_000_000)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(values.len(), 42);
}

#[tokio::test]
async fn a_map_token_like_dynamodb_last_evaluated_key() {
    let server = Server::default();
    let request = Scan {
        server: server.clone(),
        len: 11,
        exclusive_start_key: None,
        limit: None,
    };
    let keys: Vec<Key> = request
        .into_paginator()
        .page_size(3)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(keys, (0..11).map(scan_key).collect::<Vec<_>>());
    assert_eq!(server.calls(), 4);
}

#[tokio::test]
async fn token_flag_and_items_nested_in_an_optional_sub_structure() {
    let server = Server::default();
    let request = ListParts {
        server: server.clone(),
        len: Some(10),
        part_marker: None,
        max_parts: None,
    };
    // The last page carries the marker "0" with the flag false: the flag ends the listing.
    let parts: Vec<u32> = request
        .into_paginator()
        .page_size(4)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(parts, (1..=10).collect::<Vec<_>>());
    assert_eq!(server.calls(), 3);

    // No sub-structure at all (an object not uploaded in parts): one empty page.
    let server = Server::default();
    let request = ListParts {
        server: server.clone(),
        len: None,
        part_marker: None,
        max_parts: None,
    };
    let pages: Vec<PartsPage> = request.into_paginator().send().try_collect().await.unwrap();
    assert_eq!(pages.len(), 1);
    assert!(pages[0].parts.is_none());
    assert_eq!(server.calls(), 1);
}

#[tokio::test]
async fn the_next_marker_falls_back_to_the_last_key() {
    for sends_next_marker in [false, true] {
        let server = Server::default();
        let request = ListObjectsV1 {
            server: server.clone(),
            len: 20,
            sends_next_marker,
            marker: None,
            max_keys: None,
        };
        let keys: Vec<String> = request
            .into_paginator()
            .page_size(6)
            .items()
            .map_ok(|object| object.key.unwrap())
            .try_collect()
            .await
            .unwrap();
        assert_eq!(keys, catalog(20), "next_marker sent: {sends_next_marker}");
        assert_eq!(server.calls(), 4);
    }
}
