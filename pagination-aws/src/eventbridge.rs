//! Paginators for `aws-sdk-eventbridge`, whose SDK crate pages none of its operations.
//!
//! EventBridge's `List*` operations take a `NextToken` and a `Limit` (1 to 100) like any other
//! token listing, but the SDK generates no paginator for them (botocore has paginators for all
//! three). These declarations give them one, with item streams. All three page alike:
//! `next_token` from the output's `next_token`, ending when it is absent or empty; `page_size`
//! sets `limit` ([`Paginator::page_size`](crate::Paginator::page_size) clamps a larger one to 100).
//! Other parameters stay as they are on every request ("Keep all other arguments unchanged"); a
//! token expires, and "Using an expired pagination token results in an HTTP 400 InvalidToken
//! error": a cursor that continues from a token is good only as long as the token. (Source: the
//! [EventBridge API reference](https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListRules.html),
//! `Limit` and `NextToken`.)
//!
//! [`Paginator::new`](crate::Paginator::new) builds them, as every paginator of this crate;
//! `into_paginator()` (from [`IntoPaginator`](crate::IntoPaginator)) works too while the SDK has
//! no paginator of its own for them:
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_aws::eventbridge::ListRules;
//!
//! # async fn example(client: aws_sdk_eventbridge::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let rules: Vec<_> = Paginator::<ListRules>::new(client.list_rules().event_bus_name("default"))
//!     .page_size(100)
//!     .items()
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_eventbridge::types::{Rule, Target};
use pagination_core::paginate;

/// `ListRules`: the rules of an event bus, optionally by name prefix, as items of type [`Rule`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit` (at most 100: a larger page size is clamped to it).
/// Source: the [EventBridge API reference](https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListRules.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::eventbridge::ListRules;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_eventbridge::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_rules().event_bus_name("orders").name_prefix("billing-");
/// let items: Vec<_> = Paginator::<ListRules>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_eventbridge::operation::list_rules,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    max_page_size = 100,
    items = rules: Rule,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListRules;

/// `ListRuleNamesByTarget`: the names of the rules that send to a target, as items of type [`String`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit` (at most 100: a larger page size is clamped to it).
/// Source: the [EventBridge API reference](https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListRuleNamesByTarget.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::eventbridge::ListRuleNamesByTarget;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_eventbridge::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_rule_names_by_target().target_arn("arn:aws:lambda:us-east-1:123456789012:function:audit");
/// let items: Vec<_> = Paginator::<ListRuleNamesByTarget>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_eventbridge::operation::list_rule_names_by_target,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    max_page_size = 100,
    items = rule_names: String,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListRuleNamesByTarget;

/// `ListTargetsByRule`: the targets of a rule, as items of type [`Target`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit` (at most 100: a larger page size is clamped to it).
/// Source: the [EventBridge API reference](https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListTargetsByRule.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::eventbridge::ListTargetsByRule;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_eventbridge::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_targets_by_rule().rule("billing-events");
/// let items: Vec<_> = Paginator::<ListTargetsByRule>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_eventbridge::operation::list_targets_by_rule,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    max_page_size = 100,
    items = targets: Target,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListTargetsByRule;
