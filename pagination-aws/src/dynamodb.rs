//! Paginators for `aws-sdk-dynamodb` operations that lack one.
//!
//! The SDK paginates Query and Scan; ListBackups, ListTagsOfResource and PartiQL's
//! ExecuteStatement are paged by hand. ListBackups names its token after the last backup
//! (`last_evaluated_backup_arn` into `exclusive_start_backup_arn`); the other two use `next_token`.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::IntoPaginator;
//!
//! # async fn example(client: aws_sdk_dynamodb::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let backups: Vec<_> = client.list_backups().table_name("orders").into_paginator().items().try_collect().await?;
//! # Ok(())
//! # }
//! ```

use std::collections::HashMap;

use aws_sdk_dynamodb::types::{AttributeValue, BackupSummary, Tag};
use pagination_core::paginate;

/// `ListBackups`: the account's backups (of one table, a time range and a backup type, if set),
/// as items of type [`BackupSummary`].
///
/// Paging rule: `exclusive_start_backup_arn` from the output's `last_evaluated_backup_arn`; ends
/// when it is absent or empty. `page_size` sets `limit` (at most 100).
///
/// Source: the [DynamoDB API reference](https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListBackups.html):
/// "LastEvaluatedBackupArn is the Amazon Resource Name (ARN) of the backup last evaluated when
/// the current page of results was returned, inclusive of the current page of results. This
/// value may be specified as the ExclusiveStartBackupArn of a new ListBackups operation in order
/// to fetch the next page of results."
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_dynamodb::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let backups: Vec<_> = client.list_backups().table_name("orders").into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_dynamodb::operation::list_backups,
    input_token = exclusive_start_backup_arn,
    output_token = last_evaluated_backup_arn,
    page_size = limit,
    items = backup_summaries: BackupSummary,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListBackups;

/// `ListTagsOfResource`: the tags of a table, index or stream, as items of type [`Tag`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// The operation takes no page size.
///
/// Source: the [DynamoDB API reference](https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTagsOfResource.html):
/// `NextToken` "An optional string that, if supplied, must be copied from the output of a
/// previous call to ListTagOfResource. When provided in this manner, this API fetches the next
/// page of results"; in the output, "If this value is returned, there are additional results to
/// be displayed".
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_dynamodb::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_tags_of_resource().resource_arn("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
/// let tags: Vec<_> = request.into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_dynamodb::operation::list_tags_of_resource,
    input_token = next_token,
    output_token = next_token,
    items = tags: Tag,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListTagsOfResource;

/// `ExecuteStatement`: the items a PartiQL statement reads, as items of type
/// `HashMap<String, AttributeValue>`.
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `limit`, the number of items DynamoDB evaluates, not returns: with a filter,
/// a page may hold fewer items than the limit, or none, and still carry a token; the listing
/// goes on through such pages. The statement and its parameters are sent with every page, as the
/// service expects.
///
/// Source: the [DynamoDB API reference](https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html):
/// `NextToken` "Set this value to get remaining results, if NextToken was returned in the
/// statement response"; `Limit` "The maximum number of items to evaluate (not necessarily the
/// number of matching items). If DynamoDB processes the number of items up to the limit while
/// processing the results, it stops the operation and returns the matching values up to that
/// point, along with a key in LastEvaluatedKey". (`last_evaluated_key` comes with a `next_token`
/// and is not a token of this operation.)
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_dynamodb::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.execute_statement().statement(r#"SELECT * FROM "orders" WHERE status = 'open'"#);
/// let rows: Vec<_> = request.into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_dynamodb::operation::execute_statement,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = items: HashMap<String, AttributeValue>,
)]
#[derive(Debug, Clone, Copy)]
pub struct ExecuteStatement;
