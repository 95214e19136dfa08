//! Paginators for `aws-sdk-cloudwatchlogs` operations that lack one: DescribeExportTasks,
//! DescribeQueries and DescribeResourcePolicies, all paged by `next_token`.
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

use aws_sdk_cloudwatchlogs::types::{ExportTask, QueryInfo, ResourcePolicy};
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
