// A first-page-only field marked `skip`: a client every page needs, which clearing would replace
// with a default one.
#![allow(dead_code)]

use std::sync::Arc;

use pagination_core::{PageRequest, paginate};

#[derive(Debug, Default)]
struct Client;

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32, first_page_only = (filter, client))]
#[derive(Clone, Debug)]
struct ListValues {
    #[paginate(skip)]
    client: Arc<Client>,
    after: Option<String>,
    filter: Option<String>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        Ok(Page {
            values: Vec::new(),
            next: None,
        })
    }
}

fn main() {}
