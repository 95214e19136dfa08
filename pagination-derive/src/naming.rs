//! Names derived from the user's, in one place for validation, generation and the fallback: the
//! AWS SDK for Rust's (an operation's types from its module path, a field's setter and getter),
//! and identifiers made from names.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote_spanned};
use syn::Ident;

/// `<root>::operation::<module>`, with `<Name>` the operation's name in UpperCamelCase; or
/// `<root>::operation::<module>::<Name>`, naming the operation's struct where the SDK spells its
/// builder and error otherwise (`ListVPCAssociationAuthorizations`), its input and output still
/// after the module (`ListVpcAssociationAuthorizationsOutput`).
pub(crate) struct SdkOperation {
    pub(crate) root: syn::Path,
    pub(crate) module: Ident,
    /// The prefix of the builder and error types.
    pub(crate) name: Ident,
    /// The prefix of the output type.
    pub(crate) output_name: Ident,
}

impl SdkOperation {
    /// The operation a path names, or the error to report on it.
    pub(crate) fn from_path(path: &syn::Path) -> Result<SdkOperation, syn::Error> {
        let segments: Vec<_> = path.segments.iter().collect();
        let position = segments
            .iter()
            .position(|segment| segment.ident == "operation");
        let has_arguments = segments.iter().any(|segment| !segment.arguments.is_none());
        match position {
            Some(index)
                if index >= 1
                    && (index + 2 == segments.len() || index + 3 == segments.len())
                    && !has_arguments =>
            {
                let module = segments[index + 1].ident.clone();
                let mut root = path.clone();
                root.segments = path.segments.iter().take(index).cloned().collect();
                let Some(output_name) =
                    derived_ident(&upper_camel(&module.to_string()), module.span())
                else {
                    return Err(syn::Error::new(
                        module.span(),
                        format!(
                            "`{module}` is not the module of an SDK operation: its type names cannot be derived from it"
                        ),
                    ));
                };
                let name = match segments.get(index + 2) {
                    Some(segment) => segment.ident.clone(),
                    None => output_name.clone(),
                };
                Ok(SdkOperation {
                    root,
                    module,
                    name,
                    output_name,
                })
            }
            _ => Err(syn::Error::new_spanned(
                path,
                "expected the path of an SDK operation's module, like \
                 `aws_sdk_s3::operation::list_object_versions` (or of its struct, \
                 `aws_sdk_route53::operation::list_hosted_zones_by_vpc::ListHostedZonesByVPC`, \
                 where the SDK's type names differ from the module's)",
            )),
        }
    }

    /// `<root>::operation::<module>`, where the operation's types are.
    fn module_path(&self) -> TokenStream {
        let SdkOperation { root, module, .. } = self;
        quote_spanned!(module.span()=> #root::operation::#module)
    }

    /// `<root>::operation::<module>::builders::<Name>FluentBuilder`: the request.
    pub(crate) fn builder(&self) -> TokenStream {
        let module = self.module_path();
        let builder = format_ident!("{}FluentBuilder", self.name, span = self.name.span());
        quote_spanned!(self.module.span()=> #module::builders::#builder)
    }

    /// `<root>::operation::<module>::<OutputName>Input`: the input, whose getters are named
    /// after its fields (`marker()`), each field's own name.
    pub(crate) fn input(&self) -> TokenStream {
        let module = self.module_path();
        let input = format_ident!("{}Input", self.output_name, span = self.module.span());
        quote_spanned!(self.module.span()=> #module::#input)
    }

    /// `<root>::operation::<module>::<OutputName>Output`.
    pub(crate) fn output(&self) -> TokenStream {
        let module = self.module_path();
        let output = format_ident!("{}Output", self.output_name, span = self.module.span());
        quote_spanned!(self.module.span()=> #module::#output)
    }

    /// `<root>::error::SdkError<<root>::operation::<module>::<Name>Error>`.
    pub(crate) fn error(&self) -> TokenStream {
        let (root, module) = (&self.root, self.module_path());
        let error = format_ident!("{}Error", self.name, span = self.name.span());
        quote_spanned!(self.module.span()=> #root::error::SdkError<#module::#error>)
    }
}

/// A field's setter on an SDK builder, `set_<field>`, at the field's position but in the macro's
/// context: rustc suggests no replacement of the user's name with it.
pub(crate) fn setter(field: &Ident) -> Ident {
    format_ident!(
        "set_{}",
        field,
        span = Span::call_site().located_at(field.span())
    )
}

/// A field's getter on an SDK builder, `get_<field>`, placed as [`setter`] is.
pub(crate) fn getter(field: &Ident) -> Ident {
    format_ident!(
        "get_{}",
        field,
        span = Span::call_site().located_at(field.span())
    )
}

/// `list_objects_v2` -> `ListObjectsV2`, the AWS SDK's naming of an operation.
pub(crate) fn upper_camel(snake: &str) -> String {
    snake
        .trim_start_matches("r#")
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// An identifier made from the user's names, or `None` when the result is not one (empty,
/// starting with a digit, or a keyword such as `Self`).
pub(crate) fn derived_ident(name: &str, span: Span) -> Option<Ident> {
    let mut ident: Ident = syn::parse_str(name).ok()?;
    ident.set_span(span);
    Some(ident)
}
