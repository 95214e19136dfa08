//! Edge cases found by trying to break cursor format 2, the guards' cursors, `send_with`,
//! `Error::Request`'s `Display` and the `tracing` feature: hash maps at any depth, operations of
//! the same shape, limits reached on a guard's page, tail APIs followed through a repeated token,
//! boxed errors, tokens kept out of traces.
// Request fields here exist to be fingerprinted, not read.
#![allow(dead_code, clippy::box_collection)]

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::TryStreamExt;
use pagination_core::{
    Cursor, CursorError, Error, GuardPolicy, IntoPaginator, ItemFields, PageRequest,
    PaginatedOperation, Paginator, SendFuture, TokenVisitor, paginate,
};

use crate::drain;
use crate::leb128::write_leb;
use crate::model::*;

// ---------------------------------------------------------------------------------------------
// Helpers.

/// Two maps with the same entries whose `Debug` orders differ, as two processes (two
/// `RandomState` seeds) would build them.
fn twin_maps<V: Clone>(value: impl Fn(usize) -> V) -> (HashMap<String, V>, HashMap<String, V>) {
    for attempt in 0..64 {
        let a: HashMap<String, V> = (0..40).map(|n| (format!("k{n}"), value(n))).collect();
        let mut b: HashMap<String, V> = HashMap::with_capacity(300 + attempt);
        for n in (0..40).rev() {
            b.insert(format!("k{n}"), value(n));
        }
        let order_a: Vec<&String> = a.keys().collect();
        let order_b: Vec<&String> = b.keys().collect();
        if order_a != order_b {
            return (a, b);
        }
    }
    panic!("could not build two maps with different iteration orders");
}

fn twin_sets() -> (HashSet<String>, HashSet<String>) {
    let (a, b) = twin_maps(|_| ());
    (a.into_keys().collect(), b.into_keys().collect())
}

/// Ten values, three a page, `after` the index to start at.
pub struct Page {
    values: Vec<u32>,
    next: Option<u32>,
}

pub fn page_after(after: Option<u32>) -> Page {
    let start = after.unwrap_or(0);
    let end = (start + 3).min(10);
    Page {
        values: (start..end).collect(),
        next: (end < 10).then_some(end),
    }
}

