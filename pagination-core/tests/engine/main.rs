//! The engine against in-memory APIs that page by different rules: the behaviour a user gets
//! from `#[paginate]` on a builder they own.

mod basics;
mod cursors;
mod error_display;
mod fingerprint;
mod first_page_only;
mod guard_cursors;
mod guards;
mod hooks;
#[path = "../support/leb128.rs"]
mod leb128;
mod model;
mod partition;
mod prefetch;
mod send_with;
mod tokens;
mod traces_without_tokens;

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
