// `next_request` computing the token alone (no `output_token`), and `item_order` over two item
// fields, under strict lints.
#![deny(warnings, unused_qualifications)]

use pagination_core::{IntoPaginator, ItemOrder, PageRequest, paginate};

struct Page {
    numbers: Vec<u64>,
    labels: Option<Vec<String>>,
    total: u64,
}

#[paginate(
    input_token = offset,
    items = (numbers: u64, labels: String),
    page_size = limit,
    next_request = paging::next_offset,
    item_order = paging::numbers_first,
)]
#[derive(Clone, Debug, Default)]
struct ListThings {
    offset: Option<u64>,
    limit: Option<u32>,
}

mod paging {
    use super::{ItemOrder, ListThings, Page};

    pub fn next_offset(mut request: ListThings, page: &Page) -> ListThings {
        let seen = page.numbers.len() + page.labels.as_ref().map_or(0, Vec::len);
        let next = request.offset.unwrap_or(0) + seen as u64;
        request.offset = (seen > 0 && next < page.total).then_some(next);
        request
    }

    pub fn numbers_first(page: &Page) -> ItemOrder {
        ItemOrder::merge_by_key([
            page.numbers.iter().map(|_| 0).collect::<Vec<_>>(),
            page.labels.iter().flatten().map(|_| 1).collect(),
        ])
    }
}

impl PageRequest for ListThings {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        Ok(Page {
            numbers: vec![1],
            labels: None,
            total: 1,
        })
    }
}

fn main() {
    let _paginator = ListThings::default().into_paginator().page_size(5);
}
