//! The item streams of `pagination_aws::ssm` and `pagination_aws::secretsmanager`, against
//! aws-smithy-mocks models that compute every page from the request: `MaxResults` within the
//! service's range (10 at most for GetParametersByPath, 50 for the other two, 100 for
//! ListSecrets; a larger one is refused, as the services refuse it), and the documented pages
//! that hold nothing but a token (each page of items comes after one).

use std::sync::Arc;

use aws_sdk_secretsmanager::operation::list_secrets::ListSecretsOutput;
use aws_sdk_secretsmanager::types::SecretListEntry;
use aws_sdk_ssm::operation::get_parameters_by_path::GetParametersByPathOutput;
use aws_sdk_ssm::types::{Parameter, ParameterHistory, ParameterMetadata};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use pagination_aws::secretsmanager::ListSecrets;
use pagination_aws::ssm::{DescribeParameters, GetParameterHistory, GetParametersByPath};

use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::resume_at_every_offset;
use crate::token_listing::{assert_page_size_clamped, token_listing_test};

fn model<T: Clone>(
    name: &'static str,
    count: usize,
    (default_page, max_page): (usize, usize),
    last_page: LastPage,
    make: impl Fn(usize) -> T,
) -> Arc<TokenModel<T>> {
    let items = (0..count).map(make).collect();
    Arc::new(TokenModel::new(name, items, default_page, max_page, last_page).with_empty_pages())
}

fn parameter(i: usize) -> Parameter {
    Parameter::builder()
        .name(format!("/app/prod/setting-{i:02}"))
        .value(format!("value-{i}"))
        .version(1)
        .build()
}

token_listing_test!(
    describe_parameters,
    aws_sdk_ssm,
    describe_parameters,
    DescribeParameters,
    aws_sdk_ssm::operation::describe_parameters::DescribeParametersOutput,
    set_parameters,
    |input| input.max_results(),
    |client| client.describe_parameters(),
    model("parameters", 37, (10, 50), LastPage::NoToken, |i| {
        ParameterMetadata::builder()
            .name(format!("/p/{i:02}"))
            .build()
    }),
);

token_listing_test!(
    get_parameter_history,
    aws_sdk_ssm,
    get_parameter_history,
    GetParameterHistory,
    aws_sdk_ssm::operation::get_parameter_history::GetParameterHistoryOutput,
    set_parameters,
    |input| input.max_results(),
    |client| client.get_parameter_history().name("/app/prod/db-url"),
    // "If there are no additional items to return, the string is empty."
    model("history", 22, (10, 50), LastPage::EmptyToken, |i| {
        ParameterHistory::builder()
            .name("/app/prod/db-url")
            .version(i as i64 + 1)
            .build()
    }),
);

token_listing_test!(
    get_parameters_by_path,
    aws_sdk_ssm,
    get_parameters_by_path,
    GetParametersByPath,
    aws_sdk_ssm::operation::get_parameters_by_path::GetParametersByPathOutput,
    set_parameters,
    |input| input.max_results(),
    |client| client
        .get_parameters_by_path()
        .path("/app/prod/")
        .recursive(true),
    model("by-path", 43, (10, 10), LastPage::NoToken, parameter),
);

#[tokio::test]
async fn get_parameters_by_path_resumes_at_every_offset_and_clamps_the_page_size() {
    let model = model("by-path", 25, (10, 10), LastPage::NoToken, parameter);
    let serving = Arc::clone(&model);
    let rule =
        mock!(aws_sdk_ssm::Client::get_parameters_by_path).then_compute_output(move |input| {
            // Every page under the same path, recursively, decrypted.
            assert_eq!(input.path(), Some("/app/prod/"));
            assert_eq!(input.recursive(), Some(true));
            assert_eq!(input.with_decryption(), Some(true));
            let page = serving.page(input.next_token(), input.max_results());
            GetParametersByPathOutput::builder()
                .set_parameters(Some(page.items))
                .set_next_token(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_ssm, RuleMode::MatchAny, [&rule]);
    let request = || {
        client
            .get_parameters_by_path()
            .path("/app/prod/")
            .recursive(true)
            .with_decryption(true)
    };
    // 50 asked, 10 sent: the largest GetParametersByPath takes.
    assert_page_size_clamped::<GetParametersByPath>(request(), &model, 50, 10).await;
    assert_eq!(
        resume_at_every_offset::<GetParametersByPath>(request()).await,
        25
    );
}

#[tokio::test]
async fn secrets_manager_list_secrets() {
    let model = model("secrets", 29, (100, 100), LastPage::NoToken, |i| {
        SecretListEntry::builder()
            .name(format!("prod/service-{i:02}"))
            .arn(format!(
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/service-{i:02}-AbCdEf"
            ))
            .build()
    });
    let serving = Arc::clone(&model);
    let rule =
        mock!(aws_sdk_secretsmanager::Client::list_secrets).then_compute_output(move |input| {
            let page = serving.page(input.next_token(), input.max_results());
            ListSecretsOutput::builder()
                .set_secret_list(Some(page.items))
                .set_next_token(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_secretsmanager, RuleMode::MatchAny, [&rule]);
    let compared =
        crate::marker_model::assert_token_listing::<ListSecrets>(client.list_secrets(), &model)
            .await;
    assert_eq!(compared, 3 * 29);
    assert_page_size_clamped::<ListSecrets>(client.list_secrets(), &model, 1000, 100).await;
    assert_eq!(
        resume_at_every_offset::<ListSecrets>(client.list_secrets()).await,
        29
    );
}
