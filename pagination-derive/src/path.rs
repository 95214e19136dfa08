//! Field paths inside the attribute: `next_key_marker`, `object_parts?.parts`,
//! `contents?.last()?.key`, and token expressions with fallbacks (`next_marker || ...`).
//!
//! A path reads like the Rust expression it stands for: `.field` walks into a field, `.method()`
//! calls a method without arguments, and `?` after a step says that step is an `Option` to look
//! inside (the walk yields nothing when it is `None`).

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::parse::{Parse, ParseStream};
use syn::{Ident, Token, parenthesized};

/// One step of a path.
#[derive(Clone)]
pub(crate) struct Step {
    pub(crate) name: Ident,
    /// `name()` rather than `name`.
    pub(crate) call: Option<syn::token::Paren>,
    /// Followed by `?`.
    pub(crate) question: Option<Token![?]>,
}

impl Step {
    pub(crate) fn is_call(&self) -> bool {
        self.call.is_some()
    }
}

/// A path from the output (or request) to a field.
#[derive(Clone)]
pub(crate) struct FieldPath {
    pub(crate) steps: Vec<Step>,
}

impl FieldPath {
    /// The last step: the field the path names.
    pub(crate) fn leaf(&self) -> &Step {
        // `parse` guarantees at least one step.
        &self.steps[self.steps.len() - 1]
    }

    /// A plain field name, without `?` or calls.
    pub(crate) fn as_plain_field(&self) -> Option<&Ident> {
        match self.steps.as_slice() {
            [step] if step.call.is_none() && step.question.is_none() => Some(&step.name),
            _ => None,
        }
    }

    pub(crate) fn span(&self) -> Span {
        let first = self.steps[0].name.span();
        let last = self.leaf();
        let end = match (&last.question, &last.call) {
            (Some(question), _) => question.span,
            (None, Some(paren)) => paren.span.close(),
            (None, None) => last.name.span(),
        };
        first.join(end).unwrap_or(first)
    }

    /// The expression reaching the leaf from `root`, as a place: `root.a.as_ref()?.b`. Only valid
    /// inside a closure that returns `Option`. `mutable` walks with `as_mut` instead.
    pub(crate) fn place(&self, root: &Ident, mutable: bool) -> TokenStream {
        let mut place = root.to_token_stream();
        for step in &self.steps {
            let name = &step.name;
            place = match step.call {
                Some(_) => quote!(#place.#name()),
                None => quote!(#place.#name),
            };
            if let Some(question) = step.question {
                place = match (step.is_call(), mutable) {
                    (true, _) => quote!(#place #question),
                    (false, false) => quote!(#place.as_ref() #question),
                    (false, true) => quote!(#place.as_mut() #question),
                };
            }
        }
        place
    }
}

impl Parse for FieldPath {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut steps = vec![parse_step(input)?];
        loop {
            if input.peek(Token![?]) {
                let question: Token![?] = input.parse()?;
                let last = steps.len() - 1;
                if steps[last].question.is_some() {
                    return Err(syn::Error::new(question.span, "`?` is already there"));
                }
                steps[last].question = Some(question);
            } else if input.peek(Token![.]) {
                input.parse::<Token![.]>()?;
                steps.push(parse_step(input)?);
            } else {
                return Ok(FieldPath { steps });
            }
        }
    }
}

fn parse_step(input: ParseStream) -> syn::Result<Step> {
    let name: Ident = input
        .parse()
        .map_err(|error| syn::Error::new(error.span(), "expected a field name"))?;
    let call = if input.peek(syn::token::Paren) {
        let arguments;
        let paren = parenthesized!(arguments in input);
        if !arguments.is_empty() {
            let error = syn::Error::new(arguments.span(), "methods in a path take no arguments");
            crate::recover::skip_rest(&arguments);
            return Err(error);
        }
        Some(paren)
    } else {
        None
    };
    Ok(Step {
        name,
        call,
        question: None,
    })
}

/// An output token: one path, or paths separated by `||`, the first present one wins.
#[derive(Clone)]
pub(crate) struct TokenExpr {
    pub(crate) alternatives: Vec<FieldPath>,
}

impl TokenExpr {
    pub(crate) fn span(&self) -> Span {
        let first = self.alternatives[0].span();
        let last = self.alternatives[self.alternatives.len() - 1].span();
        first.join(last).unwrap_or(first)
    }
}

impl Parse for TokenExpr {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut alternatives = vec![input.parse()?];
        while input.peek(Token![||]) {
            input.parse::<Token![||]>()?;
            alternatives.push(input.parse()?);
        }
        Ok(TokenExpr { alternatives })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(path: &str, mutable: bool) -> String {
        let path: FieldPath = syn::parse_str(path).unwrap();
        let root = Ident::new("output", Span::call_site());
        path.place(&root, mutable).to_string()
    }

    #[test]
    fn places_follow_the_path() {
        assert_eq!(place("next", false), "output . next");
        assert_eq!(
            place("object_parts?.parts", true),
            "output . object_parts . as_mut () ? . parts"
        );
        assert_eq!(
            place("contents?.last()?.key", false),
            "output . contents . as_ref () ? . last () ? . key"
        );
    }

    #[test]
    fn malformed_paths_are_refused() {
        for bad in ["", "a.", "a??", "a.b(c)", "1", ".a", "a?.?"] {
            assert!(syn::parse_str::<FieldPath>(bad).is_err(), "{bad:?}");
        }
        let fallback: TokenExpr = syn::parse_str("next_marker || contents?.last()?.key").unwrap();
        assert_eq!(fallback.alternatives.len(), 2);
    }
}
