//! The paging styles of popular HTTP APIs, each declared with `#[paginate]` as a user would,
//! with a real HTTP client (reqwest) against a small server (axum) that each test starts on
//! 127.0.0.1 and stops: a token in the body ending on an empty string (Google), the last item's
//! id with `has_more` (Stripe), a next URL in a `Link` header (GitHub), offset and limit with a
//! total, page numbers, a cursor nested in a GraphQL response, a next link in the body (Azure)
//! and a continue token (Kubernetes). Every request holds a `reqwest::Client`, left out of
//! cursors with `#[paginate(skip)]`.
//!
//! The declarations are in `declarations/`, one file per style, and the `paging_styles` docs
//! include the same files: what the docs show is what runs here, against each style's odd cases
//! from public bug reports.

mod server;

mod azure;
mod github;
mod google;
mod graphql;
mod kubernetes;
mod offset;
mod page_number;
mod stripe;

use futures::{Stream, StreamExt};
use pagination_core::Error;

/// Every item of a stream up to its end, and the error it ended with, if any.
pub async fn drain<T, E>(
    stream: impl Stream<Item = Result<T, Error<E>>>,
) -> (Vec<T>, Option<Error<E>>) {
    let mut stream = std::pin::pin!(stream);
    let mut items = Vec::new();
    while let Some(next) = stream.next().await {
        match next {
            Ok(item) => items.push(item),
            Err(error) => {
                assert!(
                    stream.next().await.is_none(),
                    "the stream must end after an error"
                );
                return (items, Some(error));
            }
        }
    }
    (items, None)
}
