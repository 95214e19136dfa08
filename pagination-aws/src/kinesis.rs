//! Paginators for `aws-sdk-kinesis` operations that lack one (ListShards, DescribeStream), and
//! item streams for ListStreams and ListStreamConsumers, whose SDK paginators have none. Those
//! two are built with [`Paginator::new`](crate::Paginator::new): the SDK's inherent
//! `into_paginator()` wins method resolution on their builders and gives the SDK's paginator.
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

use aws_sdk_kinesis::operation::list_streams::ListStreamsOutput;
use aws_sdk_kinesis::operation::list_streams::builders::ListStreamsFluentBuilder;
use aws_sdk_kinesis::types::{Consumer, Shard, StreamSummary};
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

/// `ListStreams`: the data streams of the account and Region, as items of type
/// [`StreamSummary`] (name, ARN, status, capacity mode, creation time).
///
/// Paging rule: while `has_more_streams` is true, the next request carries the output's
/// `next_token`; from an endpoint that pages the older way, with no token (Kinesis before
/// tokens were added, and emulators), it carries `exclusive_start_stream_name` set to the last
/// name of `stream_names` instead. `exclusive_start_stream_name` is cleared on a request that
/// carries a token, so one written into the first request starts the listing after that stream
/// and the tokens go on from there. Ends when `has_more_streams` is false (a page that says
/// more but gives neither a token nor a name is an
/// [`Error::MissingToken`](crate::Error::MissingToken)). `page_size` sets `limit` (at most 100:
/// the service accepts up to 10,000 but returns at most 100, so a larger page size is clamped to
/// 100 here rather than there; the default is 100).
///
/// The items are the page's `stream_summaries`, which the service has returned since 2022
/// beside `stream_names`. An endpoint that returns names only (Kinesis emulators, and moto,
/// which returns every stream's summary on every page) gives this listing no items, or the
/// same ones again: list [`ListStreamNames`] there, the same paging with the names as items.
///
/// Source: the [Kinesis API reference](https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreams.html):
/// `ExclusiveStartStreamName` "The name of the stream to start the list with"; `HasMoreStreams`
/// "If set to true, there are more streams available to list"; `Limit` "The default value is
/// 100. If you specify a value greater than 100, at most 100 results are returned." The
/// operation's documentation still describes only the older flow ("request more streams by
/// using the name of the last stream returned ... in the ExclusiveStartStreamName parameter");
/// `NextToken` came with `StreamSummaries` in 2022, and botocore's paginator has followed it
/// since. Whether the service accepts both at once is not documented (ListShards refuses its
/// equivalents), so a request never carries both. moto (5.x) pages the older way.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::kinesis::ListStreams;
///
/// # async fn example(client: aws_sdk_kinesis::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let streams: Vec<_> = Paginator::<ListStreams>::new(client.list_streams()).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_kinesis::operation::list_streams,
    input_token = (next_token, exclusive_start_stream_name),
    next_request = next_streams,
    more_results = has_more_streams,
    page_size = limit,
    max_page_size = 100,
    items = stream_summaries: StreamSummary,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListStreams;

/// `ListStreams`, with the stream names as items (type `String`): the same paging as
/// [`ListStreams`], for endpoints that return `stream_names` but no `stream_summaries` (older
/// Kinesis, emulators, moto), or where the names are all that is needed.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::kinesis::ListStreamNames;
///
/// # async fn example(client: aws_sdk_kinesis::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let names: Vec<String> = Paginator::<ListStreamNames>::new(client.list_streams()).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_kinesis::operation::list_streams,
    input_token = (next_token, exclusive_start_stream_name),
    next_request = next_streams,
    more_results = has_more_streams,
    page_size = limit,
    max_page_size = 100,
    items = stream_names: String,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListStreamNames;

/// The next ListStreams request: the output's token, or else the last stream's name.
fn next_streams(
    request: ListStreamsFluentBuilder,
    output: &ListStreamsOutput,
) -> ListStreamsFluentBuilder {
    let token = output.next_token().filter(|token| !token.is_empty());
    let after = match token {
        Some(_) => None,
        None => output.stream_names().last().cloned().or_else(|| {
            output
                .stream_summaries()
                .last()
                .map(|summary| summary.stream_name().to_owned())
        }),
    };
    request
        .set_next_token(token.map(str::to_owned))
        .set_exclusive_start_stream_name(after)
}

/// `ListStreamConsumers`: the enhanced fan-out consumers registered with a stream, as items of
/// type [`Consumer`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `stream_arn` goes on every request; `stream_creation_timestamp` on the first request only
/// (the token identifies the stream), resumed listings included. `page_size` sets
/// `max_results` (at most 100: the service accepts up to 10,000 but returns at most 100, so a
/// larger page size is clamped to 100 here; the default is 100).
///
/// Source: the [Kinesis API reference](https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html):
/// `StreamCreationTimestamp` "You can't specify this parameter if you specify the NextToken
/// parameter"; `MaxResults` "If you specify a value greater than 100, at most 100 results are
/// returned"; `NextToken` "Tokens expire after 300 seconds", so a cursor that continues from a
/// token is good for that long.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::kinesis::ListStreamConsumers;
///
/// # async fn example(client: aws_sdk_kinesis::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client
///     .list_stream_consumers()
///     .stream_arn("arn:aws:kinesis:us-east-1:123456789012:stream/clicks");
/// let consumers: Vec<_> = Paginator::<ListStreamConsumers>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_kinesis::operation::list_stream_consumers,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 100,
    items = consumers: Consumer,
    first_page_only = stream_creation_timestamp,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListStreamConsumers;
