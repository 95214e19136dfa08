// An input token whose type neither implements TokenValue nor is a string enum.
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

#[derive(Clone, Debug)]
struct Position(u64);

struct Page {
    values: Vec<u32>,
    next: Option<Position>,
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug)]
struct ListValues {
    after: Option<Position>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

fn main() {}
