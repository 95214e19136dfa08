use pagination_core::{PageRequest, paginate};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct User {
    pub name: String,
    pub email: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListUsersResponse {
    /// Left out of a page without users: proto3's JSON omits empty lists.
    #[serde(default)]
    pub users: Vec<User>,
    /// Absent or empty on the last page.
    #[serde(default)]
    pub next_page_token: String,
}

#[paginate(
    input_token = page_token,
    output_token = next_page_token,
    items = users: User,
    page_size = page_size
)]
#[derive(Clone, Debug)]
pub struct ListUsers {
    #[paginate(skip)]
    pub client: reqwest::Client,
    /// The API's root: `https://admin.googleapis.com/admin/directory/v1`.
    pub base: String,
    pub page_token: Option<String>,
    pub page_size: Option<u32>,
}

impl PageRequest for ListUsers {
    type Output = ListUsersResponse;
    type Error = reqwest::Error;

    async fn send(self) -> Result<ListUsersResponse, reqwest::Error> {
        let mut query = Vec::new();
        if let Some(token) = &self.page_token {
            query.push(("pageToken", token.clone()));
        }
        if let Some(size) = self.page_size {
            query.push(("pageSize", size.to_string()));
        }
        self.client
            .get(format!("{}/users", self.base))
            .query(&query)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}
