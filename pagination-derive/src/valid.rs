//! Checks a parsed declaration against the item it is placed on, and builds the [`Declaration`]
//! that code generation reads. Each check is a named function; every failure is recorded and
//! checking goes on, so the user sees all mistakes at once.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Fields, Ident, Item, ItemStruct};

use crate::attr::{Args, InputToken, ItemArg, Keyed, List};
use crate::errors::Errors;
use crate::naming::{SdkOperation, derived_ident, upper_camel};
use crate::path::{FieldPath, TokenExpr};

pub(crate) struct Declaration {
    /// The annotated struct: the marker type, and for `Target::Owned` the request too.
    pub(crate) marker: Ident,
    pub(crate) vis: syn::Visibility,
    pub(crate) target: Target,
    pub(crate) input_tokens: Vec<InputToken>,
    /// A builder you own: its fields that are parameters of the listing (not `#[paginate(skip)]`),
    /// with their `#[cfg(...)]` attributes.
    pub(crate) parameters: Vec<(Ident, Vec<syn::Attribute>)>,
    pub(crate) output_tokens: Vec<TokenExpr>,
    pub(crate) more_results: Option<FieldPath>,
    pub(crate) page_size: Option<Ident>,
    /// The largest page size the service honours.
    pub(crate) max_page_size: Option<syn::Expr>,
    /// `duplicate_token = stop`: the API ends its listings by repeating the last token.
    pub(crate) duplicate_token_stops: bool,
    pub(crate) items: Items,
    /// The user's function that finishes each next request.
    pub(crate) next_request: Option<syn::Path>,
    /// The user's function that orders each page's items across fields.
    pub(crate) item_order: Option<syn::Path>,
    /// Request fields sent on the first request only.
    pub(crate) first_page_only: Vec<Ident>,
}

pub(crate) enum Target {
    /// An operation of an AWS SDK crate, named by its module path; the request is the SDK's
    /// fluent builder.
    Sdk(SdkOperation),
    /// The annotated struct is the request builder.
    Owned,
}

pub(crate) enum Items {
    One(Box<ItemArg>),
    /// Several item fields, yielded as one enum with a variant per field.
    Several {
        enum_name: Ident,
        fields: Vec<(Ident, ItemArg)>,
    },
}

