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
//!   are fewer than `N × buffer_pages` (in key order the first range always may): at most that
//!   plus the N pages in flight are held.
//! - **One cursor.** Each range knows where it stands ([`Position`]); the listing's cursor is
//!   the list of ranges not finished.
//!
//! The policy ([`SplitPolicy`]) proposes; the budget ([`Budget`]) and the checks here decide.

use std::borrow::Cow;
use std::collections::VecDeque;

use super::KeySpace;
use super::budget::Budget;
use super::policy::{FolderFacts, PageFacts, Proposal, RangeId, RangeView, SplitPolicy, View};
use super::scale::{before_common_prefix, prefix_end};

/// Leave to send one request. There are N of them; none is ever made after the start.
#[derive(Debug)]
pub struct Permit(());

/// Where a range's listing stands: the page at `mark`, its first `skip` items already taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position<M> {
    pub mark: M,
    pub skip: u64,
}

/// Names a folder listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ListingId(pub(crate) u64);

/// What to do next.
#[derive(Debug)]
pub enum Action<M> {
    /// Send a range's first request: the keys after `after`, or from `from` when it resumes.
    Start {
        range: RangeId,
        after: Option<String>,
        from: Option<Position<M>>,
    },
    /// Send the next request of a range's chain.
    Next { range: RangeId },
    /// Drop a range's chain, and its request in flight if any: the range finished, was folded
    /// into the one before, or the listing stopped.
    Drop { range: RangeId },
    /// Send a folder listing's first request: the child folders of `prefix`.
    ListFolders { listing: ListingId, prefix: String },
    /// Send the next request of a folder listing.
    NextFolders { listing: ListingId },
}

/// A page a range received.
#[derive(Debug)]
pub struct Page<I, M> {
    /// Its items, from the first one the listing had not taken.
    pub items: Vec<I>,
    /// Requests this page again.
    pub mark: M,
    /// The in-page offset of `items[0]`.
    pub first: usize,
    /// Where the chain continues; `None`: no key follows the page's last one.
    pub next: Option<M>,
}

/// How the listing is set up.
#[derive(Debug, Clone)]
pub struct Config {
    pub space: KeySpace,
    pub requests: usize,
    pub ordered: bool,
    pub buffer_pages: usize,
    pub max_items: Option<u64>,
    /// The operation can list folders.
    pub folders: bool,
}

/// A range to start with: its bounds, and where it resumes (`None`: at its start).
#[derive(Debug, Clone)]
pub struct Seed<M> {
    pub after: Option<String>,
    pub up_to: Option<String>,
    pub position: Option<Position<M>>,
}

/// A range listed in full: its bounds and the pages it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measured {
    pub after: Option<String>,
    pub up_to: Option<String>,
    pub items: u64,
    pub pages: u64,
}

/// What the listing did so far.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Range pages received.
    pub pages: u64,
    /// Ranges used (started with and split off).
    pub ranges: u64,
    /// Requests sent, folder listings included.
    pub requests: u64,
    /// Folder-listing requests sent.
    pub folder_requests: u64,
    /// Range pages that kept no item (a range that turned out empty, or a page past its end).
    pub empty_pages: u64,
}

struct Range<I, M> {
    id: RangeId,
    after: Option<String>,
    up_to: Option<String>,
    state: State<M>,
    pages: VecDeque<Buffered<I, M>>,
    last_key: Option<String>,
    span: Option<String>,
    /// Where its chain's next request lists after, when known (for the policy's facts).
    chain_start: Option<String>,
    own_pages: u64,
    /// Items it kept.
    items: u64,
    /// It started at its lower end in this listing (not resumed inside): what it received says
    /// where its unlisted rest begins.
    known_start: bool,
    /// At its start, nothing taken from it: it may be folded into the range before.
    fresh: bool,
}

enum State<M> {
    /// Not started: at its start, or at a position it resumes from.
    Waiting(Option<Position<M>>),
    /// A request in flight; `resume` is where the range stands if it is cancelled.
    Requesting {
        _permit: Permit,
        resume: Option<Position<M>>,
    },
    /// Between pages: the chain continues at this position.
    Ready(Position<M>),
    /// Every page received.
    Done,
}

struct Buffered<I, M> {
    items: std::vec::IntoIter<I>,
    mark: M,
    /// The in-page offset just past the last item kept.
    end: usize,
}

