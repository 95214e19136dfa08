//! Keys that differ only by their encoding (`a b`, `a+b`, `a%20b`, `a%2520b`), odd delimiters and
//! prefixes, against the AWS-rules endpoint: every listing whole at every page size, resumed at
//! every offset through the cursor's string form, the same through prefetch and both streams,
//! and through the documented fallbacks when a gateway omits `NextMarker` or `NextUploadIdMarker`.

use std::collections::HashSet;

use aws_sdk_s3::operation::list_object_versions::ListObjectVersionsOutput;
use aws_sdk_s3::types::EncodingType;
use futures::TryStreamExt;
use pagination_aws::s3::{ListObjectVersions, ObjectVersionEntry};
use pagination_core::{Cursor, Paginator};
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

// --- Encoding twins, odd delimiters, prefixes: the whole listing, every page size ---------

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

// --- Resume at every offset, with URL encoding and a delimiter, through the string form ----

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

// --- Prefetch, page stream and item stream agree ----------------------------------------

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

// --- The fallbacks over the twins: v1 without NextMarker, uploads without NextUploadIdMarker

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
