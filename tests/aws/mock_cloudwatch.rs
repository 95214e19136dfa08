//! The item streams of `pagination_aws::cloudwatch`, against aws-smithy-mocks models that compute
//! every page from the request as the CloudWatch API reference describes it: DescribeAlarms'
//! three lists filled from one listing of alarms, `MaxRecords` of them a page (at most 100);
//! GetMetricData's pages of `MaxDatapoints` values over all queries, one query's values split
//! over pages under the same `Id` (`PartialData` on all parts but the last); ListMetrics' pages
//! of metrics with their owning accounts, one to one.

use std::sync::{Arc, Mutex};

use aws_sdk_cloudwatch::operation::describe_alarms::DescribeAlarmsOutput;
use aws_sdk_cloudwatch::operation::get_metric_data::GetMetricDataOutput;
use aws_sdk_cloudwatch::operation::list_metrics::ListMetricsOutput;
use aws_sdk_cloudwatch::primitives::DateTime;
use aws_sdk_cloudwatch::types::{
    CompositeAlarm, LogAlarm, MessageData, Metric, MetricAlarm, MetricDataQuery, MetricDataResult,
    StatusCode,
};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::Paginator;
use pagination_aws::cloudwatch::{
    Alarm, DescribeAlarms, GetMetricData, ListMetrics, ListMetricsItem, MetricDataItem,
    merge_metric_data,
};

use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::{resume_at_every_offset, resume_at_every_offset_unsized};

/// Alarms of the three types, in the service's name order.
fn alarms(count: usize) -> Vec<Alarm> {
    (0..count)
        .map(|i| {
            let name = format!("alarm-{i:03}");
            match i % 5 {
                0 | 2 | 3 => Alarm::Metric(MetricAlarm::builder().alarm_name(name).build()),
                1 => Alarm::Composite(CompositeAlarm::builder().alarm_name(name).build()),
                _ => Alarm::Log(LogAlarm::builder().alarm_name(name).build()),
            }
        })
        .collect()
}

/// A page's alarms as the response carries them: one list per type.
fn alarms_output(page: Vec<Alarm>, next: Option<String>) -> DescribeAlarmsOutput {
    let (mut metric, mut composite, mut log) = (Vec::new(), Vec::new(), Vec::new());
    for alarm in page {
        match alarm {
            Alarm::Metric(alarm) => metric.push(alarm),
            Alarm::Composite(alarm) => composite.push(alarm),
            Alarm::Log(alarm) => log.push(alarm),
        }
    }
    DescribeAlarmsOutput::builder()
        .set_metric_alarms(Some(metric))
        .set_composite_alarms(Some(composite))
        .set_log_alarms(Some(log))
        .set_next_token(next)
        .build()
}

/// What the item stream yields at `page_size`: each page's metric alarms, then its composite
/// alarms, then its log alarms.
fn in_page_order(alarms: &[Alarm], page_size: usize) -> Vec<Alarm> {
    let rank = |alarm: &Alarm| match alarm {
        Alarm::Metric(_) => 0,
        Alarm::Composite(_) => 1,
        Alarm::Log(_) => 2,
    };
    alarms
        .chunks(page_size)
        .flat_map(|page| {
            let mut page = page.to_vec();
            page.sort_by_key(rank); // stable: each type keeps the service's order
            page
        })
        .collect()
}

#[tokio::test]
async fn describe_alarms_yields_the_three_types_in_page_order() {
    let all = alarms(57);
    let model = Arc::new(TokenModel::new(
        "alarms",
        all.clone(),
        50,
        100,
        LastPage::NoToken,
    ));
    let serving = Arc::clone(&model);
    let rule =
        mock!(aws_sdk_cloudwatch::Client::describe_alarms).then_compute_output(move |input| {
            assert_eq!(input.alarm_name_prefix(), Some("alarm-"));
            let page = serving.page(input.next_token(), input.max_records());
            alarms_output(page.items, page.next)
        });
    let client = mock_client!(aws_sdk_cloudwatch, RuleMode::MatchAny, [&rule]);
    let request = || client.describe_alarms().alarm_name_prefix("alarm-");
    for (size, pages) in [(None, 2), (Some(1), 57), (Some(7), 9), (Some(100), 1)] {
        let paginator = Paginator::<DescribeAlarms>::new(request());
        let paginator = match size {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let listed: Vec<Alarm> = paginator.items().try_collect().await.unwrap();
        let expected = in_page_order(&all, size.map_or(50, |size| size as usize));
        assert_eq!(listed, expected, "page size {size:?}");
        assert_eq!(model.take_seen().len(), pages, "page size {size:?}");
    }
    assert_ne!(
        in_page_order(&all, 7),
        all,
        "the page order is not the service's order"
    );
    // 250 asked, 100 sent: the largest MaxRecords.
    let listed: Vec<Alarm> = Paginator::<DescribeAlarms>::new(request())
        .page_size(250)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed, in_page_order(&all, 100));
    let seen = model.take_seen();
    assert!(
        seen.iter().all(|request| request.page_size == Some(100)),
        "{seen:?}"
    );
    assert_eq!(
        resume_at_every_offset::<DescribeAlarms>(request()).await,
        57
    );
}

