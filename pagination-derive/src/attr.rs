//! Parses `#[paginate(key = value, ...)]` into [`Args`], keeping every value's tokens (and so its
//! span). A mistake in one entry is recorded and parsing goes on with the next entry.

use proc_macro2::TokenStream;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Ident, Token, parenthesized};

use crate::errors::Errors;
use crate::path::{FieldPath, TokenExpr};
use crate::recover::{skip_past_comma, skip_rest};

/// The accepted keys, in the order the documentation presents them.
pub(crate) const KEYS: &[&str] = &[
    "operation",
    "input_token",
    "output_token",
    "items",
    "more_results",
    "page_size",
    "max_page_size",
    "duplicate_token",
    "item_enum",
    "next_request",
    "item_order",
    "first_page_only",
];

/// Names from botocore's and the AWS SDK's paginator models, and what they are called here.
const RENAMED_KEYS: &[(&str, &str)] = &[
    ("result_key", "items"),
    ("item", "items"),
    ("limit_key", "page_size"),
    ("limit", "page_size"),
    ("max_results", "page_size"),
    ("input_tokens", "input_token"),
    ("output_tokens", "output_token"),
    ("more_results_key", "more_results"),
    ("is_truncated", "more_results"),
    ("next_page", "next_request"),
    ("next_tokens", "next_request"),
    ("order", "item_order"),
    ("sort_items", "item_order"),
];

/// An input token: a request field, or a field inside one (`params.starting_after`).
#[derive(Clone)]
pub(crate) struct InputToken {
    pub(crate) path: Vec<Ident>,
}

impl InputToken {
    /// The request's own field that holds the token.
    pub(crate) fn first(&self) -> &Ident {
        &self.path[0]
    }

    pub(crate) fn span(&self) -> proc_macro2::Span {
        let first = self.path[0].span();
        let last = self.path[self.path.len() - 1].span();
        first.join(last).unwrap_or(first)
    }

    pub(crate) fn text(&self) -> String {
        self.path
            .iter()
            .map(Ident::to_string)
            .collect::<Vec<_>>()
            .join(".")
    }
}

impl syn::parse::Parse for InputToken {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut path: Vec<Ident> = vec![input.parse()?];
        while input.peek(Token![.]) {
            input.parse::<Token![.]>()?;
            path.push(input.parse()?);
        }
        Ok(InputToken { path })
    }
}

impl quote::ToTokens for InputToken {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        for (index, step) in self.path.iter().enumerate() {
            if index > 0 {
                <Token![.]>::default().to_tokens(tokens);
            }
            step.to_tokens(tokens);
        }
    }
}

/// A value and the key it was given under.
pub(crate) struct Keyed<T> {
    pub(crate) key: Ident,
    pub(crate) value: T,
}

/// One value, or a parenthesised list of values.
pub(crate) struct List<T> {
    pub(crate) paren: Option<syn::token::Paren>,
    pub(crate) values: Vec<T>,
}

/// One item field: `versions: ObjectVersion`, optionally naming its enum variant:
/// `versions: ObjectVersion as Version`.
pub(crate) struct ItemArg {
    pub(crate) path: FieldPath,
    pub(crate) ty: syn::Type,
    pub(crate) variant: Option<Ident>,
}

#[derive(Default)]
pub(crate) struct Args {
    pub(crate) operation: Option<Keyed<syn::Path>>,
    pub(crate) input_token: Option<Keyed<List<InputToken>>>,
    pub(crate) output_token: Option<Keyed<List<TokenExpr>>>,
    pub(crate) items: Option<Keyed<List<ItemArg>>>,
    pub(crate) more_results: Option<Keyed<FieldPath>>,
    pub(crate) page_size: Option<Keyed<Ident>>,
    /// The largest page size the service honours: a `u32` constant expression.
    pub(crate) max_page_size: Option<Keyed<syn::Expr>>,
    /// What a repeated token means for this API: `stop` or `error`.
    pub(crate) duplicate_token: Option<Keyed<Ident>>,
    pub(crate) item_enum: Option<Keyed<Ident>>,
    /// A function `fn(Request, &Output) -> Request` that finishes the next request.
    pub(crate) next_request: Option<Keyed<syn::Path>>,
    /// A function `fn(&Output) -> ItemOrder` that orders a page's items across fields.
    pub(crate) item_order: Option<Keyed<syn::Path>>,
    /// Request fields sent on the first request only, cleared on every request that continues
    /// from a token.
    pub(crate) first_page_only: Option<Keyed<List<Ident>>>,
    /// Keys whose value could not be parsed (already reported).
    pub(crate) broken_keys: Vec<String>,
    /// Whether some entries were skipped after a mistake (already reported): one of them may be
    /// a required key.
    pub(crate) skipped_entries: bool,
}

