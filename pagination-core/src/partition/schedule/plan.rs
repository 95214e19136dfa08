//! What to send next: free permits handed to the ranges and folder listings that can go on
//! (within the buffer's bound), in key order, then the policy's proposals, each checked and
//! charged to the request budget. The policy is asked when a permit is left, and in key order
//! also once with none left while the consumer waits on the front: a range it cuts there gets
//! the next permit that comes back, before the ranges ahead.

use super::super::policy::{Proposal, RangeId, RangeView, View};
use super::super::scale::{before_common_prefix, prefix_end};
use super::range::{Listing, ListingState, Range, State};
use super::{Action, ListingId, Schedule};

impl<I, M: Clone> Schedule<I, M> {
    /// Hands out the free permits, then asks the policy for more work.
    pub(super) fn plan(&mut self) {
        self.retire_finished();
        // In key order, while the consumer waits on the front, the policy is asked once even
        // with no permit free: a cut at the front takes the next permit that comes back before
        // the ranges further ahead (permits go out in key order).
        let mut front_waits = self.front_waits();
        loop {
            self.grant();
            let asked_anyway = self.permits.is_empty() && std::mem::take(&mut front_waits);
            if (self.permits.is_empty() && !asked_anyway) || !self.changed || !self.may_grow() {
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
                    Proposal::ListFolders { prefix, delimiter } => {
                        self.list_folders(prefix, delimiter)
                    }
                }
            }
            if self.ranges.len() + self.listings.len() == before {
                return;
            }
        }
    }

    /// Gives free permits to the ranges and folder listings that can go on, in key order.
    fn grant(&mut self) {
        let (limit, held) = (self.buffer_limit(), self.buffered());
        let mut before = Before::default();
        for index in 0..self.ranges.len() {
            if self.permits.is_empty() {
                return;
            }
            let may = self.may_request(index, &before, limit, held);
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
                        permit,
                        resume: from,
                    }
                }
                State::Ready(position) if may => {
                    let permit = self.permits.pop().expect("checked");
                    self.stats.requests += 1;
                    self.actions.push_back(Action::Next { range: range.id });
                    State::Requesting {
                        permit,
                        resume: Some(position),
                    }
                }
                other => other,
            };
            before.add(range);
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
                        delimiter: listing.delimiter.clone(),
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
    /// `N × buffer_pages`. In key order the consumer takes the pages of the front first, so the
    /// ranges ahead must not fill the buffer so that the ranges it needs next wait: past the
    /// bound, up to twice it, a range may go on while it and the ranges before it hold fewer
    /// pages than the bound (the buffer fills from the front), and each of the `N` ranges
    /// nearest the front while it holds fewer than `buffer_pages` pages of its own; the front
    /// always may then. The pages held stay under twice the bound, plus the pages in flight.
    /// With `max_items`, not past the ranges that hold the items left.
    fn may_request(&self, index: usize, before: &Before, limit: usize, held: usize) -> bool {
        if !self.config.ordered {
            return held < limit;
        }
        // With `max_items`, not past the ranges that hold the items left.
        if index > 0 && (self.items_left).is_some_and(|left| before.items as u64 >= left) {
            return false;
        }
        let nearer = before.working;
        let own = self.ranges[index].pages.len();
        // With `max_items`, the pages held and on their way bound every range but the front:
        // past them, the ranges ahead list what the consumer will not take.
        if nearer > 0 && self.items_left.is_some() && held + self.in_flight() >= limit {
            return false;
        }
        if held < limit {
            return true;
        }
        let room = own < self.config.buffer_pages.max(1);
        if nearer == 0 && room {
            // The consumer waits on the front.
            return true;
        }
        // Past the bound, up to twice it, the buffer fills from the front: a range goes on while
        // it and the ranges before it hold fewer pages than the bound (a range the consumer
        // nears finishes its chain before it gets there, not after), and each of the `N` ranges
        // nearest the front while it holds fewer than `buffer_pages`.
        held < 2 * limit && (before.pages + own < limit || (nearer < self.config.requests && room))
    }

    /// Pages received and not yet used up, across ranges.
    pub fn buffered(&self) -> usize {
        self.ranges.iter().map(|range| range.pages.len()).sum()
    }

    pub(super) fn in_flight(&self) -> usize {
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

    /// In key order, whether the first range still listing holds no page: the consumer waits on
    /// it.
    fn front_waits(&self) -> bool {
        self.config.ordered
            && (self.ranges.iter())
                .find(|range| range.has_work())
                .is_some_and(|range| range.pages.is_empty())
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

    fn list_folders(&mut self, prefix: String, delimiter: String) {
        let left = self.budget_left();
        if let Some(listing) = (self.listings.iter_mut()).find(|listing| {
            listing.prefix == prefix
                && listing.delimiter == delimiter
                && matches!(listing.state, ListingState::Paused)
        }) {
            if left >= 1.0 {
                listing.state = ListingState::Ready;
            }
            return;
        }
        let space = &self.config.space;
        if !self.config.folders
            || space.delimiter.is_some()
            || delimiter.is_empty()
            || !prefix.starts_with(&space.prefix)
            || (self.listed_folders.iter()).any(|(p, d)| *p == prefix && *d == delimiter)
            || self.permits.is_empty()
            || self.budget_left() < 1.0
        {
            return;
        }
        self.listed_folders
            .push((prefix.clone(), delimiter.clone()));
        self.next_id += 1;
        self.listings.push(Listing {
            id: ListingId(self.next_id),
            prefix,
            delimiter,
            start: String::new(),
            state: ListingState::Waiting,
        });
    }

    /// Once the server was seen ignoring the start-after, folds each range that yielded nothing
    /// into the range before it, while that one still lists up to it.
    pub(super) fn fold(&mut self) {
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
                if let State::Requesting { permit, .. } = removed.state {
                    self.permits.push(permit);
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

/// What the ranges before one hold, in key order, as [`Schedule::grant`] walks them.
#[derive(Default)]
struct Before {
    /// Ranges still listing.
    working: usize,
    /// Pages received and not used up.
    pages: usize,
    /// Items in those pages.
    items: usize,
}

impl Before {
    fn add<I, M: Clone>(&mut self, range: &Range<I, M>) {
        self.working += usize::from(range.has_work());
        self.pages += range.pages.len();
        self.items += range
            .pages
            .iter()
            .map(|page| page.items.len())
            .sum::<usize>();
    }
}
