//! S3 ListObjectVersions through `pagination_aws::s3::ListObjectVersions`, against moto.

use std::collections::{BTreeMap, HashSet};

use futures::TryStreamExt;
use pagination_aws::s3::{ListObjectVersions, ObjectVersionEntry};
use pagination_core::{IntoPaginator, Paginator};
use pagination_examples::seed::{self, Write};

use crate::support::{moto, unique_bucket};

/// A listing split by kind, each kind in listing order.
#[derive(Debug, Default, PartialEq)]
struct Listing {
    /// (key, version id, is latest)
    versions: Vec<(String, String, bool)>,
    /// (key, version id, is latest)
    delete_markers: Vec<(String, String, bool)>,
    prefixes: Vec<String>,
}

impl Listing {
    fn push(&mut self, entry: ObjectVersionEntry) {
        match entry {
            ObjectVersionEntry::Version(version) => self.versions.push((
                version.key().unwrap_or_default().to_owned(),
                version.version_id().unwrap_or_default().to_owned(),
                version.is_latest().unwrap_or_default(),
            )),
            ObjectVersionEntry::DeleteMarker(marker) => self.delete_markers.push((
                marker.key().unwrap_or_default().to_owned(),
                marker.version_id().unwrap_or_default().to_owned(),
                marker.is_latest().unwrap_or_default(),
            )),
            ObjectVersionEntry::CommonPrefix(prefix) => self
                .prefixes
                .push(prefix.prefix().unwrap_or_default().to_owned()),
        }
    }

    fn len(&self) -> usize {
        self.versions.len() + self.delete_markers.len() + self.prefixes.len()
    }
}

/// The whole listing in one request (the bucket holds fewer than 1000 entries).
async fn unpaginated(
    client: &aws_sdk_s3::Client,
    bucket: &str,
    delimiter: Option<&str>,
) -> Listing {
    let page = client
        .list_object_versions()
        .bucket(bucket)
        .set_delimiter(delimiter.map(str::to_owned))
        .max_keys(1000)
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.is_truncated(),
        Some(false),
        "the reference listing must fit one page"
    );
    let mut listing = Listing::default();
    for version in page.versions() {
        listing.push(ObjectVersionEntry::Version(version.clone()));
    }
    for marker in page.delete_markers() {
        listing.push(ObjectVersionEntry::DeleteMarker(marker.clone()));
    }
    for prefix in page.common_prefixes() {
        listing.push(ObjectVersionEntry::CommonPrefix(prefix.clone()));
    }
    listing
}

fn assert_no_duplicates(listing: &Listing) {
    let versions: HashSet<_> = listing
        .versions
        .iter()
        .map(|(key, id, _)| (key, id))
        .collect();
    assert_eq!(
        versions.len(),
        listing.versions.len(),
        "a version was listed twice"
    );
    let markers: HashSet<_> = listing
        .delete_markers
        .iter()
        .map(|(key, id, _)| (key, id))
        .collect();
    assert_eq!(
        markers.len(),
        listing.delete_markers.len(),
        "a delete marker was listed twice"
    );
    let prefixes: HashSet<_> = listing.prefixes.iter().collect();
    assert_eq!(
        prefixes.len(),
        listing.prefixes.len(),
        "a common prefix was listed twice"
    );
}

#[tokio::test]
async fn streams_every_version_and_delete_marker_at_every_page_size() {
    let server = moto();
    let client = server.s3_client();
    let bucket = unique_bucket("versions");
    let plan = seed::plan(80);
    seed::seed_versioned_bucket(&client, &bucket, &plan)
        .await
        .unwrap();
    let (planned_versions, planned_markers) = seed::count(&plan);
    assert!(planned_versions + planned_markers >= 150);

    for delimiter in [None, Some("/")] {
        let reference = unpaginated(&client, &bucket, delimiter).await;
        if delimiter.is_none() {
            assert_eq!(reference.versions.len(), planned_versions);
            assert_eq!(reference.delete_markers.len(), planned_markers);
            // Every key's writes are all there.
            let mut per_key: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            for (key, _, _) in &reference.versions {
                per_key.entry(key).or_default().0 += 1;
            }
            for (key, _, _) in &reference.delete_markers {
                per_key.entry(key).or_default().1 += 1;
            }
            for (key, writes) in &plan {
                let puts = writes.iter().filter(|write| **write == Write::Put).count();
                assert_eq!(per_key[key.as_str()], (puts, writes.len() - puts), "{key}");
            }
        } else {
            assert!(!reference.prefixes.is_empty());
        }

        for page_size in [1, 2, 7, 1000] {
            let context = format!("page size {page_size}, delimiter {delimiter:?}");
            let request = client
                .list_object_versions()
                .bucket(&bucket)
                .set_delimiter(delimiter.map(str::to_owned));

            let mut streamed = Listing::default();
            let mut items = request
                .clone()
                .into_paginator()
                .page_size(page_size)
                .items();
            while let Some(entry) = items.try_next().await.unwrap() {
                streamed.push(entry);
            }
            assert_no_duplicates(&streamed);
            assert_eq!(streamed, reference, "{context}");
            assert!(
                items.cursor().is_none(),
                "{context}: the listing is complete"
            );

            let pages: Vec<_> = Paginator::<ListObjectVersions>::new(request)
                .page_size(page_size)
                .send()
                .try_collect()
                .await
                .unwrap();
            let expected_pages = reference.len().div_ceil(page_size as usize);
            if delimiter.is_none() {
                assert_eq!(pages.len(), expected_pages, "{context}");
            } else {
                assert!(pages.len() >= expected_pages.min(2), "{context}");
            }
            for page in &pages[..pages.len() - 1] {
                assert_eq!(page.is_truncated(), Some(true), "{context}");
            }
        }
    }
}

#[tokio::test]
async fn a_prefix_narrows_the_listing() {
    let server = moto();
    let client = server.s3_client();
    let bucket = unique_bucket("versions-prefix");
    seed::seed_versioned_bucket(&client, &bucket, &seed::plan(30))
        .await
        .unwrap();

    let entries: Vec<ObjectVersionEntry> = client
        .list_object_versions()
        .bucket(&bucket)
        .prefix("photos/2024/")
        .into_paginator()
        .page_size(3)
        .items()
        .try_collect()
        .await
        .unwrap();
    let mut listing = Listing::default();
    entries.into_iter().for_each(|entry| listing.push(entry));
    assert!(!listing.versions.is_empty());
    assert!(
        listing
            .versions
            .iter()
            .chain(&listing.delete_markers)
            .all(|(key, _, _)| key.starts_with("photos/2024/"))
    );
    let full = unpaginated(&client, &bucket, None).await;
    let expected: Vec<_> = full
        .versions
        .into_iter()
        .filter(|(key, _, _)| key.starts_with("photos/2024/"))
        .collect();
    assert_eq!(listing.versions, expected);
}
