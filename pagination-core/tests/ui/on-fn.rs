// The attribute on a function.
use pagination_core::paginate;

#[paginate(input_token = after, output_token = next, items = values: u32)]
fn list_values(after: Option<String>) -> Vec<u32> {
    let _ = after;
    Vec::new()
}

fn main() {}
