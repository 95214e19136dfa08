//! Paginators for `aws-sdk-elasticloadbalancing` (Classic Load Balancers) operations that lack
//! one: DescribeAccountLimits.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::IntoPaginator;
//!
//! # async fn example(client: aws_sdk_elasticloadbalancing::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let limits: Vec<_> = client.describe_account_limits().into_paginator().items().try_collect().await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_elasticloadbalancing::types::Limit;
use pagination_core::paginate;

/// `DescribeAccountLimits`: the Classic Load Balancer limits of the account, as items of type
/// [`Limit`].
///
/// Paging rule: `marker` from the output's `next_marker`; ends when it is absent or empty.
/// `page_size` sets `page_size` (at most 400).
///
/// Source: the [Classic Load Balancers API reference](https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DescribeAccountLimits.html):
/// `Marker` "The marker for the next set of results. (You received this marker from a previous
/// call.)"; `NextMarker` "The marker to use when requesting the next set of results. If there are
/// no additional results, the string is empty.".
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_elasticloadbalancing::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let limits: Vec<_> = client.describe_account_limits().into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_elasticloadbalancing::operation::describe_account_limits,
    input_token = marker,
    output_token = next_marker,
    page_size = page_size,
    items = limits: Limit,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeAccountLimits;
