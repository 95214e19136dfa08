//! Paginators for `aws-sdk-s3`.
//!
//! | operation | how it pages |
//! |---|---|
//! | [`ListObjectVersions`] | two tokens, `key_marker` + `version_id_marker`, carried together; ends when `is_truncated` is false |
//! | [`ListMultipartUploads`] | two tokens, `key_marker` + `upload_id_marker`; a missing `next_upload_id_marker` falls back to the page's last upload; on directory buckets only `key_marker` travels |
//! | [`ListObjects`] | `marker` = `next_marker`, or the page's last key or common prefix when S3 omits it; ends on `is_truncated` |
//! | [`GetObjectAttributes`] | the parts of one object: `part_number_marker` from `object_parts.next_part_number_marker`; ends on `object_parts.is_truncated` |
//! | [`ListBucketAnalyticsConfigurations`], [`ListBucketIntelligentTieringConfigurations`], [`ListBucketInventoryConfigurations`], [`ListBucketMetricsConfigurations`] | `continuation_token` from `next_continuation_token` (the output's `continuation_token` only echoes the request); ends on `is_truncated` |
//! | [`ListObjectsV2`] | the SDK paginates it, without `items()`; this one streams `contents` and `common_prefixes` |
//!
//! The output fields that only echo the request (`key_marker`, `version_id_marker`,
//! `upload_id_marker`, `marker`, `continuation_token`) are never read as next tokens.
//!
//! # S3's order
//!
//! The item streams of the four key listings yield their items in S3's listing order, whatever
//! the page size: keys ascending by their UTF-8 bytes, and each common prefix in the place of
//! the keys it rolls up. In [`ListObjectVersions`], a key's versions and delete markers
//! interleave: the latest first, then newest first by `last_modified`. The SDK hands each kind
//! over in a list of its own, so each page's order is rebuilt from keys, `is_latest` and
//! `last_modified` ([`ItemOrder`]). Directory buckets
//! (names ending in `--x-s3`) do not list in key order: there each page's items come as S3
//! sent them, objects or uploads first, then common prefixes. The page stream
//! ([`Paginator::send`](pagination_core::Paginator::send)) yields S3's pages as the SDK
//! parses them. Because the order does not depend on the page boundaries, cursors, `max_items`
//! and listings split across runs see one sequence.
//!
//! One case is beyond a page's reach: a version and a delete marker of one key with the same
//! `last_modified` (S3 lists it in whole seconds, so a put, a delete and a put within one second
//! do it), neither of them the latest. S3 orders them, but the SDK's two lists do not say how;
//! on one page the version comes first, and across a page boundary S3's own order holds. Every
//! entry is still listed once, and the latest one of each key first.
//!
//! # URL-encoded keys
//!
//! With `encoding_type(EncodingType::Url)`, S3 URL-encodes the keys, prefixes and key markers of
//! its answer (S3 recommends it for keys with characters XML 1.0 cannot carry). The paginators
//! decode every key-valued marker they send back (`next_marker`, the last-key fallback,
//! `next_key_marker`); version-id and upload-id markers and continuation tokens are opaque and
//! sent as received. The items stay as S3 sent them, encoded, since that is what was asked for:
//! decode a key or prefix with [`decode_url`].
//!
//! ```
//! assert_eq!(pagination_aws::s3::decode_url("photos/caf%C3%A9+menu.jpg"), "photos/café menu.jpg");
//! assert_eq!(pagination_aws::s3::decode_url("a%2Bb"), "a+b");
//! ```
//!
//! # Parallel listings
//!
//! The four key listings list a bucket in parallel with
//! [`Paginator::parallel`](pagination_core::Paginator::parallel): key ranges with up to N
//! requests in flight, the items in S3's order (or as pages arrive, with `unordered()`), one
//! [`PartitionCursor`](pagination_core::PartitionCursor) to resume the whole listing. Each range
//! starts after its lower bound with the listing's own parameter: `start_after` (ListObjectsV2;
//! a `start_after` of the request is the listing's lower bound), `marker` (ListObjects),
//! `key_marker` without a version-id or upload-id marker (ListObjectVersions,
//! ListMultipartUploads: S3 then lists the keys after it, so a key's versions and uploads never
//! straddle two ranges). With a prefix the ranges stay inside it; with a delimiter, each common
//! prefix falls in one range and is listed once. Directory buckets list keys out of order and
//! take no start-after: [`parallel`](pagination_core::Paginator::parallel) refuses them with
//! [`CannotPartition`](pagination_core::CannotPartition). Throttling (`503 SlowDown`) is retried
//! by the SDK's retry policy, range by range.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_aws::s3::{ListObjectsV2, ObjectEntryV2};
//!
//! # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let mut objects = Paginator::<ListObjectsV2>::new(client.list_objects_v2().bucket("big"))
//!     .parallel(64)?
//!     .items();
//! while let Some(entry) = objects.try_next().await? {
//!     if let ObjectEntryV2::Object(object) = entry {
//!         println!("{}", object.key().unwrap_or_default());
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! S3-compatible servers that ignore the start-after parameter (moto's ListMultipartUploads
//! ignores `key-marker`) still list each key once: a range drops the keys at or before its
//! lower bound, and once a range's first page shows the server listing from the first key, no
//! more ranges are made and those that yielded nothing fold into the range before them, so the
//! listing costs about the sequential requests (and runs about as fast). A server that misreads
//! it cannot be helped: moto's ListObjectVersions
//! with a `key-marker` alone skips the next key's latest version, unlike S3.
//!
//! Sources: the Amazon S3 API Reference for ListObjects, ListObjectsV2, ListObjectVersions and
//! ListMultipartUploads (`EncodingType`, `NextMarker`, `NextKeyMarker`, the order of versions,
//! `StartAfter`, `key-marker`).

mod parallel;

use std::borrow::Cow;
use std::cmp::Reverse;

use aws_sdk_s3::operation::list_multipart_uploads::ListMultipartUploadsOutput;
use aws_sdk_s3::operation::list_multipart_uploads::builders::ListMultipartUploadsFluentBuilder;
use aws_sdk_s3::operation::list_object_versions::ListObjectVersionsOutput;
use aws_sdk_s3::operation::list_object_versions::builders::ListObjectVersionsFluentBuilder;
use aws_sdk_s3::operation::list_objects::ListObjectsOutput;
use aws_sdk_s3::operation::list_objects::builders::ListObjectsFluentBuilder;
use aws_sdk_s3::operation::list_objects_v2::ListObjectsV2Output;
use aws_sdk_s3::primitives::DateTime;
use aws_sdk_s3::types::EncodingType;
use aws_sdk_s3::types::{
    AnalyticsConfiguration, CommonPrefix, DeleteMarkerEntry, IntelligentTieringConfiguration,
    InventoryConfiguration, MetricsConfiguration, MultipartUpload, Object, ObjectPart,
    ObjectVersion,
};
use pagination_core::{ItemOrder, paginate};

/// `ListObjectVersions`: every version and delete marker of a bucket, and the common prefixes
/// when a delimiter is set.
///
/// Paging rule: the request's `key_marker` and `version_id_marker` are set from the page's
/// `next_key_marker` and `next_version_id_marker`, together; one that is absent is cleared (a
/// stale version marker would skip or repeat versions). A truncated page with a
/// `next_key_marker` but no `next_version_id_marker` (some S3-compatible gateways omit it)
/// continues after the page's last entry when that entry's key is the marker, so the key's
/// older versions are not skipped. With URL encoding the key marker is decoded first. The listing ends when `is_truncated` is false; a page that is truncated but
/// points back at itself is an [`Error::DuplicateToken`](crate::Error::DuplicateToken), and one
/// without a next marker an [`Error::MissingToken`](crate::Error::MissingToken).
/// `page_size` sets `max_keys` (at most 1,000 a page).
///
/// Items come in S3's order (see [the module docs](self#s3s-order)): by key, and within a key
/// the latest entry first, then newest first, versions and delete markers interleaved; common
/// prefixes in their key order. The first entry of each key is its current state.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::s3::ObjectVersionEntry;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let mut entries = client
///     .list_object_versions()
///     .bucket("my-bucket")
///     .into_paginator()
///     .page_size(500)
///     .items();
/// while let Some(entry) = entries.try_next().await? {
///     match entry {
///         ObjectVersionEntry::Version(version) => println!("{:?}", version.key()),
///         ObjectVersionEntry::DeleteMarker(marker) => println!("deleted {:?}", marker.key()),
///         ObjectVersionEntry::CommonPrefix(prefix) => println!("{:?}/", prefix.prefix()),
///     }
/// }
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_s3::operation::list_object_versions,
    input_token = (key_marker, version_id_marker),
    output_token = (next_key_marker, next_version_id_marker),
    more_results = is_truncated,
    page_size = max_keys,
    items = (
        versions: ObjectVersion as Version,
        delete_markers: DeleteMarkerEntry as DeleteMarker,
        common_prefixes: CommonPrefix as CommonPrefix,
    ),
    item_enum = ObjectVersionEntry,
    next_request = decode_version_markers,
    item_order = version_order,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListObjectVersions;

/// ListObjectVersions: a missing version-id marker filled in from the page's last entry of the
/// marker's key, then the key marker decoded when S3 encoded it.
fn decode_version_markers(
    mut request: ListObjectVersionsFluentBuilder,
    output: &ListObjectVersionsOutput,
) -> ListObjectVersionsFluentBuilder {
    if request.get_version_id_marker().is_none()
        && let Some(marker) = request.get_key_marker().clone()
    {
        let last = last_version_of(output, &marker);
        request = request.set_version_id_marker(last);
    }
    let marker = decode_if(output.encoding_type(), request.get_key_marker());
    request.set_key_marker(marker)
}

/// The version id of the last entry (version or delete marker, in S3's order) of `key` on the
/// page, if the page ends in that key's entries. `key` is compared as S3 sent it.
fn last_version_of(output: &ListObjectVersionsOutput, key: &str) -> Option<String> {
    let order = version_order(output);
    let (mut versions, mut markers) = (output.versions().iter(), output.delete_markers().iter());
    let mut last = None;
    for &field in order.as_slice() {
        let entry: Option<(Option<&str>, Option<&str>)> = match field {
            0 => versions
                .next()
                .map(|version| (version.key(), version.version_id())),
            1 => markers
                .next()
                .map(|marker| (marker.key(), marker.version_id())),
            // A common prefix after the key's entries: the page does not end in them.
            _ => None,
        };
        let (entry_key, id) = entry.unwrap_or((None, None));
        last = (entry_key == Some(key)).then_some(id).flatten();
    }
    last.map(str::to_owned)
}

/// ListObjectVersions: versions, delete markers and common prefixes merged by key; within a key
/// the latest first, then newest first.
fn version_order(output: &ListObjectVersionsOutput) -> ItemOrder {
    let encoding = output.encoding_type();
    let entry = |key, latest: Option<bool>, modified: Option<&DateTime>| {
        (
            name(encoding, key),
            !latest.unwrap_or(false),
            Reverse(modified.copied()),
        )
    };
    ItemOrder::merge_by_key([
        output
            .versions()
            .iter()
            .map(|v| entry(v.key(), v.is_latest(), v.last_modified()))
            .collect::<Vec<_>>(),
        output
            .delete_markers()
            .iter()
            .map(|m| entry(m.key(), m.is_latest(), m.last_modified()))
            .collect(),
        output
            .common_prefixes()
            .iter()
            .map(|p| entry(p.prefix(), None, None))
            .collect(),
    ])
}

/// `ListMultipartUploads`: the multipart uploads in progress in a bucket, and the common prefixes
/// when a delimiter is set.
///
/// Paging rule: `key_marker` and `upload_id_marker` are set from `next_key_marker` and
/// `next_upload_id_marker`, together; one that is absent is cleared. With URL encoding the key
/// marker is decoded first. On a general-purpose bucket, a truncated page with a
/// `next_key_marker` but no `next_upload_id_marker` (some S3-compatible gateways omit it)
/// continues after the page's last upload when that upload's key is the marker, as S3 would
/// have said: the uploads of that key still to come are not skipped. On directory buckets
/// (names ending in `--x-s3`) S3 returns only `next_key_marker` (an opaque marker, not a key)
/// and the upload-id marker is cleared, as S3 requires. Ends when `is_truncated` is false.
/// `page_size` sets `max_uploads` (at most 1,000).
///
/// Items come in S3's order: by key, a key's uploads by initiation time, and common prefixes in
/// their key order.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::s3::UploadEntry;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let uploads: Vec<UploadEntry> = client
///     .list_multipart_uploads()
///     .bucket("my-bucket")
///     .into_paginator()
///     .items()
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_s3::operation::list_multipart_uploads,
    input_token = (key_marker, upload_id_marker),
    output_token = (next_key_marker, next_upload_id_marker),
    more_results = is_truncated,
    page_size = max_uploads,
    items = (uploads: MultipartUpload as Upload, common_prefixes: CommonPrefix as CommonPrefix),
    item_enum = UploadEntry,
    next_request = upload_markers,
    item_order = upload_order,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListMultipartUploads;

/// ListMultipartUploads: a missing upload-id marker filled in from the page's last upload (on
/// general-purpose buckets), then the key marker decoded when S3 encoded it.
fn upload_markers(
    mut request: ListMultipartUploadsFluentBuilder,
    output: &ListMultipartUploadsOutput,
) -> ListMultipartUploadsFluentBuilder {
    let directory = request
        .get_bucket()
        .as_deref()
        .is_some_and(is_directory_bucket);
    if directory {
        // Directory buckets take no upload-id marker (S3 refuses one): the key marker alone.
        request = request.set_upload_id_marker(None);
    } else if request.get_upload_id_marker().is_none() {
        let last = output.uploads().last();
        if let (Some(marker), Some(last)) = (request.get_key_marker(), last)
            && last.key() == Some(marker.as_str())
        {
            let upload_id = last.upload_id().map(str::to_owned);
            request = request.set_upload_id_marker(upload_id);
        }
    }
    let marker = decode_if(output.encoding_type(), request.get_key_marker());
    request.set_key_marker(marker)
}

/// ListMultipartUploads: uploads and common prefixes merged by key; on directory buckets, which
/// do not list in key order, as the page holds them.
fn upload_order(output: &ListMultipartUploadsOutput) -> ItemOrder {
    if output.bucket().is_some_and(is_directory_bucket) {
        return fields_in_turn(&[output.uploads().len(), output.common_prefixes().len()]);
    }
    let keys = output.uploads().iter().map(|upload| upload.key());
    keys_and_prefixes(output.encoding_type(), keys, output.common_prefixes())
}

/// `ListObjects` (version 1): the objects of a bucket, and the common prefixes when a delimiter
/// is set.
///
/// Paging rule: `marker` is set from `next_marker`, or, when S3 omits it (it does without a
/// delimiter), from the page's last listing name: its last key, or its last common prefix when
/// that comes later (a server that omits `next_marker` with a delimiter would otherwise list
/// the prefix again). With URL encoding the marker is decoded first. The end is decided by
/// `is_truncated`, never by an absent `next_marker`. `page_size` sets `max_keys`.
///
/// Items come in S3's order: keys, and common prefixes in the place of the keys they roll up.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::s3::ObjectEntry;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let mut entries = client.list_objects().bucket("my-bucket").into_paginator().items();
/// while let Some(entry) = entries.try_next().await? {
///     if let ObjectEntry::Object(object) = entry {
///         println!("{:?} {:?}", object.key(), object.size());
///     }
/// }
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_s3::operation::list_objects,
    input_token = marker,
    more_results = is_truncated,
    page_size = max_keys,
    items = (contents: Object as Object, common_prefixes: CommonPrefix as CommonPrefix),
    item_enum = ObjectEntry,
    next_request = next_object_marker,
    item_order = object_order,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListObjects;

/// ListObjects (v1): the marker from `next_marker`, else the page's last listing name (the
/// later of its last key and last common prefix), decoded when S3 encoded it.
fn next_object_marker(
    request: ListObjectsFluentBuilder,
    output: &ListObjectsOutput,
) -> ListObjectsFluentBuilder {
    let encoding = output.encoding_type();
    let marker = output
        .next_marker()
        .filter(|marker| !marker.is_empty())
        .map(|marker| name(encoding, Some(marker)))
        .or_else(|| {
            let key = output
                .contents()
                .last()
                .map(|object| name(encoding, object.key()));
            let prefix = output
                .common_prefixes()
                .last()
                .map(|prefix| name(encoding, prefix.prefix()));
            key.max(prefix).filter(|name| !name.is_empty())
        });
    request.set_marker(marker.map(Cow::into_owned))
}

/// ListObjects (v1): objects and common prefixes merged by key.
fn object_order(output: &ListObjectsOutput) -> ItemOrder {
    let keys = output.contents().iter().map(|object| object.key());
    keys_and_prefixes(output.encoding_type(), keys, output.common_prefixes())
}

/// `ListObjectsV2`: the objects of a bucket and the common prefixes, as items.
///
/// The SDK has a paginator for this operation, but no item stream; its inherent
/// `into_paginator()` wins method resolution, so build this one with [`Paginator::new`].
///
/// Paging rule: `continuation_token` from `next_continuation_token` (never from the output's
/// `continuation_token`, which echoes the request; never decoded, it is opaque); ends when
/// `is_truncated` is false. A truncated page that hands back the token it was sent is an
/// [`Error::DuplicateToken`](crate::Error::DuplicateToken) (a known fault of some
/// S3-compatible servers, which would otherwise end the listing early). `page_size` sets
/// `max_keys`.
///
/// Items come in S3's order: keys, and common prefixes in the place of the keys they roll up.
///
/// [`Paginator::new`]: crate::Paginator::new
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::s3::{ListObjectsV2, ObjectEntryV2};
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_objects_v2().bucket("my-bucket").prefix("logs/");
/// let mut entries = Paginator::<ListObjectsV2>::new(request).items();
/// while let Some(entry) = entries.try_next().await? {
///     if let ObjectEntryV2::Object(object) = entry {
///         println!("{:?}", object.key());
///     }
/// }
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_s3::operation::list_objects_v2,
    input_token = continuation_token,
    output_token = next_continuation_token,
    more_results = is_truncated,
    page_size = max_keys,
    items = (contents: Object as Object, common_prefixes: CommonPrefix as CommonPrefix),
    item_enum = ObjectEntryV2,
    item_order = object_order_v2,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListObjectsV2;

/// ListObjectsV2: objects and common prefixes merged by key; on directory buckets, which do not
/// list in key order, as the page holds them.
fn object_order_v2(output: &ListObjectsV2Output) -> ItemOrder {
    if output.name().is_some_and(is_directory_bucket) {
        return fields_in_turn(&[output.contents().len(), output.common_prefixes().len()]);
    }
    let keys = output.contents().iter().map(|object| object.key());
    keys_and_prefixes(output.encoding_type(), keys, output.common_prefixes())
}

/// `GetObjectAttributes` with `ObjectAttributes::ObjectParts`: the parts of one multipart object.
///
/// Paging rule: `part_number_marker` from `object_parts.next_part_number_marker`; the end is
/// decided by `object_parts.is_truncated` (the last page may carry a marker, `"0"` for example,
/// so a token check alone would loop). `page_size` sets `max_parts`. A response without
/// `object_parts` (an object that was not uploaded in parts) is one empty page.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use aws_sdk_s3::types::{ObjectAttributes, ObjectPart};
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let parts: Vec<ObjectPart> = client
///     .get_object_attributes()
///     .bucket("my-bucket")
///     .key("big.bin")
///     .object_attributes(ObjectAttributes::ObjectParts)
///     .into_paginator()
///     .items()
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_s3::operation::get_object_attributes,
    input_token = part_number_marker,
    output_token = object_parts?.next_part_number_marker,
    more_results = object_parts?.is_truncated,
    page_size = max_parts,
    items = object_parts?.parts: ObjectPart,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetObjectAttributes;

/// `ListBucketAnalyticsConfigurations`: a bucket's analytics configurations (at most 100 a page).
///
/// Paging rule: `continuation_token` from `next_continuation_token`; the output's
/// `continuation_token` echoes the request and is never used. Ends when `is_truncated` is false.
/// The operation has no page-size parameter.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let ids: Vec<String> = client
///     .list_bucket_analytics_configurations()
///     .bucket("my-bucket")
///     .into_paginator()
///     .items()
///     .map_ok(|configuration| configuration.id().to_owned())
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_s3::operation::list_bucket_analytics_configurations,
    input_token = continuation_token,
    output_token = next_continuation_token,
    more_results = is_truncated,
    items = analytics_configuration_list: AnalyticsConfiguration,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListBucketAnalyticsConfigurations;

/// `ListBucketIntelligentTieringConfigurations`: a bucket's S3 Intelligent-Tiering
/// configurations.
///
/// Paging rule: `continuation_token` from `next_continuation_token` (the output's
/// `continuation_token` is an echo); ends when `is_truncated` is false. No page-size parameter.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let configurations: Vec<_> = client
///     .list_bucket_intelligent_tiering_configurations()
///     .bucket("my-bucket")
///     .into_paginator()
///     .items()
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_s3::operation::list_bucket_intelligent_tiering_configurations,
    input_token = continuation_token,
    output_token = next_continuation_token,
    more_results = is_truncated,
    items = intelligent_tiering_configuration_list: IntelligentTieringConfiguration,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListBucketIntelligentTieringConfigurations;

/// `ListBucketInventoryConfigurations`: a bucket's inventory configurations (at most 100 a page).
///
/// Paging rule: `continuation_token` from `next_continuation_token` (the output's
/// `continuation_token` is an echo); ends when `is_truncated` is false. No page-size parameter.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let configurations: Vec<_> = client
///     .list_bucket_inventory_configurations()
///     .bucket("my-bucket")
///     .into_paginator()
///     .items()
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_s3::operation::list_bucket_inventory_configurations,
    input_token = continuation_token,
    output_token = next_continuation_token,
    more_results = is_truncated,
    items = inventory_configuration_list: InventoryConfiguration,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListBucketInventoryConfigurations;

/// `ListBucketMetricsConfigurations`: a bucket's metrics configurations (at most 100 a page).
///
/// Paging rule: `continuation_token` from `next_continuation_token` (the output's
/// `continuation_token` is an echo); ends when `is_truncated` is false. No page-size parameter.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let configurations: Vec<_> = client
///     .list_bucket_metrics_configurations()
///     .bucket("my-bucket")
///     .into_paginator()
///     .items()
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_s3::operation::list_bucket_metrics_configurations,
    input_token = continuation_token,
    output_token = next_continuation_token,
    more_results = is_truncated,
    items = metrics_configuration_list: MetricsConfiguration,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListBucketMetricsConfigurations;

/// Decodes a key, prefix or marker that S3 URL-encoded (`encoding_type(EncodingType::Url)`): `+`
/// is a space, then each `%XX` is a byte of the UTF-8 text. Borrows when there is nothing to
/// decode. Bytes that do not form UTF-8 (S3 never sends them) become U+FFFD.
///
/// ```
/// use pagination_aws::s3::decode_url;
///
/// assert_eq!(decode_url("%28p%29+x"), "(p) x");
/// assert_eq!(decode_url("t/obj%5C1"), "t/obj\\1");
/// assert_eq!(decode_url("plain/key.txt"), "plain/key.txt");
/// ```
pub fn decode_url(value: &str) -> Cow<'_, str> {
    if !value.contains(['+', '%']) {
        return Cow::Borrowed(value);
    }
    let spaced = value.replace('+', " ");
    let decoded = percent_encoding::percent_decode_str(&spaced)
        .decode_utf8_lossy()
        .into_owned();
    Cow::Owned(decoded)
}

