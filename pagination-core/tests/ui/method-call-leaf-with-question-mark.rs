// A method call with a `?` at the end of a path: one error, on the method (dropping the `?`
// alone would not do).
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = values.last()?, items = values: u32)]
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
