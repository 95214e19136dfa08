//! The shared test of a single-token operation against a [`TokenModel`]: one macro writes the
//! aws-smithy-mocks rule (each page computed by the model from the request's token and page
//! size) and checks the listing at the model's default page size, 1 and 4
//! ([`assert_token_listing`]), and that a page size above the declaration's `max_page_size` is
//! sent clamped to it (the model refuses a larger one, as the services do with a 400).

use std::fmt::Debug;

use futures::TryStreamExt;
use pagination_core::{PageSize, Paginator};

use crate::models::TokenModel;

/// `page_size(asked)` is sent as `sent` on every request, and lists the whole model.
pub async fn assert_page_size_clamped<Op>(
    request: Op::Request,
    model: &TokenModel<Op::Item>,
    asked: u32,
    sent: i32,
) where
    Op: PageSize,
    Op::Item: Clone + PartialEq + Debug,
    Op::Error: Debug,
{
    let items: Vec<Op::Item> = Paginator::<Op>::new(request)
        .page_size(asked)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, model.items(), "page size {asked}");
    let seen = model.take_seen();
    assert!(
        seen.iter().all(|request| request.page_size == Some(sent)),
        "page size {asked} is sent as {sent}: {seen:?}"
    );
}

/// `token_listing_test!(test_name, sdk_crate, client_method, Op, Output, set_items,
/// |input| page size sent, |client| request, model)`: a `#[tokio::test]` of `Op` against
/// `model` (an `Arc<TokenModel<Item>>`), whose requests the rule reads with
/// `input.next_token()` and the page-size expression, and whose pages it writes with
/// `Output::builder().set_items(..).set_next_token(..)`.
macro_rules! token_listing_test {
    (
        $name:ident, $sdk:ident, $method:ident, $op:ty, $output:ty, $set_items:ident,
        |$input:ident| $page_size:expr, |$client:ident| $request:expr, $model:expr $(,)?
    ) => {
        #[tokio::test]
        async fn $name() {
            let model = $model;
            let serving = std::sync::Arc::clone(&model);
            let rule =
                aws_smithy_mocks::mock!($sdk::Client::$method).then_compute_output(move |$input| {
                    let page = serving.page($input.next_token(), $page_size);
                    <$output>::builder()
                        .$set_items(Some(page.items))
                        .set_next_token(page.next)
                        .build()
                });
            let client =
                aws_smithy_mocks::mock_client!($sdk, aws_smithy_mocks::RuleMode::MatchAny, [&rule]);
            let $client = &client;
            let compared = crate::marker_model::assert_token_listing::<$op>($request, &model).await;
            assert_eq!(compared, 3 * model.items().len());
        }
    };
}

pub(crate) use token_listing_test;