/// Lists the first `count` values, and resumes a second paginator from the item stream's cursor.
async fn resume_in_other<A, B>(
    first: Paginator<A>,
    second: Paginator<B>,
) -> Result<Vec<B::Item>, CursorError>
where
    A: PaginatedOperation,
    B: PaginatedOperation,
    A::Error: fmt::Debug,
    B::Error: fmt::Debug,
{
    let mut items = first.max_items(4).items();
    while items.try_next().await.unwrap().is_some() {}
    let cursor: Cursor = items.cursor().unwrap().to_string().parse().unwrap();
    let paginator = second.resume_from(&cursor)?;
    let (items, error) = drain(paginator.items()).await;
    match error {
        None => Ok(items),
        Some(Error::Cursor { source, .. }) => Err(source),
        Some(other) => panic!("unexpected error {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Cursor format 2: what the fingerprint covers.

/// Parameters nested in a struct of their own, one of them a hash map.
#[derive(Clone, Debug, Default)]
struct Filter {
    prefix: Option<String>,
    tags: HashMap<String, String>,
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListNested {
    filter: Filter,
    after: Option<u32>,
}

impl PageRequest for ListNested {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        Ok(page_after(self.after))
    }
}

/// The same filter built in two processes: the map's `Debug` order differs. A cursor written by
/// one process must resume in the other (the commit says "so they resume across processes").
#[tokio::test]
async fn a_hash_map_inside_a_nested_parameter_struct_resumes_across_processes() {
    let (a, b) = twin_maps(|n| format!("v{n}"));
    let this_process = ListNested {
        filter: Filter {
            prefix: None,
            tags: a,
        },
        after: None,
    };
    let other_process = ListNested {
        filter: Filter {
            prefix: None,
            tags: b,
        },
        after: None,
    };
    let rest = resume_in_other(
        this_process.into_paginator(),
        other_process.into_paginator(),
    )
    .await
    .expect("the same parameters must accept the cursor");
    assert_eq!(rest, [4, 5, 6, 7, 8, 9]);
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListGroups {
    /// Group name to the members to list: a map whose values are sets.
    groups: HashMap<String, HashSet<String>>,
    after: Option<u32>,
}

impl PageRequest for ListGroups {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        Ok(page_after(self.after))
    }
}

/// A map parameter whose values are hash sets: the map is hashed entry by entry, but each entry
/// through `Debug`, which lists the set in its process-dependent order.
#[tokio::test]
async fn a_map_of_hash_sets_resumes_across_processes() {
    let (a, b) = twin_sets();
    let this_process = ListGroups {
        groups: HashMap::from([("g".to_owned(), a)]),
        after: None,
    };
    let other_process = ListGroups {
        groups: HashMap::from([("g".to_owned(), b)]),
        after: None,
    };
    let rest = resume_in_other(
        this_process.into_paginator(),
        other_process.into_paginator(),
    )
    .await
    .expect("the same parameters must accept the cursor");
    assert_eq!(rest, [4, 5, 6, 7, 8, 9]);
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListWrapped {
    boxed: Box<HashMap<String, String>>,
    shared: Arc<HashSet<String>>,
    many: Vec<HashMap<String, String>>,
    after: Option<u32>,
}

impl PageRequest for ListWrapped {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        Ok(page_after(self.after))
    }
}

/// `Box<HashMap>`, `Arc<HashSet>`, `Vec<HashMap>`: maps and sets one wrapper away.
#[tokio::test]
async fn wrapped_hash_maps_resume_across_processes() {
    let (a, b) = twin_maps(|n| format!("v{n}"));
    let (sa, sb) = twin_sets();
    let this_process = ListWrapped {
        boxed: Box::new(a.clone()),
        shared: Arc::new(sa),
        many: vec![a],
        after: None,
    };
    let other_process = ListWrapped {
        boxed: Box::new(b.clone()),
        shared: Arc::new(sb),
        many: vec![b],
        after: None,
    };
    let rest = resume_in_other(
        this_process.into_paginator(),
        other_process.into_paginator(),
    )
    .await
    .expect("the same parameters must accept the cursor");
    assert_eq!(rest, [4, 5, 6, 7, 8, 9]);
}

/// Two fields whose `Debug` outputs concatenate alike, an `Option<HashMap>`, a raw identifier:
/// each field is hashed apart and named by its unraw name.
#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListPairs {
    first: String,
    second: String,
    r#type: Option<String>,
    labels: Option<HashMap<String, String>>,
    after: Option<u32>,
}

impl PageRequest for ListPairs {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        Ok(page_after(self.after))
    }
}

#[tokio::test]
async fn concatenations_raw_names_and_optional_maps_are_told_apart() {
    let ab_c = ListPairs {
        first: "ab".into(),
        second: "c".into(),
        ..ListPairs::default()
    };
    let a_bc = ListPairs {
        first: "a".into(),
        second: "bc".into(),
        ..ListPairs::default()
    };
    assert_eq!(
        resume_in_other(ab_c.clone().into_paginator(), a_bc.into_paginator()).await,
        Err(CursorError::ParametersDiffer {
            parameters: vec!["first", "second"]
        })
    );
    let typed = ListPairs {
        r#type: Some("x".into()),
        ..ab_c.clone()
    };
    assert_eq!(
        resume_in_other(ab_c.clone().into_paginator(), typed.into_paginator()).await,
        Err(CursorError::ParametersDiffer {
            parameters: vec!["type"]
        })
    );
    // None and an empty map are different requests; equal maps in any order are the same.
    let (a, b) = twin_maps(|n| n.to_string());
    let empty = ListPairs {
        labels: Some(HashMap::new()),
        ..ab_c.clone()
    };
    assert_eq!(
        resume_in_other(ab_c.clone().into_paginator(), empty.into_paginator()).await,
        Err(CursorError::ParametersDiffer {
            parameters: vec!["labels"]
        })
    );
    let with_a = ListPairs {
        labels: Some(a),
        ..ab_c.clone()
    };
    let with_b = ListPairs {
        labels: Some(b),
        ..ab_c
    };
    assert_eq!(
        resume_in_other(with_a.into_paginator(), with_b.into_paginator())
            .await
            .unwrap(),
        [4, 5, 6, 7, 8, 9]
    );
}

/// Every field skipped, and two operations with identical fields: a cursor of one is refused by
/// the other as a cursor of another operation (what renaming the struct also does).
#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListAllSkipped {
    #[paginate(skip)]
    client: u8,
    #[paginate(skip)]
    after: Option<u32>,
}

impl PageRequest for ListAllSkipped {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        Ok(page_after(self.after))
    }
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListAllSkippedRenamed {
    #[paginate(skip)]
    client: u8,
    #[paginate(skip)]
    after: Option<u32>,
}

impl PageRequest for ListAllSkippedRenamed {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        Ok(page_after(self.after))
    }
}

#[tokio::test]
async fn no_parameters_and_a_renamed_operation() {
    let rest = resume_in_other(
        ListAllSkipped::default().into_paginator(),
        ListAllSkipped {
            client: 9,
            after: None,
        }
        .into_paginator(),
    )
    .await
    .unwrap();
    assert_eq!(rest, [4, 5, 6, 7, 8, 9]);
    assert_eq!(
        resume_in_other(
            ListAllSkipped::default().into_paginator(),
            ListAllSkippedRenamed::default().into_paginator(),
        )
        .await,
        Err(CursorError::TokenMismatch)
    );
}

/// Two operations of the same name in two modules (an API's v1 and v2, say) with the same
/// fields: the fingerprint names the operation without its module path, so a cursor of one
/// resumes the other.
mod v1 {
    use pagination_core::{PageRequest, paginate};

    #[paginate(input_token = after, output_token = next, items = values: u32)]
    #[derive(Clone, Debug, Default)]
    pub struct ListUsers {
        pub after: Option<u32>,
    }

    impl PageRequest for ListUsers {
        type Output = super::Page;
        type Error = std::convert::Infallible;

        async fn send(self) -> Result<super::Page, Self::Error> {
            Ok(super::page_after(self.after))
        }
    }
}

mod v2 {
    use pagination_core::{PageRequest, paginate};

    #[paginate(input_token = after, output_token = next, items = values: u32)]
    #[derive(Clone, Debug, Default)]
    pub struct ListUsers {
        pub after: Option<u32>,
    }

