//! Edge cases of the S3 listings, found by trying to break them: keys that differ only by their
//! encoding, odd delimiters and prefixes, keys only URL encoding can carry, resumes at every
//! offset, prefetch, the cursors left by the guards, gateways that drop markers, equal
//! timestamps, `page_size(0)`. Against the AWS-rules endpoint and aws-smithy-mocks models.

use std::collections::HashSet;

use aws_sdk_s3::Client;
use aws_sdk_s3::operation::list_object_versions::ListObjectVersionsOutput;
use aws_sdk_s3::types::{EncodingType, ObjectVersion};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use futures::{StreamExt, TryStreamExt};
use pagination_aws::s3::{ListObjectVersions, ListObjectsV2, ObjectVersionEntry};
use pagination_core::{Cursor, Error, IntoPaginator, PageRequest, Paginator, paginate};
use pagination_examples::s3_endpoint::{Bucket, Entry, S3Endpoint, Upload};

use crate::s3_harness::*;

/// Keys that differ only by their encoding, keys with `%` not followed by hex, keys that are
/// prefixes of each other, and keys around the odd delimiters used below.
fn twin_keys() -> Vec<&'static str> {
    vec![
        "%",
        "+",
        "100%",
        "a",
        "a b",
        "a b/x",
        "a%",
        "a%%",
        "a%/x",
        "a%2",
        "a%20b",
        "a%2520b",
        "a%252Fb",
        "a%2Fb",
        "a%zz",
        "a+",
        "a+/x",
        "a+b",
        "a/",
        "a//b",
        "a/b",
        "a/b/c",
        "ab",
        "ab cd ef",
        "ab+cd+ef",
        "abc",
        "e\u{301}/x",
        "z",
        "z+",
        "é/x",
        "ж+ж",
        "\u{FFFD}",
        "\u{10000}",
    ]
}

/// Every twin key with 1 to 4 versions and delete markers at distinct times (some keys deleted
/// now, some with a delete marker in their history), and 1 to 3 uploads.
fn twin_bucket(keys: &[&str]) -> Bucket {
    let mut bucket = Bucket::default();
    let mut time = 1_700_000_000;
    for (index, key) in keys.iter().enumerate() {
        for version in 0..=(index % 4) {
            time += 5;
            let id = format!("v{index:02}.{version}");
            let deleted =
                (index % 3 == 0 && version == 1) || (index % 5 == 0 && version == index % 4);
            bucket.entries.push(if deleted {
                Entry::delete_marker(*key, id, time)
            } else {
                Entry::version(*key, id, time)
            });
        }
        for upload in 0..=(index % 3) {
            time += 3;
            bucket
                .uploads
                .push(Upload::new(*key, format!("u{index:02}.{upload}"), time));
        }
    }
    bucket.entries.reverse();
    bucket.uploads.rotate_left(7);
    bucket
}

/// (prefix, delimiter) pairs: the odd delimiters, and prefixes with characters that encode.
fn layouts() -> Vec<(Option<&'static str>, Option<&'static str>)> {
    vec![
        (None, None),
        (None, Some("/")),
        (None, Some("+")),
        (None, Some(" ")),
        (None, Some("%")),
        (None, Some("%2")),
        (None, Some("b/")),
        (None, Some("b")),
        (Some("a"), Some("/")),
        (Some("a "), Some("/")),
        (Some("a+"), Some("/")),
        (Some("a%"), None),
        (Some("a%"), Some("/")),
        (Some("a/"), Some("/")),
        (Some("ab"), Some(" ")),
    ]
}

// --- 1. Encoding twins, odd delimiters, prefixes: the whole listing, every page size ---------

