// Placement (a): the attribute on a request builder the user owns, with a page size and a
// "more results" flag, run to the end.
use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};

#[derive(Debug)]
struct Page {
    values: Vec<u32>,
    next: Option<String>,
    truncated: bool,
}

#[paginate(
    input_token = after,
    output_token = next,
    items = values: u32,
    more_results = truncated,
    page_size = limit,
)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
    limit: Option<u16>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::num::ParseIntError;

    async fn send(self) -> Result<Page, Self::Error> {
        let start: u32 = self.after.as_deref().map_or(Ok(0), str::parse)?;
        let end = (start + u32::from(self.limit.unwrap_or(3))).min(7);
        Ok(Page {
            values: (start..end).collect(),
            next: Some(end.to_string()),
            truncated: end < 7,
        })
    }
}

fn main() {
    let items: Vec<u32> = futures::executor::block_on(
        ListValues::default()
            .into_paginator()
            .page_size(2)
            .items()
            .try_collect(),
    )
    .unwrap();
    assert_eq!(items, (0..7).collect::<Vec<_>>());
}
