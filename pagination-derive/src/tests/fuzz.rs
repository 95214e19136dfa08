//! The macro never panics (GitHub issue 6): thousands of generated attribute and item token
//! streams go through [`expand::paginate`] under `catch_unwind`.
//!
//! The inputs are valid declarations (every key, both placements, paths with `?`, `.method()`,
//! `||` and `as`, raw and non-ASCII identifiers, huge lists), mutations of them (tokens deleted,
//! duplicated, swapped, replaced, inserted; ranges wrapped in groups, groups flattened, streams
//! truncated, inside nested groups too), items that are not structs, and plain garbage. For every
//! input the expansion must not panic, must start with the item unchanged, and must either parse
//! as a `syn::File` without a `compile_error!` (an expansion) or hold a `compile_error!`. A valid
//! declaration must expand without error.
//!
//! Case counts suit CI; `PROPTEST_CASES=N` runs N cases of each property (N / 1000 of the costly
//! huge-list one), for example `PROPTEST_CASES=100000 cargo test -p pagination-derive fuzz --
//! --nocapture`.
//!
//! The `bug_*` tests keep the minimal cases of the panics this fuzzing found (all fixed).

use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::expand;
use crate::naming::upper_camel;

// =============================================================================================
// The oracle

/// What an input must expand to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// An expansion: it parses, without `compile_error!`.
    Expansion,
    /// A `compile_error!`.
    Error,
    /// Either.
    Either,
}

/// How the cases of one property went.
#[derive(Default)]
struct Tally {
    expansions: AtomicUsize,
    errors: AtomicUsize,
}

impl Tally {
    const fn new() -> Self {
        Tally {
            expansions: AtomicUsize::new(0),
            errors: AtomicUsize::new(0),
        }
    }
}

/// Expands `#[paginate(args)] item` and checks the result.
fn expand_checked(
    args: &TokenStream,
    item: &TokenStream,
    expect: Expect,
    tally: &Tally,
) -> Result<(), TestCaseError> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        expand::paginate(args.clone(), item.clone())
    }));
    let context = || format!("\n  args: {args}\n  item: {item}");
    let output = match outcome {
        Ok(output) => output,
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(not a string)");
            return Err(TestCaseError::fail(format!(
                "the macro panicked: {message}{}",
                context()
            )));
        }
    };
    let item_len = item.clone().into_iter().count();
    let head: TokenStream = output.clone().into_iter().take(item_len).collect();
    prop_assert_eq!(
        head.to_string(),
        item.to_string(),
        "the item is emitted first, unchanged{}",
        context()
    );
    let has_error = contains_compile_error(&output);
    if !has_error {
        if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
            return Err(TestCaseError::fail(format!(
                "an expansion without compile_error! that is not Rust: {error}{}\n  output: {output}",
                context()
            )));
        }
    }
    match (expect, has_error) {
        (Expect::Expansion, true) => {
            return Err(TestCaseError::fail(format!(
                "a valid declaration expanded to an error{}\n  output: {output}",
                context()
            )));
        }
        (Expect::Error, false) => {
            return Err(TestCaseError::fail(format!(
                "an invalid declaration expanded without error{}\n  output: {output}",
                context()
            )));
        }
        _ => {}
    }
    let counter = if has_error {
        &tally.errors
    } else {
        &tally.expansions
    };
    counter.fetch_add(1, SeqCst);
    Ok(())
}

/// Whether `tokens` invoke `compile_error!`, at any depth.
fn contains_compile_error(tokens: &TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    trees.iter().enumerate().any(|(index, tree)| match tree {
        TokenTree::Ident(ident) => {
            ident == "compile_error"
                && matches!(trees.get(index + 1), Some(TokenTree::Punct(punct)) if punct.as_char() == '!')
        }
        TokenTree::Group(group) => contains_compile_error(&group.stream()),
        _ => false,
    })
}

