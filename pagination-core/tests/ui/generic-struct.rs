// A generic request builder.
#![allow(dead_code)]

use pagination_core::paginate;

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListValues<F> {
    after: Option<String>,
    filter: F,
}

fn main() {}
