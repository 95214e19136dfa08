//! [`PartitionedItems`]: the async driver of a parallel listing. It carries out what the
//! scheduler ([`Schedule`]) asks (start, continue or drop a range's chain of pages, list
//! folders), feeds it the pages as they arrive, and yields the items it hands back. Nothing is
//! decided here.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use futures_core::{FusedStream, Stream};

use super::balance::Balance;
use super::cursor::SavedRange;
use super::estimate::FOLDER_DELIMITER;
use super::policy::RangeId;
use super::schedule::{Action, Config, ListingId, Page, Position, Schedule, Seed};
use super::{KeyRanges, PartitionCursor, PartitionedError, PartitionedPaginator, SplitPoints};
use crate::fingerprint::{Identity, Named};
use crate::source::PageSource;
use crate::{Cursor, CursorError, Error, Paginator};

/// The items of a parallel listing: `Result<Item, PartitionedError>`.
///
/// Made by [`PartitionedPaginator::items`]. Nothing is requested before the first poll; page
/// requests run on the Tokio runtime's worker threads when there is one (so that the answers are
/// parsed on every core), else on the polling task. Dropping the stream cancels every request in
/// flight. After an error the stream ends; [`cursor`](PartitionedItems::cursor) (or the error's)
/// resumes the listing.
#[must_use = "streams do nothing unless polled"]
pub struct PartitionedItems<Op: KeyRanges> {
    schedule: Schedule<Op::Item, Cursor>,
    /// Each range's paginator is made from this one (no limit of items; requests spawned).
    template: Paginator<Op>,
    identity: Identity,
    chains: HashMap<RangeId, Chain<Op>>,
    listings: HashMap<ListingId, Listing<Op>>,
    signal: Arc<Signal>,
    waker: Waker,
    ended: bool,
    /// An error to end the stream with before anything is sent.
    refused: Option<Error<Op::Error>>,
}

/// A range's chain of pages; `waiting`: a request is out.
struct Chain<Op: KeyRanges> {
    source: Box<PageSource<Op>>,
    identity: Identity,
    waiting: bool,
}

struct Listing<Op: KeyRanges> {
    source: Box<PageSource<Op>>,
    request: Op::Request,
    waiting: bool,
}

impl<Op: KeyRanges> PartitionedItems<Op> {
    pub(super) fn new(config: PartitionedPaginator<Op>) -> Self {
        let PartitionedPaginator {
            paginator,
            max_items,
            requests,
            ordered,
            buffer_pages,
            split_keys,
            split_points,
            key_range,
            resume,
        } = config;
        let named = Named::of::<Op>(&paginator.request);
        let space = Op::key_space(&paginator.request);
        let start = super::paginator::lower_bound::<Op>(&paginator.request, key_range.as_ref());
        let up_to = key_range.as_ref().and_then(|range| range.up_to.clone());
        // A cursor of another part: refused before anything is sent.
        let refused = match (&resume, &key_range) {
            (Some(cursor), Some(range)) if !cursor.within(range) => Some(Error::Cursor {
                source: CursorError::OutsideKeyRange,
                cursor: paginator.cursor(),
            }),
            _ => None,
        };
        let seeds = match resume {
            Some(cursor) => cursor
                .ranges
                .into_iter()
                .map(|range| Seed {
                    after: range.after,
                    up_to: range.up_to,
                    position: range.position.map(|cursor| Position {
                        skip: cursor.offset(),
                        mark: cursor,
                    }),
                })
                .collect(),
            None => super::paginator::initial_ranges(start, up_to, split_keys, &space),
        };
        let folders =
            Op::folder_request(&paginator.request, &space.prefix, FOLDER_DELIMITER).is_some();
        let mut policy = Balance::new(&space);
        if let Some(points) = split_points {
            policy = policy.with_hints(points.hints());
        }
        let schedule = Schedule::new(
            Config {
                space,
                requests,
                ordered,
                buffer_pages,
                max_items,
                folders,
            },
            seeds,
            Box::new(policy),
        );
        let signal = Arc::new(Signal {
            woken: AtomicBool::new(true),
            task: Mutex::new(None),
        });
        PartitionedItems {
            schedule,
            template: super::spawn::spawning(paginator),
            identity: named.identity,
            chains: HashMap::new(),
            listings: HashMap::new(),
            waker: Waker::from(signal.clone()),
            signal,
            ended: false,
            refused,
        }
    }

