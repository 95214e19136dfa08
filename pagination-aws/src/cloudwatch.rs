//! Item streams for `aws-sdk-cloudwatch`: alarms, metric data and metrics.
//!
//! The SDK pages DescribeAlarms, GetMetricData and ListMetrics but gives their pages no
//! `items()`, and each of them puts its items in more than one list: these declarations yield
//! them as one stream of an item enum, in the order of the page. All three page alike:
//! `next_token` from the output's `next_token`, ending when it is absent or empty.
//!
//! The SDK's inherent `into_paginator()` wins method resolution on these builders and gives the
//! SDK's paginator, so build these with [`Paginator::new`](crate::Paginator::new), the one call
//! for every operation of this crate:
//!
//! ```no_run
//! use aws_sdk_cloudwatch::types::{AlarmType, StateValue};
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_aws::cloudwatch::{Alarm, DescribeAlarms};
//!
//! # async fn example(client: aws_sdk_cloudwatch::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let request = client
//!     .describe_alarms()
//!     .state_value(StateValue::Alarm)
//!     .alarm_types(AlarmType::MetricAlarm)
//!     .alarm_types(AlarmType::CompositeAlarm);
//! let firing: Vec<String> = Paginator::<DescribeAlarms>::new(request)
//!     .items()
//!     .map_ok(|alarm| match alarm {
//!         Alarm::Metric(alarm) => alarm.alarm_name.unwrap_or_default(),
//!         Alarm::Composite(alarm) => alarm.alarm_name.unwrap_or_default(),
//!         Alarm::Log(alarm) => alarm.alarm_name.unwrap_or_default(),
//!     })
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```

use std::collections::HashMap;

use aws_sdk_cloudwatch::operation::list_metrics::ListMetricsOutput;
use aws_sdk_cloudwatch::types::{
    CompositeAlarm, LogAlarm, MessageData, Metric, MetricAlarm, MetricDataResult, StatusCode,
};
use pagination_core::{ItemOrder, paginate};

/// `DescribeAlarms`: the alarms that match the request, as items of the enum [`Alarm`]: each
/// page's metric alarms, then its composite alarms, then its log alarms.
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_records` (at most 100: a larger page size is clamped to it), which
/// counts the alarms of every type together.
///
/// Without `alarm_types`, the service returns metric alarms only: ask for
/// `AlarmType::CompositeAlarm` (and `AlarmType::LogAlarm`) to get the others.
///
/// Source: the [CloudWatch API reference](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html):
/// `AlarmTypes` "If you omit this parameter, only metric alarms are returned"; `MaxRecords`
/// "The maximum number of alarm descriptions to retrieve", 1 to 100.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::cloudwatch::DescribeAlarms;
///
/// # async fn example(client: aws_sdk_cloudwatch::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.describe_alarms().alarm_name_prefix("prod-");
/// let alarms: Vec<_> = Paginator::<DescribeAlarms>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_cloudwatch::operation::describe_alarms,
    input_token = next_token,
    output_token = next_token,
    page_size = max_records,
    max_page_size = 100,
    items = (
        metric_alarms: MetricAlarm as Metric,
        composite_alarms: CompositeAlarm as Composite,
        log_alarms: LogAlarm as Log,
    ),
    item_enum = Alarm,
)]
#[derive(Debug, Clone, Copy)]
pub struct DescribeAlarms;

/// `GetMetricData`: the values of metric queries, as items of the enum [`MetricDataItem`]: each
/// page's results (one per query `Id`), then its messages.
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_datapoints`, a number of data points a page holds (not of results; the
/// service's default is 100,800).
///
/// **One query's values span pages.** A page holds at most `max_datapoints` values over all
/// queries, so the values of one query come as several results with the same `id`, one a page,
/// each with the next part of its `timestamps` and `values`; the last one's `status_code` is
/// the query's (`PartialData` on the others). [`merge_metric_data`] joins them into one result
/// per `id`. Source: the [CloudWatch API reference](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html):
/// `MaxDatapoints` "The maximum number of data points the request should return before paginating";
/// `StatusCode` "PartialData means that an incomplete set of data points were returned. You can
/// use the NextToken value that was returned and repeat your request to get more data points".
///
/// ```no_run
/// use aws_sdk_cloudwatch::primitives::DateTime;
/// use aws_sdk_cloudwatch::types::{Metric, MetricDataQuery, MetricStat};
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::cloudwatch::{GetMetricData, MetricDataItem, merge_metric_data};
///
/// # async fn example(client: aws_sdk_cloudwatch::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let cpu = MetricStat::builder()
///     .metric(Metric::builder().namespace("AWS/EC2").metric_name("CPUUtilization").build())
///     .period(60)
///     .stat("Average")
///     .build();
/// let request = client
///     .get_metric_data()
///     .metric_data_queries(MetricDataQuery::builder().id("cpu").metric_stat(cpu).build())
///     .start_time(DateTime::from_secs(1_767_225_600))
///     .end_time(DateTime::from_secs(1_767_830_400));
/// let items: Vec<MetricDataItem> = Paginator::<GetMetricData>::new(request).items().try_collect().await?;
/// let results = merge_metric_data(items.into_iter().filter_map(|item| match item {
///     MetricDataItem::Data(result) => Some(result),
///     MetricDataItem::Message(_) => None,
/// }));
/// assert!(results.len() <= 1, "one result per query id");
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_cloudwatch::operation::get_metric_data,
    input_token = next_token,
    output_token = next_token,
    page_size = max_datapoints,
    items = (
        metric_data_results: MetricDataResult as Data,
        messages: MessageData as Message,
    ),
    item_enum = MetricDataItem,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetMetricData;

