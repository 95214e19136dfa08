// A first-page-only field that is also the input token.
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32, first_page_only = (stream, after))]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
    stream: Option<String>,
    limit: Option<u32>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

fn main() {}
