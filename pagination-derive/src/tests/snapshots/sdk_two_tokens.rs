/// `ListObjectVersions`.
#[derive(Debug, Clone, Copy)]
pub struct ListObjectVersions;
///An item of [`ListObjectVersions`]: one variant per item field, in the order of each page.
#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
pub enum ObjectVersionEntry {
    ///An element of `versions`.
    Version(ObjectVersion),
    ///An element of `delete_markers`.
    DeleteMarker(DeleteMarkerEntry),
    ///An element of `common_prefixes`.
    CommonPrefix(CommonPrefix),
}
#[allow(unused_qualifications)]
const _: () = {
    use ::pagination_core::__private as __pagination;
    #[allow(unused_imports)]
    use __pagination::autoref::*;
    type __PaginationRequest = aws_sdk_s3::operation::list_object_versions::builders::ListObjectVersionsFluentBuilder;
    type __PaginationInput = aws_sdk_s3::operation::list_object_versions::ListObjectVersionsInput;
    #[automatically_derived]
    impl __pagination::PaginatedOperation for ListObjectVersions {
        type Request = __PaginationRequest;
        type Output = aws_sdk_s3::operation::list_object_versions::ListObjectVersionsOutput;
        type Error = aws_sdk_s3::error::SdkError<
            aws_sdk_s3::operation::list_object_versions::ListObjectVersionsError,
        >;
        type Item = ObjectVersionEntry;
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
            let __request = __pagination::tie!(__request; key_marker, version_id_marker);
            let key_marker = (&&&__pagination::TokenSlot::of(__request.get_key_marker()))
                .token_kind()
                .visit(__visitor)?;
            let version_id_marker = (&&&__pagination::TokenSlot::of(
                __request.get_version_id_marker(),
            ))
                .token_kind()
                .visit(__visitor)?;
            __pagination::Ok(
                __request
                    .set_key_marker(key_marker)
                    .set_version_id_marker(version_id_marker),
            )
        }
        fn next_request(
            __request: Self::Request,
            __output: &Self::Output,
        ) -> Self::Request {
            __pagination::tie!(__request; key_marker, version_id_marker)
                .set_key_marker(
                    (&&&__pagination::TokenSlot::of(&__output.next_key_marker))
                        .token_kind()
                        .read(),
                )
                .set_version_id_marker(
                    (&&&__pagination::TokenSlot::of(&__output.next_version_id_marker))
                        .token_kind()
                        .read(),
                )
        }
        fn more_results(
            __output: &Self::Output,
        ) -> __pagination::Option<__pagination::bool> {
            __pagination::Some(__pagination::flag(&__output.is_truncated))
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
                    __pagination::tie!(__pagination::Clone::clone(__request); max_keys)
                        .set_max_keys(__pagination::None)
                        .as_input(),
                    __request.as_input(),
                );
        }
        __pagination::describe_error!();
        fn item_fields(
            __output: &mut Self::Output,
        ) -> impl __pagination::ItemFields<Self::Item> + '_ {
            (
                (
                    __pagination::item_field::<
                        ObjectVersion,
                        _,
                    >(__pagination::Some(&mut __output.versions)),
                    ObjectVersionEntry::Version,
                ),
                (
                    __pagination::item_field::<
                        DeleteMarkerEntry,
                        _,
                    >(__pagination::Some(&mut __output.delete_markers)),
                    ObjectVersionEntry::DeleteMarker,
                ),
                (
                    __pagination::item_field::<
                        CommonPrefix,
                        _,
                    >(__pagination::Some(&mut __output.common_prefixes)),
                    ObjectVersionEntry::CommonPrefix,
                ),
            )
        }
    }
    #[automatically_derived]
    impl __pagination::PageSize for ListObjectVersions {
        fn set_page_size(
            __request: Self::Request,
            __size: __pagination::u32,
        ) -> Self::Request {
            __pagination::tie!(__request; max_keys)
                .set_max_keys(__pagination::Some(__pagination::page_size(__size)))
        }
    }
    #[automatically_derived]
    impl __pagination::IntoPaginator<ListObjectVersions> for __PaginationRequest {}
};
