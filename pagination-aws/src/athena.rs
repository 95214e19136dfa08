//! Item streams for `aws-sdk-athena`: query results, named queries and query executions.
//!
//! The SDK pages these operations but gives their pages no `items()`; GetQueryResults' rows are
//! nested in the page's `result_set`. These declarations add item streams (and cursors, limits
//! and guards). All three page alike: `next_token` from the output's `next_token`, ending when
//! it is absent or empty.
//!
//! The SDK's inherent `into_paginator()` wins method resolution on these builders and gives the
//! SDK's paginator, so build these with [`Paginator::new`](crate::Paginator::new), the one call
//! for every operation of this crate.

use aws_sdk_athena::types::Row;
use pagination_core::paginate;

/// `GetQueryResults`: the rows of a finished query's results, as items of type [`Row`] (from
/// `result_set.rows` of each page).
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 1,000: a larger page size is clamped to it).
///
/// **The first row of a `SELECT` is its header.** For a `SELECT` (statement type `DML` in
/// GetQueryExecution), the first row of the first page holds the column names, not data; every
/// later row, on every page, is data. DDL and utility statements (`SHOW`, `DESCRIBE`,
/// `CREATE TABLE`) have no header row, and statements that write (`INSERT INTO`,
/// `CREATE TABLE AS`) have no rows at all: their count is the page's `update_count`. So a
/// listing of a `SELECT` from the start yields the header as its first item: take it there with
/// `try_next()` before collecting the rest (not `.skip(1)`, which would skip the first request's
/// error too, so that a query still running, which the service refuses with
/// `InvalidRequestException`, would list as empty), and take the column names from
/// `result_set.result_set_metadata` of [`send`]'s pages, which every page carries. A listing
/// resumed from a cursor taken after the first item does not yield the header again (the
/// cursor counts it, as `max_items` does), so take it only on a listing that starts at the
/// beginning.
///
/// Whether a query was a `SELECT`, its execution says:
///
/// ```no_run
/// use aws_sdk_athena::types::StatementType;
///
/// # async fn example(client: aws_sdk_athena::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let execution = client.get_query_execution().query_execution_id("a1b2c3d4").send().await?;
/// let has_header = execution
///     .query_execution()
///     .and_then(|execution| execution.statement_type())
///     == Some(&StatementType::Dml);
/// # Ok(())
/// # }
/// ```
///
/// Source: the [API reference](https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html):
/// `MaxResults` "The maximum number of results (rows) to return in this request", 1 to 1,000;
/// `UpdateCount` "The number of rows inserted with a CREATE TABLE AS SELECT, INSERT INTO, or
/// UPDATE statement". The API reference does not describe the header row; the AWS CLI's example
/// of `get-query-results` shows it as `Rows[0]`, and Athena drivers (Uber's athenadriver among
/// them) skip it on the first page of a `SELECT` only.
///
/// [`send`]: crate::Paginator::send
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::athena::GetQueryResults;
///
/// # async fn example(client: aws_sdk_athena::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_query_results().query_execution_id("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");
/// let mut rows = Paginator::<GetQueryResults>::new(request).page_size(1000).items();
/// let _header = rows.try_next().await?; // the header row of a SELECT (or its error)
/// let data: Vec<Vec<Option<String>>> = rows
///     .map_ok(|row| row.data().iter().map(|datum| datum.var_char_value().map(str::to_owned)).collect())
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_athena::operation::get_query_results,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 1000,
    items = result_set?.rows: Row,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetQueryResults;

/// `ListNamedQueries`: the ids of the saved queries of a workgroup, as items of type `String`.
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 50: a larger page size is clamped to it). Source: the
/// [Athena API reference](https://docs.aws.amazon.com/athena/latest/APIReference/API_ListNamedQueries.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::athena::ListNamedQueries;
///
/// # async fn example(client: aws_sdk_athena::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_named_queries().work_group("primary");
/// let ids: Vec<String> = Paginator::<ListNamedQueries>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_athena::operation::list_named_queries,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 50,
    items = named_query_ids: String,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListNamedQueries;

/// `ListQueryExecutions`: the ids of the query executions of a workgroup (the last 45 days'), as
/// items of type `String`.
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results` (at most 50: a larger page size is clamped to it). Source: the
/// [Athena API reference](https://docs.aws.amazon.com/athena/latest/APIReference/API_ListQueryExecutions.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::Paginator;
/// use pagination_aws::athena::ListQueryExecutions;
///
/// # async fn example(client: aws_sdk_athena::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_query_executions().work_group("primary");
/// let ids: Vec<String> = Paginator::<ListQueryExecutions>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_athena::operation::list_query_executions,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 50,
    items = query_execution_ids: String,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListQueryExecutions;
