//! Paginators for `aws-sdk-s3`.
//!
//! | operation | how it pages |
//! |---|---|
//! | [`ListObjectVersions`] | two tokens, `key_marker` + `version_id_marker`, carried together; ends when `is_truncated` is false |
//! | [`ListMultipartUploads`] | two tokens, `key_marker` + `upload_id_marker`; on directory buckets only `key_marker` travels |
//! | [`ListObjects`] | `marker` = `next_marker`, or the last key of the page when S3 omits it; ends on `is_truncated` |
//! | [`GetObjectAttributes`] | the parts of one object: `part_number_marker` from `object_parts.next_part_number_marker`; ends on `object_parts.is_truncated` |
//! | [`ListBucketAnalyticsConfigurations`], [`ListBucketIntelligentTieringConfigurations`], [`ListBucketInventoryConfigurations`], [`ListBucketMetricsConfigurations`] | `continuation_token` from `next_continuation_token` (the output's `continuation_token` only echoes the request); ends on `is_truncated` |
//! | [`ListObjectsV2`] | the SDK paginates it, without `items()`; this one streams `contents` and `common_prefixes` |
//!
//! The output fields that only echo the request (`key_marker`, `version_id_marker`,
//! `upload_id_marker`, `marker`, `continuation_token`) are never read as next tokens.

use aws_sdk_s3::types::{
    AnalyticsConfiguration, CommonPrefix, DeleteMarkerEntry, IntelligentTieringConfiguration,
    InventoryConfiguration, MetricsConfiguration, MultipartUpload, Object, ObjectPart,
    ObjectVersion,
};
use pagination_core::paginate;

/// `ListObjectVersions`: every version and delete marker of a bucket, and the common prefixes
/// when a delimiter is set.
///
/// Paging rule: the request's `key_marker` and `version_id_marker` are set from the page's
/// `next_key_marker` and `next_version_id_marker`, together; one that is absent is cleared (a
/// stale version marker would skip or repeat versions). The listing ends when `is_truncated` is
/// false. `page_size` sets `max_keys`. Items come out in page order: versions, then delete
/// markers, then common prefixes.
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
)]
#[derive(Debug, Clone, Copy)]
pub struct ListObjectVersions;

/// `ListMultipartUploads`: the multipart uploads in progress in a bucket, and the common prefixes
/// when a delimiter is set.
///
/// Paging rule: `key_marker` and `upload_id_marker` are set from `next_key_marker` and
/// `next_upload_id_marker`, together; one that is absent is cleared. On directory buckets S3
/// returns only `next_key_marker` (an opaque marker, not a key) and the upload-id marker is
/// cleared, as S3 requires. Ends when `is_truncated` is false. `page_size` sets `max_uploads`.
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
)]
#[derive(Debug, Clone, Copy)]
pub struct ListMultipartUploads;

/// `ListObjects` (version 1): the objects of a bucket, and the common prefixes when a delimiter
/// is set.
///
/// Paging rule: `marker` is set from `next_marker`, or, when S3 omits it (it does without a
/// delimiter), from the key of the page's last object. The end is decided by `is_truncated`,
/// never by an absent `next_marker`. `page_size` sets `max_keys`.
///
/// With `encoding_type(EncodingType::Url)` S3 URL-encodes keys and markers and this paginator
/// sends them back as received, encoded; leave the encoding type unset to page on raw keys.
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
    output_token = next_marker || contents?.last()?.key,
    more_results = is_truncated,
    page_size = max_keys,
    items = (contents: Object as Object, common_prefixes: CommonPrefix as CommonPrefix),
    item_enum = ObjectEntry,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListObjects;

/// `ListObjectsV2`: the objects of a bucket and the common prefixes, as items.
///
/// The SDK has a paginator for this operation, but no item stream; its inherent
/// `into_paginator()` wins method resolution, so build this one with [`Paginator::new`].
///
/// Paging rule: `continuation_token` from `next_continuation_token` (never from the output's
/// `continuation_token`, which echoes the request); ends when `is_truncated` is false.
/// `page_size` sets `max_keys`.
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
)]
#[derive(Debug, Clone, Copy)]
pub struct ListObjectsV2;

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
