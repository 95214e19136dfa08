//! The `#[paginate]` attribute of [`pagination-core`](https://docs.rs/pagination-core).
//!
//! Depend on `pagination-core`, which re-exports the attribute and holds its documentation. This
//! crate is an implementation detail, versioned in lockstep.

mod attr;
mod errors;
mod expand;
mod fallback;
mod generate;
mod path;
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
