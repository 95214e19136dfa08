//! The paging styles of popular HTTP APIs, each declared with `#[paginate]` as a user would,
//! with a real HTTP client (reqwest) against a small server (axum) that each test starts on
//! 127.0.0.1 and stops: a token in the body ending on an empty string (Google), the last item's
//! id with `has_more` (Stripe), a next URL in a `Link` header (GitHub), offset and limit with a
//! total, page numbers, and a cursor nested in a GraphQL response. Every request holds a
//! `reqwest::Client`, left out of cursors with `#[paginate(skip)]`.

mod server;

mod github;
mod google;
mod graphql;
mod offset;
mod page_number;
mod stripe;

use futures::StreamExt;
use pagination_core::{Error, PaginatedOperation, Paginator};

/// Every item of a listing, and the error it ended with.
pub async fn drain<Op: PaginatedOperation>(
    paginator: Paginator<Op>,
) -> (Vec<Op::Item>, Option<Error<Op::Error>>) {
    let mut items = paginator.items();
    let mut out = Vec::new();
    while let Some(next) = items.next().await {
        match next {
            Ok(item) => out.push(item),
            Err(error) => return (out, Some(error)),
        }
    }
    (out, None)
}
