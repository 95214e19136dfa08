//! A scripted S3 endpoint for tests: a small HTTP server on loopback that serves S3's four
//! listing operations (and HeadObject) from buckets a test puts in memory, following the paging
//! rules AWS documents (not those of an emulator such as moto), plus a few public server bugs on
//! demand.
//!
//! ```
//! use pagination_examples::s3_endpoint::{Bucket, S3Endpoint};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let endpoint = S3Endpoint::start()?;
//! endpoint.put_bucket("photos", Bucket::objects(["a.jpg", "b.jpg", "c.jpg"]));
//! let client = endpoint.s3_client();
//! let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
//! let page = runtime.block_on(client.list_objects_v2().bucket("photos").max_keys(2).send())?;
//! assert_eq!(page.key_count(), Some(2));
//! assert_eq!(page.is_truncated(), Some(true));
//! assert_eq!(endpoint.requests()[0].operation, "ListObjectsV2");
//! # Ok(()) }
//! ```
//!
//! # What is served
//!
//! `GET /{bucket}?...` (path-style addressing), dispatched on the query: `list-type=2` is
//! [ListObjectsV2], `versions` is [ListObjectVersions], `uploads` is [ListMultipartUploads], and
//! anything else is [ListObjects] (v1). `HEAD /{bucket}/{key}` is [HeadObject] (which rclone
//! sends before it lists a folder, to tell whether the path is an object): 200 with the key's
//! metadata as headers (`Content-Length`, `ETag`, `Last-Modified`, `x-amz-version-id` unless the
//! version id is `"null"`), or 404 when the key has no current version, with
//! `x-amz-delete-marker: true` when a delete marker is current; a `versionId` or `partNumber` in
//! its query is not served. An unknown bucket answers 404 `NoSuchBucket` (without a body to a
//! HEAD); any other request answers 501 `NotImplemented`. Every request is recorded (see
//! [`S3Endpoint::requests`]) before it is answered, failed ones included. A bucket's
//! [`Quirks::latency`] delays each of its listings and HeadObjects.
//!
//! # The rules, from the AWS S3 API reference of the four operations
//!
//! - **Order.** Keys ascend by UTF-8 bytes. In ListObjectVersions the versions and delete
//!   markers of one key are one sequence, newest first by [`Entry::last_modified`] (ties keep
//!   the order given), and the newest has `IsLatest=true`. Uploads ascend by key, then by
//!   [`Upload::initiated`]. ListObjects v1 and V2 list each key's newest entry unless it is a
//!   delete marker.
//! - **Prefix and delimiter.** Only keys starting with `prefix` are listed. With a non-empty
//!   `delimiter`, a key whose rest after the prefix holds the delimiter rolls up into the common
//!   prefix `prefix + rest up to and including the first delimiter`, which is listed once, in
//!   the key-order place of its name, and counts as one entry toward the page size (in
//!   ListObjectVersions, one for all the versions under it).
//! - **Markers.** `marker` (v1) and `start-after` (V2) keep the entries whose listing name (key,
//!   or common prefix) is greater. A marker that is itself a common prefix therefore skips every
//!   key under it, which is how S3 continues after a `NextMarker` that was a prefix. The V2
//!   continuation token is opaque (base64 of a tagged position); one that does not decode
//!   answers 400 `InvalidArgument`. ListObjectVersions `key-marker` with `version-id-marker`
//!   resumes after that version of that key (a version id that is not one of the key's answers
//!   400 `InvalidArgument`, and so does a version id marker without a key marker);
//!   ListMultipartUploads `key-marker` with `upload-id-marker` likewise (an upload id marker
//!   without a key marker is ignored, as documented).
//! - **Page size.** `max-keys` (`max-uploads`): 1000 by default and at most; 0 gives an empty
//!   page that is not truncated.
//! - **Next markers.** V2 sends `NextContinuationToken` only when truncated. v1 sends
//!   `NextMarker` only when truncated *and* a delimiter was given (without one, clients
//!   continue from the last key). ListObjectVersions and ListMultipartUploads send, when
//!   truncated, `NextKeyMarker` and `NextVersionIdMarker` / `NextUploadIdMarker`, only the key
//!   marker when the page ends on a common prefix.
//! - **`encoding-type=url`.** Keys, prefixes, the delimiter and the key markers of the response
//!   are form-encoded (a space is `+`, `+` is `%2B`, non-ASCII is `%XX` per UTF-8 byte), except
//!   that `/` stays. Version ids, upload ids and continuation tokens never are.
//!
//! [ListObjects]: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html
//! [ListObjectsV2]: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
//! [ListObjectVersions]: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
//! [ListMultipartUploads]: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html
//! [HeadObject]: https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html

use std::borrow::Cow;
use std::collections::HashMap;
use std::future::IntoFuture;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use aws_smithy_xml::encode::{ElWriter, ScopeWriter, XmlWriter};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use tokio::sync::oneshot;

/// The namespace of S3's response documents.
const S3_NAMESPACE: &str = "http://s3.amazonaws.com/doc/2006-03-01/";
/// The default and the largest page size.
const MAX_PAGE_SIZE: usize = 1000;
/// The time of [`Entry::object`]: 2026-01-01T00:00:00Z.
const DEFAULT_LAST_MODIFIED: i64 = 1_767_225_600;

/// A running endpoint. Dropping it stops the server and joins its thread.
pub struct S3Endpoint {
    address: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// The whole state of a bucket, as a test scripts it.
#[derive(Debug, Clone, Default)]
pub struct Bucket {
    /// Object versions and delete markers, in any order.
    pub entries: Vec<Entry>,
    /// Multipart uploads in progress, in any order.
    pub uploads: Vec<Upload>,
    /// Server bugs to reproduce.
    pub quirks: Quirks,
}

/// One version of an object, or a delete marker.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The object key.
    pub key: String,
    /// The version id; `"null"` for an object written while versioning was off.
    pub version_id: String,
    /// A delete marker rather than a version.
    pub delete_marker: bool,
    /// Seconds since the Unix epoch; the newest entry of a key is its current one.
    pub last_modified: i64,
    /// The size in bytes (0 for a delete marker).
    pub size: u64,
}

