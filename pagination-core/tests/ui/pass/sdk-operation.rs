// Placement (b): a unit struct naming an SDK operation, with a fallback output token
// (`next_marker`, else the last key of the page), a flag and a page-size setter.
use futures::TryStreamExt;
use pagination_core::{IntoPaginator, paginate};

#[path = "../support/fake_sdk.rs"]
mod fake_sdk;

use fake_sdk::operation::list_things::builders::ListThingsFluentBuilder;
use fake_sdk::types::Thing;

#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = marker,
    output_token = next_marker || things?.last()?.key,
    more_results = is_truncated,
    page_size = max_keys,
    items = things: Thing,
)]
pub struct ListThings;

fn main() {
    let things: Vec<Thing> = futures::executor::block_on(
        ListThingsFluentBuilder::new()
            .bucket("b")
            .into_paginator()
            .page_size(3)
            .items()
            .try_collect(),
    )
    .unwrap();
    let sizes: Vec<i64> = things.iter().map(|thing| thing.size).collect();
    assert_eq!(sizes, [0, 1, 2, 3, 4]);
}