    impl PageRequest for ListUsers {
        type Output = super::Page;
        type Error = std::convert::Infallible;

        async fn send(self) -> Result<super::Page, Self::Error> {
            // Another API version: other values at the same positions.
            let mut page = super::page_after(self.after);
            page.values.iter_mut().for_each(|value| *value += 1000);
            Ok(page)
        }
    }
}

/// A hand-written generic operation: `type_name` of `Live<Users>` is `...::Live<...::Users>`,
/// whose last `::` segment is `Users>`, the same for `Archived<Users>`.
mod generic_ops {
    use std::marker::PhantomData;

    use super::*;

    #[derive(Clone, Debug, Default)]
    pub struct UsersRequest {
        pub after: Option<u32>,
    }

    pub struct Users;
    pub struct Live<T>(PhantomData<T>);
    pub struct Archived<T>(PhantomData<T>);

    macro_rules! op {
        ($op:ident, $offset:expr) => {
            impl PaginatedOperation for $op<Users> {
                type Request = UsersRequest;
                type Output = Page;
                type Error = std::convert::Infallible;
                type Item = u32;

                fn send(request: UsersRequest) -> SendFuture<Self> {
                    Box::pin(async move {
                        let mut page = page_after(request.after);
                        page.values.iter_mut().for_each(|value| *value += $offset);
                        Ok(page)
                    })
                }

                fn parameters(request: &UsersRequest) -> &dyn fmt::Debug {
                    request
                }

                fn visit_tokens<V: TokenVisitor>(
                    mut request: UsersRequest,
                    visitor: &mut V,
                ) -> Result<UsersRequest, V::Error> {
                    request.after = visitor.visit(request.after.take())?;
                    Ok(request)
                }

                fn next_request(mut request: UsersRequest, output: &Page) -> UsersRequest {
                    request.after = output.next;
                    request
                }

                fn item_fields(output: &mut Page) -> impl ItemFields<u32> + '_ {
                    Some(&mut output.values)
                }
            }
        };
    }

    op!(Live, 0);
    op!(Archived, 5000);
}

#[tokio::test]
async fn a_cursor_of_another_generic_operation_is_refused() {
    use generic_ops::*;
    assert_eq!(
        resume_in_other(
            Paginator::<Live<Users>>::new(UsersRequest::default()),
            Paginator::<Archived<Users>>::new(UsersRequest::default()),
        )
        .await,
        Err(CursorError::TokenMismatch)
    );
}

/// A format-1 cursor (version 1, the hash of the request's `Debug` output with tokens cleared,
/// offset, tokens), written as the previous release wrote it for `ListOne` with page size 5.
fn format_1_cursor(request_with_page_size: &ListOne, offset: u64, tokens: &[u8]) -> Cursor {
    let mut cleared = request_with_page_size.clone();
    cleared.after = None;
    let fingerprint = xxhash_rust::xxh3::xxh3_64(format!("{cleared:?}").as_bytes());
    let mut body = Vec::new();
    write_leb(&mut body, 1);
    write_leb(&mut body, fingerprint);
    write_leb(&mut body, offset);
    write_leb(&mut body, tokens.len() as u64);
    body.extend_from_slice(tokens);
    let sum = xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes();
    body.extend_from_slice(&sum[..4]);
    URL_SAFE_NO_PAD.encode(body).parse().unwrap()
}

/// The page size set through the request's own field rather than `page_size()`: still the page
/// size, still checked when the listing starts.
#[tokio::test]
async fn a_page_size_set_in_the_request_field_is_the_page_size() {
    let server = Server::default();
    let request = ListOne {
        limit: Some(5),
        ..ListOne::new(&server, 20)
    };
    let mut items = request.clone().into_paginator().max_items(7).items();
    while items.try_next().await.unwrap().is_some() {}
    let cursor = items.cursor().unwrap();
    let other = ListOne {
        limit: Some(6),
        ..request.clone()
    };
    let (items, error) = drain(other.into_paginator().resume_from(&cursor).unwrap().items()).await;
    assert!(items.is_empty());
    assert!(
        matches!(
            &error,
            Some(Error::Cursor { source: CursorError::ParametersDiffer { parameters }, .. }) if parameters == &["limit"]
        ),
        "{error:?}"
    );
    let fixed: Vec<String> = ListOne {
        limit: None,
        ..request
    }
    .into_paginator()
    .resume_from(&cursor)
    .unwrap()
    .page_size(5)
    .items()
    .try_collect()
    .await
    .unwrap();
    assert_eq!(fixed, catalog(20)[7..]);
}

// ---------------------------------------------------------------------------------------------
// 2. Guard cursors.

fn flagged(len: usize, misbehaviour: Misbehaviour) -> ListFlagged {
    ListFlagged {
        server: Server::default(),
        len,
        misbehaviour,
        marker: None,
        size: None,
    }
}

/// Every item of the listing up to the guard's error, and the error.
async fn listed_then_resumed(
    paginator: Paginator<ListFlagged>,
    fresh: impl Fn() -> Paginator<ListFlagged>,
) -> (Vec<ListFlaggedItem>, Vec<ListFlaggedItem>) {
    let mut stream = paginator.items();
    let mut seen = Vec::new();
    loop {
        match stream.try_next().await {
            Ok(Some(item)) => seen.push(item),
            Ok(None) => break,
            Err(error) => {
                assert_eq!(Some(error.cursor().clone()), stream.cursor());
                break;
            }
        }
    }
    let Some(cursor) = stream.cursor() else {
        return (seen, Vec::new());
    };
    let (rest, _) = drain(fresh().resume_from(&cursor).unwrap().items()).await;
    (seen, rest)
}

