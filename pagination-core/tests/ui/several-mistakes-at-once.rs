// Several independent mistakes in one declaration: all of them are reported together.
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(
    input_token = (after, start),
    output_token = next?,
    itmes = values: u32,
    page_size = limit,
)]
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

fn main() {}
