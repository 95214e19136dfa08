//! What the S3 listing tests share: the four listings run through one function with their
//! options, their items reduced to what is compared, and S3's listing of a bucket computed in one
//! pass from its contents, independently of the endpoint's paging code.

use aws_sdk_s3::Client;
use aws_sdk_s3::types::EncodingType;
use futures::StreamExt;
use pagination_aws::s3::{
    ListMultipartUploads, ListObjectVersions, ListObjects, ListObjectsV2, ObjectEntry,
    ObjectEntryV2, ObjectVersionEntry, UploadEntry, decode_url,
};
use pagination_core::{
    Cursor, Error, KeyRanges, PageSize, PaginatedOperation, Paginator, PartitionCursor,
};
use pagination_examples::s3_endpoint::{Bucket, Entry, Upload};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listing {
    ObjectsV1,
    ObjectsV2,
    Versions,
    Uploads,
}

pub(crate) const LISTINGS: [Listing; 4] = [
    Listing::ObjectsV1,
    Listing::ObjectsV2,
    Listing::Versions,
    Listing::Uploads,
];

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Seen {
    pub(crate) kind: &'static str,
    pub(crate) name: String,
    pub(crate) id: Option<String>,
    pub(crate) latest: Option<bool>,
}

impl Seen {
    pub(crate) fn object(name: String) -> Seen {
        Seen {
            kind: "object",
            name,
            id: None,
            latest: None,
        }
    }