pub(crate) fn validate(args: Args, item: &Item, errors: &mut Errors) -> Option<Declaration> {
    let item = check_placement(
        item,
        args.operation.is_some() || args.mentions("operation"),
        args.skipped_entries,
        errors,
    );
    let target = match &args.operation {
        Some(operation) => check_operation_path(operation, errors).map(Target::Sdk),
        None => Some(Target::Owned),
    };
    // A key given with a broken value, or an unknown (perhaps misspelt) key, was reported already:
    // do not also call a key missing.
    let report_missing = |key: &str| !args.skipped_entries && !args.mentions(key);
    // With a `next_request` function, the function may compute every token itself.
    let has_next_request = args.next_request.is_some() || args.mentions("next_request");
    let missing = [
        report_missing("input_token"),
        report_missing("output_token") && !has_next_request,
        report_missing("items"),
    ];
    let input_tokens = required(args.input_token, "input_token", missing[0], errors);
    let output_tokens = match args.output_token {
        None if has_next_request => Some(None),
        output => required(output, "output_token", missing[1], errors).map(Some),
    };
    let items = required(args.items, "items", missing[2], errors);

    if let (Some(input), Some(Some(output))) = (&input_tokens, &output_tokens) {
        check_token_arity(input, output, errors);
    }
    if let Some(input) = &input_tokens {
        check_unique_tokens(&input.value.values, errors);
    }
    if let (Some(Target::Owned), Some(item), Some(input)) = (&target, item, &input_tokens) {
        check_owned_fields(item, &input.value.values, args.page_size.as_ref(), errors);
    }
    if let (Some(Target::Sdk(_)), Some(input)) = (&target, &input_tokens) {
        check_sdk_tokens_are_fields(&input.value.values, errors);
    }
    let parameters = match (&target, item) {
        // A field that is itself a token is cleared before hashing: not a parameter.
        (Some(Target::Owned), Some(item)) => check_field_attributes(item, errors)
            .into_iter()
            .filter(|(field, _)| {
                !input_tokens
                    .iter()
                    .flat_map(|input| &input.value.values)
                    .any(|token| token.path.len() == 1 && token.first() == field)
            })
            .collect(),
        (_, Some(item)) => {
            check_field_attributes(item, errors);
            Vec::new()
        }
        _ => Vec::new(),
    };
    for expr in output_tokens
        .iter()
        .flatten()
        .flat_map(|output| &output.value.values)
    {
        for path in &expr.alternatives {
            check_leaf_is_field(path, "a token", errors);
        }
    }
    if let Some(flag) = &args.more_results {
        check_leaf_is_field(&flag.value, "the flag", errors);
    }
    for item in items.iter().flat_map(|items| &items.value.values) {
        check_walks_fields_only(&item.path, errors);
    }
    if let (Some(order), Some(items)) = (&args.item_order, &items) {
        check_item_order_has_fields(order, items, errors);
    }
    if let Some(first_page_only) = &args.first_page_only {
        check_first_page_only(
            &first_page_only.value.values,
            input_tokens
                .as_ref()
                .map(|input| input.value.values.as_slice()),
            args.page_size.as_ref(),
            match (&target, item) {
                (Some(Target::Owned), Some(item)) => Some(item),
                _ => None,
            },
            errors,
        );
    }
    if let Some(max) = &args.max_page_size {
        let has_page_size =
            args.page_size.is_some() || args.broken_keys.iter().any(|broken| broken == "page_size");
        check_max_page_size(max, has_page_size, errors);
    }
    let items = match (items, item) {
        (Some(items), Some(item)) => build_items(&item.ident, items, args.item_enum, errors),
        _ => None,
    };

    if !errors.is_empty() {
        return None;
    }
    let item = item?;
    Some(Declaration {
        marker: item.ident.clone(),
        vis: item.vis.clone(),
        target: target?,
        input_tokens: input_tokens?.value.values,
        parameters,
        output_tokens: output_tokens?.map_or_else(Vec::new, |output| output.value.values),
        more_results: args.more_results.map(|flag| flag.value),
        page_size: args.page_size.map(|size| size.value),
        max_page_size: args.max_page_size.map(|max| max.value),
        duplicate_token_stops: args
            .duplicate_token
            .is_some_and(|policy| policy.value == "stop"),
        items: items?,
        next_request: args.next_request.map(|function| function.value),
        item_order: args.item_order.map(|function| function.value),
        first_page_only: args
            .first_page_only
            .map_or_else(Vec::new, |fields| fields.value.values),
    })
}

/// `max_page_size` bounds the page-size field, so it needs one; a literal must be a page size
/// (a constant expression is checked by the compiler, at least 1, where it is evaluated).
fn check_max_page_size(max: &Keyed<syn::Expr>, has_page_size: bool, errors: &mut Errors) {
    if !has_page_size {
        errors.push_spanned(
            max.key.span(),
            "`max_page_size` bounds the page size, but the declaration names no page-size \
             field: add `page_size = <request field>`",
        );
    }
    if let syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Int(value),
        ..
    }) = &max.value
    {
        if !matches!(value.base10_parse::<u32>(), Ok(1..)) {
            errors.push_spanned(
                value.span(),
                "`max_page_size` is the largest page size the service honours: from 1 to \
                 4294967295 items",
            );
        }
    }
}

fn required<T>(
    value: Option<Keyed<T>>,
    key: &str,
    report_missing: bool,
    errors: &mut Errors,
) -> Option<Keyed<T>> {
    if value.is_none() && report_missing {
        let what = match key {
            "input_token" => "the request field(s) that carry the token",
            "output_token" => {
                "the output field(s) that hold the next token (or `next_request = function` to compute the next request)"
            }
            _ => "the output field(s) that hold the items, with their types",
        };
        errors.push_spanned(Span::call_site(), format!("missing `{key} = ...`: {what}"));
    }
    value
}

fn check_placement<'a>(
    item: &'a Item,
    has_operation: bool,
    skipped_entries: bool,
    errors: &mut Errors,
) -> Option<&'a ItemStruct> {
    const WHERE: &str = "#[paginate] goes on a struct: your request builder (with named fields), \
                         or a unit struct with `operation = <sdk crate>::operation::<op>`";
    let span = match item {
        Item::Struct(item) => {
            check_struct_shape(item, has_operation, skipped_entries, errors);
            return Some(item);
        }
        Item::Enum(item) => item.enum_token.span,
        Item::Fn(item) => item.sig.fn_token.span,
        Item::Trait(item) => item.trait_token.span,
        Item::Impl(item) => item.impl_token.span,
        Item::Type(item) => item.type_token.span,
        Item::Mod(item) => item.mod_token.span,
        Item::Union(item) => item.union_token.span,
        Item::Const(item) => item.const_token.span,
        Item::Static(item) => item.static_token.span,
        Item::Use(item) => item.use_token.span,
        other => other.span(),
    };
    errors.push_spanned(span, WHERE);
    None
}

