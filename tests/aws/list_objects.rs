//! S3 ListObjects (v1) through `pagination_aws::s3::ListObjects`, against moto.
//!
//! moto 5.2 differs from S3 in two ways that decide what is asserted here
//! (/work/shared/reference/local-aws-moto.md):
//! - `NextMarker` is an md5 string, not a key, and comes even without a delimiter. moto accepts
//!   it back as `Marker`, so the paginator's `next_marker || contents?.last()?.key` rule is
//!   exercised on its first branch only; `mock_list_objects` covers the fallback to the last key.
//! - With a delimiter, moto repeats every CommonPrefix on every page and does not count them in
//!   MaxKeys (S3 returns each prefix once and counts it). The paginator passes pages through, so
//!   its prefix items repeat too. What is asserted: the objects exactly (order, no duplicates);
//!   the distinct prefixes, in first-seen order, equal the unpaginated listing's; and the item
//!   stream is exactly the page stream flattened (objects, then prefixes, page by page), so
//!   nothing is dropped, reordered or invented by the paginator.

use std::collections::HashSet;

use aws_sdk_s3::operation::list_objects::ListObjectsOutput;
use futures::TryStreamExt;
use pagination_aws::s3::{ListObjects, ObjectEntry};
use pagination_core::{IntoPaginator, Paginator};

use crate::fixtures::{KEYS, seed_bucket, sorted_keys, top_level_prefixes};
use crate::support::{moto, unique_bucket};

/// Object keys and common prefixes, each in listing order.
#[derive(Debug, Default, PartialEq)]
struct Listing {
    keys: Vec<String>,
    prefixes: Vec<String>,
}

fn entry_name(entry: &ObjectEntry) -> String {
    match entry {
        ObjectEntry::Object(object) => format!("object {}", object.key().unwrap_or_default()),
        ObjectEntry::CommonPrefix(prefix) => {
            format!("prefix {}", prefix.prefix().unwrap_or_default())
        }
    }
}

fn page_entries(page: &ListObjectsOutput) -> Vec<String> {
    let objects = page
        .contents()
        .iter()
        .map(|object| format!("object {}", object.key().unwrap_or_default()));
    let prefixes = page
        .common_prefixes()
        .iter()
        .map(|prefix| format!("prefix {}", prefix.prefix().unwrap_or_default()));
    objects.chain(prefixes).collect()
}

/// The key or prefix of a `page_entries` line.
fn entry_key(entry: &str) -> &str {
    entry.split_once(' ').map_or(entry, |(_, name)| name)
}

/// The whole listing in one request (the bucket holds fewer than 1000 keys).
async fn unpaginated(
    client: &aws_sdk_s3::Client,
    bucket: &str,
    delimiter: Option<&str>,
) -> Listing {
    let page = client
        .list_objects()
        .bucket(bucket)
        .set_delimiter(delimiter.map(str::to_owned))
        .max_keys(1000)
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.is_truncated(),
        Some(false),
        "the reference must fit one page"
    );
    Listing {
        keys: page
            .contents()
            .iter()
            .map(|o| o.key().unwrap().to_owned())
            .collect(),
        prefixes: page
            .common_prefixes()
            .iter()
            .map(|p| p.prefix().unwrap().to_owned())
            .collect(),
    }
}

