//! The thirteen item streams of `pagination_aws::organizations`, against aws-smithy-mocks
//! models that compute every page from the request: `MaxResults` from 1 to 20 (a larger one is
//! refused, as the service refuses it), and the service's documented empty pages: each page of
//! accounts (or units, policies, ...) comes after an empty page that carries a token. moto pages
//! some of these operations, but never answers an empty page with a token, the case that loses
//! a paginator its listing.

use std::sync::Arc;

use aws_sdk_organizations::operation::list_accounts::ListAccountsOutput;
use aws_sdk_organizations::types::{
    Account, Child, ChildType, CreateAccountStatus, EnabledServicePrincipal, Handshake,
    OrganizationalUnit, Parent, PolicySummary, PolicyTargetSummary, PolicyType, Root,
};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use pagination_aws::organizations::*;

use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::resume_at_every_offset;
use crate::token_listing::{assert_page_size_clamped, token_listing_test};
use aws_sdk_organizations::operation::list_accounts_for_parent::ListAccountsForParentOutput;
use futures::TryStreamExt;
use pagination_aws::Paginator;
use pagination_core::CursorError;

/// A model of `count` items, the service's pages of 20 at most, an empty page before each.
fn model<T: Clone>(
    name: &'static str,
    count: usize,
    make: impl Fn(usize) -> T,
) -> Arc<TokenModel<T>> {
    let items = (0..count).map(make).collect();
    Arc::new(TokenModel::new(name, items, 20, 20, LastPage::NoToken).with_empty_pages())
}

token_listing_test!(
    list_accounts,
    aws_sdk_organizations,
    list_accounts,
    ListAccounts,
    aws_sdk_organizations::operation::list_accounts::ListAccountsOutput,
    set_accounts,
    |input| input.max_results(),
    |client| client.list_accounts(),
    model("list_accounts", 9, |i| Account::builder()
        .id(format!("{:012}", 100_000_000_000u64 + i as u64))
        .name(format!("account-{i:02}"))
        .build()),
);

token_listing_test!(
    list_accounts_for_parent,
    aws_sdk_organizations,
    list_accounts_for_parent,
    ListAccountsForParent,
    aws_sdk_organizations::operation::list_accounts_for_parent::ListAccountsForParentOutput,
    set_accounts,
    |input| input.max_results(),
    |client| client
        .list_accounts_for_parent()
        .parent_id("ou-ab12-cd34ef56"),
    model("list_accounts_for_parent", 12, |i| Account::builder()
        .id(format!("{:012}", 200_000_000_000u64 + i as u64))
        .build()),
);

token_listing_test!(
    list_children,
    aws_sdk_organizations,
    list_children,
    ListChildren,
    aws_sdk_organizations::operation::list_children::ListChildrenOutput,
    set_children,
    |input| input.max_results(),
    |client| client
        .list_children()
        .parent_id("r-ab12")
        .child_type(ChildType::OrganizationalUnit),
    model("list_children", 15, |i| Child::builder()
        .id(format!("ou-ab12-{i:08}"))
        .r#type(ChildType::OrganizationalUnit)
        .build()),
);

token_listing_test!(
    list_create_account_status,
    aws_sdk_organizations,
    list_create_account_status,
    ListCreateAccountStatus,
    aws_sdk_organizations::operation::list_create_account_status::ListCreateAccountStatusOutput,
    set_create_account_statuses,
    |input| input.max_results(),
    |client| client.list_create_account_status(),
    model("list_create_account_status", 18, |i| {
        CreateAccountStatus::builder()
            .id(format!("car-{i:032}"))
            .build()
    }),
);

token_listing_test!(
    list_handshakes_for_account,
    aws_sdk_organizations,
    list_handshakes_for_account,
    ListHandshakesForAccount,
    aws_sdk_organizations::operation::list_handshakes_for_account::ListHandshakesForAccountOutput,
    set_handshakes,
    |input| input.max_results(),
    |client| client.list_handshakes_for_account(),
    model("list_handshakes_for_account", 21, |i| Handshake::builder()
        .id(format!("h-{i:010}"))
        .build()),
);

