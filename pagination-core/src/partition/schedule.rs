//! The scheduler of a parallel listing, without I/O: it takes events (a page of a range, a page
//! of a folder listing) and returns what to send and what to yield. The async driver
//! ([`super::stream`]) and the simulator of the test tree run the same code.
//!
//! What holds by construction:
//!
//! - **Every key in exactly one range.** Ranges `(after, up_to]` follow one another; a split
//!   replaces a range by pieces that meet at the split keys, each key validated to lie past
//!   what the range received and before its upper end. A page's items at or before its range's
//!   lower end, or past its upper end, are dropped from it.
//! - **At most N requests in flight.** A request is sent only by moving one of N [`Permit`]s
//!   into the range or folder listing that sends it; the permit comes back with the answer.
//! - **Key order.** In key order, items are taken from the first range only; a range leaves the
//!   list once every item it holds was taken.
//! - **Bounded buffering.** A range gets a permit only while the pages received and not taken
//!   are fewer than `N × buffer_pages`; in key order, up to twice that, also while it and the
//!   ranges before it hold fewer, or, for the `N` ranges nearest the front, while it holds fewer
//!   than `buffer_pages` (the front always may): at most twice the bound plus the N pages in
//!   flight are held.
//! - **One cursor.** Each range knows where it stands ([`Position`]); the listing's cursor is
//!   the list of ranges not finished.
//!
//! The policy ([`SplitPolicy`]) proposes; the budget ([`Budget`]) and the checks here decide.

use std::borrow::Cow;
use std::collections::VecDeque;

mod messages;
mod plan;
mod range;

use super::budget::Budget;
use super::policy::{FolderFacts, PageFacts, SplitPolicy};

pub use super::policy::RangeId;
pub use messages::{Action, Config, ListingId, Measured, Page, Permit, Position, Seed, Stats};
use range::{Buffered, Listing, ListingState, Range, State};

/// The scheduler; see the module docs.
pub struct Schedule<I, M> {
    config: Config,
    ranges: Vec<Range<I, M>>,
    listings: Vec<Listing>,
    /// Folder listings asked for: the prefix and the delimiter.
    listed_folders: Vec<(String, String)>,
    permits: Vec<Permit>,
    actions: VecDeque<Action<M>>,
    policy: Box<dyn SplitPolicy>,
    budget: Budget,
    items_left: Option<u64>,
    stats: Stats,
    measured: Vec<Measured>,
    next_id: u64,
    current: usize,
    start_after_ignored: bool,
    stopped: bool,
    /// Something changed since the policy was last asked.
    changed: bool,
}

impl<I, M: Clone> Schedule<I, M> {
    /// A listing of `seeds` (one range, or the ranges of a cursor or of split keys), split by
    /// `policy`.
    pub fn new(config: Config, seeds: Vec<Seed<M>>, policy: Box<dyn SplitPolicy>) -> Self {
        let permits = (0..config.requests.max(1)).map(|_| Permit(())).collect();
        let mut schedule = Schedule {
            budget: Budget::new(config.requests),
            items_left: config.max_items,
            config,
            ranges: Vec::new(),
            listings: Vec::new(),
            listed_folders: Vec::new(),
            permits,
            actions: VecDeque::new(),
            policy,
            stats: Stats::default(),
            measured: Vec::new(),
            next_id: 0,
            current: 0,
            start_after_ignored: false,
            stopped: false,
            changed: true,
        };
        for seed in seeds {
            let range = schedule.new_range(seed.after, seed.up_to, seed.position);
            schedule.ranges.push(range);
        }
        schedule
    }

    fn new_range(
        &mut self,
        after: Option<String>,
        up_to: Option<String>,
        position: Option<Position<M>>,
    ) -> Range<I, M> {
        self.next_id += 1;
        self.stats.ranges += 1;
        let fresh = position.is_none();
        Range {
            id: RangeId(self.next_id),
            chain_start: fresh.then(|| after.clone().unwrap_or_default()),
            after,
            up_to,
            state: State::Waiting(position),
            pages: VecDeque::new(),
            last_key: None,
            span: None,
            own_pages: 0,
            items: 0,
            known_start: fresh,
            fresh,
        }
    }

    /// What the listing did so far.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// The ranges listed in full so far, with the pages each took.
    pub fn measured(&self) -> &[Measured] {
        &self.measured
    }

    /// The next thing to send or cancel.
    pub fn poll_action(&mut self) -> Option<Action<M>> {
        if self.actions.is_empty() && !self.stopped {
            self.plan();
        }
        self.actions.pop_front()
    }

    /// Every item of the listing was taken.
    pub fn is_complete(&self) -> bool {
        self.ranges.iter().all(Range::is_finished)
    }

    /// Nothing more will be yielded: every item was taken, or `max_items` of them.
    pub fn is_done(&self) -> bool {
        self.items_left == Some(0) || self.is_complete()
    }

    /// The next item to yield, if one is buffered.
    pub fn next_item(&mut self) -> Option<I> {
        if self.items_left == Some(0) {
            return None;
        }
        let item = self.take()?;
        if let Some(left) = &mut self.items_left {
            *left -= 1;
            if *left == 0 {
                self.stop();
            }
        }
        Some(item)
    }

    fn take(&mut self) -> Option<I> {
        if self.config.ordered {
            // The first range with items, past ranges finished (retired when planning).
            for range in &mut self.ranges {
                if let Some(item) = range.take_item(&mut self.changed) {
                    return Some(item);
                }
                if !range.is_finished() {
                    return None;
                }
            }
            return None;
        }
        let count = self.ranges.len();
        for step in 0..count {
            let index = (self.current + step) % count;
            if let Some(item) = self.ranges[index].take_item(&mut self.changed) {
                self.current = index;
                return Some(item);
            }
        }
        None
    }