/// Three queries' values, as the service would compute them whole.
fn series() -> Vec<(String, Vec<(i64, f64)>)> {
    [("cpu", 7), ("memory", 12), ("disk", 5)]
        .into_iter()
        .map(|(id, points)| {
            let values = (0..points)
                .map(|point| (1_767_225_600 + 60 * point as i64, point as f64 * 1.5))
                .collect();
            (id.to_owned(), values)
        })
        .collect()
}

/// The page of GetMetricData's values from `start` (an offset into all queries' values, one
/// query after another): up to `size` values, grouped by query, each part `PartialData` unless
/// it holds the query's last value.
fn metric_data_page(
    series: &[(String, Vec<(i64, f64)>)],
    start: usize,
    size: usize,
) -> (Vec<MetricDataResult>, usize) {
    let flat: Vec<(usize, usize)> = series
        .iter()
        .enumerate()
        .flat_map(|(query, (_, values))| (0..values.len()).map(move |point| (query, point)))
        .collect();
    let end = (start + size).min(flat.len());
    let mut results: Vec<MetricDataResult> = Vec::new();
    let mut current: Option<(usize, Vec<DateTime>, Vec<f64>, bool)> = None;
    let finish = |part: (usize, Vec<DateTime>, Vec<f64>, bool)| {
        let (query, timestamps, values, complete) = part;
        MetricDataResult::builder()
            .id(&series[query].0)
            .label(format!("{} label", series[query].0))
            .set_timestamps(Some(timestamps))
            .set_values(Some(values))
            .status_code(if complete {
                StatusCode::Complete
            } else {
                StatusCode::PartialData
            })
            .build()
    };
    for &(query, point) in &flat[start..end] {
        if current.as_ref().is_some_and(|part| part.0 != query) {
            results.push(finish(current.take().unwrap()));
        }
        let part = current.get_or_insert_with(|| (query, Vec::new(), Vec::new(), false));
        let (time, value) = series[query].1[point];
        part.1.push(DateTime::from_secs(time));
        part.2.push(value);
        part.3 = point + 1 == series[query].1.len();
    }
    results.extend(current.map(finish));
    (results, end)
}

