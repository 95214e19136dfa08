//! A gateway that omits `NextVersionIdMarker` in the middle of a key's versions (an
//! aws-smithy-mocks model): the listing goes on from the key marker without losing a version.

use aws_sdk_s3::Client;
use aws_sdk_s3::operation::list_object_versions::ListObjectVersionsOutput;
use aws_sdk_s3::types::ObjectVersion;
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::s3::ObjectVersionEntry;
use pagination_core::IntoPaginator;

use crate::s3_harness::*;

// --- A gateway that omits NextVersionIdMarker mid-key (mock) ------------------------------

/// The uploads paginator continues after the page's last upload when a gateway omits
/// NextUploadIdMarker; the versions paginator has no such fallback: a page that ends in the
/// middle of a key's versions and carries NextKeyMarker alone makes the next request skip the
/// rest of that key, silently.
#[tokio::test]
async fn versions_without_next_version_id_marker_mid_key_lose_nothing() {
    let version = |key: &str, id: &str, latest: bool, secs: i64| {
        ObjectVersion::builder()
            .key(key)
            .version_id(id)
            .is_latest(latest)
            .last_modified(aws_sdk_s3::primitives::DateTime::from_secs(secs))
            .build()
    };
    let first = mock!(Client::list_object_versions)
        .match_requests(|input| input.key_marker().is_none())
        .then_output(move || {
            ListObjectVersionsOutput::builder()
                .is_truncated(true)
                .next_key_marker("k")
                .versions(version("k", "v3", true, 30))
                .versions(version("k", "v2", false, 20))
                .build()
        });
    // key-marker alone: S3 lists the keys after "k" (a version-id-marker would list v1 first).
    let after_key = mock!(Client::list_object_versions)
        .match_requests(|input| {
            input.key_marker() == Some("k") && input.version_id_marker().is_none()
        })
        .then_output(move || {
            ListObjectVersionsOutput::builder()
                .is_truncated(false)
                .versions(version("m", "m1", true, 5))
                .build()
        });
    let after_v2 = mock!(Client::list_object_versions)
        .match_requests(|input| {
            input.key_marker() == Some("k") && input.version_id_marker() == Some("v2")
        })
        .then_output(move || {
            ListObjectVersionsOutput::builder()
                .is_truncated(false)
                .versions(version("k", "v1", false, 10))
                .versions(version("m", "m1", true, 5))
                .build()
        });
    let client = mock_client!(
        aws_sdk_s3,
        RuleMode::MatchAny,
        [&first, &after_key, &after_v2]
    );
    let result: Result<Vec<ObjectVersionEntry>, _> = client
        .list_object_versions()
        .bucket("b")
        .into_paginator()
        .page_size(2)
        .items()
        .try_collect()
        .await;
    let ids: Result<Vec<String>, String> = result
        .map(|items| {
            items
                .into_iter()
                .map(|item| version_seen(item, false).id.unwrap())
                .collect()
        })
        .map_err(|error| format!("{error:?}"));
    // The page ended inside `k` without a version marker: the listing continues after its last
    // entry (v2), and v1 is not lost.
    assert_eq!(ids.unwrap(), ["v3", "v2", "v1", "m1"]);
}
