// A first-page-only field whose type has no default to clear it to.
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

#[derive(Clone, Debug)]
struct Filter(u8);

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32, first_page_only = filter)]
#[derive(Clone, Debug)]
struct ListValues {
    after: Option<String>,
    filter: Filter,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

fn main() {}
