//! Paginators for `aws-sdk-apigatewayv2`'s `Get*` collections, which its SDK crate does not page.
//!
//! API Gateway v2's `Get*` collections (APIs, routes, integrations, stages, ...) come a page at
//! a time, with a `NextToken`, but the SDK generates no paginator for them (only for
//! ListRoutingRules). These declarations
//! give the ten botocore pages one each, with item streams. All ten page alike: `next_token`
//! from the output's `next_token`, ending when it is absent or empty, the page's items in
//! `items`. `page_size` sets `max_results`, which this API takes as a string of digits (the
//! SDK's field is a `String`): [`Paginator::page_size`](crate::Paginator::page_size) writes the
//! number in decimal. The API reference gives no largest page size, so none is clamped here: a
//! size the service refuses fails the listing's first page, and a cursor keeps the page size it
//! was made with, so start a fresh listing with a smaller one. (Source: the
//! [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html),
//! the `maxResults` and `nextToken` query parameters.)
//!
//! [`Paginator::new`](crate::Paginator::new) builds them, as every paginator of this crate;
//! `into_paginator()` (from [`IntoPaginator`](crate::IntoPaginator)) works too while the SDK has
//! no paginator of its own for them:
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_aws::apigatewayv2::GetRoutes;
//!
//! # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let routes: Vec<_> = Paginator::<GetRoutes>::new(client.get_routes().api_id("a1b2c3d4e5"))
//!     .page_size(100)
//!     .items()
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_apigatewayv2::types::{
    Api, Authorizer, Deployment, DomainName, Integration, IntegrationResponse, Model, Route,
    RouteResponse, Stage,
};
use pagination_core::paginate;

/// `GetApis`: the HTTP and WebSocket APIs of the account and Region, as items of type [`Api`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetApis;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_apis();
/// let items: Vec<_> = Paginator::<GetApis>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_apis,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: Api,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetApis;

/// `GetAuthorizers`: the authorizers of an API, as items of type [`Authorizer`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-authorizers.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetAuthorizers;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_authorizers().api_id("a1b2c3d4e5");
/// let items: Vec<_> = Paginator::<GetAuthorizers>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_authorizers,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: Authorizer,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetAuthorizers;

/// `GetDeployments`: the deployments of an API, as items of type [`Deployment`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-deployments.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetDeployments;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_deployments().api_id("a1b2c3d4e5");
/// let items: Vec<_> = Paginator::<GetDeployments>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_deployments,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: Deployment,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetDeployments;

/// `GetDomainNames`: the custom domain names of the account and Region, as items of type [`DomainName`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/domainnames.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetDomainNames;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_domain_names();
/// let items: Vec<_> = Paginator::<GetDomainNames>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_domain_names,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: DomainName,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetDomainNames;

/// `GetIntegrationResponses`: the responses of an integration, as items of type [`IntegrationResponse`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetIntegrationResponses;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_integration_responses().api_id("a1b2c3d4e5").integration_id("f6g7h8");
/// let items: Vec<_> = Paginator::<GetIntegrationResponses>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_integration_responses,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: IntegrationResponse,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetIntegrationResponses;

/// `GetIntegrations`: the integrations of an API, as items of type [`Integration`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetIntegrations;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_integrations().api_id("a1b2c3d4e5");
/// let items: Vec<_> = Paginator::<GetIntegrations>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_integrations,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: Integration,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetIntegrations;

/// `GetModels`: the models of an API, as items of type [`Model`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-models.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetModels;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_models().api_id("a1b2c3d4e5");
/// let items: Vec<_> = Paginator::<GetModels>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_models,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: Model,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetModels;

/// `GetRouteResponses`: the responses of a route, as items of type [`RouteResponse`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes-routeid-routeresponses.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetRouteResponses;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_route_responses().api_id("a1b2c3d4e5").route_id("r9s8t7");
/// let items: Vec<_> = Paginator::<GetRouteResponses>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_route_responses,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: RouteResponse,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetRouteResponses;

/// `GetRoutes`: the routes of an API, as items of type [`Route`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetRoutes;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_routes().api_id("a1b2c3d4e5");
/// let items: Vec<_> = Paginator::<GetRoutes>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_routes,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: Route,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetRoutes;

/// `GetStages`: the stages of an API, as items of type [`Stage`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
/// Source: the [API Gateway v2 API reference](https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-stages.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::apigatewayv2::GetStages;
/// use pagination_aws::Paginator;
///
/// # async fn example(client: aws_sdk_apigatewayv2::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.get_stages().api_id("a1b2c3d4e5");
/// let items: Vec<_> = Paginator::<GetStages>::new(request).items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_apigatewayv2::operation::get_stages,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = items: Stage,
)]
#[derive(Debug, Clone, Copy)]
pub struct GetStages;
