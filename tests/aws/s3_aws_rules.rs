//! The four S3 key listings of `pagination-aws` against the scripted endpoint that follows AWS's
//! documented paging rules (`pagination_examples::s3_endpoint`), with the real SDK client:
//! URL-encoded keys and markers, `NextMarker` only with a delimiter, versions and delete markers
//! interleaved newest first, and the faults of S3-compatible servers.
//!
//! Every expected listing is computed here in one pass from the bucket's contents, independently
//! of the endpoint's paging code.

use std::collections::HashSet;

use futures::StreamExt;
use pagination_aws::s3::ListObjectVersions;
use pagination_core::{Cursor, Paginator};
use pagination_examples::s3_endpoint::{Bucket, Entry, S3Endpoint, Upload};

use crate::s3_harness::*;

/// Keys that break careless paginators: every character S3's URL encoding changes, non-ASCII,
/// a key over 300 bytes, a trailing space, and keys that roll up under `/`.
pub(crate) fn hostile_keys() -> Vec<String> {
    let mut keys: Vec<String> = [
        "(p) x",
        "a b",
        "a!.txt",
        "a+b",
        "a+b.txt",
        "a%2Bb",
        "a&b",
        "café",
        "cafe\u{301}",
        "dir/one",
        "dir/sub/deep",
        "dir/two words",
        "hash#tag",
        "k=1",
        "k=2",
        "less<than",
        "q?x=1",
        "t/obj\\1",
        "t/obj\\2",
        "trailing ",
        "z%41",
        "日本/語",
        "日本語",
    ]
    .map(String::from)
    .to_vec();
    keys.push(format!("long/{}", "é".repeat(160)));
    keys.push("x".repeat(310));
    keys
}

/// Every hostile key with 1 to 4 versions and delete markers, some keys ending deleted, at
/// distinct times; and 1 to 3 uploads per key.
pub(crate) fn hostile_bucket() -> Bucket {
    let mut bucket = Bucket::default();
    let mut time = 1_700_000_000;
    for (index, key) in hostile_keys().into_iter().enumerate() {
        for version in 0..=(index % 4) {
            time += 7;
            let id = format!("v{index:02}.{version}");
            // Every third key has a delete marker in the middle of its history, every fifth is
            // deleted now.
            let deleted =
                (index % 3 == 0 && version == 1) || (index % 5 == 0 && version == index % 4);
            bucket.entries.push(if deleted {
                Entry::delete_marker(key.clone(), id, time)
            } else {
                Entry::version(key.clone(), id, time)
            });
        }
        for upload in 0..=(index % 3) {
            time += 3;
            bucket.uploads.push(Upload::new(
                key.clone(),
                format!("u{index:02}.{upload}"),
                time,
            ));
        }
    }
    // Entries in scrambled order: the endpoint orders them itself.
    bucket.entries.reverse();
    bucket.uploads.rotate_left(5);
    bucket
}

#[tokio::test]
async fn every_listing_at_every_page_size_with_and_without_url_encoding_and_a_delimiter() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let bucket = hostile_bucket();
    endpoint.put_bucket("hostile", bucket.clone());
    let mut listings = 0;
    let mut items = 0;
    for listing in LISTINGS {
        for delimiter in [None, Some("/")] {
            let want = expected(&bucket, listing, "", delimiter);
            assert!(want.len() > 10);
            for url in [false, true] {
                for page_size in [1, 2, 3, 7, 1000] {
                    let context = format!(
                        "{listing:?}, page size {page_size}, url {url}, delimiter {delimiter:?}"
                    );
                    let options = Options {
                        page_size: Some(page_size),
                        url,
                        delimiter: delimiter.map(String::from),
                        ..Options::default()
                    };
                    let run = list(&client, "hostile", listing, &options).await;
                    assert_eq!(run.error, None, "{context}");
                    assert_no_repeats(&run.items, &context);
                    assert_eq!(run.items, want, "{context}");
                    assert!(run.cursor.is_none(), "{context}: complete");
                    listings += 1;
                    items += run.items.len();
                }
            }
        }
    }
    assert_eq!(listings, 80);
    eprintln!(
        "s3_aws_rules: {listings} listings of {} keys ({} versions and delete markers, {} uploads): \
         {items} items in {} pages, each listing exactly S3's, in S3's order",
        hostile_keys().len(),
        bucket.entries.len(),
        bucket.uploads.len(),
        endpoint.requests().len()
    );
}