/// A multipart upload in progress.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The object key.
    pub key: String,
    /// The upload id.
    pub upload_id: String,
    /// Seconds since the Unix epoch.
    pub initiated: i64,
}

/// Public server bugs a bucket can reproduce. Each index is the position, in the full (unpaged)
/// listing for the request's prefix and delimiter, of the first entry a page returns.
#[derive(Debug, Clone, Default)]
pub struct Quirks {
    /// A truncated page whose first entry sits at or past this index of the full listing hands
    /// back the token(s) it was sent (V2 continuation token; v1 marker; versions key+version-id
    /// markers; uploads key+upload-id markers) instead of the next ones, still IsTruncated=true
    /// (a public MinIO bug). What the request did not send is not handed back, so a page asked
    /// for without any marker carries none. In v1 the echoed `NextMarker` comes even without a
    /// delimiter.
    pub echo_token_from: Option<usize>,
    /// From that index on, truncated pages carry no next token/marker at all (IsTruncated=true).
    /// Wins over `echo_token_from`.
    pub omit_token_from: Option<usize>,
    /// ListMultipartUploads never sends NextUploadIdMarker (a public gateway bug), everything
    /// else as usual.
    pub omit_next_upload_id_marker: bool,
    /// ListObjectsV2 only: before every real page, an empty truncated page that carries a fresh
    /// continuation token (real S3 does this over ranges of deleted keys). Not with
    /// `max-keys=0`; the empty page carries its token whatever the other quirks say.
    pub empty_pages_with_token: bool,
    /// Sleep this long before answering each request to this bucket.
    pub latency: Option<Duration>,
}

/// One request as the endpoint received it.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// `GET`, `PUT`, ...
    pub method: String,
    /// The first path segment.
    pub bucket: String,
    /// The object key, percent-decoded, of a request on an object; empty for a request on a
    /// bucket.
    pub key: String,
    /// `"ListObjects"`, `"ListObjectsV2"`, `"ListObjectVersions"`, `"ListMultipartUploads"`,
    /// `"HeadObject"` or `"Unknown"`.
    pub operation: &'static str,
    /// The query string as sent.
    pub raw_query: String,
    /// The query parameters, form-decoded, in the order sent.
    pub query: Vec<(String, String)>,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
}

