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
    /// The service returned the token it was just sent; `None`: the default, which depends on
    /// the declaration and on whether a "more results" flag asked for more (see
    /// [`duplicate_token_policy`](Guards::duplicate_token_policy)).
    pub(crate) duplicate_token: Option<GuardPolicy>,
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
            duplicate_token: None,
            // A longer cycle is never normal and would repeat items: say so.
            token_cycle: GuardPolicy::Error,
            // Stopping here could silently drop the rest of the listing: say so.
            missing_token: GuardPolicy::Error,
            page_limit: GuardPolicy::Stop,
        }
    }
}

impl Guards {
    /// What a repeated token does. Unless the user chose, what the declaration says
    /// (`declared`): an error by default, as botocore raises on a token received twice, since
    /// stopping would report success on a listing that cannot be completed; `Stop` where the API
    /// ends its listings by repeating the last token (CloudWatch Logs' GetLogEvents). When a
    /// declared "more results" flag says more follows, the service contradicts itself, and a
    /// declared `Stop` still errs: stopping would drop the rest without a word.
    pub(crate) fn duplicate_token_policy(
        &self,
        declared: GuardPolicy,
        flagged: bool,
    ) -> GuardPolicy {
        self.duplicate_token.unwrap_or(if flagged {
            GuardPolicy::Error
        } else {
            declared
        })
    }
}

/// The tokens sent so far in a listing, remembered in bounded memory.
///
/// The last [`WINDOW`](TokenHistory::WINDOW) tokens are kept exactly, so a cycle up to that many
/// pages long is caught the first time a token comes back, before any page repeats. Beyond the
/// window, Nivasch's stack algorithm (a stack of token hashes kept in increasing order, O(log n)
/// entries expected) catches every cycle before one full cycle has repeated: the cycle's smallest
/// hash stays on the stack until it comes round again. No listing loops forever.
#[derive(Debug)]
pub(crate) struct TokenHistory {
    recent: HashSet<u64>,
    order: VecDeque<u64>,
    /// Nivasch's stack: increasing from bottom to top.
    stack: Vec<u64>,
}

impl TokenHistory {
    pub(crate) const WINDOW: usize = 4096;
    /// A bound the stack reaches only with vanishing probability (its expected size is ln n).
    const STACK_LIMIT: usize = 1024;

    pub(crate) fn new() -> Self {
        TokenHistory {
            recent: HashSet::new(),
            order: VecDeque::new(),
            stack: Vec::new(),
        }
    }

    /// Whether these tokens (a hash of their encoding) were sent before.
    pub(crate) fn contains(&self, tokens: u64) -> bool {
        self.recent.contains(&tokens) || self.stack.binary_search(&tokens).is_ok()
    }

    /// Remembers tokens that were just sent.
    pub(crate) fn record(&mut self, tokens: u64) {
        if !self.recent.contains(&tokens) {
            // Make room first, so the queue never outgrows the window.
            if self.order.len() == Self::WINDOW {
                if let Some(oldest) = self.order.pop_front() {
                    self.recent.remove(&oldest);
                }
            }
            self.recent.insert(tokens);
            self.order.push_back(tokens);
        }
        while self.stack.last().is_some_and(|&top| top > tokens) {
            self.stack.pop();
        }
        if self.stack.last() != Some(&tokens) {
            if self.stack.len() == Self::STACK_LIMIT {
                self.stack.remove(0);
            }
            self.stack.push(tokens);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds a token sequence that enters a cycle, and returns after how many sent tokens the
    /// history recognised a repeat. Tokens are hashed, as the engine's are.
    fn pages_until_caught(prefix: u64, cycle: u64) -> u64 {
        let mut history = TokenHistory::new();
        let token = |page: u64| {
            let position = if page < prefix {
                page
            } else {
                prefix + (page - prefix) % cycle
            };
            xxhash_rust::xxh3::xxh3_64(&position.to_le_bytes())
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
    fn cycles_longer_than_the_window_are_caught_before_a_full_cycle_repeats() {
        let window = TokenHistory::WINDOW as u64;
        for (prefix, cycle) in [
            (10, window * 3 + 1),
            (16 * (window + 1), window + 1),
            (0, 50_000),
        ] {
            let caught = pages_until_caught(prefix, cycle);
            assert!(
                caught < prefix + 2 * cycle,
                "prefix {prefix}, cycle {cycle}: caught after {caught} pages"
            );
        }
    }
}
