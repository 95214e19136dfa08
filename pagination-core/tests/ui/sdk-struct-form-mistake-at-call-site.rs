// A mistake in a declaration that names the SDK operation's struct: one error, on the key, and
// none at the call sites (the fallback derives the builder from the struct's name too).
#![allow(dead_code)]

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, paginate};

#[path = "support/fake_sdk.rs"]
mod fake_sdk;

use fake_sdk::operation::list_things::builders::ListThingsFluentBuilder;
use fake_sdk::types::Thing;

#[paginate(
    operation = fake_sdk::operation::list_things::ListThings,
    input_token = marker,
    output_token = next_marker,
    more_result = is_truncated,
    items = things: Thing,
)]
pub struct ListThings;

async fn first_use() -> Vec<Thing> {
    ListThingsFluentBuilder::new().bucket("b").into_paginator().items().try_collect().await.unwrap()
}

fn main() {}
