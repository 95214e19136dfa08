//! `max_items`, `max_pages`, and cursors: a listing stopped after any item resumes with exactly
//! the items not yet seen.

use std::fmt::Debug;

use futures::{StreamExt, TryStreamExt};
use pagination_core::{
    Cursor, CursorError, Error, IntoPaginator, MalformedCursor, PaginatedOperation, Paginator,
};

use crate::drain;
use crate::model::*;

/// Stops a listing after `count` items, resumes it from the item stream's cursor (through its
/// string form), and returns both parts.
async fn split_at<Op>(paginator: &Paginator<Op>, count: u64) -> (Vec<Op::Item>, Vec<Op::Item>)
where
    Op: PaginatedOperation,
    Op::Error: Debug,
{
    let mut head_stream = paginator.clone().max_items(count).items();
    let mut head = Vec::new();
    while let Some(item) = head_stream.try_next().await.unwrap() {
        head.push(item);
    }
    let Some(cursor) = head_stream.cursor() else {
        return (head, Vec::new());
    };
    let cursor: Cursor = cursor.to_string().parse().unwrap();
    let tail = paginator
        .clone()
        .resume_from(&cursor)
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    (head, tail)
}

/// For every offset of the listing, the two parts join to exactly the full listing.
async fn assert_resumes_at_every_offset<Op>(paginator: Paginator<Op>)
where
    Op: PaginatedOperation,
    Op::Item: PartialEq + Debug,
    Op::Error: Debug,
{
    let full: Vec<Op::Item> = paginator.clone().items().try_collect().await.unwrap();
    assert!(full.len() > 5, "a listing of several pages");
    for count in 0..=full.len() as u64 + 1 {
        let (head, tail) = split_at(&paginator, count).await;
        assert_eq!(head.len() as u64, count.min(full.len() as u64));
        let joined: Vec<_> = head.into_iter().chain(tail).collect();
        assert_eq!(joined, full, "stopped after {count} items");
    }
}

#[tokio::test]
async fn resumes_after_every_item_with_one_token() {
    let server = Server::default();
    assert_resumes_at_every_offset(ListOne::new(&server, 23).into_paginator().page_size(5)).await;
}

#[tokio::test]
async fn resumes_after_every_item_with_two_tokens() {
    let request = ListTwo {
        server: Server::default(),
        len: 33,
        group_marker: None,
        index_marker: None,
        max: None,
    };
    assert_resumes_at_every_offset(request.into_paginator().page_size(5)).await;
}

#[tokio::test]
async fn resumes_after_every_item_of_several_item_fields() {
    let request = ListFlagged {
        server: Server::default(),
        len: 17,
        misbehaviour: Misbehaviour::None,
        marker: None,
        size: None,
    };
    assert_resumes_at_every_offset(request.into_paginator().page_size(4)).await;
}

#[tokio::test]
async fn resumes_after_every_item_with_map_and_fallback_tokens() {
    let scan = Scan {
        server: Server::default(),
        len: 14,
        exclusive_start_key: None,
        limit: None,
    };
    assert_resumes_at_every_offset(scan.into_paginator().page_size(3)).await;
    for sends_next_marker in [false, true] {
        let request = ListObjectsV1 {
            server: Server::default(),
            len: 15,
            sends_next_marker,
            marker: None,
            max_keys: None,
        };
        assert_resumes_at_every_offset(request.into_paginator().page_size(4)).await;
    }
}

#[tokio::test]
async fn max_items_stops_mid_page_and_the_page_stream_trims_its_last_page() {
    let server = Server::default();
    let paginator = ListOne::new(&server, 23).into_paginator().page_size(5);

    let mut pages = paginator.clone().max_items(7).send();
    let mut sizes = Vec::new();
    while let Some(page) = pages.try_next().await.unwrap() {
        sizes.push(page.items.len());
    }
    assert_eq!(sizes, [5, 2]);
    assert_eq!(server.calls(), 2);
    let cursor = pages.cursor().expect("items remain").clone();
    assert_eq!(cursor.offset(), 2);

    // Resuming trims the front of the first page instead.
    let mut rest = paginator.resume_from(&cursor).unwrap().send();
    let first = rest.try_next().await.unwrap().unwrap();
    assert_eq!(first.items, catalog(10)[7..10]);
}

