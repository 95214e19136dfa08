//! The nine item streams of `pagination_aws::config`, against aws-smithy-mocks models: moto does
//! not implement these operations (or stubs them).
//!
//! Each model serves its items `next_token` by `next_token`, the page size from the request's
//! `limit` (`max_results` for ListStoredQueries), its default when the limit is absent or 0 and
//! a refusal (panic) above its maximum. Defaults follow the SDK's documentation where it states
//! one (25 for DescribeRemediationExceptions, 100 for GetDiscoveredResourceCounts and
//! GetConformancePackComplianceDetails, 1000 for the aggregate counts); the rest are model
//! choices. Some models end with an empty next token instead of none: both mean the end.

use std::fmt::Debug;
use std::sync::Arc;

use aws_sdk_config::Client;
use aws_sdk_config::operation::describe_aggregate_compliance_by_config_rules::DescribeAggregateComplianceByConfigRulesOutput;
use aws_sdk_config::operation::describe_remediation_exceptions::DescribeRemediationExceptionsOutput;
use aws_sdk_config::operation::get_aggregate_config_rule_compliance_summary::GetAggregateConfigRuleComplianceSummaryOutput;
use aws_sdk_config::operation::get_aggregate_conformance_pack_compliance_summary::GetAggregateConformancePackComplianceSummaryOutput;
use aws_sdk_config::operation::get_aggregate_discovered_resource_counts::GetAggregateDiscoveredResourceCountsOutput;
use aws_sdk_config::operation::get_conformance_pack_compliance_details::GetConformancePackComplianceDetailsOutput;
use aws_sdk_config::operation::get_discovered_resource_counts::GetDiscoveredResourceCountsOutput;
use aws_sdk_config::operation::list_conformance_pack_compliance_scores::ListConformancePackComplianceScoresOutput;
use aws_sdk_config::operation::list_stored_queries::ListStoredQueriesOutput;
use aws_sdk_config::primitives::DateTime;
use aws_sdk_config::types::{
    AggregateComplianceByConfigRule, AggregateComplianceCount,
    AggregateConformancePackComplianceSummary, ConformancePackComplianceScore,
    ConformancePackComplianceType, ConformancePackEvaluationResult, EvaluationResultIdentifier,
    EvaluationResultQualifier, GroupedResourceCount, RemediationException, ResourceCount,
    ResourceType, StoredQueryMetadata,
};
use aws_smithy_mocks::{Rule, RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::config::{
    DescribeAggregateComplianceByConfigRules, DescribeRemediationExceptions,
    GetAggregateConfigRuleComplianceSummary, GetAggregateConformancePackComplianceSummary,
    GetAggregateDiscoveredResourceCounts, GetConformancePackComplianceDetails,
    GetDiscoveredResourceCounts, ListConformancePackComplianceScores, ListStoredQueries,
};
use pagination_core::{PageSize, Paginator};

use crate::models::{LastPage, TokenModel};

/// Lists the model at no page size, 1, 7 and the maximum: the items are the model's, in order
/// (they are distinct, so no duplicates), and the requests are one listing, one request a page,
/// each with the page size asked for.
async fn assert_lists_the_model<Op>(
    make: impl Fn() -> Paginator<Op>,
    model: &TokenModel<Op::Item>,
    max_page: u32,
    rule: &Rule,
) where
    Op: PageSize,
    Op::Item: Clone + PartialEq + Debug,
    Op::Error: Debug,
{
    let mut calls = 0;
    for page_size in [None, Some(1), Some(7), Some(max_page)] {
        let paginator = match page_size {
            Some(size) => make().page_size(size),
            None => make(),
        };
        let items: Vec<Op::Item> = paginator.items().try_collect().await.unwrap();
        assert_eq!(items, model.items(), "page size {page_size:?}");
        let seen = model.take_seen();
        assert_eq!(seen[0].token, None);
        assert_eq!(
            seen.len(),
            model.expected_pages(page_size),
            "page size {page_size:?}"
        );
        let sent = page_size.map(|size| size as i32);
        assert!(
            seen.iter().all(|request| request.page_size == sent),
            "{seen:?}"
        );
        calls += seen.len();
        assert_eq!(rule.num_calls(), calls);
    }
    assert!(
        calls > 4 + model.items().len(),
        "page size 1 takes a request per item"
    );
}

fn model<T: Clone>(
    name: &'static str,
    count: usize,
    default_page: usize,
    max_page: usize,
    last_page: LastPage,
    make: impl Fn(usize) -> T,
) -> Arc<TokenModel<T>> {
    let items = (0..count).map(make).collect();
    Arc::new(TokenModel::new(
        name,
        items,
        default_page,
        max_page,
        last_page,
    ))
}

#[tokio::test]
async fn describe_aggregate_compliance_by_config_rules() {
    let model = model("agg-compliance", 23, 1000, 1000, LastPage::NoToken, |i| {
        AggregateComplianceByConfigRule::builder()
            .config_rule_name(format!("rule-{i:02}"))
            .account_id("123456789012")
            .aws_region("us-east-1")
            .build()
    });
    let serving = Arc::clone(&model);
    let rule = mock!(Client::describe_aggregate_compliance_by_config_rules).then_compute_output(
        move |input| {
            let page = serving.page(input.next_token(), input.limit());
            DescribeAggregateComplianceByConfigRulesOutput::builder()
                .set_aggregate_compliance_by_config_rules(Some(page.items))
                .set_next_token(page.next)
                .build()
        },
    );
    let client = mock_client!(aws_sdk_config, RuleMode::MatchAny, [&rule]);
    let make = || {
        Paginator::<DescribeAggregateComplianceByConfigRules>::new(
            client
                .describe_aggregate_compliance_by_config_rules()
                .configuration_aggregator_name("aggregator"),
        )
    };
    assert_lists_the_model(make, &model, 1000, &rule).await;
}

#[tokio::test]
async fn describe_remediation_exceptions() {
    let model = model(
        "remediation-exceptions",
        60,
        25,
        100,
        LastPage::EmptyToken,
        |i| {
            RemediationException::builder()
                .config_rule_name("rule")
                .resource_type("AWS::S3::Bucket")
                .resource_id(format!("bucket-{i:02}"))
                .build()
                .unwrap()
        },
    );
    let serving = Arc::clone(&model);
    let rule = mock!(Client::describe_remediation_exceptions).then_compute_output(move |input| {
        let page = serving.page(input.next_token(), input.limit());
        DescribeRemediationExceptionsOutput::builder()
            .set_remediation_exceptions(Some(page.items))
            .set_next_token(page.next)
            .build()
    });
    let client = mock_client!(aws_sdk_config, RuleMode::MatchAny, [&rule]);
    let make = || {
        Paginator::<DescribeRemediationExceptions>::new(
            client
                .describe_remediation_exceptions()
                .config_rule_name("rule"),
        )
    };
    assert_lists_the_model(make, &model, 100, &rule).await;
}

#[tokio::test]
async fn get_aggregate_config_rule_compliance_summary() {
    let model = model("agg-rule-summary", 23, 1000, 1000, LastPage::NoToken, |i| {
        AggregateComplianceCount::builder()
            .group_name(format!("{:012}", 100_000 + i))
            .build()
    });
    let serving = Arc::clone(&model);
    let rule = mock!(Client::get_aggregate_config_rule_compliance_summary).then_compute_output(
        move |input| {
            let page = serving.page(input.next_token(), input.limit());
            GetAggregateConfigRuleComplianceSummaryOutput::builder()
                .set_aggregate_compliance_counts(Some(page.items))
                .group_by_key("ACCOUNT_ID")
                .set_next_token(page.next)
                .build()
        },
    );
    let client = mock_client!(aws_sdk_config, RuleMode::MatchAny, [&rule]);
    let make = || {
        Paginator::<GetAggregateConfigRuleComplianceSummary>::new(
            client
                .get_aggregate_config_rule_compliance_summary()
                .configuration_aggregator_name("aggregator"),
        )
    };
    assert_lists_the_model(make, &model, 1000, &rule).await;
}

#[tokio::test]
async fn get_aggregate_conformance_pack_compliance_summary() {
    let model = model(
        "agg-pack-summary",
        23,
        100,
        100,
        LastPage::EmptyToken,
        |i| {
            AggregateConformancePackComplianceSummary::builder()
                .group_name(format!("region-{i:02}"))
                .build()
        },
    );
    let serving = Arc::clone(&model);
    let rule = mock!(Client::get_aggregate_conformance_pack_compliance_summary)
        .then_compute_output(move |input| {
            let page = serving.page(input.next_token(), input.limit());
            GetAggregateConformancePackComplianceSummaryOutput::builder()
                .set_aggregate_conformance_pack_compliance_summaries(Some(page.items))
                .set_next_token(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_config, RuleMode::MatchAny, [&rule]);
    let make = || {
        Paginator::<GetAggregateConformancePackComplianceSummary>::new(
            client
                .get_aggregate_conformance_pack_compliance_summary()
                .configuration_aggregator_name("aggregator"),
        )
    };
    assert_lists_the_model(make, &model, 100, &rule).await;
}

#[tokio::test]
async fn get_aggregate_discovered_resource_counts() {
    let model = model(
        "agg-resource-counts",
        23,
        1000,
        1000,
        LastPage::NoToken,
        |i| {
            GroupedResourceCount::builder()
                .group_name(format!("group-{i:02}"))
                .resource_count(i as i64 * 3)
                .build()
                .unwrap()
        },
    );
    let serving = Arc::clone(&model);
    let rule =
        mock!(Client::get_aggregate_discovered_resource_counts).then_compute_output(move |input| {
            let page = serving.page(input.next_token(), input.limit());
            GetAggregateDiscoveredResourceCountsOutput::builder()
                .total_discovered_resources(1000)
                .set_grouped_resource_counts(Some(page.items))
                .set_next_token(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_config, RuleMode::MatchAny, [&rule]);
    let make = || {
        Paginator::<GetAggregateDiscoveredResourceCounts>::new(
            client
                .get_aggregate_discovered_resource_counts()
                .configuration_aggregator_name("aggregator"),
        )
    };
    assert_lists_the_model(make, &model, 1000, &rule).await;
}

#[tokio::test]
async fn get_conformance_pack_compliance_details() {
    let model = model("pack-details", 230, 100, 100, LastPage::NoToken, |i| {
        let time = DateTime::from_secs(1_700_000_000 + i as i64);
        ConformancePackEvaluationResult::builder()
            .compliance_type(ConformancePackComplianceType::NonCompliant)
            .evaluation_result_identifier(
                EvaluationResultIdentifier::builder()
                    .evaluation_result_qualifier(
                        EvaluationResultQualifier::builder()
                            .config_rule_name("rule")
                            .resource_type("AWS::S3::Bucket")
                            .resource_id(format!("bucket-{i:03}"))
                            .build(),
                    )
                    .build(),
            )
            .config_rule_invoked_time(time)
            .result_recorded_time(time)
            .build()
            .unwrap()
    });
    let serving = Arc::clone(&model);
    let rule =
        mock!(Client::get_conformance_pack_compliance_details).then_compute_output(move |input| {
            let page = serving.page(input.next_token(), input.limit());
            GetConformancePackComplianceDetailsOutput::builder()
                .conformance_pack_name("pack")
                .set_conformance_pack_rule_evaluation_results(Some(page.items))
                .set_next_token(page.next)
                .build()
                .unwrap()
        });
    let client = mock_client!(aws_sdk_config, RuleMode::MatchAny, [&rule]);
    let make = || {
        Paginator::<GetConformancePackComplianceDetails>::new(
            client
                .get_conformance_pack_compliance_details()
                .conformance_pack_name("pack"),
        )
    };
    assert_lists_the_model(make, &model, 100, &rule).await;
}

#[tokio::test]
async fn get_discovered_resource_counts() {
    const TYPES: &[&str] = &[
        "AWS::S3::Bucket",
        "AWS::IAM::Role",
        "AWS::IAM::Policy",
        "AWS::SNS::Topic",
    ];
    let model = model("resource-counts", 23, 100, 100, LastPage::EmptyToken, |i| {
        ResourceCount::builder()
            .resource_type(ResourceType::from(TYPES[i % TYPES.len()]))
            .count(i as i64)
            .build()
    });
    let serving = Arc::clone(&model);
    let rule = mock!(Client::get_discovered_resource_counts).then_compute_output(move |input| {
        let page = serving.page(input.next_token(), input.limit());
        GetDiscoveredResourceCountsOutput::builder()
            .total_discovered_resources(253)
            .set_resource_counts(Some(page.items))
            .set_next_token(page.next)
            .build()
    });
    let client = mock_client!(aws_sdk_config, RuleMode::MatchAny, [&rule]);
    let make =
        || Paginator::<GetDiscoveredResourceCounts>::new(client.get_discovered_resource_counts());
    assert_lists_the_model(make, &model, 100, &rule).await;
}

#[tokio::test]
async fn list_conformance_pack_compliance_scores() {
    let model = model("pack-scores", 45, 20, 20, LastPage::NoToken, |i| {
        ConformancePackComplianceScore::builder()
            .conformance_pack_name(format!("pack-{i:02}"))
            .score(format!("{}", (i * 7) % 100))
            .build()
    });
    let serving = Arc::clone(&model);
    let rule =
        mock!(Client::list_conformance_pack_compliance_scores).then_compute_output(move |input| {
            let page = serving.page(input.next_token(), input.limit());
            ListConformancePackComplianceScoresOutput::builder()
                .set_conformance_pack_compliance_scores(Some(page.items))
                .set_next_token(page.next)
                .build()
                .unwrap()
        });
    let client = mock_client!(aws_sdk_config, RuleMode::MatchAny, [&rule]);
    let make = || {
        Paginator::<ListConformancePackComplianceScores>::new(
            client.list_conformance_pack_compliance_scores(),
        )
    };
    assert_lists_the_model(make, &model, 20, &rule).await;
}

#[tokio::test]
async fn list_stored_queries() {
    let model = model("stored-queries", 23, 100, 100, LastPage::EmptyToken, |i| {
        StoredQueryMetadata::builder()
            .query_id(format!("id-{i:02}"))
            .query_arn(format!(
                "arn:aws:config:us-east-1:123456789012:stored-query/q{i:02}/id-{i:02}"
            ))
            .query_name(format!("q{i:02}"))
            .build()
            .unwrap()
    });
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_stored_queries).then_compute_output(move |input| {
        let page = serving.page(input.next_token(), input.max_results());
        ListStoredQueriesOutput::builder()
            .set_stored_query_metadata(Some(page.items))
            .set_next_token(page.next)
            .build()
    });
    let client = mock_client!(aws_sdk_config, RuleMode::MatchAny, [&rule]);
    let make = || Paginator::<ListStoredQueries>::new(client.list_stored_queries());
    assert_lists_the_model(make, &model, 100, &rule).await;
}
