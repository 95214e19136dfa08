use pagination_core::{PageRequest, paginate};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct RowsPage {
    #[serde(default)]
    pub rows: Vec<u64>,
    pub total: u64,
}

#[paginate(
    input_token = offset,
    items = rows: u64,
    page_size = limit,
    next_request = next_offset
)]
#[derive(Clone, Debug)]
pub struct ListRows {
    #[paginate(skip)]
    pub client: reqwest::Client,
    pub base: String,
    pub offset: Option<u64>,
    pub limit: Option<u32>,
}

/// The offset after this page; none once the total is reached, or on an empty page.
fn next_offset(mut request: ListRows, page: &RowsPage) -> ListRows {
    let next = request.offset.unwrap_or(0) + page.rows.len() as u64;
    request.offset = (!page.rows.is_empty() && next < page.total).then_some(next);
    request
}

impl PageRequest for ListRows {
    type Output = RowsPage;
    type Error = reqwest::Error;

    async fn send(self) -> Result<RowsPage, reqwest::Error> {
        self.client
            .get(format!("{}/rows", self.base))
            .query(&[
                ("offset", self.offset.unwrap_or(0)),
                ("limit", u64::from(self.limit.unwrap_or(10))),
            ])
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}
