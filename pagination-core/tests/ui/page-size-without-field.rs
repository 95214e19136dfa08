// `.page_size(10)` on a paginator whose declaration names no page-size field.
#![allow(dead_code)]

use pagination_core::{IntoPaginator, PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

fn main() {
    let _ = ListValues::default().into_paginator().page_size(10);
}
