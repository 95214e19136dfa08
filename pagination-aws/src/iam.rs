//! Item streams for `aws-sdk-iam`: GetAccountAuthorizationDetails and ListEntitiesForPolicy.
//!
//! The SDK pages both but gives their pages no `items()`, and each puts its items in several
//! lists (users, groups, roles, policies): these declarations yield them as one stream of an
//! item enum, in the order the service gives them. Both page the IAM way: `marker` from the
//! output's `marker` while `is_truncated` is true; `page_size` sets `max_items` (1 to 1,000;
//! [`Paginator::page_size`](crate::Paginator::page_size) clamps a larger one). A page may hold
//! fewer items than `max_items`, or none, while `is_truncated` says more follow: the listings
//! go on and end only on `is_truncated` false. Two things share a name here: the request's
//! `max_items` is IAM's page size (set it with `page_size`), while
//! [`Paginator::max_items`](crate::Paginator::max_items) limits the items of the whole listing.
//!
//! Source: the [IAM API reference](https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html):
//! `IsTruncated` "A flag that indicates whether there are more items to return. If your results
//! were truncated, you can make a subsequent pagination request using the Marker request
//! parameter to retrieve more items"; `MaxItems` "IAM might return fewer than the MaxItems
//! number of results even when there are more results available. We recommend that you check
//! IsTruncated after every call to ensure that you receive all your results."
//!
//! The SDK's inherent `into_paginator()` wins method resolution on these builders and gives the
//! SDK's paginator, so build these with [`Paginator::new`](crate::Paginator::new), the one call
//! for every operation of this crate:
//!
//! ```no_run
//! use aws_sdk_iam::types::EntityType;
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_aws::iam::{AuthorizationDetail, GetAccountAuthorizationDetails};
//!
//! # async fn example(client: aws_sdk_iam::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let request = client
//!     .get_account_authorization_details()
//!     .filter(EntityType::Role)
//!     .filter(EntityType::LocalManagedPolicy);
//! let details: Vec<AuthorizationDetail> = Paginator::<GetAccountAuthorizationDetails>::new(request)
//!     .page_size(1000)
//!     .items()
//!     .try_collect()
//!     .await?;
//! for detail in &details {
//!     match detail {
//!         AuthorizationDetail::User(user) => println!("user {:?}", user.user_name()),
//!         AuthorizationDetail::Group(group) => println!("group {:?}", group.group_name()),
//!         AuthorizationDetail::Role(role) => println!("role {:?}", role.role_name()),
//!         AuthorizationDetail::Policy(policy) => println!("policy {:?}", policy.policy_name()),
//!     }
//! }
//! # Ok(())
//! # }
//! ```

use aws_sdk_iam::types::{
    GroupDetail, ManagedPolicyDetail, PolicyGroup, PolicyRole, PolicyUser, RoleDetail, UserDetail,
};
use pagination_core::paginate;

/// `GetAccountAuthorizationDetails`: the users, groups, roles and managed policies of the
/// account with their policies, as items of the enum [`AuthorizationDetail`]: each page's users,
/// then its groups, then its roles, then its policies (the order of the response's
/// `UserDetailList`, `GroupDetailList`, `RoleDetailList` and `Policies`).
///
/// Paging rule: `marker` from the output's `marker` while `is_truncated`; `page_size` sets
/// `max_items` (at most 1,000: a larger page size is clamped to it), which counts the four kinds
/// together.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::iam::GetAccountAuthorizationDetails;
///
/// # async fn example(client: aws_sdk_iam::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_account_authorization_details();
/// let details: Vec<_> = Paginator::<GetAccountAuthorizationDetails>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_iam::operation::get_account_authorization_details,
    input_token = marker,
    output_token = marker,
    more_results = is_truncated,
    page_size = max_items,
    max_page_size = 1000,
    items = (
        user_detail_list: UserDetail as User,
        group_detail_list: GroupDetail as Group,
        role_detail_list: RoleDetail as Role,
        policies: ManagedPolicyDetail as Policy,
    ),
    item_enum = AuthorizationDetail,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetAccountAuthorizationDetails;

/// `ListEntitiesForPolicy`: the groups, users and roles a managed policy is attached to, as
/// items of the enum [`PolicyEntity`]: each page's groups, then its users, then its roles (the
/// order of the response's `PolicyGroups`, `PolicyUsers` and `PolicyRoles`).
///
/// Paging rule: `marker` from the output's `marker` while `is_truncated`; `page_size` sets
/// `max_items` (at most 1,000: a larger page size is clamped to it), which counts the three
/// kinds together.
///
/// Source: the [IAM API reference](https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListEntitiesForPolicy.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::iam::ListEntitiesForPolicy;
///
/// # async fn example(client: aws_sdk_iam::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client
///     .list_entities_for_policy()
///     .policy_arn("arn:aws:iam::aws:policy/AdministratorAccess");
/// let entities: Vec<_> = Paginator::<ListEntitiesForPolicy>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_iam::operation::list_entities_for_policy,
    input_token = marker,
    output_token = marker,
    more_results = is_truncated,
    page_size = max_items,
    max_page_size = 1000,
    items = (
        policy_groups: PolicyGroup as Group,
        policy_users: PolicyUser as User,
        policy_roles: PolicyRole as Role,
    ),
    item_enum = PolicyEntity,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListEntitiesForPolicy;
