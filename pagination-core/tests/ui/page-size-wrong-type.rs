// The page-size field has a type that cannot hold a page size (a float).
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32, page_size = limit)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
    limit: Option<f64>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

fn main() {}