fn repeated(seen: &[ListFlaggedItem], rest: &[ListFlaggedItem]) -> Vec<ListFlaggedItem> {
    rest.iter()
        .filter(|item| seen.contains(item))
        .cloned()
        .collect()
}

/// The flag says more but page 1 has no marker. With no limit, the missing-token guard's cursor
/// points after page 1's items. With a `max_pages` or `max_items` limit reached on that very
/// page, the listing "ends cleanly", and its cursor must not send a resume back to page 0.
#[tokio::test]
async fn max_pages_reached_on_a_page_without_a_token_leaves_a_cursor_that_repeats_nothing() {
    let misbehaviour = Misbehaviour::NoMarker { at: 1 };
    let (seen, rest) = listed_then_resumed(flagged(17, misbehaviour).into_paginator(), || {
        flagged(17, misbehaviour).into_paginator()
    })
    .await;
    assert_eq!(seen.len(), 10);
    assert!(repeated(&seen, &rest).is_empty(), "guard: {rest:?}");

    let (seen, rest) = listed_then_resumed(
        flagged(17, misbehaviour).into_paginator().max_pages(2),
        || flagged(17, misbehaviour).into_paginator(),
    )
    .await;
    assert_eq!(seen.len(), 10);
    assert!(
        repeated(&seen, &rest).is_empty(),
        "max_pages(2): resuming repeats {:?}",
        repeated(&seen, &rest)
    );
}

/// The same with `max_items` reached exactly at the end of that page.
#[tokio::test]
async fn max_items_reached_on_a_page_without_a_token_leaves_a_cursor_that_repeats_nothing() {
    let misbehaviour = Misbehaviour::NoMarker { at: 1 };
    let (seen, rest) = listed_then_resumed(
        flagged(17, misbehaviour).into_paginator().max_items(10),
        || flagged(17, misbehaviour).into_paginator(),
    )
    .await;
    assert_eq!(seen.len(), 10);
    assert!(
        repeated(&seen, &rest).is_empty(),
        "max_items(10): resuming repeats {:?}",
        repeated(&seen, &rest)
    );
}

/// A service that points back to an earlier page (a cycle). Whether the listing ended at the
/// cycle guard or at a `max_pages` limit reached on that page, its cursor points after the page's
/// items; a resumed listing starts with no token history (the cycle guard does not span resumes,
/// as documented), follows the service back into the cycle once, and ends with
/// `Error::TokenCycle` again: never a listing that completes with items repeated.
#[tokio::test]
async fn resuming_after_a_token_cycle_meets_the_cycle_guard_again() {
    let misbehaviour = Misbehaviour::CycleBack { at: 2, to: 1 };
    for (limited, prefetch) in [(false, 0), (false, 2), (true, 0)] {
        let mut paginator = flagged(40, misbehaviour)
            .into_paginator()
            .prefetch(prefetch);
        if limited {
            paginator = paginator.max_pages(3);
        }
        let mut stream = paginator.items();
        let mut seen = Vec::new();
        while let Ok(Some(item)) = stream.try_next().await {
            seen.push(item);
        }
        assert_eq!(seen.len(), 15);
        let cursor = stream.cursor().expect("the listing is not complete");
        let (rest, error) = drain(
            flagged(40, misbehaviour)
                .into_paginator()
                .resume_from(&cursor)
                .unwrap()
                .items(),
        )
        .await;
        assert!(
            matches!(error, Some(Error::TokenCycle { .. })),
            "limited {limited}, prefetch {prefetch}: {error:?}"
        );
        // One pass through the cycle (pages 1 and 2), not more.
        assert!(rest.len() <= 10, "limited {limited}: {} items", rest.len());
    }
}

/// The duplicate and missing-token guards, with the page stream and the item stream, with and
/// without prefetch: the error's cursor and the stream's agree, and resuming repeats nothing.
#[tokio::test]
async fn guard_cursors_agree_across_streams_and_prefetch() {
    for misbehaviour in [
        Misbehaviour::CycleBack { at: 2, to: 2 },
        Misbehaviour::NoMarker { at: 2 },
    ] {
        for prefetch in [0, 1, 2] {
            let (seen, rest) = listed_then_resumed(
                flagged(40, misbehaviour)
                    .into_paginator()
                    .prefetch(prefetch),
                || flagged(40, misbehaviour).into_paginator(),
            )
            .await;
            assert_eq!(seen.len(), 15, "{misbehaviour:?}");
            assert!(repeated(&seen, &rest).is_empty(), "{misbehaviour:?}");

            let mut pages = flagged(40, misbehaviour)
                .into_paginator()
                .prefetch(prefetch)
                .send();
            let mut count = 0;
            let error = loop {
                match pages.try_next().await {
                    Ok(Some(_)) => count += 1,
                    Ok(None) => panic!("{misbehaviour:?}: no error"),
                    Err(error) => break error,
                }
            };
            assert_eq!(count, 3);
            assert_eq!(Some(error.cursor()), pages.cursor());
            assert_eq!(error.cursor().offset(), 5, "after page 2's 5 items");
        }
    }
}

