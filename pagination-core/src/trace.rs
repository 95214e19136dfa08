//! What a listing tells `tracing` (feature `tracing`): a span per listing, an event per page, a
//! warning when a guard trips or a request fails. Token values never appear (they can be keys
//! or secrets): at most a short hash of them, keyed per process; nor does what a failed
//! request's error says, which can hold a token. Without the feature every call here is empty.

#[cfg(feature = "tracing")]
mod enabled {
    use std::time::Instant;

    use std::hash::{BuildHasher, Hasher};
    use std::sync::OnceLock;

    use crate::guard::GuardPolicy;

    /// A hash of tokens with a key drawn once per process: events of one process can be matched,
    /// but a short token (an integer) cannot be found back by hashing candidates offline.
    fn keyed_hash(tokens: &[u8]) -> u64 {
        static KEY: OnceLock<std::collections::hash_map::RandomState> = OnceLock::new();
        let mut hasher = KEY.get_or_init(Default::default).build_hasher();
        hasher.write(tokens);
        hasher.finish()
    }

    /// The span of one listing, and when the request in flight was sent.
    #[derive(Debug)]
    pub(crate) struct Trace {
        span: tracing::Span,
        sent: Option<Instant>,
        pages: u64,
        prefetched: bool,
    }

    impl Trace {
        pub(crate) fn listing(
            operation: &str,
            page_size: Option<u32>,
            max_items: Option<u64>,
            max_pages: Option<u64>,
            resumed: bool,
        ) -> Trace {
            let span = tracing::info_span!(
                target: "pagination_core",
                "listing", operation, page_size, max_items, max_pages, resumed,
            );
            Trace {
                span,
                sent: None,
                pages: 0,
                prefetched: false,
            }
        }

        /// Pages are fetched ahead of the consumer, on a task.
        #[cfg(feature = "tokio")]
        pub(crate) fn set_prefetched(&mut self) {
            self.prefetched = true;
        }

        pub(crate) fn sent(&mut self) {
            // No subscriber wants the listing: no clock reading either.
            if !self.span.is_disabled() {
                self.sent = Some(Instant::now());
            }
        }

        /// The request future, inside the listing's span: what the client traces nests there.
        pub(crate) fn instrument<Op: crate::PaginatedOperation>(
            &self,
            request: crate::SendFuture<Op>,
        ) -> crate::SendFuture<Op> {
            Box::pin(tracing::Instrument::instrument(request, self.span.clone()))
        }

        fn elapsed_ms(&mut self) -> f64 {
            // To a tenth of a millisecond: enough to read, short to print.
            self.sent.take().map_or(0.0, |sent| {
                (sent.elapsed().as_secs_f64() * 10_000.0).round() / 10.0
            })
        }

        pub(crate) fn page(&mut self, items: usize, more: bool) {
            self.pages += 1;
            if self.span.is_disabled() {
                return;
            }
            let elapsed_ms = self.elapsed_ms();
            tracing::debug!(
                target: "pagination_core",
                parent: &self.span,
                page = self.pages,
                items,
                elapsed_ms,
                prefetched = self.prefetched,
                more,
                "page received"
            );
        }

        /// A failed request. What its error says is not traced: it can hold a token (a URL with
        /// the token in its query, say); the caller has the error itself.
        pub(crate) fn failed(&mut self) {
            let elapsed_ms = self.elapsed_ms();
            tracing::warn!(
                target: "pagination_core",
                parent: &self.span,
                page = self.pages + 1,
                elapsed_ms,
                "page request failed; the error's cursor retries it"
            );
        }

        pub(crate) fn guard(&self, guard: &'static str, policy: GuardPolicy, tokens: &[u8]) {
            let token_hash = format!("{:08x}", keyed_hash(tokens) as u32);
            tracing::warn!(
                target: "pagination_core",
                parent: &self.span,
                guard,
                policy = ?policy,
                token_hash,
                page = self.pages,
                "pagination guard tripped"
            );
        }

        pub(crate) fn finished(&self, complete: bool) {
            tracing::debug!(
                target: "pagination_core",
                parent: &self.span,
                pages = self.pages,
                complete,
                "listing ended"
            );
        }
    }
}

#[cfg(not(feature = "tracing"))]
mod enabled {
    use crate::guard::GuardPolicy;

    #[derive(Debug)]
    pub(crate) struct Trace;

    impl Trace {
        pub(crate) fn listing(
            _: &str,
            _: Option<u32>,
            _: Option<u64>,
            _: Option<u64>,
            _: bool,
        ) -> Trace {
            Trace
        }

        #[cfg(feature = "tokio")]
        pub(crate) fn set_prefetched(&mut self) {}

        pub(crate) fn sent(&mut self) {}

        pub(crate) fn instrument<Op: crate::PaginatedOperation>(
            &self,
            request: crate::SendFuture<Op>,
        ) -> crate::SendFuture<Op> {
            request
        }

        pub(crate) fn page(&mut self, _: usize, _: bool) {}

        pub(crate) fn failed(&mut self) {}

        pub(crate) fn guard(&self, _: &'static str, _: GuardPolicy, _: &[u8]) {}

        pub(crate) fn finished(&self, _: bool) {}
    }
}

pub(crate) use enabled::Trace;
