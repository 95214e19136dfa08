// Regression: under `#![deny(unused_qualifications)]` declarations compile; no path the
// generated code qualifies carries the user's span.
#![deny(unused_qualifications)]
#![allow(dead_code)]

#[path = "../support/fake_sdk.rs"]
mod fake_sdk;

use pagination_core::{PageRequest, paginate};

pub struct Inner {
    next: Option<String>,
    truncated: Option<bool>,
    items: Option<Vec<u32>>,
}

pub struct Page {
    values: Vec<u32>,
    inner: Option<Inner>,
    next: Option<String>,
}

// A plain item field.
#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug)]
pub struct ListValues {
    after: Option<String>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = ();

    async fn send(self) -> Result<Page, ()> {
        Err(())
    }
}

// Nested paths for the token, the flag and the items.
#[paginate(
    input_token = after,
    output_token = inner?.next || next,
    more_results = inner?.truncated,
    items = inner?.items: u32,
)]
#[derive(Clone, Debug)]
pub struct ListNested {
    after: Option<String>,
}

impl PageRequest for ListNested {
    type Output = Page;
    type Error = ();

    async fn send(self) -> Result<Page, ()> {
        Err(())
    }
}

// Placement (b).
#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = marker,
    output_token = next_marker,
    items = things: fake_sdk::types::Thing,
)]
pub struct ListThings;

fn main() {}