impl S3Endpoint {
    /// Starts a server on `127.0.0.1` with a free port, on a thread of its own with a tokio
    /// current-thread runtime of its own, so that tests on any runtime flavour can use it.
    pub fn start() -> io::Result<S3Endpoint> {
        let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        listener.set_nonblocking(true)?;
        let address = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let listener = {
            let _context = runtime.enter();
            tokio::net::TcpListener::from_std(listener)?
        };
        let shared = Arc::new(Shared::default());
        let app = Router::new()
            .fallback(answer)
            .with_state(Arc::clone(&shared));
        let (stop, stopped) = oneshot::channel();
        let thread = thread::Builder::new()
            .name("s3-endpoint".into())
            .spawn(move || {
                // Not a graceful shutdown: dropping the runtime drops open connections too, so a
                // client that keeps one open cannot hold up the drop.
                runtime.block_on(async move {
                    tokio::select! {
                        _ = axum::serve(listener, app).into_future() => {}
                        _ = stopped => {}
                    }
                });
            })?;
        Ok(S3Endpoint {
            address,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// An S3 client for this endpoint: path-style, `us-east-1`, test credentials, and SDK
    /// retries disabled so that a 400 or 500 surfaces at once.
    pub fn s3_client(&self) -> aws_sdk_s3::Client {
        crate::moto::s3_client(
            &self.endpoint(),
            aws_sdk_s3::config::retry::RetryConfig::disabled(),
        )
    }

    /// Creates the bucket `name`, or replaces its whole state.
    pub fn put_bucket(&self, name: &str, bucket: Bucket) {
        lock(&self.shared.buckets).insert(name.to_owned(), Arc::new(StoredBucket::new(bucket)));
    }

    /// Every request served so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.requests).clone()
    }

    /// Forgets the requests served so far.
    pub fn clear_requests(&self) {
        lock(&self.shared.requests).clear();
    }
}

impl Drop for S3Endpoint {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Bucket {
    /// A bucket of unversioned objects (see [`Entry::object`]).
    pub fn objects<K: Into<String>>(keys: impl IntoIterator<Item = K>) -> Bucket {
        Bucket {
            entries: keys.into_iter().map(Entry::object).collect(),
            ..Bucket::default()
        }
    }
}

impl Entry {
    /// A version of `key`, of size 0.
    pub fn version(
        key: impl Into<String>,
        version_id: impl Into<String>,
        last_modified: i64,
    ) -> Entry {
        Entry {
            key: key.into(),
            version_id: version_id.into(),
            delete_marker: false,
            last_modified,
            size: 0,
        }
    }

    /// A delete marker on `key`.
    pub fn delete_marker(
        key: impl Into<String>,
        version_id: impl Into<String>,
        last_modified: i64,
    ) -> Entry {
        Entry {
            delete_marker: true,
            ..Entry::version(key, version_id, last_modified)
        }
    }

    /// An object written while versioning was off: version id `"null"`, modified
    /// 2026-01-01T00:00:00Z.
    pub fn object(key: impl Into<String>) -> Entry {
        Entry::version(key, "null", DEFAULT_LAST_MODIFIED)
    }
}

impl Upload {
    /// An upload of `key`.
    pub fn new(key: impl Into<String>, upload_id: impl Into<String>, initiated: i64) -> Upload {
        Upload {
            key: key.into(),
            upload_id: upload_id.into(),
            initiated,
        }
    }
}

/// What the server thread shares with the [`S3Endpoint`].
#[derive(Default)]
struct Shared {
    buckets: Mutex<HashMap<String, Arc<StoredBucket>>>,
    requests: Mutex<Vec<RecordedRequest>>,
}

/// A panicking test must not take the other tests' endpoint down with it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A bucket in listing order, sorted once when it is put.
struct StoredBucket {
    /// By key, then newest first.
    versions: Vec<Version>,
    /// By key, then oldest first.
    uploads: Vec<Upload>,
    quirks: Quirks,
}

struct Version {
    entry: Entry,
    /// The newest entry of its key.
    is_latest: bool,
    /// Its `<Contents>` element in a response without URL encoding, rendered once.
    contents: String,
}

impl StoredBucket {
    fn new(bucket: Bucket) -> StoredBucket {
        let mut entries = bucket.entries;
        entries.sort_by(|a, b| (a.key.cmp(&b.key)).then(b.last_modified.cmp(&a.last_modified)));
        let latest: Vec<bool> = (0..entries.len())
            .map(|at| at == 0 || entries[at - 1].key != entries[at].key)
            .collect();
        let versions = entries
            .into_iter()
            .zip(latest)
            .map(|(entry, is_latest)| {
                let mut contents = String::new();
                let mut writer = XmlWriter::new(&mut contents);
                write_contents(writer.start_el("Contents"), &entry, &entry.key);
                Version {
                    entry,
                    is_latest,
                    contents,
                }
            })
            .collect();
        let mut uploads = bucket.uploads;
        uploads.sort_by(|a, b| (a.key.cmp(&b.key)).then(a.initiated.cmp(&b.initiated)));
        StoredBucket {
            versions,
            uploads,
            quirks: bucket.quirks,
        }
    }
}

/// Which operation a request is, by S3's dispatch rules; `"Unknown"` for anything not served.
fn operation(method: &Method, bucket: &str, object_key: &str, query: &Query<'_>) -> &'static str {
    if bucket.is_empty() {
        "Unknown"
    } else if !object_key.is_empty() {
        // A version or a part of an object is not served.
        let whole_object = !query.has("versionId") && !query.has("partNumber");
        if *method == Method::HEAD && whole_object {
            "HeadObject"
        } else {
            "Unknown"
        }
    } else if *method != Method::GET {
        "Unknown"
    } else if query.get("list-type") == Some("2") {
        "ListObjectsV2"
    } else if query.has("versions") {
        "ListObjectVersions"
    } else if query.has("uploads") {
        "ListMultipartUploads"
    } else {
        "ListObjects"
    }
}

/// The one handler: records the request, then answers it.
async fn answer(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    // Bucket names need no percent-decoding: S3 allows only `a-z0-9.-` in them.
    let path = uri.path().trim_start_matches('/');
    let (bucket_name, object_key) = path.split_once('/').unwrap_or((path, ""));
    let object_key = percent_decode(object_key);
    let raw_query = uri.query().unwrap_or_default();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw_query.as_bytes())
        .into_owned()
        .collect();
    let query = Query(&pairs);
    let operation = match &object_key {
        Some(key) => operation(&method, bucket_name, key, &query),
        None => "Unknown",
    };
    let object_key = object_key.unwrap_or_default();
    lock(&shared.requests).push(RecordedRequest {
        method: method.as_str().to_owned(),
        bucket: bucket_name.to_owned(),
        key: object_key.clone(),
        operation,
        raw_query: raw_query.to_owned(),
        query: pairs.clone(),
        headers: headers
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect(),
    });

    let bucket = lock(&shared.buckets).get(bucket_name).cloned();
    let listing = match (operation, bucket) {
        ("Unknown", _) => Err(S3Error::not_implemented(&method, uri.path())),
        (_, None) => Err(S3Error::no_such_bucket(bucket_name)),
        (operation, Some(bucket)) => {
            if let Some(latency) = bucket.quirks.latency {
                tokio::time::sleep(latency).await;
            }
            match operation {
                "HeadObject" => return head_object(&bucket, &object_key),
                "ListObjectsV2" => list_objects_v2(bucket_name, &bucket, &query),
                "ListObjectVersions" => list_object_versions(bucket_name, &bucket, &query),
                "ListMultipartUploads" => list_multipart_uploads(bucket_name, &bucket, &query),
                _ => list_objects_v1(bucket_name, &bucket, &query),
            }
        }
    };
    match listing {
        Ok(body) => xml_response(StatusCode::OK, body),
        Err(error) => error.into_response(),
    }
}

/// The percent-decoding of a path: `%XX` is the byte XX, `+` stays `+` (it is no space in a
/// path). `None` when the bytes are not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let hex = |at: usize| {
        let digit = |byte: Option<&u8>| char::from(*byte?).to_digit(16);
        Some(digit(bytes.get(at))? * 16 + digit(bytes.get(at + 1))?)
    };
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match (bytes[at], hex(at + 1)) {
            (b'%', Some(byte)) => {
                decoded.push(byte as u8);
                at += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(decoded).ok()
}

/// HeadObject of the key's current version: its metadata as headers, no body. 404 when the key
/// has no version or its newest is a delete marker (then with `x-amz-delete-marker: true` and
/// its version id, as S3 answers).
fn head_object(bucket: &StoredBucket, key: &str) -> Response {
    // By key, then newest first: the first entry of the key is its current one.
    let at = (bucket.versions).partition_point(|version| version.entry.key.as_str() < key);
    let Some(current) = bucket
        .versions
        .get(at)
        .filter(|version| version.entry.key == key)
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let entry = &current.entry;
    let mut headers = HeaderMap::new();
    let mut set = |name: &'static str, value: &str| {
        if let Ok(value) = header::HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    if entry.version_id != "null" {
        set("x-amz-version-id", &entry.version_id);
    }
    if entry.delete_marker {
        set("x-amz-delete-marker", "true");
        return (StatusCode::NOT_FOUND, headers).into_response();
    }
    set("last-modified", &http_date(entry.last_modified));
    set("etag", &etag(entry));
    set("content-length", &entry.size.to_string());
    set("content-type", "binary/octet-stream");
    set("accept-ranges", "bytes");
    (StatusCode::OK, headers).into_response()
}

/// The decoded query string.
struct Query<'q>(&'q [(String, String)]);

impl Query<'_> {
    /// The first value of `name`, unless empty (S3 treats `prefix=` as no prefix).
    fn get(&self, name: &str) -> Option<&str> {
        let (_, value) = self.0.iter().find(|(key, _)| key == name)?;
        Some(value.as_str()).filter(|value| !value.is_empty())
    }

    fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(key, _)| key == name)
    }
}

