//! Stripe style: the last item's id is the next `starting_after`; `has_more` ends the listing.

#[path = "declarations/stripe.rs"]
mod declaration;

use futures::TryStreamExt;
use pagination_core::IntoPaginator;

use crate::server::{RECORDS, Server};
use declaration::{Customer, ListCustomers, ListCustomersParams};

#[tokio::test]
async fn the_last_items_id_with_has_more() {
    let server = Server::start().await;
    let request = ListCustomers {
        client: reqwest::Client::new(),
        base: format!("{}/stripe", server.base),
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