fn check_struct_shape(
    item: &ItemStruct,
    has_operation: bool,
    skipped_entries: bool,
    errors: &mut Errors,
) {
    if !item.generics.params.is_empty() || item.generics.where_clause.is_some() {
        errors.push(syn::Error::new_spanned(
            &item.generics,
            "#[paginate] does not support generic structs; declare one struct per concrete request",
        ));
    }
    match (&item.fields, has_operation) {
        (Fields::Unit, true) | (Fields::Named(_), false) => {}
        (fields, true) => errors.push(syn::Error::new_spanned(
            fields,
            "a declaration for an SDK operation is a unit struct (`struct ListObjectVersions;`): \
             the SDK's builder holds the request fields",
        )),
        // An unknown key, reported already, may be a misspelt `operation`: say it once.
        (Fields::Unit, false) if skipped_entries => {}
        (Fields::Unit, false) => errors.push_spanned(
            item.ident.span(),
            "name the SDK operation this unit struct stands for with \
             `operation = <sdk crate>::operation::<op>`, or put #[paginate] on your request \
             builder struct",
        ),
        (fields, false) => errors.push(syn::Error::new_spanned(
            fields,
            "a request builder needs named fields, so that tokens can be named",
        )),
    }
}

fn check_operation_path(operation: &Keyed<syn::Path>, errors: &mut Errors) -> Option<SdkOperation> {
    SdkOperation::from_path(&operation.value)
        .map_err(|error| errors.push(error))
        .ok()
}

fn check_token_arity(
    input: &Keyed<List<InputToken>>,
    output: &Keyed<List<TokenExpr>>,
    errors: &mut Errors,
) {
    let (inputs, outputs) = (input.value.values.len(), output.value.values.len());
    if inputs != outputs {
        let span = match &output.value.paren {
            Some(paren) => paren.span.join(),
            None => output.value.values[0].span(),
        };
        errors.push_spanned(
            span,
            format!(
                "`input_token` names {inputs} field{} but `output_token` names {outputs}; \
                 each input token is filled from the output token at the same position",
                if inputs == 1 { "" } else { "s" }
            ),
        );
    }
}

fn check_unique_tokens(tokens: &[InputToken], errors: &mut Errors) {
    for (index, token) in tokens.iter().enumerate() {
        if tokens[..index]
            .iter()
            .any(|earlier| earlier.text() == token.text())
        {
            errors.push_spanned(token.span(), format!("`{}` is named twice", token.text()));
        }
    }
}

fn check_sdk_tokens_are_fields(tokens: &[InputToken], errors: &mut Errors) {
    for token in tokens.iter().filter(|token| token.path.len() > 1) {
        errors.push_spanned(
            token.span(),
            format!(
                "an SDK operation's token is a field of its input, set through the builder: name it \
                 alone (`{}`)",
                token.path[token.path.len() - 1]
            ),
        );
    }
}

/// Reads the fields' `#[paginate(...)]` attributes (only `skip` is accepted) and returns the
/// fields that are parameters of the listing, each with its `#[cfg(...)]` attributes (a field
/// compiled out is no parameter either).
fn check_field_attributes(
    item: &ItemStruct,
    errors: &mut Errors,
) -> Vec<(Ident, Vec<syn::Attribute>)> {
    let Fields::Named(fields) = &item.fields else {
        return Vec::new();
    };
    let mut parameters = Vec::new();
    for field in &fields.named {
        let mut skip = false;
        for attr in field
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("paginate"))
        {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("skip") {
                    skip = true;
                    Ok(())
                } else {
                    Err(meta.error(
                        "unknown field option; expected `skip` (the field is not a parameter of \
                         the listing: cursors do not cover it)",
                    ))
                }
            });
            if let Err(error) = result {
                errors.push(error);
            }
        }
        if let (false, Some(ident)) = (skip, &field.ident) {
            let cfgs = field
                .attrs
                .iter()
                .filter(|attr| attr.path().is_ident("cfg"))
                .cloned()
                .collect();
            parameters.push((ident.clone(), cfgs));
        }
    }
    parameters
}