/// The parameters every listing takes.
struct ListParams<'q> {
    prefix: &'q str,
    delimiter: &'q str,
    page_size: usize,
    url_encoded: bool,
}

impl<'q> ListParams<'q> {
    fn parse(query: &'q Query<'q>, page_size_name: &str) -> Result<ListParams<'q>, S3Error> {
        let page_size = match query.get(page_size_name) {
            None => MAX_PAGE_SIZE,
            Some(text) => text.parse::<usize>().map_err(|_| {
                S3Error::invalid_argument(format!(
                    "Provided {page_size_name} not an integer or within integer range"
                ))
            })?,
        };
        let url_encoded = match query.get("encoding-type") {
            None => false,
            Some("url") => true,
            Some(_) => {
                return Err(S3Error::invalid_argument(
                    "Invalid Encoding Method specified in Request",
                ));
            }
        };
        Ok(ListParams {
            prefix: query.get("prefix").unwrap_or_default(),
            delimiter: query.get("delimiter").unwrap_or_default(),
            page_size: page_size.min(MAX_PAGE_SIZE),
            url_encoded,
        })
    }

    /// A key, prefix, delimiter or key marker as the response carries it.
    fn encode<'s>(&self, name: &'s str) -> Cow<'s, str> {
        if self.url_encoded {
            // Every `%` of form encoding starts an escape, so `%2F` can only be an encoded `/`.
            let encoded: String = form_urlencoded::byte_serialize(name.as_bytes()).collect();
            Cow::Owned(encoded.replace("%2F", "/"))
        } else {
            Cow::Borrowed(name)
        }
    }

    /// The echo of the request's own parameters, first in every response.
    fn write(&self, root: &mut ScopeWriter<'_, '_>, page_size_element: &str) {
        leaf(root, "Prefix", &self.encode(self.prefix));
        if !self.delimiter.is_empty() {
            leaf(root, "Delimiter", &self.encode(self.delimiter));
        }
        leaf(root, page_size_element, &self.page_size.to_string());
        if self.url_encoded {
            leaf(root, "EncodingType", "url");
        }
    }
}

/// What a listing pages over: items with a key, and an id telling apart the items of one key.
trait Listed {
    fn key(&self) -> &str;
    fn id(&self) -> &str;
}

impl Listed for Version {
    fn key(&self) -> &str {
        &self.entry.key
    }
    fn id(&self) -> &str {
        &self.entry.version_id
    }
}

impl Listed for Upload {
    fn key(&self) -> &str {
        &self.key
    }
    fn id(&self) -> &str {
        &self.upload_id
    }
}

/// One entry of a full listing: an item, or (`item` is `None`) a common prefix standing for
/// every key under it. Rows are in ascending order of `name`.
struct Row<'a, T> {
    name: &'a str,
    item: Option<&'a T>,
}

/// The full listing of `items` (sorted by key) for a prefix and delimiter.
fn roll_up<'a, T: Listed>(
    items: impl IntoIterator<Item = &'a T>,
    prefix: &str,
    delimiter: &str,
) -> Vec<Row<'a, T>> {
    let mut rows: Vec<Row<'a, T>> = Vec::new();
    for item in items {
        let key = item.key();
        let Some(rest) = key.strip_prefix(prefix) else {
            continue;
        };
        let common_prefix = (!delimiter.is_empty())
            .then(|| rest.find(delimiter))
            .flatten()
            .map(|at| &key[..prefix.len() + at + delimiter.len()]);
        match common_prefix {
            // The keys under a common prefix are adjacent in key order.
            Some(name) if rows.last().is_some_and(|row| row.name == name) => {}
            Some(name) => rows.push(Row { name, item: None }),
            None => rows.push(Row {
                name: key,
                item: Some(item),
            }),
        }
    }
    rows
}

/// The index of the first row whose name is greater than `marker`. A marker that is a common
/// prefix is that prefix's own row, so the keys under it are skipped with it.
fn start_after_name<T>(rows: &[Row<'_, T>], marker: &str) -> usize {
    rows.partition_point(|row| row.name <= marker)
}

/// Where a versions or uploads listing resumes: after the item (`key_marker`, `id_marker`),
/// or after the name `key_marker` without an id marker.
fn start_after_item<T: Listed>(
    all: &[T],
    rows: &[Row<'_, T>],
    key_marker: &str,
    id_marker: Option<&str>,
    id_kind: &str,
) -> Result<usize, S3Error> {
    let Some(id) = id_marker else {
        return Ok(start_after_name(rows, key_marker));
    };
    let is_marked = |item: &T| item.key() == key_marker && item.id() == id;
    if !all.iter().any(is_marked) {
        return Err(S3Error::invalid_argument(format!(
            "Invalid {id_kind} specified"
        )));
    }
    // Absent from the rows when its key rolled up into a common prefix or lies outside the prefix.
    let row = rows.iter().position(|row| row.item.is_some_and(is_marked));
    Ok(row.map_or_else(|| start_after_name(rows, key_marker), |at| at + 1))
}

/// One page of a listing, and what its next token or marker should be.
struct Page<'a, T> {
    rows: &'a [Row<'a, T>],
    truncated: bool,
    next: Next,
}

/// What a truncated page hands back to continue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// The position after its last row, as S3 does.
    Following,
    /// The token(s) the request sent ([`Quirks::echo_token_from`]).
    Echo,
    /// Nothing ([`Quirks::omit_token_from`]).
    Omit,
}

