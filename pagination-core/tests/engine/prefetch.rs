//! Prefetch: requests run ahead of the consumer, bounded; order, cursors and guards are those of
//! the plain paginator; dropping the stream cancels the request in flight.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::{FutureExt, StreamExt, TryStreamExt};
use pagination_core::{IntoPaginator, PageRequest, paginate};

use crate::drain;
use crate::model::*;

const PAGE: u32 = 5;
const LATENCY: Duration = Duration::from_millis(100);

/// Counts requests started, finished, and dropped while in flight.
#[derive(Clone, Default)]
struct Probe {
    started: Arc<AtomicUsize>,
    finished: Arc<AtomicUsize>,
    dropped_in_flight: Arc<AtomicUsize>,
}

impl fmt::Debug for Probe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Probe")
    }
}

impl Probe {
    fn started(&self) -> usize {
        self.started.load(Ordering::SeqCst)
    }

    fn dropped_in_flight(&self) -> usize {
        self.dropped_in_flight.load(Ordering::SeqCst)
    }
}

struct InFlight(Option<Probe>);

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(probe) = &self.0 {
            probe.dropped_in_flight.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// Pages of five numbers, each after `LATENCY`; page `panic_on` panics.
#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug)]
struct Slow {
    probe: Probe,
    len: u32,
    panic_on: Option<u32>,
    after: Option<u32>,
}

struct SlowPage {
    values: Vec<u32>,
    next: Option<u32>,
}

impl PageRequest for Slow {
    type Output = SlowPage;
    type Error = ApiError;

    async fn send(self) -> Result<SlowPage, ApiError> {
        self.probe.started.fetch_add(1, Ordering::SeqCst);
        let mut in_flight = InFlight(Some(self.probe.clone()));
        tokio::time::sleep(LATENCY).await;
        in_flight.0 = None;
        self.probe.finished.fetch_add(1, Ordering::SeqCst);
        let start = self.after.unwrap_or(0);
        assert_ne!(Some(start / PAGE), self.panic_on, "the service panicked");
        let end = (start + PAGE).min(self.len);
        Ok(SlowPage {
            values: (start..end).collect(),
            next: (end < self.len).then_some(end),
        })
    }
}

fn slow(len: u32) -> (Probe, Slow) {
    let probe = Probe::default();
    let request = Slow {
        probe: probe.clone(),
        len,
        panic_on: None,
        after: None,
    };
    (probe, request)
}

#[tokio::test(start_paused = true)]
async fn prefetch_yields_the_same_items_in_order() {
    for depth in [1, 2, 8] {
        let (_, request) = slow(53);
        let values: Vec<u32> = request
            .into_paginator()
            .prefetch(depth)
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(values, (0..53).collect::<Vec<_>>(), "depth {depth}");
    }
}

#[tokio::test(start_paused = true)]
async fn requests_run_ahead_while_the_consumer_works_but_no_further_than_the_depth() {
    for depth in [0usize, 1, 3] {
        let (probe, request) = slow(100);
        let mut values = request.into_paginator().prefetch(depth).items();
        assert_eq!(values.try_next().await.unwrap(), Some(0));
        // The consumer works on the first page for a long while.
        tokio::time::sleep(LATENCY * 20).await;
        assert_eq!(probe.started(), 1 + depth, "depth {depth}");
    }
}

#[tokio::test(start_paused = true)]
async fn dropping_the_stream_cancels_the_request_in_flight() {
    let (probe, request) = slow(100);
    let mut values = request.into_paginator().prefetch(2).items();
    assert_eq!(values.try_next().await.unwrap(), Some(0));
    tokio::time::sleep(LATENCY / 2).await;
    assert_eq!(probe.started(), 2, "the second page is in flight");
    drop(values);
    tokio::time::sleep(LATENCY * 10).await;
    assert_eq!(probe.dropped_in_flight(), 1);
    assert_eq!(probe.started(), 2, "nothing is requested after the drop");

    // Without prefetch, the request in flight is dropped with the stream too.
    let (probe, request) = slow(100);
    let mut values = request.into_paginator().items();
    assert!(
        values.next().now_or_never().is_none(),
        "the first page is pending"
    );
    drop(values);
    assert_eq!(probe.dropped_in_flight(), 1);
}

#[tokio::test(start_paused = true)]
async fn cursors_limits_errors_and_guards_are_unchanged_by_prefetch() {
    for depth in [0, 1, 4] {
        // Cursors after each item, and max_items.
        let server = Server::default();
        let paginator = ListOne::new(&server, 23)
            .into_paginator()
            .page_size(5)
            .max_items(17);
        let mut items = paginator.prefetch(depth).items();
        let mut cursors = Vec::new();
        while let Some(_item) = items.try_next().await.unwrap() {
            cursors.push(items.cursor().map(|cursor| cursor.to_string()));
        }
        let server = Server::default();
        let mut plain = ListOne::new(&server, 23)
            .into_paginator()
            .page_size(5)
            .max_items(17)
            .items();
        let mut expected = Vec::new();
        while let Some(_item) = plain.try_next().await.unwrap() {
            expected.push(plain.cursor().map(|cursor| cursor.to_string()));
        }
        assert_eq!(cursors, expected, "depth {depth}");
        assert_eq!(server.calls(), 4, "no page past max_items is requested");

        // An error, with its cursor.
        let server = Server::failing_on(&[2]);
        let paginator = ListOne::new(&server, 30).into_paginator().page_size(5);
        let (values, error) = drain(paginator.clone().prefetch(depth).items()).await;
        assert_eq!(values, catalog(10));
        assert_eq!(server.calls(), 3, "nothing is requested after the error");
        let rest: Vec<String> = paginator
            .resume_from(error.unwrap().cursor())
            .unwrap()
            .prefetch(depth)
            .items()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(rest, catalog(30)[10..]);

        // A guard.
        let flagged = ListFlagged {
            server: Server::default(),
            len: 40,
            misbehaviour: Misbehaviour::CycleBack { at: 3, to: 1 },
            marker: None,
            size: None,
        };
        let (items, error) = drain(flagged.into_paginator().prefetch(depth).items()).await;
        assert_eq!(items.len(), 4 * 5);
        assert!(matches!(
            error,
            Some(pagination_core::Error::TokenCycle { .. })
        ));
    }
}

#[test]
fn without_a_runtime_pages_are_fetched_inline() {
    let server = Server::default();
    let items = ListOne::new(&server, 12)
        .into_paginator()
        .page_size(5)
        .prefetch(3)
        .items();
    let values: Vec<String> = futures::executor::block_on(items.try_collect()).unwrap();
    assert_eq!(values, catalog(12));
}

#[tokio::test(start_paused = true)]
async fn a_panic_in_the_prefetch_task_reaches_the_consumer() {
    let (_, request) = slow(100);
    let request = Slow {
        panic_on: Some(2),
        ..request
    };
    let mut values = request.into_paginator().prefetch(2).items();
    let mut seen = 0;
    let outcome = std::panic::AssertUnwindSafe(async {
        while values.try_next().await.unwrap().is_some() {
            seen += 1;
        }
    })
    .catch_unwind()
    .await;
    assert!(
        outcome.is_err(),
        "the panic is not mistaken for the end of the listing"
    );
    assert_eq!(seen, 10);
}