/// A service that returns the token it was sent with *new* items each time (a tail, as
/// CloudWatch Logs' GetLogEvents does with its forward token), followed with
/// `on_duplicate_token(Continue)`: the item stream's cursor between two pages must resume where
/// the live stream goes on.
#[paginate(input_token = token, output_token = next, items = events: u32)]
#[derive(Clone, Debug)]
struct TailEvents {
    #[paginate(skip)]
    log: Arc<AtomicUsize>,
    token: Option<String>,
}

struct EventsPage {
    events: Vec<u32>,
    next: Option<String>,
}

impl PageRequest for TailEvents {
    type Output = EventsPage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<EventsPage, Self::Error> {
        // Each call sees two more events; the forward token does not change.
        let start = self.log.fetch_add(2, Ordering::SeqCst) as u32;
        Ok(EventsPage {
            events: vec![start, start + 1],
            next: Some("f/forward".into()),
        })
    }
}

#[tokio::test]
async fn a_followed_duplicate_token_leaves_a_cursor_that_loses_nothing() {
    let log = Arc::new(AtomicUsize::new(0));
    let paginator = TailEvents {
        log: log.clone(),
        token: None,
    }
    .into_paginator()
    .on_duplicate_token(GuardPolicy::Continue);
    // Two pages: [0, 1] (no token sent), [2, 3] (the forward token, returned again).
    let mut stream = paginator.clone().max_pages(2).items();
    let mut seen = Vec::new();
    while let Some(event) = stream.try_next().await.unwrap() {
        seen.push(event);
    }
    assert_eq!(seen, [0, 1, 2, 3]);
    let cursor = stream.cursor().expect("the tail goes on");
    // The live stream would request the forward token again and get [4, 5]: so must a resume.
    let mut resumed = paginator.resume_from(&cursor).unwrap().max_pages(1).items();
    let mut rest = Vec::new();
    while let Some(event) = resumed.try_next().await.unwrap() {
        rest.push(event);
    }
    assert_eq!(rest, [4, 5], "the resume skipped the new events");
}

// ---------------------------------------------------------------------------------------------
// 3. send_with.

/// `send_with` on every page, after a resume, with prefetch, on clones; a sender that fails; a
/// sender that answers another request's page (the engine still follows its own tokens).
#[tokio::test]
async fn send_with_reaches_every_page() {
    for prefetch in [0, 2] {
        let server = Server::default();
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = calls.clone();
        let paginator = ListOne::new(&server, 23)
            .into_paginator()
            .page_size(5)
            .prefetch(prefetch)
            .send_with(move |request: ListOne| {
                counted.fetch_add(1, Ordering::SeqCst);
                request.send()
            });
        let mut head = paginator.clone().max_items(7).items();
        while head.try_next().await.unwrap().is_some() {}
        let cursor = head.cursor().unwrap();
        let rest: Vec<String> = paginator
            .clone()
            .resume_from(&cursor)
            .unwrap()
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(rest, catalog(23)[7..]);
        assert_eq!(calls.load(Ordering::SeqCst), server.calls());
    }

    // A sender that fails on its second call: the error's cursor retries page 2 without it.
    let server = Server::default();
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let failing = ListOne::new(&server, 12)
        .into_paginator()
        .page_size(5)
        .send_with(move |request: ListOne| {
            let call = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                if call == 1 {
                    Err(ApiError(99))
                } else {
                    request.send().await
                }
            }
        });
    let (items, error) = drain(failing.items()).await;
    assert_eq!(items, catalog(5));
    let error = error.unwrap();
    assert!(error.to_string().contains("request 99 failed"), "{error}");
    let rest: Vec<String> = ListOne::new(&server, 12)
        .into_paginator()
        .page_size(5)
        .resume_from(error.cursor())
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest, catalog(12)[5..]);

    // A sender that always answers the first page: its token ("5") comes back for every request,
    // a duplicate from the second page on: an error after that page, never a quiet end.
    let server = Server::default();
    let first_page = ListOne::new(&server, 12)
        .into_paginator()
        .page_size(5)
        .send_with(|request: ListOne| {
            ListOne {
                after: None,
                ..request
            }
            .send()
        });
    let mut pages = first_page.send();
    let mut count = 0;
    let error = loop {
        match pages.try_next().await {
            Ok(Some(_)) => count += 1,
            Ok(None) => panic!("the listing ended quietly on a repeated token"),
            Err(error) => break error,
        }
    };
    assert!(matches!(error, Error::DuplicateToken { .. }), "{error:?}");
    assert_eq!(count, 2, "page 1, then page '5' answered with page 1 again");
}

// ---------------------------------------------------------------------------------------------
// 4. Error::Request's Display.

/// An error type shared by a generated operation and a hand-written one whose `describe_error`
/// says something else (here: it keeps a URL with a token out of logs).
#[derive(Debug)]
pub struct SharedError {
    url: String,
}

impl fmt::Display for SharedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "request to {} failed", self.url)
    }
}

impl std::error::Error for SharedError {}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct GeneratedOp {
    after: Option<u32>,
}

impl PageRequest for GeneratedOp {
    type Output = Page;
    type Error = SharedError;

