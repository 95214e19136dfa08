//! The item streams of SSM, Secrets Manager, Organizations and CloudWatch Logs over HTTP against
//! moto, with the real SDK clients, where moto pages the operation by the API reference's rules
//! (checked with boto3 first: `MaxResults` / `limit` honoured, a token while more follow). Each
//! listing is compared with the SDK's own paginator's pages, flattened, at several page sizes,
//! and resumed at every offset. moto does not page the other operations of #22 (DescribeAlarms
//! and the IAM listings answer in one page whatever the page size; ListCreateAccountStatus
//! answers its first page again and again), so those are tested against models only.

use std::fmt::Debug;

use aws_sdk_cloudwatchlogs::types::InputLogEvent;
use aws_sdk_ssm::types::ParameterType;
use futures::TryStreamExt;
use pagination_aws::Paginator;
use pagination_aws::cloudwatchlogs::FilterLogEvents;
use pagination_aws::organizations::ListAccounts;
use pagination_aws::secretsmanager::ListSecrets;
use pagination_aws::ssm::{DescribeParameters, GetParameterHistory, GetParametersByPath};
use pagination_core::PageSize;

use crate::resume_every_offset::resume_at_every_offset;
use crate::support::{moto, unique_bucket};

/// The items of the SDK paginator's `pages`, flattened.
fn flatten<P, T: Clone>(pages: &[P], items: impl Fn(&P) -> &[T]) -> Vec<T> {
    pages.iter().flat_map(|page| items(page).to_vec()).collect()
}

/// Ours at each page size equals `expected` (the SDK paginator's pages, flattened), and resumes
/// at every item offset to the same items.
async fn assert_lists<Op>(request: impl Fn() -> Op::Request, expected: &[Op::Item], sizes: &[u32])
where
    Op: PageSize,
    Op::Item: PartialEq + Debug,
    Op::Error: Debug,
{
    for &size in sizes {
        let listed: Vec<Op::Item> = Paginator::<Op>::new(request())
            .page_size(size)
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(listed, expected, "page size {size}");
    }
    assert_eq!(
        resume_at_every_offset::<Op>(request()).await,
        expected.len()
    );
}

#[tokio::test]
async fn ssm_parameters_over_moto() {
    let server = moto();
    let client = aws_sdk_ssm::Client::new(&server.sdk_config().await);
    let path = format!("/{}/", unique_bucket("app"));
    for index in 0..23 {
        client
            .put_parameter()
            .name(format!("{path}setting-{index:02}"))
            .value(format!("value-{index}"))
            .r#type(ParameterType::String)
            .send()
            .await
            .unwrap();
    }
    for version in 0..9 {
        client
            .put_parameter()
            .name(format!("{path}setting-00"))
            .value(format!("version-{version}"))
            .r#type(ParameterType::String)
            .overwrite(true)
            .send()
            .await
            .unwrap();
    }

    let by_path = || client.get_parameters_by_path().path(&path).recursive(true);
    let sdk: Vec<_> = by_path()
        .max_results(4)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    let expected: Vec<_> = flatten(&sdk, |page| page.parameters());
    assert_eq!(expected.len(), 23);
    assert!(sdk.len() >= 6, "moto pages it: {} pages", sdk.len());
    assert_lists::<GetParametersByPath>(by_path, &expected, &[1, 4, 10, 50]).await;

    let history = || {
        client
            .get_parameter_history()
            .name(format!("{path}setting-00"))
    };
    let sdk: Vec<_> = history()
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    let expected: Vec<_> = flatten(&sdk, |page| page.parameters());
    assert_eq!(expected.len(), 10, "the first version and nine more");
    assert_lists::<GetParameterHistory>(history, &expected, &[1, 3, 50]).await;

    let described: Vec<_> = Paginator::<DescribeParameters>::new(client.describe_parameters())
        .page_size(5)
        .items()
        .try_collect()
        .await
        .unwrap();
    let ours = described
        .iter()
        .filter(|parameter| parameter.name().is_some_and(|name| name.starts_with(&path)))
        .count();
    assert_eq!(ours, 23);
}

#[tokio::test]
async fn secrets_manager_list_secrets_over_moto() {
    let server = moto();
    let client = aws_sdk_secretsmanager::Client::new(&server.sdk_config().await);
    let prefix = unique_bucket("secrets");
    for index in 0..13 {
        client
            .create_secret()
            .name(format!("{prefix}/s{index:02}"))
            .secret_string("x")
            .send()
            .await
            .unwrap();
    }
    let request = || {
        client.list_secrets().filters(
            aws_sdk_secretsmanager::types::Filter::builder()
                .key(aws_sdk_secretsmanager::types::FilterNameStringType::Name)
                .values(&prefix)
                .build(),
        )
    };
    let sdk: Vec<_> = request()
        .max_results(4)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    let expected: Vec<_> = flatten(&sdk, |page| page.secret_list());
    assert_eq!(expected.len(), 13);
    assert_lists::<ListSecrets>(request, &expected, &[1, 4, 100]).await;
}

#[tokio::test]
async fn organizations_list_accounts_over_moto() {
    let server = moto();
    let client = aws_sdk_organizations::Client::new(&server.sdk_config().await);
    client
        .create_organization()
        .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
        .send()
        .await
        .unwrap();
    for index in 0..12 {
        client
            .create_account()
            .account_name(format!("account-{index}"))
            .email(format!("account-{index}@example.com"))
            .send()
            .await
            .unwrap();
    }
    let sdk: Vec<_> = client
        .list_accounts()
        .max_results(4)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    let expected: Vec<_> = flatten(&sdk, |page| page.accounts());
    assert_eq!(expected.len(), 13, "the management account and twelve more");
    // 50 asked is sent as 20, which moto (as AWS) accepts.
    assert_lists::<ListAccounts>(|| client.list_accounts(), &expected, &[1, 4, 20, 50]).await;
}

#[tokio::test]
async fn logs_filter_log_events_over_moto() {
    let server = moto();
    let client = aws_sdk_cloudwatchlogs::Client::new(&server.sdk_config().await);
    let group = unique_bucket("group");
    client
        .create_log_group()
        .log_group_name(&group)
        .send()
        .await
        .unwrap();
    client
        .create_log_stream()
        .log_group_name(&group)
        .log_stream_name("stream")
        .send()
        .await
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let events = (0..23).map(|index| {
        InputLogEvent::builder()
            .timestamp(now + index)
            .message(format!(
                "{} request {index}",
                if index % 3 == 0 { "INFO" } else { "ERROR" }
            ))
            .build()
            .unwrap()
    });
    client
        .put_log_events()
        .log_group_name(&group)
        .log_stream_name("stream")
        .set_log_events(Some(events.collect()))
        .send()
        .await
        .unwrap();
    let request = || client.filter_log_events().log_group_name(&group);
    let sdk: Vec<_> = request()
        .limit(4)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    let expected: Vec<_> = flatten(&sdk, |page| page.events());
    assert_eq!(expected.len(), 23);
    assert!(sdk.len() >= 6, "moto pages it: {} pages", sdk.len());
    assert_lists::<FilterLogEvents>(request, &expected, &[1, 4, 10_000]).await;
}
