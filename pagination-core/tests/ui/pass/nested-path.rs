// Token, flag and items all inside an optional sub-structure: `parts?.…`.
use futures::TryStreamExt;
use pagination_core::{IntoPaginator, paginate};

#[path = "../support/fake_sdk.rs"]
mod fake_sdk;

use fake_sdk::operation::get_parts::builders::GetPartsFluentBuilder;
use fake_sdk::types::Part;

#[paginate(
    operation = fake_sdk::operation::get_parts,
    input_token = part_number_marker,
    output_token = parts?.next_part_number_marker,
    more_results = parts?.is_truncated,
    page_size = max_parts,
    items = parts?.parts: Part,
)]
struct GetParts;

fn main() {
    let parts: Vec<Part> = futures::executor::block_on(
        GetPartsFluentBuilder::new()
            .into_paginator()
            .items()
            .try_collect(),
    )
    .unwrap();
    let numbers: Vec<Option<i32>> = parts.iter().map(|part| part.part_number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
}
