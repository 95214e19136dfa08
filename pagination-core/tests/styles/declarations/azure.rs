use pagination_core::{PageRequest, paginate};
use reqwest::Url;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Vault {
    pub id: String,
    pub name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VaultList {
    #[serde(default)]
    pub value: Vec<Vault>,
    /// The whole URL of the next page; absent on the last.
    pub next_link: Option<String>,
}

#[paginate(input_token = next_link, output_token = next_link, items = value: Vault)]
#[derive(Clone, Debug)]
pub struct ListVaults {
    #[paginate(skip)]
    pub client: reqwest::Client,
    /// The API's root: `https://management.azure.com/subscriptions/{id}`.
    pub base: String,
    pub next_link: Option<String>,
}

impl PageRequest for ListVaults {
    type Output = VaultList;
    /// A failed request, or a next link that leaves the API's origin.
    type Error = Box<dyn std::error::Error + Send + Sync>;

    async fn send(self) -> Result<VaultList, Self::Error> {
        let base = Url::parse(&self.base)?;
        let url = match &self.next_link {
            // Credentials go with every request: never to another origin than the API's.
            Some(next) => {
                let next = base.join(next)?;
                if next.origin() != base.origin() {
                    return Err(format!("refusing a nextLink to another origin: {next}").into());
                }
                next
            }
            None => Url::parse(&format!("{}/vaults?api-version=2023-07-01", self.base))?,
        };
        Ok(self
            .client
            .get(url)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }
}
