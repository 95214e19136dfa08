//! The four S3 bucket-configuration listings (analytics, intelligent-tiering, inventory,
//! metrics), against aws-smithy-mocks models: moto does not paginate them.
//!
//! The model follows the operations' documentation: no page-size parameter, at most 100
//! configurations a page (the intelligent-tiering docs give no number; the model uses 100 too),
//! `IsTruncated`, `NextContinuationToken` for the next page, and `ContinuationToken` echoing the
//! request. A paginator that took the echo for the next token would send no token after the first
//! page (the echo of the first request is absent) or the token it just sent: the model's
//! request log then fails [`TokenModel::take_seen`]'s check and the items repeat; see
//! `a_paginator_reading_the_echo_field_is_caught`.

use std::fmt::Debug;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use aws_sdk_s3::Client;
use aws_sdk_s3::operation::list_bucket_analytics_configurations::ListBucketAnalyticsConfigurationsOutput;
use aws_sdk_s3::operation::list_bucket_intelligent_tiering_configurations::ListBucketIntelligentTieringConfigurationsOutput;
use aws_sdk_s3::operation::list_bucket_inventory_configurations::ListBucketInventoryConfigurationsOutput;
use aws_sdk_s3::operation::list_bucket_metrics_configurations::ListBucketMetricsConfigurationsOutput;
use aws_sdk_s3::types::{
    AnalyticsConfiguration, IntelligentTieringAccessTier, IntelligentTieringConfiguration,
    IntelligentTieringStatus, InventoryConfiguration, InventoryDestination, InventoryFormat,
    InventoryFrequency, InventoryIncludedObjectVersions, InventoryS3BucketDestination,
    InventorySchedule, MetricsConfiguration, StorageClassAnalysis, Tiering,
};
use aws_smithy_mocks::{Rule, RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PaginatedOperation, Paginator};

use crate::models::{LastPage, TokenModel};

/// Configurations in each model: three pages of at most 100.
const COUNT: usize = 250;
const PAGE: usize = 100;

fn model<T: Clone>(name: &'static str, make: impl Fn(usize) -> T) -> Arc<TokenModel<T>> {
    Arc::new(TokenModel::new(
        name,
        (0..COUNT).map(make).collect(),
        PAGE,
        PAGE,
        LastPage::NoToken,
    ))
}

/// Runs `paginator` to the end and checks it against the model: every configuration once, in
/// order; three requests, each with the token of the response before it.
async fn assert_lists_the_model<Op>(
    paginator: Paginator<Op>,
    model: &TokenModel<Op::Item>,
    rule: &Rule,
) where
    Op: PaginatedOperation,
    Op::Item: Clone + PartialEq + Debug,
    Op::Error: Debug,
{
    let items: Vec<Op::Item> = paginator.items().try_collect().await.unwrap();
    assert_eq!(items.len(), COUNT);
    // The model's items are distinct (ids 000..249), so equality also rules out duplicates.
    assert_eq!(items, model.items());
    let seen = model.take_seen();
    assert_eq!(seen.len(), COUNT.div_ceil(PAGE));
    assert_eq!(seen[0].token, None, "the listing starts without a token");
    assert!(seen.iter().all(|request| request.page_size.is_none()));
    assert_eq!(rule.num_calls(), seen.len());
}

fn id(index: usize) -> String {
    format!("config-{index:03}")
}

#[tokio::test]
async fn list_bucket_analytics_configurations_follows_next_continuation_token() {
    let model = model("analytics", |index| {
        AnalyticsConfiguration::builder()
            .id(id(index))
            .storage_class_analysis(StorageClassAnalysis::builder().build())
            .build()
            .unwrap()
    });
    let serving = Arc::clone(&model);
    let rule =
        mock!(Client::list_bucket_analytics_configurations).then_compute_output(move |input| {
            let page = serving.page(input.continuation_token(), None);
            ListBucketAnalyticsConfigurationsOutput::builder()
                .set_analytics_configuration_list(Some(page.items))
                .set_continuation_token(page.echo)
                .set_next_continuation_token(page.next)
                .is_truncated(page.truncated)
                .build()
        });
    let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);
    let paginator = client
        .list_bucket_analytics_configurations()
        .bucket("bucket")
        .into_paginator();
    assert_lists_the_model(paginator, &model, &rule).await;
}

#[tokio::test]
async fn list_bucket_intelligent_tiering_configurations_follows_next_continuation_token() {
    let model = model("intelligent-tiering", |index| {
        IntelligentTieringConfiguration::builder()
            .id(id(index))
            .status(IntelligentTieringStatus::Enabled)
            .tierings(
                Tiering::builder()
                    .days(90 + index as i32)
                    .access_tier(IntelligentTieringAccessTier::ArchiveAccess)
                    .build()
                    .unwrap(),
            )
            .build()
            .unwrap()
    });
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_bucket_intelligent_tiering_configurations).then_compute_output(
        move |input| {
            let page = serving.page(input.continuation_token(), None);
            ListBucketIntelligentTieringConfigurationsOutput::builder()
                .set_intelligent_tiering_configuration_list(Some(page.items))
                .set_continuation_token(page.echo)
                .set_next_continuation_token(page.next)
                .is_truncated(page.truncated)
                .build()
        },
    );
    let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);
    let paginator = client
        .list_bucket_intelligent_tiering_configurations()
        .bucket("bucket")
        .into_paginator();
    assert_lists_the_model(paginator, &model, &rule).await;
}

