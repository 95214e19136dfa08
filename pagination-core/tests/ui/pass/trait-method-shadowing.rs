// Regression: a user trait in scope with a `clone` (or `visit`) method must not make the generated
// calls ambiguous; they are written as `Trait::method(receiver)`.
#![allow(dead_code)]

#[path = "../support/fake_sdk.rs"]
mod fake_sdk;

use pagination_core::{PageRequest, paginate};

trait Shadow {
    fn clone(&self) -> u8 {
        0
    }
    fn take(&mut self) -> u8 {
        0
    }
    fn as_ref(&self) -> u8 {
        0
    }
    fn as_mut(&mut self) -> u8 {
        0
    }
    fn or_else(self) -> u8
    where
        Self: Sized,
    {
        0
    }
    fn send(self) -> u8
    where
        Self: Sized,
    {
        0
    }
    fn as_input(&self) -> u8 {
        0
    }
    fn into_paginator(self) -> u8
    where
        Self: Sized,
    {
        0
    }
}

impl<T: ?Sized> Shadow for T {}

pub struct Inner {
    next: Option<String>,
    items: Option<Vec<u64>>,
}

pub struct Page {
    inner: Option<Inner>,
    next: Option<String>,
}

#[paginate(
    input_token = after,
    output_token = inner?.next || next,
    items = inner?.items: u64,
)]
#[derive(Clone, Debug)]
pub struct ListNested {
    after: Option<String>,
}

impl PageRequest for ListNested {
    type Output = Page;
    type Error = ();

    async fn send(self) -> Result<Page, ()> {
        Err(())
    }
}

#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = marker,
    output_token = next_marker,
    page_size = max_keys,
    items = things: fake_sdk::types::Thing,
)]
pub struct ListThings;

fn main() {}
