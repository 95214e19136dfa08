// The attribute on an enum.
use pagination_core::paginate;

#[paginate(input_token = after, output_token = next, items = values: u32)]
enum ListValues {
    First,
    After(String),
}

fn main() {}