    /// The position after the last item yielded (before the first: where the listing starts).
    /// `None` once the listing is complete. Resuming there
    /// ([`PartitionedPaginator::resume_from`]) yields exactly the items not yet seen.
    pub fn cursor(&self) -> Option<PartitionCursor> {
        if self.schedule.is_complete() {
            return None;
        }
        let ranges: Vec<SavedRange> = self
            .schedule
            .cursor()
            .into_iter()
            .map(|seed| SavedRange {
                after: seed.after,
                up_to: seed.up_to,
                position: seed.position.map(at_offset),
            })
            .collect();
        if ranges.is_empty() {
            return None;
        }
        Some(PartitionCursor {
            identity: self.identity.clone(),
            ranges,
        })
    }

    /// How many pages of items were received so far, across ranges.
    pub fn pages(&self) -> u64 {
        self.schedule.stats().pages
    }

    /// How many key ranges the listing used so far (those it started with and those split off).
    pub fn ranges(&self) -> u64 {
        self.schedule.stats().ranges
    }

    /// How many requests were sent so far: pages of items, and folder listings (a request
    /// cancelled in flight counts).
    pub fn requests(&self) -> u64 {
        self.schedule.stats().requests
    }

    /// What the listing learned of its key space so far: the ranges it listed in full, with the
    /// keys each held. Save it and give it to the next listing of the same key space
    /// ([`PartitionedPaginator::split_points`]) so that it starts balanced.
    pub fn split_points(&self) -> SplitPoints {
        SplitPoints::from_measured(self.schedule.measured())
    }

    /// Carries out what the schedule asks; whether a request is to be sent (it is sent when its
    /// chain is polled). Errors end the stream.
    fn act(&mut self) -> Result<bool, Error<Op::Error>> {
        let mut sends = false;
        while let Some(action) = self.schedule.poll_action() {
            sends |= !matches!(action, Action::Drop { .. });
            match action {
                Action::Start { range, after, from } => {
                    let mut paginator = self.template.clone();
                    if let Some(after) = &after {
                        paginator.request = Op::start_after(paginator.request, after);
                    }
                    if let Some(position) = from {
                        let cursor = at_offset(position);
                        paginator =
                            paginator
                                .resume_from(&cursor)
                                .map_err(|source| Error::Cursor {
                                    source,
                                    cursor: cursor.clone(),
                                })?;
                    }
                    let (source, start) = paginator.start();
                    self.chains.insert(
                        range,
                        Chain {
                            source: Box::new(source),
                            identity: start.identity().clone(),
                            waiting: true,
                        },
                    );
                }
                Action::Next { range } => {
                    if let Some(chain) = self.chains.get_mut(&range) {
                        chain.waiting = true;
                    }
                }
                Action::Drop { range } => {
                    self.chains.remove(&range);
                }
                Action::ListFolders {
                    listing,
                    prefix,
                    delimiter,
                } => {
                    let Some(request) =
                        Op::folder_request(&self.template.request, &prefix, &delimiter)
                    else {
                        self.schedule.folders(listing, Vec::new(), false);
                        continue;
                    };
                    let mut paginator = self.template.clone();
                    paginator.request = request.clone();
                    let (source, _) = paginator.start();
                    self.listings.insert(
                        listing,
                        Listing {
                            source: Box::new(source),
                            request,
                            waiting: true,
                        },
                    );
                }
                Action::NextFolders { listing } => {
                    if let Some(listing) = self.listings.get_mut(&listing) {
                        listing.waiting = true;
                    }
                }
            }
        }
        Ok(sends)
    }

    /// Polls every request out; hands each page to the schedule. Whether one came.
    fn poll_requests(&mut self, cx: &mut Context<'_>) -> Result<bool, Error<Op::Error>> {
        let mut received = false;
        let request = &self.template.request;
        for (&id, chain) in self.chains.iter_mut().filter(|(_, chain)| chain.waiting) {
            let page = match chain.source.poll_page(cx) {
                Poll::Pending => continue,
                Poll::Ready(Some(Err(error))) => return Err(error),
                Poll::Ready(Some(Ok(mut page))) => Page {
                    items: page.take_items(),
                    mark: Cursor::new(chain.identity.clone(), page.tokens.clone(), 0),
                    first: page.first,
                    next: page.after,
                },
                Poll::Ready(None) => Page {
                    items: Vec::new(),
                    mark: Cursor::new(chain.identity.clone(), Arc::from([]), 0),
                    first: 0,
                    next: None,
                },
            };
            chain.waiting = false;
            received = true;
            self.schedule
                .page(id, page, |item| Op::item_key(request, item));
        }
        let mut done = Vec::new();
        for (&id, listing) in self.listings.iter_mut().filter(|(_, l)| l.waiting) {
            let (entries, more) = match listing.source.poll_page(cx) {
                Poll::Pending => continue,
                Poll::Ready(Some(Err(error))) => return Err(error),
                Poll::Ready(Some(Ok(mut page))) => {
                    let entries = page
                        .take_items()
                        .iter()
                        .map(|item| Op::item_key(&listing.request, item).into_owned())
                        .collect();
                    (entries, page.after.is_some())
                }
                Poll::Ready(None) => (Vec::new(), false),
            };
            listing.waiting = false;
            received = true;
            if !more {
                done.push(id);
            }
            self.schedule.folders(id, entries, more);
        }
        for id in done {
            self.listings.remove(&id);
        }
        Ok(received)
    }