impl Args {
    /// Whether `key` was given, even if its value was broken.
    pub(crate) fn mentions(&self, key: &str) -> bool {
        self.broken_keys.iter().any(|broken| broken == key)
    }
}

pub(crate) fn parse(tokens: TokenStream, errors: &mut Errors) -> Args {
    let parser = |input: ParseStream| {
        let mut args = Args::default();
        while !input.is_empty() {
            if let Err(error) = parse_entry(input, &mut args) {
                errors.push(error);
                skip_past_comma(input);
                continue;
            }
            if input.is_empty() {
                break;
            }
            if let Err(error) = input.parse::<Token![,]>() {
                errors.push(syn::Error::new(
                    error.span(),
                    "expected `,` between entries of #[paginate(...)]",
                ));
                args.skipped_entries = true;
                skip_past_comma(input);
            }
        }
        Ok(args)
    };
    match parser.parse2(tokens) {
        Ok(args) => args,
        Err(error) => {
            errors.push(error);
            Args::default()
        }
    }
}

fn parse_entry(input: ParseStream, args: &mut Args) -> syn::Result<()> {
    let key: Ident = input.call(syn::ext::IdentExt::parse_any).map_err(|error| {
        args.skipped_entries = true;
        syn::Error::new(error.span(), "expected `key = value`")
    })?;
    let name = key.to_string();
    if !KEYS.contains(&name.as_str()) {
        args.skipped_entries = true;
        return Err(syn::Error::new(key.span(), unknown_key_message(&name)));
    }
    let result = parse_value(input, key, args);
    if result.is_err() {
        args.broken_keys.push(name);
    }
    result
}

fn parse_value(input: ParseStream, key: Ident, args: &mut Args) -> syn::Result<()> {
    input
        .parse::<Token![=]>()
        .map_err(|error| syn::Error::new(error.span(), format!("expected `=` after `{key}`")))?;
    match key.to_string().as_str() {
        "operation" => store(
            &mut args.operation,
            key,
            input.call(syn::Path::parse_mod_style)?,
        ),
        "input_token" => store(
            &mut args.input_token,
            key,
            parse_list(input, |input| input.parse())?,
        ),
        "output_token" => store(
            &mut args.output_token,
            key,
            parse_list(input, |input| input.parse())?,
        ),
        "items" => store(&mut args.items, key, parse_list(input, parse_item)?),
        "more_results" => store(&mut args.more_results, key, input.parse()?),
        "page_size" => store(&mut args.page_size, key, input.parse()?),
        "max_page_size" => store(&mut args.max_page_size, key, input.parse()?),
        "duplicate_token" => store(
            &mut args.duplicate_token,
            key,
            parse_duplicate_token(input)?,
        ),
        "item_enum" => store(&mut args.item_enum, key, input.parse()?),
        "next_request" => store(&mut args.next_request, key, parse_function(input)?),
        "item_order" => store(&mut args.item_order, key, parse_function(input)?),
        "first_page_only" => store(
            &mut args.first_page_only,
            key,
            parse_list(input, |input| input.parse())?,
        ),
        _ => Ok(()),
    }
}

