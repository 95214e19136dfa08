//! One token, two tokens, the "more results" flag, the duplicate-token guard, the empty-string
//! token, an error in the middle of a listing.

use futures::{StreamExt, TryStreamExt};
use pagination_core::{
    Error, GuardPolicy, IntoPaginator, ItemStream, PageRequest, PageStream, Paginator, paginate,
};

use crate::drain;
use crate::model::*;

#[tokio::test]
async fn one_token_lists_every_item_once_in_order() {
    let server = Server::default();
    let items: Vec<String> = ListOne::new(&server, 23)
        .into_paginator()
        .page_size(5)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, catalog(23));
    assert_eq!(server.calls(), 5);
}

#[tokio::test]
async fn nothing_is_requested_before_the_first_poll() {
    let server = Server::default();
    let mut items = ListOne::new(&server, 3).into_paginator().items();
    let pages = ListOne::new(&server, 3).into_paginator().send();
    tokio::task::yield_now().await;
    assert_eq!(server.calls(), 0);
    drop(pages);
    assert_eq!(items.try_next().await.unwrap().as_deref(), Some("item-000"));
    assert_eq!(server.calls(), 1);
}

#[tokio::test]
async fn pages_are_the_service_outputs() {
    let server = Server::default();
    let mut pages = ListOne::new(&server, 12)
        .into_paginator()
        .page_size(5)
        .send();
    let mut sizes = Vec::new();
    let mut cursors = vec![pages.cursor().cloned()];
    while let Some(page) = pages.try_next().await.unwrap() {
        sizes.push(page.items.len());
        cursors.push(pages.cursor().cloned());
    }
    assert_eq!(sizes, [5, 5, 2]);
    assert!(cursors[..3].iter().all(Option::is_some));
    assert!(
        cursors[3].is_none(),
        "no cursor once the listing is complete"
    );
}

#[tokio::test]
async fn an_empty_string_token_ends_the_listing() {
    let server = Server::default();
    let request = ListOne {
        last_page: LastPage::EmptyToken,
        ..ListOne::new(&server, 20)
    };
    let items: Vec<String> = request
        .into_paginator()
        .page_size(5)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, catalog(20));
    assert_eq!(server.calls(), 4);
}

#[tokio::test]
async fn a_repeated_token_is_an_error_after_its_page_and_no_resume_reports_success() {
    let server = Server::default();
    let request = ListOne {
        last_page: LastPage::SameToken,
        ..ListOne::new(&server, 13)
    };
    let (items, error) = drain(request.clone().into_paginator().page_size(5).items()).await;
    assert_eq!(items, catalog(13), "every page up to the repeat is yielded");
    let Some(Error::DuplicateToken { cursor }) = error else {
        panic!("expected a duplicate-token error, got {error:?}");
    };
    assert_eq!(server.calls(), 3);
    // The cursor points after the page's items: resuming yields nothing twice, and the service
    // repeating itself again is again an error, never a quiet end.
    let (again, error) = drain(
        request
            .clone()
            .into_paginator()
            .page_size(5)
            .resume_from(&cursor)
            .unwrap()
            .items(),
    )
    .await;
    assert!(again.is_empty(), "{again:?}");
    assert!(
        matches!(error, Some(Error::DuplicateToken { .. })),
        "{error:?}"
    );

    // The user may choose to stop there, as the AWS SDK does.
    let items: Vec<String> = request
        .clone()
        .into_paginator()
        .page_size(5)
        .stop_on_duplicate_token(true)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, catalog(13));

    // Turned off, the same page is requested again, until another limit ends the listing.
    let server = Server::default();
    let request = ListOne {
        server: server.clone(),
        ..request
    };
    let items: Vec<String> = request
        .into_paginator()
        .page_size(5)
        .stop_on_duplicate_token(false)
        .max_pages(5)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(server.calls(), 5);
    assert_eq!(items.len(), 13 + 2 * 3, "the last page, three times");
}

/// CloudWatch Logs' GetLogEvents style: the forward token of the last page is the token just
/// sent, by design. The declaration says so once.
#[paginate(
    input_token = next_token,
    output_token = next_forward_token,
    items = events: u32,
    page_size = limit,
    max_page_size = 4,
    duplicate_token = stop
)]
#[derive(Clone, Debug)]
struct GetEvents {
    #[paginate(skip)]
    server: Server,
    next_token: Option<String>,
    limit: Option<u32>,
}

struct EventsPage {
    events: Vec<u32>,
    next_forward_token: Option<String>,
}

impl PageRequest for GetEvents {
    type Output = EventsPage;
    type Error = ApiError;

    async fn send(self) -> Result<EventsPage, ApiError> {
        self.server.call()?;
        let start: u32 = self
            .next_token
            .as_deref()
            .map_or(0, |token| token.parse().unwrap());
        let end = (start + self.limit.unwrap_or(4)).min(10);
        Ok(EventsPage {
            events: (start..end).collect(),
            // At the end, the token just sent comes back.
            next_forward_token: Some(end.to_string()),
        })
    }
}

