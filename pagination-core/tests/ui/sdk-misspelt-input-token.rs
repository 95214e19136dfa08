// A misspelt input token on an SDK operation: one error, on the name written, from the input's
// getters (named as its fields are), whose help names the field of a similar name, `marker`;
// nothing about the builder's `get_`/`set_` methods the macro would have called.
use pagination_core::paginate;

#[path = "support/fake_sdk.rs"]
mod fake_sdk;

#[paginate(
    operation = fake_sdk::operation::list_things,
    input_token = markr,
    output_token = next_marker,
    items = things: fake_sdk::types::Thing,
)]
struct ListThings;

fn main() {}