    async fn send(self) -> Result<Page, SharedError> {
        Err(SharedError {
            url: "https://api/list?page_token=GENERATED".into(),
        })
    }
}

struct HandWritten;

impl PaginatedOperation for HandWritten {
    type Request = GeneratedOp;
    type Output = Page;
    type Error = SharedError;
    type Item = u32;

    fn send(_: GeneratedOp) -> SendFuture<Self> {
        Box::pin(async {
            Err(SharedError {
                url: "https://api/list?page_token=HAND".into(),
            })
        })
    }

    fn parameters(request: &GeneratedOp) -> &dyn fmt::Debug {
        request
    }

    fn describe_error(_: &SharedError, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str("the listing service failed (URL withheld)")
    }

    fn visit_tokens<V: TokenVisitor>(
        mut request: GeneratedOp,
        visitor: &mut V,
    ) -> Result<GeneratedOp, V::Error> {
        request.after = visitor.visit(request.after.take())?;
        Ok(request)
    }

    fn next_request(mut request: GeneratedOp, output: &Page) -> GeneratedOp {
        request.after = output.next;
        request
    }

    fn item_fields(output: &mut Page) -> impl ItemFields<u32> + '_ {
        Some(&mut output.values)
    }
}

/// Each operation's errors print its own way, whichever failed first in the process: the
/// description travels in the error, not in a registry by error type.
#[tokio::test]
async fn two_operations_sharing_an_error_type_each_describe_it_their_way() {
    for hand_written_first in [true, false] {
        let hand = || async {
            let (_, error) =
                drain(Paginator::<HandWritten>::new(GeneratedOp::default()).items()).await;
            error.unwrap().to_string()
        };
        let generated = || async {
            let (_, error) = drain(GeneratedOp::default().into_paginator().items()).await;
            error.unwrap().to_string()
        };
        let (hand, generated) = if hand_written_first {
            let hand = hand().await;
            (hand, generated().await)
        } else {
            let generated = generated().await;
            (hand().await, generated)
        };
        assert!(hand.contains("URL withheld"), "{hand}");
        assert!(!hand.contains("page_token"), "{hand}");
        assert!(generated.contains("page_token=GENERATED"), "{generated}");
    }
}

/// A request error with a cause, boxed as `Box<dyn Error + Send + Sync>` (a common error type of
/// HTTP clients written by hand): "with its causes".
#[derive(Debug)]
struct Outer(std::io::Error);

impl fmt::Display for Outer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("listing failed")
    }
}

impl std::error::Error for Outer {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct BoxedErrorOp {
    after: Option<u32>,
}

impl PageRequest for BoxedErrorOp {
    type Output = Page;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    async fn send(self) -> Result<Page, Self::Error> {
        Err(Box::new(Outer(std::io::Error::other(
            "connection reset by peer",
        ))))
    }
}

#[tokio::test]
async fn a_boxed_error_shows_its_causes() {
    let (_, error) = drain(BoxedErrorOp::default().into_paginator().items()).await;
    let text = error.unwrap().to_string();
    assert!(text.contains("listing failed"), "{text}");
    assert!(text.contains("connection reset by peer"), "{text}");
}

/// An error whose own message is empty, with a cause: no empty segment.
#[derive(Debug)]
struct Silent(std::io::Error);

impl fmt::Display for Silent {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for Silent {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct SilentErrorOp {
    after: Option<u32>,
}

impl PageRequest for SilentErrorOp {
    type Output = Page;
    type Error = Silent;

    async fn send(self) -> Result<Page, Silent> {
        Err(Silent(std::io::Error::other("timed out")))
    }
}

#[tokio::test]
async fn an_error_with_an_empty_message_reads_well() {
    let (_, error) = drain(SilentErrorOp::default().into_paginator().items()).await;
    let text = error.unwrap().to_string();
    assert!(text.contains("timed out"), "{text}");
    assert!(!text.contains(": :"), "an empty segment: {text}");
}

// ---------------------------------------------------------------------------------------------
// 5. Tracing: token values in events.

#[cfg(feature = "tracing")]
mod traced {
    use std::sync::Mutex;

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id};
    use tracing::{Event, Subscriber};
    use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
    use tracing_subscriber::registry::LookupSpan;

    use super::*;

    #[derive(Clone, Default)]
    struct Capture(Arc<Mutex<Vec<(String, String)>>>);

    struct Fields<'a>(&'a mut Vec<(String, String)>);

    impl Visit for Fields<'_> {
        fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
            self.0.push((field.name().to_owned(), format!("{value:?}")));
        }

