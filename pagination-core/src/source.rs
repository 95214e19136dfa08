//! Where a stream's pages come from: fetched when the stream is polled, or by a prefetch task
//! that runs ahead of the consumer.

use std::task::{Context, Poll};

use crate::Cursor;
use crate::fetch::{PageFetcher, PageResult};
use crate::operation::PaginatedOperation;

pub(crate) enum PageSource<Op: PaginatedOperation> {
    /// Each page is requested when the consumer asks for it.
    Inline(PageFetcher<Op>),
    /// Pages are requested ahead, on a task.
    #[cfg(feature = "tokio")]
    Prefetch(crate::prefetch::Prefetch<Op>),
}

impl<Op: PaginatedOperation> PageSource<Op> {
    pub(crate) fn new(fetcher: PageFetcher<Op>, prefetch: usize, start: &Cursor) -> Self {
        #[cfg(feature = "tokio")]
        if prefetch > 0 {
            return PageSource::Prefetch(crate::prefetch::Prefetch::new(fetcher, prefetch, start));
        }
        let _ = (prefetch, start);
        PageSource::Inline(fetcher)
    }

    pub(crate) fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<PageResult<Op>>> {
        match self {
            PageSource::Inline(fetcher) => fetcher.poll_next_page(cx),
            #[cfg(feature = "tokio")]
            PageSource::Prefetch(prefetch) => prefetch.poll_page(cx),
        }
    }
}
