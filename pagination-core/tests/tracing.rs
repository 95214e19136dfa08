//! The `tracing` feature: a span per listing, an event per page, a warning when a guard trips,
//! and never a token value. Events are captured by a layer of this test's own.
#![cfg(feature = "tracing")]

use std::fmt;
use std::sync::{Arc, Mutex};

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// One captured span or event: its name or message, level, parent span and fields as text.
#[derive(Debug, Clone)]
struct Captured {
    level: tracing::Level,
    name: String,
    parent: Option<String>,
    fields: Vec<(String, String)>,
}

impl Captured {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }
}

#[derive(Default)]
struct Fields(Vec<(String, String)>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<Captured>>>);

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
    fn on_new_span(&self, attrs: &Attributes<'_>, _: &Id, _: Context<'_, S>) {
        let mut fields = Fields::default();
        attrs.record(&mut fields);
        self.0.lock().unwrap().push(Captured {
            level: *attrs.metadata().level(),
            name: attrs.metadata().name().to_owned(),
            parent: None,
            fields: fields.0,
        });
    }

    fn on_event(&self, event: &Event<'_>, context: Context<'_, S>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        let message = fields
            .0
            .iter()
            .find(|(name, _)| name == "message")
            .map(|(_, message)| message.clone())
            .unwrap_or_default();
        let parent = context.event_span(event).map(|span| span.name().to_owned());
        self.0.lock().unwrap().push(Captured {
            level: *event.metadata().level(),
            name: message,
            parent,
            fields: fields.0,
        });
    }
}

struct Page {
    names: Vec<String>,
    next: Option<String>,
    more: bool,
}

/// Seven names, three a page; tokens that must never be traced. With `stuck`, the third page
/// hands back the token it was sent.
#[paginate(input_token = token, output_token = next, more_results = more, items = names: String, page_size = size)]
#[derive(Clone, Debug, Default)]
struct ListNames {
    token: Option<String>,
    size: Option<u32>,
    stuck: bool,
}

impl PageRequest for ListNames {
    type Output = Page;
    type Error = std::io::Error;

    async fn send(self) -> Result<Page, std::io::Error> {
        let start: usize = self.token.as_deref().map_or(0, |token| {
            token.trim_start_matches("secret-token-").parse().unwrap()
        });
        let end = (start + self.size.unwrap_or(3) as usize).min(7);
        let next = if self.stuck && start >= 4 { start } else { end };
        Ok(Page {
            names: (start..end).map(|n| format!("name-{n}")).collect(),
            next: (end < 7).then(|| format!("secret-token-{next}")),
            more: end < 7,
        })
    }
}

/// Installs `run`'s subscriber for this thread only. `tracing` caches each callsite's interest
/// for the whole process, and while exactly one dispatcher is registered it asks the registering
/// thread's default: a sibling test without a subscriber that reaches a callsite first caches
/// "never", and this capture misses the event (tokio-rs/tracing#3611). A second dispatcher,
/// registered once and kept, makes tracing ask every live dispatcher instead; it
/// wants no level, so that registering it lets no callsite register before a capture does.
fn captured(run: impl FnOnce()) -> Vec<Captured> {
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

#[test]
fn a_listing_is_a_span_with_an_event_per_page_and_no_token_values() {
    let events = captured(|| {
        let names: Vec<String> = block_on(
            ListNames::default()
                .into_paginator()
                .page_size(3)
                .max_items(100)
                .items()
                .try_collect(),
        )
        .unwrap();
        assert_eq!(names.len(), 7);
    });
    let listing = events.iter().find(|e| e.name == "listing").expect("a span");
    assert_eq!(listing.level, tracing::Level::INFO);
    assert_eq!(listing.field("operation"), Some("ListNames"));
    assert_eq!(listing.field("page_size"), Some("3"));
    assert_eq!(listing.field("max_items"), Some("100"));
    let pages: Vec<&Captured> = events
        .iter()
        .filter(|e| e.name == "page received")
        .collect();
    assert_eq!(pages.len(), 3);
    for (index, page) in pages.iter().enumerate() {
        assert_eq!(page.parent.as_deref(), Some("listing"));
        assert_eq!(page.field("page"), Some((index + 1).to_string().as_str()));
        assert_eq!(page.field("prefetched"), Some("false"));
        assert!(page.field("elapsed_ms").is_some());
    }
    let items: Vec<&str> = pages
        .iter()
        .map(|page| page.field("items").unwrap())
        .collect();
    assert_eq!(items, ["3", "3", "1"]);
    assert!(events.iter().any(|e| e.name == "listing ended"));
    for event in &events {
        for (name, value) in &event.fields {
            assert!(!value.contains("secret"), "{name} = {value} leaks a token");
        }
    }
}

#[test]
fn a_tripped_guard_is_a_warning_with_a_hash_of_the_token() {
    let events = captured(|| {
        let request = ListNames {
            stuck: true,
            ..ListNames::default()
        };
        let result: Result<Vec<String>, _> =
            block_on(request.into_paginator().page_size(2).items().try_collect());
        assert!(result.is_err());
    });
    let warning = events
        .iter()
        .find(|e| e.name == "pagination guard tripped")
        .expect("a warning");
    assert_eq!(warning.level, tracing::Level::WARN);
    assert_eq!(warning.field("guard"), Some("duplicate token"));
    assert_eq!(warning.field("policy"), Some("Error"));
    let hash = warning.field("token_hash").unwrap();
    assert_eq!(hash.len(), 8, "{hash}");
    assert!(
        events
            .iter()
            .all(|e| e.fields.iter().all(|(_, v)| !v.contains("secret")))
    );
}

#[test]
fn prefetched_pages_say_so() {
    let events = captured(|| {
        block_on(async {
            let names: Vec<String> = ListNames::default()
                .into_paginator()
                .prefetch(1)
                .items()
                .try_collect()
                .await
                .unwrap();
            assert_eq!(names.len(), 7);
        })
    });
    let pages: Vec<&Captured> = events
        .iter()
        .filter(|e| e.name == "page received")
        .collect();
    assert_eq!(pages.len(), 3);
    assert!(
        pages
            .iter()
            .all(|page| page.field("prefetched") == Some("true"))
    );
}
