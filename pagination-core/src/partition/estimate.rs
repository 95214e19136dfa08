//! What a listing knows of its keys, and what it estimates of the rest: the model the split
//! policy ([`super::balance`]) cuts by. No decisions here.
//!
//! A page of keys listed after a key `s` tells exactly which keys lie in `(s, last]` (and, when
//! the listing ended with it, that none lie after). Those intervals are **listed**: their keys
//! are counted exactly, whatever range asked for them. Between them lie **gaps**, estimated from
//! what surrounds them:
//!
//! - **Structure.** Where a folder listing (the common prefixes under a prefix, rolled up at
//!   `/`, or a flat folder's at the delimiter of its keys' parts) gave a folder's children, a
//!   gap is cut at their boundaries. A child listed in full has its exact size; one not yet
//!   listed is as large as the mean of its siblings listed in full; the rest of one listed in
//!   part, as the mean of those at least as large as what it has shown (none left, when it
//!   has shown as many as siblings of one size hold), or else of its cousins that large (the
//!   folders of its depth under its parent's siblings: the hours of the other days).
//! - **Density.** A gap inside one folder, bracketed by listed keys on both sides, holds keys at
//!   the density of the pages around it, read on the [`Scale`] of the keys.
//! - **Hints.** Ranges a previous listing measured (saved split points) give their page counts to
//!   the gaps they cover.
//!
//! What none of these reaches (the keys after the last one seen, with nothing known past them;
//! the rest of a folder none of whose siblings was listed in full) is **unknown**: the policy
//! searches it rather than cutting it by a guess.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

mod cut;
mod listed;
mod rest;
mod seen;
#[cfg(test)]
mod tests;

use super::scale::{Alphabets, Scale, before_common_prefix, prefix_end};

/// The delimiter folder listings roll keys up at.
pub(crate) const FOLDER_DELIMITER: &str = "/";

/// How many characters a scale reaches left of where the keys it spans differ: its distances
/// go up to about `10^4` (or `26^4`) times those keys' spread.
const SCALE_ROOM: usize = 4;

/// How many marks a listed interval keeps per page of keys (and its last key): a page's worth
/// of them, its density, is the last `MARKS_PER_PAGE + 1`.
const MARKS_PER_PAGE: usize = 16;

/// How many times the keys seen around it an estimate may hold and still be believed. Where the
/// unlisted keys are as likely to be any multiple of those seen (a scale-free prior: more than
/// `x` times with probability `1 / (1 + x)`), an estimate of more than 16 times is right less
/// than one time in 17: such a stretch is searched instead (and a search reaches no further in
/// one round, [`super::balance`]).
pub(crate) const PLAUSIBLE: f64 = 16.0;

/// An interval listed in full: the keys in `(lo, hi]` (`hi` `None`: to the end of the key
/// space) are exactly `count`, some of them kept as `marks` with their rank from `lo`.
#[derive(Debug, Clone)]
struct Listed {
    hi: Option<String>,
    count: u64,
    /// Keys and their rank (1 for the first key after `lo`), ascending; the first and last keys
    /// of every page that made the interval are among them.
    marks: Vec<(String, u64)>,
}

/// The children a folder listing gave for one folder.
#[derive(Debug, Clone)]
struct Level {
    /// Where its keys were rolled up: [`FOLDER_DELIMITER`], or the delimiter of the parts its
    /// flat keys are named in ([`KeyModel::part_delimiter`]).
    delimiter: String,
    /// Child folders (each ends with the delimiter), ascending.
    children: Vec<String>,
    /// Whether every page of the folder listing was received.
    complete: bool,
    /// The last entry received: past it, an incomplete listing tells nothing yet.
    last_entry: Option<String>,
}

/// Where an unknown stretch ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// At the end of the key space: one search, as long as the listing.
    KeySpace,
    /// At the end of a folder: one of many searches, each soon settled by its siblings.
    Folder,
    /// At a range boundary.
    Range,
}

/// A stretch of a range's unlisted rest, with what the listing estimates of it.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// The stretch is `(lo, hi]` (`hi` `None`: to the end of the key space).
    pub(crate) lo: String,
    pub(crate) hi: Option<String>,
    pub(crate) kind: PieceKind,
}

#[derive(Debug, Clone)]
pub(crate) enum PieceKind {
    /// Keys counted exactly (listed by some page already); cut at a listed key.
    Listed { keys: f64 },
    /// Keys at a density read on the scale: `keys` in all.
    Dense { keys: f64, scale: Scale },
    /// A folder (all of it, or its rest past `lo`): `keys` listed in full, or the mean of its
    /// siblings listed in full (those named most alike, for a whole folder; its cousins, for a
    /// rest larger than any sibling). Cut only at its
    /// ends; inside, by listing its children (`folder`) when it holds folders of its own.
    Folder {
        keys: f64,
        folder: String,
        subfolders: bool,
    },
    /// A folder not listed yet, none of whose siblings was listed in full either; `subfolders`:
    /// keys seen in it or in a sibling lie in folders of their own.
    UnknownFolder { folder: String, subfolders: bool },
    /// `keys` past `lo` at the density of the listed keys just before it (the rest of a flat
    /// folder of about known size): cut at that density.
    Extent {
        keys: f64,
        reference: (String, String, f64),
    },
    /// Keys past `lo` whose extent nothing tells yet (the rest of a folder, or of the key
    /// space): `subfolders` when keys seen there hold folders of their own.
    Unknown {
        subfolders: bool,
        /// The listed keys just before `lo` (the density a search steps by), when a search can
        /// tell more: not when the stretch ends at a range boundary nothing is listed past yet.
        reference: Option<(String, String, f64)>,
        /// Keys listed in the stretch's context (its folder, or the whole key space when it
        /// ends the key space): a search expects about as many again.
        seen: f64,
        /// Where it ends.
        end: End,
    },
}

