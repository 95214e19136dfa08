use pagination_core::{PageRequest, paginate};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Customer {
    pub id: String,
}

#[derive(Deserialize)]
pub struct CustomerList {
    #[serde(default)]
    pub data: Vec<Customer>,
    pub has_more: bool,
}

/// A third-party parameters struct, as an SDK would define it: the token is one of its fields.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct ListCustomersParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[paginate(
    input_token = params.starting_after,
    output_token = data.last()?.id,
    more_results = has_more,
    items = data: Customer,
    page_size = limit,
    max_page_size = 100
)]
#[derive(Clone, Debug)]
pub struct ListCustomers {
    #[paginate(skip)]
    pub client: reqwest::Client,
    /// The API's root: `https://api.stripe.com/v1`.
    pub base: String,
    pub params: ListCustomersParams,
    pub limit: Option<u8>,
}

impl PageRequest for ListCustomers {
    type Output = CustomerList;
    type Error = reqwest::Error;

    async fn send(self) -> Result<CustomerList, reqwest::Error> {
        let mut request = self
            .client
            .get(format!("{}/customers", self.base))
            .query(&self.params);
        if let Some(limit) = self.limit {
            request = request.query(&[("limit", limit)]);
        }
        request.send().await?.error_for_status()?.json().await
    }
}
