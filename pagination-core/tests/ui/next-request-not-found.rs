// A misspelt `next_request` function: one error, on the name.
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32, next_request = ajdust)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
}

fn adjust(request: ListValues, _page: &Page) -> ListValues {
    request
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

fn main() {}
