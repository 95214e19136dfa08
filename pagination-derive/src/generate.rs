//! Code generation: a [`Declaration`] becomes trait impls that plug the declared fields into
//! `pagination_core`'s engine. Nothing here pages; the generated code only reads and writes
//! fields.
//!
//! Input (an SDK operation):
//!
//! ```text
//! #[paginate(
//!     operation = aws_sdk_s3::operation::list_object_versions,
//!     input_token = (key_marker, version_id_marker),
//!     output_token = (next_key_marker, next_version_id_marker),
//!     more_results = is_truncated,
//!     page_size = max_keys,
//!     items = (versions: ObjectVersion, delete_markers: DeleteMarkerEntry),
//! )]
//! pub struct ListObjectVersions;
//! ```
//!
//! Output: the struct unchanged; an enum `ListObjectVersionsItem` with one variant per item field;
//! and, inside `const _: () = { ... };`, `impl PaginatedOperation for ListObjectVersions` (send
//! with the SDK builder's `send`, move tokens with its `get_`/`set_` methods, checked first
//! against the input's getters of the same fields, read the output's fields), `impl PageSize`
//! (`max_keys`), and `impl IntoPaginator<ListObjectVersions>` for the SDK's fluent builder. The
//! snapshots in `src/tests/` show it in full.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Ident;
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use crate::attr::{InputToken, ItemArg};
use crate::naming::{getter, setter};
use crate::path::{FieldPath, TokenExpr};
use crate::valid::{Declaration, Items, Target};

