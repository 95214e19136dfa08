//! [`Paginator`]: the configured listing, before it runs.

use std::fmt;

use crate::fetch::{PageFetcher, Sender, Settings, record_tokens};
use crate::fingerprint::Named;
use crate::guard::GuardPolicy;
use crate::operation::{PageSize, PaginatedOperation, clamped_page_size};
use crate::source::PageSource;
use crate::token::TokenRestorer;
use crate::{Cursor, CursorError, ItemStream, PageStream};

/// A listing of a token-paginated operation, ready to run as a stream of pages
/// ([`send`](Paginator::send)) or of items ([`items`](Paginator::items)).
///
/// Made by `into_paginator()` on a request builder (see [`IntoPaginator`](crate::IntoPaginator))
/// or by [`Paginator::new`]. Its methods mirror the AWS SDK's paginators (`page_size`,
/// `stop_on_duplicate_token`, `send`, `items`) and add limits, cursors, guards and prefetch.
#[must_use = "a paginator does nothing until `send()` or `items()` is polled"]
pub struct Paginator<Op: PaginatedOperation> {
    pub(crate) request: Op::Request,
    /// Items of the first page already seen (from a cursor).
    skip: usize,
    /// The cursor this listing resumes from, checked again when the listing starts.
    pub(crate) resumed_from: Option<Cursor>,
    pub(crate) settings: Settings,
    pub(crate) sender: Option<Sender<Op>>,
}

impl<Op: PaginatedOperation> Paginator<Op> {
    /// A paginator over `request`, starting at the request's own tokens (normally none: the
    /// first page).
    pub fn new(request: Op::Request) -> Self {
        Paginator {
            request,
            skip: 0,
            resumed_from: None,
            settings: Settings::default(),
            sender: None,
        }
    }

    /// The request each page is made from.
    pub fn request(&self) -> &Op::Request {
        &self.request
    }

    /// Asks for `size` items a page (the service may return fewer). Sets the declaration's
    /// page-size field; a value too large for the field saturates. Where the declaration gives
    /// the service's largest page size (`max_page_size = 100`), a larger `size` is clamped to it
    /// before any request: the listing holds the same items, in more pages, and no end-of-listing
    /// rule that compares a page with the size asked for is fooled by the service's own clamp.
    ///
    /// `0` asks for pages without items, which no listing can progress through (S3-compatible
    /// servers answer it with an empty page that is truncated and has no token, or loop): the
    /// request is left unchanged and the stream yields [`Error::InvalidPageSize`] before
    /// sending anything. Leave the page size unset for the service's default.
    ///
    /// [`Error::InvalidPageSize`]: crate::Error::InvalidPageSize
    pub fn page_size(mut self, size: u32) -> Self
    where
        Op: PageSize,
    {
        let size = clamped_page_size::<Op>(size);
        if size == 0 {
            self.settings.zero_page_size = true;
        } else {
            self.request = Op::set_page_size(self.request, size);
            self.settings.zero_page_size = false;
        }
        self.settings.page_size = Some(size);
        self
    }

    /// Ends the listing after `count` items, even in the middle of a page. The page stream
    /// trims its last page to fit. The stream's cursor then points at the next item.
    pub fn max_items(mut self, count: u64) -> Self {
        self.settings.max_items = Some(count);
        self
    }

    /// Ends the listing after `count` pages (see [`on_page_limit`](Paginator::on_page_limit)).
    pub fn max_pages(mut self, count: u64) -> Self {
        self.settings.max_pages = Some(count);
        self
    }

    /// Whether a token equal to the one just sent ends the listing quietly (`true`, as the AWS
    /// SDK's `stop_on_duplicate_token`) or is requested again (`false`). Shorthand for
    /// [`on_duplicate_token`](Paginator::on_duplicate_token), whose default is an error unless
    /// the declaration says `duplicate_token = stop`.
    pub fn stop_on_duplicate_token(self, stop: bool) -> Self {
        self.on_duplicate_token(if stop {
            GuardPolicy::Stop
        } else {
            GuardPolicy::Continue
        })
    }

    /// What to do when the service returns the token it was just sent.
    ///
    /// Default: [`GuardPolicy::Error`], with the cursor after that page's items, as botocore
    /// raises on a token received twice: the service points back at the page it just served, and
    /// stopping would report a listing that cannot be completed as complete. A declaration whose
    /// API ends its listings by repeating the last token (CloudWatch Logs' GetLogEvents) says so
    /// with `duplicate_token = stop`, and stops there after yielding that page, unless its "more
    /// results" flag says more follows (then the service contradicts itself: an error).
    pub fn on_duplicate_token(mut self, policy: GuardPolicy) -> Self {
        self.settings.guards.duplicate_token = Some(policy);
        self
    }

