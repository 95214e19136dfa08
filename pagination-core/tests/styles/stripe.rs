//! Stripe style: the last item's id is the next `starting_after`; `has_more` ends the listing.

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};
use serde::Deserialize;

use crate::server::{RECORDS, Server};

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Customer {
    id: String,
}

#[derive(Deserialize)]
pub struct CustomerList {
    data: Vec<Customer>,
    has_more: bool,
}

/// A third-party parameters struct, as an SDK would define it: the token is one of its fields.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct ListCustomersParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[paginate(
    input_token = params.starting_after,
    output_token = data.last()?.id,
    more_results = has_more,
    items = data: Customer,
    page_size = limit
)]
#[derive(Clone, Debug)]
pub struct ListCustomers {
    #[paginate(skip)]
    client: reqwest::Client,
    base: String,
    params: ListCustomersParams,
    limit: Option<u8>,
}

impl PageRequest for ListCustomers {
    type Output = CustomerList;
    type Error = reqwest::Error;

    async fn send(self) -> Result<CustomerList, reqwest::Error> {
        let mut request = self
            .client
            .get(format!("{}/stripe/customers", self.base))
            .query(&self.params);
        if let Some(limit) = self.limit {
            request = request.query(&[("limit", limit)]);
        }
        request.send().await?.error_for_status()?.json().await
    }
}

#[tokio::test]
async fn the_last_items_id_with_has_more() {
    let server = Server::start().await;
    let request = ListCustomers {
        client: reqwest::Client::new(),
        base: server.base.clone(),
        params: ListCustomersParams::default(),
        limit: None,
    };
    for (limit, requests) in [(10, 5), (47, 1), (1, 47)] {
        let before = server.requests();
        let customers: Vec<Customer> = request
            .clone()
            .into_paginator()
            .page_size(limit)
            .items()
            .try_collect()
            .await
            .unwrap();
        let ids: Vec<String> = customers.into_iter().map(|customer| customer.id).collect();
        let want: Vec<String> = (0..RECORDS).map(|n| format!("cus_{n:03}")).collect();
        assert_eq!(ids, want, "limit {limit}");
        assert_eq!(server.requests() - before, requests, "limit {limit}");
    }
}