/// Whether `bucket` names an S3 directory bucket (`base-name--zone-id--x-s3`) or an access point
/// to one (`...--xa-s3`), whose listings follow other rules.
fn is_directory_bucket(bucket: &str) -> bool {
    bucket.ends_with("--x-s3") || bucket.ends_with("--xa-s3")
}

/// A page's keys (objects or uploads, the first item field) and common prefixes (the second)
/// merged by name, as S3 orders them.
fn keys_and_prefixes<'a>(
    encoding: Option<&EncodingType>,
    keys: impl Iterator<Item = Option<&'a str>>,
    prefixes: &'a [CommonPrefix],
) -> ItemOrder {
    ItemOrder::merge_by_key([
        keys.map(|key| name(encoding, key)).collect::<Vec<_>>(),
        prefixes
            .iter()
            .map(|prefix| name(encoding, prefix.prefix()))
            .collect(),
    ])
}

/// Each field's items in turn: the order of a listing that is not sorted by key.
fn fields_in_turn(lengths: &[usize]) -> ItemOrder {
    let fields = lengths
        .iter()
        .enumerate()
        .flat_map(|(field, &len)| std::iter::repeat_n(field as u8, len))
        .collect();
    ItemOrder::from_field_indices(fields)
}

/// A key or prefix as S3 stores it: decoded when the answer was URL-encoded. Absent is empty.
fn name<'a>(encoding: Option<&EncodingType>, value: Option<&'a str>) -> Cow<'a, str> {
    let value = value.unwrap_or_default();
    match encoding {
        Some(EncodingType::Url) => decode_url(value),
        _ => Cow::Borrowed(value),
    }
}

/// A marker copied from the answer, decoded when the answer was URL-encoded.
fn decode_if(encoding: Option<&EncodingType>, marker: &Option<String>) -> Option<String> {
    marker
        .as_deref()
        .map(|marker| name(encoding, Some(marker)).into_owned())
}