    /// What to do when the service returns a token it was sent earlier in the listing (a cycle of
    /// two pages or more). Default: [`GuardPolicy::Error`]. Tokens are remembered in bounded
    /// memory: a cycle of up to 4,096 pages is caught before any page repeats, a longer one before
    /// one full cycle has repeated.
    pub fn on_token_cycle(mut self, policy: GuardPolicy) -> Self {
        self.settings.guards.token_cycle = policy;
        self
    }

    /// What to do when the "more results" flag says more but the page holds no token. Default:
    /// [`GuardPolicy::Error`]. [`GuardPolicy::Continue`] requests the next page without a
    /// token, which restarts most listings (the cycle guard then trips).
    pub fn on_missing_token(mut self, policy: GuardPolicy) -> Self {
        self.settings.guards.missing_token = policy;
        self
    }

    /// What to do when [`max_pages`](Paginator::max_pages) is reached and the listing goes on.
    /// Default: [`GuardPolicy::Stop`]; the stream's cursor points at the next page.
    pub fn on_page_limit(mut self, policy: GuardPolicy) -> Self {
        self.settings.guards.page_limit = policy;
        self
    }

    /// Requests up to `pages` pages ahead of the consumer, on a Tokio task, so that network time
    /// overlaps the consumer's work. `0` (the default) requests each page when it is needed.
    ///
    /// Order, cursors, limits and guards are unchanged. Dropping the stream cancels the request
    /// in flight. Without a Tokio runtime at the first poll, pages are fetched as without prefetch.
    /// If the runtime shuts down while the stream lives on, the stream ends with
    /// [`Error::Interrupted`](crate::Error::Interrupted) and the cursor to resume from.
    #[cfg(feature = "tokio")]
    pub fn prefetch(mut self, pages: usize) -> Self {
        self.settings.prefetch = pages;
        self
    }

    /// Sends each page request with `send` instead of the operation's own `send`: the request
    /// as the engine made it (tokens set) goes in, the page comes out. Use it to give every page
    /// the same per-call settings, after a resume too. With the AWS SDK, that is the fluent
    /// builder's `customize()`, whose `config_override`, `interceptor` and `mutate_request` apply
    /// to one call only (`pagination-aws` documents it with an example):
    ///
    /// ```text
    /// Paginator::<ListObjectVersions>::new(client.list_object_versions().bucket("b"))
    ///     .send_with(move |request| request.customize().config_override(overrides.clone()).send())
    /// ```
    pub fn send_with<F, Fut>(mut self, send: F) -> Self
    where
        F: Fn(Op::Request) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = Result<Op::Output, Op::Error>> + Send + 'static,
    {
        self.sender = Some(std::sync::Arc::new(move |request| {
            Box::pin(send(request)) as crate::SendFuture<Op>
        }));
        self
    }

    /// Continues a listing at `cursor`: exactly the items after the cursor are listed.
    ///
    /// Refuses a cursor made for a request with other parameters
    /// ([`CursorError::ParametersDiffer`], naming them, or [`CursorError::RequestMismatch`]) or
    /// for another operation ([`CursorError::TokenMismatch`]).
    ///
    /// The cursor carries the page size the listing was given with
    /// [`page_size`](Paginator::page_size): without a page size of its own, the resumed listing
    /// continues with it; with another one, set before `resume_from`, the cursor is refused here
    /// ([`CursorError::ParametersDiffer`], naming the page-size field), since an offset into a
    /// page of another size, or a page number, would point elsewhere. A page size set after
    /// `resume_from`, or any other change to the request after it, is checked when the listing
    /// starts: a mismatch makes the stream yield [`Error::Cursor`](crate::Error::Cursor) before
    /// requesting anything. Cursors of a listing whose page size was written into the request
    /// itself carry none: resume them with the same request. A cursor's page size replaces one
    /// written into the request being resumed (not set with `page_size`): the cursor's offsets
    /// hold only for its own.
    pub fn resume_from(mut self, cursor: &Cursor) -> Result<Self, CursorError> {
        let named = Named::of::<Op>(&self.request);
        named.accepts::<Op>(&self.request, cursor.identity(), false)?;
        // The cursor's page size: taken where none is set yet, refused where another is.
        if let (Some(size), Some(set)) = (cursor.identity().page_size, Op::SET_PAGE_SIZE) {
            match self.settings.page_size {
                // `page_size(0)` fails the listing before any request, as documented.
                Some(0) => {}
                None => {
                    self.request = set(self.request, size);
                    self.settings.page_size = Some(size);
                }
                // Sizes compared as they land in the request (clamped, saturated), not as asked.
                Some(own) if own != size => {
                    let fingerprint = |size| {
                        Named::of::<Op>(&set(self.request.clone(), size))
                            .identity
                            .all
                    };
                    if fingerprint(own) != fingerprint(size) {
                        return Err(CursorError::ParametersDiffer {
                            parameters: vec![named.page_size_name()],
                        });
                    }
                }
                Some(_) => {}
            }
        }
        let skip = usize::try_from(cursor.offset()).map_err(|_| CursorError::TokenMismatch)?;
        let mut restorer = TokenRestorer::new(cursor.tokens());
        let request = Op::visit_tokens(self.request.clone(), &mut restorer)?;
        restorer.finish()?;
        self.request = request;
        self.skip = skip;
        self.resumed_from = Some(cursor.clone());
        self.settings.resumed = true;
        Ok(self)
    }

