//! What a cursor's fingerprint covers (cursor format 2): hash maps and sets at any depth count by
//! their contents, in every process; operations of the same shape are told apart; a cursor of
//! another request is refused, naming what differs.

// Request fields here exist to be fingerprinted, not read.
#![allow(dead_code, clippy::box_collection)]

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::TryStreamExt;
use pagination_core::{
    Cursor, CursorError, Error, IntoPaginator, ItemFields, PageRequest, PaginatedOperation,
    Paginator, SendFuture, TokenVisitor, paginate,
};

use crate::drain;
use crate::leb128::write_leb;
use crate::model::*;

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
