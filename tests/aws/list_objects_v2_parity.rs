//! `pagination_aws::s3::ListObjectsV2` against the SDK's own ListObjectsV2 paginator, on the
//! same moto bucket: the same pages (keys, prefixes and next token of each page; whole outputs
//! differ by their request ids) and the same items (the SDK's pages flattened).

use aws_sdk_s3::operation::list_objects_v2::ListObjectsV2Output;
use futures::TryStreamExt;
use pagination_aws::s3::{ListObjectsV2, ObjectEntryV2};
use pagination_core::Paginator;

use crate::fixtures::{KEYS, seed_bucket, sorted_keys};
use crate::support::{moto, unique_bucket};

/// Keys, common prefixes and the next continuation token of one page.
type PageSummary = (Vec<String>, Vec<String>, Option<String>);

fn summarize(page: &ListObjectsV2Output) -> PageSummary {
    (
        page.contents()
            .iter()
            .map(|o| o.key().unwrap_or_default().to_owned())
            .collect(),
        page.common_prefixes()
            .iter()
            .map(|p| p.prefix().unwrap_or_default().to_owned())
            .collect(),
        page.next_continuation_token().map(str::to_owned),
    )
}

/// A page's items in the order the paginator yields them: contents, then common prefixes.
fn flatten(page: ListObjectsV2Output) -> Vec<ObjectEntryV2> {
    let objects = page
        .contents
        .unwrap_or_default()
        .into_iter()
        .map(ObjectEntryV2::Object);
    let prefixes = page
        .common_prefixes
        .unwrap_or_default()
        .into_iter()
        .map(ObjectEntryV2::CommonPrefix);
    objects.chain(prefixes).collect()
}

fn entry_name(entry: &ObjectEntryV2) -> &str {
    match entry {
        ObjectEntryV2::Object(object) => object.key().unwrap_or_default(),
        ObjectEntryV2::CommonPrefix(prefix) => prefix.prefix().unwrap_or_default(),
    }
}

#[tokio::test]
async fn pages_and_items_match_the_sdk_paginator() {
    let server = moto();
    let client = server.s3_client();
    let bucket = unique_bucket("objects-v2");
    seed_bucket(&client, &bucket, KEYS).await;

    let mut compared_pages = 0;
    for (prefix, delimiter) in [(None, None), (None, Some("/")), (Some("data/"), Some("/"))] {
        for page_size in [1, 2, 5, 1000] {
            let context =
                format!("page size {page_size}, prefix {prefix:?}, delimiter {delimiter:?}");
            let request = client
                .list_objects_v2()
                .bucket(&bucket)
                .set_prefix(prefix.map(str::to_owned))
                .set_delimiter(delimiter.map(str::to_owned));

            let sdk_pages: Vec<ListObjectsV2Output> = request
                .clone()
                .into_paginator()
                .page_size(page_size)
                .send()
                .try_collect()
                .await
                .unwrap();
            let our_pages: Vec<ListObjectsV2Output> =
                Paginator::<ListObjectsV2>::new(request.clone())
                    .page_size(page_size as u32)
                    .send()
                    .try_collect()
                    .await
                    .unwrap();
            let sdk_summary: Vec<PageSummary> = sdk_pages.iter().map(summarize).collect();
            let our_summary: Vec<PageSummary> = our_pages.iter().map(summarize).collect();
            assert_eq!(our_summary, sdk_summary, "{context}");
            if page_size == 1 && prefix.is_none() {
                assert!(
                    our_pages.len() > 5,
                    "{context}: the listing spans many pages"
                );
            }
            if prefix.is_none() && delimiter.is_none() {
                let keys: Vec<String> = our_summary
                    .iter()
                    .flat_map(|(keys, _, _)| keys.clone())
                    .collect();
                assert_eq!(keys, sorted_keys(), "{context}");
            }
            compared_pages += our_pages.len();

            // The SDK's pages hold objects and prefixes apart; the item stream interleaves each
            // page's in key order.
            let sdk_items: Vec<ObjectEntryV2> = sdk_pages
                .into_iter()
                .flat_map(|page| {
                    let mut entries = flatten(page);
                    entries.sort_by(|a, b| entry_name(a).cmp(entry_name(b)));
                    entries
                })
                .collect();
            let our_items: Vec<ObjectEntryV2> = Paginator::<ListObjectsV2>::new(request)
                .page_size(page_size as u32)
                .items()
                .try_collect()
                .await
                .unwrap();
            assert!(!our_items.is_empty(), "{context}");
            assert_eq!(our_items, sdk_items, "{context}");
        }
    }
    eprintln!("list_objects_v2_parity: {compared_pages} pages compared with the SDK paginator");
}
