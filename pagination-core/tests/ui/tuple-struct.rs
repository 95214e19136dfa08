// A tuple struct without `operation`: tokens cannot be named.
use pagination_core::paginate;

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListValues(Option<String>);

fn main() {}