impl<'a, T> Page<'a, T> {
    fn new(rows: &'a [Row<'a, T>], start: usize, page_size: usize, quirks: &Quirks) -> Self {
        let end = rows.len().min(start.saturating_add(page_size));
        let reached = |from: Option<usize>| from.is_some_and(|from| start >= from);
        let next = if reached(quirks.omit_token_from) {
            Next::Omit
        } else if reached(quirks.echo_token_from) {
            Next::Echo
        } else {
            Next::Following
        };
        Page {
            rows: &rows[start..end],
            truncated: page_size > 0 && end < rows.len(),
            next,
        }
    }

    /// The next key marker and id marker of a versions or uploads page.
    fn next_item_markers<'m>(
        &self,
        key_marker: Option<&'m str>,
        id_marker: Option<&'m str>,
    ) -> (Option<&'m str>, Option<&'m str>)
    where
        'a: 'm,
        T: Listed,
    {
        match (self.truncated, self.next, self.rows.last()) {
            (true, Next::Following, Some(last)) => (Some(last.name), last.item.map(T::id)),
            (true, Next::Echo, _) => (key_marker, id_marker),
            _ => (None, None),
        }
    }
}

/// The content of a V2 continuation token: the listing name the next page starts after, and
/// whether the empty page of [`Quirks::empty_pages_with_token`] was served for that position.
struct Cursor {
    after: String,
    empty_page_served: bool,
}

/// Makes a token unlike any key, and lets a foreign token be told apart.
const TOKEN_TAG: &str = "s3-endpoint/v2:";

impl Cursor {
    fn token(after: &str, empty_page_served: bool) -> String {
        let flag = if empty_page_served { 'E' } else { 'P' };
        BASE64.encode(format!("{TOKEN_TAG}{flag}{after}"))
    }

    fn decode(token: &str) -> Result<Cursor, S3Error> {
        let text = BASE64
            .decode(token)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        let content = text
            .as_deref()
            .and_then(|text| text.strip_prefix(TOKEN_TAG));
        let (empty_page_served, after) = match content.map(|content| content.split_at_checked(1)) {
            Some(Some(("E", after))) => (true, after),
            Some(Some(("P", after))) => (false, after),
            _ => {
                return Err(S3Error::invalid_argument(
                    "The continuation token provided is incorrect",
                ));
            }
        };
        Ok(Cursor {
            after: after.to_owned(),
            empty_page_served,
        })
    }
}

/// The full listing of ListObjects (v1) and ListObjectsV2: each key's newest entry, unless it
/// is a delete marker.
fn current_objects<'a>(bucket: &'a StoredBucket, params: &ListParams<'_>) -> Vec<Row<'a, Version>> {
    let current = (bucket.versions.iter())
        .filter(|version| version.is_latest && !version.entry.delete_marker);
    roll_up(current, params.prefix, params.delimiter)
}

/// The current objects' rows a page after `after` needs, and the index of the first of them.
/// Without the quirks that count positions in the full listing, only the rows from `after` on,
/// one more than a page (to tell whether it is truncated), found by binary search: a request
/// costs the same at any size of bucket, so that a benchmark measures the client.
fn current_objects_after<'a>(
    bucket: &'a StoredBucket,
    params: &ListParams<'_>,
    after: &str,
) -> (Vec<Row<'a, Version>>, usize) {
    let quirks = &bucket.quirks;
    if quirks.echo_token_from.is_some() || quirks.omit_token_from.is_some() {
        let rows = current_objects(bucket, params);
        let start = start_after_name(&rows, after);
        return (rows, start);
    }
    let versions = &bucket.versions;
    let from = versions
        .partition_point(|version| version.entry.key.as_str() <= after)
        .max(versions.partition_point(|version| version.entry.key.as_str() < params.prefix));
    let wanted = params.page_size.saturating_add(1);
    let mut rows: Vec<Row<'a, Version>> = Vec::new();
    for version in &versions[from..] {
        let key = version.entry.key.as_str();
        let Some(rest) = key.strip_prefix(params.prefix) else {
            // Sorted by key: past every key of the prefix.
            break;
        };
        if !version.is_latest || version.entry.delete_marker {
            continue;
        }
        let common_prefix = (!params.delimiter.is_empty())
            .then(|| rest.find(params.delimiter))
            .flatten()
            .map(|at| &key[..params.prefix.len() + at + params.delimiter.len()]);
        let row = match common_prefix {
            Some(name) if rows.last().is_some_and(|row| row.name == name) => continue,
            // A common prefix the marker sits in was listed before.
            Some(name) if name <= after => continue,
            Some(name) => Row { name, item: None },
            None => Row {
                name: key,
                item: Some(version),
            },
        };
        if rows.len() == wanted {
            break;
        }
        rows.push(row);
    }
    (rows, 0)
}

fn list_objects_v1(
    name: &str,
    bucket: &StoredBucket,
    query: &Query<'_>,
) -> Result<String, S3Error> {
    let params = ListParams::parse(query, "max-keys")?;
    let marker = query.get("marker");
    let (rows, start) = current_objects_after(bucket, &params, marker.unwrap_or_default());
    let page = Page::new(&rows, start, params.page_size, &bucket.quirks);
    // Without a delimiter AWS sends no NextMarker: clients continue from the last key.
    let next_marker = match (page.truncated, page.next, page.rows.last()) {
        (true, Next::Following, Some(last)) if !params.delimiter.is_empty() => Some(last.name),
        (true, Next::Echo, _) => marker,
        _ => None,
    };
    Ok(objects_document(&page, &params, |root| {
        leaf(root, "Name", name);
        params.write(root, "MaxKeys");
        leaf(root, "Marker", &params.encode(marker.unwrap_or_default()));
        if let Some(next_marker) = next_marker {
            leaf(root, "NextMarker", &params.encode(next_marker));
        }
        leaf(root, "IsTruncated", &page.truncated.to_string());
    }))
}

