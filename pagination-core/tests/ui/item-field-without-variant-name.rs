use pagination_core::{PageRequest, paginate};

struct Page {
    _1: Vec<u32>,
    extra: Vec<u32>,
    next: Option<String>,
}

// `_1` makes no enum variant name (`1` is not an identifier): it must be named with `as`.
#[paginate(input_token = after, output_token = next, items = (_1: u32, extra: u32))]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        Ok(Page {
            _1: vec![],
            extra: vec![],
            next: None,
        })
    }
}

fn main() {}
