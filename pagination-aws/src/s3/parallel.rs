//! The four key listings as key ranges ([`KeyRanges`]): what
//! [`Paginator::parallel`](pagination_core::Paginator::parallel) needs to list a bucket in
//! parallel.
//!
//! Each range starts after its lower bound with the listing's own "start after" parameter:
//! `start_after` (ListObjectsV2), `marker` (ListObjects), `key_marker` without a version-id or
//! upload-id marker (ListObjectVersions, ListMultipartUploads), which S3 documents as listing the
//! keys after it, so that a key's versions or uploads never straddle two ranges. Keys are
//! compared decoded when the request asks for URL encoding. Directory buckets do not list in key
//! order and take no `start_after`: they are refused.
//!
//! The folders of the key space come from the same operation with a `delimiter` and the
//! largest page S3 gives (1,000 entries): each key holding the delimiter past the prefix comes
//! back once, as a common prefix (S3 API Reference, ListObjectsV2: `Delimiter`,
//! `CommonPrefixes`). The request's own markers and start-after are cleared there; everything
//! else (bucket, encoding, expected owner, request payer) is kept.

use std::borrow::Cow;

use pagination_core::{CannotPartition, KeyRanges, KeySpace};

/// The most entries S3 returns in one page of a listing.
const LARGEST_PAGE: i32 = 1000;

use super::{
    ListMultipartUploads, ListObjectVersions, ListObjects, ListObjectsV2, ObjectEntry,
    ObjectEntryV2, ObjectVersionEntry, UploadEntry, is_directory_bucket, name,
};

/// Refuses directory buckets, named in `bucket`.
fn check_bucket(bucket: Option<&String>) -> Result<(), CannotPartition> {
    match bucket {
        Some(bucket) if is_directory_bucket(bucket) => Err(CannotPartition::new(format!(
            "`{bucket}` is a directory bucket, which lists keys out of order and takes no start-after \
             (S3 API Reference, ListObjectsV2); list it sequentially"
        ))),
        _ => Ok(()),
    }
}

fn key_space(prefix: Option<&String>, delimiter: Option<&String>) -> KeySpace {
    KeySpace::new(prefix.cloned().unwrap_or_default(), delimiter.cloned())
}

/// `ListObjectsV2`: ranges start with `start_after`; a `start_after` of the request is the
/// listing's lower bound.
impl KeyRanges for ListObjectsV2 {
    fn item_key<'a>(request: &Self::Request, item: &'a ObjectEntryV2) -> Cow<'a, str> {
        let key = match item {
            ObjectEntryV2::Object(object) => object.key(),
            ObjectEntryV2::CommonPrefix(prefix) => prefix.prefix(),
        };
        name(request.get_encoding_type().as_ref(), key)
    }

    fn start_after(request: Self::Request, key: &str) -> Self::Request {
        request.start_after(key)
    }

    fn lower_bound(request: &Self::Request) -> Option<String> {
        request.get_start_after().clone()
    }

    fn key_space(request: &Self::Request) -> KeySpace {
        key_space(
            request.get_prefix().as_ref(),
            request.get_delimiter().as_ref(),
        )
    }

    fn folder_request(
        request: &Self::Request,
        prefix: &str,
        delimiter: &str,
    ) -> Option<Self::Request> {
        Some(
            request
                .clone()
                .prefix(prefix)
                .delimiter(delimiter)
                .max_keys(LARGEST_PAGE)
                .set_start_after(None)
                .set_continuation_token(None),
        )
    }

    fn check_partitionable(request: &Self::Request) -> Result<(), CannotPartition> {
        check_bucket(request.get_bucket().as_ref())
    }
}

/// `ListObjects` (v1): ranges start with `marker`.
impl KeyRanges for ListObjects {
    fn item_key<'a>(request: &Self::Request, item: &'a ObjectEntry) -> Cow<'a, str> {
        let key = match item {
            ObjectEntry::Object(object) => object.key(),
            ObjectEntry::CommonPrefix(prefix) => prefix.prefix(),
        };
        name(request.get_encoding_type().as_ref(), key)
    }

    fn start_after(request: Self::Request, key: &str) -> Self::Request {
        request.marker(key)
    }

    fn key_space(request: &Self::Request) -> KeySpace {
        key_space(
            request.get_prefix().as_ref(),
            request.get_delimiter().as_ref(),
        )
    }

    fn folder_request(
        request: &Self::Request,
        prefix: &str,
        delimiter: &str,
    ) -> Option<Self::Request> {
        Some(
            request
                .clone()
                .prefix(prefix)
                .delimiter(delimiter)
                .max_keys(LARGEST_PAGE)
                .set_marker(None),
        )
    }

    fn check_partitionable(request: &Self::Request) -> Result<(), CannotPartition> {
        check_bucket(request.get_bucket().as_ref())
    }
}

/// `ListObjectVersions`: ranges start with `key_marker` alone, which lists the keys after it.
impl KeyRanges for ListObjectVersions {
    fn item_key<'a>(request: &Self::Request, item: &'a ObjectVersionEntry) -> Cow<'a, str> {
        let key = match item {
            ObjectVersionEntry::Version(version) => version.key(),
            ObjectVersionEntry::DeleteMarker(marker) => marker.key(),
            ObjectVersionEntry::CommonPrefix(prefix) => prefix.prefix(),
        };
        name(request.get_encoding_type().as_ref(), key)
    }

    fn start_after(request: Self::Request, key: &str) -> Self::Request {
        request.key_marker(key).set_version_id_marker(None)
    }

    fn key_space(request: &Self::Request) -> KeySpace {
        key_space(
            request.get_prefix().as_ref(),
            request.get_delimiter().as_ref(),
        )
    }

    fn folder_request(
        request: &Self::Request,
        prefix: &str,
        delimiter: &str,
    ) -> Option<Self::Request> {
        Some(
            request
                .clone()
                .prefix(prefix)
                .delimiter(delimiter)
                .max_keys(LARGEST_PAGE)
                .set_key_marker(None)
                .set_version_id_marker(None),
        )
    }

    fn check_partitionable(request: &Self::Request) -> Result<(), CannotPartition> {
        check_bucket(request.get_bucket().as_ref())
    }
}

/// `ListMultipartUploads`: ranges start with `key_marker` alone, which lists the keys after it.
impl KeyRanges for ListMultipartUploads {
    fn item_key<'a>(request: &Self::Request, item: &'a UploadEntry) -> Cow<'a, str> {
        let key = match item {
            UploadEntry::Upload(upload) => upload.key(),
            UploadEntry::CommonPrefix(prefix) => prefix.prefix(),
        };
        name(request.get_encoding_type().as_ref(), key)
    }

    fn start_after(request: Self::Request, key: &str) -> Self::Request {
        request.key_marker(key).set_upload_id_marker(None)
    }

    fn key_space(request: &Self::Request) -> KeySpace {
        key_space(
            request.get_prefix().as_ref(),
            request.get_delimiter().as_ref(),
        )
    }

    fn folder_request(
        request: &Self::Request,
        prefix: &str,
        delimiter: &str,
    ) -> Option<Self::Request> {
        Some(
            request
                .clone()
                .prefix(prefix)
                .delimiter(delimiter)
                .max_uploads(LARGEST_PAGE)
                .set_key_marker(None)
                .set_upload_id_marker(None),
        )
    }

    fn check_partitionable(request: &Self::Request) -> Result<(), CannotPartition> {
        check_bucket(request.get_bucket().as_ref())
    }
}
