// The SDK operation's input has no such field: one error, on the name, from its getters.
use pagination_core::paginate;

#[path = "support/fake_sdk.rs"]
mod fake_sdk;

#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = continuation_token,
    output_token = next_marker,
    items = things: fake_sdk::types::Thing,
)]
struct ListThings;

fn main() {}