#[tokio::test]
async fn max_items_of_zero_requests_nothing() {
    let server = Server::default();
    let mut items = ListOne::new(&server, 5)
        .into_paginator()
        .max_items(0)
        .items();
    assert!(items.try_next().await.unwrap().is_none());
    assert_eq!(server.calls(), 0);
    assert!(items.cursor().is_some(), "the listing has not started");
}

#[tokio::test]
async fn max_pages_stops_at_a_page_boundary_with_a_cursor() {
    let server = Server::default();
    let paginator = ListOne::new(&server, 23).into_paginator().page_size(5);
    let mut pages = paginator.clone().max_pages(2).send();
    let mut count = 0;
    while pages.try_next().await.unwrap().is_some() {
        count += 1;
    }
    assert_eq!(count, 2);
    let cursor = pages.cursor().unwrap().clone();
    assert_eq!(cursor.offset(), 0);
    let rest: Vec<String> = paginator
        .resume_from(&cursor)
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest, catalog(23)[10..]);
}

#[tokio::test]
async fn the_item_stream_tells_its_cursor_after_each_item() {
    let server = Server::default();
    let paginator = ListOne::new(&server, 8).into_paginator().page_size(3);
    let mut items = paginator.clone().items();
    let mut seen = 0;
    while let Some(_item) = items.try_next().await.unwrap() {
        seen += 1;
        let Some(cursor) = items.cursor() else {
            assert_eq!(seen, 8, "only the end has no cursor");
            continue;
        };
        let rest: Vec<String> = paginator
            .clone()
            .resume_from(&cursor)
            .unwrap()
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(rest, catalog(8)[seen..], "after item {seen}");
    }
    assert!(items.cursor().is_none());
}

#[tokio::test]
async fn a_cursor_of_another_request_is_refused() {
    let server = Server::default();
    let request = ListOne::new(&server, 20);
    let mut items = request
        .clone()
        .into_paginator()
        .page_size(5)
        .max_items(7)
        .items();
    while items.try_next().await.unwrap().is_some() {}
    let cursor = items.cursor().unwrap();

    let other_filter = ListOne {
        filter: Some("photos/".into()),
        ..request.clone()
    };
    let error = other_filter
        .into_paginator()
        .page_size(5)
        .resume_from(&cursor)
        .unwrap_err();
    assert_eq!(
        error,
        CursorError::ParametersDiffer {
            parameters: vec!["filter"]
        }
    );
    assert!(error.to_string().contains("another `filter`"), "{error}");
    let numbers = ListNumbers {
        server: server.clone(),
        len: 20,
        start: None,
        count: None,
    };
    assert!(matches!(
        numbers.into_paginator().resume_from(&cursor).unwrap_err(),
        CursorError::RequestMismatch
            | CursorError::ParametersDiffer { .. }
            | CursorError::TokenMismatch
    ));

    // The page size is a parameter (offsets would point elsewhere), and the cursor carries the
    // one the listing was given. Another set before `resume_from` is refused there; one set after
    // it, when the listing starts, before any request.
    let error = request
        .clone()
        .into_paginator()
        .page_size(6)
        .resume_from(&cursor)
        .unwrap_err();
    assert_eq!(
        error,
        CursorError::ParametersDiffer {
            parameters: vec!["limit"]
        }
    );
    let paginator = request
        .clone()
        .into_paginator()
        .page_size(5)
        .resume_from(&cursor)
        .unwrap()
        .page_size(9);
    let (items, error) = drain(paginator.items()).await;
    assert!(items.is_empty());
    let Some(Error::Cursor {
        source: CursorError::ParametersDiffer { parameters },
        ..
    }) = error
    else {
        panic!("expected a page-size mismatch, got {error:?}");
    };
    assert_eq!(parameters, ["limit"]);

    // Without a page size of its own, the resumed listing continues with the cursor's: pages of
    // 5 from item 7 (the page 5..10 again, then 10..15, 15..20).
    let before = server.calls();
    let resumed = request
        .clone()
        .into_paginator()
        .resume_from(&cursor)
        .unwrap();
    assert_eq!(resumed.request().limit, Some(5));
    let rest: Vec<String> = resumed.items().try_collect().await.unwrap();
    assert_eq!(rest, catalog(20)[7..], "resume_from without page_size");
    assert_eq!(server.calls() - before, 3);
    // Through the cursor's string form too, in another process.
    let parsed: Cursor = cursor.to_string().parse().unwrap();
    let rest: Vec<String> = request
        .clone()
        .into_paginator()
        .resume_from(&parsed)
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest, catalog(20)[7..]);
    let rest: Vec<String> = request
        .into_paginator()
        .resume_from(&cursor)
        .unwrap()
        .page_size(5)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest, catalog(20)[7..], "resume_from, then page_size");
}

