//! The ten paginators of `pagination_aws::apigatewayv2` (the SDK has none), against
//! aws-smithy-mocks models that compute every page from the request. This API takes its page
//! size as a string (`maxResults=25` in the query, a `String` in the SDK): the models parse it
//! and refuse anything that is not a number, so a page size written wrongly fails the test.
//! Some models end their listings with an empty `nextToken`, which the paginators take for the
//! end, as the SDK's paginators of other services do.

use std::sync::Arc;

use aws_sdk_apigatewayv2::operation::get_routes::GetRoutesOutput;
use aws_sdk_apigatewayv2::types::{
    Api, Authorizer, Deployment, DomainName, Integration, IntegrationResponse, Model, Route,
    RouteResponse, Stage,
};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::apigatewayv2::*;
use pagination_aws::{IntoPaginator, Paginator};

use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::resume_at_every_offset;
use crate::token_listing::token_listing_test;

/// `maxResults` as the service reads it: a number, or absent.
fn page_size(max_results: Option<&str>) -> Option<i32> {
    max_results.map(|text| {
        text.parse()
            .unwrap_or_else(|_| panic!("maxResults {text:?} is not a number"))
    })
}

fn model<T: Clone>(
    name: &'static str,
    count: usize,
    last_page: LastPage,
    make: impl Fn(usize) -> T,
) -> Arc<TokenModel<T>> {
    let items = (0..count).map(make).collect();
    Arc::new(TokenModel::new(name, items, 25, 500, last_page))
}

token_listing_test!(
    get_apis,
    aws_sdk_apigatewayv2,
    get_apis,
    GetApis,
    aws_sdk_apigatewayv2::operation::get_apis::GetApisOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client.get_apis(),
    model("get_apis", 8, LastPage::NoToken, |i| Api::builder()
        .api_id(format!("api{i:05}"))
        .name(format!("service-{i}"))
        .build()),
);

token_listing_test!(
    get_authorizers,
    aws_sdk_apigatewayv2,
    get_authorizers,
    GetAuthorizers,
    aws_sdk_apigatewayv2::operation::get_authorizers::GetAuthorizersOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client.get_authorizers().api_id("a1b2c3d4e5"),
    model("get_authorizers", 13, LastPage::EmptyToken, |i| {
        Authorizer::builder()
            .authorizer_id(format!("auth{i:04}"))
            .name(format!("authorizer-{i}"))
            .build()
    }),
);

token_listing_test!(
    get_deployments,
    aws_sdk_apigatewayv2,
    get_deployments,
    GetDeployments,
    aws_sdk_apigatewayv2::operation::get_deployments::GetDeploymentsOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client.get_deployments().api_id("a1b2c3d4e5"),
    model("get_deployments", 18, LastPage::NoToken, |i| {
        Deployment::builder()
            .deployment_id(format!("dep{i:05}"))
            .build()
    }),
);

token_listing_test!(
    get_domain_names,
    aws_sdk_apigatewayv2,
    get_domain_names,
    GetDomainNames,
    aws_sdk_apigatewayv2::operation::get_domain_names::GetDomainNamesOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client.get_domain_names(),
    model("get_domain_names", 23, LastPage::EmptyToken, |i| {
        DomainName::builder()
            .domain_name(format!("api{i}.example.com"))
            .build()
    }),
);

token_listing_test!(
    get_integration_responses,
    aws_sdk_apigatewayv2,
    get_integration_responses,
    GetIntegrationResponses,
    aws_sdk_apigatewayv2::operation::get_integration_responses::GetIntegrationResponsesOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client
        .get_integration_responses()
        .api_id("a1b2c3d4e5")
        .integration_id("f6g7h8"),
    model("get_integration_responses", 28, LastPage::NoToken, |i| {
        IntegrationResponse::builder()
            .integration_response_id(format!("ir{i:05}"))
            .integration_response_key(format!("/{i}/"))
            .build()
    }),
);

