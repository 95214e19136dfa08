use pagination_core::link::next_link;
use pagination_core::{PageRequest, paginate};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Repo {
    pub id: u64,
    pub full_name: String,
}

/// One page: the body's items, and the `rel="next"` URL of the `Link` header.
pub struct ReposPage {
    pub repos: Vec<Repo>,
    pub next_url: Option<String>,
}

/// The token is the whole next request: a URL. Without one, the first page's URL.
#[paginate(
    input_token = url,
    output_token = next_url,
    items = repos: Repo,
    page_size = per_page,
    max_page_size = 100
)]
#[derive(Clone, Debug)]
pub struct ListRepos {
    #[paginate(skip)]
    pub client: reqwest::Client,
    /// The API's root: `https://api.github.com/orgs/octo`.
    pub base: String,
    pub url: Option<String>,
    pub per_page: Option<u32>,
}

impl PageRequest for ListRepos {
    type Output = ReposPage;
    /// A failed request, or a next URL that is no URL.
    type Error = Box<dyn std::error::Error + Send + Sync>;

    async fn send(self) -> Result<ReposPage, Self::Error> {
        let url = match self.url {
            Some(url) => url,
            None => format!(
                "{}/repos?per_page={}",
                self.base,
                self.per_page.unwrap_or(30)
            ),
        };
        let response = self.client.get(url).send().await?.error_for_status()?;
        // Every `Link` field of the answer; a relative target resolves against its URL.
        let next = next_link(
            response.headers().get_all(reqwest::header::LINK),
            response.url(),
        )?;
        Ok(ReposPage {
            next_url: next.map(String::from),
            repos: response.json().await?,
        })
    }
}
