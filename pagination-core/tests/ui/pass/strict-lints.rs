//! The generated code is clean under strict lints: no undocumented public item (the item enum is
//! documented), no unused result, no elided lifetime in a path. (`unused_qualifications` is
//! left out: see `tests/ui/known-bugs/unused-qualifications.rs`; `tests/ui/pass/hygiene.rs`
//! denies it with the prelude names shadowed.)
#![deny(
    warnings,
    missing_docs,
    missing_debug_implementations,
    unused_results,
    unused_lifetimes,
    single_use_lifetimes,
    elided_lifetimes_in_paths,
    trivial_casts,
    trivial_numeric_casts,
    unsafe_code,
    let_underscore_drop,
    redundant_lifetimes,
    non_ascii_idents
)]

#[path = "../support/fake_sdk.rs"]
#[allow(missing_docs, missing_debug_implementations)]
mod fake_sdk;

use pagination_core::{PageRequest, paginate};

mod api {
    use pagination_core::{PageRequest, paginate};

    /// A page.
    #[derive(Debug)]
    pub struct Page {
        values: Option<Vec<u32>>,
        names: Vec<String>,
        next: String,
        truncated: Option<bool>,
    }

    /// A request builder.
    #[paginate(
        input_token = after,
        output_token = next,
        more_results = truncated,
        page_size = limit,
        items = (values: u32, names: String as Name),
    )]
    #[derive(Clone, Debug, Default)]
    pub struct ListValues {
        after: Option<String>,
        limit: i64,
    }

    impl PageRequest for ListValues {
        type Output = Page;
        type Error = std::io::Error;

        async fn send(self) -> Result<Page, std::io::Error> {
            Err(std::io::Error::other("offline"))
        }
    }
}

/// An SDK operation.
#[paginate(
    operation = fake_sdk::operation::list_versions,
    input_token = (key_marker, version_id_marker),
    output_token = (next_key_marker, next_version_id_marker),
    more_results = is_truncated,
    page_size = max_keys,
    items = (versions: fake_sdk::types::Version, delete_markers: fake_sdk::types::DeleteMarker),
)]
#[derive(Debug)]
pub struct ListVersions;

/// A request builder at the crate root.
#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug)]
pub struct ListRoot {
    after: Option<u64>,
}

/// Its page.
#[derive(Debug)]
pub struct RootPage {
    values: Vec<u32>,
    next: Option<u64>,
}

impl PageRequest for ListRoot {
    type Output = RootPage;
    type Error = String;

    async fn send(self) -> Result<RootPage, String> {
        Err(String::from("offline"))
    }
}

/// `forbid` admits no `allow` under it: the generated code needs none (it declares no item it
/// does not use, such as an SDK input's alias where no field is checked).
#[forbid(dead_code)]
mod forbidding {
    use pagination_core::paginate;

    /// An SDK operation with a token and a page size.
    #[paginate(
        operation = crate::fake_sdk::operation::list_things,
        input_token = marker,
        output_token = next_marker,
        page_size = max_keys,
        items = things: crate::fake_sdk::types::Thing,
    )]
    #[derive(Debug)]
    pub struct ListThings;
}

fn main() {
    drop::<Option<api::ListValuesItem>>(None);
    drop::<Option<ListVersionsItem>>(None);
    drop(forbidding::ListThings);
}
