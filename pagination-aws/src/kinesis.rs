//! Paginators for `aws-sdk-kinesis` operations that lack one.
//!
//! ListShards is what every Kinesis consumer pages through, and its rule trips paginators that
//! copy the first request: the service refuses `NextToken` next to the stream's name (or ARN,
//! creation timestamp, shard filter, start shard id). The declaration here sends those on the
//! first request only (`first_page_only`), resumed listings included.
//!
//! Against moto (5.x), ListShards fails on its second page (`InvalidToken: Input inconsistent
//! with page token`): moto wants the stream's name next to `NextToken`, which AWS refuses.
//! DescribeStream there ends with a duplicate-token error at page sizes below the shard count:
//! moto ignores `ExclusiveStartShardId` and answers the first page again. Both follow AWS's
//! rules, and are tested against models that do.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::IntoPaginator;
//! use aws_sdk_kinesis::types::Shard;
//!
//! # async fn example(client: aws_sdk_kinesis::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let shards: Vec<Shard> = client
//!     .list_shards()
//!     .stream_name("clicks")
//!     .into_paginator()
//!     .items()
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_kinesis::types::Shard;
use pagination_core::paginate;

/// `ListShards`: the shards of a stream, as items of type [`Shard`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// The stream (`stream_name`, `stream_arn`, `stream_id`), `stream_creation_timestamp`,
/// `shard_filter` and `exclusive_start_shard_id` go on the first request only: every request
/// with a token is sent without them, also when a listing resumes from a cursor that continues
/// from a token (the token identifies the stream and the filter). `page_size` sets
/// `max_results` (at most 1000, the default).
///
/// Source: the [Kinesis API reference](https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html):
/// `StreamName` "You cannot specify this parameter if you specify the NextToken parameter";
/// "Don't specify StreamName or StreamCreationTimestamp if you specify NextToken because the
/// latter unambiguously identifies the stream"; `ExclusiveStartShardId` "You cannot specify this
/// parameter if you specify NextToken". The SDK's documentation says nothing of the kind for
/// `StreamARN` and `ShardFilter`, but the service refuses them too, with
/// `InvalidArgumentException` ("NextToken and StreamARN cannot be provided together", as reported
/// in aws-cli issue 9635; the Kinesis Client Library stopped sending `ShardFilter` with a token in
/// its pull request 790): this follows the service. `StreamId` ("Not Implemented. Reserved for
/// future use.") names the stream as well and is cleared with them. Tokens expire after 300
/// seconds, so a cursor that continues from a token is good for that long.
///
/// ```no_run
/// use aws_sdk_kinesis::types::{ShardFilter, ShardFilterType};
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_kinesis::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let open_shards: Vec<_> = client
///     .list_shards()
///     .stream_name("clicks")
///     .shard_filter(ShardFilter::builder().r#type(ShardFilterType::AtLatest).build()?)
///     .into_paginator()
///     .page_size(100)
///     .items()
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_kinesis::operation::list_shards,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = shards: Shard,
    first_page_only = (
        stream_name,
        stream_arn,
        stream_id,
        stream_creation_timestamp,
        shard_filter,
        exclusive_start_shard_id,
    ),
)]
#[derive(Debug, Clone, Copy)]
pub struct ListShards;

/// `DescribeStream`: a stream's shards, as items of type [`Shard`], page by page of the
/// stream's description.
///
/// Paging rule: `exclusive_start_shard_id` from the id of the last shard in
/// `stream_description.shards`; ends when `stream_description.has_more_shards` is false (a page
/// that says more but holds no shard has no position to go on from, and is an
/// [`Error::MissingToken`](crate::Error::MissingToken)). `page_size` sets `limit` (at most 100,
/// the default).
///
/// Source: the [Kinesis API reference](https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStream.html):
/// `ExclusiveStartShardId`: "Specify this parameter to indicate that you want to describe the
/// stream starting with the shard whose ID immediately follows ExclusiveStartShardId";
/// `HasMoreShards`: "If set to true, more shards in the stream are available to describe." AWS
/// recommends ListShards over this operation for listing shards ("This API has been revised").
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_kinesis::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let shards: Vec<_> = client.describe_stream().stream_name("clicks").into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_kinesis::operation::describe_stream,
    input_token = exclusive_start_shard_id,
    output_token = stream_description?.shards.last()?.shard_id,
    more_results = stream_description?.has_more_shards,
    page_size = limit,
    items = stream_description?.shards: Shard,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeStream;
