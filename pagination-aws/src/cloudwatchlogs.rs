//! Paginators for `aws-sdk-cloudwatchlogs` operations that lack one: DescribeExportTasks,
//! DescribeQueries and DescribeResourcePolicies, all paged by `next_token`; and an item stream
//! for FilterLogEvents, whose SDK paginator has none.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::IntoPaginator;
//!
//! # async fn example(client: aws_sdk_cloudwatchlogs::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let queries: Vec<_> = client.describe_queries().log_group_name("app").into_paginator().items().try_collect().await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_cloudwatchlogs::types::{ExportTask, FilteredLogEvent, QueryInfo, ResourcePolicy};
use pagination_core::paginate;

/// `DescribeExportTasks`: the export tasks of the account (of one id or status, if set), as
/// items of type [`ExportTask`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit` (at most 50).
///
/// Source: the [CloudWatch Logs API reference](https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeExportTasks.html):
/// `nextToken` "The token for the next set of items to return. (You received this token from a
/// previous call.)".
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_cloudwatchlogs::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let tasks: Vec<_> = client.describe_export_tasks().into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_cloudwatchlogs::operation::describe_export_tasks,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = export_tasks: ExportTask,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeExportTasks;

/// `DescribeQueries`: the Logs Insights queries that ran recently (of one log group, status or
/// query language, if set), as items of type [`QueryInfo`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 1000).
///
/// Source: the [CloudWatch Logs API reference](https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeQueries.html):
/// `nextToken` "The token for the next set of items to return. The token expires after 24 hours.".
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_cloudwatchlogs::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let queries: Vec<_> = client.describe_queries().into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_cloudwatchlogs::operation::describe_queries,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = queries: QueryInfo,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeQueries;

/// `DescribeResourcePolicies`: the resource policies of the account (or of one resource), as
/// items of type [`ResourcePolicy`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit` (at most 50).
///
/// Source: the [CloudWatch Logs API reference](https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeResourcePolicies.html):
/// `nextToken` "The token for the next set of items to return. The token expires after 24 hours.".
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_cloudwatchlogs::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let policies: Vec<_> = client.describe_resource_policies().into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_cloudwatchlogs::operation::describe_resource_policies,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = resource_policies: ResourcePolicy,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeResourcePolicies;

/// `FilterLogEvents`: the log events of a log group that match a filter pattern, as items of
/// type [`FilteredLogEvent`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit` (at most 10,000, the default: a larger page size is clamped to it).
///
/// **Empty pages go on.** The service searches a bounded part of the log group per request and
/// answers with what it found there: while it scans a long time range with a pattern that
/// matches rarely, pages come back empty, or shorter than `limit`, with a token. The listing
/// goes on through them and ends only on the absent token, so a stream of this operation may
/// wait through many requests between two events (`max_pages` bounds the requests, and a
/// cursor taken on an empty page resumes the scan where it stopped; its token expires after 24
/// hours). A loop that stops on the first empty page loses the rest of the events. Set
/// `start_time` to scan less. `start_from_head` applies to the first request; the token keeps
/// its direction after that.
///
/// Source: the [CloudWatch Logs API reference](https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html):
/// "A returned page might only be partially full, or even empty"; "Partially full or empty pages
/// don't necessarily mean that pagination is finished. If the results include a nextToken,
/// there might be more log events available"; `limit` "The maximum number of events to return.
/// The default is 10,000 events"; `nextToken` "The token expires after 24 hours"; `startTime`
/// "Set startTime explicitly to reduce the chances of empty pages in the response".
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::cloudwatchlogs::FilterLogEvents;
///
/// # async fn example(client: aws_sdk_cloudwatchlogs::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client
///     .filter_log_events()
///     .log_group_name("/aws/lambda/checkout")
///     .filter_pattern("ERROR")
///     .start_time(1_767_225_600_000);
/// let errors: Vec<_> = Paginator::<FilterLogEvents>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_cloudwatchlogs::operation::filter_log_events,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    max_page_size = 10_000,
    items = events: FilteredLogEvent,
)]
#[derive(Debug, Clone, Copy)]
pub struct FilterLogEvents;
