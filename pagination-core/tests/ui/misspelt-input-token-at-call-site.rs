// A misspelt input token: one error, on the name, and none at the call sites.
#![allow(dead_code)]

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};

struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = aftr, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

async fn first_use() -> Vec<u32> {
    ListValues::default().into_paginator().max_items(3).items().try_collect().await.unwrap()
}

async fn second_use() -> usize {
    ListValues::default().into_paginator().send().try_collect::<Vec<Page>>().await.unwrap().len()
}

fn main() {}