#[tokio::test]
async fn url_encoded_markers_are_sent_back_decoded() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    endpoint.put_bucket("hostile", hostile_bucket());
    let options = Options {
        page_size: Some(2),
        url: true,
        ..Options::default()
    };
    for listing in LISTINGS {
        endpoint.clear_requests();
        let run = list(&client, "hostile", listing, &options).await;
        assert_eq!(run.error, None, "{listing:?}");
        let marker_name = match listing {
            Listing::ObjectsV1 => "marker",
            Listing::ObjectsV2 => "continuation-token",
            Listing::Versions | Listing::Uploads => "key-marker",
        };
        let markers: Vec<String> = endpoint
            .requests()
            .iter()
            .filter_map(|request| {
                request
                    .query
                    .iter()
                    .find(|(name, _)| name == marker_name)
                    .map(|(_, value)| value.clone())
            })
            .collect();
        assert!(markers.len() > 5, "{listing:?}: {markers:?}");
        if listing != Listing::ObjectsV2 {
            // Each marker is a real key: it names an item the listing returned.
            let names: HashSet<&str> = run.items.iter().map(|item| item.name.as_str()).collect();
            for marker in &markers {
                assert!(
                    names.contains(marker.as_str()),
                    "{listing:?}: marker {marker:?} is not a key"
                );
            }
            assert!(markers.iter().any(|marker| marker.contains(' ')));
            assert!(markers.iter().any(|marker| marker.contains('+')));
        }
    }
}

#[tokio::test]
async fn chained_max_items_and_resumes_join_exactly_with_url_encoding() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let bucket = hostile_bucket();
    endpoint.put_bucket("hostile", bucket.clone());
    for listing in LISTINGS {
        for delimiter in [None, Some("/")] {
            let want = expected(&bucket, listing, "", delimiter);
            for chunk in [1u64, 4, 5] {
                let context = format!("{listing:?}, delimiter {delimiter:?}, runs of {chunk}");
                let mut joined = Vec::new();
                let mut cursor: Option<Cursor> = None;
                for round in 0.. {
                    assert!(round <= want.len(), "{context}: does not end");
                    let options = Options {
                        page_size: Some(3),
                        url: true,
                        delimiter: delimiter.map(String::from),
                        max_items: Some(chunk),
                        // Through its string form, as a program that stops would keep it.
                        resume: cursor.map(|c| c.to_string().parse().unwrap()),
                        ..Options::default()
                    };
                    let run = list(&client, "hostile", listing, &options).await;
                    assert_eq!(run.error, None, "{context}");
                    assert!(run.items.len() as u64 <= chunk, "{context}");
                    joined.extend(run.items);
                    cursor = run.cursor;
                    if cursor.is_none() {
                        break;
                    }
                }
                assert_eq!(joined, want, "{context}");
            }
        }
    }
}

// --- The faults of S3-compatible servers: a complete listing or a typed error, never a short
// listing that reports success. -----------------------------------------------------------

fn eight_keys() -> Bucket {
    let mut bucket = Bucket::default();
    for (index, key) in ["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"]
        .iter()
        .enumerate()
    {
        bucket.entries.push(Entry::version(
            *key,
            format!("v{index}"),
            1_700_000_000 + index as i64,
        ));
        bucket.uploads.push(Upload::new(
            *key,
            format!("u{index}"),
            1_700_000_000 + index as i64,
        ));
    }
    bucket
}

#[tokio::test]
async fn a_server_that_hands_back_the_token_it_was_sent_while_truncated_is_an_error() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let mut bucket = eight_keys();
    // From the third page of two (entry 4) on.
    bucket.quirks.echo_token_from = Some(4);
    endpoint.put_bucket("echo", bucket.clone());
    for listing in LISTINGS {
        for url in [false, true] {
            let options = Options {
                page_size: Some(2),
                url,
                ..Options::default()
            };
            let run = list(&client, "echo", listing, &options).await;
            let context = format!("{listing:?}, url {url}");
            assert_eq!(run.guard, Some("duplicate token"), "{context}: {run:?}");
            // Six entries came (the third page's included); the cursor of the error points at
            // the page the server pointed back to.
            assert_eq!(run.items.len(), 6, "{context}");
            assert_eq!(
                run.items[..],
                expected(&bucket, listing, "", None)[..6],
                "{context}"
            );
        }
    }
}