/// Joins the results of [`GetMetricData`] that share a query `id` (one a page, when a query's
/// values span pages) into one result per `id`, in the order the ids first came: `timestamps`
/// and `values` concatenated in the order of the pages, `messages` too, and the last `label`
/// given. The `status_code` is the whole query's: `PartialData` gives way to a later part's
/// (`Complete` once its last part came), but a part that failed (`InternalError`, `Forbidden`,
/// or a status this SDK does not know) keeps its status, so that the merged result never claims
/// values a failed part lacks. Results without an `id` are kept as they are.
pub fn merge_metric_data(
    results: impl IntoIterator<Item = MetricDataResult>,
) -> Vec<MetricDataResult> {
    let mut merged: Vec<MetricDataResult> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for part in results {
        let Some(id) = part.id.clone() else {
            merged.push(part);
            continue;
        };
        let Some(&index) = by_id.get(&id) else {
            by_id.insert(id, merged.len());
            merged.push(part);
            continue;
        };
        let whole = &mut merged[index];
        extend(&mut whole.timestamps, part.timestamps);
        extend(&mut whole.values, part.values);
        extend(&mut whole.messages, part.messages);
        if !failed(whole.status_code.as_ref()) && part.status_code.is_some() {
            whole.status_code = part.status_code;
        }
        if part.label.is_some() {
            whole.label = part.label;
        }
    }
    merged
}

/// A part whose values are not whole for a reason a later part does not mend.
fn failed(status: Option<&StatusCode>) -> bool {
    !matches!(
        status,
        None | Some(StatusCode::Complete | StatusCode::PartialData)
    )
}

fn extend<T>(whole: &mut Option<Vec<T>>, part: Option<Vec<T>>) {
    if let Some(part) = part {
        whole.get_or_insert_with(Vec::new).extend(part);
    }
}

/// `ListMetrics`: the metrics that match the request, as items of the enum [`ListMetricsItem`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// There is no page size: the service returns up to 500 metrics a page.
///
/// With `include_linked_accounts(true)` in a monitoring account, a page's `owning_accounts`
/// holds the account of each of its metrics, in the same order: the items then come as each
/// metric followed by its owning account (`Metric`, `OwningAccount`, `Metric`, ...), so a
/// metric's account is the item after it. Without it, every item is a `Metric`.
///
/// Source: the [CloudWatch API reference](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListMetrics.html):
/// "Up to 500 results are returned for any one call"; `OwningAccounts` "This field is a 1:1
/// mapping between each metric that is returned and the ID of the owning account."
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::cloudwatch::{ListMetrics, ListMetricsItem};
///
/// # async fn example(client: aws_sdk_cloudwatch::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_metrics().namespace("AWS/Lambda");
/// let names: Vec<String> = Paginator::<ListMetrics>::new(request)
///     .items()
///     .try_filter_map(|item| async move {
///         Ok(match item {
///             ListMetricsItem::Metric(metric) => metric.metric_name,
///             ListMetricsItem::OwningAccount(_) => None,
///         })
///     })
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_cloudwatch::operation::list_metrics,
    input_token = next_token,
    output_token = next_token,
    items = (metrics: Metric as Metric, owning_accounts: String as OwningAccount),
    item_order = metric_then_account,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListMetrics;

/// Each metric, then the account at the same position of `owning_accounts`.
fn metric_then_account(output: &ListMetricsOutput) -> ItemOrder {
    ItemOrder::merge_by_key([0..output.metrics().len(), 0..output.owning_accounts().len()])
}
