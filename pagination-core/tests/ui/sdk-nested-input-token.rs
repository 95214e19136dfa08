// An SDK operation's input token written as a nested path.
#[path = "support/fake_sdk.rs"]
mod fake_sdk;

use pagination_core::paginate;

#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = params.marker,
    output_token = next_marker,
    items = things: fake_sdk::types::Thing,
)]
pub struct ListThings;

fn main() {}
