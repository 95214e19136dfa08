//! Item streams for `aws-sdk-ssm` (Systems Manager Parameter Store).
//!
//! The SDK pages these operations but gives their pages no `items()`. GetParametersByPath is how
//! an application loads its configuration, and it pages at 10 parameters a request at most, so
//! any real tree takes several pages. These declarations add item streams (and cursors, limits
//! and guards). All three page alike: `next_token` from the output's `next_token`, ending when it
//! is absent or empty (GetParameterHistory ends with an empty one); `page_size` sets
//! `max_results`. A page may hold fewer parameters than asked for, or none, while a token
//! follows: "Request results are returned on a best-effort basis. ... The number of items
//! returned, however, can be between zero and the value of MaxResults. If the service reaches an
//! internal limit while processing the results, it stops the operation and returns the matching
//! values up to that point and a NextToken". The listings go on through such pages and end only
//! on the absent token. (Source: the
//! [Systems Manager API reference](https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParametersByPath.html),
//! `MaxResults` and `NextToken` of each operation.)
//!
//! The SDK's inherent `into_paginator()` wins method resolution on these builders and gives the
//! SDK's paginator, so build these with [`Paginator::new`](crate::Paginator::new), the one call
//! for every operation of this crate:
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_aws::ssm::GetParametersByPath;
//!
//! # async fn example(client: aws_sdk_ssm::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let request = client.get_parameters_by_path().path("/app/prod/").recursive(true).with_decryption(true);
//! let settings: Vec<(String, String)> = Paginator::<GetParametersByPath>::new(request)
//!     .items()
//!     .map_ok(|parameter| {
//!         (parameter.name.unwrap_or_default(), parameter.value.unwrap_or_default())
//!     })
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_ssm::types::{Parameter, ParameterHistory, ParameterMetadata};
use pagination_core::paginate;

/// `DescribeParameters`: the metadata (never the values) of the parameters that match the filters, as items of type [`ParameterMetadata`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 50: a larger page size is clamped to it).
/// Source: the [Systems Manager API reference](https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DescribeParameters.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::ssm::DescribeParameters;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_ssm::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.describe_parameters();
/// let items: Vec<_> = Paginator::<DescribeParameters>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_ssm::operation::describe_parameters,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 50,
    items = parameters: ParameterMetadata,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeParameters;

/// `GetParameterHistory`: every version of one parameter, as items of type [`ParameterHistory`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 50: a larger page size is clamped to it).
/// Source: the [Systems Manager API reference](https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameterHistory.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::ssm::GetParameterHistory;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_ssm::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_parameter_history().name("/app/prod/db-url");
/// let items: Vec<_> = Paginator::<GetParameterHistory>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_ssm::operation::get_parameter_history,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 50,
    items = parameters: ParameterHistory,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetParameterHistory;

/// `GetParametersByPath`: the parameters under a path, with their values, as items of type [`Parameter`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 10: a larger page size is clamped to it).
/// Source: the [Systems Manager API reference](https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParametersByPath.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::ssm::GetParametersByPath;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_ssm::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_parameters_by_path().path("/app/prod/").recursive(true).with_decryption(true);
/// let items: Vec<_> = Paginator::<GetParametersByPath>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_ssm::operation::get_parameters_by_path,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 10,
    items = parameters: Parameter,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetParametersByPath;
