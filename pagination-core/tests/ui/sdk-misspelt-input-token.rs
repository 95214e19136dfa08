// A misspelt input token on an SDK operation: the macro cannot see the builder's methods, so the
// compiler reports the getter it looked for, once, on the name written (not its setter too), and
// suggests no replacement (its similar name, `get_marker`, is not what to write there).
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
