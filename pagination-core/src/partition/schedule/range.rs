//! A range of the listing as the scheduler keeps it: its bounds, where its chain of requests
//! stands, and the pages it received that were not taken yet; and a folder listing's state.

use std::collections::VecDeque;

use super::super::policy::RangeId;
use super::messages::{ListingId, Permit, Position};

pub(super) struct Range<I, M> {
    pub(super) id: RangeId,
    pub(super) after: Option<String>,
    pub(super) up_to: Option<String>,
    pub(super) state: State<M>,
    pub(super) pages: VecDeque<Buffered<I, M>>,
    pub(super) last_key: Option<String>,
    pub(super) span: Option<String>,
    /// Where its chain's next request lists after, when known (for the policy's facts).
    pub(super) chain_start: Option<String>,
    pub(super) own_pages: u64,
    /// Items it kept.
    pub(super) items: u64,
    /// It started at its lower end in this listing (not resumed inside): what it received says
    /// where its unlisted rest begins.
    pub(super) known_start: bool,
    /// At its start, nothing taken from it: it may be folded into the range before.
    pub(super) fresh: bool,
}

pub(super) enum State<M> {
    /// Not started: at its start, or at a position it resumes from.
    Waiting(Option<Position<M>>),
    /// A request in flight; `resume` is where the range stands if it is cancelled.
    Requesting {
        /// Held until the answer comes.
        permit: Permit,
        resume: Option<Position<M>>,
    },
    /// Between pages: the chain continues at this position.
    Ready(Position<M>),
    /// Every page received.
    Done,
}

pub(super) struct Buffered<I, M> {
    pub(super) items: std::vec::IntoIter<I>,
    pub(super) mark: M,
    /// The in-page offset just past the last item kept.
    pub(super) end: usize,
}

pub(super) struct Listing {
    pub(super) id: ListingId,
    pub(super) prefix: String,
    pub(super) delimiter: String,
    /// The last entry received (the next page lists after it).
    pub(super) start: String,
    pub(super) state: ListingState,
}

pub(super) enum ListingState {
    Waiting,
    Requesting(Permit),
    /// Asked to go on.
    Ready,
    /// More pages follow; waits for the policy to ask for them.
    Paused,
}

impl<I, M: Clone> Range<I, M> {
    pub(super) fn position(&self) -> Option<Option<Position<M>>> {
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

    pub(super) fn has_work(&self) -> bool {
        !matches!(self.state, State::Done)
    }

    pub(super) fn is_finished(&self) -> bool {
        matches!(self.state, State::Done) && self.pages.iter().all(|page| page.items.len() == 0)
    }

    /// The next item of the range's pages; a page is let go with its last item, so that the
    /// pages held are those with items still to take (the buffer's bound counts them, and a
    /// range held back by it may go on as soon as its last item is taken).
    pub(super) fn take_item(&mut self, popped: &mut bool) -> Option<I> {
        while let Some(page) = self.pages.front_mut() {
            let item = page.items.next();
            if page.items.len() == 0 {
                self.pages.pop_front();
                *popped = true;
            }
            if let Some(item) = item {
                self.fresh = false;
                return Some(item);
            }
        }
        None
    }
}
