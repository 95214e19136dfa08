//! What a declaration with mistakes still expands to, next to its errors: the trait impls with
//! bodies that are never run, so that `into_paginator()` and the streams keep resolving at the
//! call sites and the user sees the mistakes in the attribute, not one more error per use.
//!
//! Input: `#[paginate(input_token = aftr, output_token = next, items = values: u32)]` on
//! `struct ListValues { after: Option<String> }` (no field `aftr`).
//!
//! Output: the error on `aftr`, and `impl PaginatedOperation for ListValues` with `Item = u32`
//! whose methods are `unreachable!()`, and `impl IntoPaginator<ListValues> for ListValues`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Fields, Item};

use crate::attr::Args;
use crate::naming::SdkOperation;

/// The fallback impls, when the item is a struct whose request and output types can be named.
pub(crate) fn fallback(args: &Args, item: &Item) -> Option<TokenStream> {
    let (marker, generics, attrs, fields) = match item {
        Item::Struct(item) => (&item.ident, &item.generics, &item.attrs, Some(&item.fields)),
        Item::Enum(item) => (&item.ident, &item.generics, &item.attrs, None),
        _ => return None,
    };
    if !generics.params.is_empty() {
        return None;
    }
    let (request, output, error) = match (&args.operation, fields) {
        (Some(operation), Some(Fields::Unit)) => {
            // The struct-named form too (`...::list_hosted_zones_by_vpc::ListHostedZonesByVPC`).
            let operation = SdkOperation::from_path(&operation.value).ok()?;
            (operation.builder(), operation.output(), operation.error())
        }
        (None, Some(Fields::Named(_))) => (
            quote!(#marker),
            quote!(<Self as __pagination::PageRequest>::Output),
            quote!(<Self as __pagination::PageRequest>::Error),
        ),
        // An enum, a tuple struct, a unit struct without an operation: placed wrong, and
        // reported so. Where it is `Clone` (a request must be), `into_paginator()` still
        // resolves at its call sites, so that the placement is the one error.
        (None, _) if derives_clone(attrs) => (
            quote!(#marker),
            quote!(()),
            quote!(::core::convert::Infallible),
        ),
        _ => return None,
    };
    // One item field whose type is written: the streams keep their item type.
    let item_ty = match args
        .items
        .as_ref()
        .map(|items| items.value.values.as_slice())
    {
        Some([only]) => {
            let ty = &only.ty;
            quote!(#ty)
        }
        _ => quote!(()),
    };
    // Also without a `page_size` key: a misspelt one is an unknown key, reported already.
    let page_size = (args.page_size.is_some() || args.skipped_entries).then(|| {
        quote! {
            #[automatically_derived]
            impl __pagination::PageSize for #marker {
                fn set_page_size(_: Self::Request, _: __pagination::u32) -> Self::Request {
                    ::core::unreachable!()
                }
            }
        }
    });
    Some(quote! {
        #[allow(unused_qualifications, unreachable_code, unused_variables)]
        const _: () = {
            use ::pagination_core::__private as __pagination;

            #[automatically_derived]
            impl __pagination::PaginatedOperation for #marker {
                type Request = #request;
                type Output = #output;
                type Error = #error;
                type Item = #item_ty;

                fn send(_: Self::Request) -> __pagination::SendFuture<Self> {
                    ::core::unreachable!()
                }

                fn parameters(_: &Self::Request) -> &dyn __pagination::Debug {
                    ::core::unreachable!()
                }

                fn visit_tokens<V: __pagination::TokenVisitor>(
                    _: Self::Request,
                    _: &mut V,
                ) -> __pagination::Result<Self::Request, V::Error> {
                    ::core::unreachable!()
                }

                fn next_request(_: Self::Request, _: &Self::Output) -> Self::Request {
                    ::core::unreachable!()
                }

                fn item_fields(_: &mut Self::Output) -> impl __pagination::ItemFields<Self::Item> + '_ {
                    __pagination::None::<&mut ::std::vec::Vec<Self::Item>>
                }
            }

            #page_size

            #[automatically_derived]
            impl __pagination::IntoPaginator<#marker> for #request {}
        };
    })
}

/// Whether the item derives `Clone`.
fn derives_clone(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        let mut clone = false;
        if attr.path().is_ident("derive") {
            let _ = attr.parse_nested_meta(|meta| {
                clone |= meta
                    .path
                    .segments
                    .last()
                    .is_some_and(|last| last.ident == "Clone");
                Ok(())
            });
        }
        clone
    })
}
