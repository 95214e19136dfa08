// An `item_order` function that returns field indices instead of an `ItemOrder`.
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    labels: Vec<String>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = (values: u32, labels: String), item_order = by_key)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
}

fn by_key(_page: &Page) -> Vec<u8> {
    Vec::new()
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

fn main() {}