#[tokio::test]
async fn a_truncated_page_without_a_token_is_an_error() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let mut bucket = eight_keys();
    bucket.quirks.omit_token_from = Some(4);
    endpoint.put_bucket("no-token", bucket);
    for listing in LISTINGS {
        let options = Options {
            page_size: Some(2),
            ..Options::default()
        };
        let run = list(&client, "no-token", listing, &options).await;
        match listing {
            // ListObjects v1 without a delimiter never gets NextMarker: it continues from the
            // last key, as S3 documents, and lists everything.
            Listing::ObjectsV1 => {
                assert_eq!(run.error, None, "{listing:?}");
                assert_eq!(run.items.len(), 8);
            }
            _ => assert_eq!(run.guard, Some("missing token"), "{listing:?}: {run:?}"),
        }
    }
    // With a delimiter, v1 falls back to the last key too.
    let options = Options {
        page_size: Some(2),
        delimiter: Some("/".into()),
        ..Options::default()
    };
    let run = list(&client, "no-token", Listing::ObjectsV1, &options).await;
    assert_eq!((run.error, run.items.len()), (None, 8));
}

#[tokio::test]
async fn empty_pages_that_carry_a_token_are_followed() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let mut bucket = hostile_bucket();
    bucket.quirks.empty_pages_with_token = true;
    endpoint.put_bucket("empty-pages", bucket.clone());
    for page_size in [1, 3] {
        endpoint.clear_requests();
        let options = Options {
            page_size: Some(page_size),
            url: true,
            ..Options::default()
        };
        let run = list(&client, "empty-pages", Listing::ObjectsV2, &options).await;
        assert_eq!(run.error, None);
        assert_eq!(run.items, expected(&bucket, Listing::ObjectsV2, "", None));
        // Twice the requests: an empty page before each real one.
        let pages = run.items.len().div_ceil(page_size as usize);
        assert_eq!(endpoint.requests().len(), 2 * pages);
    }
}

// --- The failing inputs of the real-S3 issue, each a regression test -----------------------

#[tokio::test]
async fn regression_list_objects_v1_url_encoded_without_a_delimiter() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let keys = [
        "(p) x", "a!.txt", "a+b.txt", "café", "k=1", "k=2", "t/obj\\1", "t/obj\\2", "z%41",
    ];
    endpoint.put_bucket("v1", Bucket::objects(keys));
    let options = Options {
        page_size: Some(1),
        url: true,
        ..Options::default()
    };
    // Was: `%28p%29+x` twice, then `Ok` with 2 items.
    let run = list(&client, "v1", Listing::ObjectsV1, &options).await;
    assert_eq!(run.error, None);
    let names: Vec<&str> = run.items.iter().map(|item| item.name.as_str()).collect();
    assert_eq!(names, keys);

    // Was: 10 entries, `k%3D1` three times, others missing.
    let options = Options {
        page_size: Some(2),
        url: true,
        delimiter: Some("/".into()),
        ..Options::default()
    };
    let run = list(&client, "v1", Listing::ObjectsV1, &options).await;
    assert_eq!(run.error, None);
    let names: Vec<&str> = run.items.iter().map(|item| item.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "(p) x", "a!.txt", "a+b.txt", "café", "k=1", "k=2", "t/", "z%41"
        ]
    );
}

#[tokio::test]
async fn regression_list_object_versions_url_encoded() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let bucket = hostile_bucket();
    endpoint.put_bucket("versions", bucket.clone());
    // Was: the encoded key sent back as key-marker with a version marker the endpoint could
    // not find for it: 400 on the second request.
    for page_size in [1, 3] {
        let options = Options {
            page_size: Some(page_size),
            url: true,
            ..Options::default()
        };
        let run = list(&client, "versions", Listing::Versions, &options).await;
        assert_eq!(run.error, None);
        assert_eq!(run.items, expected(&bucket, Listing::Versions, "", None));
    }
}

#[tokio::test]
async fn regression_list_multipart_uploads_url_encoded() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let uploads = [
        ("a b", "u1"),
        ("a b", "u2"),
        ("a+b", "u3"),
        ("k=1", "u4"),
        ("k=1", "u5"),
        ("z", "u6"),
    ];
    let bucket = Bucket {
        uploads: uploads
            .iter()
            .enumerate()
            .map(|(n, (key, id))| Upload::new(*key, *id, 1_700_000_000 + n as i64))
            .collect(),
        ..Bucket::default()
    };
    endpoint.put_bucket("uploads", bucket);
    let options = Options {
        page_size: Some(2),
        url: true,
        ..Options::default()
    };
    // Was: 8 entries, u4 three times, u6 never.
    let run = list(&client, "uploads", Listing::Uploads, &options).await;
    assert_eq!(run.error, None);
    let listed: Vec<(&str, &str)> = run
        .items
        .iter()
        .map(|item| (item.name.as_str(), item.id.as_deref().unwrap()))
        .collect();
    assert_eq!(listed, uploads);
}

