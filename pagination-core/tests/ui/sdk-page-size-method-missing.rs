// The SDK builder has no setter named like the page-size field.
use pagination_core::paginate;

#[path = "support/fake_sdk.rs"]
mod fake_sdk;

#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = marker,
    output_token = next_marker,
    items = things: fake_sdk::types::Thing,
    page_size = max_items,
)]
struct ListThings;

fn main() {}
