use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};

#[derive(Debug, Clone)]
struct Page {
    values: Vec<u32>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32, page_size = limit)]
#[derive(Clone, Debug, Default)]
struct ListValues {
    after: Option<String>,
    limit: Option<u32>,
}

impl PageRequest for ListValues {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        let start: u32 = self.after.as_deref().map_or(0, |a| a.parse().unwrap());
        let limit = self.limit.unwrap_or(3);
        let end = (start + limit).min(10);
        Ok(Page {
            values: (start..end).collect(),
            next: (end < 10).then(|| end.to_string()),
        })
    }
}

#[tokio::test]
async fn lists_everything() {
    let items: Vec<u32> = ListValues::default()
        .into_paginator()
        .page_size(4)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, (0..10).collect::<Vec<_>>());
}
