// A unit struct without `operation`: it is neither a request builder nor an SDK operation.
use pagination_core::paginate;

#[paginate(input_token = marker, output_token = next_marker, items = things: u32)]
struct ListThings;

fn main() {}
