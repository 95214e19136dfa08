// Placement (a) without an `impl PageRequest` for the builder, used: the declaration's report
// (two errors, the second at the trait's signature that needs the impl) and nothing at the calls.
#![allow(dead_code)]

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, page_size = limit, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
    limit: Option<u32>,
}

async fn first_use() -> Vec<u32> {
    ListValues::default().into_paginator().page_size(10).items().try_collect().await.unwrap()
}

fn main() {}