token_listing_test!(
    get_integrations,
    aws_sdk_apigatewayv2,
    get_integrations,
    GetIntegrations,
    aws_sdk_apigatewayv2::operation::get_integrations::GetIntegrationsOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client.get_integrations().api_id("a1b2c3d4e5"),
    model("get_integrations", 33, LastPage::EmptyToken, |i| {
        Integration::builder()
            .integration_id(format!("int{i:05}"))
            .build()
    }),
);

token_listing_test!(
    get_models,
    aws_sdk_apigatewayv2,
    get_models,
    GetModels,
    aws_sdk_apigatewayv2::operation::get_models::GetModelsOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client.get_models().api_id("a1b2c3d4e5"),
    model("get_models", 38, LastPage::NoToken, |i| Model::builder()
        .model_id(format!("mod{i:05}"))
        .name(format!("Model{i}"))
        .build()),
);

token_listing_test!(
    get_route_responses,
    aws_sdk_apigatewayv2,
    get_route_responses,
    GetRouteResponses,
    aws_sdk_apigatewayv2::operation::get_route_responses::GetRouteResponsesOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client
        .get_route_responses()
        .api_id("a1b2c3d4e5")
        .route_id("r9s8t7"),
    model("get_route_responses", 43, LastPage::EmptyToken, |i| {
        RouteResponse::builder()
            .route_response_id(format!("rr{i:05}"))
            .route_response_key("$default")
            .build()
    }),
);

token_listing_test!(
    get_routes,
    aws_sdk_apigatewayv2,
    get_routes,
    GetRoutes,
    aws_sdk_apigatewayv2::operation::get_routes::GetRoutesOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client.get_routes().api_id("a1b2c3d4e5"),
    model("get_routes", 48, LastPage::NoToken, |i| Route::builder()
        .route_id(format!("route{i:04}"))
        .route_key(format!("GET /items/{i}"))
        .build()),
);

token_listing_test!(
    get_stages,
    aws_sdk_apigatewayv2,
    get_stages,
    GetStages,
    aws_sdk_apigatewayv2::operation::get_stages::GetStagesOutput,
    set_items,
    |input| page_size(input.max_results()),
    |client| client.get_stages().api_id("a1b2c3d4e5"),
    model("get_stages", 53, LastPage::EmptyToken, |i| Stage::builder()
        .stage_name(format!("stage-{i:02}"))
        .build()),
);

#[tokio::test]
async fn get_routes_sends_the_page_size_as_digits_and_resumes_at_every_offset() {
    let model = model("routes", 17, LastPage::NoToken, |i| {
        Route::builder()
            .route_id(format!("r{i:03}"))
            .route_key(format!("GET /r/{i}"))
            .build()
    });
    let (serving, sent) = (
        Arc::clone(&model),
        Arc::new(std::sync::Mutex::new(Vec::new())),
    );
    let record = Arc::clone(&sent);
    let rule = mock!(aws_sdk_apigatewayv2::Client::get_routes).then_compute_output(move |input| {
        record
            .lock()
            .unwrap()
            .push(input.max_results().map(str::to_owned));
        let page = serving.page(input.next_token(), page_size(input.max_results()));
        GetRoutesOutput::builder()
            .set_items(Some(page.items))
            .set_next_token(page.next)
            .build()
    });
    let client = mock_client!(aws_sdk_apigatewayv2, RuleMode::MatchAny, [&rule]);
    let routes: Vec<Route> = Paginator::<GetRoutes>::new(client.get_routes().api_id("a1b2c3d4e5"))
        .page_size(5)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(routes, model.items());
    model.take_seen();
    let sent = std::mem::take(&mut *sent.lock().unwrap());
    assert_eq!(sent, vec![Some("5".to_owned()); 4]);
    // No paginator in the SDK: `into_paginator()` is this crate's too.
    let again: Vec<Route> = client
        .get_routes()
        .api_id("a1b2c3d4e5")
        .into_paginator()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(again, routes);
    model.take_seen();
    let resumed =
        resume_at_every_offset::<GetRoutes>(client.get_routes().api_id("a1b2c3d4e5")).await;
    assert_eq!(resumed, 17);
}
