pub struct ListShards;
#[allow(unused_qualifications)]
const _: () = {
    use ::pagination_core::__private as __pagination;
    #[allow(unused_imports)]
    use __pagination::autoref::*;
    type __PaginationRequest = aws_sdk_kinesis::operation::list_shards::builders::ListShardsFluentBuilder;
    type __PaginationInput = aws_sdk_kinesis::operation::list_shards::ListShardsInput;
    #[automatically_derived]
    impl __pagination::PaginatedOperation for ListShards {
        type Request = __PaginationRequest;
        type Output = aws_sdk_kinesis::operation::list_shards::ListShardsOutput;
        type Error = aws_sdk_kinesis::error::SdkError<
            aws_sdk_kinesis::operation::list_shards::ListShardsError,
        >;
        type Item = Shard;
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
            let __request = __pagination::tie!(__request; next_token);
            let next_token = (&&&__pagination::TokenSlot::of(__request.get_next_token()))
                .token_kind()
                .visit(__visitor)?;
            __pagination::Ok(__request.set_next_token(next_token))
        }
        fn next_request(
            __request: Self::Request,
            __output: &Self::Output,
        ) -> Self::Request {
            __pagination::tie!(__request; next_token)
                .set_next_token(
                    (&&&__pagination::TokenSlot::of(&__output.next_token))
                        .token_kind()
                        .read(),
                )
        }
        fn clear_first_page_only(__request: Self::Request) -> Self::Request {
            __pagination::tie!(__request; stream_name, shard_filter)
                .set_stream_name(__pagination::None)
                .set_shard_filter(__pagination::None)
        }
        const SET_PAGE_SIZE: __pagination::PageSizeSetter<Self> = __pagination::Some(
            __pagination::set_page_size::<Self>,
        );
        fn parameters_of(
            __request: &Self::Request,
            __parameters: &mut __pagination::Parameters,
        ) {
            __parameters
                .add_input(
                    __pagination::tie!(
                        __pagination::Clone::clone(__request); max_results
                    )
                        .set_max_results(__pagination::None)
                        .as_input(),
                    __request.as_input(),
                );
        }
        __pagination::describe_error!();
        fn item_fields(
            __output: &mut Self::Output,
        ) -> impl __pagination::ItemFields<Self::Item> + '_ {
            __pagination::item_field::<
                Shard,
                _,
            >(__pagination::Some(&mut __output.shards))
        }
    }
    #[automatically_derived]
    impl __pagination::PageSize for ListShards {
        fn set_page_size(
            __request: Self::Request,
            __size: __pagination::u32,
        ) -> Self::Request {
            __pagination::tie!(__request; max_results)
                .set_max_results(__pagination::Some(__pagination::page_size(__size)))
        }
    }
    #[automatically_derived]
    impl __pagination::IntoPaginator<ListShards> for __PaginationRequest {}
};