token_listing_test!(
    list_handshakes_for_organization,
    aws_sdk_organizations,
    list_handshakes_for_organization,
    ListHandshakesForOrganization,
    aws_sdk_organizations::operation::list_handshakes_for_organization::ListHandshakesForOrganizationOutput,
    set_handshakes,
    |input| input.max_results(),
    |client| client.list_handshakes_for_organization(),
    model("list_handshakes_for_organization", 24, |i| Handshake::builder().id(format!("h-{:010}", 50 + i)).build()),
);

token_listing_test!(
    list_organizational_units_for_parent,
    aws_sdk_organizations,
    list_organizational_units_for_parent,
    ListOrganizationalUnitsForParent,
    aws_sdk_organizations::operation::list_organizational_units_for_parent::ListOrganizationalUnitsForParentOutput,
    set_organizational_units,
    |input| input.max_results(),
    |client| client.list_organizational_units_for_parent().parent_id("r-ab12"),
    model("list_organizational_units_for_parent", 27, |i| OrganizationalUnit::builder().id(format!("ou-ab12-{i:08}")).name(format!("team-{i}")).build()),
);

token_listing_test!(
    list_parents,
    aws_sdk_organizations,
    list_parents,
    ListParents,
    aws_sdk_organizations::operation::list_parents::ListParentsOutput,
    set_parents,
    |input| input.max_results(),
    |client| client.list_parents().child_id("123456789012"),
    model("list_parents", 30, |i| Parent::builder()
        .id(format!("ou-ab12-{i:08}"))
        .build()),
);

token_listing_test!(
    list_policies,
    aws_sdk_organizations,
    list_policies,
    ListPolicies,
    aws_sdk_organizations::operation::list_policies::ListPoliciesOutput,
    set_policies,
    |input| input.max_results(),
    |client| client
        .list_policies()
        .filter(PolicyType::ServiceControlPolicy),
    model("list_policies", 33, |i| PolicySummary::builder()
        .id(format!("p-{i:08}"))
        .build()),
);

token_listing_test!(
    list_policies_for_target,
    aws_sdk_organizations,
    list_policies_for_target,
    ListPoliciesForTarget,
    aws_sdk_organizations::operation::list_policies_for_target::ListPoliciesForTargetOutput,
    set_policies,
    |input| input.max_results(),
    |client| client
        .list_policies_for_target()
        .target_id("123456789012")
        .filter(PolicyType::ServiceControlPolicy),
    model("list_policies_for_target", 36, |i| PolicySummary::builder()
        .id(format!("p-{:08}", 7 * i))
        .build()),
);

token_listing_test!(
    list_roots,
    aws_sdk_organizations,
    list_roots,
    ListRoots,
    aws_sdk_organizations::operation::list_roots::ListRootsOutput,
    set_roots,
    |input| input.max_results(),
    |client| client.list_roots(),
    model("list_roots", 39, |i| Root::builder()
        .id(format!("r-{i:04}"))
        .build()),
);

token_listing_test!(
    list_targets_for_policy,
    aws_sdk_organizations,
    list_targets_for_policy,
    ListTargetsForPolicy,
    aws_sdk_organizations::operation::list_targets_for_policy::ListTargetsForPolicyOutput,
    set_targets,
    |input| input.max_results(),
    |client| client
        .list_targets_for_policy()
        .policy_id("p-examplepolicyid111"),
    model("list_targets_for_policy", 42, |i| {
        PolicyTargetSummary::builder()
            .target_id(format!("{:012}", 300_000_000_000u64 + i as u64))
            .build()
    }),
);

token_listing_test!(
    list_aws_service_access_for_organization,
    aws_sdk_organizations,
    list_aws_service_access_for_organization,
    ListAwsServiceAccessForOrganization,
    aws_sdk_organizations::operation::list_aws_service_access_for_organization::ListAwsServiceAccessForOrganizationOutput,
    set_enabled_service_principals,
    |input| input.max_results(),
    |client| client.list_aws_service_access_for_organization(),
    model("list_aws_service_access_for_organization", 45, |i| EnabledServicePrincipal::builder().service_principal(format!("service-{i:02}.amazonaws.com")).build()),
);

