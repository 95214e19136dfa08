//! The `#[paginate]` attribute of [`pagination-core`](https://docs.rs/pagination-core).
//!
//! Depend on `pagination-core`, which re-exports the attribute and holds its documentation. This
//! crate is an implementation detail, versioned in lockstep.
//!
//! ```
//! use futures::TryStreamExt;
//! use pagination_core::{IntoPaginator, PageRequest, paginate};
//!
//! struct Page {
//!     names: Vec<String>,
//!     next: Option<usize>,
//! }
//!
//! /// Seven names, three a page; the token is the index of the next page's first name.
//! #[paginate(input_token = start, output_token = next, items = names: String)]
//! #[derive(Clone, Debug, Default)]
//! struct ListNames {
//!     start: Option<usize>,
//! }
//!
//! impl PageRequest for ListNames {
//!     type Output = Page;
//!     type Error = std::convert::Infallible;
//!
//!     async fn send(self) -> Result<Page, Self::Error> {
//!         let start = self.start.unwrap_or(0);
//!         let end = (start + 3).min(7);
//!         Ok(Page {
//!             names: (start..end).map(|n| format!("name-{n}")).collect(),
//!             next: (end < 7).then_some(end),
//!         })
//!     }
//! }
//!
//! let names: Vec<String> =
//!     futures::executor::block_on(ListNames::default().into_paginator().items().try_collect())
//!         .unwrap();
//! assert_eq!(names.len(), 7);
//! ```

mod attr;
mod errors;
mod expand;
mod fallback;
mod generate;
mod naming;
mod path;
mod recover;
mod valid;

#[cfg(test)]
mod tests;

/// Declares a paginator on a request builder you own or on an AWS SDK operation: its placements,
/// keys and examples are in the [`pagination-core` crate's documentation, "Declaring a
/// paginator"](https://docs.rs/pagination-core/latest/pagination_core/#declaring-a-paginator).
#[proc_macro_attribute]
pub fn paginate(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    expand::paginate(args.into(), item.into()).into()
}
