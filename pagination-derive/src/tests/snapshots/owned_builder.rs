#[derive(Clone, Debug)]
pub struct ListUsers {
    client: Client,
    token: Option<String>,
    limit: Option<u32>,
}
#[allow(unused_qualifications)]
const _: () = {
    use ::pagination_core::__private as __pagination;
    #[allow(unused_imports)]
    use __pagination::autoref::*;
    #[automatically_derived]
    impl __pagination::PaginatedOperation for ListUsers {
        type Request = ListUsers;
        type Output = <Self as __pagination::PageRequest>::Output;
        type Error = <Self as __pagination::PageRequest>::Error;
        type Item = User;
        fn send(__request: Self::Request) -> __pagination::SendFuture<Self> {
            __pagination::Box::pin(
                (<Self as __pagination::PageRequest>::send)(__request),
            )
        }
        fn parameters(__request: &Self::Request) -> &dyn __pagination::Debug {
            (<Self as __pagination::PageRequest>::parameters)(__request)
        }
        fn visit_tokens<V: __pagination::TokenVisitor>(
            mut __request: Self::Request,
            __visitor: &mut V,
        ) -> __pagination::Result<Self::Request, V::Error> {
            __request.token = (&&&__pagination::TokenSlot::of(&__request.token))
                .token_kind()
                .visit(__visitor)?;
            __pagination::Ok(__request)
        }
        fn next_request(
            mut __request: Self::Request,
            __output: &Self::Output,
        ) -> Self::Request {
            __request.token = (&&&__pagination::TokenSlot::of(&__output.next_token))
                .token_kind()
                .read();
            __request
        }
        const SET_PAGE_SIZE: __pagination::PageSizeSetter<Self> = __pagination::Some(
            __pagination::set_page_size::<Self>,
        );
        fn parameters_of(
            __request: &Self::Request,
            __parameters: &mut __pagination::Parameters,
        ) {
            __parameters.add("client", __pagination::debug_hash(&__request.client));
            __parameters
                .add_page_size("limit", __pagination::debug_hash(&__request.limit));
        }
        fn describe_error(
            __error: &Self::Error,
            __formatter: &mut __pagination::Formatter<'_>,
        ) -> __pagination::FmtResult {
            (&&&__pagination::ErrorValue(__error)).describe(__formatter)
        }
        fn item_fields(
            __output: &mut Self::Output,
        ) -> impl __pagination::ItemFields<Self::Item> + '_ {
            __pagination::item_field::<User, _>(__pagination::Some(&mut __output.users))
        }
    }
    #[automatically_derived]
    impl __pagination::PageSize for ListUsers {
        fn set_page_size(
            mut __request: Self::Request,
            __size: __pagination::u32,
        ) -> Self::Request {
            __pagination::PageSizeField::set_page_size(&mut __request.limit, __size);
            __request
        }
    }
    #[automatically_derived]
    impl __pagination::IntoPaginator<ListUsers> for ListUsers {}
};