fn list_objects_v2(
    name: &str,
    bucket: &StoredBucket,
    query: &Query<'_>,
) -> Result<String, S3Error> {
    let params = ListParams::parse(query, "max-keys")?;
    let quirks = &bucket.quirks;
    let token = query.get("continuation-token");
    let start_after = query.get("start-after");
    let cursor = match token {
        Some(token) => Cursor::decode(token)?,
        None => Cursor {
            after: start_after.unwrap_or_default().to_owned(),
            empty_page_served: false,
        },
    };
    let (rows, start) = current_objects_after(bucket, &params, &cursor.after);
    let (page, next_token) =
        if quirks.empty_pages_with_token && !cursor.empty_page_served && params.page_size > 0 {
            // Same position, marked served: the request with this token gets the real page.
            let page = Page {
                rows: &[],
                truncated: true,
                next: Next::Following,
            };
            (page, Some(Cursor::token(&cursor.after, true)))
        } else {
            let page = Page::new(&rows, start, params.page_size, quirks);
            let next_token = match (page.truncated, page.next, page.rows.last()) {
                (true, Next::Following, Some(last)) => Some(Cursor::token(last.name, false)),
                (true, Next::Echo, _) => token.map(str::to_owned),
                _ => None,
            };
            (page, next_token)
        };
    Ok(objects_document(&page, &params, |root| {
        leaf(root, "Name", name);
        params.write(root, "MaxKeys");
        leaf(root, "KeyCount", &page.rows.len().to_string());
        if let Some(token) = token {
            leaf(root, "ContinuationToken", token);
        }
        if let Some(start_after) = start_after {
            leaf(root, "StartAfter", &params.encode(start_after));
        }
        if let Some(next_token) = &next_token {
            leaf(root, "NextContinuationToken", next_token);
        }
        leaf(root, "IsTruncated", &page.truncated.to_string());
    }))
}

/// The document of ListObjects (v1) or ListObjectsV2: `head`, then the page's objects and
/// common prefixes. Without URL encoding and without common prefixes on the page, the objects
/// are the `<Contents>` rendered when the bucket was put: writing them for each request was
/// a quarter of the CPU of a benchmark listing, which real S3 does not take from its client.
fn objects_document(
    page: &Page<'_, Version>,
    params: &ListParams<'_>,
    head: impl FnOnce(&mut ScopeWriter<'_, '_>),
) -> String {
    const END: &str = "</ListBucketResult>";
    let rendered = !params.url_encoded && page.rows.iter().all(|row| row.item.is_some());
    let mut body = document("ListBucketResult", |root| {
        head(root);
        if !rendered {
            write_objects(root, page, params);
        }
    });
    if rendered {
        body.truncate(body.len() - END.len());
        for version in page.rows.iter().filter_map(|row| row.item) {
            body.push_str(&version.contents);
        }
        body.push_str(END);
    }
    body
}

fn write_objects(
    root: &mut ScopeWriter<'_, '_>,
    page: &Page<'_, Version>,
    params: &ListParams<'_>,
) {
    for version in page.rows.iter().filter_map(|row| row.item) {
        let entry = &version.entry;
        write_contents(root.start_el("Contents"), entry, &params.encode(&entry.key));
    }
    write_common_prefixes(root, page, params);
}

/// One object's `<Contents>`, with `key` as the response carries it.
fn write_contents(element: ElWriter<'_, '_>, entry: &Entry, key: &str) {
    let mut contents = element.finish();
    leaf(&mut contents, "Key", key);
    leaf(
        &mut contents,
        "LastModified",
        &timestamp(entry.last_modified),
    );
    leaf(&mut contents, "ETag", &etag(entry));
    leaf(&mut contents, "Size", &entry.size.to_string());
    leaf(&mut contents, "StorageClass", "STANDARD");
}

fn list_object_versions(
    name: &str,
    bucket: &StoredBucket,
    query: &Query<'_>,
) -> Result<String, S3Error> {
    let params = ListParams::parse(query, "max-keys")?;
    let rows = roll_up(&bucket.versions, params.prefix, params.delimiter);
    let key_marker = query.get("key-marker");
    let version_marker = query.get("version-id-marker");
    if key_marker.is_none() && version_marker.is_some() {
        return Err(S3Error::invalid_argument(
            "A version-id marker cannot be specified without a key marker.",
        ));
    }
    let start = start_after_item(
        &bucket.versions,
        &rows,
        key_marker.unwrap_or_default(),
        version_marker,
        "version id",
    )?;
    let page = Page::new(&rows, start, params.page_size, &bucket.quirks);
    let (next_key, next_version) = page.next_item_markers(key_marker, version_marker);
    Ok(document("ListVersionsResult", |root| {
        leaf(root, "Name", name);
        params.write(root, "MaxKeys");
        leaf(
            root,
            "KeyMarker",
            &params.encode(key_marker.unwrap_or_default()),
        );
        leaf(root, "VersionIdMarker", version_marker.unwrap_or_default());
        if let Some(next_key) = next_key {
            leaf(root, "NextKeyMarker", &params.encode(next_key));
        }
        if let Some(next_version) = next_version {
            leaf(root, "NextVersionIdMarker", next_version);
        }
        leaf(root, "IsTruncated", &page.truncated.to_string());
        for version in page.rows.iter().filter_map(|row| row.item) {
            let entry = &version.entry;
            let element = if entry.delete_marker {
                "DeleteMarker"
            } else {
                "Version"
            };
            let mut scope = root.start_el(element).finish();
            leaf(&mut scope, "Key", &params.encode(&entry.key));
            leaf(&mut scope, "VersionId", &entry.version_id);
            leaf(&mut scope, "IsLatest", &version.is_latest.to_string());
            leaf(&mut scope, "LastModified", &timestamp(entry.last_modified));
            if !entry.delete_marker {
                leaf(&mut scope, "ETag", &etag(entry));
                leaf(&mut scope, "Size", &entry.size.to_string());
                leaf(&mut scope, "StorageClass", "STANDARD");
            }
        }
        write_common_prefixes(root, &page, &params);
    }))
}

