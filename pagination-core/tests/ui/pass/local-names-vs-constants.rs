// Regression: constants named like the generated code's locals (`request`, `output`, ...) must
// not turn its parameters into constant patterns; the locals are `__`-prefixed and mixed-site.
#![allow(dead_code)]

#[path = "../support/fake_sdk.rs"]
mod fake_sdk;

use ::pagination_core::{PageRequest, paginate};

#[allow(non_upper_case_globals)]
const request: () = ();
#[allow(non_upper_case_globals)]
const output: () = ();
#[allow(non_upper_case_globals)]
const visitor: () = ();
#[allow(non_upper_case_globals)]
const size: () = ();

// Placement (a), with every key.
#[derive(::core::fmt::Debug)]
pub struct Page {
    values: ::std::vec::Vec<::core::primitive::u32>,
    extra: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
    next: ::core::option::Option<::std::string::String>,
    truncated: ::core::primitive::bool,
}

#[paginate(
    input_token = after,
    output_token = next,
    more_results = truncated,
    page_size = limit,
    items = (values: ::core::primitive::u32 as Value, extra: ::std::string::String),
    item_enum = Entry,
)]
#[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::default::Default)]
pub struct ListValues {
    after: ::core::option::Option<::std::string::String>,
    limit: ::core::option::Option<::core::primitive::u32>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = ::core::convert::Infallible;

    async fn send(self) -> ::core::result::Result<Page, ::core::convert::Infallible> {
        ::core::unimplemented!()
    }
}

// Placement (a), one item field, through a nested path and a fallback.
pub struct Inner {
    next: ::core::option::Option<::core::primitive::u64>,
    truncated: ::core::option::Option<::core::primitive::bool>,
    items: ::core::option::Option<::std::vec::Vec<::core::primitive::u64>>,
}

pub struct NestedPage {
    inner: ::core::option::Option<Inner>,
    last: ::core::option::Option<::core::primitive::u64>,
}

#[paginate(
    input_token = after,
    output_token = inner?.next || last,
    more_results = inner?.truncated,
    items = inner?.items: ::core::primitive::u64,
)]
#[derive(::core::clone::Clone, ::core::fmt::Debug)]
pub struct ListNested {
    after: ::core::option::Option<::core::primitive::u64>,
}

impl PageRequest for ListNested {
    type Output = NestedPage;
    type Error = ();

    async fn send(self) -> ::core::result::Result<NestedPage, ()> {
        ::core::result::Result::Err(())
    }
}

// Placement (b).
#[paginate(
    operation = fake_sdk::operation::list_versions,
    input_token = (key_marker, version_id_marker),
    output_token = (next_key_marker, next_version_id_marker),
    more_results = is_truncated,
    page_size = max_keys,
    items = (
        versions: fake_sdk::types::Version,
        delete_markers: fake_sdk::types::DeleteMarker as Deleted,
    ),
)]
pub struct ListVersions;

#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = marker,
    output_token = next_marker || things?.last()?.key,
    page_size = max_keys,
    items = things: fake_sdk::types::Thing,
)]
pub struct ListThings;

fn main() {
    let _: ::core::option::Option<Entry> = ::core::option::Option::None;
    let _: ::core::option::Option<ListVersionsItem> = ::core::option::Option::None;
}