        fn record_str(&mut self, field: &Field, value: &str) {
            self.0.push((field.name().to_owned(), value.to_owned()));
        }
    }

    impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
        fn on_new_span(&self, attrs: &Attributes<'_>, _: &Id, _: Context<'_, S>) {
            attrs.record(&mut Fields(&mut self.0.lock().unwrap()));
        }

        fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
            event.record(&mut Fields(&mut self.0.lock().unwrap()));
        }
    }

    /// Installs `run`'s subscriber for this thread only. `tracing` caches each callsite's interest
    /// for the whole process, and while exactly one dispatcher is registered it asks the registering
    /// thread's default: a sibling test without a subscriber that reaches a callsite first caches
    /// "never", and this capture misses the event (tokio-rs/tracing#3611). A second dispatcher,
    /// registered once and kept, makes tracing ask every live dispatcher instead; it
    /// wants no level, so that registering it lets no callsite register before a capture does.
    fn captured(run: impl FnOnce()) -> Vec<(String, String)> {
        static SECOND: std::sync::OnceLock<tracing::Dispatch> = std::sync::OnceLock::new();
        SECOND.get_or_init(|| {
            tracing::Dispatch::new(
                tracing_subscriber::registry().with(tracing::level_filters::LevelFilter::OFF),
            )
        });
        let capture = Capture::default();
        let subscriber = tracing_subscriber::registry().with(capture.clone());
        tracing::subscriber::with_default(subscriber, run);
        capture.0.lock().unwrap().clone()
    }

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(future)
    }

    /// Like a reqwest error, the request error names the URL, whose query holds the page token.
    #[derive(Debug)]
    pub struct HttpError {
        url: String,
    }

    impl fmt::Display for HttpError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "error sending request for url ({})", self.url)
        }
    }

    impl std::error::Error for HttpError {}

    #[paginate(input_token = page_token, output_token = next, items = values: u32)]
    #[derive(Clone, Debug, Default)]
    struct ListOverHttp {
        page_token: Option<String>,
    }

    struct HttpPage {
        values: Vec<u32>,
        next: Option<String>,
    }

    impl PageRequest for ListOverHttp {
        type Output = HttpPage;
        type Error = HttpError;

        async fn send(self) -> Result<HttpPage, HttpError> {
            match self.page_token {
                None => Ok(HttpPage {
                    values: vec![1, 2],
                    next: Some("SECRET-TOKEN-42".into()),
                }),
                Some(token) => Err(HttpError {
                    url: format!("https://api.example/v1/things?page_token={token}"),
                }),
            }
        }
    }

    #[test]
    fn a_failed_request_warning_does_not_leak_the_token() {
        let fields = captured(|| {
            let (items, error) = block_on(drain(ListOverHttp::default().into_paginator().items()));
            assert_eq!(items, [1, 2]);
            assert!(error.is_some());
        });
        let leaks: Vec<_> = fields
            .iter()
            .filter(|(_, value)| value.contains("SECRET-TOKEN"))
            .collect();
        assert!(leaks.is_empty(), "token values in trace fields: {leaks:?}");
    }

    /// A scoped subscriber (`with_default`, as in tests or per-tenant logging) and a
    /// multi-threaded runtime: the prefetch task's page events reach that subscriber too.
    #[test]
    fn prefetched_page_events_reach_a_scoped_subscriber() {
        for prefetch in [0, 1] {
            let fields = captured(|| {
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                    .unwrap();
                let server = Server::default();
                let items: Vec<String> = runtime
                    .block_on(
                        ListOne::new(&server, 9)
                            .into_paginator()
                            .page_size(3)
                            .prefetch(prefetch)
                            .items()
                            .try_collect(),
                    )
                    .unwrap();
                assert_eq!(items.len(), 9);
            });
            let pages = fields
                .iter()
                .filter(|(name, value)| name == "message" && value == "page received")
                .count();
            assert_eq!(
                pages, 3,
                "prefetch({prefetch}): page events captured: {pages}"
            );
        }
    }

    /// An integer token's 32-bit hash in the guard warning: the token itself, to anyone who hashes
    /// the candidates.
    #[test]
    fn a_guard_warning_does_not_reveal_an_integer_token() {
        #[paginate(input_token = start, output_token = next, more_results = more, items = values: u32)]
        #[derive(Clone, Debug, Default)]
        struct Stuck {
            start: Option<u64>,
        }
        struct StuckPage {
            values: Vec<u32>,
            next: Option<u64>,
            more: bool,
        }
        impl PageRequest for Stuck {
            type Output = StuckPage;
            type Error = std::convert::Infallible;
            async fn send(self) -> Result<StuckPage, Self::Error> {
                // Account 73_512 is the token, returned again: a duplicate.
                Ok(StuckPage {
                    values: vec![1],
                    next: Some(73_512),
                    more: true,
                })
            }
        }
        let fields = captured(|| {
            let _ = block_on(drain(Stuck::default().into_paginator().items()));
        });
        let hash = fields
            .iter()
            .find(|(name, _)| name == "token_hash")
            .map(|(_, value)| value.clone())
            .expect("a guard warning");
        // The attacker hashes a million candidates the way an unkeyed hash would. Some other
        // number matches a 32-bit hash by chance about once in 4,300 runs, which tells nothing;
        // the token among the matches would tell it.
        let matches: Vec<u64> = (0u64..1_000_000)
            .filter(|&candidate| {
                let mut tokens = vec![1u8];
                write_leb(&mut tokens, candidate);
                format!("{:08x}", xxhash_rust::xxh3::xxh3_64(&tokens) as u32) == hash
            })
            .collect();
        assert!(
            !matches.contains(&73_512),
            "the token 73512 is read back from {hash} (candidates matching: {matches:?})"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 1b. An SDK operation whose input holds a hash map (DynamoDB's Query has
// `expression_attribute_values`): the input is one parameter, hashed through its `Debug` output.

/// The AWS SDK's module layout, as `#[paginate(operation = ...)]` expects it.
pub mod fake_dynamo {
    pub mod error {
        #[derive(Debug)]
        pub struct SdkError<E>(pub E);
    }

    pub mod operation {
        pub mod query {
            use std::collections::HashMap;

            #[derive(Debug, Clone, Default)]
            pub struct QueryInput {
                pub table_name: Option<String>,
                pub expression_attribute_values: Option<HashMap<String, String>>,
                pub exclusive_start_key: Option<String>,
                pub limit: Option<i32>,
            }

            pub struct QueryOutput {
                pub items: Option<Vec<u32>>,
                pub last_evaluated_key: Option<String>,
            }

            #[derive(Debug)]
            pub struct QueryError;

            pub mod builders {
                use super::*;
                use crate::edge_cases::fake_dynamo::error::SdkError;

                #[derive(Debug, Clone, Default)]
                pub struct QueryFluentBuilder {
                    inner: QueryInput,
                }

                impl QueryFluentBuilder {
                    pub fn values(mut self, values: HashMap<String, String>) -> Self {
                        self.inner.expression_attribute_values = Some(values);
                        self
                    }

                    pub fn as_input(&self) -> &QueryInput {
                        &self.inner
                    }

                    pub fn get_exclusive_start_key(&self) -> &Option<String> {
                        &self.inner.exclusive_start_key
                    }

                    pub fn set_exclusive_start_key(mut self, key: Option<String>) -> Self {
                        self.inner.exclusive_start_key = key;
                        self
                    }

                    pub fn set_limit(mut self, limit: Option<i32>) -> Self {
                        self.inner.limit = limit;
                        self
                    }

                    pub async fn send(self) -> Result<QueryOutput, SdkError<QueryError>> {
                        let start: u32 = self
                            .inner
                            .exclusive_start_key
                            .as_deref()
                            .map_or(0, |key| key.parse().unwrap());
                        let end = (start + self.inner.limit.unwrap_or(3) as u32).min(10);
                        Ok(QueryOutput {
                            items: Some((start..end).collect()),
                            last_evaluated_key: (end < 10).then(|| end.to_string()),
                        })
                    }
                }
            }
        }
    }
}

#[paginate(
    operation = crate::edge_cases::fake_dynamo::operation::query,
    input_token = exclusive_start_key,
    output_token = last_evaluated_key,
    page_size = limit,
    items = items: u32,
)]
struct Query;

#[tokio::test]
async fn an_sdk_input_holding_a_hash_map_resumes_across_processes() {
    use fake_dynamo::operation::query::builders::QueryFluentBuilder;
    let (a, b) = twin_maps(|n| format!(":v{n}"));
    let rest = resume_in_other(
        QueryFluentBuilder::default().values(a).into_paginator(),
        QueryFluentBuilder::default().values(b).into_paginator(),
    )
    .await
    .expect("the same query must accept the cursor");
    assert_eq!(rest, [4, 5, 6, 7, 8, 9]);
}

// ---------------------------------------------------------------------------------------------
// 1c. After `Error::Cursor` (a page size that differs from the cursor's), the stream's cursor
// should be the error's: the cursor it was given. It is instead the start cursor rebuilt with the
// new page size, which a paginator with that page size then accepts.

/// Page numbers: page `n` of size `s` holds the values `n*s .. n*s+s` of 0..30.
#[paginate(input_token = page, output_token = next_page, page_size = size, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct ListByPageNumber {
    page: Option<u32>,
    size: Option<u32>,
}