    /// Removes the ranges that are finished: every page received and every item taken.
    fn retire_finished(&mut self) {
        let mut index = 0;
        while index < self.ranges.len() {
            if self.ranges[index].is_finished() {
                self.retire(index);
            } else {
                index += 1;
            }
        }
    }

    /// Removes a finished range, recording what it measured.
    fn retire(&mut self, index: usize) {
        let range = self.ranges.remove(index);
        if self.current > index {
            self.current -= 1;
        }
        self.changed = true;
        self.measured.push(Measured {
            after: range.after,
            up_to: range.up_to,
            items: range.items,
            pages: range.own_pages,
        });
    }

    /// Stops every range where it stands: requests in flight are cancelled.
    pub fn stop(&mut self) {
        self.stopped = true;
        self.actions.clear();
        for range in &mut self.ranges {
            if let State::Requesting { resume, .. } = &mut range.state {
                let resume = resume.take();
                range.state = State::Waiting(resume);
                self.actions.push_back(Action::Drop { range: range.id });
            }
        }
        self.listings.clear();
    }

    /// The ranges not finished, each with its bounds and where it stands (`None`: at its start).
    pub fn cursor(&self) -> Vec<Seed<M>> {
        self.ranges
            .iter()
            .filter_map(|range| {
                range.position().map(|position| Seed {
                    after: range.after.clone(),
                    up_to: range.up_to.clone(),
                    position,
                })
            })
            .collect()
    }

    /// A page of range `id` arrived. `key` gives an item's key.
    pub fn page(&mut self, id: RangeId, page: Page<I, M>, key: impl Fn(&I) -> Cow<'_, str>) {
        self.changed = true;
        let Some(index) = self.ranges.iter().position(|range| range.id == id) else {
            return;
        };
        let Page {
            mut items,
            mark,
            first,
            next,
        } = page;
        let range = &mut self.ranges[index];
        if !matches!(range.state, State::Requesting { .. }) {
            return;
        }
        let permit = match std::mem::replace(&mut range.state, State::Done) {
            State::Requesting { permit, .. } => permit,
            _ => unreachable!("checked above"),
        };
        self.permits.push(permit);
        self.stats.pages += 1;
        let total = items.len();
        {
            let keys: Vec<Cow<'_, str>> = items.iter().map(&key).collect();
            let refs: Vec<&str> = keys.iter().map(AsRef::as_ref).collect();
            let start = range.chain_start.clone();
            self.policy.page(&PageFacts {
                range: id,
                start: start.as_deref(),
                keys: &refs,
                ended: next.is_none(),
            });
            range.chain_start = refs.last().map(|last| (*last).to_owned()).or(start);
        }
        let cut = match &range.up_to {
            Some(up_to) => items.partition_point(|item| key(item).as_ref() <= up_to.as_str()),
            None => total,
        };
        items.truncate(cut);
        if let Some(after) = &range.after {
            let before = items.partition_point(|item| key(item).as_ref() <= after.as_str());
            if before > 0 {
                // A common prefix holding `after` may come back (the keys after it roll up
                // into it); any other entry at or before it means the server ignored the
                // start-after: each range would list from the start.
                let ignored = items[..before]
                    .iter()
                    .any(|item| !after.starts_with(key(item).as_ref()));
                self.start_after_ignored |= ignored;
                items.drain(..before);
            }
        }
        self.budget.range_page(total, items.len());
        if items.is_empty() {
            self.stats.empty_pages += 1;
        }
        range.items += items.len() as u64;
        if let (Some(first_item), Some(last_item)) = (items.first(), items.last()) {
            range.own_pages += 1;
            range.span = Some(key(first_item).into_owned());
            range.last_key = Some(key(last_item).into_owned());
        }
        // Only pages with items are held: the buffer's bound counts pages the consumer has
        // yet to take.
        if !items.is_empty() {
            range.pages.push_back(Buffered {
                items: items.into_iter(),
                mark,
                end: first + cut,
            });
        }
        let ended = cut < total || next.is_none();
        range.state = match next {
            Some(next) if !ended => State::Ready(Position {
                mark: next,
                skip: 0,
            }),
            _ => {
                self.actions.push_back(Action::Drop { range: id });
                State::Done
            }
        };
        if self.start_after_ignored {
            self.fold();
        }
    }

    /// A page of folder listing `id` arrived: its entries' keys, and whether more follow.
    pub fn folders(&mut self, id: ListingId, entries: Vec<String>, more: bool) {
        self.changed = true;
        let Some(index) = self.listings.iter().position(|listing| listing.id == id) else {
            return;
        };
        let listing = &mut self.listings[index];
        if let ListingState::Requesting(permit) =
            std::mem::replace(&mut listing.state, ListingState::Ready)
        {
            self.permits.push(permit);
        }
        self.stats.folder_requests += 1;
        self.budget.folder_page();
        let refs: Vec<&str> = entries.iter().map(String::as_str).collect();
        self.policy.folders(&FolderFacts {
            prefix: &listing.prefix,
            delimiter: &listing.delimiter,
            start: &listing.start,
            entries: &refs,
            complete: !more,
        });
        match entries.last() {
            Some(last) if more => {
                // It goes on only when the policy asks for the folder again.
                listing.start = last.clone();
                listing.state = ListingState::Paused;
            }
            _ => {
                self.listings.remove(index);
            }
        }
    }
}
