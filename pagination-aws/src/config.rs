//! Item streams for `aws-sdk-config`.
//!
//! Every paginated Config operation has an SDK paginator, but nine of them have no `items()`:
//! their pages cannot be flattened. These declarations add item streams (and cursors, limits and
//! guards) to them. All nine page alike: `next_token` from the output's `next_token`, ending when
//! it is absent or empty.
//!
//! The SDK's inherent `into_paginator()` wins method resolution on these builders, so build these
//! paginators with [`Paginator::new`](crate::Paginator::new):
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::config::GetDiscoveredResourceCounts;
//! use pagination_aws::Paginator;
//!
//! # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let request = client.get_discovered_resource_counts();
//! let counts: Vec<_> = Paginator::<GetDiscoveredResourceCounts>::new(request)
//!     .items()
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_config::types::{
    AggregateComplianceByConfigRule, AggregateComplianceCount,
    AggregateConformancePackComplianceSummary, ConformancePackComplianceScore,
    ConformancePackEvaluationResult, GroupedResourceCount, RemediationException, ResourceCount,
    StoredQueryMetadata,
};
use pagination_core::paginate;

/// `DescribeAggregateComplianceByConfigRules`: the compliance of the Config rules of an aggregator, as items of type [`AggregateComplianceByConfigRule`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit`.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::config::DescribeAggregateComplianceByConfigRules;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.describe_aggregate_compliance_by_config_rules().configuration_aggregator_name("my-aggregator");
/// let items: Vec<_> = Paginator::<DescribeAggregateComplianceByConfigRules>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_config::operation::describe_aggregate_compliance_by_config_rules,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = aggregate_compliance_by_config_rules: AggregateComplianceByConfigRule,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeAggregateComplianceByConfigRules;

/// `DescribeRemediationExceptions`: the remediation exceptions of a Config rule, as items of type [`RemediationException`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit`.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::config::DescribeRemediationExceptions;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.describe_remediation_exceptions().config_rule_name("my-rule");
/// let items: Vec<_> = Paginator::<DescribeRemediationExceptions>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_config::operation::describe_remediation_exceptions,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = remediation_exceptions: RemediationException,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeRemediationExceptions;

/// `GetAggregateConfigRuleComplianceSummary`: the compliant and noncompliant rule counts of an aggregator, as items of type [`AggregateComplianceCount`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit`.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::config::GetAggregateConfigRuleComplianceSummary;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_aggregate_config_rule_compliance_summary().configuration_aggregator_name("my-aggregator");
/// let items: Vec<_> = Paginator::<GetAggregateConfigRuleComplianceSummary>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_config::operation::get_aggregate_config_rule_compliance_summary,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = aggregate_compliance_counts: AggregateComplianceCount,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetAggregateConfigRuleComplianceSummary;

/// `GetAggregateConformancePackComplianceSummary`: the conformance-pack compliance counts of an aggregator, as items of type [`AggregateConformancePackComplianceSummary`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit`.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::config::GetAggregateConformancePackComplianceSummary;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_aggregate_conformance_pack_compliance_summary().configuration_aggregator_name("my-aggregator");
/// let items: Vec<_> = Paginator::<GetAggregateConformancePackComplianceSummary>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_config::operation::get_aggregate_conformance_pack_compliance_summary,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = aggregate_conformance_pack_compliance_summaries: AggregateConformancePackComplianceSummary,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetAggregateConformancePackComplianceSummary;

/// `GetAggregateDiscoveredResourceCounts`: the resource counts of an aggregator, grouped, as items of type [`GroupedResourceCount`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit`.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::config::GetAggregateDiscoveredResourceCounts;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_aggregate_discovered_resource_counts().configuration_aggregator_name("my-aggregator");
/// let items: Vec<_> = Paginator::<GetAggregateDiscoveredResourceCounts>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_config::operation::get_aggregate_discovered_resource_counts,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = grouped_resource_counts: GroupedResourceCount,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetAggregateDiscoveredResourceCounts;

/// `GetConformancePackComplianceDetails`: the rule evaluation results of a conformance pack, as items of type [`ConformancePackEvaluationResult`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit`.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::config::GetConformancePackComplianceDetails;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_conformance_pack_compliance_details().conformance_pack_name("my-pack");
/// let items: Vec<_> = Paginator::<GetConformancePackComplianceDetails>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_config::operation::get_conformance_pack_compliance_details,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = conformance_pack_rule_evaluation_results: ConformancePackEvaluationResult,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetConformancePackComplianceDetails;

/// `GetDiscoveredResourceCounts`: the number of resources Config records, by type, as items of type [`ResourceCount`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit`.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::config::GetDiscoveredResourceCounts;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_discovered_resource_counts();
/// let items: Vec<_> = Paginator::<GetDiscoveredResourceCounts>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_config::operation::get_discovered_resource_counts,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = resource_counts: ResourceCount,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetDiscoveredResourceCounts;

/// `ListConformancePackComplianceScores`: the compliance scores of the conformance packs, as items of type [`ConformancePackComplianceScore`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit`.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::config::ListConformancePackComplianceScores;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_conformance_pack_compliance_scores();
/// let items: Vec<_> = Paginator::<ListConformancePackComplianceScores>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_config::operation::list_conformance_pack_compliance_scores,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = conformance_pack_compliance_scores: ConformancePackComplianceScore,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListConformancePackComplianceScores;

/// `ListStoredQueries`: the saved queries of the account and region, as items of type [`StoredQueryMetadata`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::config::ListStoredQueries;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_stored_queries();
/// let items: Vec<_> = Paginator::<ListStoredQueries>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_config::operation::list_stored_queries,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = stored_query_metadata: StoredQueryMetadata,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListStoredQueries;