/// A name the generated code binds: `__`-prefixed as well as mixed-site, because mixed-site
/// hygiene resolves items at the call site, so a user's `const request` would turn a plain
/// `request` parameter into a pattern.
fn local(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

/// Names the generated code binds, so that they never meet the user's names.
struct Locals {
    request: Ident,
    output: Ident,
    visitor: Ident,
    size: Ident,
}

impl Locals {
    fn new() -> Self {
        Locals {
            request: local("__request"),
            output: local("__output"),
            visitor: local("__visitor"),
            size: local("__size"),
        }
    }
}

pub(crate) fn generate(decl: &Declaration) -> TokenStream {
    let locals = Locals::new();
    let Locals {
        request,
        output,
        visitor,
        ..
    } = &locals;
    let marker = &decl.marker;
    let Placement {
        request: request_ty,
        output: output_ty,
        error: error_ty,
        send,
        parameters,
        mutability,
        items,
    } = Placement::of(decl, request);
    let item_ty = match &decl.items {
        Items::One(item) => {
            let ty = &item.ty;
            quote!(#ty)
        }
        Items::Several { enum_name, .. } => quote!(#enum_name),
    };
    let visit_tokens = visit_tokens(decl, &locals);
    // Without output tokens nothing is assigned in place.
    let next_mutability = if decl.output_tokens.is_empty() {
        quote!()
    } else {
        mutability.clone()
    };
    let next_request = next_request(decl, &locals);
    let more_results = decl.more_results.as_ref().map(|flag| {
        let flag = read_flag(flag, output);
        quote! {
            fn more_results(#output: &Self::Output) -> __pagination::Option<__pagination::bool> {
                __pagination::Some(#flag)
            }
        }
    });
    let item_order = decl.item_order.as_ref().map(|function| {
        let order = local("__order");
        // The function's type is checked here, at the user's path: a wrong signature is one
        // error on the name they wrote, showing the signature expected.
        let function = quote_spanned!(function.span()=>
            let #order: fn(&Self::Output) -> __pagination::ItemOrder = #function;
        );
        quote! {
            fn item_order(#output: &Self::Output) -> __pagination::Option<__pagination::ItemOrder> {
                #function
                __pagination::Some(#order(#output))
            }
        }
    });
    let first_page_only = first_page_only(decl, &locals);
    let duplicate_token = decl.duplicate_token_stops.then(|| {
        quote! {
            const DUPLICATE_TOKEN: __pagination::GuardPolicy = __pagination::GuardPolicy::Stop;
        }
    });
    let set_page_size = decl.page_size.as_ref().map(|_| {
        quote! {
            const SET_PAGE_SIZE: __pagination::PageSizeSetter<Self> = __pagination::Some(__pagination::set_page_size::<Self>);
        }
    });
    let parameters_of = parameters_of(decl, &locals);
    let item_fields = item_fields(&decl.items, output);
    let page_size = decl
        .page_size
        .as_ref()
        .map(|field| page_size_impl(decl, field, &locals));
    let item_enum = item_enum(decl);
    // An SDK operation's error type always exists: the method comes from the runtime's macro,
    // in one line. A request of your own spells it out, so that a missing `PageRequest` impl
    // (which its `Self::Error` needs) is reported with the impl's other uses, not once more from
    // inside a macro.
    let describe_error = match decl.target {
        Target::Sdk(_) => quote!(__pagination::describe_error!();),
        Target::Owned => quote! {
            fn describe_error(
                __error: &Self::Error,
                __formatter: &mut __pagination::Formatter<'_>,
            ) -> __pagination::FmtResult {
                (&&&__pagination::ErrorValue(__error)).describe(__formatter)
            }
        },
    };

    quote! {
        #item_enum
        // Paths here may carry the user's spans (so errors land on their tokens) and name items the
        // user also imports, such as `PageRequest`.
        #[allow(unused_qualifications)]
        const _: () = {
            use ::pagination_core::__private as __pagination;
            #[allow(unused_imports)]
            use __pagination::autoref::*;
            #items

            #[automatically_derived]
            impl __pagination::PaginatedOperation for #marker {
                type Request = #request_ty;
                type Output = #output_ty;
                type Error = #error_ty;
                type Item = #item_ty;

                fn send(#request: Self::Request) -> __pagination::SendFuture<Self> {
                    __pagination::Box::pin(#send)
                }

                fn parameters(#request: &Self::Request) -> &dyn __pagination::Debug {
                    #parameters
                }

                fn visit_tokens<V: __pagination::TokenVisitor>(
                    #mutability #request: Self::Request,
                    #visitor: &mut V,
                ) -> __pagination::Result<Self::Request, V::Error> {
                    #visit_tokens
                }

                fn next_request(#next_mutability #request: Self::Request, #output: &Self::Output) -> Self::Request {
                    #next_request
                }

                #more_results

                #item_order

                #first_page_only
                #duplicate_token
                #set_page_size

                #parameters_of

                #describe_error

                fn item_fields(#output: &mut Self::Output) -> impl __pagination::ItemFields<Self::Item> + '_ {
                    #item_fields
                }
            }

            #page_size

            #[automatically_derived]
            impl __pagination::IntoPaginator<#marker> for #request_ty {}
        };
    }
}

/// What differs between the two placements: the operation's types, how a request is sent and
/// described, and whether the request is modified in place (a builder the user owns) or through
/// by-value setters (an SDK fluent builder).
struct Placement {
    request: TokenStream,
    output: TokenStream,
    error: TokenStream,
    send: TokenStream,
    parameters: TokenStream,
    mutability: TokenStream,
    /// Items the impls use: an SDK operation's builder and input, under aliases.
    items: TokenStream,
}

impl Placement {
    fn of(decl: &Declaration, request: &Ident) -> Self {
        match &decl.target {
            // The AWS SDK's module convention: <crate>::operation::<op>::{builders::<Op>FluentBuilder,
            // <Op>Input, <Op>Output, <Op>Error}, and <crate>::error::SdkError.
            Target::Sdk(operation) => {
                // The builder, named twice (the request, and the type that gains
                // `into_paginator`), and the input, where its getters check the fields the
                // declaration names (see `tied`; not declared where no field is named, so that
                // no `dead_code` lint needs allowing in the user's crate), under names of the
                // `__pagination` family.
                let checks = !decl.input_tokens.is_empty()
                    || decl.page_size.is_some()
                    || !decl.first_page_only.is_empty();
                let (input, builder) = (input_alias(), local("__PaginationRequest"));
                let (input_ty, builder_ty) = (operation.input(), operation.builder());
                let input_item = checks.then(|| quote!(type #input = #input_ty;));
                Placement {
                    request: quote!(#builder),
                    output: operation.output(),
                    error: operation.error(),
                    send: quote!(#request.send()),
                    parameters: quote!(#request.as_input()),
                    mutability: quote!(),
                    items: quote!(type #builder = #builder_ty; #input_item),
                }
            }
            // A missing `PageRequest` impl is reported at the attribute, once: every use has
            // the attribute's span and the same obligation (the functions are named as values,
            // not called through the trait, which would add a label to each call's report).
            Target::Owned => {
                let marker = &decl.marker;
                Placement {
                    request: quote!(#marker),
                    output: quote!(<Self as __pagination::PageRequest>::Output),
                    error: quote!(<Self as __pagination::PageRequest>::Error),
                    send: quote!((<Self as __pagination::PageRequest>::send)(#request)),
                    parameters: quote!((<Self as __pagination::PageRequest>::parameters)(#request)),
                    mutability: quote!(mut),
                    items: quote!(),
                }
            }
        }
    }
}

/// The request without its first-page-only fields, each cleared at the user's name: an SDK
/// builder through its `set_` method, a builder you own to the field type's default.
fn first_page_only(decl: &Declaration, locals: &Locals) -> Option<TokenStream> {
    if decl.first_page_only.is_empty() {
        return None;
    }
    let request = &locals.request;
    let (mutability, body) = match decl.target {
        Target::Sdk(_) => {
            let clears = decl.first_page_only.iter().map(|field| {
                let setter = setter(field);
                quote_spanned!(field.span()=> .#setter(__pagination::None))
            });
            let builder = tied(quote!(#request), &decl.first_page_only);
            (quote!(), quote!(#builder #(#clears)*))
        }
        Target::Owned => {
            // The field is bound at its own span, so that a type without a default is
            // reported on the name in the attribute alone.
            let clears = decl.first_page_only.iter().map(|field| {
                let bound = Ident::new("__field", field.span());
                quote_spanned!(field.span()=> {
                    let #bound = &mut #request.#field;
                    __pagination::clear_field(#bound);
                })
            });
            (quote!(mut), quote!(#(#clears)* #request))
        }
    };
    Some(quote! {
        fn clear_first_page_only(#mutability #request: Self::Request) -> Self::Request {
            #body
        }
    })
}

/// What a cursor's fingerprint covers. A builder you own: each field but those marked
/// `#[paginate(skip)]`, by name, the page-size field as the page size. An SDK operation: its
/// input as one parameter, the page size apart (so that it may be set after `resume_from`).
fn parameters_of(decl: &Declaration, locals: &Locals) -> TokenStream {
    let request = &locals.request;
    let parameters = local("__parameters");
    // Hash maps and sets at any depth count by their contents (`debug_hash` orders them).
    let hash = |value: TokenStream| quote!(__pagination::debug_hash(&#value));
    let body = match &decl.target {
        Target::Owned => {
            let adds = decl.parameters.iter().map(|(field, cfgs)| {
                let name = field.unraw().to_string();
                let value = hash(quote!(#request.#field));
                let add = match &decl.page_size {
                    Some(size) if size == field => quote!(add_page_size),
                    _ => quote!(add),
                };
                quote!(#(#cfgs)* #parameters.#add(#name, #value);)
            });
            quote!(#(#adds)*)
        }
        Target::Sdk(_) => match &decl.page_size {
            // The setter is called on the builder tied to the field's getter, as in
            // `set_page_size`: a field the input lacks is one error, on the name written.
            Some(size) => {
                let setter = setter(size);
                let builder = tied(quote!(__pagination::Clone::clone(#request)), [size]);
                quote! {
                    #parameters.add_input(
                        #builder.#setter(__pagination::None).as_input(),
                        #request.as_input(),
                    );
                }
            }
            None => quote!(#parameters.add_debug(__pagination::UNNAMED, #request.as_input());),
        },
    };
    quote! {
        fn parameters_of(#request: &Self::Request, #parameters: &mut __pagination::Parameters) {
            #body
        }
    }
}

fn visit_tokens(decl: &Declaration, locals: &Locals) -> TokenStream {
    let Locals {
        request, visitor, ..
    } = locals;
    let tokens = &decl.input_tokens;
    match decl.target {
        Target::Sdk(_) => {
            let getters = tokens.iter().map(|token| getter(token.first()));
            let setters = tokens.iter().map(|token| setter(token.first()));
            let visits = tokens.iter().zip(getters).map(|(token, getter)| {
                let token = token.first();
                let visit = visit_token(quote!(#request.#getter()), visitor, token.span());
                quote!(let #token = #visit;)
            });
            let bound = tokens.iter().map(InputToken::first);
            let builder = tied(quote!(#request), tokens.iter().map(InputToken::first));
            quote! {
                let #request = #builder;
                #(#visits)*
                __pagination::Ok(#request #(.#setters(#bound))*)
            }
        }
        Target::Owned => {
            let visits = tokens.iter().map(|token| {
                let visit = visit_token(quote!(&#request.#token), visitor, token.span());
                quote!(#request.#token = #visit;)
            });
            quote! {
                #(#visits)*
                __pagination::Ok(#request)
            }
        }
    }
}

/// The name of an SDK operation's input in the generated code. Like `__pagination`, a name
/// of the `__pagination` family, which the user's own items must not take.
fn input_alias() -> Ident {
    local("__PaginationInput")
}

/// The SDK builder `builder`, typed through its input's getters of `fields`
/// (`__PaginationInput::marker`, each field's own name at the user's span), for its `get_`/`set_`
/// methods to be called on: a field the input does not have is then the one error, on the name
/// written, and rustc's suggestion of a similar name is the field to write; the builder's methods
/// are not reported again (see `read_then`).
fn tied<'a>(builder: TokenStream, fields: impl IntoIterator<Item = &'a Ident>) -> TokenStream {
    let fields: Vec<_> = fields.into_iter().collect();
    if fields.is_empty() {
        return builder;
    }
    quote!(__pagination::tie!(#builder; #(#fields),*))
}

/// One input token handed to the visitor, by the way its type travels; `field` is a reference
/// to the field. Spanned at the user's token: a type that cannot travel is reported there.
fn visit_token(field: TokenStream, visitor: &Ident, span: Span) -> TokenStream {
    quote_spanned!(span=> (&&&__pagination::TokenSlot::of(#field)).token_kind().visit(#visitor)?)
}

fn next_request(decl: &Declaration, locals: &Locals) -> TokenStream {
    let Locals {
        request, output, ..
    } = locals;
    // Without output tokens, the `next_request` function sets every token itself.
    let tokens = &decl.input_tokens[..decl.output_tokens.len().min(decl.input_tokens.len())];
    let values = decl
        .output_tokens
        .iter()
        .map(|expr| read_token(expr, output));
    let copied = match decl.target {
        Target::Sdk(_) => {
            let builder = tied(quote!(#request), tokens.iter().map(InputToken::first));
            let setters = tokens.iter().map(|token| setter(token.first()));
            quote!(#builder #(.#setters(#values))*)
        }
        Target::Owned => quote! {
            #(#request.#tokens = #values;)*
            #request
        },
    };
    let Some(function) = &decl.next_request else {
        return copied;
    };
    let next = local("__next");
    // Typed at the user's path: a wrong signature is one error on the name they wrote, showing
    // the signature expected.
    let function = quote_spanned!(function.span()=>
        let #next: fn(Self::Request, &Self::Output) -> Self::Request = #function;
    );
    // As an argument, the copying statements of an owned builder need a block of their own.
    let copied = match decl.target {
        Target::Owned if !tokens.is_empty() => quote!({ #copied }),
        _ => copied,
    };
    quote! {
        #function
        #next(#copied, #output)
    }
}

/// `Some`, spanned at the call site: a path at the user's span would trip `unused_qualifications`
/// in their crate, since `Some` is in their prelude.
fn some() -> TokenStream {
    quote!(__pagination::Some)
}

/// The next token, `Option<T>`: the first alternative that is present and not empty.
fn read_token(expr: &TokenExpr, output: &Ident) -> TokenStream {
    let some = some();
    let mut alternatives = expr.alternatives.iter().map(|path| {
        let span = path.span();
        let slot = match path.as_plain_field() {
            Some(field) => quote_spanned!(span=> __pagination::TokenSlot::of(&#output.#field)),
            None => {
                let place = path.place(output, false);
                quote_spanned!(span=> __pagination::TokenSlot::at(#output, |#output| #some(&#place)))
            }
        };
        quote_spanned!(span=> (&&&#slot).token_kind().read())
    });
    let first = alternatives.next().unwrap_or_default();
    quote!(#first #(.or_else(|| #alternatives))*)
}

fn read_flag(path: &FieldPath, output: &Ident) -> TokenStream {
    let some = some();
    let span = path.span();
    match path.as_plain_field() {
        Some(field) => quote_spanned!(span=> __pagination::flag(&#output.#field)),
        None => {
            let place = path.place(output, false);
            quote_spanned!(span=> __pagination::flag_at(#output, |#output| #some(&#place)))
        }
    }
}

/// `Option<&mut Field>` for one item field.
fn item_field(item: &ItemArg, output: &Ident) -> TokenStream {
    let some = some();
    let span = item.path.span();
    match item.path.as_plain_field() {
        Some(field) => quote_spanned!(span=> #some(&mut #output.#field)),
        None => {
            let place = item.path.place(output, true);
            quote_spanned!(span=> __pagination::field_mut(#output, |#output| #some(&mut #place)))
        }
    }
}

/// An item field as `Option<&mut dyn ItemField<Element = Type>>`, checked to hold the declared
/// type; a mismatch is one error on that type.
fn checked_item_field(item: &ItemArg, output: &Ident) -> TokenStream {
    let field = item_field(item, output);
    let ty = &item.ty;
    quote_spanned!(ty.span()=> __pagination::item_field::<#ty, _>(#field))
}

fn item_fields(items: &Items, output: &Ident) -> TokenStream {
    match items {
        // Checked against the declared type, with the error on that type.
        Items::One(item) => checked_item_field(item, output),
        Items::Several { enum_name, fields } => {
            let pairs = fields.iter().map(|(variant, item)| {
                let field = checked_item_field(item, output);
                quote!((#field, #enum_name::#variant))
            });
            quote!((#(#pairs,)*))
        }
    }
}

fn page_size_impl(decl: &Declaration, field: &Ident, locals: &Locals) -> TokenStream {
    let Locals { request, size, .. } = locals;
    let marker = &decl.marker;
    let (mutability, body) = match decl.target {
        Target::Sdk(_) => {
            let setter = setter(field);
            let builder = tied(quote!(#request), [field]);
            (
                quote!(),
                quote!(#builder.#setter(__pagination::Some(__pagination::page_size(#size)))),
            )
        }
        Target::Owned => (
            quote!(mut),
            quote! {
                __pagination::PageSizeField::set_page_size(&mut #request.#field, #size);
                #request
            },
        ),
    };
    // Checked where the user wrote it: a `u32`, evaluated at compile time, at least 1. The free
    // constant is evaluated by `cargo check` too, whether or not `page_size` is ever called.
    let (max_page_size, check) = decl
        .max_page_size
        .as_ref()
        .map(|max| {
            (
                quote_spanned! {max.span()=>
                    const MAX_PAGE_SIZE: __pagination::Option<__pagination::u32> =
                        __pagination::Some(__pagination::max_page_size(#max));
                },
                quote_spanned! {max.span()=>
                    const _: __pagination::u32 = __pagination::max_page_size(#max);
                },
            )
        })
        .unzip();
    quote! {
        #check

        #[automatically_derived]
        impl __pagination::PageSize for #marker {
            #max_page_size

            fn set_page_size(#mutability #request: Self::Request, #size: __pagination::u32) -> Self::Request {
                #body
            }
        }
    }
}

fn item_enum(decl: &Declaration) -> Option<TokenStream> {
    let Items::Several { enum_name, fields } = &decl.items else {
        return None;
    };
    let vis = &decl.vis;
    let doc = format!(
        "An item of [`{}`]: one variant per item field, in the order of each page.",
        decl.marker
    );
    let variants = fields.iter().map(|(variant, item)| {
        let ty = &item.ty;
        let doc = format!("An element of `{}`.", item.path.leaf().name);
        quote!(#[doc = #doc] #variant(#ty))
    });
    Some(quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
        #vis enum #enum_name {
            #(#variants,)*
        }
    })
}
