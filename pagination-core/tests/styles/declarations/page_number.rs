use pagination_core::{PageRequest, paginate};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ItemsPage {
    #[serde(default)]
    pub items: Vec<String>,
}

#[paginate(
    input_token = page,
    items = items: String,
    page_size = per_page,
    max_page_size = 100,
    next_request = next_page
)]
#[derive(Clone, Debug)]
pub struct ListItems {
    #[paginate(skip)]
    pub client: reqwest::Client,
    pub base: String,
    /// From 1; `None` is the first page.
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

/// The next page number after any page with items: only an empty page ends the listing, since
/// a page shorter than asked may be the service's clamp, not the end.
fn next_page(mut request: ListItems, page: &ItemsPage) -> ListItems {
    request.page = (!page.items.is_empty()).then(|| request.page.unwrap_or(1) + 1);
    request
}

impl PageRequest for ListItems {
    type Output = ItemsPage;
    type Error = reqwest::Error;

    async fn send(self) -> Result<ItemsPage, reqwest::Error> {
        let mut query = vec![("page", self.page.unwrap_or(1))];
        if let Some(per_page) = self.per_page {
            query.push(("per_page", per_page));
        }
        self.client
            .get(format!("{}/items", self.base))
            .query(&query)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}