/// Removes the fields' `#[paginate(...)]` attributes, which are read here and must not reach the
/// compiler; returns whether there were any.
pub(crate) fn strip_field_attributes(item: &mut Item) -> bool {
    let mut stripped = false;
    if let Item::Struct(item) = item {
        for field in item.fields.iter_mut() {
            let before = field.attrs.len();
            field.attrs.retain(|attr| !attr.path().is_ident("paginate"));
            stripped |= field.attrs.len() != before;
        }
    }
    stripped
}

fn check_owned_fields(
    item: &ItemStruct,
    tokens: &[InputToken],
    page_size: Option<&Keyed<Ident>>,
    errors: &mut Errors,
) {
    let Fields::Named(fields) = &item.fields else {
        return;
    };
    let known = || {
        fields
            .named
            .iter()
            .filter_map(|field| field.ident.as_ref().map(|ident| format!("`{ident}`")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let find = |name: &Ident| {
        fields
            .named
            .iter()
            .find(|field| field.ident.as_ref() == Some(name))
    };
    for token in tokens {
        let first = token.first();
        match find(first) {
            None => errors.push_spanned(
                first.span(),
                format!(
                    "`{}` has no field `{first}`{}; its fields are {}",
                    item.ident,
                    did_you_mean(first, fields.named.iter().filter_map(|f| f.ident.as_ref())),
                    known()
                ),
            ),
            // A nested token's type is checked by the compiler, at the path.
            Some(field) if token.path.len() == 1 && !is_option(&field.ty) => errors.push_spanned(
                field.ty.span(),
                format!(
                    "the token field `{first}` must be an `Option<_>`: `None` is the first page"
                ),
            ),
            Some(_) => {}
        }
    }
    if let Some(size) = page_size {
        if find(&size.value).is_none() {
            errors.push_spanned(
                size.value.span(),
                format!(
                    "`{}` has no field `{}`{}; its fields are {}",
                    item.ident,
                    size.value,
                    did_you_mean(
                        &size.value,
                        fields.named.iter().filter_map(|f| f.ident.as_ref())
                    ),
                    known()
                ),
            );
        }
    }
}

/// A first-page-only field is a request field named once, neither a token (tokens are what a
/// later request carries) nor the page size (every page is asked for at the size set).
fn check_first_page_only(
    fields: &[Ident],
    tokens: Option<&[InputToken]>,
    page_size: Option<&Keyed<Ident>>,
    owned: Option<&ItemStruct>,
    errors: &mut Errors,
) {
    for (index, field) in fields.iter().enumerate() {
        if fields[..index].contains(field) {
            errors.push_spanned(field.span(), format!("`{field}` is named twice"));
            continue;
        }
        if tokens
            .into_iter()
            .flatten()
            .any(|token| token.first() == field)
        {
            errors.push_spanned(
                field.span(),
                format!(
                    "`{field}` is an input token: the engine sets it on every page; \
                     `first_page_only` names request parameters to clear once a token is sent"
                ),
            );
            continue;
        }
        if page_size.is_some_and(|size| size.value == *field) {
            errors.push_spanned(
                field.span(),
                format!(
                    "`{field}` is the page size, which every page is asked for with; \
                     `first_page_only` names request parameters to clear once a token is sent"
                ),
            );
            continue;
        }
        let Some(Fields::Named(named)) = owned.map(|item| &item.fields) else {
            continue;
        };
        if named
            .named
            .iter()
            .any(|f| f.ident.as_ref() == Some(field) && is_skipped(f))
        {
            errors.push_spanned(
                field.span(),
                format!(
                    "`{field}` is marked `#[paginate(skip)]`: it is no parameter of the listing (a \
                     client, a pool) and every page needs it; `first_page_only` names request \
                     parameters to clear once a token is sent"
                ),
            );
            continue;
        }
        if !named.named.iter().any(|f| f.ident.as_ref() == Some(field)) {
            let item = owned.map(|item| &item.ident);
            errors.push_spanned(
                field.span(),
                format!(
                    "`{}` has no field `{field}`{}",
                    item.map(ToString::to_string).unwrap_or_default(),
                    did_you_mean(field, named.named.iter().filter_map(|f| f.ident.as_ref())),
                ),
            );
        }
    }
}

/// Whether a field is marked `#[paginate(skip)]`.
fn is_skipped(field: &syn::Field) -> bool {
    field
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("paginate"))
        .any(|attr| {
            let mut skip = false;
            let _ = attr.parse_nested_meta(|meta| {
                skip |= meta.path.is_ident("skip");
                Ok(())
            });
            skip
        })
}

/// `; did you mean `offset`?` for the closest name, if one is close.
fn did_you_mean<'a>(name: &Ident, candidates: impl Iterator<Item = &'a Ident>) -> String {
    let name = name.to_string();
    candidates
        .map(|candidate| {
            (
                strsim::levenshtein(&name, &candidate.to_string()),
                candidate,
            )
        })
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| format!(" (did you mean `{candidate}`?)"))
        .unwrap_or_default()
}