#[tokio::test]
async fn malformed_and_tampered_cursors_are_typed_errors() {
    let server = Server::default();
    let paginator = ListOne::new(&server, 20).into_paginator().page_size(5);
    let mut items = paginator.clone().max_items(7).items();
    while items.try_next().await.unwrap().is_some() {}
    let encoded = items.cursor().unwrap().to_string();

    for bad in [
        "",
        "hello",
        "%%%",
        "AAAA",
        &encoded[..encoded.len() - 1],
        &encoded[1..],
    ] {
        let error = bad.parse::<Cursor>().unwrap_err();
        assert!(
            matches!(error, CursorError::Malformed(_)),
            "{bad:?}: {error:?}"
        );
    }
    // Every one-character change is refused: a changed offset could list the wrong items.
    for index in 0..encoded.len() {
        let mut tampered = encoded.clone().into_bytes();
        tampered[index] = if tampered[index] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).unwrap();
        match tampered.parse::<Cursor>() {
            Err(CursorError::Malformed(_)) => {}
            other => panic!("position {index}: {other:?}"),
        }
    }
    assert_eq!(
        "x".repeat(70_000).parse::<Cursor>().unwrap_err(),
        CursorError::Malformed(MalformedCursor::ChecksumMismatch)
    );
}

#[tokio::test]
async fn a_cursor_past_the_end_of_a_changed_page_is_an_error_not_a_wrong_listing() {
    let server = Server::default();
    let request = ListOne::new(&server, 20);
    let paginator = request.clone().into_paginator().page_size(5);
    let mut items = paginator.clone().max_items(19).items();
    while items.try_next().await.unwrap().is_some() {}
    let cursor = items.cursor().unwrap();
    assert_eq!(cursor.offset(), 4);

    // The data shrinks: the last page now holds 2 items, fewer than the cursor's offset.
    request.len.set(17);
    let (items, error) = drain(paginator.resume_from(&cursor).unwrap().items()).await;
    assert!(items.is_empty());
    match error {
        Some(Error::Cursor {
            source:
                CursorError::OffsetOutOfRange {
                    offset: 4,
                    page_items: 2,
                },
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_paginator_cursor_is_where_it_starts() {
    let server = Server::default();
    let paginator = ListOne::new(&server, 9).into_paginator().page_size(4);
    let start = paginator.cursor();
    assert_eq!(start.offset(), 0);
    let all: Vec<String> = paginator
        .resume_from(&start)
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all, catalog(9));
    let count = ListOne::new(&server, 9)
        .into_paginator()
        .items()
        .count()
        .await;
    assert_eq!(count, 9);
}

/// A request parameter that is a hash map: its `Debug` order changes with its capacity and from
/// process to process, its cursor must not.
mod map_parameter {
    use std::collections::HashMap;

    use futures::TryStreamExt;
    use pagination_core::{IntoPaginator, PageRequest, paginate};

    struct Page {
        values: Vec<u32>,
        next: Option<u32>,
    }

    #[paginate(input_token = after, output_token = next, items = values: u32)]
    #[derive(Clone, Debug)]
    struct ListTagged {
        tags: HashMap<String, String>,
        after: Option<u32>,
    }

    impl PageRequest for ListTagged {
        type Output = Page;
        type Error = std::convert::Infallible;

        async fn send(self) -> Result<Page, Self::Error> {
            let start = self.after.unwrap_or(0);
            let end = (start + 3).min(10);
            Ok(Page {
                values: (start..end).collect(),
                next: (end < 10).then_some(end),
            })
        }
    }

    fn tags(order: impl Iterator<Item = usize>, capacity: usize) -> HashMap<String, String> {
        let mut tags = HashMap::with_capacity(capacity);
        for n in order {
            tags.insert(format!("key-{n}"), format!("value-{n}"));
        }
        tags
    }

    #[tokio::test]
    async fn a_map_parameter_fingerprints_by_its_contents() {
        let first = tags(0..40, 0);
        let second = tags((0..40).rev(), 500);
        assert_ne!(
            format!("{first:?}"),
            format!("{second:?}"),
            "Debug orders differ"
        );
        let mut items = ListTagged {
            tags: first,
            after: None,
        }
        .into_paginator()
        .max_items(4)
        .items();
        while items.try_next().await.unwrap().is_some() {}
        let cursor = items.cursor().unwrap();
        let rest: Vec<u32> = ListTagged {
            tags: second.clone(),
            after: None,
        }
        .into_paginator()
        .resume_from(&cursor)
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
        assert_eq!(rest, (4..10).collect::<Vec<_>>());
        let mut other = second;
        other.insert("key-0".into(), "changed".into());
        let error = ListTagged {
            tags: other,
            after: None,
        }
        .into_paginator()
        .resume_from(&cursor)
        .unwrap_err();
        assert!(error.to_string().contains("another `tags`"), "{error}");
    }
}

/// Values 0..30, `limit` a page, in a `u8` field that saturates at 255, at most 50 a page.
#[pagination_core::paginate(
    input_token = after,
    output_token = next,
    items = values: u32,
    page_size = limit,
    max_page_size = 50
)]
#[derive(Clone, Debug, Default)]
struct ListSmall {
    after: Option<u32>,
    limit: Option<u8>,
}

impl pagination_core::PageRequest for ListSmall {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        let start = self.after.unwrap_or(0);
        let end = (start + u32::from(self.limit.unwrap_or(3))).min(30);
        Ok(Page {
            values: (start..end).collect(),
            next: (end < 30).then_some(end),
        })
    }
}

#[tokio::test]
async fn page_sizes_compare_as_they_land_in_the_request() {
    // Asked 1,000 and 70, both clamped to 50: the same listing, whatever was asked.
    let mut head = ListSmall::default()
        .into_paginator()
        .page_size(1_000)
        .max_items(7)
        .items();
    while head.try_next().await.unwrap().is_some() {}
    let cursor = head.cursor().unwrap();
    let rest: Vec<u32> = ListSmall::default()
        .into_paginator()
        .page_size(70)
        .resume_from(&cursor)
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest, (7..30).collect::<Vec<_>>());
    // `page_size(0)` still fails before any request, cursor or not.
    let (items, error) = drain(
        ListSmall::default()
            .into_paginator()
            .page_size(0)
            .resume_from(&cursor)
            .unwrap()
            .items(),
    )
    .await;
    assert!(items.is_empty());
    assert!(
        matches!(error, Some(Error::InvalidPageSize { .. })),
        "{error:?}"
    );
}
