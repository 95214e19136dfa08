//! Prefetch: a task requests pages ahead of the consumer, so network time and the consumer's
//! work overlap.
//!
//! The task reserves a slot in a bounded channel *before* it sends a request, so at most `depth`
//! pages are in flight or waiting beyond the one the consumer holds. Dropping the stream aborts
//! the task, which drops the request in flight.

use std::future::poll_fn;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::fetch::{PageFetcher, PageResult};
use crate::operation::PaginatedOperation;
use crate::{Cursor, Error};

pub(crate) struct Prefetch<Op: PaginatedOperation> {
    state: State<Op>,
    /// Where the listing continues after the pages handed on so far; `None` once complete.
    position: Option<Cursor>,
}

enum State<Op: PaginatedOperation> {
    /// Not polled yet: nothing is requested before the first poll.
    Idle {
        fetcher: PageFetcher<Op>,
        depth: usize,
    },
    Running {
        pages: mpsc::Receiver<PageResult<Op>>,
        task: JoinHandle<()>,
    },
    /// No Tokio runtime to spawn on: pages are fetched when polled, as without prefetch.
    Inline(PageFetcher<Op>),
    Finished,
}

impl<Op: PaginatedOperation> Prefetch<Op> {
    pub(crate) fn new(fetcher: PageFetcher<Op>, depth: usize, start: &Cursor) -> Self {
        Prefetch {
            // Tokio's channel holds at most this many; nobody needs more pages ahead.
            state: State::Idle {
                fetcher,
                depth: depth.min(tokio::sync::Semaphore::MAX_PERMITS),
            },
            position: Some(start.clone()),
        }
    }

    pub(crate) fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<PageResult<Op>>> {
        if matches!(self.state, State::Idle { .. }) {
            self.start();
        }
        match &mut self.state {
            State::Inline(fetcher) => fetcher.poll_next_page(cx),
            State::Running { pages, task } => {
                if let Some(page) = ready!(pages.poll_recv(cx)) {
                    if let Ok(page) = &page {
                        self.position.clone_from(&page.after);
                    }
                    return Poll::Ready(Some(page));
                }
                // The task dropped its sender: it finished, panicked, or was cancelled with its
                // runtime. Neither of the last two may pass for the end of the listing.
                let outcome = ready!(Pin::new(task).poll(cx));
                self.state = State::Finished;
                match (outcome, self.position.take()) {
                    (Err(error), _) if error.is_panic() => {
                        std::panic::resume_unwind(error.into_panic())
                    }
                    (Err(_), Some(cursor)) => Poll::Ready(Some(Err(Error::Interrupted { cursor }))),
                    _ => Poll::Ready(None),
                }
            }
            State::Idle { .. } | State::Finished => Poll::Ready(None),
        }
    }

    /// Spawns the task on the current Tokio runtime, or falls back to fetching inline.
    fn start(&mut self) {
        let State::Idle { fetcher, depth } = std::mem::replace(&mut self.state, State::Finished)
        else {
            return;
        };
        self.state = match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                let mut fetcher = fetcher;
                fetcher.set_prefetched();
                let (sender, pages) = mpsc::channel(depth);
                let fetching = fetch_ahead(fetcher, sender);
                // The task traces to the subscriber of the code that started the listing.
                #[cfg(feature = "tracing")]
                let fetching =
                    tracing::instrument::WithSubscriber::with_current_subscriber(fetching);
                let task = runtime.spawn(fetching);
                State::Running { pages, task }
            }
            Err(_) => State::Inline(fetcher),
        };
    }
}

impl<Op: PaginatedOperation> Drop for Prefetch<Op> {
    fn drop(&mut self) {
        if let State::Running { task, .. } = &self.state {
            task.abort();
        }
    }
}

async fn fetch_ahead<Op: PaginatedOperation>(
    mut fetcher: PageFetcher<Op>,
    sender: mpsc::Sender<PageResult<Op>>,
) {
    loop {
        let Ok(slot) = sender.reserve().await else {
            return;
        };
        match poll_fn(|cx| fetcher.poll_next_page(cx)).await {
            Some(page) => slot.send(page),
            None => return,
        }
    }
}