#[tokio::test]
async fn list_accounts_resumes_at_every_offset_and_clamps_the_page_size() {
    let model = model("accounts", 26, |i| {
        Account::builder()
            .id(format!("{:012}", 400_000_000_000u64 + i as u64))
            .build()
    });
    let serving = Arc::clone(&model);
    let rule =
        mock!(aws_sdk_organizations::Client::list_accounts).then_compute_output(move |input| {
            let page = serving.page(input.next_token(), input.max_results());
            ListAccountsOutput::builder()
                .set_accounts(Some(page.items))
                .set_next_token(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_organizations, RuleMode::MatchAny, [&rule]);
    // 1,000 asked, 20 sent: the service's largest; it refuses 21.
    assert_page_size_clamped::<ListAccounts>(client.list_accounts(), &model, 1000, 20).await;
    let resumed = resume_at_every_offset::<ListAccounts>(client.list_accounts()).await;
    assert_eq!(resumed, 26);
}

/// A cursor of ListAccounts given to ListAccountsForParent (same token and page-size fields)
/// is refused as another operation's; a token that repeats is an error.
#[tokio::test]
async fn a_cursor_of_another_operation_is_refused_and_a_repeated_token_is_an_error() {
    let account = |i: usize| Account::builder().id(format!("{i:012}")).build();
    let rule =
        mock!(aws_sdk_organizations::Client::list_accounts).then_compute_output(move |input| {
            ListAccountsOutput::builder()
                .accounts(account(input.next_token().map_or(0, |_| 1)))
                .next_token("same")
                .build()
        });
    let parent = mock!(aws_sdk_organizations::Client::list_accounts_for_parent)
        .then_output(|| ListAccountsForParentOutput::builder().build());
    let client = mock_client!(aws_sdk_organizations, RuleMode::MatchAny, [&rule, &parent]);
    let mut stream = Paginator::<ListAccounts>::new(client.list_accounts())
        .page_size(5)
        .max_items(1)
        .items();
    while stream.try_next().await.unwrap().is_some() {}
    let cursor = stream.cursor().unwrap();
    let refused =
        Paginator::<ListAccountsForParent>::new(client.list_accounts_for_parent().parent_id("r-1"))
            .page_size(5)
            .resume_from(&cursor);
    assert!(
        matches!(refused, Err(CursorError::TokenMismatch)),
        "{refused:?}"
    );
    let repeated: Result<Vec<Account>, _> = Paginator::<ListAccounts>::new(client.list_accounts())
        .items()
        .try_collect()
        .await;
    assert!(
        matches!(repeated, Err(pagination_aws::Error::DuplicateToken { .. })),
        "{repeated:?}"
    );
}

/// A cursor of one parent's accounts, given to the same operation on another parent, is refused
/// naming the input's field that differs (`parent_id`), as on any SDK operation.
#[tokio::test]
async fn a_cursor_of_another_parent_names_the_field_that_differs() {
    let model = model("parent", 12, |i| {
        Account::builder().id(format!("{i:012}")).build()
    });
    let serving = Arc::clone(&model);
    let rule = mock!(aws_sdk_organizations::Client::list_accounts_for_parent).then_compute_output(
        move |input| {
            let page = serving.page(input.next_token(), input.max_results());
            ListAccountsForParentOutput::builder()
                .set_accounts(Some(page.items))
                .set_next_token(page.next)
                .build()
        },
    );
    let client = mock_client!(aws_sdk_organizations, RuleMode::MatchAny, [&rule]);
    let parent = |id: &str| client.list_accounts_for_parent().parent_id(id);
    let mut stream = Paginator::<ListAccountsForParent>::new(parent("ou-1"))
        .page_size(5)
        .max_items(3)
        .items();
    while stream.try_next().await.unwrap().is_some() {}
    let cursor = stream.cursor().unwrap();
    let refused = Paginator::<ListAccountsForParent>::new(parent("ou-2"))
        .resume_from(&cursor)
        .unwrap_err();
    assert_eq!(
        refused,
        CursorError::ParametersDiffer {
            parameters: vec!["parent_id"]
        }
    );
    assert!(
        refused.to_string().contains("another `parent_id`"),
        "{refused}"
    );
    // The same parent resumes, with the cursor's page size.
    let rest: Vec<Account> = Paginator::<ListAccountsForParent>::new(parent("ou-1"))
        .resume_from(&cursor)
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest.len(), 9);
}
