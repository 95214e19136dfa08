// `operation` names the builder type instead of the operation's module.
use pagination_core::paginate;

#[path = "support/fake_sdk.rs"]
mod fake_sdk;

#[paginate(
    operation = fake_sdk::operation::list_things::builders::ListThingsFluentBuilder,
    input_token = marker,
    output_token = next_marker,
    items = things: fake_sdk::types::Thing,
)]
struct ListThings;

fn main() {}
