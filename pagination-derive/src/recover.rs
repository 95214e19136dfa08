//! Recovering from a broken entry: skipping the input it left, so that parsing goes on with the
//! next entry and every mistake is reported at once.

use proc_macro2::TokenTree;
use syn::parse::ParseStream;

/// Skips everything left in `input`: a nested stream must be used up, or syn reports its
/// leftovers as an error on the whole attribute.
pub(crate) fn skip_rest(input: ParseStream) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((_, next)) = rest.token_tree() {
            rest = next;
        }
        Ok(((), rest))
    });
}

/// Skips the rest of a broken entry, up to and including the next top-level comma.
pub(crate) fn skip_past_comma(input: ParseStream) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            rest = next;
            if matches!(&tree, TokenTree::Punct(punct) if punct.as_char() == ',') {
                break;
            }
        }
        Ok(((), rest))
    });
}
