pub struct ListObjects;
///An item of [`ListObjects`]: one variant per item field, in the order of each page.
#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
pub enum ListObjectsItem {
    ///An element of `contents`.
    Contents(Object),
    ///An element of `common_prefixes`.
    CommonPrefixes(CommonPrefix),
}
#[allow(unused_qualifications)]
const _: () = {
    use ::pagination_core::__private as __pagination;
    #[allow(unused_imports)]
    use __pagination::autoref::*;
    type __PaginationRequest = aws_sdk_s3::operation::list_objects::builders::ListObjectsFluentBuilder;
    type __PaginationInput = aws_sdk_s3::operation::list_objects::ListObjectsInput;
    #[automatically_derived]
    impl __pagination::PaginatedOperation for ListObjects {
        type Request = __PaginationRequest;
        type Output = aws_sdk_s3::operation::list_objects::ListObjectsOutput;
        type Error = aws_sdk_s3::error::SdkError<
            aws_sdk_s3::operation::list_objects::ListObjectsError,
        >;
        type Item = ListObjectsItem;
        fn send(__request: Self::Request) -> __pagination::SendFuture<Self> {
            __pagination::Box::pin(__request.send())
        }
        fn parameters(__request: &Self::Request) -> &dyn __pagination::Debug {
            __request.as_input()
        }
        fn visit_tokens<V: __pagination::TokenVisitor>(
            __request: Self::Request,
            __visitor: &mut V,
        ) -> __pagination::Result<Self::Request, V::Error> {
            let __request = __pagination::tie!(__request; marker);
            let marker = (&&&__pagination::TokenSlot::of(__request.get_marker()))
                .token_kind()
                .visit(__visitor)?;
            __pagination::Ok(__request.set_marker(marker))
        }
        fn next_request(
            __request: Self::Request,
            __output: &Self::Output,
        ) -> Self::Request {
            let __next: fn(Self::Request, &Self::Output) -> Self::Request = paging::decode_marker;
            __next(
                __pagination::tie!(__request; marker)
                    .set_marker(
                        (&&&__pagination::TokenSlot::of(&__output.next_marker))
                            .token_kind()
                            .read(),
                    ),
                __output,
            )
        }
        fn more_results(
            __output: &Self::Output,
        ) -> __pagination::Option<__pagination::bool> {
            __pagination::Some(__pagination::flag(&__output.is_truncated))
        }
        fn item_order(
            __output: &Self::Output,
        ) -> __pagination::Option<__pagination::ItemOrder> {
            let __order: fn(&Self::Output) -> __pagination::ItemOrder = paging::by_key;
            __pagination::Some(__order(__output))
        }
        fn parameters_of(
            __request: &Self::Request,
            __parameters: &mut __pagination::Parameters,
        ) {
            __parameters.add_debug(__pagination::UNNAMED, __request.as_input());
        }
        __pagination::describe_error!();
        fn item_fields(
            __output: &mut Self::Output,
        ) -> impl __pagination::ItemFields<Self::Item> + '_ {
            (
                (
                    __pagination::item_field::<
                        Object,
                        _,
                    >(__pagination::Some(&mut __output.contents)),
                    ListObjectsItem::Contents,
                ),
                (
                    __pagination::item_field::<
                        CommonPrefix,
                        _,
                    >(__pagination::Some(&mut __output.common_prefixes)),
                    ListObjectsItem::CommonPrefixes,
                ),
            )
        }
    }
    #[automatically_derived]
    impl __pagination::IntoPaginator<ListObjects> for __PaginationRequest {}
};
