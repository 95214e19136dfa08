//! `pagination_aws::s3::ListMultipartUploads` against an aws-smithy-mocks model of S3's paging
//! rules (moto ignores MaxUploads and the markers, and never truncates).
//!
//! The model, from the ListMultipartUploads documentation:
//! - uploads are listed by key, then by initiation time (the model's upload ids grow with it, so
//!   this is also (key, upload id) order); with a delimiter, the keys that contain it after the
//!   prefix are rolled into one CommonPrefix each, and every upload or prefix counts toward
//!   MaxUploads (default and maximum 1000);
//! - `key-marker` alone lists what comes after that key (all uploads of keys > key-marker; a
//!   rolled-up prefix equal to the marker is skipped too); `key-marker` + `upload-id-marker`
//!   lists the uploads of the marker's key after that upload id, then the later keys;
//! - `upload-id-marker` without `key-marker` is ignored by S3: the model panics instead, since a
//!   paginator that sends it has lost track;
//! - every marker pair it receives must be a pair it returned as (NextKeyMarker,
//!   NextUploadIdMarker), or, where it returned NextKeyMarker alone, that key with the id of the
//!   key's last upload on that page (the paginator's fallback: the same position); a stale
//!   upload-id marker left over from an earlier page panics;
//! - NextKeyMarker / NextUploadIdMarker name the last entry of the page (a prefix has no upload
//!   id); they are returned on the last page too, with IsTruncated false, so only IsTruncated
//!   can end the listing. With `omit_upload_id_at_key_end`, a page that ends with the last upload
//!   of a key returns NextKeyMarker alone, which is enough to continue.
//! - directory buckets: NextKeyMarker is opaque (not a key), upload-id-marker is not supported
//!   (panic if sent), and the listing order is not key order.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use aws_sdk_s3::Client;
use aws_sdk_s3::operation::list_multipart_uploads::{
    ListMultipartUploadsInput, ListMultipartUploadsOutput,
};
use aws_sdk_s3::types::{CommonPrefix, MultipartUpload};
use aws_smithy_mocks::{Rule, RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::s3::{ListMultipartUploads, UploadEntry};
use pagination_core::{IntoPaginator, Paginator};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bucket {
    General { omit_upload_id_at_key_end: bool },
    Directory,
}

/// One request, as the model saw it: (key-marker, upload-id-marker, max-uploads).
type Seen = (Option<String>, Option<String>, Option<i32>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Upload { key: String, upload_id: String },
    Prefix(String),
}

impl Entry {
    fn name(&self) -> &str {
        match self {
            Entry::Upload { key, .. } => key,
            Entry::Prefix(prefix) => prefix,
        }
    }

    fn into_item(self) -> UploadEntry {
        match self {
            Entry::Upload { key, upload_id } => UploadEntry::Upload(
                MultipartUpload::builder()
                    .key(key)
                    .upload_id(upload_id)
                    .build(),
            ),
            Entry::Prefix(prefix) => {
                UploadEntry::CommonPrefix(CommonPrefix::builder().prefix(prefix).build())
            }
        }
    }
}

#[derive(Debug, Default)]
struct State {
    /// General buckets: the (NextKeyMarker, NextUploadIdMarker) pairs returned so far.
    issued_pairs: HashSet<(String, Option<String>)>,
    /// General buckets: for a NextKeyMarker returned alone, the page's last upload id of it.
    last_upload_of_marker: HashMap<String, String>,
    /// Requests that continued from such a marker with that upload id filled in.
    filled_in: usize,
    /// Directory buckets: the opaque markers returned so far, and where each continues.
    issued_opaque: HashMap<String, usize>,
    seen: Vec<Seen>,
}

struct UploadsModel {
    /// (key, upload id), in the bucket's listing order.
    uploads: Vec<(String, String)>,
    bucket: Bucket,
    state: Mutex<State>,
}

/// Keys and how many uploads are in progress for each.
const KEYS: &[(&str, usize)] = &[
    ("a/one.bin", 3),
    ("a/two words.bin", 1),
    ("b/deep/x", 2),
    ("b/y+z", 1),
    ("café.tar", 4),
    ("log%2F.gz", 2),
    ("notes.txt", 1),
    ("video.mp4", 3),
    ("z/", 1),
    ("日本.zip", 2),
];

impl UploadsModel {
    fn new(bucket: Bucket) -> Arc<Self> {
        let mut initiated = 0;
        let mut uploads = Vec::new();
        for (key, count) in KEYS {
            for _ in 0..*count {
                initiated += 1;
                // Grows with the initiation time; the tail makes it look like a real upload id.
                let upload_id = format!(
                    "{initiated:04}.{:x}",
                    (initiated as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
                );
                uploads.push((key.to_string(), upload_id));
            }
        }
        if bucket == Bucket::Directory {
            // Directory buckets do not list in key order: a fixed permutation.
            uploads.sort_by_key(|(key, id)| (key.len() * 7 + id.len()) % 5);
        }
        Arc::new(UploadsModel {
            uploads,
            bucket,
            state: Mutex::new(State::default()),
        })
    }

    /// What a listing must yield, computed in one pass (no paging).
    fn full_listing(&self, prefix: &str, delimiter: Option<&str>) -> Vec<UploadEntry> {
        self.entries(prefix, delimiter)
            .into_iter()
            .map(Entry::into_item)
            .collect()
    }

    /// The bucket's entries for a prefix and delimiter, in listing order.
    fn entries(&self, prefix: &str, delimiter: Option<&str>) -> Vec<Entry> {
        let mut entries: Vec<Entry> = Vec::new();
        for (key, upload_id) in &self.uploads {
            let Some(rest) = key.strip_prefix(prefix) else {
                continue;
            };
            match delimiter.and_then(|d| rest.find(d).map(|at| at + d.len())) {
                Some(end) => {
                    let rolled = Entry::Prefix(format!("{prefix}{}", &rest[..end]));
                    if entries.last() != Some(&rolled) {
                        entries.push(rolled);
                    }
                }
                None => entries.push(Entry::Upload {
                    key: key.clone(),
                    upload_id: upload_id.clone(),
                }),
            }
        }
        entries
    }

    fn serve(&self, input: &ListMultipartUploadsInput) -> ListMultipartUploadsOutput {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let key_marker = input.key_marker().map(str::to_owned);
        let upload_id_marker = input.upload_id_marker().map(str::to_owned);
        state.seen.push((
            key_marker.clone(),
            upload_id_marker.clone(),
            input.max_uploads(),
        ));
        let max = match input.max_uploads() {
            None => 1000,
            Some(max) if max < 1 => panic!("max-uploads {max} is invalid"),
            Some(max) => (max as usize).min(1000),
        };
        let prefix = input.prefix().unwrap_or_default();
        let entries = self.entries(prefix, input.delimiter());

        let start = match self.bucket {
            Bucket::Directory => {
                assert!(
                    upload_id_marker.is_none(),
                    "directory bucket: upload-id-marker is not supported, yet it was sent: {upload_id_marker:?}"
                );
                match &key_marker {
                    None => 0,
                    Some(marker) => *state.issued_opaque.get(marker).unwrap_or_else(|| {
                        panic!("directory bucket: key-marker {marker:?} was never returned")
                    }),
                }
            }
            Bucket::General { .. } => match (&key_marker, &upload_id_marker) {
                (None, None) => 0,
                (None, Some(id)) => {
                    panic!(
                        "upload-id-marker {id:?} without key-marker: S3 ignores it; the paginator lost track"
                    )
                }
                (Some(key), id) => {
                    let filled_in = id.is_some()
                        && state.issued_pairs.contains(&(key.clone(), None))
                        && state.last_upload_of_marker.get(key) == id.as_ref();
                    state.filled_in += usize::from(filled_in);
                    assert!(
                        filled_in || state.issued_pairs.contains(&(key.clone(), id.clone())),
                        "stale or unknown marker pair (key-marker {key:?}, upload-id-marker {id:?}): \
                         not a (NextKeyMarker, NextUploadIdMarker) pair of any response"
                    );
                    entries
                        .iter()
                        .position(|entry| match (entry, id) {
                            (Entry::Upload { key: k, upload_id }, Some(id)) => {
                                k.as_str() > key.as_str() || (k == key && upload_id > id)
                            }
                            _ => entry.name() > key.as_str(),
                        })
                        .unwrap_or(entries.len())
                }
            },
        };
        let end = (start + max).min(entries.len());
        let page = &entries[start..end];
        let truncated = end < entries.len();

        let (next_key_marker, next_upload_id_marker) = match (self.bucket, page.last()) {
            (_, None) => (None, None),
            (Bucket::Directory, Some(_)) if truncated => {
                let marker = format!("ZGlyLWJ1Y2tldA{end:03}=="); // opaque, not a key
                state.issued_opaque.insert(marker.clone(), end);
                (Some(marker), None)
            }
            (Bucket::Directory, Some(_)) => (None, None),
            (
                Bucket::General {
                    omit_upload_id_at_key_end,
                },
                Some(last),
            ) => {
                let pair = match last {
                    Entry::Prefix(prefix) => (prefix.clone(), None),
                    Entry::Upload { key, upload_id } => {
                        let last_of_key = self
                            .uploads
                            .iter()
                            .rev()
                            .find(|(k, _)| k == key)
                            .map(|(_, id)| id);
                        if omit_upload_id_at_key_end && last_of_key == Some(upload_id) {
                            state
                                .last_upload_of_marker
                                .insert(key.clone(), upload_id.clone());
                            (key.clone(), None)
                        } else {
                            (key.clone(), Some(upload_id.clone()))
                        }
                    }
                };
                state.issued_pairs.insert(pair.clone());
                (Some(pair.0), pair.1)
            }
        };

        let mut uploads = Vec::new();
        let mut prefixes = Vec::new();
        for entry in page.iter().cloned() {
            match entry.into_item() {
                UploadEntry::Upload(upload) => uploads.push(upload),
                UploadEntry::CommonPrefix(prefix) => prefixes.push(prefix),
            }
        }
        ListMultipartUploadsOutput::builder()
            .set_bucket(input.bucket().map(str::to_owned))
            .set_key_marker(key_marker)
            .set_upload_id_marker(upload_id_marker)
            .set_next_key_marker(next_key_marker)
            .set_next_upload_id_marker(next_upload_id_marker)
            .set_prefix(input.prefix().map(str::to_owned))
            .set_delimiter(input.delimiter().map(str::to_owned))
            .max_uploads(max as i32)
            .is_truncated(truncated)
            .set_uploads(Some(uploads))
            .set_common_prefixes(Some(prefixes))
            .build()
    }

    fn take_seen(&self) -> Vec<Seen> {
        std::mem::take(&mut self.state.lock().unwrap_or_else(|p| p.into_inner()).seen)
    }
}

fn client_for(model: &Arc<UploadsModel>) -> (Client, Rule) {
    let serving = Arc::clone(model);
    let rule = mock!(Client::list_multipart_uploads)
        .then_compute_output(move |input| serving.serve(input));
    let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);
    (client, rule)
}

#[tokio::test]
async fn general_bucket_pages_by_key_and_upload_id_markers() {
    for omit_upload_id_at_key_end in [false, true] {
        let model = UploadsModel::new(Bucket::General {
            omit_upload_id_at_key_end,
        });
        let (client, rule) = client_for(&model);
        let expected = model.full_listing("", None);
        assert_eq!(expected.len(), 20);
        let mut calls = 0;
        let mut key_marker_alone = 0;
        for page_size in [1u32, 2, 3, 4, 7, 1000] {
            let context = format!("page size {page_size}, omit {omit_upload_id_at_key_end}");
            let items: Vec<UploadEntry> = client
                .list_multipart_uploads()
                .bucket("bucket")
                .into_paginator()
                .page_size(page_size)
                .items()
                .try_collect()
                .await
                .unwrap();
            // The model's uploads are distinct, so equality also rules out duplicates.
            assert_eq!(items, expected, "{context}");
            let seen = model.take_seen();
            assert_eq!(
                seen.len(),
                expected.len().div_ceil(page_size as usize),
                "{context}"
            );
            assert_eq!(
                (seen[0].0.as_deref(), seen[0].1.as_deref()),
                (None, None),
                "{context}"
            );
            assert!(
                seen.iter()
                    .all(|(_, _, max)| *max == Some(page_size as i32)),
                "{context}"
            );
            key_marker_alone += seen
                .iter()
                .filter(|(key, id, _)| key.is_some() && id.is_none())
                .count();
            calls += seen.len();
            assert_eq!(rule.num_calls(), calls, "{context}");
        }
        // Without a delimiter no page ends on a prefix: the key marker always travels with an
        // upload id. With the omission, some pages ended at a key's last upload without one, and
        // the paginator filled in that upload (the model checks every pair).
        assert_eq!(key_marker_alone, 0);
        let filled_in = model.state.lock().unwrap().filled_in;
        assert_eq!(filled_in > 0, omit_upload_id_at_key_end, "{filled_in}");
    }
}

#[tokio::test]
async fn a_delimiter_rolls_keys_into_common_prefixes() {
    let model = UploadsModel::new(Bucket::General {
        omit_upload_id_at_key_end: false,
    });
    let (client, _rule) = client_for(&model);
    let expected = model.full_listing("", Some("/"));
    let prefixes = expected
        .iter()
        .filter(|e| matches!(e, UploadEntry::CommonPrefix(_)))
        .count();
    assert_eq!(prefixes, 3, "a/, b/ and z/");

    let mut prefix_markers = 0;
    for page_size in [1u32, 2, 3, 1000] {
        let context = format!("page size {page_size}");
        let request = client
            .list_multipart_uploads()
            .bucket("bucket")
            .delimiter("/");
        let pages: Vec<ListMultipartUploadsOutput> = request
            .clone()
            .into_paginator()
            .page_size(page_size)
            .send()
            .try_collect()
            .await
            .unwrap();
        let seen = model.take_seen();
        assert_eq!(
            pages.len(),
            expected.len().div_ceil(page_size as usize),
            "{context}"
        );
        assert_eq!(seen.len(), pages.len(), "{context}");
        prefix_markers += seen
            .iter()
            .filter(|(key, id, _)| key.as_deref().is_some_and(|k| k.ends_with('/')) && id.is_none())
            .count();

        let items: Vec<UploadEntry> = request
            .into_paginator()
            .page_size(page_size)
            .items()
            .try_collect()
            .await
            .unwrap();
        model.take_seen();
        // The item stream follows S3's order, prefixes in their key-order place; within a page
        // the SDK keeps uploads and prefixes apart, so the pages are compared kind by kind.
        let of_kind = |entries: &[UploadEntry], prefix: bool| -> Vec<UploadEntry> {
            entries
                .iter()
                .filter(|e| matches!(e, UploadEntry::CommonPrefix(_)) == prefix)
                .cloned()
                .collect()
        };
        assert_eq!(
            of_kind(&items, false),
            of_kind(&expected, false),
            "{context}"
        );
        assert_eq!(of_kind(&items, true), of_kind(&expected, true), "{context}");
        let flattened: Vec<UploadEntry> = pages
            .into_iter()
            .flat_map(|page| {
                let uploads = page
                    .uploads
                    .unwrap_or_default()
                    .into_iter()
                    .map(UploadEntry::Upload);
                let prefixes = page
                    .common_prefixes
                    .unwrap_or_default()
                    .into_iter()
                    .map(UploadEntry::CommonPrefix);
                uploads.chain(prefixes).collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(items, expected, "{context}");
        assert_eq!(of_kind(&flattened, false), of_kind(&expected, false));
        assert_eq!(of_kind(&flattened, true), of_kind(&expected, true));
    }
    assert!(prefix_markers > 0, "some pages ended on a common prefix");
}

#[tokio::test]
async fn directory_bucket_pages_on_the_opaque_key_marker_alone() {
    let model = UploadsModel::new(Bucket::Directory);
    let (client, rule) = client_for(&model);
    let expected = model.full_listing("", None);
    let mut sorted = expected.clone();
    sorted.sort_by_key(|entry| match entry {
        UploadEntry::Upload(upload) => (
            upload.key().unwrap().to_owned(),
            upload.upload_id().unwrap().to_owned(),
        ),
        UploadEntry::CommonPrefix(_) => unreachable!(),
    });
    assert_ne!(
        expected, sorted,
        "the directory bucket's order is not key order"
    );

    let mut calls = 0;
    for page_size in [1u32, 3, 6, 1000] {
        let items: Vec<UploadEntry> = client
            .list_multipart_uploads()
            .bucket("bucket--usw2-az1--x-s3")
            .into_paginator()
            .page_size(page_size)
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(items, expected, "page size {page_size}");
        let seen = model.take_seen();
        assert_eq!(seen.len(), expected.len().div_ceil(page_size as usize));
        // The model panics on an upload-id marker; check the log as well.
        assert!(seen.iter().all(|(_, id, _)| id.is_none()));
        assert!(seen.iter().skip(1).all(|(key, _, _)| {
            key.as_deref()
                .is_some_and(|k| k.starts_with("ZGlyLWJ1Y2tldA"))
        }));
        calls += seen.len();
    }
    assert_eq!(rule.num_calls(), calls);
}

/// The model catches a paginator that keeps a stale upload-id marker when the response has none.
#[tokio::test]
#[should_panic(expected = "stale or unknown marker pair")]
async fn the_model_refuses_a_stale_upload_id_marker() {
    let model = UploadsModel::new(Bucket::General {
        omit_upload_id_at_key_end: true,
    });
    let (client, _rule) = client_for(&model);
    let mut key_marker = None;
    let mut upload_id_marker = None;
    // A careless loop: sets the markers it receives but never clears one that is absent.
    for _ in 0..20 {
        let page = client
            .list_multipart_uploads()
            .bucket("bucket")
            .max_uploads(3)
            .set_key_marker(key_marker.clone())
            .set_upload_id_marker(upload_id_marker.clone())
            .send()
            .await
            .unwrap();
        if page.is_truncated() != Some(true) {
            break;
        }
        key_marker = page.next_key_marker().map(str::to_owned);
        if let Some(id) = page.next_upload_id_marker() {
            upload_id_marker = Some(id.to_owned());
        }
    }
}

/// The model catches an upload-id marker sent without a key marker.
#[tokio::test]
#[should_panic(expected = "without key-marker")]
async fn the_model_refuses_an_upload_id_marker_without_a_key_marker() {
    let model = UploadsModel::new(Bucket::General {
        omit_upload_id_at_key_end: false,
    });
    let (client, _rule) = client_for(&model);
    let _ = client
        .list_multipart_uploads()
        .bucket("bucket")
        .upload_id_marker("0001.x")
        .send()
        .await;
}

/// The listing resumes from a cursor taken in the middle of a page, both markers included.
#[tokio::test]
async fn resumes_between_two_uploads_of_one_key() {
    let model = UploadsModel::new(Bucket::General {
        omit_upload_id_at_key_end: true,
    });
    let (client, _rule) = client_for(&model);
    let expected = model.full_listing("", None);
    let request = || client.list_multipart_uploads().bucket("bucket");
    for stop in [1, 4, 5, 11, 19] {
        let mut head = request()
            .into_paginator()
            .page_size(4)
            .max_items(stop as u64)
            .items();
        let mut seen = Vec::new();
        while let Some(item) = head.try_next().await.unwrap() {
            seen.push(item);
        }
        let cursor = head.cursor().unwrap().to_string().parse().unwrap();
        let rest: Vec<UploadEntry> = Paginator::<ListMultipartUploads>::new(request())
            .page_size(4)
            .resume_from(&cursor)
            .unwrap()
            .items()
            .try_collect()
            .await
            .unwrap();
        seen.extend(rest);
        assert_eq!(seen, expected, "stopped after {stop}");
    }
}