impl PieceKind {
    /// The keys the piece is estimated to hold; `None` when unknown.
    pub(crate) fn keys(&self) -> Option<f64> {
        match self {
            PieceKind::Listed { keys }
            | PieceKind::Dense { keys, .. }
            | PieceKind::Folder { keys, .. }
            | PieceKind::Extent { keys, .. } => Some(*keys),
            PieceKind::UnknownFolder { .. } | PieceKind::Unknown { .. } => None,
        }
    }
}

/// What the listing knows of its key space.
#[derive(Debug)]
pub(crate) struct KeyModel {
    /// Every key starts with it.
    prefix: String,
    /// The listed intervals, by their exclusive lower end (`""`: the start of the key space).
    listed: BTreeMap<String, Listed>,
    /// Folders whose children a folder listing gave.
    levels: HashMap<String, Level>,
    /// Keys counted (once each) inside each child of a listed folder.
    counts: HashMap<String, u64>,
    /// Ranges a previous listing measured: `(after, up_to, keys)`.
    hints: Vec<(String, Option<String>, f64)>,
    /// The characters seen at each position of the keys, for the scales.
    seen: Alphabets,
    /// The sizes of each listed folder's children listed in full, forgotten at every change.
    sizes: RefCell<HashMap<String, seen::Sizes>>,
    /// The sizes of the grandchildren listed in full of each listed folder, likewise.
    cousins: RefCell<HashMap<String, Vec<(u64, u64)>>>,
}

impl KeyModel {
    pub(crate) fn new(prefix: &str) -> Self {
        KeyModel {
            prefix: prefix.to_owned(),
            listed: BTreeMap::new(),
            levels: HashMap::new(),
            counts: HashMap::new(),
            hints: Vec::new(),
            seen: Alphabets::default(),
            sizes: RefCell::default(),
            cousins: RefCell::default(),
        }
    }

    /// Forgets the sizes worked out: the model changed.
    fn forget_sizes(&mut self) {
        self.sizes.get_mut().clear();
        self.cousins.get_mut().clear();
    }

    /// The characters every key shares.
    pub(crate) fn fixed(&self) -> usize {
        self.prefix.chars().count()
    }

    /// Gives the model the ranges a previous listing measured: boundaries (ascending) and the
    /// keys each range held.
    pub(crate) fn hint(&mut self, ranges: Vec<(String, Option<String>, f64)>) {
        self.forget_sizes();
        for (after, up_to, _) in &ranges {
            self.seen.learn(after);
            if let Some(up_to) = up_to {
                self.seen.learn(up_to);
            }
        }
        self.hints = ranges;
    }

    /// A page of keys (ascending) listed after `start` (`""`: from the start of the key space);
    /// `ended`: no key follows the last one.
    pub(crate) fn page(&mut self, start: &str, keys: &[&str], ended: bool) {
        self.forget_sizes();
        let Some(&last) = keys.last() else {
            if ended {
                self.insert(start, None, &[]);
            }
            return;
        };
        if last <= start {
            return;
        }
        let keys: Vec<&str> = keys.iter().copied().filter(|key| *key > start).collect();
        let hi = (!ended).then(|| last.to_owned());
        self.insert(start, hi, &keys);
    }

