//! Where an S3 listing's cursor points when it cannot go on: after a repeated or missing token,
//! for `page_size(0)` (refused before any request), and `s3_list`'s next token of an incomplete
//! listing.

use std::collections::HashSet;

use futures::{StreamExt, TryStreamExt};
use pagination_aws::s3::ListObjectsV2;
use pagination_core::{Error, Paginator};
use pagination_examples::s3_endpoint::{Bucket, Entry, S3Endpoint, Upload};

use crate::s3_harness::*;

// --- The duplicate-token and missing-token errors: the stream's cursor -------------------

fn eight_keys() -> Bucket {
    let mut bucket = Bucket::default();
    for index in 0..8 {
        let key = format!("k{index}");
        bucket.entries.push(Entry::version(
            key.clone(),
            format!("v{index}"),
            1_700_000_000 + index as i64,
        ));
        bucket.uploads.push(Upload::new(
            key,
            format!("u{index}"),
            1_700_000_000 + index as i64,
        ));
    }
    bucket
}

/// `ItemStream::cursor` promises: "the position after the last item yielded ... Resuming there
/// yields exactly the items not yet seen", and s3_list prints it as the `next_token` of an
/// incomplete listing. After a DuplicateToken (now the default with `is_truncated`), resuming
/// there lists the last page again.
#[tokio::test]
async fn after_a_duplicate_token_the_stream_cursor_resumes_without_repeating_items() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let mut bucket = eight_keys();
    bucket.quirks.echo_token_from = Some(4);
    endpoint.put_bucket("echo", bucket);
    let mut failures = Vec::new();
    for listing in LISTINGS {
        let options = Options {
            page_size: Some(2),
            ..Options::default()
        };
        let first = list(&client, "echo", listing, &options).await;
        assert_eq!(first.guard, Some("duplicate token"), "{listing:?}");
        let cursor = first.cursor.clone().expect("incomplete");
        let second = list(
            &client,
            "echo",
            listing,
            &Options {
                resume: Some(cursor),
                ..options.clone()
            },
        )
        .await;
        let seen: HashSet<&Seen> = first.items.iter().collect();
        let repeated: Vec<&Seen> = second.items.iter().filter(|i| seen.contains(i)).collect();
        if !repeated.is_empty() {
            failures.push(format!(
                "{listing:?}: first run {} items then {:?}; resuming from stream.cursor() repeats {:?}",
                first.items.len(),
                first.guard,
                repeated.iter().map(|s| &s.name).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same for a missing token: the stream's cursor after MissingToken is the very start of the
/// listing, so resuming there lists everything again.
#[tokio::test]
async fn after_a_missing_token_the_stream_cursor_does_not_restart_the_listing() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let mut bucket = eight_keys();
    bucket.quirks.omit_token_from = Some(4);
    endpoint.put_bucket("no-token", bucket);
    let options = Options {
        page_size: Some(2),
        ..Options::default()
    };
    let first = list(&client, "no-token", Listing::ObjectsV2, &options).await;
    assert_eq!(first.guard, Some("missing token"));
    let second = list(
        &client,
        "no-token",
        Listing::ObjectsV2,
        &Options {
            resume: first.cursor.clone(),
            ..options.clone()
        },
    )
    .await;
    let seen: HashSet<&Seen> = first.items.iter().collect();
    let repeated: Vec<&String> = second
        .items
        .iter()
        .filter(|i| seen.contains(i))
        .map(|s| &s.name)
        .collect();
    // Error::MissingToken's cursor is documented as "the position after the last page".
    let start = Paginator::<ListObjectsV2>::new(client.list_objects_v2().bucket("no-token"))
        .page_size(2)
        .cursor();
    let error_cursor_is_start = first.error_cursor.as_ref() == Some(&start);
    assert!(
        repeated.is_empty() && !error_cursor_is_start,
        "first run: {} items then missing token; resuming from stream.cursor() repeats \
         {repeated:?}; the error's cursor is the listing's start: {error_cursor_is_start}",
        first.items.len()
    );
}

/// `max_items` that ends the listing before the server's bad token would be followed: the items
/// asked for are all there, nothing more is requested, yet the listing fails.
#[tokio::test]
async fn max_items_that_stops_before_a_repeated_token_is_followed_is_not_an_error() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let mut bucket = eight_keys();
    bucket.quirks.echo_token_from = Some(4);
    endpoint.put_bucket("echo", bucket.clone());
    let mut failures = Vec::new();
    for listing in LISTINGS {
        // 5: in the middle of the third page (which hands back its own token); 6: its last item.
        for max_items in [5u64, 6] {
            let options = Options {
                page_size: Some(2),
                max_items: Some(max_items),
                ..Options::default()
            };
            let run = list(&client, "echo", listing, &options).await;
            if run.error.is_some() || run.items.len() as u64 != max_items {
                failures.push(format!(
                    "{listing:?} max_items({max_items}): {} items, then {:?}",
                    run.items.len(),
                    run.guard
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// --- page_size(0) ---------------------------------------------------------------------------

#[tokio::test]
async fn page_size_zero_with_resume_from() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    endpoint.put_bucket("zero", eight_keys());
    let request = client.list_objects_v2().bucket("zero");
    // A cursor in the middle of a listing without a page size.
    let mut stream = Paginator::<ListObjectsV2>::new(request.clone())
        .max_items(3)
        .items();
    while stream.try_next().await.unwrap().is_some() {}
    let cursor = stream.cursor().unwrap();
    endpoint.clear_requests();
    // page_size(0) then resume_from; and the other way round.
    for zero_first in [true, false] {
        let paginator = Paginator::<ListObjectsV2>::new(request.clone());
        let paginator = if zero_first {
            paginator.page_size(0).resume_from(&cursor).unwrap()
        } else {
            paginator.resume_from(&cursor).unwrap().page_size(0)
        };
        let mut items = paginator.items();
        match items.next().await {
            Some(Err(Error::InvalidPageSize { cursor: at })) => {
                assert_eq!(at.offset(), cursor.offset(), "zero first: {zero_first}")
            }
            other => panic!("zero first {zero_first}: {other:?}"),
        }
        assert!(items.next().await.is_none());
    }
    assert!(endpoint.requests().is_empty());
}

/// The InvalidPageSize error carries "where the listing starts"; a program that fixes the page
/// size cannot resume from it (the page size is part of the fingerprint).
#[tokio::test]
async fn the_invalid_page_size_cursor_resumes_with_a_valid_page_size() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    endpoint.put_bucket("zero", eight_keys());
    let request = client.list_objects_v2().bucket("zero");
    let mut items = Paginator::<ListObjectsV2>::new(request.clone())
        .page_size(0)
        .items();
    let error = items.next().await.unwrap().unwrap_err();
    let cursor = error.cursor().clone();
    let resumed = Paginator::<ListObjectsV2>::new(request)
        .page_size(2)
        .resume_from(&cursor);
    assert!(
        resumed.is_ok(),
        "resume with page_size(2): {:?}",
        resumed.err()
    );
}

// --- s3_list: the next_token of an incomplete listing --------------------------------------

/// s3_list's docs: "pass it back with `--starting-token` to continue exactly there". After a
/// server that hands back its token, the printed next_token lists the last page again.
#[test]
fn s3_list_next_token_after_a_duplicate_token_does_not_repeat_lines() {
    let binary = {
        let deps = std::env::current_exe().unwrap();
        deps.parent()
            .unwrap()
            .parent()
            .unwrap()
            .join("examples")
            .join("s3_list")
    };
    assert!(binary.exists(), "build it: cargo build --example s3_list");
    let endpoint = S3Endpoint::start().unwrap();
    let mut bucket = Bucket::objects((0..8).map(|n| format!("k{n}")));
    bucket.quirks.echo_token_from = Some(4);
    endpoint.put_bucket("echo", bucket);
    let run = |extra: &[&str]| {
        let output = std::process::Command::new(&binary)
            .args(["objects", "--bucket", "echo", "--page-size", "2"])
            .args(extra)
            .args(["--endpoint-url", &endpoint.endpoint()])
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let first = run(&[]);
    let token_line = first.lines().last().unwrap();
    let token: serde_json::Value = serde_json::from_str(token_line).unwrap();
    let token = token["next_token"].as_str().unwrap().to_owned();
    let second = run(&["--starting-token", &token]);
    let seen: HashSet<&str> = first
        .lines()
        .filter(|l| !l.contains("next_token"))
        .collect();
    let repeated: Vec<&str> = second
        .lines()
        .filter(|l| !l.contains("next_token") && seen.contains(l))
        .collect();
    assert!(repeated.is_empty(), "lines listed twice: {repeated:?}");
}
