// `operation` has the right shape but names a module the SDK does not have.
use pagination_core::paginate;

#[path = "support/fake_sdk.rs"]
mod fake_sdk;

#[paginate(
    operation = fake_sdk::operation::list_thingz,
    input_token = marker,
    output_token = next_marker,
    items = things: fake_sdk::types::Thing,
)]
struct ListThings;

fn main() {}