#[tokio::test]
async fn a_page_size_above_the_declared_largest_is_clamped_before_any_request() {
    let request = GetEvents {
        server: Server::default(),
        next_token: None,
        limit: None,
    };
    for (asked, sent) in [(100, 4), (5, 4), (4, 4), (3, 3), (1, 1)] {
        let paginator = request.clone().into_paginator().page_size(asked);
        assert_eq!(paginator.request().limit, Some(sent), "page_size({asked})");
    }
    let server = Server::default();
    let events: Vec<u32> = GetEvents {
        server: server.clone(),
        ..request
    }
    .into_paginator()
    .page_size(1_000)
    .items()
    .try_collect()
    .await
    .unwrap();
    assert_eq!(events, (0..10).collect::<Vec<_>>());
    assert_eq!(
        server.calls(),
        4,
        "pages of 4: 0-3, 4-7, 8-9, and the repeat"
    );
}

#[tokio::test]
async fn a_declaration_whose_api_ends_by_repeating_its_token_stops_there() {
    let server = Server::default();
    let events: Vec<u32> = GetEvents {
        server: server.clone(),
        next_token: None,
        limit: None,
    }
    .into_paginator()
    .items()
    .try_collect()
    .await
    .unwrap();
    assert_eq!(events, (0..10).collect::<Vec<_>>());
    // 0-3, 4-7, 8-9 (token "10"), then "10" answers nothing and sends "10" back.
    assert_eq!(server.calls(), 4);

    // The user's choice still wins over the declaration's.
    let (events, error) = drain(
        GetEvents {
            server: Server::default(),
            next_token: None,
            limit: None,
        }
        .into_paginator()
        .on_duplicate_token(GuardPolicy::Error)
        .items(),
    )
    .await;
    assert_eq!(events.len(), 10);
    assert!(
        matches!(error, Some(Error::DuplicateToken { .. })),
        "{error:?}"
    );
}

#[tokio::test]
async fn two_tokens_travel_together_and_an_absent_one_is_cleared() {
    // Pages of five end on the last item of a group every other page: the index marker is then
    // absent and must be cleared, or the next page would start inside the previous group.
    for page_size in [1, 3, 5, 7, 10, 100] {
        let server = Server::default();
        let request = ListTwo {
            server: server.clone(),
            len: 45,
            group_marker: None,
            index_marker: None,
            max: None,
        };
        let items: Vec<String> = request
            .into_paginator()
            .page_size(page_size)
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(items, catalog(45), "page size {page_size}");
        assert_eq!(server.calls(), 45usize.div_ceil(page_size as usize));
    }
}

#[tokio::test]
async fn the_more_results_flag_decides_the_end() {
    // The model sends a marker on its last page too: only the flag says it is the last.
    let server = Server::default();
    let request = ListFlagged {
        server: server.clone(),
        len: 10,
        misbehaviour: Misbehaviour::None,
        marker: None,
        size: None,
    };
    let entries: Vec<ListFlaggedItem> = request
        .into_paginator()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(server.calls(), 3);
    // Several item fields: each page's entries, then its prefixes, in one pass.
    let mut expected = Vec::new();
    for (page, chunk) in catalog(10).chunks(4).enumerate() {
        expected.extend(chunk.iter().cloned().map(ListFlaggedItem::Entry));
        expected.push(ListFlaggedItem::Prefix(page as u32));
    }
    assert_eq!(entries, expected);
}

#[tokio::test]
async fn an_error_is_yielded_with_its_cursor_and_the_listing_resumes_there() {
    let server = Server::failing_on(&[2]);
    let request = ListOne::new(&server, 30);
    let paginator = request.into_paginator().page_size(5);

    let (first_part, error) = drain(paginator.clone().items()).await;
    assert_eq!(first_part, catalog(10));
    let error = error.expect("the third request fails");
    assert_eq!(error.request_error(), Some(&ApiError(2)));
    assert!(matches!(error, Error::Request { .. }));
    assert!(std::error::Error::source(&error).is_some());

    let rest: Vec<String> = paginator
        .clone()
        .resume_from(error.cursor())
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!([first_part, rest].concat(), catalog(30));

    // The page stream hands the same cursor.
    let server = Server::failing_on(&[1]);
    let paginator = ListOne::new(&server, 12).into_paginator().page_size(5);
    let (pages, error) = drain(paginator.clone().send()).await;
    assert_eq!(pages.len(), 1);
    let rest: Vec<_> = paginator
        .resume_from(error.unwrap().cursor())
        .unwrap()
        .send()
        .try_collect()
        .await
        .unwrap();
    let items: Vec<String> = pages
        .into_iter()
        .chain(rest)
        .flat_map(|page| page.items)
        .collect();
    assert_eq!(items, catalog(12));
}

#[tokio::test]
async fn streams_are_send_and_static_and_run_on_spawned_tasks() {
    fn assert_send_static<T: Send + 'static>(_: &T) {}
    let server = Server::default();
    let paginator: Paginator<ListOne> = ListOne::new(&server, 9).into_paginator();
    assert_send_static(&paginator);
    let pages: PageStream<ListOne> = paginator.clone().send();
    assert_send_static(&pages);
    let items: ItemStream<ListOne> = paginator.items();
    assert_send_static(&items);

    let counted = tokio::spawn(async move { items.count().await })
        .await
        .unwrap();
    assert_eq!(counted, 9);
    let pages = tokio::spawn(async move { pages.try_collect::<Vec<_>>().await })
        .await
        .unwrap();
    assert_eq!(pages.unwrap().len(), 1);
}
