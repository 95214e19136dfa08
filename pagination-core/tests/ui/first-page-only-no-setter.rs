// A first-page-only field that the SDK operation's builder has no setter for.
#![allow(dead_code)]

use pagination_core::paginate;

#[path = "support/fake_sdk.rs"]
mod fake_sdk;

use fake_sdk::types::Thing;

#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = marker,
    output_token = next_marker,
    items = things: Thing,
    first_page_only = buckt,
)]
pub struct ListThings;

fn main() {}