#[tokio::test]
async fn list_bucket_inventory_configurations_follows_next_continuation_token() {
    let model = model("inventory", |index| {
        InventoryConfiguration::builder()
            .id(id(index))
            .is_enabled(index % 2 == 0)
            .included_object_versions(InventoryIncludedObjectVersions::Current)
            .destination(
                InventoryDestination::builder()
                    .s3_bucket_destination(
                        InventoryS3BucketDestination::builder()
                            .bucket("arn:aws:s3:::inventory-reports")
                            .format(InventoryFormat::Csv)
                            .build()
                            .unwrap(),
                    )
                    .build(),
            )
            .schedule(
                InventorySchedule::builder()
                    .frequency(InventoryFrequency::Daily)
                    .build()
                    .unwrap(),
            )
            .build()
            .unwrap()
    });
    let serving = Arc::clone(&model);
    let rule =
        mock!(Client::list_bucket_inventory_configurations).then_compute_output(move |input| {
            let page = serving.page(input.continuation_token(), None);
            ListBucketInventoryConfigurationsOutput::builder()
                .set_inventory_configuration_list(Some(page.items))
                .set_continuation_token(page.echo)
                .set_next_continuation_token(page.next)
                .is_truncated(page.truncated)
                .build()
        });
    let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);
    let paginator = client
        .list_bucket_inventory_configurations()
        .bucket("bucket")
        .into_paginator();
    assert_lists_the_model(paginator, &model, &rule).await;
}

fn metrics_model() -> Arc<TokenModel<MetricsConfiguration>> {
    model("metrics", |index| {
        MetricsConfiguration::builder()
            .id(id(index))
            .build()
            .unwrap()
    })
}

fn metrics_rule(model: &Arc<TokenModel<MetricsConfiguration>>) -> Rule {
    let serving = Arc::clone(model);
    mock!(Client::list_bucket_metrics_configurations).then_compute_output(move |input| {
        let page = serving.page(input.continuation_token(), None);
        ListBucketMetricsConfigurationsOutput::builder()
            .set_metrics_configuration_list(Some(page.items))
            .set_continuation_token(page.echo)
            .set_next_continuation_token(page.next)
            .is_truncated(page.truncated)
            .build()
    })
}

#[tokio::test]
async fn list_bucket_metrics_configurations_follows_next_continuation_token() {
    let model = metrics_model();
    let rule = metrics_rule(&model);
    let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);
    let paginator = client
        .list_bucket_metrics_configurations()
        .bucket("bucket")
        .into_paginator();
    assert_lists_the_model(paginator, &model, &rule).await;

    // Resuming from the cursor after 150 items asks for the second page again and skips 50.
    let mut head = client
        .list_bucket_metrics_configurations()
        .bucket("bucket")
        .into_paginator()
        .max_items(150)
        .items();
    let mut seen = Vec::new();
    while let Some(item) = head.try_next().await.unwrap() {
        seen.push(item);
    }
    assert_eq!(model.take_seen().len(), 2, "the head needs two pages");
    let cursor = head.cursor().unwrap().to_string().parse().unwrap();
    let rest: Vec<MetricsConfiguration> = client
        .list_bucket_metrics_configurations()
        .bucket("bucket")
        .into_paginator()
        .resume_from(&cursor)
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    seen.extend(rest);
    assert_eq!(seen, model.items());
    let requests = model.take_seen();
    assert_eq!(requests.len(), 2, "the rest asks for pages 2 and 3");
    assert!(
        requests[0].token.is_some(),
        "the rest starts at page 2's token"
    );
}

/// The negative control: a hand-written loop that reads the echo field `continuation_token` as
/// the next token. The model makes it misbehave visibly: it re-reads the first page.
#[tokio::test]
async fn a_paginator_reading_the_echo_field_is_caught() {
    let model = metrics_model();
    let rule = metrics_rule(&model);
    let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);

    let mut items = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..4 {
        let page = client
            .list_bucket_metrics_configurations()
            .bucket("bucket")
            .set_continuation_token(token)
            .send()
            .await
            .unwrap();
        items.extend(page.metrics_configuration_list().iter().cloned());
        if page.is_truncated() != Some(true) {
            break;
        }
        token = page.continuation_token().map(str::to_owned); // the echo: wrong on purpose
    }
    assert_ne!(
        items,
        model.items(),
        "the model must expose an echo-reading paginator"
    );
    assert_eq!(
        items[..PAGE],
        items[PAGE..2 * PAGE],
        "it read the first page again"
    );
    let log_check = std::panic::catch_unwind(AssertUnwindSafe(|| model.take_seen()));
    assert!(
        log_check.is_err(),
        "the model's request log flags the missing token"
    );
}
