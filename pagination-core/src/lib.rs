//! Correct, fast async-stream paginators for token-paginated APIs, declared with one attribute.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod cursor;
mod error;
mod fetch;
mod guard;
mod operation;
mod paginator;
#[cfg(feature = "tokio")]
mod prefetch;
mod source;
mod stream;
mod token;

pub use cursor::{Cursor, CursorError, MalformedCursor};
pub use error::Error;
pub use guard::GuardPolicy;
pub use operation::{
    IntoPaginator, ItemField, ItemFields, PageRequest, PageSize, PaginatedOperation, SendFuture,
};
pub use pagination_derive::paginate;
pub use paginator::Paginator;
pub use stream::{ItemStream, PageStream};
pub use token::{TokenDecoder, TokenEncoder, TokenValue, TokenVisitor};

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
