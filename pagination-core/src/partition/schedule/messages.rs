//! What goes into the scheduler and what comes out of it.

use super::super::KeySpace;
use super::super::policy::RangeId;

/// Leave to send one request. The scheduler makes N of them when it starts and none after:
/// a request is sent only by moving one into the range or folder listing that sends it.
#[derive(Debug)]
pub struct Permit(pub(super) ());

/// Where a range's listing stands: the page at `mark`, its first `skip` items already taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position<M> {
    /// Requests the page again (the driver's cursor of it).
    pub mark: M,
    /// Items of the page taken already.
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
        /// The range.
        range: RangeId,
        /// It lists the keys after this one (`None`: from the start of the listing).
        after: Option<String>,
        /// It resumes here, in a chain of an earlier process.
        from: Option<Position<M>>,
    },
    /// Send the next request of a range's chain.
    Next {
        /// The range.
        range: RangeId,
    },
    /// Drop a range's chain, and its request in flight if any: the range finished, was folded
    /// into the one before, or the listing stopped.
    Drop {
        /// The range.
        range: RangeId,
    },
    /// Send a folder listing's first request: the child folders of `prefix`.
    ListFolders {
        /// The folder listing.
        listing: ListingId,
        /// The folder whose children it lists.
        prefix: String,
        /// Where the keys roll up into children.
        delimiter: String,
    },
    /// Send the next request of a folder listing.
    NextFolders {
        /// The folder listing.
        listing: ListingId,
    },
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
    /// The keys the listing covers.
    pub space: KeySpace,
    /// Requests allowed in flight (N).
    pub requests: usize,
    /// Items are yielded in key order.
    pub ordered: bool,
    /// Pages kept per request before the consumer takes them.
    pub buffer_pages: usize,
    /// Items to yield at most.
    pub max_items: Option<u64>,
    /// The operation can list folders.
    pub folders: bool,
}

/// A range to start with: its bounds, and where it resumes (`None`: at its start).
#[derive(Debug, Clone)]
pub struct Seed<M> {
    /// It lists the keys after this one (`None`: from the start of the listing) ...
    pub after: Option<String>,
    /// ... up to and including this one (`None`: to the end).
    pub up_to: Option<String>,
    /// Where it resumes.
    pub position: Option<Position<M>>,
}

/// A range listed in full: its bounds and the pages it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measured {
    /// It listed the keys after this one ...
    pub after: Option<String>,
    /// ... up to and including this one.
    pub up_to: Option<String>,
    /// Items it held.
    pub items: u64,
    /// Pages it took.
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
