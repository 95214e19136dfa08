//! The item streams of `pagination_aws::iam`, against aws-smithy-mocks models that compute every
//! page from the request the IAM way: `Marker` in, `Marker` and `IsTruncated` out, `MaxItems`
//! from 1 to 1,000 (a larger one is refused), and pages shorter than `MaxItems`, even empty,
//! while `IsTruncated` is true ("IAM might return fewer than the MaxItems number of results even
//! when there are more results available"). The items come in the service's order (users,
//! groups, roles, policies), each page's part of it split into the response's lists.

use std::sync::Arc;

use aws_sdk_iam::operation::get_account_authorization_details::GetAccountAuthorizationDetailsOutput;
use aws_sdk_iam::operation::list_entities_for_policy::ListEntitiesForPolicyOutput;
use aws_sdk_iam::types::{
    GroupDetail, ManagedPolicyDetail, PolicyGroup, PolicyRole, PolicyUser, RoleDetail, UserDetail,
};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use pagination_aws::iam::{
    AuthorizationDetail, GetAccountAuthorizationDetails, ListEntitiesForPolicy, PolicyEntity,
};

use crate::marker_model::assert_token_listing;
use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::resume_at_every_offset;
use crate::token_listing::assert_page_size_clamped;
use futures::TryStreamExt;
use pagination_aws::Paginator;

fn details() -> Vec<AuthorizationDetail> {
    let users = (0..9).map(|i| {
        AuthorizationDetail::User(UserDetail::builder().user_name(format!("user-{i}")).build())
    });
    let groups = (0..4).map(|i| {
        AuthorizationDetail::Group(
            GroupDetail::builder()
                .group_name(format!("group-{i}"))
                .build(),
        )
    });
    let roles = (0..11).map(|i| {
        AuthorizationDetail::Role(RoleDetail::builder().role_name(format!("role-{i}")).build())
    });
    let policies = (0..6).map(|i| {
        AuthorizationDetail::Policy(
            ManagedPolicyDetail::builder()
                .policy_name(format!("policy-{i}"))
                .build(),
        )
    });
    users.chain(groups).chain(roles).chain(policies).collect()
}

#[tokio::test]
async fn get_account_authorization_details_goes_on_while_truncated() {
    let model = Arc::new(
        TokenModel::new("authorization", details(), 100, 1000, LastPage::NoToken)
            .with_empty_pages(),
    );
    let serving = Arc::clone(&model);
    let rule = mock!(aws_sdk_iam::Client::get_account_authorization_details).then_compute_output(
        move |input| {
            let page = serving.page(input.marker(), input.max_items());
            let (mut users, mut groups, mut roles, mut policies) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for detail in page.items {
                match detail {
                    AuthorizationDetail::User(user) => users.push(user),
                    AuthorizationDetail::Group(group) => groups.push(group),
                    AuthorizationDetail::Role(role) => roles.push(role),
                    AuthorizationDetail::Policy(policy) => policies.push(policy),
                }
            }
            GetAccountAuthorizationDetailsOutput::builder()
                .set_user_detail_list(Some(users))
                .set_group_detail_list(Some(groups))
                .set_role_detail_list(Some(roles))
                .set_policies(Some(policies))
                .is_truncated(page.truncated)
                .set_marker(page.next)
                .build()
        },
    );
    let client = mock_client!(aws_sdk_iam, RuleMode::MatchAny, [&rule]);
    let request = || client.get_account_authorization_details();
    assert_eq!(
        assert_token_listing::<GetAccountAuthorizationDetails>(request(), &model).await,
        3 * 30
    );
    assert_page_size_clamped::<GetAccountAuthorizationDetails>(request(), &model, 5000, 1000).await;
    assert_eq!(
        resume_at_every_offset::<GetAccountAuthorizationDetails>(request()).await,
        30
    );
}

