//! `pagination_aws::s3::ListObjects` (v1) against an aws-smithy-mocks model of S3's rules, for
//! what moto cannot show: moto always returns an (md5) NextMarker, S3 returns NextMarker only
//! when a delimiter is set.
//!
//! The model, from the ListObjects documentation:
//! - keys in UTF-8 byte order; with a delimiter, keys that contain it after the prefix are rolled
//!   into one CommonPrefix each, listed once, and counted in MaxKeys (default and maximum 1000);
//! - `Marker`: list what sorts after it (a prefix equal to the marker is skipped with its keys);
//! - NextMarker only with a delimiter: the last entry of the page, object key or prefix. Without
//!   a delimiter it is absent and the next marker is the page's last key;
//! - the model panics on a marker no response implied: say the last object key of a page whose
//!   NextMarker is a later common prefix, which would list that prefix again.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use aws_sdk_s3::Client;
use aws_sdk_s3::operation::list_objects::{ListObjectsInput, ListObjectsOutput};
use aws_sdk_s3::types::{CommonPrefix, Object};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::s3::{ListObjects, ObjectEntry};
use pagination_core::{IntoPaginator, Paginator};

use crate::fixtures::{sorted_keys, top_level_prefixes};

#[derive(Default)]
struct State {
    /// Markers a response implied: its NextMarker, or its last key when it had none.
    continuations: HashSet<String>,
    /// The Marker of each request.
    seen: Vec<Option<String>>,
}

struct ObjectsModel {
    keys: Vec<String>,
    state: Mutex<State>,
}

impl ObjectsModel {
    /// (name, is a common prefix), in listing order.
    fn entries(&self, prefix: &str, delimiter: Option<&str>) -> Vec<(String, bool)> {
        let mut entries: Vec<(String, bool)> = Vec::new();
        for key in &self.keys {
            let Some(rest) = key.strip_prefix(prefix) else {
                continue;
            };
            match delimiter.and_then(|d| rest.find(d).map(|at| at + d.len())) {
                Some(end) => {
                    let rolled = (format!("{prefix}{}", &rest[..end]), true);
                    if entries.last() != Some(&rolled) {
                        entries.push(rolled);
                    }
                }
                None => entries.push((key.clone(), false)),
            }
        }
        entries
    }

    fn serve(&self, input: &ListObjectsInput) -> ListObjectsOutput {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let marker = input.marker().map(str::to_owned);
        state.seen.push(marker.clone());
        if let Some(marker) = &marker {
            assert!(
                state.continuations.contains(marker),
                "marker {marker:?} was implied by no response"
            );
        }
        let max = match input.max_keys() {
            None => 1000,
            Some(max) if max < 1 => panic!("max-keys {max} is invalid"),
            Some(max) => (max as usize).min(1000),
        };
        let entries = self.entries(input.prefix().unwrap_or_default(), input.delimiter());
        let start = match &marker {
            None => 0,
            Some(marker) => entries
                .iter()
                .position(|(name, _)| name > marker)
                .unwrap_or(entries.len()),
        };
        let end = (start + max).min(entries.len());
        let page = &entries[start..end];
        let truncated = end < entries.len();
        let next_marker = match (input.delimiter(), page.last()) {
            (Some(_), Some((last, _))) if truncated => Some(last.clone()),
            _ => None,
        };
        if truncated {
            let implied = next_marker
                .clone()
                .unwrap_or_else(|| page.last().unwrap().0.clone());
            state.continuations.insert(implied);
        }
        let contents: Vec<Object> = page
            .iter()
            .filter(|(_, rolled)| !rolled)
            .map(|(key, _)| Object::builder().key(key).size(key.len() as i64).build())
            .collect();
        let prefixes: Vec<CommonPrefix> = page
            .iter()
            .filter(|(_, rolled)| *rolled)
            .map(|(prefix, _)| CommonPrefix::builder().prefix(prefix).build())
            .collect();
        ListObjectsOutput::builder()
            .name(input.bucket().unwrap_or_default())
            .set_marker(marker)
            .set_next_marker(next_marker)
            .set_prefix(input.prefix().map(str::to_owned))
            .set_delimiter(input.delimiter().map(str::to_owned))
            .max_keys(max as i32)
            .is_truncated(truncated)
            .set_contents(Some(contents))
            .set_common_prefixes(Some(prefixes))
            .build()
    }