/// `stop` or `error`: what the service sending back the token it was just sent means.
fn parse_duplicate_token(input: ParseStream) -> syn::Result<Ident> {
    if let Ok(text) = input.fork().parse::<syn::LitStr>() {
        input.parse::<syn::LitStr>()?;
        return Err(syn::Error::new(
            text.span(),
            format!(
                "write the policy without quotes: `duplicate_token = {}`",
                text.value()
            ),
        ));
    }
    let policy: Ident = input.call(syn::ext::IdentExt::parse_any)?;
    match policy.to_string().as_str() {
        "stop" | "error" => Ok(policy),
        other => Err(syn::Error::new(
            policy.span(),
            format!(
                "`duplicate_token = {other}` is not a policy: `stop` where the API ends its \
                 listings by sending back the token it was just sent, or `error` (the default)"
            ),
        )),
    }
}

fn store<T>(slot: &mut Option<Keyed<T>>, key: Ident, value: T) -> syn::Result<()> {
    if slot.is_some() {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key}` is given twice; give it once"),
        ));
    }
    *slot = Some(Keyed { key, value });
    Ok(())
}

fn parse_list<T>(
    input: ParseStream,
    parse_one: fn(ParseStream) -> syn::Result<T>,
) -> syn::Result<List<T>> {
    if !input.peek(syn::token::Paren) {
        return Ok(List {
            paren: None,
            values: vec![parse_one(input)?],
        });
    }
    let content;
    let paren = parenthesized!(content in input);
    let values = Punctuated::<T, Token![,]>::parse_terminated_with(&content, parse_one)
        .inspect_err(|_| skip_rest(&content))?;
    if values.is_empty() {
        return Err(syn::Error::new(paren.span.join(), "the list is empty"));
    }
    Ok(List {
        paren: Some(paren),
        values: values.into_iter().collect(),
    })
}

/// A function named by its path (`s3::next_marker`, `Self::next_offset`); a closure or another
/// expression is refused with the form that works.
fn parse_function(input: ParseStream) -> syn::Result<syn::Path> {
    let fork = input.fork();
    match fork.parse::<syn::ExprPath>() {
        Ok(path) if path.qself.is_none() && (fork.is_empty() || fork.peek(Token![,])) => {
            input.parse::<syn::ExprPath>().map(|path| path.path)
        }
        _ => {
            let expr: syn::Expr = input.parse()?;
            Err(syn::Error::new_spanned(
                expr,
                "expected the path of a function, like `next_page` or `paging::next_page`; \
                 define a closure as a `fn` item and name it here",
            ))
        }
    }
}

fn parse_item(input: ParseStream) -> syn::Result<ItemArg> {
    let path: FieldPath = input.parse()?;
    if !input.peek(Token![:]) {
        return Err(syn::Error::new(
            path.span(),
            format!(
                "write the item type after the field: `{}: ItemType` (Rust cannot name a field's type from its name)",
                path.leaf().name
            ),
        ));
    }
    input.parse::<Token![:]>()?;
    let ty = input.parse()?;
    let variant = if input.peek(Token![as]) {
        input.parse::<Token![as]>()?;
        Some(input.parse()?)
    } else {
        None
    };
    Ok(ItemArg { path, ty, variant })
}

fn unknown_key_message(name: &str) -> String {
    let accepted = KEYS
        .iter()
        .map(|key| format!("`{key}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let suggestion = RENAMED_KEYS
        .iter()
        .find(|(old, _)| *old == name)
        .map(|(_, new)| *new)
        .or_else(|| {
            KEYS.iter()
                .copied()
                .filter(|key| strsim::levenshtein(key, name) <= 2)
                .min_by_key(|key| strsim::levenshtein(key, name))
        });
    let renamed = RENAMED_KEYS.iter().find(|(old, _)| *old == name);
    match (renamed, suggestion) {
        (Some((_, new)), _) => format!(
            "unknown key `{name}`: the AWS paginator models' `{name}` is `{new}` here. \
             Expected one of: {accepted}"
        ),
        (None, Some(key)) => {
            format!("unknown key `{name}`; did you mean `{key}`? Expected one of: {accepted}")
        }
        (None, None) => format!("unknown key `{name}`; expected one of: {accepted}"),
    }
}
