//! The engine: fetches pages one after another, carries tokens, applies limits and guards, and
//! works out the cursor after every page. Both streams and the prefetch task drive it.

use std::sync::Arc;
use std::task::{Context, Poll, ready};

use xxhash_rust::xxh3::xxh3_64;

use crate::error::Describer;
use crate::fingerprint::Identity;
use crate::guard::{Guards, TokenHistory};
use crate::operation::{
    ItemFields as _, ItemOrder, PaginatedOperation, SendFuture, operation_name,
};
use crate::step::{Facts, Failure, Guard, Position, Standing, budget, step};
use crate::token::TokenRecorder;
use crate::trace::Trace;
use crate::{Cursor, CursorError, Error};

/// The limits and guards of one listing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Settings {
    pub(crate) max_items: Option<u64>,
    pub(crate) max_pages: Option<u64>,
    pub(crate) guards: Guards,
    pub(crate) prefetch: usize,
    /// `page_size(0)` was asked for: the listing fails before its first request.
    pub(crate) zero_page_size: bool,
    /// The page size set through the paginator, for tracing.
    pub(crate) page_size: Option<u32>,
    /// The listing resumes from a cursor, for tracing.
    pub(crate) resumed: bool,
}

/// A page as the engine hands it on, with where it sits in the listing.
pub(crate) struct FetchedPage<Op: PaginatedOperation> {
    /// The page, holding only the items to yield.
    pub(crate) output: Op::Output,
    /// The tokens it was requested with.
    pub(crate) tokens: Arc<[u8]>,
    /// The in-page offset of its first kept item (non-zero when resuming inside a page).
    pub(crate) first: usize,
    /// How many items were kept.
    pub(crate) kept: usize,
    /// The order of the kept items across the item fields, when the declaration gives one.
    pub(crate) order: Option<ItemOrder>,
    /// Where the listing continues after this page; `None` once it is complete.
    pub(crate) after: Option<Cursor>,
}

pub(crate) type PageResult<Op> = Result<FetchedPage<Op>, Error<<Op as PaginatedOperation>::Error>>;

impl<Op: PaginatedOperation> FetchedPage<Op> {
    /// Moves the kept items out, in the declaration's order across item fields. A whole page
    /// (nothing cut) comes without its order: it is worked out here.
    #[inline]
    pub(crate) fn take_items(&mut self) -> Vec<Op::Item> {
        let order = (self.order.take()).or_else(|| checked_order::<Op>(&mut self.output));
        match &order {
            Some(order) => Op::item_fields(&mut self.output).take_ordered(order.as_slice()),
            None => Op::item_fields(&mut self.output).take(),
        }
    }
}

/// How each page request is sent, when not by [`PaginatedOperation::send`]
/// ([`Paginator::send_with`](crate::Paginator::send_with)).
pub(crate) type Sender<Op> =
    Arc<dyn Fn(<Op as PaginatedOperation>::Request) -> SendFuture<Op> + Send + Sync>;

struct InFlight<Op: PaginatedOperation> {
    response: SendFuture<Op>,
    request: Op::Request,
    tokens: Arc<[u8]>,
}

pub(crate) struct PageFetcher<Op: PaginatedOperation> {
    /// The request for the next page; `None` once the listing ended.
    next: Option<Op::Request>,
    /// The tokens of `next`, when they were recorded already (as the page before was accepted).
    next_tokens: Option<Arc<[u8]>>,
    in_flight: Option<InFlight<Op>>,
    sender: Option<Sender<Op>>,
    identity: Identity,
    /// Items of the next page already seen (from a cursor).
    skip: usize,
    items_left: Option<u64>,
    pages_left: Option<u64>,
    guards: Guards,
    history: TokenHistory,
    /// A guard's error, yielded after the page that tripped it.
    pending_error: Option<Error<Op::Error>>,
    trace: Trace,
}

impl<Op: PaginatedOperation> PageFetcher<Op> {
    pub(crate) fn new(
        request: Op::Request,
        identity: Identity,
        skip: usize,
        settings: &Settings,
        sender: Option<Sender<Op>>,
    ) -> Self {
        let limit_reached = settings.max_items == Some(0) || settings.max_pages == Some(0);
        PageFetcher {
            next: (!limit_reached).then_some(request),
            next_tokens: None,
            in_flight: None,
            sender,
            identity,
            skip,
            items_left: settings.max_items,
            pages_left: settings.max_pages,
            guards: settings.guards,
            history: TokenHistory::new(),
            pending_error: None,
            trace: Trace::listing(
                &operation_name::<Op>(),
                settings.page_size,
                settings.max_items,
                settings.max_pages,
                settings.resumed,
            ),
        }
    }

    /// Pages are fetched ahead of the consumer, on a task (for tracing).
    #[cfg(feature = "tokio")]
    pub(crate) fn set_prefetched(&mut self) {
        self.trace.set_prefetched();
    }

    /// Ends the listing with `error`, before any request.
    pub(crate) fn fail(&mut self, error: Error<Op::Error>) {
        self.next = None;
        self.pending_error = Some(error);
    }

    fn cursor(&self, tokens: Arc<[u8]>, offset: usize) -> Cursor {
        Cursor::new(self.identity.clone(), tokens, offset as u64)
    }