#[tokio::test]
async fn get_metric_data_splits_a_query_over_pages_and_merges_it_back() {
    let whole = series();
    let total: usize = whole.iter().map(|(_, values)| values.len()).sum();
    let sizes = Arc::new(Mutex::new(Vec::new()));
    let (serving, seen) = (whole.clone(), Arc::clone(&sizes));
    let rule =
        mock!(aws_sdk_cloudwatch::Client::get_metric_data).then_compute_output(move |input| {
            assert_eq!(
                input.metric_data_queries().len(),
                3,
                "every page asks for every query"
            );
            seen.lock().unwrap().push(input.max_datapoints());
            let start: usize = input.next_token().map_or(0, |token| {
                token.strip_prefix("dp~").unwrap().parse().unwrap()
            });
            let size = input.max_datapoints().map_or(100_800, |size| size as usize);
            let (results, end) = metric_data_page(&serving, start, size);
            GetMetricDataOutput::builder()
                .set_metric_data_results(Some(results))
                .set_messages(
                    (start == 0).then(|| {
                        vec![MessageData::builder().code("Info").value("sampled").build()]
                    }),
                )
                .set_next_token((end < total).then(|| format!("dp~{end}")))
                .build()
        });
    let client = mock_client!(aws_sdk_cloudwatch, RuleMode::MatchAny, [&rule]);
    let request = || {
        let queries = whole.iter().map(|(id, _)| {
            MetricDataQuery::builder()
                .id(id)
                .expression("SEARCH('x', 'Average', 60)")
                .build()
        });
        client
            .get_metric_data()
            .set_metric_data_queries(Some(queries.collect()))
            .start_time(DateTime::from_secs(1_767_225_600))
            .end_time(DateTime::from_secs(1_767_312_000))
    };
    for (size, pages) in [(None, 1), (Some(1), total), (Some(5), 5), (Some(10), 3)] {
        let paginator = Paginator::<GetMetricData>::new(request());
        let paginator = match size {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let items: Vec<MetricDataItem> = paginator.items().try_collect().await.unwrap();
        let (mut parts, mut messages) = (Vec::new(), 0);
        for item in items {
            match item {
                MetricDataItem::Data(result) => parts.push(result),
                MetricDataItem::Message(_) => messages += 1,
            }
        }
        assert_eq!(messages, 1, "page size {size:?}");
        assert!(
            parts.len() >= 3 && (size.is_none() || parts.len() > 3),
            "{size:?}: {}",
            parts.len()
        );
        let merged = merge_metric_data(parts);
        assert_eq!(merged.len(), 3, "one result per id, page size {size:?}");
        for (result, (id, values)) in merged.iter().zip(&whole) {
            assert_eq!(result.id(), Some(id.as_str()));
            assert_eq!(result.status_code(), Some(&StatusCode::Complete), "{id}");
            let times: Vec<i64> = result.timestamps().iter().map(DateTime::secs).collect();
            let expected: Vec<i64> = values.iter().map(|(time, _)| *time).collect();
            assert_eq!(times, expected, "{id}, page size {size:?}");
            let got: Vec<f64> = result.values().to_vec();
            assert_eq!(
                got,
                values.iter().map(|(_, value)| *value).collect::<Vec<_>>()
            );
        }
        let sent = std::mem::take(&mut *sizes.lock().unwrap());
        assert_eq!(sent.len(), pages, "page size {size:?}");
        assert!(
            sent.iter()
                .all(|sent| *sent == size.map(|size| size as i32))
        );
    }
    assert!(resume_at_every_offset::<GetMetricData>(request()).await > 6);
}

#[tokio::test]
async fn merge_metric_data_keeps_results_without_an_id_and_the_first_order() {
    let part = |id: Option<&str>, values: &[f64], status| {
        MetricDataResult::builder()
            .set_id(id.map(str::to_owned))
            .set_values(Some(values.to_vec()))
            .status_code(status)
            .build()
    };
    let merged = merge_metric_data([
        part(Some("b"), &[1.0], StatusCode::PartialData),
        part(None, &[9.0], StatusCode::Complete),
        part(Some("a"), &[2.0], StatusCode::Complete),
        part(Some("b"), &[3.0, 4.0], StatusCode::Complete),
    ]);
    let summary: Vec<(Option<&str>, &[f64], Option<&StatusCode>)> = merged
        .iter()
        .map(|result| (result.id(), result.values(), result.status_code()))
        .collect();
    assert_eq!(
        summary,
        [
            (Some("b"), &[1.0, 3.0, 4.0][..], Some(&StatusCode::Complete)),
            (None, &[9.0][..], Some(&StatusCode::Complete)),
            (Some("a"), &[2.0][..], Some(&StatusCode::Complete)),
        ]
    );
}

#[tokio::test]
async fn list_metrics_yields_each_metric_before_its_owning_account() {
    let metrics: Vec<(Metric, String)> = (0..23)
        .map(|i| {
            let metric = Metric::builder()
                .namespace("AWS/Lambda")
                .metric_name(format!("Invocations-{i:02}"))
                .build();
            (
                metric,
                format!("{:012}", 500_000_000_000u64 + (i % 4) as u64),
            )
        })
        .collect();
    let model = Arc::new(TokenModel::new(
        "metrics",
        metrics.clone(),
        10,
        10,
        LastPage::NoToken,
    ));
    let serving = Arc::clone(&model);
    let rule = mock!(aws_sdk_cloudwatch::Client::list_metrics).then_compute_output(move |input| {
        let linked = input.include_linked_accounts() == Some(true);
        let page = serving.page(input.next_token(), None);
        let (metrics, accounts): (Vec<Metric>, Vec<String>) = page.items.into_iter().unzip();
        ListMetricsOutput::builder()
            .set_metrics(Some(metrics))
            .set_owning_accounts(linked.then_some(accounts))
            .set_next_token(page.next)
            .build()
    });
    let client = mock_client!(aws_sdk_cloudwatch, RuleMode::MatchAny, [&rule]);
    let linked: Vec<ListMetricsItem> =
        Paginator::<ListMetrics>::new(client.list_metrics().include_linked_accounts(true))
            .items()
            .try_collect()
            .await
            .unwrap();
    let expected: Vec<ListMetricsItem> = metrics
        .iter()
        .flat_map(|(metric, account)| {
            [
                ListMetricsItem::Metric(metric.clone()),
                ListMetricsItem::OwningAccount(account.clone()),
            ]
        })
        .collect();
    assert_eq!(linked, expected);
    assert_eq!(model.take_seen().len(), 3);
    let alone: Vec<ListMetricsItem> = Paginator::<ListMetrics>::new(client.list_metrics())
        .items()
        .try_collect()
        .await
        .unwrap();
    let expected: Vec<ListMetricsItem> = metrics
        .iter()
        .map(|(metric, _)| ListMetricsItem::Metric(metric.clone()))
        .collect();
    assert_eq!(alone, expected);
    // A cursor anywhere, between a metric and its account too: the rest, nothing lost or
    // repeated.
    let make =
        || Paginator::<ListMetrics>::new(client.list_metrics().include_linked_accounts(true));
    assert_eq!(resume_at_every_offset_unsized(make).await, linked.len());
}

/// A part that failed keeps its status: a later `Complete` part does not make the merged values
/// whole.
#[tokio::test]
async fn merge_metric_data_keeps_a_failed_parts_status() {
    let part = |values: &[f64], status| {
        MetricDataResult::builder()
            .id("cpu")
            .set_values(Some(values.to_vec()))
            .status_code(status)
            .build()
    };
    let merged = merge_metric_data([
        part(&[1.0], StatusCode::InternalError),
        part(&[2.0], StatusCode::Complete),
    ]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].values(), &[1.0, 2.0]);
    assert_eq!(merged[0].status_code(), Some(&StatusCode::InternalError));
    let forbidden = merge_metric_data([
        part(&[], StatusCode::PartialData),
        part(&[], StatusCode::Forbidden),
        part(&[3.0], StatusCode::Complete),
    ]);
    assert_eq!(forbidden[0].status_code(), Some(&StatusCode::Forbidden));
}

