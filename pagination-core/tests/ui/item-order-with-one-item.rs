// `item_order` with one item field: there is nothing to interleave.
#![allow(dead_code)]

use pagination_core::{ItemOrder, PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32, item_order = by_key)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
}

fn by_key(_page: &Page) -> ItemOrder {
    ItemOrder::default()
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

fn main() {}
