// An item path that calls a method before its last field.
use pagination_core::paginate;

#[path = "support/fake_sdk.rs"]
mod fake_sdk;

#[paginate(
    operation = fake_sdk::operation::get_parts,
    input_token = part_number_marker,
    output_token = parts?.next_part_number_marker,
    items = parts?.clone()?.parts: fake_sdk::types::Part,
)]
struct GetParts;

fn main() {}
