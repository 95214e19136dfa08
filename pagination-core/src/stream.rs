//! The two streams a [`Paginator`](crate::Paginator) gives: pages, and items.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::vec;

use futures_core::{FusedStream, Stream};

use crate::fingerprint::Identity;
use crate::operation::PaginatedOperation;
use crate::source::PageSource;
use crate::{Cursor, Error};

/// A stream of pages: `Result<Output, Error>`, one per page request.
///
/// Made by [`Paginator::send`](crate::Paginator::send). Nothing is requested before the first
/// poll. After an error the stream ends; the error's cursor resumes the listing.
#[must_use = "streams do nothing unless polled"]
pub struct PageStream<Op: PaginatedOperation> {
    source: PageSource<Op>,
    position: Option<Cursor>,
    terminated: bool,
}

impl<Op: PaginatedOperation> PageStream<Op> {
    pub(crate) fn new(source: PageSource<Op>, start: Cursor) -> Self {
        PageStream {
            source,
            position: Some(start),
            terminated: false,
        }
    }

    /// Where the listing continues after the last page yielded (before the first poll: where it
    /// starts). `None` once the listing is complete.
    pub fn cursor(&self) -> Option<&Cursor> {
        self.position.as_ref()
    }
}

// No field is ever pinned: the request future is boxed.
impl<Op: PaginatedOperation> Unpin for PageStream<Op> {}

impl<Op: PaginatedOperation> Stream for PageStream<Op> {
    type Item = Result<Op::Output, Error<Op::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.terminated {
            return Poll::Ready(None);
        }
        let page = match ready!(this.source.poll_page(cx)) {
            Some(Ok(page)) => page,
            Some(Err(error)) => return Poll::Ready(Some(Err(error))),
            None => {
                this.terminated = true;
                return Poll::Ready(None);
            }
        };
        this.position = page.after;
        Poll::Ready(Some(Ok(page.output)))
    }
}

impl<Op: PaginatedOperation> FusedStream for PageStream<Op> {
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}

/// A stream of items across pages: `Result<Item, Error>`.
///
/// Made by [`Paginator::items`](crate::Paginator::items). [`cursor`](ItemStream::cursor) tells
/// the position after every item, so a listing can be stopped and resumed anywhere.
#[must_use = "streams do nothing unless polled"]
pub struct ItemStream<Op: PaginatedOperation> {
    source: PageSource<Op>,
    /// The current page's items not yet yielded.
    items: vec::IntoIter<Op::Item>,
    identity: Identity,
    /// The tokens of the current page.
    page_tokens: Arc<[u8]>,
    /// The in-page offset just past the current page's last kept item.
    page_end: usize,
    /// Where the listing continues once the current page is used up.
    after_page: Option<Cursor>,
    pages: u64,
    terminated: bool,
}

impl<Op: PaginatedOperation> ItemStream<Op> {
    pub(crate) fn new(source: PageSource<Op>, start: Cursor) -> Self {
        ItemStream {
            source,
            items: Vec::new().into_iter(),
            identity: start.identity().clone(),
            page_tokens: start.tokens().clone(),
            page_end: 0,
            after_page: Some(start),
            pages: 0,
            terminated: false,
        }
    }

    /// The position after the last item yielded (before the first: where the listing starts).
    /// `None` once the listing is complete. Resuming there yields exactly the items not yet seen.
    pub fn cursor(&self) -> Option<Cursor> {
        match self.items.len() {
            0 => self.after_page.clone(),
            left => Some(Cursor::new(
                self.identity.clone(),
                self.page_tokens.clone(),
                (self.page_end - left) as u64,
            )),
        }
    }

    /// How many pages were received so far.
    pub fn pages(&self) -> u64 {
        self.pages
    }

    /// Takes the next page with items, and yields its first.
    #[inline(never)]
    fn poll_next_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<<Self as Stream>::Item>> {
        loop {
            if let Some(item) = self.items.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            if self.terminated {
                return Poll::Ready(None);
            }
            let mut page = match ready!(self.source.poll_page(cx)) {
                Some(Ok(page)) => page,
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => {
                    self.terminated = true;
                    return Poll::Ready(None);
                }
            };
            self.items = page.take_items().into_iter();
            self.page_tokens = page.tokens;
            self.page_end = page.first + page.kept;
            self.after_page = page.after;
            self.pages += 1;
        }
    }
}

// No field is ever pinned: the request future is boxed.
impl<Op: PaginatedOperation> Unpin for ItemStream<Op> {}

impl<Op: PaginatedOperation> Stream for ItemStream<Op> {
    type Item = Result<Op::Item, Error<Op::Error>>;

    /// The fast path, the next item of the current page, inlines into the consumer's loop; the
    /// page refill stays out of line.
    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        match this.items.next() {
            Some(item) => Poll::Ready(Some(Ok(item))),
            None => this.poll_next_page(cx),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let upper = if self.terminated {
            Some(self.items.len())
        } else {
            None
        };
        (self.items.len(), upper)
    }
}

impl<Op: PaginatedOperation> FusedStream for ItemStream<Op> {
    fn is_terminated(&self) -> bool {
        self.terminated && self.items.len() == 0
    }
}
