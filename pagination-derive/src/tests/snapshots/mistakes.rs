pub struct ListUsers {
    token: Option<String>,
}
#[allow(unused_qualifications, unreachable_code, unused_variables)]
const _: () = {
    use ::pagination_core::__private as __pagination;
    #[automatically_derived]
    impl __pagination::PaginatedOperation for ListUsers {
        type Request = ListUsers;
        type Output = <Self as __pagination::PageRequest>::Output;
        type Error = <Self as __pagination::PageRequest>::Error;
        type Item = ();
        fn send(_: Self::Request) -> __pagination::SendFuture<Self> {
            ::core::unreachable!()
        }
        fn parameters(_: &Self::Request) -> &dyn __pagination::Debug {
            ::core::unreachable!()
        }
        fn visit_tokens<V: __pagination::TokenVisitor>(
            _: Self::Request,
            _: &mut V,
        ) -> __pagination::Result<Self::Request, V::Error> {
            ::core::unreachable!()
        }
        fn next_request(_: Self::Request, _: &Self::Output) -> Self::Request {
            ::core::unreachable!()
        }
        fn item_fields(
            _: &mut Self::Output,
        ) -> impl __pagination::ItemFields<Self::Item> + '_ {
            __pagination::None::<&mut ::std::vec::Vec<Self::Item>>
        }
    }
    #[automatically_derived]
    impl __pagination::PageSize for ListUsers {
        fn set_page_size(_: Self::Request, _: __pagination::u32) -> Self::Request {
            ::core::unreachable!()
        }
    }
    #[automatically_derived]
    impl __pagination::IntoPaginator<ListUsers> for ListUsers {}
};
::core::compile_error! {
    "unknown key `imtes`; did you mean `items`? Expected one of: `operation`, `input_token`, `output_token`, `items`, `more_results`, `page_size`, `max_page_size`, `duplicate_token`, `item_enum`, `next_request`, `item_order`, `first_page_only`"
}
::core::compile_error! {
    "unknown key `colour`; expected one of: `operation`, `input_token`, `output_token`, `items`, `more_results`, `page_size`, `max_page_size`, `duplicate_token`, `item_enum`, `next_request`, `item_order`, `first_page_only`"
}