    pub(crate) fn prefix(name: String) -> Seen {
        Seen {
            kind: "prefix",
            name,
            id: None,
            latest: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    pub(crate) page_size: Option<u32>,
    pub(crate) url: bool,
    pub(crate) prefix: Option<String>,
    pub(crate) delimiter: Option<String>,
    pub(crate) max_items: Option<u64>,
    pub(crate) resume: Option<Cursor>,
    pub(crate) prefetch: usize,
    /// List in parallel ([`Paginator::parallel`]) rather than sequentially.
    pub(crate) parallel: Option<Parallel>,
}

/// How a parallel listing runs.
#[derive(Debug, Clone)]
pub(crate) struct Parallel {
    pub(crate) requests: usize,
    pub(crate) ordered: bool,
    pub(crate) resume: Option<PartitionCursor>,
    pub(crate) split_at: Vec<String>,
}

impl Parallel {
    pub(crate) fn new(requests: usize, ordered: bool) -> Parallel {
        Parallel {
            requests,
            ordered,
            resume: None,
            split_at: Vec::new(),
        }
    }
}

#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) items: Vec<Seen>,
    pub(crate) cursor: Option<Cursor>,
    pub(crate) error: Option<String>,
    pub(crate) guard: Option<&'static str>,
    pub(crate) error_cursor: Option<Cursor>,
    /// A parallel listing's cursor at its end (after an error: the error's).
    pub(crate) partition_cursor: Option<PartitionCursor>,
    /// A parallel listing's pages received.
    pub(crate) pages: u64,
    /// A parallel listing's requests: pages, and the folder listings that found its ranges.
    pub(crate) requests: u64,
}

pub(crate) fn name_of(raw: Option<&str>, url: bool) -> String {
    let raw = raw.unwrap_or_default();
    if url {
        decode_url(raw).into_owned()
    } else {
        raw.to_owned()
    }
}

pub(crate) async fn drain<Op>(paginator: Paginator<Op>, seen: impl Fn(Op::Item) -> Seen) -> Run
where
    Op: PaginatedOperation,
    Op::Error: std::fmt::Debug,
{
    let mut stream = paginator.items();
    let mut items = Vec::new();
    let mut error = None;
    let mut guard = None;
    let mut error_cursor = None;
    while let Some(next) = stream.next().await {
        match next {
            Ok(item) => items.push(seen(item)),
            Err(failure) => {
                guard = match &failure {
                    Error::DuplicateToken { .. } => Some("duplicate token"),
                    Error::MissingToken { .. } => Some("missing token"),
                    Error::TokenCycle { .. } => Some("token cycle"),
                    Error::InvalidPageSize { .. } => Some("page size"),
                    Error::Cursor { .. } => Some("cursor"),
                    _ => None,
                };
                error_cursor = Some(failure.cursor().clone());
                error = Some(format!("{failure:?}"));
                assert!(
                    stream.next().await.is_none(),
                    "the stream ends after an error"
                );
                break;
            }
        }
    }
    Run {
        items,
        cursor: stream.cursor(),
        error,
        guard,
        error_cursor,
        partition_cursor: None,
        pages: stream.pages(),
        requests: stream.pages(),
    }
}

/// A listing run sequentially, or in parallel as `options.parallel` says.
pub(crate) async fn run<Op>(
    paginator: Paginator<Op>,
    options: &Options,
    seen: impl Fn(Op::Item) -> Seen,
) -> Run
where
    Op: KeyRanges,
    Op::Error: std::fmt::Debug,
{
    let Some(parallel) = &options.parallel else {
        return drain(paginator, seen).await;
    };
    let mut listing = paginator
        .parallel(parallel.requests)
        .expect("a bucket that lists in parallel");
    if !parallel.ordered {
        listing = listing.unordered();
    }
    if !parallel.split_at.is_empty() {
        listing = listing.split_at(parallel.split_at.clone());
    }
    if let Some(cursor) = &parallel.resume {
        listing = listing
            .resume_from(cursor)
            .expect("the cursor fits its listing");
    }
    let mut stream = listing.items();
    let mut items = Vec::new();
    let mut error = None;
    let mut partition_cursor = None;
    while let Some(next) = stream.next().await {
        match next {
            Ok(item) => items.push(seen(item)),
            Err(failure) => {
                error = Some(format!("{failure:?}"));
                partition_cursor = Some(failure.cursor().clone());
                assert_eq!(stream.cursor().as_ref(), Some(failure.cursor()));
                assert!(
                    stream.next().await.is_none(),
                    "the stream ends after an error"
                );
                break;
            }
        }
    }
    if error.is_none() {
        partition_cursor = stream.cursor();
    }
    Run {
        items,
        cursor: None,
        error,
        guard: None,
        error_cursor: None,
        partition_cursor,
        pages: stream.pages(),
        requests: stream.requests(),
    }
}

pub(crate) fn configure<Op: PageSize>(
    mut paginator: Paginator<Op>,
    options: &Options,
) -> Paginator<Op> {
    if let Some(size) = options.page_size {
        paginator = paginator.page_size(size);
    }
    if let Some(count) = options.max_items {
        paginator = paginator.max_items(count);
    }
    if options.prefetch > 0 {
        paginator = paginator.prefetch(options.prefetch);
    }
    if let Some(cursor) = &options.resume {
        paginator = paginator
            .resume_from(cursor)
            .expect("the cursor fits its listing");
    }
    paginator
}

pub(crate) fn version_seen(item: ObjectVersionEntry, url: bool) -> Seen {
    match item {
        ObjectVersionEntry::Version(version) => Seen {
            kind: "version",
            name: name_of(version.key(), url),
            id: version.version_id().map(str::to_owned),
            latest: version.is_latest(),
        },
        ObjectVersionEntry::DeleteMarker(marker) => Seen {
            kind: "delete_marker",
            name: name_of(marker.key(), url),
            id: marker.version_id().map(str::to_owned),
            latest: marker.is_latest(),
        },
        ObjectVersionEntry::CommonPrefix(prefix) => Seen::prefix(name_of(prefix.prefix(), url)),
    }
}

pub(crate) async fn list(
    client: &Client,
    bucket: &str,
    listing: Listing,
    options: &Options,
) -> Run {
    let url = options.url;
    let encoding = url.then_some(EncodingType::Url);
    let delimiter = options.delimiter.clone();
    let prefix = options.prefix.clone();
    match listing {
        Listing::ObjectsV1 => {
            let request = client
                .list_objects()
                .bucket(bucket)
                .set_encoding_type(encoding)
                .set_prefix(prefix)
                .set_delimiter(delimiter);
            let paginator = configure(Paginator::<ListObjects>::new(request), options);
            run(paginator, options, |item| match item {
                ObjectEntry::Object(object) => Seen::object(name_of(object.key(), url)),
                ObjectEntry::CommonPrefix(prefix) => Seen::prefix(name_of(prefix.prefix(), url)),
            })
            .await
        }
        Listing::ObjectsV2 => {
            let request = client
                .list_objects_v2()
                .bucket(bucket)
                .set_encoding_type(encoding)
                .set_prefix(prefix)
                .set_delimiter(delimiter);
            let paginator = configure(Paginator::<ListObjectsV2>::new(request), options);
            run(paginator, options, |item| match item {
                ObjectEntryV2::Object(object) => Seen::object(name_of(object.key(), url)),
                ObjectEntryV2::CommonPrefix(prefix) => Seen::prefix(name_of(prefix.prefix(), url)),
            })
            .await
        }
        Listing::Versions => {
            let request = client
                .list_object_versions()
                .bucket(bucket)
                .set_encoding_type(encoding)
                .set_prefix(prefix)
                .set_delimiter(delimiter);
            let paginator = configure(Paginator::<ListObjectVersions>::new(request), options);
            run(paginator, options, |item| version_seen(item, url)).await
        }
        Listing::Uploads => {
            let request = client
                .list_multipart_uploads()
                .bucket(bucket)
                .set_encoding_type(encoding)
                .set_prefix(prefix)
                .set_delimiter(delimiter);
            let paginator = configure(Paginator::<ListMultipartUploads>::new(request), options);
            run(paginator, options, |item| match item {
                UploadEntry::Upload(upload) => Seen {
                    kind: "upload",
                    name: name_of(upload.key(), url),
                    id: upload.upload_id().map(str::to_owned),
                    latest: None,
                },
                UploadEntry::CommonPrefix(prefix) => Seen::prefix(name_of(prefix.prefix(), url)),
            })
            .await
        }
    }
}

/// The name `key` rolls up to under `prefix` and `delimiter`, if any.
pub(crate) fn rolled_up(key: &str, prefix: &str, delimiter: Option<&str>) -> Option<String> {
    let rest = key.strip_prefix(prefix)?;
    let delimiter = delimiter.filter(|d| !d.is_empty())?;
    rest.find(delimiter)
        .map(|at| format!("{prefix}{}", &rest[..at + delimiter.len()]))
}

/// S3's listing, computed in one pass; ties in time keep the order given (as the endpoint).
pub(crate) fn expected(
    bucket: &Bucket,
    listing: Listing,
    prefix: &str,
    delimiter: Option<&str>,
) -> Vec<Seen> {
    let mut out: Vec<Seen> = Vec::new();
    let mut push = |key: &str, seen: Seen| {
        if !key.starts_with(prefix) {
            return;
        }
        match rolled_up(key, prefix, delimiter) {
            Some(rolled) => {
                let last = out.last();
                if !last.is_some_and(|last| last.kind == "prefix" && last.name == rolled) {
                    out.push(Seen::prefix(rolled));
                }
            }
            None => out.push(seen),
        }
    };
    match listing {
        Listing::ObjectsV1 | Listing::ObjectsV2 => {
            let mut entries: Vec<&Entry> = bucket.entries.iter().collect();
            entries.sort_by(|a, b| {
                (a.key.as_str(), std::cmp::Reverse(a.last_modified))
                    .cmp(&(b.key.as_str(), std::cmp::Reverse(b.last_modified)))
            });
            for (index, entry) in entries.iter().enumerate() {
                let latest = index == 0 || entries[index - 1].key != entry.key;
                if latest && !entry.delete_marker {
                    push(&entry.key, Seen::object(entry.key.clone()));
                }
            }
        }
        Listing::Versions => {
            let mut entries: Vec<&Entry> = bucket.entries.iter().collect();
            entries.sort_by(|a, b| {
                (a.key.as_str(), std::cmp::Reverse(a.last_modified))
                    .cmp(&(b.key.as_str(), std::cmp::Reverse(b.last_modified)))
            });
            for (index, entry) in entries.iter().enumerate() {
                let latest = index == 0 || entries[index - 1].key != entry.key;
                let seen = Seen {
                    kind: if entry.delete_marker {
                        "delete_marker"
                    } else {
                        "version"
                    },
                    name: entry.key.clone(),
                    id: Some(entry.version_id.clone()),
                    latest: Some(latest),
                };
                push(&entry.key, seen);
            }
        }
        Listing::Uploads => {
            let mut uploads: Vec<&Upload> = bucket.uploads.iter().collect();
            uploads
                .sort_by(|a, b| (a.key.as_str(), a.initiated).cmp(&(b.key.as_str(), b.initiated)));
            for upload in uploads {
                let seen = Seen {
                    kind: "upload",
                    name: upload.key.clone(),
                    id: Some(upload.upload_id.clone()),
                    latest: None,
                };
                push(&upload.key, seen);
            }
        }
    }
    out
}

/// Fails on the first item that comes twice.
pub(crate) fn assert_no_repeats(items: &[Seen], context: &str) {
    let mut seen = std::collections::HashSet::new();
    for item in items {
        assert!(seen.insert(item), "{context}: {item:?} came twice");
    }
}
