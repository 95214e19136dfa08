//! Paginators for `aws-sdk-elasticloadbalancingv2` operations that lack one: DescribeSSLPolicies.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::IntoPaginator;
//!
//! # async fn example(client: aws_sdk_elasticloadbalancingv2::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let policies: Vec<_> = client.describe_ssl_policies().into_paginator().items().try_collect().await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_elasticloadbalancingv2::types::SslPolicy;
use pagination_core::paginate;

/// `DescribeSSLPolicies`: the TLS security policies (of given names or load-balancer type, if
/// set), as items of type [`SslPolicy`].
///
/// Paging rule: `marker` from the output's `next_marker`; ends when it is absent or empty.
/// `page_size` sets `page_size` (at most 400).
///
/// Source: the [Elastic Load Balancing API reference](https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeSSLPolicies.html):
/// `Marker` "The marker for the next set of results. (You received this marker from a previous
/// call.)"; `NextMarker` "If there are additional results, this is the marker for the next set of
/// results. Otherwise, this is null.".
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_elasticloadbalancingv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let policies: Vec<_> = client.describe_ssl_policies().into_paginator().page_size(50).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_elasticloadbalancingv2::operation::describe_ssl_policies::DescribeSSLPolicies,
    input_token = marker,
    output_token = next_marker,
    page_size = page_size,
    items = ssl_policies: SslPolicy,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeSslPolicies;