#[tokio::test]
async fn get_account_authorization_details_ends_on_is_truncated_false_not_on_a_marker() {
    // A last page that still echoes a marker: `IsTruncated` false ends the listing.
    let rule = mock!(aws_sdk_iam::Client::get_account_authorization_details).then_output(|| {
        GetAccountAuthorizationDetailsOutput::builder()
            .set_user_detail_list(Some(vec![UserDetail::builder().user_name("only").build()]))
            .is_truncated(false)
            .marker("left-over")
            .build()
    });
    let client = mock_client!(aws_sdk_iam, RuleMode::MatchAny, [&rule]);
    let listed: Vec<AuthorizationDetail> = futures::TryStreamExt::try_collect(
        pagination_aws::Paginator::<GetAccountAuthorizationDetails>::new(
            client.get_account_authorization_details(),
        )
        .items(),
    )
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(rule.num_calls(), 1);
}

#[tokio::test]
async fn list_entities_for_policy() {
    let groups = (0..5)
        .map(|i| PolicyEntity::Group(PolicyGroup::builder().group_name(format!("g{i}")).build()));
    let users = (0..8)
        .map(|i| PolicyEntity::User(PolicyUser::builder().user_name(format!("u{i}")).build()));
    let roles = (0..7)
        .map(|i| PolicyEntity::Role(PolicyRole::builder().role_name(format!("r{i}")).build()));
    let entities: Vec<PolicyEntity> = groups.chain(users).chain(roles).collect();
    let model = Arc::new(TokenModel::new(
        "entities",
        entities,
        100,
        1000,
        LastPage::NoToken,
    ));
    let serving = Arc::clone(&model);
    let rule =
        mock!(aws_sdk_iam::Client::list_entities_for_policy).then_compute_output(move |input| {
            assert_eq!(
                input.policy_arn(),
                Some("arn:aws:iam::aws:policy/ReadOnlyAccess")
            );
            let page = serving.page(input.marker(), input.max_items());
            let (mut groups, mut users, mut roles) = (Vec::new(), Vec::new(), Vec::new());
            for entity in page.items {
                match entity {
                    PolicyEntity::Group(group) => groups.push(group),
                    PolicyEntity::User(user) => users.push(user),
                    PolicyEntity::Role(role) => roles.push(role),
                }
            }
            ListEntitiesForPolicyOutput::builder()
                .set_policy_groups(Some(groups))
                .set_policy_users(Some(users))
                .set_policy_roles(Some(roles))
                .is_truncated(page.truncated)
                .set_marker(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_iam, RuleMode::MatchAny, [&rule]);
    let request = || {
        client
            .list_entities_for_policy()
            .policy_arn("arn:aws:iam::aws:policy/ReadOnlyAccess")
    };
    assert_eq!(
        assert_token_listing::<ListEntitiesForPolicy>(request(), &model).await,
        3 * 20
    );
    assert_eq!(
        resume_at_every_offset::<ListEntitiesForPolicy>(request()).await,
        20
    );
}

/// IAM: `IsTruncated` true with no `Marker` (or an empty one) is `MissingToken`, not an end.
#[tokio::test]
async fn truncated_without_a_marker_is_an_error() {
    for marker in [None, Some("")] {
        let rule = mock!(aws_sdk_iam::Client::list_entities_for_policy).then_output(move || {
            ListEntitiesForPolicyOutput::builder()
                .policy_users(PolicyUser::builder().user_name("u").build())
                .is_truncated(true)
                .set_marker(marker.map(str::to_owned))
                .build()
        });
        let client = mock_client!(aws_sdk_iam, RuleMode::MatchAny, [&rule]);
        let result: Result<Vec<_>, _> = Paginator::<ListEntitiesForPolicy>::new(
            client.list_entities_for_policy().policy_arn("arn:p"),
        )
        .items()
        .try_collect()
        .await;
        assert!(
            matches!(result, Err(pagination_aws::Error::MissingToken { .. })),
            "{marker:?}: {result:?}"
        );
    }
}
