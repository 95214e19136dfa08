// A request that holds a client (left out of cursors with `#[paginate(skip)]`) and a third-party
// parameters struct whose field carries the token; cursors resume although the client's `Debug`
// changes as it is used.
#![deny(warnings, unused_qualifications)]

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};

#[derive(Debug, Default)]
struct Client {
    calls: AtomicUsize,
}

#[derive(Clone, Debug, Default)]
struct ListParams {
    starting_after: Option<u32>,
    labels: HashMap<String, String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Customer {
    id: u32,
}

struct Page {
    data: Vec<Customer>,
    has_more: bool,
}

#[paginate(
    input_token = params.starting_after,
    output_token = data.last()?.id,
    more_results = has_more,
    items = data: Customer,
    page_size = limit,
)]
#[derive(Clone, Debug, Default)]
struct ListCustomers {
    #[paginate(skip)]
    client: Arc<Client>,
    params: ListParams,
    limit: Option<u8>,
}

impl PageRequest for ListCustomers {
    type Output = Page;
    type Error = std::io::Error;

    async fn send(self) -> Result<Page, std::io::Error> {
        self.client.calls.fetch_add(1, Ordering::Relaxed);
        let start = self.params.starting_after.map_or(0, |after| after + 1);
        let end = (start + u32::from(self.limit.unwrap_or(3))).min(10);
        Ok(Page {
            data: (start..end).map(|id| Customer { id }).collect(),
            has_more: end < 10,
        })
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let request = ListCustomers::default();
    let mut first = request.clone().into_paginator().page_size(3).max_items(4).items();
    while first.try_next().await.unwrap().is_some() {}
    let cursor = first.cursor().unwrap();
    let rest: Vec<Customer> = request
        .into_paginator()
        .resume_from(&cursor)
        .unwrap()
        .page_size(3)
        .items()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<u32> = rest.iter().map(|customer| customer.id).collect();
    assert_eq!(ids, [4, 5, 6, 7, 8, 9]);
}
