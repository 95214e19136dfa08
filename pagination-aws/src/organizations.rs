//! Item streams for `aws-sdk-organizations`.
//!
//! Every paginated Organizations operation has an SDK paginator, but none of them has `items()`:
//! the listings of accounts, organizational units, policies and handshakes that every
//! multi-account script walks come page by page. These declarations add item streams (and
//! cursors, limits and guards) to the thirteen of them. All page alike: `next_token` from the
//! output's `next_token`, ending when it is absent or empty; `page_size` sets `max_results`,
//! which the service takes from 1 to 20 ([`Paginator::page_size`](crate::Paginator::page_size)
//! clamps a larger one to 20).
//!
//! A page may hold fewer items than asked for, or none, while more follow: the Organizations
//! API reference says of its `List*` operations "always check the NextToken response parameter
//! value, even if you receive an empty result set. These operations can occasionally return an
//! empty set of results even when more results are available", and of `NextToken` "You should
//! repeat this until the NextToken response element comes back as null". The listings here go on
//! through such pages and end only on the absent token. (Source: the
//! [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html),
//! `MaxResults` and `NextToken`.)
//!
//! The SDK's inherent `into_paginator()` wins method resolution on these builders and gives the
//! SDK's paginator, so build these with [`Paginator::new`](crate::Paginator::new), the one call
//! for every operation of this crate:
//!
//! ```no_run
//! use aws_sdk_organizations::types::Account;
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_aws::organizations::ListAccounts;
//!
//! # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let accounts: Vec<Account> = Paginator::<ListAccounts>::new(client.list_accounts())
//!     .items()
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_organizations::types::{
    Account, Child, CreateAccountStatus, EnabledServicePrincipal, Handshake, OrganizationalUnit,
    Parent, PolicySummary, PolicyTargetSummary, Root,
};
use pagination_core::paginate;

/// `ListAccounts`: the accounts of the organization, as items of type [`Account`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListAccounts;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_accounts();
/// let items: Vec<_> = Paginator::<ListAccounts>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_accounts,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = accounts: Account,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListAccounts;

/// `ListAccountsForParent`: the accounts directly under a root or organizational unit, as items of type [`Account`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccountsForParent.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListAccountsForParent;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_accounts_for_parent().parent_id("ou-ab12-cd34ef56");
/// let items: Vec<_> = Paginator::<ListAccountsForParent>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_accounts_for_parent,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = accounts: Account,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListAccountsForParent;

/// `ListChildren`: the accounts or organizational units directly under a parent, as items of type [`Child`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListChildren.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListChildren;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_children().parent_id("r-ab12").child_type(aws_sdk_organizations::types::ChildType::OrganizationalUnit);
/// let items: Vec<_> = Paginator::<ListChildren>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_children,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = children: Child,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListChildren;

/// `ListCreateAccountStatus`: the account-creation requests, optionally by state, as items of type [`CreateAccountStatus`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListCreateAccountStatus.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListCreateAccountStatus;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_create_account_status();
/// let items: Vec<_> = Paginator::<ListCreateAccountStatus>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_create_account_status,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = create_account_statuses: CreateAccountStatus,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListCreateAccountStatus;

/// `ListHandshakesForAccount`: the handshakes of the calling account, as items of type [`Handshake`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListHandshakesForAccount.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListHandshakesForAccount;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_handshakes_for_account();
/// let items: Vec<_> = Paginator::<ListHandshakesForAccount>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_handshakes_for_account,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = handshakes: Handshake,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListHandshakesForAccount;

/// `ListHandshakesForOrganization`: the handshakes the organization started, as items of type [`Handshake`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListHandshakesForOrganization.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListHandshakesForOrganization;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_handshakes_for_organization();
/// let items: Vec<_> = Paginator::<ListHandshakesForOrganization>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_handshakes_for_organization,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = handshakes: Handshake,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListHandshakesForOrganization;

/// `ListOrganizationalUnitsForParent`: the organizational units directly under a parent, as items of type [`OrganizationalUnit`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListOrganizationalUnitsForParent.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListOrganizationalUnitsForParent;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_organizational_units_for_parent().parent_id("r-ab12");
/// let items: Vec<_> = Paginator::<ListOrganizationalUnitsForParent>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_organizational_units_for_parent,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = organizational_units: OrganizationalUnit,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListOrganizationalUnitsForParent;

/// `ListParents`: the parent (root or organizational unit) of an account or organizational unit, as items of type [`Parent`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListParents.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListParents;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_parents().child_id("123456789012");
/// let items: Vec<_> = Paginator::<ListParents>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_parents,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = parents: Parent,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListParents;

/// `ListPolicies`: the policies of one type in the organization, as items of type [`PolicySummary`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListPolicies.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListPolicies;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_policies().filter(aws_sdk_organizations::types::PolicyType::ServiceControlPolicy);
/// let items: Vec<_> = Paginator::<ListPolicies>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_policies,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = policies: PolicySummary,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListPolicies;

/// `ListPoliciesForTarget`: the policies of one type attached to a root, organizational unit or account, as items of type [`PolicySummary`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListPoliciesForTarget.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListPoliciesForTarget;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_policies_for_target().target_id("123456789012").filter(aws_sdk_organizations::types::PolicyType::ServiceControlPolicy);
/// let items: Vec<_> = Paginator::<ListPoliciesForTarget>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_policies_for_target,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = policies: PolicySummary,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListPoliciesForTarget;

/// `ListRoots`: the roots of the organization, as items of type [`Root`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListRoots.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListRoots;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_roots();
/// let items: Vec<_> = Paginator::<ListRoots>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_roots,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = roots: Root,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListRoots;

/// `ListTargetsForPolicy`: the roots, organizational units and accounts a policy is attached to, as items of type [`PolicyTargetSummary`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListTargetsForPolicy.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListTargetsForPolicy;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_targets_for_policy().policy_id("p-examplepolicyid111");
/// let items: Vec<_> = Paginator::<ListTargetsForPolicy>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_targets_for_policy,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = targets: PolicyTargetSummary,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListTargetsForPolicy;

/// `ListAWSServiceAccessForOrganization`: the AWS services trusted to act in the organization, as items of type [`EnabledServicePrincipal`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 20: a larger page size is clamped to it).
/// Source: the [Organizations API reference](https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAWSServiceAccessForOrganization.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::organizations::ListAwsServiceAccessForOrganization;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_organizations::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_aws_service_access_for_organization();
/// let items: Vec<_> = Paginator::<ListAwsServiceAccessForOrganization>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_organizations::operation::list_aws_service_access_for_organization::ListAWSServiceAccessForOrganization,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 20,
    items = enabled_service_principals: EnabledServicePrincipal,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListAwsServiceAccessForOrganization;
