// The attribute on an enum that is used as a request: the placement is the one error, none at
// the call sites.
#![allow(dead_code)]

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, paginate};

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug)]
enum ListValues {
    First,
    After(String),
}

async fn first_use() -> Vec<u32> {
    ListValues::First.into_paginator().items().try_collect().await.unwrap()
}

fn main() {}