#[tokio::test]
async fn encoding_twins_odd_delimiters_and_prefixes_list_exactly_s3s_listing() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let keys = twin_keys();
    let bucket = twin_bucket(&keys);
    endpoint.put_bucket("twins", bucket.clone());
    let mut failures = Vec::new();
    let mut listings = 0;
    for listing in LISTINGS {
        for (prefix, delimiter) in layouts() {
            let want = expected(&bucket, listing, prefix.unwrap_or_default(), delimiter);
            for url in [false, true] {
                for page_size in [1, 2, 3, 1000] {
                    let context = format!(
                        "{listing:?}, prefix {prefix:?}, delimiter {delimiter:?}, url {url}, page size {page_size}"
                    );
                    let options = Options {
                        page_size: Some(page_size),
                        url,
                        prefix: prefix.map(str::to_owned),
                        delimiter: delimiter.map(str::to_owned),
                        ..Options::default()
                    };
                    let run = list(&client, "twins", listing, &options).await;
                    listings += 1;
                    if run.error.is_some() || run.items != want || run.cursor.is_some() {
                        failures.push(format!(
                            "{context}: error {:?}\n  got  {:?}\n  want {:?}",
                            run.error,
                            run.items
                                .iter()
                                .map(|s| (&s.name, &s.id))
                                .collect::<Vec<_>>(),
                            want.iter().map(|s| (&s.name, &s.id)).collect::<Vec<_>>()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {listings} listings wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Keys XML 1.0 cannot carry (or that whitespace handling would change): only with URL encoding.
#[tokio::test]
async fn keys_only_url_encoding_can_carry_list_exactly() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let keys = vec![
        " ",
        "  ",
        " a",
        "\t",
        "a\u{1}b",
        "a\u{1}",
        "a\rb",
        "a\r\nb",
        "a\nb",
        "a\u{7f}",
        "a\u{b}",
        "a\u{1f}/x",
        "a\u{1f}/y",
        "b",
    ];
    let bucket = twin_bucket(&keys);
    endpoint.put_bucket("ctl", bucket.clone());
    let mut failures = Vec::new();
    for listing in LISTINGS {
        for delimiter in [None, Some("/"), Some("\u{1}"), Some("\r")] {
            let want = expected(&bucket, listing, "", delimiter);
            for page_size in [1, 2, 1000] {
                let options = Options {
                    page_size: Some(page_size),
                    url: true,
                    delimiter: delimiter.map(str::to_owned),
                    ..Options::default()
                };
                let run = list(&client, "ctl", listing, &options).await;
                if run.error.is_some() || run.items != want {
                    failures.push(format!(
                        "{listing:?} delimiter {delimiter:?} page size {page_size}: error {:?}\n  got  {:?}\n  want {:?}",
                        run.error,
                        run.items.iter().map(|s| (&s.name, &s.id)).collect::<Vec<_>>(),
                        want.iter().map(|s| (&s.name, &s.id)).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// --- 2. Resume at every offset, with URL encoding and a delimiter, through the string form ----

#[tokio::test]
async fn resume_at_every_offset_with_url_encoding_a_prefix_and_a_delimiter() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let keys = twin_keys();
    let bucket = twin_bucket(&keys);
    endpoint.put_bucket("twins", bucket.clone());
    for listing in LISTINGS {
        for (prefix, delimiter) in [(None, Some("/")), (Some("a"), Some("%")), (None, Some("+"))] {
            let want = expected(&bucket, listing, prefix.unwrap_or_default(), delimiter);
            let base = Options {
                page_size: Some(3),
                url: true,
                prefix: prefix.map(str::to_owned),
                delimiter: delimiter.map(str::to_owned),
                ..Options::default()
            };
            for k in 0..=want.len() {
                let context = format!("{listing:?} {prefix:?} {delimiter:?} k={k}");
                let head = list(
                    &client,
                    "twins",
                    listing,
                    &Options {
                        max_items: Some(k as u64),
                        ..base.clone()
                    },
                )
                .await;
                assert_eq!(head.error, None, "{context}");
                assert_eq!(head.items[..], want[..k], "{context}");
                let Some(cursor) = head.cursor else {
                    assert_eq!(k, want.len(), "{context}: no cursor before the end");
                    continue;
                };
                let parsed: Cursor = cursor.to_string().parse().unwrap();
                // Resume with prefetch too, every other offset.
                let tail = list(
                    &client,
                    "twins",
                    listing,
                    &Options {
                        resume: Some(parsed),
                        prefetch: if k % 2 == 0 { 2 } else { 0 },
                        ..base.clone()
                    },
                )
                .await;
                assert_eq!(tail.error, None, "{context}");
                assert_eq!(tail.items[..], want[k..], "{context}");
            }
        }
    }
}

// --- 3. Prefetch, page stream and item stream agree ----------------------------------------

#[tokio::test]
async fn prefetch_and_the_page_stream_agree_with_the_item_stream() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let keys = twin_keys();
    let bucket = twin_bucket(&keys);
    endpoint.put_bucket("twins", bucket.clone());
    for listing in LISTINGS {
        for page_size in [1, 4] {
            let options = Options {
                page_size: Some(page_size),
                url: true,
                delimiter: Some("/".into()),
                ..Options::default()
            };
            let plain = list(&client, "twins", listing, &options).await;
            let ahead = list(
                &client,
                "twins",
                listing,
                &Options {
                    prefetch: 2,
                    ..options.clone()
                },
            )
            .await;
            assert_eq!(plain.items, ahead.items, "{listing:?} {page_size}");
            assert_eq!(plain.error, None);
        }
    }
    // The page stream of versions: the same entries, page by page, as the item stream.
    let request = client
        .list_object_versions()
        .bucket("twins")
        .encoding_type(EncodingType::Url)
        .delimiter("/");
    let pages: Vec<ListObjectVersionsOutput> =
        Paginator::<ListObjectVersions>::new(request.clone())
            .page_size(4)
            .send()
            .try_collect()
            .await
            .unwrap();
    let from_pages: HashSet<Seen> = pages
        .into_iter()
        .flat_map(|page| {
            let mut all: Vec<ObjectVersionEntry> = Vec::new();
            all.extend(
                page.versions
                    .unwrap_or_default()
                    .into_iter()
                    .map(ObjectVersionEntry::Version),
            );
            all.extend(
                page.delete_markers
                    .unwrap_or_default()
                    .into_iter()
                    .map(ObjectVersionEntry::DeleteMarker),
            );
            all.extend(
                page.common_prefixes
                    .unwrap_or_default()
                    .into_iter()
                    .map(ObjectVersionEntry::CommonPrefix),
            );
            all
        })
        .map(|item| version_seen(item, true))
        .collect();
    let items: Vec<ObjectVersionEntry> = Paginator::<ListObjectVersions>::new(request)
        .page_size(4)
        .items()
        .try_collect()
        .await
        .unwrap();
    let items: HashSet<Seen> = items.into_iter().map(|i| version_seen(i, true)).collect();
    assert_eq!(from_pages, items);
}

// --- 4. Equal LastModified within a key: the order depends on the page size -----------------

/// S3's LastModified in listings has whole seconds; three writes to one key within a second
/// (put, delete, put) have equal timestamps. S3 lists them newest first (the endpoint: "ties keep
/// the order given"). The paginator documents that "a version and a delete marker of one key
/// with equal timestamps, neither the latest, keep the version first", and also that the item
/// sequence "does not depend on the page boundaries". Both cannot hold.
/// A version and a delete marker of one key with the same `last_modified`, neither the latest:
/// S3's order between them cannot be read from one page (the SDK splits the page into two
/// lists), as the crate documents. What holds at every page size: every entry once, the latest
/// first, and S3's own order where the page boundary falls between them.
#[tokio::test]
async fn equal_timestamps_within_a_key_list_every_entry_once_latest_first() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let t = 1_700_000_000;
    let bucket = Bucket {
        // Newest first, as written within one second: v3 (current), then the delete marker d2,
        // then v1.
        entries: vec![
            Entry::version("k", "v3", t),
            Entry::delete_marker("k", "d2", t),
            Entry::version("k", "v1", t),
        ],
        ..Bucket::default()
    };
    endpoint.put_bucket("ties", bucket.clone());
    for page_size in [1, 2, 3, 1000] {
        let options = Options {
            page_size: Some(page_size),
            ..Options::default()
        };
        let run = list(&client, "ties", Listing::Versions, &options).await;
        assert_eq!(run.error, None);
        let ids: Vec<String> = run.items.iter().map(|i| i.id.clone().unwrap()).collect();
        assert_eq!(ids[0], "v3", "page size {page_size}: the latest first");
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["d2", "v1", "v3"],
            "page size {page_size}: each once"
        );
        if page_size == 1 {
            assert_eq!(ids, ["v3", "d2", "v1"], "S3's own order across pages");
        }
    }
}

// --- 5. The duplicate-token and missing-token errors: the stream's cursor -------------------

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

// --- 6. Directory buckets -------------------------------------------------------------------

/// The docs: "On directory buckets ... the upload-id marker is cleared, as S3 requires."
#[tokio::test]
async fn directory_bucket_uploads_never_send_an_upload_id_marker() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let name = "dir--use1-az4--x-s3";
    let bucket = Bucket {
        uploads: vec![
            Upload::new("k", "u1", 1_700_000_001),
            Upload::new("k", "u2", 1_700_000_002),
            Upload::new("k", "u3", 1_700_000_003),
        ],
        ..Bucket::default()
    };
    endpoint.put_bucket(name, bucket);
    let options = Options {
        page_size: Some(2),
        ..Options::default()
    };
    let run = list(&client, name, Listing::Uploads, &options).await;
    assert_eq!(run.error, None);
    let sent: Vec<String> = endpoint
        .requests()
        .iter()
        .flat_map(|r| r.query.clone())
        .filter(|(k, _)| k == "upload-id-marker")
        .map(|(_, v)| v)
        .collect();
    assert!(
        sent.is_empty(),
        "upload-id-marker sent to a directory bucket: {sent:?}"
    );
}

// --- 7. page_size(0) ---------------------------------------------------------------------------

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

// --- 8. A gateway that omits NextVersionIdMarker mid-key (mock) ------------------------------

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

// --- 9. Engine: next_request functions that never advance ---------------------------------

#[derive(Debug)]
struct StuckPage {
    values: Vec<u32>,
    more: bool,
}

/// `mode`: 0 = the function keeps the token it was given (absent on the first page), 1 = it
/// always sets the constant "x", 2 = it alternates "a" and "b".
#[paginate(
    input_token = token,
    items = values: u32,
    more_results = more,
    next_request = stuck_next
)]
#[derive(Debug, Clone, Default)]
struct ListStuck {
    token: Option<String>,
    mode: u8,
}

fn stuck_next(mut request: ListStuck, _page: &StuckPage) -> ListStuck {
    request.token = match request.mode {
        0 => request.token,
        1 => Some("x".into()),
        _ => Some(
            if request.token.as_deref() == Some("a") {
                "b"
            } else {
                "a"
            }
            .into(),
        ),
    };
    request
}

impl PageRequest for ListStuck {
    type Output = StuckPage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<StuckPage, Self::Error> {
        Ok(StuckPage {
            values: vec![1, 2],
            more: true,
        })
    }
}

#[tokio::test]
async fn next_request_functions_that_never_advance_end_with_a_guard() {
    for (mode, want) in [
        (0u8, "MissingToken"),
        (1, "DuplicateToken"),
        (2, "TokenCycle"),
    ] {
        for prefetch in [0, 2] {
            let mut paginator = ListStuck {
                mode,
                ..ListStuck::default()
            }
            .into_paginator();
            if prefetch > 0 {
                paginator = paginator.prefetch(prefetch);
            }
            let mut stream = paginator.items();
            let mut count = 0;
            let mut error = None;
            while let Some(next) = stream.next().await {
                match next {
                    Ok(_) => count += 1,
                    Err(e) => error = Some(format!("{e:?}")),
                }
                assert!(count < 100, "mode {mode}: does not end");
            }
            let error = error.unwrap_or_default();
            assert!(
                error.starts_with(want),
                "mode {mode} prefetch {prefetch}: {error}"
            );
        }
    }
}

// --- 10. The fallbacks over the twins: v1 without NextMarker, uploads without NextUploadIdMarker

#[tokio::test]
async fn fallbacks_list_the_twins_exactly_with_every_layout() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let keys = twin_keys();
    let mut bucket = twin_bucket(&keys);
    // v1: never a NextMarker (a server that omits it with a delimiter too); uploads: never a
    // NextUploadIdMarker.
    bucket.quirks.omit_token_from = None;
    bucket.quirks.omit_next_upload_id_marker = true;
    endpoint.put_bucket("gateway", bucket.clone());
    let mut no_marker = bucket.clone();
    no_marker.quirks.omit_next_upload_id_marker = false;
    no_marker.quirks.omit_token_from = Some(0);
    endpoint.put_bucket("no-next-marker", no_marker);
    let mut failures = Vec::new();
    for (name, listing) in [
        ("gateway", Listing::Uploads),
        ("no-next-marker", Listing::ObjectsV1),
    ] {
        for (prefix, delimiter) in layouts() {
            let want = expected(&bucket, listing, prefix.unwrap_or_default(), delimiter);
            for url in [false, true] {
                for page_size in [1, 2, 3] {
                    let options = Options {
                        page_size: Some(page_size),
                        url,
                        prefix: prefix.map(str::to_owned),
                        delimiter: delimiter.map(str::to_owned),
                        ..Options::default()
                    };
                    let run = list(&client, name, listing, &options).await;
                    if run.error.is_some() || run.items != want {
                        failures.push(format!(
                            "{listing:?} {prefix:?} {delimiter:?} url {url} size {page_size}: {:?}\n  got  {:?}\n  want {:?}",
                            run.error,
                            run.items.iter().map(|s| (&s.name, &s.id)).collect::<Vec<_>>(),
                            want.iter().map(|s| (&s.name, &s.id)).collect::<Vec<_>>()
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// --- 11. s3_list: the next_token of an incomplete listing --------------------------------------

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
