pub struct ListHostedZonesByVpc;
#[allow(unused_qualifications)]
const _: () = {
    use ::pagination_core::__private as __pagination;
    #[allow(unused_imports)]
    use __pagination::autoref::*;
    type __PaginationRequest = aws_sdk_route53::operation::list_hosted_zones_by_vpc::builders::ListHostedZonesByVPCFluentBuilder;
    type __PaginationInput = aws_sdk_route53::operation::list_hosted_zones_by_vpc::ListHostedZonesByVpcInput;
    #[automatically_derived]
    impl __pagination::PaginatedOperation for ListHostedZonesByVpc {
        type Request = __PaginationRequest;
        type Output = aws_sdk_route53::operation::list_hosted_zones_by_vpc::ListHostedZonesByVpcOutput;
        type Error = aws_sdk_route53::error::SdkError<
            aws_sdk_route53::operation::list_hosted_zones_by_vpc::ListHostedZonesByVPCError,
        >;
        type Item = HostedZoneSummary;
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
            __pagination::item_field::<
                HostedZoneSummary,
                _,
            >(__pagination::Some(&mut __output.hosted_zone_summaries))
        }
    }
    #[automatically_derived]
    impl __pagination::IntoPaginator<ListHostedZonesByVpc> for __PaginationRequest {}
};
