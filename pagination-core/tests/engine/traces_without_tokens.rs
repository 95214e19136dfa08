//! Token values never reach a trace: a failed request's text, and guards' events carry a keyed
//! hash instead.

// Request fields here exist to be fingerprinted, not read.
#![allow(dead_code, clippy::box_collection)]

use futures::TryStreamExt;
use pagination_core::{CursorError, Error, IntoPaginator, PageRequest, paginate};

use crate::model::*;

#[cfg(feature = "tracing")]
mod traced {
    use std::fmt;
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id};
    use tracing::{Event, Subscriber};
    use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
    use tracing_subscriber::registry::LookupSpan;

    use super::*;
    use crate::drain;
    use crate::leb128::write_leb;

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

            impl QueryInput {
                pub fn exclusive_start_key(&self) -> Option<&str> {
                    self.exclusive_start_key.as_deref()
                }

                pub fn limit(&self) -> Option<i32> {
                    self.limit
                }
            }

            pub struct QueryOutput {
                pub items: Option<Vec<u32>>,
                pub last_evaluated_key: Option<String>,
            }

            #[derive(Debug)]
            pub struct QueryError;

            pub mod builders {
                use super::*;
                use crate::traces_without_tokens::fake_dynamo::error::SdkError;

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
    operation = crate::traces_without_tokens::fake_dynamo::operation::query,
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
    // The cursor carries its page size: another is refused by `resume_from` itself.
    let error = ListByPageNumber::default()
        .into_paginator()
        .page_size(9)
        .resume_from(&laundered)
        .unwrap_err();
    assert!(
        matches!(error, CursorError::ParametersDiffer { .. }),
        "{error:?}"
    );
}
