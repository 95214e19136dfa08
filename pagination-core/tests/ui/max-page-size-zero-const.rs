// A largest page size of 0 given as a constant: refused where it is evaluated, by `cargo check` too.
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

const NONE: u32 = 0;

#[paginate(input_token = after, output_token = next, items = values: u32, page_size = limit, max_page_size = NONE)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
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
