//! The item streams of `pagination_aws::athena`, against aws-smithy-mocks models that compute
//! every page from the request: GetQueryResults' rows nested in `ResultSet.Rows`, the column
//! header as the first row of a `SELECT`'s first page only, `MaxResults` from 1 to 1,000; the
//! two `List*` operations' ids, `MaxResults` up to 50.

use std::sync::Arc;

use aws_sdk_athena::operation::get_query_results::GetQueryResultsOutput;
use aws_sdk_athena::types::{ColumnInfo, Datum, ResultSet, ResultSetMetadata, Row};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::Paginator;
use pagination_aws::athena::{GetQueryResults, ListNamedQueries, ListQueryExecutions};

use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::resume_at_every_offset;
use crate::token_listing::{assert_page_size_clamped, token_listing_test};
use aws_sdk_athena::operation::get_query_results::GetQueryResultsError;
use aws_sdk_athena::types::error::InvalidRequestException;
use std::sync::Mutex;

fn row(values: &[&str]) -> Row {
    Row::builder()
        .set_data(Some(
            values
                .iter()
                .map(|value| Datum::builder().var_char_value(*value).build())
                .collect(),
        ))
        .build()
}

/// A `SELECT`'s result: the header row, then the data rows.
fn result_rows(data: usize) -> Vec<Row> {
    let mut rows = vec![row(&["day", "requests"])];
    rows.extend((0..data).map(|i| {
        row(&[
            &format!("2026-11-{:02}", 1 + i % 30),
            &(100 * i).to_string(),
        ])
    }));
    rows
}

#[tokio::test]
async fn get_query_results_yields_the_nested_rows_header_first() {
    let model = Arc::new(TokenModel::new(
        "rows",
        result_rows(41),
        1000,
        1000,
        LastPage::NoToken,
    ));
    let serving = Arc::clone(&model);
    let rule = mock!(aws_sdk_athena::Client::get_query_results).then_compute_output(move |input| {
        assert_eq!(input.query_execution_id(), Some("q-1"));
        let page = serving.page(input.next_token(), input.max_results());
        let metadata = ResultSetMetadata::builder()
            .column_info(
                ColumnInfo::builder()
                    .name("day")
                    .r#type("varchar")
                    .build()
                    .unwrap(),
            )
            .column_info(
                ColumnInfo::builder()
                    .name("requests")
                    .r#type("bigint")
                    .build()
                    .unwrap(),
            )
            .build();
        GetQueryResultsOutput::builder()
            .result_set(
                ResultSet::builder()
                    .set_rows(Some(page.items))
                    .result_set_metadata(metadata)
                    .build(),
            )
            .set_next_token(page.next)
            .build()
    });
    let client = mock_client!(aws_sdk_athena, RuleMode::MatchAny, [&rule]);
    let request = || client.get_query_results().query_execution_id("q-1");
    assert_eq!(
        crate::marker_model::assert_token_listing::<GetQueryResults>(request(), &model).await,
        3 * 42
    );
    // The header, taken first on a listing from the start: then the data rows, in order.
    let mut rows = Paginator::<GetQueryResults>::new(request())
        .page_size(10)
        .items();
    let header = rows.try_next().await.unwrap().unwrap();
    assert_eq!(header.data()[0].var_char_value(), Some("day"));
    let data: Vec<Row> = rows.try_collect().await.unwrap();
    assert_eq!(data, model.items()[1..]);
    assert_eq!(data[0].data()[0].var_char_value(), Some("2026-11-01"));
    model.take_seen();
    assert_page_size_clamped::<GetQueryResults>(request(), &model, 5000, 1000).await;
    assert_eq!(
        resume_at_every_offset::<GetQueryResults>(request()).await,
        42
    );
}

#[tokio::test]
async fn get_query_results_of_a_statement_without_rows() {
    // CREATE TABLE AS: no rows at all (no result set), the count in `update_count`.
    let rule = mock!(aws_sdk_athena::Client::get_query_results)
        .then_output(|| GetQueryResultsOutput::builder().update_count(1234).build());
    let client = mock_client!(aws_sdk_athena, RuleMode::MatchAny, [&rule]);
    let paginator =
        Paginator::<GetQueryResults>::new(client.get_query_results().query_execution_id("q-2"));
    let pages: Vec<GetQueryResultsOutput> = paginator.send().try_collect().await.unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].update_count(), Some(1234));
    let rows: Vec<Row> =
        Paginator::<GetQueryResults>::new(client.get_query_results().query_execution_id("q-2"))
            .items()
            .try_collect()
            .await
            .unwrap();
    assert!(rows.is_empty());
}

token_listing_test!(
    list_named_queries,
    aws_sdk_athena,
    list_named_queries,
    ListNamedQueries,
    aws_sdk_athena::operation::list_named_queries::ListNamedQueriesOutput,
    set_named_query_ids,
    |input| input.max_results(),
    |client| client.list_named_queries().work_group("primary"),
    Arc::new(TokenModel::new(
        "named",
        (0..61).map(|i| format!("nq-{i:04}")).collect(),
        50,
        50,
        LastPage::NoToken,
    )),
);

token_listing_test!(
    list_query_executions,
    aws_sdk_athena,
    list_query_executions,
    ListQueryExecutions,
    aws_sdk_athena::operation::list_query_executions::ListQueryExecutionsOutput,
    set_query_execution_ids,
    |input| input.max_results(),
    |client| client.list_query_executions().work_group("primary"),
    Arc::new(TokenModel::new(
        "executions",
        (0..77).map(|i| format!("qe-{i:04}")).collect(),
        50,
        50,
        LastPage::EmptyToken,
    )),
);

/// The documented way to take a `SELECT`'s header, `try_next()`, keeps the first request's error
/// (a query still running is refused with `InvalidRequestException`), where `.skip(1)` would
/// drop it and list nothing.
#[tokio::test]
async fn get_query_results_header_taken_with_try_next_keeps_the_first_requests_error() {
    let rule = mock!(aws_sdk_athena::Client::get_query_results).then_error(|| {
        GetQueryResultsError::InvalidRequestException(
            InvalidRequestException::builder()
                .message("running")
                .build(),
        )
    });
    let client = mock_client!(aws_sdk_athena, RuleMode::MatchAny, [&rule]);
    let mut items =
        Paginator::<GetQueryResults>::new(client.get_query_results().query_execution_id("running"))
            .items();
    let header = items.try_next().await;
    assert!(header.is_err());
}

/// A page without `ResultSet` yields no rows, and its token still leads on.
#[tokio::test]
async fn get_query_results_goes_on_past_a_page_without_a_result_set() {
    let calls = Arc::new(Mutex::new(0));
    let counter = Arc::clone(&calls);
    let rule = mock!(aws_sdk_athena::Client::get_query_results).then_compute_output(move |input| {
        let mut calls = counter.lock().unwrap();
        *calls += 1;
        match input.next_token() {
            None => GetQueryResultsOutput::builder()
                .update_count(3)
                .next_token("t1")
                .build(),
            Some("t1") => GetQueryResultsOutput::builder()
                .result_set(
                    ResultSet::builder()
                        .rows(
                            Row::builder()
                                .data(Datum::builder().var_char_value("x").build())
                                .build(),
                        )
                        .build(),
                )
                .build(),
            other => panic!("{other:?}"),
        }
    });
    let client = mock_client!(aws_sdk_athena, RuleMode::MatchAny, [&rule]);
    let rows: Vec<Row> =
        Paginator::<GetQueryResults>::new(client.get_query_results().query_execution_id("q"))
            .items()
            .try_collect()
            .await
            .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(*calls.lock().unwrap(), 2);
}