struct Listing {
    id: ListingId,
    prefix: String,
    /// The last entry received (the next page lists after it).
    start: String,
    state: ListingState,
}

enum ListingState {
    Waiting,
    Requesting(#[allow(dead_code)] Permit),
    /// Asked to go on.
    Ready,
    /// More pages follow; waits for the policy to ask for them.
    Paused,
}

/// The scheduler; see the module docs.
pub struct Schedule<I, M> {
    config: Config,
    ranges: Vec<Range<I, M>>,
    listings: Vec<Listing>,
    listed_folders: Vec<String>,
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
        let State::Requesting { resume, .. } = &mut range.state else {
            return;
        };
        let resume = resume.take();
        let permit = match std::mem::replace(&mut range.state, State::Done) {
            State::Requesting { _permit, .. } => _permit,
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
        range.pages.push_back(Buffered {
            items: items.into_iter(),
            mark,
            end: first + cut,
        });
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
        let _ = resume;
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

    /// Hands out the free permits, then asks the policy for more work.
    fn plan(&mut self) {
        self.retire_finished();
        loop {
            self.grant();
            if self.permits.is_empty() || !self.changed || !self.may_grow() {
                return;
            }
            self.changed = false;
            let proposals = self.ask();
            if proposals.is_empty() {
                return;
            }
            let before = self.ranges.len() + self.listings.len();
            for proposal in proposals {
                match proposal {
                    Proposal::Split { range, at } => self.split(range, at),
                    Proposal::ListFolders { prefix } => self.list_folders(prefix),
                }
            }
            if self.ranges.len() + self.listings.len() == before {
                return;
            }
        }
    }

    /// Gives free permits to the ranges and folder listings that can go on, in key order.
    fn grant(&mut self) {
        for index in 0..self.ranges.len() {
            if self.permits.is_empty() {
                return;
            }
            let may = self.may_request(index);
            let range = &mut self.ranges[index];
            let state = std::mem::replace(&mut range.state, State::Done);
            range.state = match state {
                State::Waiting(from) if may => {
                    let permit = self.permits.pop().expect("checked");
                    self.stats.requests += 1;
                    self.actions.push_back(Action::Start {
                        range: range.id,
                        after: range.after.clone(),
                        from: from.clone(),
                    });
                    State::Requesting {
                        _permit: permit,
                        resume: from,
                    }
                }
                State::Ready(position) if may => {
                    let permit = self.permits.pop().expect("checked");
                    self.stats.requests += 1;
                    self.actions.push_back(Action::Next { range: range.id });
                    State::Requesting {
                        _permit: permit,
                        resume: Some(position),
                    }
                }
                other => other,
            };
        }
        for listing in &mut self.listings {
            let Some(permit) = self.permits.pop() else {
                return;
            };
            match listing.state {
                ListingState::Waiting => {
                    self.stats.requests += 1;
                    self.actions.push_back(Action::ListFolders {
                        listing: listing.id,
                        prefix: listing.prefix.clone(),
                    });
                    listing.state = ListingState::Requesting(permit);
                }
                ListingState::Ready => {
                    self.stats.requests += 1;
                    self.actions.push_back(Action::NextFolders {
                        listing: listing.id,
                    });
                    listing.state = ListingState::Requesting(permit);
                }
                ListingState::Requesting(_) | ListingState::Paused => self.permits.push(permit),
            }
        }
    }

    /// Whether range `index` may send a request: while the pages held are fewer than the bound,
    /// `N × buffer_pages`. In key order the consumer takes the pages of the front first, so
    /// the first range always may, and each of the next `N - 1` ranges still listing may while
    /// it holds fewer than `buffer_pages` pages of its own, whatever the ranges further ahead
    /// hold: they cannot fill the buffer so that the ranges nearest the front wait. The pages
    /// held stay under twice the bound. With `max_items`, not past the ranges that hold the
    /// items left.
    fn may_request(&self, index: usize) -> bool {
        let limit = self.buffer_limit();
        let held = self.buffered();
        if !self.config.ordered {
            return held < limit;
        }
        if index == 0 {
            return true;
        }
        if self.past_last_item(index) {
            return false;
        }
        let nearer = self.ranges[..index]
            .iter()
            .filter(|range| range.has_work())
            .count();
        let own = self.ranges[index].pages.len();
        held < limit || (nearer < self.config.requests && own < self.config.buffer_pages.max(1))
    }

    /// Pages received and not yet used up, across ranges.
    pub fn buffered(&self) -> usize {
        self.ranges.iter().map(|range| range.pages.len()).sum()
    }

    fn in_flight(&self) -> usize {
        self.config.requests.max(1) - self.permits.len()
    }

    /// `N × buffer_pages`; with `max_items`, no more than the pages the items left fill, and one.
    fn buffer_limit(&self) -> usize {
        let limit = self
            .config
            .requests
            .saturating_mul(self.config.buffer_pages.max(1));
        match (self.items_left, self.budget.page_items()) {
            (Some(left), page) if page > 0 => {
                let needed = usize::try_from(left.div_ceil(page)).unwrap_or(usize::MAX);
                limit.min(needed.saturating_add(1))
            }
            _ => limit,
        }
    }

    /// In key order with `max_items`: whether the ranges before `index` hold the items left.
    fn past_last_item(&self, index: usize) -> bool {
        let Some(left) = self.items_left else {
            return false;
        };
        let held: usize = self.ranges[..index]
            .iter()
            .flat_map(|range| range.pages.iter())
            .map(|page| page.items.len())
            .sum();
        held as u64 >= left
    }

    /// Whether more ranges or folder listings may be made now.
    fn may_grow(&self) -> bool {
        if self.start_after_ignored || self.stopped {
            return false;
        }
        if let (Some(left), page) = (self.items_left, self.budget.page_items())
            && page > 0
            && (self.buffered() + self.in_flight()) as u64 >= left.div_ceil(page)
        {
            return false;
        }
        // In key order, the ranges nearest the front may go on with the buffer full.
        (self.config.ordered || self.buffered() < self.buffer_limit()) && self.budget_left() >= 1.0
    }

    /// Ranges listing and folder listings on their way.
    fn open(&self) -> usize {
        let listings = (self.listings.iter())
            .filter(|listing| !matches!(listing.state, ListingState::Paused))
            .count();
        self.ranges.iter().filter(|range| range.has_work()).count() + listings
    }

    fn budget_left(&self) -> f64 {
        let listings = (self.listings.iter())
            .filter(|listing| !matches!(listing.state, ListingState::Paused))
            .count();
        let (heard, unheard) = (self.ranges.iter()).filter(|range| range.has_work()).fold(
            (0, 0),
            |(heard, unheard), range| {
                if range.own_pages > 0 || range.items > 0 {
                    (heard + 1, unheard)
                } else {
                    (heard, unheard + 1)
                }
            },
        );
        self.budget.left(heard, unheard + listings)
    }

    fn ask(&mut self) -> Vec<Proposal> {
        let views: Vec<RangeView<'_>> = self
            .ranges
            .iter()
            .map(|range| RangeView {
                id: range.id,
                after: range.after.as_deref(),
                up_to: range.up_to.as_deref(),
                last_key: range.last_key.as_deref(),
                span: range.span.as_deref(),
                pages: range.own_pages,
                held: range.pages.iter().map(|page| page.items.len() as u64).sum(),
                listing: range.has_work(),
            })
            .collect();
        let pending: Vec<String> = (self.listings.iter())
            .filter(|listing| !matches!(listing.state, ListingState::Paused))
            .map(|listing| listing.prefix.clone())
            .collect();
        let view = View {
            requests: self.config.requests,
            free: self.permits.len(),
            budget: self.budget_left(),
            ordered: self.config.ordered,
            buffer_pages: self.config.buffer_pages,
            page_keys: self.budget.page_items(),
            folders: self.config.folders && self.config.space.delimiter.is_none(),
            folders_pending: &pending,
            items_left: self.items_left,
            ranges: &views,
        };
        let mut proposals = Vec::new();
        self.policy.propose(&view, &mut proposals);
        proposals
    }

    /// Cuts range `id` at `keys`, those that pass the checks, while the budget allows.
    fn split(&mut self, id: RangeId, keys: Vec<String>) {
        let Some(mut index) = self.ranges.iter().position(|range| range.id == id) else {
            return;
        };
        if !self.ranges[index].has_work() {
            return;
        }
        let limit = self.config.requests.saturating_mul(4);
        for key in keys {
            if self.budget_left() < 1.0 || self.open() >= limit {
                return;
            }
            let Some(key) = self.valid_split(index, key) else {
                continue;
            };
            let up_to = self.ranges[index].up_to.take();
            let right = self.new_range(Some(key.clone()), up_to, None);
            self.ranges[index].up_to = Some(key);
            self.ranges.insert(index + 1, right);
            if self.current > index {
                self.current += 1;
            }
            index += 1;
        }
    }

    /// `key`, or a key next to it, when it lies strictly inside the unlisted rest of range
    /// `index`, inside the key space, and not inside a common prefix.
    fn valid_split(&self, index: usize, key: String) -> Option<String> {
        let range = &self.ranges[index];
        if !range.known_start && range.last_key.is_none() {
            // Resumed inside: where its keys were taken up to is not known before a page.
            return None;
        }
        let space = &self.config.space;
        let key = match &space.delimiter {
            Some(delimiter) => match before_common_prefix(&key, &space.prefix, delimiter) {
                Some(before) => before.to_owned(),
                None => key,
            },
            None => key,
        };
        let lower = match (&range.after, &range.last_key) {
            (_, Some(last)) => Some(last.as_str()),
            (Some(after), None) => Some(after.as_str()),
            (None, None) => None,
        };
        let inside_space = key.as_str() >= space.prefix.as_str()
            && prefix_end(&space.prefix).is_none_or(|end| key < end);
        let fits = lower.is_none_or(|lower| key.as_str() > lower)
            && range
                .up_to
                .as_deref()
                .is_none_or(|up_to| key.as_str() < up_to);
        (inside_space && fits).then_some(key)
    }

    fn list_folders(&mut self, prefix: String) {
        let left = self.budget_left();
        if let Some(listing) = (self.listings.iter_mut()).find(|listing| {
            listing.prefix == prefix && matches!(listing.state, ListingState::Paused)
        }) {
            if left >= 1.0 {
                listing.state = ListingState::Ready;
            }
            return;
        }
        let space = &self.config.space;
        if !self.config.folders
            || space.delimiter.is_some()
            || !prefix.starts_with(&space.prefix)
            || self.listed_folders.contains(&prefix)
            || self.permits.is_empty()
            || self.budget_left() < 1.0
        {
            return;
        }
        self.listed_folders.push(prefix.clone());
        self.next_id += 1;
        self.listings.push(Listing {
            id: ListingId(self.next_id),
            prefix,
            start: String::new(),
            state: ListingState::Waiting,
        });
    }

    /// Once the server was seen ignoring the start-after, folds each range that yielded nothing
    /// into the range before it, while that one still lists up to it.
    fn fold(&mut self) {
        let mut index = 1;
        while index < self.ranges.len() {
            let (before, after) = self.ranges.split_at_mut(index);
            let (left, right) = (&mut before[index - 1], &mut after[0]);
            let contiguous = left.up_to.is_some() && left.up_to == right.after;
            if contiguous && left.has_work() && right.fresh {
                left.up_to = right.up_to.take();
                if let State::Requesting { .. } = right.state {
                    self.actions.push_back(Action::Drop { range: right.id });
                }
                let removed = self.ranges.remove(index);
                if let State::Requesting { _permit, .. } = removed.state {
                    self.permits.push(_permit);
                }
                if self.current >= index {
                    self.current = self.current.saturating_sub(1);
                }
                continue;
            }
            index += 1;
        }
    }
}

impl<I, M: Clone> Range<I, M> {
    fn position(&self) -> Option<Option<Position<M>>> {
        if let Some(page) = self.pages.iter().find(|page| page.items.len() > 0) {
            let skip = page.end - page.items.len();
            return Some(Some(Position {
                mark: page.mark.clone(),
                skip: skip as u64,
            }));
        }
        match &self.state {
            State::Waiting(position) => Some(position.clone()),
            State::Requesting { resume, .. } => Some(resume.clone()),
            State::Ready(position) => Some(Some(position.clone())),
            State::Done => None,
        }
    }

    fn has_work(&self) -> bool {
        !matches!(self.state, State::Done)
    }

    fn is_finished(&self) -> bool {
        matches!(self.state, State::Done) && self.pages.iter().all(|page| page.items.len() == 0)
    }

    fn take_item(&mut self, popped: &mut bool) -> Option<I> {
        while let Some(page) = self.pages.front_mut() {
            if let Some(item) = page.items.next() {
                self.fresh = false;
                return Some(item);
            }
            self.pages.pop_front();
            *popped = true;
        }
        None
    }
}