#[tokio::test]
async fn regression_a_repeated_token_while_truncated_fails_the_listing() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let mut bucket = eight_keys();
    bucket.quirks.echo_token_from = Some(4);
    endpoint.put_bucket("minio-echo", bucket);
    // Was: 6 (V2) and 4 (versions) of the 8 keys, and success.
    for listing in [Listing::ObjectsV2, Listing::Versions] {
        let options = Options {
            page_size: Some(2),
            ..Options::default()
        };
        let run = list(&client, "minio-echo", listing, &options).await;
        assert_eq!(run.guard, Some("duplicate token"), "{listing:?}");
        assert!(
            run.cursor.is_some(),
            "{listing:?}: the listing is not complete"
        );
    }
}

#[tokio::test]
async fn regression_the_latest_entry_of_a_key_comes_first() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let bucket = Bucket {
        entries: vec![
            Entry::version("a", "a0", 1_700_000_000),
            Entry::delete_marker("a", "a1", 1_700_000_001),
            Entry::version("a", "a2", 1_700_000_002),
            Entry::delete_marker("a", "a3", 1_700_000_003),
        ],
        ..Bucket::default()
    };
    endpoint.put_bucket("latest", bucket);
    for page_size in [1, 2, 3, 4] {
        let options = Options {
            page_size: Some(page_size),
            ..Options::default()
        };
        // Was (page size 3): a2, a3, a1, a0.
        let run = list(&client, "latest", Listing::Versions, &options).await;
        let ids: Vec<&str> = run
            .items
            .iter()
            .map(|item| item.id.as_deref().unwrap())
            .collect();
        assert_eq!(ids, ["a3", "a2", "a1", "a0"], "page size {page_size}");
        assert_eq!(run.items[0].latest, Some(true));
        assert_eq!(run.items[0].kind, "delete_marker");
    }
}

#[tokio::test]
async fn regression_uploads_without_next_upload_id_marker() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let mut bucket = Bucket {
        uploads: vec![
            Upload::new("k", "u1", 1_700_000_001),
            Upload::new("k", "u2", 1_700_000_002),
            Upload::new("k", "u3", 1_700_000_003),
            Upload::new("m", "u4", 1_700_000_004),
        ],
        ..Bucket::default()
    };
    bucket.quirks.omit_next_upload_id_marker = true;
    endpoint.put_bucket("gateway", bucket);
    for url in [false, true] {
        let options = Options {
            page_size: Some(2),
            url,
            ..Options::default()
        };
        // Was: u3 skipped, and success.
        let run = list(&client, "gateway", Listing::Uploads, &options).await;
        assert_eq!(run.error, None);
        let ids: Vec<&str> = run
            .items
            .iter()
            .map(|item| item.id.as_deref().unwrap())
            .collect();
        assert_eq!(ids, ["u1", "u2", "u3", "u4"], "url {url}");
    }
}

#[tokio::test]
async fn a_page_size_of_zero_is_refused_before_any_request() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    endpoint.put_bucket("zero", eight_keys());
    for listing in LISTINGS {
        endpoint.clear_requests();
        let options = Options {
            page_size: Some(0),
            ..Options::default()
        };
        let run = list(&client, "zero", listing, &options).await;
        assert_eq!(run.guard, Some("page size"), "{listing:?}");
        assert!(run.items.is_empty());
        assert!(endpoint.requests().is_empty(), "{listing:?}: nothing sent");
    }
}

#[tokio::test]
async fn a_failed_request_says_what_s3_said_on_one_line() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let run = list(
        &client,
        "no-such-bucket",
        Listing::Versions,
        &Options::default(),
    )
    .await;
    assert!(run.items.is_empty());
    let mut items = Paginator::<ListObjectVersions>::new(
        client.list_object_versions().bucket("no-such-bucket"),
    )
    .items();
    let error = items.next().await.unwrap().unwrap_err();
    let text = error.to_string();
    assert!(!text.contains('\n'), "{text}");
    assert!(text.starts_with("a page request failed: "), "{text}");
    assert!(text.contains("NoSuchBucket"), "{text}");
    eprintln!("s3_aws_rules: {text}");
}