fn is_option(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    path.qself.is_none()
        && path.path.segments.last().is_some_and(|last| {
            last.ident == "Option"
                && matches!(last.arguments, syn::PathArguments::AngleBracketed(_))
        })
}

fn check_item_order_has_fields(
    order: &Keyed<syn::Path>,
    items: &Keyed<List<ItemArg>>,
    errors: &mut Errors,
) {
    if items.value.values.len() < 2 {
        errors.push_spanned(
            order.key.span(),
            "`item_order` orders the items of several item fields; with one item field, items \
             come in the field's own order",
        );
    }
}

fn check_leaf_is_field(path: &FieldPath, what: &str, errors: &mut Errors) {
    let leaf = path.leaf();
    // A method call is the mistake to name first: without it, a `?` after it goes too.
    if leaf.is_call() {
        errors.push_spanned(
            leaf.name.span(),
            format!("a path must end at a field, not a method call: {what} is read in place"),
        );
    } else if let Some(question) = leaf.question {
        errors.push_spanned(
            question.span,
            format!("drop the last `?`: {what} field may itself be an `Option`"),
        );
    }
}

fn check_walks_fields_only(path: &FieldPath, errors: &mut Errors) {
    check_leaf_is_field(path, "the items", errors);
    for step in &path.steps[..path.steps.len() - 1] {
        if step.is_call() {
            errors.push_spanned(
                step.name.span(),
                "an item path walks fields only (items are moved out of the page)",
            );
        }
    }
}

fn build_items(
    marker: &Ident,
    items: Keyed<List<ItemArg>>,
    item_enum: Option<Keyed<Ident>>,
    errors: &mut Errors,
) -> Option<Items> {
    let mut values = items.value.values;
    if values.len() == 1 {
        if let Some(variant) = &values[0].variant {
            errors.push_spanned(
                variant.span(),
                "`as` names the enum variant of an item field; with one item field there is no enum",
            );
        }
        if let Some(item_enum) = item_enum {
            errors.push_spanned(
                item_enum.key.span(),
                "`item_enum` names the enum of several item fields; with one item field, \
                 items have that field's element type",
            );
        }
        return values.pop().map(|item| Items::One(Box::new(item)));
    }
    // `unraw`: a struct named `r#type` makes `typeItem`.
    let enum_name = match item_enum {
        Some(name) => name.value,
        None => match derived_ident(&format!("{}Item", marker.unraw()), marker.span()) {
            Some(name) => name,
            None => {
                errors.push_spanned(
                    marker.span(),
                    "name the enum of the item fields with `item_enum = Name`",
                );
                return None;
            }
        },
    };
    let mut fields: Vec<(Ident, ItemArg)> = Vec::with_capacity(values.len());
    for item in values {
        let leaf = &item.path.leaf().name;
        let variant = match &item.variant {
            Some(variant) => variant.clone(),
            None => match derived_ident(&upper_camel(&leaf.to_string()), leaf.span()) {
                Some(variant) => variant,
                None => {
                    errors.push_spanned(
                        leaf.span(),
                        format!("`{leaf}` makes no variant name; name its variant with `{leaf}: Type as Variant`"),
                    );
                    continue;
                }
            },
        };
        if fields.iter().any(|(existing, _)| *existing == variant) {
            errors.push_spanned(
                variant.span(),
                format!("two item fields make the variant `{variant}`; name one with `as`"),
            );
        }
        fields.push((variant, item));
    }
    Some(Items::Several { enum_name, fields })
}