    fn fail(&mut self, error: Error<Op::Error>) -> PartitionedError<Op::Error> {
        self.schedule.stop();
        self.chains.clear();
        self.listings.clear();
        self.ended = true;
        let cursor = self.cursor().unwrap_or_else(|| PartitionCursor {
            identity: self.identity.clone(),
            ranges: Vec::new(),
        });
        PartitionedError { error, cursor }
    }
}

/// The cursor a position stands for.
fn at_offset(position: Position<Cursor>) -> Cursor {
    Cursor::new(
        position.mark.identity().clone(),
        position.mark.tokens().clone(),
        position.skip,
    )
}

/// Wakes the stream's task when any request is ready, and remembers that one was.
struct Signal {
    woken: AtomicBool,
    task: Mutex<Option<Waker>>,
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        if let Ok(task) = self.task.lock()
            && let Some(task) = task.as_ref()
        {
            task.wake_by_ref();
        }
    }
}

impl Signal {
    fn register(&self, waker: &Waker) {
        if let Ok(mut task) = self.task.lock()
            && !task.as_ref().is_some_and(|task| task.will_wake(waker))
        {
            *task = Some(waker.clone());
        }
    }
}

// No field is ever pinned: request futures are boxed.
impl<Op: KeyRanges> Unpin for PartitionedItems<Op> {}

impl<Op: KeyRanges> Stream for PartitionedItems<Op> {
    type Item = Result<Op::Item, PartitionedError<Op::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.ended {
            return Poll::Ready(None);
        }
        if let Some(error) = this.refused.take() {
            return Poll::Ready(Some(Err(this.fail(error))));
        }
        this.signal.register(cx.waker());
        let waker = this.waker.clone();
        let mut inner = Context::from_waker(&waker);
        // Requests are sent when their chain is polled: new ones, and those whose answers woke
        // the task, are polled before an item is yielded, so that a consumer taking items from
        // the buffer keeps the requests going.
        let mut unsent = false;
        // The requests were polled and none was ready: not again in this call (Tokio's
        // cooperative budget may answer "not yet" and wake the task until it yields).
        let mut idle = false;
        loop {
            match this.act() {
                Ok(sends) => unsent |= sends,
                Err(error) => return Poll::Ready(Some(Err(this.fail(error)))),
            }
            // Idle, a wake stays recorded: it woke the task, which polls the requests next time.
            if !idle && (unsent || this.signal.woken.swap(false, Ordering::AcqRel)) {
                unsent = false;
                match this.poll_requests(&mut inner) {
                    Err(error) => return Poll::Ready(Some(Err(this.fail(error)))),
                    // Pages arrived: the schedule may send more.
                    Ok(true) => continue,
                    Ok(false) => idle = true,
                }
                continue;
            }
            if let Some(item) = this.schedule.next_item() {
                if unsent {
                    cx.waker().wake_by_ref();
                }
                return Poll::Ready(Some(Ok(item)));
            }
            if this.schedule.is_done() {
                this.schedule.stop();
                this.chains.clear();
                this.listings.clear();
                this.ended = true;
                return Poll::Ready(None);
            }
            if unsent {
                // Asked for after the requests were polled: poll again once the task is back.
                cx.waker().wake_by_ref();
            }
            return Poll::Pending;
        }
    }
}

impl<Op: KeyRanges> FusedStream for PartitionedItems<Op> {
    fn is_terminated(&self) -> bool {
        self.ended
    }
}

impl<Op: KeyRanges> std::fmt::Debug for PartitionedItems<Op> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let stats = self.schedule.stats();
        f.debug_struct("PartitionedItems")
            .field("pages", &stats.pages)
            .field("ranges", &stats.ranges)
            .field("requests", &stats.requests)
            .field("ended", &self.ended)
            .finish()
    }
}
