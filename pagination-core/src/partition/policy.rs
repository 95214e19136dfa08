//! The split policy's side of a parallel listing: what it observes, what it sees of the
//! listing when a request is free, and what it may propose. The scheduler
//! ([`Schedule`](super::schedule::Schedule)) validates every proposal; a policy can make the
//! listing slower or dearer, never wrong.

/// Names a key range of a listing for as long as the listing runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RangeId(pub(crate) u64);

/// A page a range received, as the policy sees it.
#[derive(Debug)]
pub struct PageFacts<'a> {
    /// The range that asked for it.
    pub range: RangeId,
    /// The key the request listed after (`""`: from the start of the key space); `None` when not
    /// known (a range resumed inside its listing).
    pub start: Option<&'a str>,
    /// The keys of every item of the page, in order, also those past the range's upper end.
    pub keys: &'a [&'a str],
    /// No key follows the page's last one, in the whole key space.
    pub ended: bool,
}

/// A page of a folder listing.
#[derive(Debug)]
pub struct FolderFacts<'a> {
    /// The folder listed: its children are the entries that hold the delimiter past it.
    pub prefix: &'a str,
    /// The delimiter its keys were rolled up at.
    pub delimiter: &'a str,
    /// The entry the page listed after (`""` for the folder's first page).
    pub start: &'a str,
    /// Keys directly in the folder, and child folders (ending with the delimiter), in order.
    pub entries: &'a [&'a str],
    /// No more pages follow.
    pub complete: bool,
}

/// A range as the policy sees it.
#[derive(Debug, Clone)]
pub struct RangeView<'a> {
    /// The range.
    pub id: RangeId,
    /// The range lists the keys after this one (`None`: from the start of the listing) ...
    pub after: Option<&'a str>,
    /// ... up to and including this one (`None`: to the end).
    pub up_to: Option<&'a str>,
    /// The last key it received (a split must lie past it).
    pub last_key: Option<&'a str>,
    /// The first key of the last page that brought it keys.
    pub span: Option<&'a str>,
    /// Pages of its own it received.
    pub pages: u64,
    /// Items it received and that were not yet taken.
    pub held: u64,
    /// Its listing is not finished.
    pub listing: bool,
}

/// What the policy sees of the listing when it may propose.
#[derive(Debug)]
pub struct View<'a> {
    /// Requests allowed in flight.
    pub requests: usize,
    /// Requests free once every range that can go on has one.
    pub free: usize,
    /// How many more ranges or folder listings the request budget allows now.
    pub budget: f64,
    /// Items are yielded in key order.
    pub ordered: bool,
    /// Pages kept per request in flight, in key order.
    pub buffer_pages: usize,
    /// The most keys one page held so far (0 before the first page).
    pub page_keys: u64,
    /// The operation can list folders (and the listing rolls nothing up itself).
    pub folders: bool,
    /// Folder listings asked for and not finished.
    pub folders_pending: &'a [String],
    /// Items still to yield, with `max_items`.
    pub items_left: Option<u64>,
    /// The ranges not finished, in key order.
    pub ranges: &'a [RangeView<'a>],
}

/// What a policy may propose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proposal {
    /// Cut a range at these keys (ascending): each key ends one range and starts the next.
    Split {
        /// The range.
        range: RangeId,
        /// Where to cut it.
        at: Vec<String>,
    },
    /// Ask for the child folders of `prefix`, its keys rolled up at `delimiter` (again, for the
    /// next page of a listing in part).
    ListFolders {
        /// The folder.
        prefix: String,
        /// Where its keys roll up: `/` for folders; another character where keys are named in
        /// parts (`first.last-n` at `-`). Not empty.
        delimiter: String,
    },
}

/// Proposes where to split a listing's ranges, from what the listing has seen.
pub trait SplitPolicy: Send {
    /// A range received a page.
    fn page(&mut self, page: &PageFacts<'_>);

    /// A folder listing received a page.
    fn folders(&mut self, folders: &FolderFacts<'_>);

    /// Requests are free: propose splits and folder listings, most wanted first.
    fn propose(&mut self, view: &View<'_>, out: &mut Vec<Proposal>);
}
