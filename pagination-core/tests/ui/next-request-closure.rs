// A closure as `next_request`: the key takes the path of a function.
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, items = values: u32, next_request = |request, _page| request)]
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