    pub(crate) fn poll_next_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<PageResult<Op>>> {
        if let Some(error) = self.pending_error.take() {
            return Poll::Ready(Some(Err(error)));
        }
        if self.in_flight.is_none() {
            let Some(request) = self.next.take() else {
                return Poll::Ready(None);
            };
            let (request, tokens) = match self.next_tokens.take() {
                Some(tokens) => (request, tokens),
                None => record_tokens::<Op>(request),
            };
            self.history.record(xxh3_64(&tokens));
            let sent = if !no_token(&tokens) {
                Op::clear_first_page_only(request.clone())
            } else {
                request.clone()
            };
            let response = match &self.sender {
                Some(send) => send(sent),
                None => Op::send(sent),
            };
            self.trace.sent();
            self.in_flight = Some(InFlight {
                response: self.trace.instrument::<Op>(response),
                request,
                tokens,
            });
        }
        let Some(in_flight) = &mut self.in_flight else {
            return Poll::Ready(None);
        };
        let response = ready!(in_flight.response.as_mut().poll(cx));
        let Some(InFlight {
            request, tokens, ..
        }) = self.in_flight.take()
        else {
            return Poll::Ready(None);
        };
        let skip = std::mem::take(&mut self.skip);
        Poll::Ready(Some(match response {
            Ok(output) => self.accept(request, tokens, skip, output),
            Err(source) => {
                self.next = None;
                let error = Error::Request {
                    source,
                    cursor: self.cursor(tokens, skip),
                    describe: Describer(Op::describe_error),
                };
                self.trace.failed();
                Err(error)
            }
        }))
    }

    /// Trims a page to the items to yield, decides whether and how the listing goes on, and
    /// prepares the next request.
    fn accept(
        &mut self,
        request: Op::Request,
        tokens: Arc<[u8]>,
        skip: usize,
        mut output: Op::Output,
    ) -> PageResult<Op> {
        // The next request is read from the whole page, before it is trimmed to the items to
        // yield: a token computed from the page's items must see all of them.
        let flag = Op::more_results(&output);
        let (next_request, next_tokens) = record_tokens::<Op>(Op::next_request(request, &output));

        let range = skip..skip.saturating_add(budget(self.items_left));
        // The order across item fields matters here only when the page is cut (a resume inside
        // it, or `max_items`); the item stream orders whole pages itself, the page stream never.
        let order = if skip > 0 || self.items_left.is_some() {
            checked_order::<Op>(&mut output)
        } else {
            None
        };
        let total = match &order {
            Some(order) => {
                Op::item_fields(&mut output).retain_ordered(range.clone(), order.as_slice())
            }
            None => Op::item_fields(&mut output).retain(range.clone()),
        };
        let facts = Facts {
            skip,
            total,
            flag,
            no_token: no_token(&next_tokens),
            same_token: next_tokens == tokens,
            seen_before: self.history.contains(xxh3_64(&next_tokens)),
        };
        let standing = Standing {
            items_left: self.items_left,
            pages_left: self.pages_left,
            guards: self.guards,
            declared_duplicate: Op::DUPLICATE_TOKEN,
        };
        let Ok(step) = step(&standing, &facts) else {
            self.next = None;
            return Err(Error::Cursor {
                source: CursorError::OffsetOutOfRange {
                    offset: skip as u64,
                    page_items: total,
                },
                cursor: self.cursor(tokens, skip),
            });
        };
        let kept = step.kept;
        if let Some(left) = &mut self.items_left {
            *left -= kept as u64;
        }
        if let Some(left) = &mut self.pages_left {
            *left = left.saturating_sub(1);
        }
        let position = |fetcher: &Self, position: Position| match position {
            Position::PageEnd => fetcher.cursor(tokens.clone(), skip + kept),
            Position::Next => fetcher.cursor(next_tokens.clone(), 0),
        };
        if let Some((guard, policy)) = step.guard {
            self.trace.guard(guard.name(), policy, &next_tokens);
        }
        if let Some((failure, at)) = step.failure {
            let cursor = position(self, at);
            self.pending_error = Some(match failure {
                Failure::PageLimit => Error::PageLimit { cursor },
                Failure::Guard(Guard::DuplicateToken) => Error::DuplicateToken { cursor },
                Failure::Guard(Guard::TokenCycle) => Error::TokenCycle { cursor },
                Failure::Guard(Guard::MissingToken) => Error::MissingToken { cursor },
            });
        }
        self.trace.page(kept, !step.ends);
        if step.ends {
            self.trace.finished(step.complete);
        }
        let after = step.after.map(|at| position(self, at));
        self.next = (!step.ends).then_some(next_request);
        self.next_tokens = Some(next_tokens);
        Ok(FetchedPage {
            output,
            tokens,
            first: skip,
            kept,
            order: order.map(|order| order.slice(skip..skip + kept)),
            after,
        })
    }
}

/// The request's tokens, recorded; the request passes through unchanged.
pub(crate) fn record_tokens<Op: PaginatedOperation>(
    request: Op::Request,
) -> (Op::Request, Arc<[u8]>) {
    let mut recorder = TokenRecorder::default();
    let Ok(request) = Op::visit_tokens(request, &mut recorder);
    (request, recorder.finish().into())
}

/// Whether recorded tokens are all absent (each token is a presence byte, `0` when absent, and a
/// present one's byte is `1`): the first page of a listing.
pub(crate) fn no_token(tokens: &[u8]) -> bool {
    tokens.iter().all(|&byte| byte == 0)
}

/// The declaration's order of a page's items, if it gives one that accounts for every item.
#[inline]
pub(crate) fn checked_order<Op: PaginatedOperation>(output: &mut Op::Output) -> Option<ItemOrder> {
    Op::item_order(output).filter(|order| order.fits(&Op::item_fields(output).lengths()))
}