/// merge_metric_data edge cases that held: nothing in, nothing out; ids on non-adjacent pages;
/// a label change takes the last label; a part without a status keeps the earlier one.
#[tokio::test]
async fn merge_metric_data_edges() {
    assert!(merge_metric_data(Vec::new()).is_empty());
    let part = |id: &str, label: Option<&str>, values: &[f64], status: Option<StatusCode>| {
        MetricDataResult::builder()
            .id(id)
            .set_label(label.map(str::to_owned))
            .set_values(Some(values.to_vec()))
            .set_status_code(status)
            .build()
    };
    let merged = merge_metric_data([
        part("a", Some("A1"), &[1.0], Some(StatusCode::PartialData)),
        part("b", None, &[5.0], Some(StatusCode::Complete)),
        part("a", Some("A2"), &[2.0], None),
        part("a", None, &[3.0], Some(StatusCode::Complete)),
    ]);
    assert_eq!(merged.len(), 2);
    assert_eq!(merged[0].values(), &[1.0, 2.0, 3.0]);
    assert_eq!(merged[0].label(), Some("A2"));
    assert_eq!(merged[0].status_code(), Some(&StatusCode::Complete));
    assert_eq!(merged[1].id(), Some("b"));
}

/// ListMetrics whose `owning_accounts` is shorter or longer than `metrics` (the reference says
/// 1:1; a service bug or a non-monitoring account): every item still comes once, and a cursor at
/// every offset resumes to exactly the rest.
#[tokio::test]
async fn list_metrics_with_mismatched_owning_accounts_resumes_at_every_offset() {
    let metric = |i: usize| Metric::builder().metric_name(format!("m{i}")).build();
    // page 1: 3 metrics, 1 account; page 2: 1 metric, 3 accounts; page 3: 2 metrics, 0 accounts.
    let pages: Vec<(Vec<Metric>, Vec<String>)> = vec![
        ((0..3).map(metric).collect(), vec!["acct-0".into()]),
        (
            vec![metric(3)],
            (1..4).map(|i| format!("acct-{i}")).collect(),
        ),
        ((4..6).map(metric).collect(), vec![]),
    ];
    let serving = pages.clone();
    let rule = mock!(aws_sdk_cloudwatch::Client::list_metrics).then_compute_output(move |input| {
        let index: usize = input.next_token().map_or(0, |t| t.parse().unwrap());
        let (metrics, accounts) = serving[index].clone();
        ListMetricsOutput::builder()
            .set_metrics(Some(metrics))
            .set_owning_accounts(Some(accounts))
            .set_next_token((index + 1 < serving.len()).then(|| (index + 1).to_string()))
            .build()
    });
    let client = mock_client!(aws_sdk_cloudwatch, RuleMode::MatchAny, [&rule]);
    let request = || client.list_metrics().include_linked_accounts(true);
    let full: Vec<ListMetricsItem> = Paginator::<ListMetrics>::new(request())
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(full.len(), 6 + 4);
    let make = || Paginator::<ListMetrics>::new(request());
    assert_eq!(resume_at_every_offset_unsized(make).await, full.len());
}
