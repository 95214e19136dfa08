//! DynamoDB, CloudWatch Logs and Elastic Load Balancing paginators against aws-smithy-mocks
//! models that compute every page from the request by the API reference's rules: moto pages
//! none of these operations (it answers them in one page, or ignores the token).

use std::sync::{Arc, Mutex};

use aws_sdk_dynamodb::operation::execute_statement::ExecuteStatementOutput;
use aws_sdk_dynamodb::operation::list_backups::ListBackupsOutput;
use aws_sdk_dynamodb::operation::list_tags_of_resource::ListTagsOfResourceOutput;
use aws_sdk_dynamodb::types::{AttributeValue, BackupSummary, Tag};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::IntoPaginator;
use pagination_aws::cloudwatchlogs::{
    DescribeExportTasks, DescribeQueries, DescribeResourcePolicies,
};
use pagination_aws::dynamodb::{ExecuteStatement, ListBackups};
use pagination_aws::elasticloadbalancing::DescribeAccountLimits;
use pagination_aws::elasticloadbalancingv2::DescribeSslPolicies;

use crate::marker_model::assert_token_listing;
use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::{
    resume_at_every_offset, resume_at_every_offset_with_trailing_empty_pages,
};

#[tokio::test]
async fn dynamodb_list_backups() {
    let arn = |index: usize| {
        format!("arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/{index:017}-0a1b2c3d")
    };
    let backups: Vec<BackupSummary> = (0..27)
        .map(|index| {
            BackupSummary::builder()
                .table_name("orders")
                .backup_arn(arn(index))
                .backup_name(format!("nightly-{index:02}"))
                .build()
        })
        .collect();
    let starts = Arc::new(Mutex::new(Vec::new()));
    let (serving, seen) = (backups.clone(), Arc::clone(&starts));
    // The page after `exclusive_start_backup_arn`, `limit` (at most 100) a page; the last
    // evaluated ARN while backups follow. A start ARN the model did not hand out fails.
    let rule = mock!(aws_sdk_dynamodb::Client::list_backups).then_compute_output(move |input| {
        assert_eq!(input.table_name(), Some("orders"));
        seen.lock()
            .unwrap()
            .push(input.exclusive_start_backup_arn().map(str::to_owned));
        let start = match input.exclusive_start_backup_arn() {
            Some(after) => {
                1 + serving
                    .iter()
                    .position(|backup| backup.backup_arn() == Some(after))
                    .unwrap_or_else(|| panic!("no backup {after}"))
            }
            None => 0,
        };
        let size = input.limit().map_or(100, |limit| {
            assert!((1..=100).contains(&limit), "limit {limit}");
            limit as usize
        });
        let end = (start + size).min(serving.len());
        ListBackupsOutput::builder()
            .set_backup_summaries(Some(serving[start..end].to_vec()))
            .set_last_evaluated_backup_arn(
                (end < serving.len()).then(|| serving[end - 1].backup_arn().unwrap().to_owned()),
            )
            .build()
    });
    let client = mock_client!(aws_sdk_dynamodb, RuleMode::MatchAny, [&rule]);
    for (size, pages) in [(None, 1), (Some(1), 27), (Some(5), 6)] {
        let paginator = client.list_backups().table_name("orders").into_paginator();
        let paginator = match size {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let listed: Vec<BackupSummary> = paginator.items().try_collect().await.unwrap();
        assert_eq!(listed, backups, "page size {size:?}");
        let seen = std::mem::take(&mut *starts.lock().unwrap());
        assert_eq!(seen.len(), pages);
        assert_eq!(seen[0], None);
    }
    let resumed =
        resume_at_every_offset::<ListBackups>(client.list_backups().table_name("orders")).await;
    assert_eq!(resumed, backups.len());
}

#[tokio::test]
async fn dynamodb_list_tags_of_resource() {
    // No page size: the service's pages (10 here) decide.
    let tags = (0..34)
        .map(|index| {
            Tag::builder()
                .key(format!("team-{index:02}"))
                .value("data")
                .build()
                .unwrap()
        })
        .collect();
    let model = Arc::new(TokenModel::new("tags", tags, 10, 10, LastPage::NoToken));
    let serving = Arc::clone(&model);
    let rule =
        mock!(aws_sdk_dynamodb::Client::list_tags_of_resource).then_compute_output(move |input| {
            let page = serving.page(input.next_token(), None);
            ListTagsOfResourceOutput::builder()
                .set_tags(Some(page.items))
                .set_next_token(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_dynamodb, RuleMode::MatchAny, [&rule]);
    let listed: Vec<Tag> = client
        .list_tags_of_resource()
        .resource_arn("arn:aws:dynamodb:us-east-1:123456789012:table/orders")
        .into_paginator()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed, model.items());
    assert_eq!(model.take_seen().len(), 4);
}

#[tokio::test]
async fn dynamodb_execute_statement_goes_on_through_empty_pages_with_a_token() {
    // `Limit` counts the items evaluated; the filter keeps every fourth. With a small limit most
    // pages are empty and still carry a token.
    let rows = 40;
    let evaluated = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&evaluated);
    let rule =
        mock!(aws_sdk_dynamodb::Client::execute_statement).then_compute_output(move |input| {
            assert_eq!(
                input.statement(),
                Some(r#"SELECT * FROM "orders" WHERE open = true"#)
            );
            let start: usize = input.next_token().map_or(0, |token| {
                token.strip_prefix("eval-").unwrap().parse().unwrap()
            });
            let end = (start + input.limit().map_or(rows, |limit| limit as usize)).min(rows);
            seen.lock().unwrap().push((start, end));
            let items = (start..end)
                .filter(|row| row % 4 == 0)
                .map(|row| {
                    [("id".to_owned(), AttributeValue::N(row.to_string()))]
                        .into_iter()
                        .collect()
                })
                .collect();
            ExecuteStatementOutput::builder()
                .set_items(Some(items))
                .set_next_token((end < rows).then(|| format!("eval-{end}")))
                .build()
        });
    let client = mock_client!(aws_sdk_dynamodb, RuleMode::MatchAny, [&rule]);
    let request = client
        .execute_statement()
        .statement(r#"SELECT * FROM "orders" WHERE open = true"#);
    let expected: Vec<String> = (0..rows)
        .filter(|row| row % 4 == 0)
        .map(|row| row.to_string())
        .collect();
    for size in [None, Some(1), Some(3), Some(8)] {
        let paginator = request.clone().into_paginator();
        let paginator = match size {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let mut pages = paginator.send();
        let (mut ids, mut empty_pages) = (Vec::new(), 0);
        while let Some(page) = pages.try_next().await.unwrap() {
            empty_pages += usize::from(page.items().is_empty());
            ids.extend(page.items().iter().map(|item| match &item["id"] {
                AttributeValue::N(id) => id.clone(),
                other => panic!("{other:?}"),
            }));
        }
        assert_eq!(ids, expected, "page size {size:?}");
        let calls = std::mem::take(&mut *evaluated.lock().unwrap());
        assert_eq!(
            calls.len(),
            rows.div_ceil(size.map_or(rows, |size| size as usize))
        );
        if size == Some(1) {
            assert_eq!(empty_pages, 30, "three rows in four are filtered out");
        }
    }
    let resumed =
        resume_at_every_offset_with_trailing_empty_pages::<ExecuteStatement>(request).await;
    assert_eq!(resumed, expected.len());
}

#[tokio::test]
async fn logs_describe_export_tasks() {
    use aws_sdk_cloudwatchlogs::operation::describe_export_tasks::DescribeExportTasksOutput;
    use aws_sdk_cloudwatchlogs::types::ExportTask;
    let tasks = (0..61)
        .map(|index| {
            ExportTask::builder()
                .task_id(format!("task-{index:03}"))
                .build()
        })
        .collect();
    let model = Arc::new(TokenModel::new(
        "export-tasks",
        tasks,
        50,
        50,
        LastPage::NoToken,
    ));
    let serving = Arc::clone(&model);
    let rule = mock!(aws_sdk_cloudwatchlogs::Client::describe_export_tasks).then_compute_output(
        move |input| {
            let page = serving.page(input.next_token(), input.limit());
            DescribeExportTasksOutput::builder()
                .set_export_tasks(Some(page.items))
                .set_next_token(page.next)
                .build()
        },
    );
    let client = mock_client!(aws_sdk_cloudwatchlogs, RuleMode::MatchAny, [&rule]);
    assert_token_listing::<DescribeExportTasks>(client.describe_export_tasks(), &model).await;
}

#[tokio::test]
async fn logs_describe_queries() {
    use aws_sdk_cloudwatchlogs::operation::describe_queries::DescribeQueriesOutput;
    use aws_sdk_cloudwatchlogs::types::QueryInfo;
    let queries = (0..45)
        .map(|index| {
            QueryInfo::builder()
                .query_id(format!("query-{index:03}"))
                .build()
        })
        .collect();
    let model = Arc::new(TokenModel::new(
        "queries",
        queries,
        1000,
        1000,
        LastPage::NoToken,
    ));
    let serving = Arc::clone(&model);
    let rule =
        mock!(aws_sdk_cloudwatchlogs::Client::describe_queries).then_compute_output(move |input| {
            let page = serving.page(input.next_token(), input.max_results());
            DescribeQueriesOutput::builder()
                .set_queries(Some(page.items))
                .set_next_token(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_cloudwatchlogs, RuleMode::MatchAny, [&rule]);
    let request = client.describe_queries().log_group_name("app");
    assert_token_listing::<DescribeQueries>(request, &model).await;
}

#[tokio::test]
async fn logs_describe_resource_policies() {
    use aws_sdk_cloudwatchlogs::operation::describe_resource_policies::DescribeResourcePoliciesOutput;
    use aws_sdk_cloudwatchlogs::types::ResourcePolicy;
    let policies = (0..12)
        .map(|index| {
            ResourcePolicy::builder()
                .policy_name(format!("policy-{index:02}"))
                .build()
        })
        .collect();
    let model = Arc::new(TokenModel::new(
        "policies",
        policies,
        50,
        50,
        LastPage::EmptyToken,
    ));
    let serving = Arc::clone(&model);
    let rule = mock!(aws_sdk_cloudwatchlogs::Client::describe_resource_policies)
        .then_compute_output(move |input| {
            let page = serving.page(input.next_token(), input.limit());
            DescribeResourcePoliciesOutput::builder()
                .set_resource_policies(Some(page.items))
                .set_next_token(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_cloudwatchlogs, RuleMode::MatchAny, [&rule]);
    assert_token_listing::<DescribeResourcePolicies>(client.describe_resource_policies(), &model)
        .await;
}

#[tokio::test]
async fn elbv2_describe_ssl_policies() {
    use aws_sdk_elasticloadbalancingv2::operation::describe_ssl_policies::DescribeSslPoliciesOutput;
    use aws_sdk_elasticloadbalancingv2::types::SslPolicy;
    let policies = (0..19)
        .map(|index| {
            SslPolicy::builder()
                .name(format!("ELBSecurityPolicy-{index:02}"))
                .build()
        })
        .collect();
    let model = Arc::new(TokenModel::new(
        "ssl-policies",
        policies,
        400,
        400,
        LastPage::NoToken,
    ));
    let serving = Arc::clone(&model);
    let rule = mock!(aws_sdk_elasticloadbalancingv2::Client::describe_ssl_policies)
        .then_compute_output(move |input| {
            let page = serving.page(input.marker(), input.page_size());
            DescribeSslPoliciesOutput::builder()
                .set_ssl_policies(Some(page.items))
                .set_next_marker(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_elasticloadbalancingv2, RuleMode::MatchAny, [&rule]);
    assert_token_listing::<DescribeSslPolicies>(client.describe_ssl_policies(), &model).await;
}

#[tokio::test]
async fn elb_describe_account_limits() {
    use aws_sdk_elasticloadbalancing::operation::describe_account_limits::DescribeAccountLimitsOutput;
    use aws_sdk_elasticloadbalancing::types::Limit;
    let limits = [
        "classic-load-balancers",
        "classic-listeners",
        "classic-registered-instances",
    ]
    .iter()
    .cycle()
    .take(9)
    .enumerate()
    .map(|(index, name)| {
        Limit::builder()
            .name(format!("{name}-{index}"))
            .max("20")
            .build()
    })
    .collect();
    // "If there are no additional results, the string is empty."
    let model = Arc::new(TokenModel::new(
        "account-limits",
        limits,
        400,
        400,
        LastPage::EmptyToken,
    ));
    let serving = Arc::clone(&model);
    let rule = mock!(aws_sdk_elasticloadbalancing::Client::describe_account_limits)
        .then_compute_output(move |input| {
            let page = serving.page(input.marker(), input.page_size());
            DescribeAccountLimitsOutput::builder()
                .set_limits(Some(page.items))
                .set_next_marker(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_elasticloadbalancing, RuleMode::MatchAny, [&rule]);
    assert_token_listing::<DescribeAccountLimits>(client.describe_account_limits(), &model).await;
}

#[tokio::test]
async fn logs_filter_log_events_goes_on_through_empty_pages() {
    use aws_sdk_cloudwatchlogs::operation::filter_log_events::FilterLogEventsOutput;
    use aws_sdk_cloudwatchlogs::types::FilteredLogEvent;
    use pagination_aws::cloudwatchlogs::FilterLogEvents;
    let events = (0..34)
        .map(|index| {
            FilteredLogEvent::builder()
                .event_id(format!("{index:056}"))
                .log_stream_name("2026/12/07/[$LATEST]0a1b2c")
                .timestamp(1_767_225_600_000 + 1000 * index as i64)
                .message(format!("ERROR request {index} failed"))
                .build()
        })
        .collect();
    // "A returned page might only be partially full, or even empty": an empty page with a token
    // before every page of events.
    let model = Arc::new(
        TokenModel::new("events", events, 10_000, 10_000, LastPage::NoToken).with_empty_pages(),
    );
    let serving = Arc::clone(&model);
    let rule = mock!(aws_sdk_cloudwatchlogs::Client::filter_log_events).then_compute_output(
        move |input| {
            assert_eq!(input.log_group_name(), Some("/aws/lambda/checkout"));
            assert_eq!(input.filter_pattern(), Some("ERROR"));
            let page = serving.page(input.next_token(), input.limit());
            FilterLogEventsOutput::builder()
                .set_events(Some(page.items))
                .set_next_token(page.next)
                .build()
        },
    );
    let client = mock_client!(aws_sdk_cloudwatchlogs, RuleMode::MatchAny, [&rule]);
    let request = || {
        client
            .filter_log_events()
            .log_group_name("/aws/lambda/checkout")
            .filter_pattern("ERROR")
    };
    assert_eq!(
        assert_token_listing::<FilterLogEvents>(request(), &model).await,
        3 * 34
    );
    crate::token_listing::assert_page_size_clamped::<FilterLogEvents>(
        request(),
        &model,
        50_000,
        10_000,
    )
    .await;
    assert_eq!(
        resume_at_every_offset::<FilterLogEvents>(request()).await,
        34
    );
}
