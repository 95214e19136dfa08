//! Collects every mistake in a declaration, so that all of them are reported at once, each on
//! the user's own tokens.

use proc_macro2::TokenStream;

#[derive(Default)]
#[must_use = "collected errors must be reported"]
pub(crate) struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(combined) => combined.combine(error),
            None => self.combined = Some(error),
        }
    }

    pub(crate) fn push_spanned(
        &mut self,
        span: proc_macro2::Span,
        message: impl std::fmt::Display,
    ) {
        self.push(syn::Error::new(span, message));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.combined.is_none()
    }

    /// One `compile_error!` per mistake, or nothing.
    pub(crate) fn into_compile_errors(self) -> TokenStream {
        self.combined
            .map(|error| error.to_compile_error())
            .unwrap_or_default()
    }
}