#[tokio::test]
async fn streams_every_object_at_every_page_size() {
    let server = moto();
    let client = server.s3_client();
    let bucket = unique_bucket("objects-v1");
    seed_bucket(&client, &bucket, KEYS).await;

    for delimiter in [None, Some("/")] {
        let reference = unpaginated(&client, &bucket, delimiter).await;
        match delimiter {
            // Special characters survive the round trip, and S3 order is byte order.
            None => {
                assert_eq!(reference.keys, sorted_keys());
                assert!(reference.prefixes.is_empty());
            }
            Some(_) => {
                let top_level: Vec<String> = sorted_keys()
                    .into_iter()
                    .filter(|key| !key.contains('/'))
                    .collect();
                assert_eq!(reference.keys, top_level);
                assert_eq!(reference.prefixes, top_level_prefixes());
            }
        }

        for page_size in [1u32, 2, 7, 1000] {
            let context = format!("page size {page_size}, delimiter {delimiter:?}");
            let request = client
                .list_objects()
                .bucket(&bucket)
                .set_delimiter(delimiter.map(str::to_owned));

            let mut streamed = Listing::default();
            let mut entries = Vec::new();
            let mut items = request
                .clone()
                .into_paginator()
                .page_size(page_size)
                .items();
            while let Some(entry) = items.try_next().await.unwrap() {
                entries.push(entry_name(&entry));
                match entry {
                    ObjectEntry::Object(object) => streamed.keys.push(object.key().unwrap().into()),
                    ObjectEntry::CommonPrefix(prefix) => {
                        streamed.prefixes.push(prefix.prefix().unwrap().into())
                    }
                }
            }
            assert!(
                items.cursor().is_none(),
                "{context}: the listing is complete"
            );
            let distinct: HashSet<&String> = streamed.keys.iter().collect();
            assert_eq!(
                distinct.len(),
                streamed.keys.len(),
                "{context}: a key came twice"
            );
            assert_eq!(streamed.keys, reference.keys, "{context}");
            let mut seen = HashSet::new();
            let first_seen: Vec<String> = streamed
                .prefixes
                .iter()
                .filter(|prefix| seen.insert(prefix.as_str()))
                .cloned()
                .collect();
            assert_eq!(first_seen, reference.prefixes, "{context}");

            // Pages: moto pages the objects only, `page_size` at a time.
            let pages: Vec<ListObjectsOutput> = Paginator::<ListObjects>::new(request)
                .page_size(page_size)
                .send()
                .try_collect()
                .await
                .unwrap();
            let expected_pages = reference.keys.len().div_ceil(page_size as usize);
            assert_eq!(pages.len(), expected_pages, "{context}");
            assert_eq!(items.pages(), expected_pages as u64, "{context}");
            for page in &pages[..pages.len() - 1] {
                assert_eq!(page.is_truncated(), Some(true), "{context}");
                assert!(page.contents().len() <= page_size as usize, "{context}");
            }
            assert_eq!(
                pages.last().unwrap().is_truncated(),
                Some(false),
                "{context}"
            );
            // Each page's objects and prefixes, interleaved in key order (moto repeats every
            // common prefix on each page; S3 would not).
            let flattened: Vec<String> = pages
                .iter()
                .flat_map(|page| {
                    let mut entries = page_entries(page);
                    entries.sort_by(|a, b| entry_key(a).cmp(entry_key(b)));
                    entries
                })
                .collect();
            assert_eq!(
                entries, flattened,
                "{context}: items are each page's entries in key order"
            );
        }
    }
}

#[tokio::test]
async fn a_prefix_and_a_nested_delimiter_narrow_the_listing() {
    let server = moto();
    let client = server.s3_client();
    let bucket = unique_bucket("objects-v1-prefix");
    seed_bucket(&client, &bucket, KEYS).await;

    let entries: Vec<ObjectEntry> = client
        .list_objects()
        .bucket(&bucket)
        .prefix("data/")
        .into_paginator()
        .page_size(1)
        .items()
        .try_collect()
        .await
        .unwrap();
    let keys: Vec<String> = entries.iter().map(entry_name).collect();
    assert_eq!(
        keys,
        [
            "object data/2024/01.json",
            "object data/2024/02.json",
            "object data/2025/01.json"
        ]
    );

    let first_page_only: Vec<ObjectEntry> = client
        .list_objects()
        .bucket(&bucket)
        .prefix("beta/")
        .into_paginator()
        .page_size(2)
        .max_pages(1)
        .items()
        .try_collect()
        .await
        .unwrap();
    let keys: Vec<String> = first_page_only.iter().map(entry_name).collect();
    assert_eq!(keys, ["object beta/100%.log", "object beta/a&b<c>.xml"]);
}