fn list_multipart_uploads(
    name: &str,
    bucket: &StoredBucket,
    query: &Query<'_>,
) -> Result<String, S3Error> {
    let params = ListParams::parse(query, "max-uploads")?;
    let rows = roll_up(&bucket.uploads, params.prefix, params.delimiter);
    let key_marker = query.get("key-marker");
    // Documented: without a key marker the upload id marker is ignored.
    let upload_marker = key_marker.and(query.get("upload-id-marker"));
    let start = start_after_item(
        &bucket.uploads,
        &rows,
        key_marker.unwrap_or_default(),
        upload_marker,
        "upload id",
    )?;
    let page = Page::new(&rows, start, params.page_size, &bucket.quirks);
    let (next_key, mut next_upload) = page.next_item_markers(key_marker, upload_marker);
    if bucket.quirks.omit_next_upload_id_marker {
        next_upload = None;
    }
    Ok(document("ListMultipartUploadsResult", |root| {
        leaf(root, "Bucket", name);
        params.write(root, "MaxUploads");
        leaf(
            root,
            "KeyMarker",
            &params.encode(key_marker.unwrap_or_default()),
        );
        leaf(root, "UploadIdMarker", upload_marker.unwrap_or_default());
        if let Some(next_key) = next_key {
            leaf(root, "NextKeyMarker", &params.encode(next_key));
        }
        if let Some(next_upload) = next_upload {
            leaf(root, "NextUploadIdMarker", next_upload);
        }
        leaf(root, "IsTruncated", &page.truncated.to_string());
        for upload in page.rows.iter().filter_map(|row| row.item) {
            let mut scope = root.start_el("Upload").finish();
            leaf(&mut scope, "Key", &params.encode(&upload.key));
            leaf(&mut scope, "UploadId", &upload.upload_id);
            leaf(&mut scope, "Initiated", &timestamp(upload.initiated));
            leaf(&mut scope, "StorageClass", "STANDARD");
        }
        write_common_prefixes(root, &page, &params);
    }))
}

fn write_common_prefixes<T>(
    root: &mut ScopeWriter<'_, '_>,
    page: &Page<'_, T>,
    params: &ListParams<'_>,
) {
    for row in page.rows.iter().filter(|row| row.item.is_none()) {
        let mut common_prefixes = root.start_el("CommonPrefixes").finish();
        leaf(&mut common_prefixes, "Prefix", &params.encode(row.name));
    }
}

/// An error as S3 sends it: a status and an `<Error>` document.
#[derive(Debug)]
struct S3Error {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl S3Error {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> S3Error {
        let message = message.into();
        S3Error {
            status,
            code,
            message,
        }
    }

    fn invalid_argument(message: impl Into<String>) -> S3Error {
        S3Error::new(StatusCode::BAD_REQUEST, "InvalidArgument", message)
    }

    fn no_such_bucket(name: &str) -> S3Error {
        let message = format!("The specified bucket does not exist: {name}");
        S3Error::new(StatusCode::NOT_FOUND, "NoSuchBucket", message)
    }

    fn not_implemented(method: &Method, path: &str) -> S3Error {
        let message =
            format!("{method} {path} is not served here (the four listings and HeadObject are)");
        S3Error::new(StatusCode::NOT_IMPLEMENTED, "NotImplemented", message)
    }
}

impl IntoResponse for S3Error {
    fn into_response(self) -> Response {
        let mut body = String::from(XML_DECLARATION);
        {
            let mut writer = XmlWriter::new(&mut body);
            let mut error = writer.start_el("Error").finish();
            leaf(&mut error, "Code", self.code);
            leaf(&mut error, "Message", &self.message);
        }
        xml_response(self.status, body)
    }
}

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

fn xml_response(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/xml")], body).into_response()
}

/// A response document: `root`, in S3's namespace, with what `write` puts in it.
fn document(root: &str, write: impl FnOnce(&mut ScopeWriter<'_, '_>)) -> String {
    let mut body = String::from(XML_DECLARATION);
    {
        let mut writer = XmlWriter::new(&mut body);
        let mut scope = writer.start_el(root).write_ns(S3_NAMESPACE, None).finish();
        write(&mut scope);
    }
    body
}

/// `<name>value</name>`, the value escaped.
fn leaf(scope: &mut ScopeWriter<'_, '_>, name: &str, value: &str) {
    scope.start_el(name).finish().data(value);
}

/// S3's timestamp form, `2026-01-02T03:04:05.000Z`, of seconds since the Unix epoch.
fn timestamp(seconds: i64) -> String {
    let (year, month, day, hour, minute, second) = civil(seconds);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.000Z")
}

/// HTTP's date form (RFC 9110's IMF-fixdate), `Fri, 02 Jan 2026 03:04:05 GMT`, of seconds since
/// the Unix epoch: S3's `Last-Modified` header.
fn http_date(seconds: i64) -> String {
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, month, day, hour, minute, second) = civil(seconds);
    // 1970-01-01 was a Thursday.
    let weekday = WEEKDAYS[seconds.div_euclid(86_400).rem_euclid(7) as usize];
    let month = MONTHS[(month - 1) as usize];
    format!("{weekday}, {day:02} {month} {year:04} {hour:02}:{minute:02}:{second:02} GMT")
}

/// The UTC date and time of seconds since the Unix epoch: year, month, day, hour, minute,
/// second.
fn civil(seconds: i64) -> (i64, i64, i64, i64, i64, i64) {
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day number.
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let march_based_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * march_based_month + 2) / 5 + 1;
    let month = if march_based_month < 10 {
        march_based_month + 3
    } else {
        march_based_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        month,
        day,
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60,
    )
}

