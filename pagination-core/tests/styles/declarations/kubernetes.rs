use pagination_core::{PageRequest, paginate};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Pod {
    pub metadata: ObjectMeta,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ObjectMeta {
    pub name: String,
}

#[derive(Deserialize)]
pub struct PodList {
    #[serde(default)]
    pub items: Vec<Pod>,
    pub metadata: ListMeta,
}

#[derive(Deserialize)]
pub struct ListMeta {
    /// Empty or absent on the last page.
    #[serde(rename = "continue", default)]
    pub continue_token: Option<String>,
}

#[paginate(
    input_token = continue_token,
    output_token = metadata.continue_token,
    items = items: Pod,
    page_size = limit
)]
#[derive(Clone, Debug)]
pub struct ListPods {
    #[paginate(skip)]
    pub client: reqwest::Client,
    /// The API server: `https://kubernetes.default.svc`.
    pub base: String,
    pub namespace: String,
    pub continue_token: Option<String>,
    pub limit: Option<u32>,
}

impl PageRequest for ListPods {
    type Output = PodList;
    type Error = reqwest::Error;

    async fn send(self) -> Result<PodList, reqwest::Error> {
        let mut query = Vec::new();
        if let Some(limit) = self.limit {
            query.push(("limit", limit.to_string()));
        }
        if let Some(token) = self.continue_token {
            query.push(("continue", token));
        }
        self.client
            .get(format!(
                "{}/api/v1/namespaces/{}/pods",
                self.base, self.namespace
            ))
            .query(&query)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}