struct NumberedPage {
    values: Vec<u32>,
    next_page: Option<u32>,
}

impl PageRequest for ListByPageNumber {
    type Output = NumberedPage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<NumberedPage, Self::Error> {
        let (page, size) = (self.page.unwrap_or(0), self.size.unwrap_or(10));
        let start = (page * size).min(30);
        let end = (start + size).min(30);
        Ok(NumberedPage {
            values: (start..end).collect(),
            next_page: (end < 30).then_some(page + 1),
        })
    }
}

#[tokio::test]
async fn the_stream_cursor_after_a_page_size_mismatch_is_the_cursor_given() {
    let mut head = ListByPageNumber::default()
        .into_paginator()
        .page_size(5)
        .max_items(7)
        .items();
    while head.try_next().await.unwrap().is_some() {}
    let cursor = head.cursor().unwrap();

    let mut stream = ListByPageNumber::default()
        .into_paginator()
        .resume_from(&cursor)
        .unwrap()
        .page_size(9)
        .items();
    let error = stream.try_next().await.unwrap_err();
    assert!(matches!(error, Error::Cursor { .. }), "{error:?}");
    let laundered = stream.cursor().unwrap();
    // Whoever saves the stream's cursor and resumes with the page size of the failed attempt
    // lists from value 11 (page 1 of size 9, offset 2) instead of 7.
    assert_eq!(&laundered, error.cursor());
    // The page size is checked as the listing starts: refused then, before any request.
    let paginator = ListByPageNumber::default()
        .into_paginator()
        .page_size(9)
        .resume_from(&laundered)
        .unwrap();
    assert_eq!(&paginator.cursor(), &laundered);
    let (rest, error) = drain(paginator.items()).await;
    assert!(rest.is_empty(), "lists {rest:?} with another page size");
    assert!(matches!(error, Some(Error::Cursor { .. })), "{error:?}");
}
