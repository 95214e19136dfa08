//! Item streams for `aws-sdk-secretsmanager`.
//!
//! The SDK pages ListSecrets but gives its pages no `items()`. This declaration adds an item
//! stream (and cursors, limits and guards). (Source: the
//! [Secrets Manager API reference](https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html),
//! `MaxResults` and `NextToken`.)
//!
//! The SDK's inherent `into_paginator()` wins method resolution on the builder and gives the
//! SDK's paginator, so build this one with [`Paginator::new`](crate::Paginator::new), the one
//! call for every operation of this crate.

use aws_sdk_secretsmanager::types::SecretListEntry;
use pagination_core::paginate;

/// `ListSecrets`: the secrets of the account and Region (their metadata, never their values), optionally filtered, as items of type [`SecretListEntry`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// A page may hold fewer secrets than asked for, or none, while a token follows ("This can occur
/// even when the response includes no values at all, such as when you ask for a filtered view of
/// a long list"): the listing goes on through such pages. The list is eventually consistent: it
/// "might not reflect changes from the last five minutes".
/// `page_size` sets `max_results` (at most 100: a larger page size is clamped to it).
/// Source: the [Secrets Manager API reference](https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::secretsmanager::ListSecrets;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_secretsmanager::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_secrets().filters(aws_sdk_secretsmanager::types::Filter::builder().key(aws_sdk_secretsmanager::types::FilterNameStringType::Name).values("prod/").build());
/// let items: Vec<_> = Paginator::<ListSecrets>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_secretsmanager::operation::list_secrets,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    max_page_size = 100,
    items = secret_list: SecretListEntry,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListSecrets;
