//! The whole macro as a `proc_macro2` function: parse -> validate -> generate.

use proc_macro2::TokenStream;

use crate::errors::Errors;
use crate::{attr, fallback, generate, valid};

/// Expands `#[paginate(args)] item`. Never panics: every mistake becomes a `compile_error!` on the
/// user's tokens, and the item itself is always emitted so that other code keeps compiling.
pub fn paginate(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let args = attr::parse(args, &mut errors);
    let mut parsed_item = match syn::parse2::<syn::Item>(item.clone()) {
        Ok(parsed) => parsed,
        Err(error) => {
            errors.push(error);
            return emit(item, None, errors);
        }
    };
    let fallback = fallback::fallback(&args, &parsed_item);
    let generated = valid::validate(args, &parsed_item, &mut errors)
        .map(|declaration| generate::generate(&declaration))
        // With mistakes, impls that keep the call sites compiling: one error per mistake.
        .or(fallback);
    // The item is emitted as written, unless its fields carry `#[paginate(...)]`, which only
    // this macro reads.
    if valid::strip_field_attributes(&mut parsed_item) {
        emit(quote::quote!(#parsed_item), generated, errors)
    } else {
        emit(item, generated, errors)
    }
}

fn emit(item: TokenStream, generated: Option<TokenStream>, errors: Errors) -> TokenStream {
    let errors = errors.into_compile_errors();
    quote::quote! {
        #item
        #generated
        #errors
    }
}