/// A stable, quoted ETag derived from the key and version id (FNV-1a of each).
fn etag(entry: &Entry) -> String {
    let fnv = |text: &str| {
        text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    format!(
        "\"{:016x}{:016x}\"",
        fnv(&entry.key),
        fnv(&entry.version_id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_s3_form() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(timestamp(DEFAULT_LAST_MODIFIED), "2026-01-01T00:00:00.000Z");
        assert_eq!(timestamp(1_767_323_045), "2026-01-02T03:04:05.000Z");
        assert_eq!(timestamp(951_782_400), "2000-02-29T00:00:00.000Z");
        assert_eq!(timestamp(-1), "1969-12-31T23:59:59.000Z");
    }

    #[test]
    fn http_dates_are_imf_fixdates() {
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(
            http_date(DEFAULT_LAST_MODIFIED),
            "Thu, 01 Jan 2026 00:00:00 GMT"
        );
        assert_eq!(http_date(1_767_323_045), "Fri, 02 Jan 2026 03:04:05 GMT");
        assert_eq!(http_date(951_782_400), "Tue, 29 Feb 2000 00:00:00 GMT");
        assert_eq!(http_date(-1), "Wed, 31 Dec 1969 23:59:59 GMT");
    }

    #[test]
    fn paths_are_percent_decoded_with_plus_kept() {
        assert_eq!(
            percent_decode("a%20b+c%2Bd/%C3%BC").as_deref(),
            Some("a b+c+d/ü")
        );
        assert_eq!(percent_decode("100%").as_deref(), Some("100%"));
        assert_eq!(percent_decode("%zz%4").as_deref(), Some("%zz%4"));
        assert_eq!(percent_decode("%FF"), None);
    }

    /// HeadObject through the real SDK client: the current version's headers, 404 for a key
    /// without one, the key percent-decoded from the path, and the bucket's latency applied.
    #[test]
    fn head_object_answers_for_the_current_version() {
        use aws_sdk_s3::error::SdkError;
        use aws_sdk_s3::operation::head_object::HeadObjectError;
        use aws_sdk_s3::primitives::DateTime;

        let endpoint = S3Endpoint::start().expect("the endpoint starts");
        let odd = "dir/a b+c=d&e%f?ü🙂";
        let mut bucket = Bucket::objects([odd, "dir/b"]);
        bucket.entries.extend([
            Entry::version("versioned", "v1", 100),
            Entry::version("versioned", "v2", 200),
            Entry::version("deleted", "v1", 100),
            Entry::delete_marker("deleted", "v2", 200),
        ]);
        bucket.quirks.latency = Some(Duration::from_millis(50));
        endpoint.put_bucket("heads", bucket);
        let client = endpoint.s3_client();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let head =
                |bucket: &str, key: &str| client.head_object().bucket(bucket).key(key).send();

            let started = std::time::Instant::now();
            let object = head("heads", odd).await.expect("the object's head");
            assert!(
                started.elapsed() >= Duration::from_millis(50),
                "latency applied"
            );
            assert_eq!(object.content_length(), Some(0));
            assert_eq!(object.e_tag(), Some(etag(&Entry::object(odd)).as_str()));
            assert_eq!(
                object.last_modified(),
                Some(&DateTime::from_secs(DEFAULT_LAST_MODIFIED))
            );
            assert_eq!(object.version_id(), None, "no version id for \"null\"");

            let versioned = head("heads", "versioned")
                .await
                .expect("the newest version");
            assert_eq!(versioned.version_id(), Some("v2"));
            assert_eq!(versioned.last_modified(), Some(&DateTime::from_secs(200)));

            for (bucket, key) in [("heads", "dir"), ("heads", "dir/"), ("heads", "deleted")] {
                let error = head(bucket, key).await.expect_err("a 404");
                let SdkError::ServiceError(error) = &error else {
                    panic!("{key}: a service error, not {error:?}");
                };
                assert!(
                    matches!(error.err(), HeadObjectError::NotFound(_)),
                    "{key}: {error:?}"
                );
                let marker = error.raw().headers().get("x-amz-delete-marker");
                assert_eq!(marker, (key == "deleted").then_some("true"), "{key}");
            }
            let error = head("missing", "k").await.expect_err("no such bucket");
            assert_eq!(
                error.raw_response().map(|raw| raw.status().as_u16()),
                Some(404)
            );
        });
        let requests = endpoint.requests();
        assert_eq!(requests.len(), 6);
        assert!(
            requests
                .iter()
                .all(|request| request.operation == "HeadObject")
        );
        assert!(requests.iter().all(|request| request.method == "HEAD"));
        assert_eq!(
            (requests[0].bucket.as_str(), requests[0].key.as_str()),
            ("heads", odd)
        );
    }

    #[test]
    fn continuation_tokens_round_trip_and_reject_foreign_ones() {
        let decoded = Cursor::decode(&Cursor::token("a b/", true)).expect("own token");
        assert_eq!(decoded.after, "a b/");
        assert!(decoded.empty_page_served);
        assert!(Cursor::decode("a b/").is_err());
        assert!(Cursor::decode(&BASE64.encode("other:Pkey")).is_err());
    }

    #[test]
    fn objects_rendered_at_put_match_objects_written_per_request() {
        let keys = ["a&b", "c<d>", "e\"f'g", "h\ri", "plain", "ü €"];
        let bucket = StoredBucket::new(Bucket::objects(keys));
        let rows: Vec<Row<'_, Version>> = (bucket.versions.iter())
            .map(|version| Row {
                name: &version.entry.key,
                item: Some(version),
            })
            .collect();
        let page = Page::new(&rows, 0, rows.len(), &bucket.quirks);
        let params = ListParams {
            prefix: "",
            delimiter: "",
            page_size: MAX_PAGE_SIZE,
            url_encoded: false,
        };
        let head = |root: &mut ScopeWriter<'_, '_>| leaf(root, "IsTruncated", "false");
        let rendered = objects_document(&page, &params, head);
        let written = document("ListBucketResult", |root| {
            head(root);
            write_objects(root, &page, &params);
        });
        assert_eq!(rendered, written);
        assert!(rendered.contains("<Key>a&amp;b</Key>"), "{rendered}");
        assert_eq!(rendered.matches("<Contents>").count(), keys.len());
    }
}