/// Runs `test` on the cases of `strategy` (`PROPTEST_CASES` of them if set) and prints the tally.
fn run<S>(
    name: &str,
    default_cases: u32,
    strategy: S,
    tally: &Tally,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: fmt::Debug,
{
    run_scaled(name, default_cases, 1, strategy, tally, test);
}

/// [`run`], with `PROPTEST_CASES / divisor` cases (at least the default) of a costly property.
fn run_scaled<S>(
    name: &str,
    default_cases: u32,
    divisor: u32,
    strategy: S,
    tally: &Tally,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: fmt::Debug,
{
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse::<u32>().ok())
        .map_or(default_cases, |cases| (cases / divisor).max(default_cases));
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..Config::default()
    };
    let started = std::time::Instant::now();
    let result = TestRunner::new(config).run(&strategy, test);
    eprintln!(
        "fuzz {name}: {cases} cases in {:.1?}: {} expansions, {} compile errors \
         (counts include shrinking)",
        started.elapsed(),
        tally.expansions.load(SeqCst),
        tally.errors.load(SeqCst),
    );
    if let Err(failure) = result {
        panic!("fuzz {name} failed: {failure}");
    }
}

fn tokens(source: &str) -> TokenStream {
    TokenStream::from_str(source).unwrap_or_else(|error| panic!("{source:?} does not lex: {error}"))
}

// =============================================================================================
// Valid declarations

/// Stems and suffixes of field names: cheap to generate, never a keyword.
const STEMS: &[&str] = &[
    "next",
    "key",
    "token",
    "marker",
    "a",
    "b",
    "x",
    "items",
    "page",
    "contents",
    "parts",
    "data",
    "version",
    "upload",
    "more",
    "continuation",
    "last",
    "is",
    "entries",
    "prefixes",
];
const SUFFIXES: &[&str] = &[
    "",
    "_id",
    "_marker",
    "_token",
    "_v2",
    "_2",
    "_of_parts",
    "_x_y",
];

/// Identifiers that are not plain ASCII snake_case, all of which the macro must take.
const SPECIAL_NAMES: &[&str] = &[
    "r#type", "r#match", "r#loop", "r#ref", "r#fn", "données", "größe", "ĉapelo", "_private",
    "x__y", "a_", "ǅemal",
];

/// A snake_case field name, sometimes raw or not ASCII.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (
            proptest::sample::select(STEMS),
            proptest::sample::select(SUFFIXES),
            0u8..4
        )
            .prop_map(|(stem, suffix, number)| match number {
                0 => format!("{stem}{suffix}"),
                number => format!("{stem}{suffix}{number}"),
            }),
        1 => proptest::sample::select(SPECIAL_NAMES).prop_map(str::to_owned),
    ]
}

const TYPE_STEMS: &[&str] = &["ListThings", "Object", "Entry", "Version", "Page", "A", "Z"];

fn type_name() -> impl Strategy<Value = String> {
    (proptest::sample::select(TYPE_STEMS), 0u8..10).prop_map(|(stem, number)| match number {
        0 => stem.to_owned(),
        number => format!("{stem}{number}"),
    })
}

fn distinct(names: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .filter(|name| seen.insert(name.trim_start_matches("r#").to_owned()))
        .collect()
}

const ITEM_TYPES: &[&str] = &[
    "String",
    "u32",
    "Vec<u8>",
    "Object",
    "aws_sdk_s3::types::ObjectVersion",
    "::core::option::Option<u64>",
    "(u8, String)",
    "[u8; 4]",
    "&'static str",
    "Box<dyn Fn() -> u8 + Send>",
    "std::collections::HashMap<String, Vec<u8>>",
    "<Vec<u8> as IntoIterator>::Item",
    "fn(u8) -> u16",
    "()",
];

const TOKEN_TYPES: &[&str] = &[
    "Option<String>",
    "Option<u64>",
    "::std::option::Option<Vec<String>>",
    "Option<std::collections::BTreeMap<String, i64>>",
    "core::option::Option<i32>",
];

const OTHER_TYPES: &[&str] = &[
    "Client",
    "u8",
    "Vec<String>",
    "std::sync::Arc<str>",
    "Option<u8>",
];

const PAGE_SIZE_TYPES: &[&str] = &["Option<u32>", "u16", "Option<i64>", "usize", "Option<u8>"];

const SDK_ROOTS: &[&str] = &[
    "aws_sdk_s3",
    "::aws_sdk_config",
    "crate::sdk",
    "self::clients::s3",
    "super::aws",
    "aws_sdk_dynamodb",
];

