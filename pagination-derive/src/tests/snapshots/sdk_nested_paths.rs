pub struct GetObjectAttributes;
#[allow(unused_qualifications)]
const _: () = {
    use ::pagination_core::__private as __pagination;
    #[allow(unused_imports)]
    use __pagination::autoref::*;
    type __PaginationRequest = aws_sdk_s3::operation::get_object_attributes::builders::GetObjectAttributesFluentBuilder;
    type __PaginationInput = aws_sdk_s3::operation::get_object_attributes::GetObjectAttributesInput;
    #[automatically_derived]
    impl __pagination::PaginatedOperation for GetObjectAttributes {
        type Request = __PaginationRequest;
        type Output = aws_sdk_s3::operation::get_object_attributes::GetObjectAttributesOutput;
        type Error = aws_sdk_s3::error::SdkError<
            aws_sdk_s3::operation::get_object_attributes::GetObjectAttributesError,
        >;
        type Item = ObjectPart;
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
            let __request = __pagination::tie!(__request; part_number_marker);
            let part_number_marker = (&&&__pagination::TokenSlot::of(
                __request.get_part_number_marker(),
            ))
                .token_kind()
                .visit(__visitor)?;
            __pagination::Ok(__request.set_part_number_marker(part_number_marker))
        }
        fn next_request(
            __request: Self::Request,
            __output: &Self::Output,
        ) -> Self::Request {
            __pagination::tie!(__request; part_number_marker)
                .set_part_number_marker(
                    (&&&__pagination::TokenSlot::at(
                        __output,
                        |__output| __pagination::Some(
                            &__output.object_parts.as_ref()?.next_part_number_marker,
                        ),
                    ))
                        .token_kind()
                        .read(),
                )
        }
        fn more_results(
            __output: &Self::Output,
        ) -> __pagination::Option<__pagination::bool> {
            __pagination::Some(
                __pagination::flag_at(
                    __output,
                    |__output| __pagination::Some(
                        &__output.object_parts.as_ref()?.is_truncated,
                    ),
                ),
            )
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
                    __pagination::tie!(__pagination::Clone::clone(__request); max_parts)
                        .set_max_parts(__pagination::None)
                        .as_input(),
                    __request.as_input(),
                );
        }
        __pagination::describe_error!();
        fn item_fields(
            __output: &mut Self::Output,
        ) -> impl __pagination::ItemFields<Self::Item> + '_ {
            __pagination::item_field::<
                ObjectPart,
                _,
            >(
                __pagination::field_mut(
                    __output,
                    |__output| __pagination::Some(
                        &mut __output.object_parts.as_mut()?.parts,
                    ),
                ),
            )
        }
    }
    #[automatically_derived]
    impl __pagination::PageSize for GetObjectAttributes {
        fn set_page_size(
            __request: Self::Request,
            __size: __pagination::u32,
        ) -> Self::Request {
            __pagination::tie!(__request; max_parts)
                .set_max_parts(__pagination::Some(__pagination::page_size(__size)))
        }
    }
    #[automatically_derived]
    impl __pagination::IntoPaginator<GetObjectAttributes> for __PaginationRequest {}
};
