pub struct ListUsers {
    token: Option<String>,
}
::core::compile_error! {
    "unknown key `imtes`; did you mean `items`? Expected one of: `operation`, `input_token`, `output_token`, `items`, `more_results`, `page_size`, `item_enum`, `next_request`, `item_order`"
}
::core::compile_error! {
    "unknown key `colour`; expected one of: `operation`, `input_token`, `output_token`, `items`, `more_results`, `page_size`, `item_enum`, `next_request`, `item_order`"
}