#[derive(Debug, Clone)]
struct Step {
    name: String,
    call: bool,
    question: bool,
}

/// A path: `a?.b().c`.
fn path(max_steps: usize, calls: bool) -> impl Strategy<Value = Vec<Step>> {
    vec((field_name(), any::<bool>(), any::<bool>()), 1..=max_steps).prop_map(move |steps| {
        let last = steps.len() - 1;
        steps
            .into_iter()
            .enumerate()
            .map(|(index, (name, call, question))| Step {
                name,
                // The leaf is a field, read in place, without `?`.
                call: calls && call && index < last,
                question: question && index < last,
            })
            .collect()
    })
}

fn render_path(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|step| {
            format!(
                "{}{}{}",
                step.name,
                if step.call { "()" } else { "" },
                if step.question { "?" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[derive(Debug, Clone)]
struct ItemSpec {
    path: Vec<Step>,
    ty: &'static str,
    variant: Option<String>,
}

#[derive(Debug, Clone)]
struct Decl {
    /// `Some((root, module))`: an SDK operation.
    sdk: Option<(&'static str, String)>,
    name: String,
    vis: &'static str,
    attributes: Vec<&'static str>,
    input_tokens: Vec<(String, &'static str)>,
    output_tokens: Vec<Vec<Vec<Step>>>,
    items: Vec<ItemSpec>,
    more_results: Option<Vec<Step>>,
    page_size: Option<(String, &'static str)>,
    /// Written only with a page size.
    max_page_size: Option<u32>,
    duplicate_token: Option<&'static str>,
    item_enum: Option<String>,
    other_fields: Vec<(String, &'static str)>,
    /// Key order.
    order: Vec<usize>,
    /// A single input token, output token or item written in parentheses.
    parens: bool,
    trailing_comma: bool,
}

impl Decl {
    fn args(&self) -> String {
        let list = |values: Vec<String>| {
            if values.len() == 1 && !self.parens {
                values.into_iter().next().unwrap_or_default()
            } else {
                format!("({})", values.join(", "))
            }
        };
        let mut entries: Vec<Option<String>> = vec![
            self.sdk
                .as_ref()
                .map(|(root, module)| format!("operation = {root}::operation::{module}")),
            Some(format!(
                "input_token = {}",
                list(
                    self.input_tokens
                        .iter()
                        .map(|(name, _)| name.clone())
                        .collect()
                )
            )),
            Some(format!(
                "output_token = {}",
                list(
                    self.output_tokens
                        .iter()
                        .map(|alternatives| {
                            alternatives
                                .iter()
                                .map(|path| render_path(path))
                                .collect::<Vec<_>>()
                                .join(" || ")
                        })
                        .collect()
                )
            )),
            Some(format!(
                "items = {}",
                list(
                    self.items
                        .iter()
                        .map(|item| {
                            let variant = item
                                .variant
                                .as_ref()
                                .map(|variant| format!(" as {variant}"))
                                .unwrap_or_default();
                            format!("{}: {}{variant}", render_path(&item.path), item.ty)
                        })
                        .collect()
                )
            )),
            self.more_results
                .as_ref()
                .map(|flag| format!("more_results = {}", render_path(flag))),
            self.page_size
                .as_ref()
                .map(|(field, _)| format!("page_size = {field}")),
            self.item_enum
                .as_ref()
                .map(|name| format!("item_enum = {name}")),
            self.max_page_size
                .filter(|_| self.page_size.is_some())
                .map(|max| format!("max_page_size = {max}")),
            self.duplicate_token
                .map(|policy| format!("duplicate_token = {policy}")),
        ];
        let mut ordered = Vec::new();
        for &index in &self.order {
            if let Some(entry) = entries[index].take() {
                ordered.push(entry);
            }
        }
        let mut args = ordered.join(", ");
        if self.trailing_comma {
            args.push(',');
        }
        args
    }

    fn item(&self) -> String {
        let attributes = self.attributes.join("\n");
        if self.sdk.is_some() {
            return format!("{attributes}\n{} struct {};", self.vis, self.name);
        }
        let mut fields: Vec<String> = self
            .input_tokens
            .iter()
            .map(|(name, ty)| format!("{name}: {ty}"))
            .collect();
        if let Some((field, ty)) = &self.page_size {
            if !self.input_tokens.iter().any(|(name, _)| name == field) {
                fields.push(format!("pub {field}: {ty}"));
            }
        }
        fields.extend(
            self.other_fields
                .iter()
                .map(|(name, ty)| format!("{name}: {ty}")),
        );
        // Another order than the attribute's.
        fields.reverse();
        format!(
            "{attributes}\n{} struct {} {{ {} }}",
            self.vis,
            self.name,
            fields.join(", ")
        )
    }
}

fn decl() -> impl Strategy<Value = Decl> {
    (
        (
            any::<bool>(),
            proptest::sample::select(SDK_ROOTS),
            field_name(),
            type_name(),
            proptest::sample::select(&["", "pub", "pub(crate)", "pub(super)"][..]),
            proptest::sample::subsequence(
                &[
                    "#[derive(Clone, Debug)]",
                    "/// A request.",
                    "#[allow(dead_code)]",
                    "#[doc = \"more\"]",
                ][..],
                0..=4,
            ),
        ),
        (
            vec(field_name(), 1..=4),
            vec(proptest::sample::select(TOKEN_TYPES), 4),
            vec(vec(path(4, true), 1..=3), 4),
        ),
        (
            vec(
                (path(3, false), proptest::sample::select(ITEM_TYPES)),
                1..=5,
            ),
            vec(proptest::option::of(type_name()), 5),
            proptest::option::of(type_name()),
        ),
        (
            proptest::option::of(path(3, true)),
            proptest::option::of((field_name(), proptest::sample::select(PAGE_SIZE_TYPES))),
            vec((field_name(), proptest::sample::select(OTHER_TYPES)), 0..4),
            Just((0..9).collect::<Vec<usize>>()).prop_shuffle(),
            any::<bool>(),
            any::<bool>(),
            proptest::option::of(1u32..=u32::MAX),
            proptest::option::of(proptest::sample::select(&["stop", "error"][..])),
        ),
    )
        .prop_map(
            |(
                (is_sdk, root, module, name, vis, attributes),
                (tokens, token_types, outputs),
                (items, variants, item_enum),
                (
                    more_results,
                    page_size,
                    others,
                    order,
                    parens,
                    trailing_comma,
                    max_page_size,
                    duplicate_token,
                ),
            )| {
                let tokens = distinct(tokens);
                let input_tokens: Vec<(String, &'static str)> =
                    tokens.into_iter().zip(token_types).collect();
                let output_tokens: Vec<Vec<Vec<Step>>> =
                    outputs.into_iter().take(input_tokens.len()).collect();
                let several = items.len() > 1;
                let mut used = std::collections::HashSet::new();
                let items: Vec<ItemSpec> = items
                    .into_iter()
                    .zip(variants)
                    .enumerate()
                    .map(|(index, ((path, ty), variant))| {
                        let mut variant = variant.filter(|_| several);
                        if several {
                            let effective = variant.clone().unwrap_or_else(|| {
                                upper_camel(
                                    &path
                                        .last()
                                        .map(|step| step.name.clone())
                                        .unwrap_or_default(),
                                )
                            });
                            if !used.insert(effective) {
                                let unique = format!("Variant{index}");
                                used.insert(unique.clone());
                                variant = Some(unique);
                            }
                        }
                        ItemSpec { path, ty, variant }
                    })
                    .collect();
                let mut taken: std::collections::HashSet<String> =
                    input_tokens.iter().map(|(name, _)| name.clone()).collect();
                if let Some((field, _)) = &page_size {
                    taken.insert(field.clone());
                }
                let other_fields = others
                    .into_iter()
                    .filter(|(name, _)| taken.insert(name.clone()))
                    .collect();
                Decl {
                    sdk: is_sdk.then_some((root, module)),
                    name,
                    vis,
                    attributes,
                    input_tokens,
                    output_tokens,
                    item_enum: item_enum.filter(|_| several),
                    items,
                    more_results,
                    page_size,
                    max_page_size,
                    duplicate_token,
                    other_fields,
                    order,
                    parens,
                    trailing_comma,
                }
            },
        )
}

static VALID: Tally = Tally::new();

#[test]
fn fuzz_valid_declarations_expand() {
    run("valid_declarations", 3_000, decl(), &VALID, |decl| {
        expand_checked(
            &tokens(&decl.args()),
            &tokens(&decl.item()),
            Expect::Expansion,
            &VALID,
        )
    });
}

// --- Huge lists ------------------------------------------------------------------------------

static HUGE: Tally = Tally::new();

#[test]
fn fuzz_huge_lists_expand() {
    let strategy = (1usize..=1_000, 1usize..=400, any::<bool>());
    // About 100 ms a case: `PROPTEST_CASES / 1000` cases.
    run_scaled(
        "huge_lists",
        8,
        1_000,
        strategy,
        &HUGE,
        |(tokens_count, items_count, sdk)| {
            let names: Vec<String> = (0..tokens_count)
                .map(|index| format!("token_{index}"))
                .collect();
            let outputs: Vec<String> = (0..tokens_count)
                .map(|index| format!("page?.next_{index} || fallback_{index}"))
                .collect();
            let items: Vec<String> = (0..items_count)
                .map(|index| format!("page?.field_{index}: Item{index}"))
                .collect();
            let operation = if sdk {
                "operation = aws_sdk_x::operation::list_things, "
            } else {
                ""
            };
            let args = format!(
                "{operation}input_token = ({}), output_token = ({}), items = ({})",
                names.join(", "),
                outputs.join(", "),
                items.join(", ")
            );
            let item = if sdk {
                "pub struct ListThings;".to_owned()
            } else {
                let fields: Vec<String> = names
                    .iter()
                    .map(|name| format!("{name}: Option<String>"))
                    .collect();
                format!("pub struct ListThings {{ {} }}", fields.join(", "))
            };
            expand_checked(&tokens(&args), &tokens(&item), Expect::Expansion, &HUGE)
        },
    );
}

// =============================================================================================
// Mutations and garbage

const PUNCTUATION: &[char] = &[
    '=', '<', '>', '!', '~', '+', '-', '*', '/', '%', '^', '&', '|', '@', '.', ',', ';', ':', '#',
    '$', '?', '\'',
];

const WORDS: &[&str] = &[
    "operation",
    "input_token",
    "output_token",
    "items",
    "more_results",
    "page_size",
    "max_page_size",
    "duplicate_token",
    "stop",
    "item_enum",
    "result_key",
    "limit_key",
    "input_tokens",
    "is_truncated",
    "as",
    "fn",
    "struct",
    "enum",
    "pub",
    "crate",
    "self",
    "Self",
    "super",
    "async",
    "await",
    "dyn",
    "impl",
    "where",
    "type",
    "_",
    "Option",
    "Vec",
    "String",
    "last",
    "key",
    "next_token",
    "a",
    "x1",
    "données",
];

const RAW_WORDS: &[&str] = &["type", "match", "r#", "async", "dyn"];

const LITERALS: &[&str] = &[
    "0",
    "1u8",
    "18446744073709551615u64",
    "1.5e3f64",
    "\"s\"",
    "\"\"",
    "r#\"raw\"#",
    "b'x'",
    "'c'",
    "b\"bytes\"",
    "c\"cstr\"",
    "0x_FF",
    "1_000usize",
    "\"\\u{1F600}\"",
    "1e",
];

#[derive(Debug, Clone)]
enum Garbage {
    Punct(char, bool),
    Word(&'static str),
    Raw(&'static str),
    Literal(&'static str),
    Lifetime(&'static str),
    Group(Delim, Vec<Garbage>),
}

#[derive(Debug, Clone, Copy)]
enum Delim {
    Parenthesis,
    Brace,
    Bracket,
    None,
}

impl Delim {
    fn delimiter(self) -> Delimiter {
        match self {
            Delim::Parenthesis => Delimiter::Parenthesis,
            Delim::Brace => Delimiter::Brace,
            Delim::Bracket => Delimiter::Bracket,
            Delim::None => Delimiter::None,
        }
    }
}

fn delim() -> impl Strategy<Value = Delim> {
    prop_oneof![
        Just(Delim::Parenthesis),
        Just(Delim::Brace),
        Just(Delim::Bracket),
        Just(Delim::None)
    ]
}

fn garbage() -> impl Strategy<Value = Garbage> {
    let leaf = prop_oneof![
        (proptest::sample::select(PUNCTUATION), any::<bool>())
            .prop_map(|(c, joint)| Garbage::Punct(c, joint)),
        proptest::sample::select(WORDS).prop_map(Garbage::Word),
        proptest::sample::select(RAW_WORDS).prop_map(Garbage::Raw),
        proptest::sample::select(LITERALS).prop_map(Garbage::Literal),
        proptest::sample::select(&["a", "static", "_"][..]).prop_map(Garbage::Lifetime),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        (delim(), vec(inner, 0..6)).prop_map(|(delim, content)| Garbage::Group(delim, content))
    })
}

impl Garbage {
    fn render(&self) -> Vec<TokenTree> {
        let span = Span::call_site();
        match self {
            Garbage::Punct(c, joint) => vec![TokenTree::Punct(Punct::new(
                *c,
                if *joint {
                    Spacing::Joint
                } else {
                    Spacing::Alone
                },
            ))],
            Garbage::Word(word) => vec![TokenTree::Ident(Ident::new(word, span))],
            // `r#` alone is not an identifier: a raw identifier of some other word.
            Garbage::Raw(word) if *word == "r#" => {
                vec![TokenTree::Ident(Ident::new_raw("r", span))]
            }
            Garbage::Raw(word) => vec![TokenTree::Ident(Ident::new_raw(word, span))],
            Garbage::Literal(text) => match Literal::from_str(text) {
                Ok(literal) => vec![TokenTree::Literal(literal)],
                // Not a literal (`1e`): whatever it lexes to.
                Err(_) => TokenStream::from_str(text)
                    .map(|tokens| tokens.into_iter().collect())
                    .unwrap_or_default(),
            },
            Garbage::Lifetime(name) => vec![
                TokenTree::Punct(Punct::new('\'', Spacing::Joint)),
                TokenTree::Ident(Ident::new(name, span)),
            ],
            Garbage::Group(delim, content) => {
                let stream: TokenStream = content.iter().flat_map(Garbage::render).collect();
                vec![TokenTree::Group(Group::new(delim.delimiter(), stream))]
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(Index),
    Duplicate(Index),
    Swap(Index, Index),
    Insert(Index, Garbage),
    Replace(Index, Garbage),
    /// Wraps a range of tokens in a group.
    Wrap(Index, Index, Delim),
    /// Replaces a group with its content.
    Flatten(Index),
    Truncate(Index),
    /// Repeats the stream (a repeated entry, a repeated item).
    Double,
    /// Applies a mutation inside one of the groups (at the top level when there is none).
    Inside(Index, Box<Mutation>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let leaf = prop_oneof![
        any::<Index>().prop_map(Mutation::Delete),
        any::<Index>().prop_map(Mutation::Duplicate),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (any::<Index>(), garbage()).prop_map(|(at, g)| Mutation::Insert(at, g)),
        (any::<Index>(), garbage()).prop_map(|(at, g)| Mutation::Replace(at, g)),
        (any::<Index>(), any::<Index>(), delim()).prop_map(|(a, b, d)| Mutation::Wrap(a, b, d)),
        any::<Index>().prop_map(Mutation::Flatten),
        any::<Index>().prop_map(Mutation::Truncate),
        Just(Mutation::Double),
    ];
    let leaf = leaf.boxed();
    prop_oneof![
        3 => leaf.clone(),
        1 => (any::<Index>(), leaf.clone())
            .prop_map(|(at, mutation)| Mutation::Inside(at, Box::new(mutation))),
        1 => (any::<Index>(), any::<Index>(), leaf).prop_map(|(a, b, mutation)| {
            Mutation::Inside(a, Box::new(Mutation::Inside(b, Box::new(mutation))))
        }),
    ]
}

fn mutate(tokens: &TokenStream, mutation: &Mutation) -> TokenStream {
    let mut trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let len = trees.len();
    let pick = |index: &Index| index.index(len.max(1));
    match mutation {
        Mutation::Delete(at) if len > 0 => {
            trees.remove(pick(at));
        }
        Mutation::Duplicate(at) if len > 0 => {
            let at = pick(at);
            let tree = trees[at].clone();
            trees.insert(at, tree);
        }
        Mutation::Swap(a, b) if len > 0 => trees.swap(pick(a), pick(b)),
        Mutation::Insert(at, garbage) => {
            let at = at.index(len + 1);
            trees.splice(at..at, garbage.render());
        }
        Mutation::Replace(at, garbage) if len > 0 => {
            let at = pick(at);
            trees.splice(at..=at, garbage.render());
        }
        Mutation::Wrap(a, b, delim) if len > 0 => {
            let (a, b) = (pick(a), pick(b));
            let (low, high) = (a.min(b), a.max(b));
            let inner: TokenStream = trees.drain(low..=high).collect();
            trees.insert(low, TokenTree::Group(Group::new(delim.delimiter(), inner)));
        }
        Mutation::Flatten(at) if len > 0 => {
            let at = pick(at);
            if let TokenTree::Group(group) = &trees[at] {
                let content: Vec<TokenTree> = group.stream().into_iter().collect();
                trees.splice(at..=at, content);
            }
        }
        Mutation::Truncate(at) => trees.truncate(at.index(len + 1)),
        Mutation::Double => trees.extend(trees.clone()),
        Mutation::Inside(at, inner) => {
            let groups: Vec<usize> = (0..len)
                .filter(|&index| matches!(trees[index], TokenTree::Group(_)))
                .collect();
            if groups.is_empty() {
                return mutate(tokens, inner);
            }
            let at = groups[at.index(groups.len())];
            if let TokenTree::Group(group) = &trees[at] {
                let mut mutated = Group::new(group.delimiter(), mutate(&group.stream(), inner));
                mutated.set_span(group.span());
                trees[at] = TokenTree::Group(mutated);
            }
        }
        _ => {}
    }
    trees.into_iter().collect()
}

#[derive(Debug, Clone, Copy)]
enum Target {
    Args,
    Item,
    Both,
}

static MUTATED: Tally = Tally::new();

#[test]
fn fuzz_mutated_declarations_never_panic() {
    let strategy = (
        decl(),
        prop_oneof![Just(Target::Args), Just(Target::Item), Just(Target::Both)],
        vec(mutation(), 1..=4),
    );
    run(
        "mutated_declarations",
        8_000,
        strategy,
        &MUTATED,
        |(decl, target, mutations)| {
            let mut args = tokens(&decl.args());
            let mut item = tokens(&decl.item());
            for (index, mutation) in mutations.iter().enumerate() {
                let on_args = match target {
                    Target::Args => true,
                    Target::Item => false,
                    Target::Both => index % 2 == 0,
                };
                if on_args {
                    args = mutate(&args, mutation);
                } else {
                    item = mutate(&item, mutation);
                }
            }
            expand_checked(&args, &item, Expect::Either, &MUTATED)
        },
    );
}

static GARBAGE: Tally = Tally::new();

#[test]
fn fuzz_garbage_never_panics() {
    let item = prop_oneof![
        vec(garbage(), 0..12).prop_map(|garbage| garbage
            .iter()
            .flat_map(Garbage::render)
            .collect::<TokenStream>()),
        Just(TokenStream::new()),
        decl().prop_map(|decl| tokens(&decl.item())),
    ];
    let args = prop_oneof![
        vec(garbage(), 0..16).prop_map(|garbage| garbage
            .iter()
            .flat_map(Garbage::render)
            .collect::<TokenStream>()),
        Just(TokenStream::new()),
        // Entries in the right shape, with garbage values.
        vec(
            (
                proptest::sample::select(crate::attr::KEYS),
                vec(garbage(), 0..4)
            ),
            0..9
        )
        .prop_map(|entries| {
            let mut stream = TokenStream::new();
            for (key, value) in entries {
                stream.extend(tokens(&format!("{key} = ")));
                stream.extend(value.iter().flat_map(Garbage::render));
                stream.extend(tokens(","));
            }
            stream
        }),
    ];
    run("garbage", 3_000, (args, item), &GARBAGE, |(args, item)| {
        expand_checked(&args, &item, Expect::Either, &GARBAGE)
    });
}

// --- Items that are not a struct the attribute can go on -------------------------------------

const NOT_PAGINABLE: &[&str] = &[
    "enum E { A }",
    "fn f() {}",
    "async fn f() {}",
    "trait T {}",
    "impl S {}",
    "mod m {}",
    "union U { a: u8 }",
    "const C: u8 = 0;",
    "static S: u8 = 0;",
    "use std::fmt;",
    "type T = u8;",
    "extern crate core;",
    "extern \"C\" {}",
    "macro_rules! m { () => {} }",
    "m!();",
    "struct S(u8, Option<String>);",
    "struct S<T> { token: Option<T> }",
    "struct S<'a> { token: Option<&'a str> }",
    "struct S<const N: usize> { token: Option<String> }",
    "struct S where u8: Copy { token: Option<u8> }",
    "struct S { token: Option<String> } struct T;",
    "",
    "struct",
    "struct S {",
    "#[derive(Debug)]",
    "pub",
];

static NOT_A_STRUCT: Tally = Tally::new();

#[test]
fn fuzz_items_that_are_not_paginable_are_errors() {
    let strategy = (decl(), proptest::sample::select(NOT_PAGINABLE));
    run(
        "not_paginable_items",
        1_000,
        strategy,
        &NOT_A_STRUCT,
        |(decl, item)| {
            // `struct S {` does not lex: take what does.
            let item = TokenStream::from_str(item).unwrap_or_default();
            expand_checked(&tokens(&decl.args()), &item, Expect::Error, &NOT_A_STRUCT)
        },
    );
}

// =============================================================================================
// Known bugs: minimal failing cases (ignored until fixed)

fn assert_no_panic(args: &str, item: &str) {
    let (args, item) = (tokens(args), tokens(item));
    let tally = Tally::new();
    if let Err(failure) = expand_checked(&args, &item, Expect::Either, &tally) {
        panic!("{failure}");
    }
}

#[test]
fn bug_item_field_whose_variant_name_starts_with_a_digit() {
    assert_no_panic(
        "input_token = token, output_token = next, items = (_1: A, b: B)",
        "struct ListThings { token: Option<String> }",
    );
}

#[test]
fn bug_item_field_whose_variant_name_is_empty() {
    assert_no_panic(
        "input_token = token, output_token = next, items = (__: A, b: B)",
        "struct ListThings { token: Option<String> }",
    );
}

#[test]
fn bug_operation_module_without_an_upper_camel_name() {
    assert_no_panic(
        "operation = aws_sdk_s3::operation::__, input_token = a, output_token = b, items = c: C",
        "struct ListThings;",
    );
}

#[test]
fn bug_raw_struct_name_with_several_item_fields() {
    assert_no_panic(
        "input_token = token, output_token = next, items = (a: A, b: B)",
        "struct r#type { token: Option<String> }",
    );
}

#[test]
fn bug_item_field_whose_variant_name_is_self() {
    assert_no_panic(
        "input_token = token, output_token = next, items = (self_: A, b: B)",
        "struct ListThings { token: Option<String> }",
    );
}

/// The identifiers that hit the bugs above, in the valid-declaration fuzz, without tolerance.
#[test]
fn fuzz_valid_declarations_with_every_identifier() {
    let strange = prop_oneof![
        Just("_1"),
        Just("__"),
        Just("self_"),
        Just("_2x"),
        Just("___")
    ];
    let strategy = (decl(), strange, any::<Index>()).prop_map(|(mut decl, name, at)| {
        let at = at.index(decl.items.len());
        if let Some(leaf) = decl.items[at].path.last_mut() {
            leaf.name = name.to_owned();
        }
        for item in &mut decl.items {
            item.variant = None;
        }
        decl
    });
    let tally = Tally::new();
    run(
        "valid_declarations_every_identifier",
        200,
        strategy,
        &tally,
        |decl| {
            expand_checked(
                &tokens(&decl.args()),
                &tokens(&decl.item()),
                Expect::Either,
                &tally,
            )
        },
    );
}
