// An SDK operation with the service's largest page size as a constant, and a repeated token
// that ends its listings by design.
use futures::TryStreamExt;
use pagination_core::{IntoPaginator, paginate};

#[path = "../support/fake_sdk.rs"]
mod fake_sdk;

use fake_sdk::operation::list_things::builders::ListThingsFluentBuilder;
use fake_sdk::types::Thing;

const LARGEST: u32 = 2;

#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = marker,
    output_token = next_marker || things?.last()?.key,
    more_results = is_truncated,
    page_size = max_keys,
    max_page_size = LARGEST,
    duplicate_token = stop,
    items = things: Thing,
)]
pub struct ListThings;

fn main() {
    let paginator = ListThingsFluentBuilder::new()
        .bucket("b")
        .into_paginator()
        .page_size(1_000);
    assert_eq!(paginator.request().get_max_keys(), &Some(2));
    let things: Vec<Thing> = futures::executor::block_on(paginator.items().try_collect()).unwrap();
    let sizes: Vec<i64> = things.iter().map(|thing| thing.size).collect();
    assert_eq!(sizes, [0, 1, 2, 3, 4]);
}
