//! Loop guards: what to do when a service's tokens stop making progress.

use std::collections::{HashSet, VecDeque};

/// What a paginator does when a guard trips.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GuardPolicy {
    /// End the listing quietly after the page that tripped the guard. The page is yielded.
    Stop,
    /// Yield the page that tripped the guard, then an [`Error`](crate::Error) that says which
    /// guard tripped and carries the position the service pointed to, then end.
    Error,
    /// Ignore the guard and keep requesting pages. Only safe when another guard or a limit
    /// ends the listing.
    Continue,
}

/// Where the paginator stands on each guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Guards {
    /// The service returned the token it was just sent.
    pub(crate) duplicate_token: GuardPolicy,
    /// The service returned a token it was sent earlier in the listing.
    pub(crate) token_cycle: GuardPolicy,
    /// The "more results" flag says more, but there is no token to ask for them.
    pub(crate) missing_token: GuardPolicy,
    /// `max_pages` pages were fetched and the listing goes on.
    pub(crate) page_limit: GuardPolicy,
}

impl Default for Guards {
    fn default() -> Self {
        Guards {
            // The AWS SDK's behaviour: some services repeat the last token on the final page.
            duplicate_token: GuardPolicy::Stop,
            // A longer cycle is never normal and would repeat items: say so.
            token_cycle: GuardPolicy::Error,
            // Stopping here could silently drop the rest of the listing: say so.
            missing_token: GuardPolicy::Error,
            page_limit: GuardPolicy::Stop,
        }
    }
}

/// The tokens sent so far in a listing, remembered in bounded memory.
///
/// The last [`WINDOW`](TokenHistory::WINDOW) tokens are kept exactly, so a cycle up to that many
/// pages long is caught the first time a token comes back, before any page repeats. Beyond the
/// window, Brent's method (one remembered token, re-chosen at doubling intervals) still catches
/// every cycle, within a few cycle lengths: no listing loops forever.
#[derive(Debug)]
pub(crate) struct TokenHistory {
    recent: HashSet<u64>,
    order: VecDeque<u64>,
    checkpoint: Option<u64>,
    steps_since_checkpoint: u64,
    checkpoint_interval: u64,
}

impl TokenHistory {
    pub(crate) const WINDOW: usize = 4096;

    pub(crate) fn new() -> Self {
        TokenHistory {
            recent: HashSet::new(),
            order: VecDeque::new(),
            checkpoint: None,
            steps_since_checkpoint: 0,
            checkpoint_interval: 1,
        }
    }

    /// Whether these tokens (a hash of their encoding) were sent before.
    pub(crate) fn contains(&self, tokens: u64) -> bool {
        self.recent.contains(&tokens) || self.checkpoint == Some(tokens)
    }

    /// Remembers tokens that were just sent.
    pub(crate) fn record(&mut self, tokens: u64) {
        if self.recent.insert(tokens) {
            self.order.push_back(tokens);
            if self.order.len() > Self::WINDOW {
                if let Some(oldest) = self.order.pop_front() {
                    self.recent.remove(&oldest);
                }
            }
        }
        self.steps_since_checkpoint += 1;
        if self.checkpoint.is_none() || self.steps_since_checkpoint >= self.checkpoint_interval {
            self.checkpoint = Some(tokens);
            self.steps_since_checkpoint = 0;
            self.checkpoint_interval = self.checkpoint_interval.saturating_mul(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds a token sequence that enters a cycle, and returns after how many sent tokens the
    /// history recognised a repeat.
    fn pages_until_caught(prefix: u64, cycle: u64) -> u64 {
        let mut history = TokenHistory::new();
        let token = |page: u64| {
            if page < prefix {
                page
            } else {
                prefix + (page - prefix) % cycle
            }
        };
        for page in 0..100 * (prefix + cycle) {
            let next = token(page);
            if history.contains(next) {
                return page;
            }
            history.record(next);
        }
        panic!("cycle of {cycle} after {prefix} pages was never caught");
    }

    #[test]
    fn short_cycles_are_caught_at_the_first_repeat() {
        for cycle in [1, 2, 3, 17, 4096] {
            assert_eq!(pages_until_caught(5, cycle), 5 + cycle);
        }
    }

    #[test]
    fn cycles_longer_than_the_window_are_still_caught() {
        let cycle = TokenHistory::WINDOW as u64 * 3 + 1;
        let caught = pages_until_caught(10, cycle);
        assert!(caught < 10 + 4 * cycle, "caught after {caught} pages");
    }
}