    /// A page of a folder listing of `prefix` rolled up at `delimiter`: its entries (keys
    /// directly under the prefix, and child folders ending with the delimiter), ascending;
    /// `complete` once the folder listing has no more pages. A listing at another delimiter
    /// than the folder's replaces it where that gave no children (a flat folder, listed again
    /// at the delimiter of its keys' parts).
    pub(crate) fn folders(
        &mut self,
        prefix: &str,
        delimiter: &str,
        start: &str,
        entries: &[&str],
        complete: bool,
    ) {
        self.forget_sizes();
        let holds =
            |entry: &&str| entry.len() > prefix.len() && entry[prefix.len()..].contains(delimiter);
        let fresh = || Level {
            delimiter: delimiter.to_owned(),
            children: Vec::new(),
            complete: false,
            last_entry: None,
        };
        match self.levels.get(prefix) {
            Some(level) if level.delimiter != delimiter => {
                if level.children.is_empty() && entries.iter().any(holds) {
                    self.levels.insert(prefix.to_owned(), fresh());
                } else {
                    // The folder's own structure stands; keys alone list as a page.
                    if !entries.is_empty() && !entries.iter().any(holds) {
                        self.page(start.max(prefix), entries, false);
                    }
                    return;
                }
            }
            Some(_) => {}
            None => {
                self.levels.insert(prefix.to_owned(), fresh());
            }
        }
        let Some(level) = self.levels.get_mut(prefix) else {
            return;
        };
        let mut flat = true;
        let mut added = Vec::new();
        for entry in entries {
            if holds(entry) {
                flat = false;
                if level
                    .children
                    .last()
                    .is_none_or(|last| last.as_str() < *entry)
                {
                    level.children.push((*entry).to_owned());
                    added.push(*entry);
                }
            }
        }
        level.complete = complete;
        if let Some(last) = entries.last() {
            level.last_entry = Some((*last).to_owned());
        }
        // Keys listed before the folder was: counted in its new children, from the listed
        // intervals' ranks (pages listed from now on are counted key by key).
        for child in added {
            let start = before_common_prefix(child, prefix, delimiter).unwrap_or(child);
            let keys = self
                .listed_keys(start, prefix_end(child).as_deref())
                .round() as u64;
            if keys > 0 {
                *self.counts.entry(child.to_owned()).or_default() += keys;
            }
        }
        // A page without folders lists its keys as a plain page would (past the last one, the
        // folder's level says whether more follow).
        if flat && !entries.is_empty() {
            self.page(start.max(prefix), entries, false);
        }
    }

    /// Keys listed so far, in all.
    pub(crate) fn listed_keys_total(&self) -> f64 {
        self.listed.values().map(|listed| listed.count as f64).sum()
    }

    /// The folders whose listing has more pages and gave folders so far: worth going on. Each
    /// with the delimiter it is listed at.
    pub(crate) fn unfinished_levels(&self) -> Vec<(String, String)> {
        self.levels
            .iter()
            .filter(|(_, level)| !level.complete && !level.children.is_empty())
            .map(|(prefix, level)| (prefix.clone(), level.delimiter.clone()))
            .collect()
    }

    /// Whether the folder listing of `prefix` gave exactly one child folder and nothing else.
    pub(crate) fn single_child(&self, prefix: &str) -> Option<&str> {
        let level = self.levels.get(prefix)?;
        (level.delimiter == FOLDER_DELIMITER && level.complete && level.children.len() == 1)
            .then(|| level.children[0].as_str())
    }

    /// Whether a folder listing gave children for `folder`.
    pub(crate) fn has_children(&self, folder: &str) -> bool {
        self.levels
            .get(folder)
            .is_some_and(|level| !level.children.is_empty())
    }

    /// The folders listed that gave no child folders: flat, their keys perhaps named in parts.
    pub(crate) fn flat_levels(&self) -> Vec<String> {
        (self.levels.iter())
            .filter(|(_, level)| level.delimiter == FOLDER_DELIMITER && level.children.is_empty())
            .map(|(prefix, _)| prefix.clone())
            .collect()
    }
}

/// The keys of a reference page, if any.
fn keys_around(reference: Option<&(String, String, f64)>) -> f64 {
    reference.map_or(0.0, |(_, _, keys)| *keys)
}

/// The folder `key` is directly in: up to and including its last delimiter.
pub(crate) fn parent_of(key: &str) -> &str {
    let trimmed = key.strip_suffix(FOLDER_DELIMITER).unwrap_or(key);
    match trimmed.rfind(FOLDER_DELIMITER) {
        Some(at) => &key[..at + FOLDER_DELIMITER.len()],
        None => "",
    }
}

/// Map keys below `key`.
fn below(key: &str) -> (Bound<&str>, Bound<&str>) {
    (Bound::Unbounded, Bound::Excluded(key))
}

/// Map keys at or below `key`.
fn at_or_below(key: &str) -> (Bound<&str>, Bound<&str>) {
    (Bound::Unbounded, Bound::Included(key))
}

/// Map keys below `hi` (`None`: all): intervals starting at `hi` begin past it.
fn below_hi(hi: Option<&str>) -> (Bound<&str>, Bound<&str>) {
    (
        Bound::Unbounded,
        hi.map_or(Bound::Unbounded, Bound::Excluded),
    )
}

fn min_bound<'a>(a: Option<&'a str>, b: Option<&'a str>) -> Option<&'a str> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The estimated rank of `key` in a listed interval (keys at or before it), from its marks.
fn rank_at(lo: &str, listed: &Listed, key: &str) -> f64 {
    if key <= lo {
        return 0.0;
    }
    let marks = &listed.marks;
    let at = marks.partition_point(|(mark, _)| mark.as_str() <= key);
    if at == 0 {
        return 0.0;
    }
    if at == marks.len() {
        return listed.count as f64;
    }
    let (below, below_rank) = &marks[at - 1];
    let (above, above_rank) = &marks[at];
    let scale = Scale::spanning(&[below, above], below, 0, 0, None);
    let (from, to) = (scale.value(below), scale.value(above));
    let share = if to > from {
        ((scale.value(key) - from) / (to - from)).clamp(0.0, 1.0)
    } else {
        0.0
    };
    *below_rank as f64 + share * (above_rank - below_rank - 1) as f64
}