    /// Where this listing starts, as a cursor. After [`resume_from`](Paginator::resume_from),
    /// the cursor given, as long as the listing cannot start there (the request changed since):
    /// the position is the cursor's, never one of a request it was not made for.
    pub fn cursor(&self) -> Cursor {
        let named = self.named();
        match self.refused_cursor(&named) {
            Some((_, cursor)) => cursor,
            None => self.start_cursor(&named),
        }
    }

    /// The request's identity, with the page size the listing was given (cursors carry it).
    fn named(&self) -> Named {
        let mut named = Named::of::<Op>(&self.request);
        named.identity.page_size = self.settings.page_size.filter(|&size| size > 0);
        named
    }

    fn start_cursor(&self, named: &Named) -> Cursor {
        let (_, tokens) = record_tokens::<Op>(self.request.clone());
        Cursor::new(named.identity.clone(), tokens, self.skip as u64)
    }

    /// The cursor resumed from, with why, when the request as it is now cannot continue it.
    /// Checked in full, page size included, now that the page size is final.
    fn refused_cursor(&self, named: &Named) -> Option<(CursorError, Cursor)> {
        let cursor = self.resumed_from.as_ref()?;
        named
            .accepts::<Op>(&self.request, cursor.identity(), true)
            .err()
            .map(|source| (source, cursor.clone()))
    }

    /// Runs the listing as a stream of pages.
    pub fn send(self) -> PageStream<Op> {
        let (source, start) = self.start();
        PageStream::new(source, start)
    }

    /// Runs the listing as a stream of items, across pages.
    pub fn items(self) -> ItemStream<Op> {
        let (source, start) = self.start();
        ItemStream::new(source, start)
    }

    pub(crate) fn start(self) -> (PageSource<Op>, Cursor) {
        let named = self.named();
        // Refuse rather than list something else; the stream's cursor stays the one given.
        let mismatch = self.refused_cursor(&named);
        let start = match &mismatch {
            Some((_, cursor)) => cursor.clone(),
            None => self.start_cursor(&named),
        };
        let mut fetcher = PageFetcher::new(
            self.request,
            named.identity,
            self.skip,
            &self.settings,
            self.sender,
        );
        if self.settings.zero_page_size {
            fetcher.fail(crate::Error::InvalidPageSize {
                cursor: start.clone(),
            });
        } else if let Some((source, cursor)) = mismatch {
            fetcher.fail(crate::Error::Cursor { source, cursor });
        }
        (
            PageSource::new(fetcher, self.settings.prefetch, &start),
            start,
        )
    }
}

impl<Op: PaginatedOperation> Clone for Paginator<Op> {
    fn clone(&self) -> Self {
        Paginator {
            request: self.request.clone(),
            skip: self.skip,
            resumed_from: self.resumed_from.clone(),
            settings: self.settings.clone(),
            sender: self.sender.clone(),
        }
    }
}

impl<Op: PaginatedOperation> fmt::Debug for Paginator<Op> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paginator")
            .field("request", Op::parameters(&self.request))
            .field("skip", &self.skip)
            .field("settings", &self.settings)
            .field("send_with", &self.sender.is_some())
            .finish()
    }
}

/// `into_paginator()` on a request builder, for each operation declared with `#[paginate]`.
///
/// ```
/// # use pagination_core::{paginate, IntoPaginator, PageRequest};
/// # #[paginate(input_token = after, output_token = next, items = values: u32)]
/// # #[derive(Clone, Debug, Default)]
/// # struct ListValues { after: Option<u32> }
/// # struct Page { values: Vec<u32>, next: Option<u32> }
/// # impl PageRequest for ListValues {
/// #     type Output = Page;
/// #     type Error = std::convert::Infallible;
/// #     async fn send(self) -> Result<Page, Self::Error> {
/// #         Ok(Page { values: vec![1], next: None })
/// #     }
/// # }
/// let paginator = ListValues::default().into_paginator();
/// ```
///
/// Builders of the AWS SDK that already have an inherent `into_paginator()` (the SDK's own, which
/// wins method resolution) are paginated with [`Paginator::new`] instead.
pub trait IntoPaginator<Op: PaginatedOperation<Request = Self>>: Sized {
    /// A paginator that starts at this request's tokens (normally the first page).
    fn into_paginator(self) -> Paginator<Op> {
        Paginator::new(self)
    }
}
