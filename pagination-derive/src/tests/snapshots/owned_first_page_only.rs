#[derive(Clone, Debug)]
struct ListRows {
    filter: Option<String>,
    since: u64,
    after: Option<String>,
}
#[allow(unused_qualifications)]
const _: () = {
    use ::pagination_core::__private as __pagination;
    #[allow(unused_imports)]
    use __pagination::autoref::*;
    #[automatically_derived]
    impl __pagination::PaginatedOperation for ListRows {
        type Request = ListRows;
        type Output = <Self as __pagination::PageRequest>::Output;
        type Error = <Self as __pagination::PageRequest>::Error;
        type Item = Row;
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
            __request.after = (&&&__pagination::TokenSlot::of(&__request.after))
                .token_kind()
                .visit(__visitor)?;
            __pagination::Ok(__request)
        }
        fn next_request(
            mut __request: Self::Request,
            __output: &Self::Output,
        ) -> Self::Request {
            __request.after = (&&&__pagination::TokenSlot::of(&__output.next))
                .token_kind()
                .read();
            __request
        }
        fn clear_first_page_only(mut __request: Self::Request) -> Self::Request {
            {
                let __field = &mut __request.filter;
                __pagination::clear_field(__field);
            }
            {
                let __field = &mut __request.since;
                __pagination::clear_field(__field);
            }
            __request
        }
        fn parameters_of(
            __request: &Self::Request,
            __parameters: &mut __pagination::Parameters,
        ) {
            __parameters.add("filter", __pagination::debug_hash(&__request.filter));
            __parameters.add("since", __pagination::debug_hash(&__request.since));
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
            __pagination::item_field::<Row, _>(__pagination::Some(&mut __output.rows))
        }
    }
    #[automatically_derived]
    impl __pagination::IntoPaginator<ListRows> for ListRows {}
};