    fn take_seen(&self) -> Vec<Option<String>> {
        std::mem::take(&mut self.state.lock().unwrap_or_else(|p| p.into_inner()).seen)
    }
}

fn name(entry: &ObjectEntry) -> (String, bool) {
    match entry {
        ObjectEntry::Object(object) => (object.key().unwrap().to_owned(), false),
        ObjectEntry::CommonPrefix(prefix) => (prefix.prefix().unwrap().to_owned(), true),
    }
}

#[tokio::test]
async fn without_a_delimiter_the_last_key_is_the_next_marker() {
    let model = Arc::new(ObjectsModel {
        keys: sorted_keys(),
        state: Mutex::default(),
    });
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_objects).then_compute_output(move |input| serving.serve(input));
    let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);
    let mut calls = 0;
    for page_size in [1u32, 2, 7, 1000] {
        let request = client.list_objects().bucket("bucket");
        let pages: Vec<ListObjectsOutput> = Paginator::<ListObjects>::new(request.clone())
            .page_size(page_size)
            .send()
            .try_collect()
            .await
            .unwrap();
        assert!(
            pages.iter().all(|page| page.next_marker().is_none()),
            "S3 sends no NextMarker here"
        );
        let items: Vec<ObjectEntry> = request
            .into_paginator()
            .page_size(page_size)
            .items()
            .try_collect()
            .await
            .unwrap();
        let keys: Vec<String> = items.iter().map(|e| name(e).0).collect();
        // The keys are distinct, so equality also rules out duplicates.
        assert_eq!(keys, sorted_keys(), "page size {page_size}");
        let seen = model.take_seen();
        let pages_expected = sorted_keys().len().div_ceil(page_size as usize);
        assert_eq!(pages.len(), pages_expected);
        assert_eq!(seen.len(), 2 * pages_expected, "page size {page_size}");
        calls += seen.len();
        assert_eq!(rule.num_calls(), calls);
    }
}

#[tokio::test]
async fn with_a_delimiter_next_marker_wins_over_the_last_key() {
    let model = Arc::new(ObjectsModel {
        keys: sorted_keys(),
        state: Mutex::default(),
    });
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_objects).then_compute_output(move |input| serving.serve(input));
    let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);
    let expected = model.entries("", Some("/"));
    let expected_prefixes: Vec<String> = expected
        .iter()
        .filter(|(_, rolled)| *rolled)
        .map(|(p, _)| p.clone())
        .collect();
    assert_eq!(expected_prefixes, top_level_prefixes());

    let (mut prefix_only_pages, mut prefix_last_pages) = (0, 0);
    for page_size in [1u32, 2, 3, 1000] {
        let context = format!("page size {page_size}");
        let request = client.list_objects().bucket("bucket").delimiter("/");
        let pages: Vec<ListObjectsOutput> = Paginator::<ListObjects>::new(request.clone())
            .page_size(page_size)
            .send()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(
            pages.len(),
            expected.len().div_ceil(page_size as usize),
            "{context}"
        );
        for page in &pages {
            let last_is_prefix = page.is_truncated() == Some(true)
                && page.common_prefixes().last().and_then(|p| p.prefix()) == page.next_marker();
            prefix_only_pages +=
                usize::from(page.contents().is_empty() && page.is_truncated() == Some(true));
            prefix_last_pages += usize::from(last_is_prefix && !page.contents().is_empty());
        }
        let items: Vec<ObjectEntry> = request
            .into_paginator()
            .page_size(page_size)
            .items()
            .try_collect()
            .await
            .unwrap();
        model.take_seen();
        let names: Vec<(String, bool)> = items.iter().map(name).collect();
        // Objects and prefixes interleave in the listing; within a page objects come first.
        let of_kind = |entries: &[(String, bool)], rolled: bool| -> Vec<String> {
            entries
                .iter()
                .filter(|(_, r)| *r == rolled)
                .map(|(n, _)| n.clone())
                .collect()
        };
        assert_eq!(
            of_kind(&names, false),
            of_kind(&expected, false),
            "{context}"
        );
        assert_eq!(of_kind(&names, true), of_kind(&expected, true), "{context}");
        assert_eq!(names.len(), expected.len(), "{context}: each prefix once");
    }
    // Pages made of prefixes alone (only NextMarker can continue them) and pages whose last entry
    // is a prefix after some objects (the last key would list the prefix again) both occurred.
    assert!(prefix_only_pages > 0);
    assert!(prefix_last_pages > 0);
}
