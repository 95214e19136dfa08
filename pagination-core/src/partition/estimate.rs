//! What a listing knows of its keys, and what it estimates of the rest: the model the split
//! policy ([`super::balance`]) cuts by. No decisions here.
//!
//! A page of keys listed after a key `s` tells exactly which keys lie in `(s, last]` (and, when
//! the listing ended with it, that none lie after). Those intervals are **listed**: their keys
//! are counted exactly, whatever range asked for them. Between them lie **gaps**, estimated from
//! what surrounds them:
//!
//! - **Structure.** Where a folder listing (the common prefixes under a prefix, rolled up at
//!   `/`) gave a folder's children, a gap is cut at their boundaries. A child listed in full has
//!   its exact size; one not yet listed is as large as the mean of its siblings listed in full.
//! - **Density.** A gap inside one folder, bracketed by listed keys on both sides, holds keys at
//!   the density of the pages around it, read on the [`Scale`] of the keys.
//! - **Hints.** Ranges a previous listing measured (saved split points) give their page counts to
//!   the gaps they cover.
//!
//! What none of these reaches (the keys after the last one seen, with nothing known past them;
//! the rest of a folder none of whose siblings was listed in full) is **unknown**: the policy
//! searches it rather than cutting it by a guess.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use super::scale::{Alphabets, Scale, before_common_prefix, prefix_end};

/// The delimiter folder listings roll keys up at.
pub(crate) const FOLDER_DELIMITER: &str = "/";

/// How many characters a scale reaches left of where the keys it spans differ: its distances
/// go up to about `10^4` (or `26^4`) times those keys' spread.
const SCALE_ROOM: usize = 4;

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
#[derive(Debug, Clone, Default)]
struct Level {
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
    /// A folder (all of it, or its rest past `lo`): `keys` listed in full, or its siblings'
    /// mean. Cut only at its ends; inside, by listing its children (`folder`) when it holds
    /// folders of its own.
    Folder {
        keys: f64,
        folder: String,
        subfolders: bool,
    },
    /// A folder not listed yet, none of whose siblings was listed in full either.
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
        }
    }

    /// The characters every key shares.
    pub(crate) fn fixed(&self) -> usize {
        self.prefix.chars().count()
    }

    /// Gives the model the ranges a previous listing measured: boundaries (ascending) and the
    /// keys each range held.
    pub(crate) fn hint(&mut self, ranges: Vec<(String, Option<String>, f64)>) {
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

    /// A page of a folder listing of `prefix`: its entries (keys directly under the prefix, and
    /// child folders ending with the delimiter), ascending; `complete` once the folder listing
    /// has no more pages.
    pub(crate) fn folders(&mut self, prefix: &str, start: &str, entries: &[&str], complete: bool) {
        let level = self.levels.entry(prefix.to_owned()).or_default();
        let mut flat = true;
        for entry in entries {
            if entry.len() > prefix.len() && entry[prefix.len()..].contains(FOLDER_DELIMITER) {
                flat = false;
                if level
                    .children
                    .last()
                    .is_none_or(|last| last.as_str() < *entry)
                {
                    level.children.push((*entry).to_owned());
                }
            }
        }
        level.complete = complete;
        if let Some(last) = entries.last() {
            level.last_entry = Some((*last).to_owned());
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

    /// The folders whose listing has more pages and gave folders so far: worth going on.
    pub(crate) fn unfinished_levels(&self) -> Vec<String> {
        self.levels
            .iter()
            .filter(|(_, level)| !level.complete && !level.children.is_empty())
            .map(|(prefix, _)| prefix.clone())
            .collect()
    }

    /// Whether the folder listing of `prefix` gave exactly one child and nothing else.
    pub(crate) fn single_child(&self, prefix: &str) -> Option<&str> {
        let level = self.levels.get(prefix)?;
        (level.complete && level.children.len() == 1).then(|| level.children[0].as_str())
    }

    /// Records `(lo, hi]` as listed with `keys`: the parts not listed already are counted.
    fn insert(&mut self, lo: &str, hi: Option<String>, keys: &[&str]) {
        let mut parts: Vec<(String, Option<String>)> = vec![(lo.to_owned(), hi)];
        let overlapping: Vec<(String, Option<String>)> = self
            .listed
            .range::<str, _>(below_hi(parts[0].1.as_deref()))
            .filter(|(_, listed)| listed.hi.as_deref().is_none_or(|hi| hi > lo))
            .map(|(lo, listed)| (lo.clone(), listed.hi.clone()))
            .collect();
        for (known_lo, known_hi) in overlapping {
            parts = parts
                .into_iter()
                .flat_map(|(a, b)| subtract(a, b, &known_lo, known_hi.as_deref()))
                .collect();
        }
        for (a, b) in parts {
            let inside: Vec<&str> = keys
                .iter()
                .copied()
                .filter(|key| *key > a.as_str() && b.as_deref().is_none_or(|b| *key <= b))
                .collect();
            self.count_in_folders(&inside);
            let step = (inside.len() / 16).max(1);
            for key in inside.iter().step_by(step) {
                self.seen.learn(key);
            }
            let marks = inside
                .iter()
                .enumerate()
                .filter(|(index, _)| index % step == 0 || index + 1 == inside.len())
                .map(|(index, key)| ((*key).to_owned(), index as u64 + 1))
                .collect();
            self.listed.insert(
                a,
                Listed {
                    hi: b,
                    count: inside.len() as u64,
                    marks,
                },
            );
        }
        self.merge();
    }

    /// Joins listed intervals that follow one another.
    fn merge(&mut self) {
        let mut merged: BTreeMap<String, Listed> = BTreeMap::new();
        let mut current: Option<(String, Listed)> = None;
        for (lo, listed) in std::mem::take(&mut self.listed) {
            match &mut current {
                Some((_, open)) if open.hi.as_deref() == Some(lo.as_str()) => {
                    let offset = open.count;
                    open.count += listed.count;
                    open.marks
                        .extend((listed.marks.into_iter()).map(|(key, rank)| (key, rank + offset)));
                    open.hi = listed.hi;
                }
                _ => {
                    if let Some((lo, listed)) = current.take() {
                        merged.insert(lo, listed);
                    }
                    current = Some((lo, listed));
                }
            }
        }
        if let Some((lo, listed)) = current {
            merged.insert(lo, listed);
        }
        self.listed = merged;
    }

    /// Counts each key in the child of every listed folder it falls in.
    fn count_in_folders(&mut self, keys: &[&str]) {
        if self.levels.is_empty() {
            return;
        }
        let mut last: Vec<String> = Vec::new();
        for key in keys {
            if last.iter().all(|child| key.starts_with(child.as_str())) && !last.is_empty() {
                for child in &last {
                    *self.counts.entry(child.clone()).or_default() += 1;
                }
                continue;
            }
            last.clear();
            let mut at = self.prefix.len();
            let mut folder = &key[..at];
            while self.levels.contains_key(folder) {
                let Some(end) = key[at..].find(FOLDER_DELIMITER) else {
                    break;
                };
                at += end + FOLDER_DELIMITER.len();
                folder = &key[..at];
                last.push(folder.to_owned());
            }
            for child in &last {
                *self.counts.entry(child.clone()).or_default() += 1;
            }
        }
    }

    /// The keys of folder `child` counted so far, when one listed interval covers all of it.
    fn measured(&self, child: &str) -> Option<u64> {
        let end = prefix_end(child);
        let (lo, listed) = self.listed.range::<str, _>(below(child)).next_back()?;
        let covers = lo.as_str() < child
            && match (&listed.hi, &end) {
                (None, _) => true,
                (Some(hi), Some(end)) => hi >= end,
                (Some(_), None) => false,
            };
        covers.then(|| self.counts.get(child).copied().unwrap_or(0))
    }

    /// The mean keys of the children of `parent` listed in full, if any was.
    fn sibling_mean(&self, parent: &str) -> Option<f64> {
        let level = self.levels.get(parent)?;
        let (mut sum, mut count) = (0u64, 0u64);
        for child in &level.children {
            if let Some(keys) = self.measured(child) {
                sum += keys;
                count += 1;
            }
        }
        (count > 0).then(|| sum as f64 / count as f64)
    }

    /// Keys counted in folder `child` at or before `key`, from the listed intervals.
    fn counted_before(&self, child: &str, key: &str) -> f64 {
        self.listed_keys(child, Some(key))
    }

    /// Keys listed in `[from, to]` (an estimate inside an interval, from its marks).
    fn listed_keys(&self, from: &str, to: Option<&str>) -> f64 {
        let mut total = 0.0;
        for (lo, listed) in self.listed.range::<str, _>(below_hi(to)) {
            if listed.hi.as_deref().is_some_and(|hi| hi < from) {
                continue;
            }
            let a = rank_at(lo, listed, from);
            let b = to.map_or(listed.count as f64, |to| rank_at(lo, listed, to));
            total += (b - a).max(0.0);
        }
        total
    }

    /// The rest `(after, up_to]` of a range, as pieces in key order.
    pub(crate) fn pieces(&self, after: &str, up_to: Option<&str>) -> Vec<Piece> {
        let mut pieces = Vec::new();
        let end = prefix_end(&self.prefix);
        let up_to = match (up_to, end.as_deref()) {
            (Some(up_to), Some(end)) => Some(up_to.min(end)),
            (up_to, end) => up_to.or(end),
        };
        let mut at = after.max(self.prefix.as_str()).to_owned();
        if after < self.prefix.as_str() {
            // Nothing lies before the prefix.
            at = self.prefix.clone();
        }
        while up_to.is_none_or(|up_to| at.as_str() < up_to) {
            // A listed interval holding `at`, or the next one after it.
            let holding = self
                .listed
                .range::<str, _>(at_or_below(at.as_str()))
                .next_back()
                .filter(|(_, listed)| listed.hi.as_deref().is_none_or(|hi| hi > at.as_str()))
                .map(|(lo, listed)| (lo.clone(), listed.clone()));
            if let Some((lo, listed)) = holding {
                let hi = min_bound(listed.hi.as_deref(), up_to);
                let keys = match hi {
                    Some(hi) => rank_at(&lo, &listed, hi) - rank_at(&lo, &listed, &at),
                    None => listed.count as f64 - rank_at(&lo, &listed, &at),
                };
                pieces.push(Piece {
                    lo: at.clone(),
                    hi: hi.map(str::to_owned),
                    kind: PieceKind::Listed {
                        keys: keys.max(0.0),
                    },
                });
                match hi {
                    Some(hi) => at = hi.to_owned(),
                    None => break,
                }
                continue;
            }
            let next = self
                .listed
                .range::<str, _>((Bound::Excluded(at.as_str()), Bound::Unbounded))
                .next()
                .map(|(lo, listed)| (lo.clone(), listed.clone()));
            let gap_end = match (&next, up_to) {
                (Some((lo, _)), Some(up_to)) => Some(lo.as_str().min(up_to).to_owned()),
                (Some((lo, _)), None) => Some(lo.clone()),
                (None, up_to) => up_to.map(str::to_owned),
            };
            // The first key listed after the gap, when a listed interval starts right at its end.
            let after_gap = next
                .as_ref()
                .filter(|(lo, _)| Some(lo.as_str()) == gap_end.as_deref())
                .and_then(|(_, listed)| listed.marks.first().map(|(key, _)| key.clone()));
            self.gap(&at, gap_end.as_deref(), after_gap.as_deref(), &mut pieces);
            match gap_end {
                Some(end) if end > at => at = end,
                _ => break,
            }
        }
        pieces
    }

    /// The pieces of the gap `(a, b]`, nothing listed inside; `after` is the first key listed
    /// past `b` when an interval starts at `b`.
    fn gap(&self, a: &str, b: Option<&str>, after: Option<&str>, out: &mut Vec<Piece>) {
        // The listed folder the gap lies in, deepest first.
        let mut folder = self.prefix.as_str();
        loop {
            let Some(level) = self.levels.get(folder) else {
                break;
            };
            let child = level
                .children
                .iter()
                .find(|child| {
                    a.starts_with(child.as_str()) && self.levels.contains_key(child.as_str())
                })
                .filter(|child| b.is_some_and(|b| b <= prefix_end(child).as_deref().unwrap_or(b)));
            match child {
                Some(child) => folder = child,
                None => break,
            }
        }
        if !self.levels.contains_key(folder) {
            self.flat(a, b, after, out);
            return;
        }
        let level = &self.levels[folder];
        let mut at = a.to_owned();
        // Past the last entry of a folder listing not finished, nothing is known yet.
        let known_until = match (&level.last_entry, level.complete) {
            (_, true) => None,
            (Some(last), false) => Some(last.as_str()),
            (None, false) => Some(folder),
        };
        if let Some(until) = known_until
            && at.as_str() >= until
        {
            self.flat(a, b, after, out);
            return;
        }
        for child in &level.children {
            let child_end = prefix_end(child);
            // Children wholly before `at`, and from `b` on, do not matter.
            if child_end.as_deref().is_some_and(|end| end <= at.as_str()) {
                continue;
            }
            let start = before_common_prefix(child, folder, FOLDER_DELIMITER)
                .unwrap_or(child.as_str())
                .to_owned();
            if b.is_some_and(|b| start.as_str() >= b) {
                break;
            }
            // Keys directly in the folder between children: too few to count.
            if at.as_str() < start.as_str() {
                at = start.clone();
            }
            let end = min_bound(child_end.as_deref(), b).map(str::to_owned);
            if at.as_str() == start.as_str() && end == child_end {
                out.push(self.whole_folder(child, &start, end.clone()));
            } else if self.levels.contains_key(child.as_str()) {
                self.gap(&at, end.as_deref(), after, out);
            } else {
                self.folder_rest(child, folder, &at, end.as_deref(), after, out);
            }
            match &end {
                Some(end) => at = end.clone(),
                None => return,
            }
        }
        if b.is_none_or(|b| at.as_str() < b) {
            // Past the last child: the folder's own keys, if any; nothing to estimate.
            out.push(Piece {
                lo: at,
                hi: b.map(str::to_owned),
                kind: PieceKind::Listed { keys: 0.0 },
            });
        }
    }

    /// A whole child folder of a listed folder.
    fn whole_folder(&self, child: &str, start: &str, end: Option<String>) -> Piece {
        let parent = parent_of(child);
        let subfolders = self.levels.contains_key(child) || self.seen_subfolders(child);
        let kind = match (self.measured(child), self.sibling_mean(parent)) {
            (Some(keys), _) => PieceKind::Folder {
                keys: keys as f64,
                folder: child.to_owned(),
                subfolders,
            },
            (None, Some(mean)) => PieceKind::Folder {
                keys: mean.max(self.counts.get(child).copied().unwrap_or(0) as f64),
                folder: child.to_owned(),
                subfolders,
            },
            (None, None) => PieceKind::UnknownFolder {
                folder: child.to_owned(),
                subfolders,
            },
        };
        Piece {
            lo: start.to_owned(),
            hi: end,
            kind,
        }
    }

    /// The part `(a, b]` of folder `child` (not listed itself), `a` inside it.
    fn folder_rest(
        &self,
        child: &str,
        parent: &str,
        a: &str,
        b: Option<&str>,
        after: Option<&str>,
        out: &mut Vec<Piece>,
    ) {
        // Bracketed by listed keys of the same folder: a density holds.
        if let Some(after) = after
            && after.starts_with(child)
            && b.is_some_and(|b| b.starts_with(child))
        {
            self.flat(a, b, Some(after), out);
            return;
        }
        // Its siblings' mean, while the folder has shown fewer keys than that; past it, the mean
        // says nothing of the rest (a large folder among small ones): unknown.
        let before = self.counted_before(child, a);
        match self.sibling_mean(parent).filter(|mean| before < *mean) {
            Some(mean) => {
                let keys = mean - before;
                let subfolders = self.seen_subfolders(child);
                let kind = match self.reference(a) {
                    // A flat folder goes on at the density of its keys before.
                    Some(reference) if !subfolders => PieceKind::Extent { keys, reference },
                    _ => PieceKind::Folder {
                        keys,
                        folder: child.to_owned(),
                        subfolders,
                    },
                };
                out.push(Piece {
                    lo: a.to_owned(),
                    hi: b.map(str::to_owned),
                    kind,
                });
            }
            None => {
                // Searched up to the folder's end; up to a range boundary inside it, the range
                // that starts there tells first.
                let folder_end = prefix_end(child);
                // Up to the folder's end, or to a boundary past which the next keys listed lie
                // outside the folder: the stretch is the rest of the folder.
                let past = after.or_else(|| self.first_listed_after(b));
                let at_end =
                    b == folder_end.as_deref() || past.is_some_and(|past| !past.starts_with(child));
                let searchable = at_end || self.known_past(b);
                out.push(Piece {
                    lo: a.to_owned(),
                    hi: b.map(str::to_owned),
                    kind: PieceKind::Unknown {
                        subfolders: self.seen_subfolders(child),
                        reference: self.reference(a).filter(|_| searchable),
                        seen: self.listed_keys(child, Some(a)),
                        end: if at_end { End::Folder } else { End::Range },
                    },
                })
            }
        }
    }

    /// A gap with no folder structure: dense when listed keys of one folder bracket it,
    /// else from the hints, else unknown.
    fn flat(&self, a: &str, b: Option<&str>, after: Option<&str>, out: &mut Vec<Piece>) {
        let reference = self.reference(a);
        if let (Some(b), Some(after), Some((first, last, keys))) = (b, after, &reference)
            && parent_of(after) == parent_of(last)
        {
            // The density of the page before, and of the listed keys after, on one scale.
            let next = self.next_reference(b);
            let mut span: Vec<&str> = vec![first, last, b];
            if let Some((next_first, next_last, _)) = &next {
                span.push(next_first);
                span.push(next_last);
            }
            let scale = Scale::spanning(&span, last, self.fixed(), 0, Some(&self.seen));
            let width = scale.value(last) - scale.value(first);
            let mut densities = Vec::new();
            if width > 0.0 {
                densities.push(keys / width);
            }
            if let Some((next_first, next_last, next_keys)) = &next {
                let width = scale.value(next_last) - scale.value(next_first);
                if width > 0.0 {
                    densities.push(next_keys / width);
                }
            }
            if !densities.is_empty() {
                let density = densities.iter().sum::<f64>() / densities.len() as f64;
                let keys = density * (scale.value(b) - scale.value(a)).max(0.0);
                // Far more keys than the listing has seen in all: the gap is not of the density
                // around it (clusters of keys, sparse between), and is searched rather than
                // believed.
                let seen = self
                    .listed_keys_total()
                    .max(keys_around(reference.as_ref()));
                if keys <= PLAUSIBLE * seen {
                    out.push(Piece {
                        lo: a.to_owned(),
                        hi: Some(b.to_owned()),
                        kind: PieceKind::Dense { keys, scale },
                    });
                    return;
                }
            }
        }
        if let Some(keys) = self.hinted(a, b) {
            let scale = Scale::spanning(
                &[a, b.unwrap_or(a)],
                a,
                self.fixed(),
                SCALE_ROOM,
                Some(&self.seen),
            );
            out.push(Piece {
                lo: a.to_owned(),
                hi: b.map(str::to_owned),
                kind: PieceKind::Dense { keys, scale },
            });
            return;
        }
        let subfolders = reference
            .as_ref()
            .is_some_and(|(_, last, _)| self.seen_subfolders(parent_of(last)));
        // Up to the end of the key space or of a listed folder, a search can tell more; up to
        // a range boundary nothing is listed past yet, the range that starts there tells first.
        let end_of = b.and_then(|b| self.folder_ending_at(b));
        let structural = b.is_none() || end_of.is_some();
        // The keys listed past `b` in another folder: the stretch ends its folder.
        let first_past = after.or_else(|| self.first_listed_after(b));
        let ends_folder = first_past.is_some_and(|past| parent_of(past) != parent_of(a));
        let end = match &end_of {
            _ if b.is_none() || self.nothing_past(b) => End::KeySpace,
            Some(folder) if *folder == self.prefix => End::KeySpace,
            Some(_) => End::Folder,
            None if ends_folder => End::Folder,
            None => End::Range,
        };
        // What the search expects: as many again as listed in the folder it ends, or in the
        // whole key space; up to a range boundary, what its range listed (the policy's).
        let seen = match (&end_of, b) {
            (Some(folder), _) if !folder.is_empty() => self.listed_keys(folder, Some(a)),
            (_, None) | (Some(_), _) => self.listed_keys_total(),
            (None, Some(_)) => 0.0,
        };
        out.push(Piece {
            lo: a.to_owned(),
            hi: b.map(str::to_owned),
            kind: PieceKind::Unknown {
                subfolders,
                reference: reference.filter(|_| structural || self.known_past(b)),
                seen,
                end,
            },
        });
    }

    /// The listed folder (or the listing's prefix) whose keys end just before `b`.
    fn folder_ending_at(&self, b: &str) -> Option<String> {
        if prefix_end(&self.prefix).as_deref() == Some(b) {
            return Some(self.prefix.clone());
        }
        self.levels
            .keys()
            .find(|folder| prefix_end(folder).as_deref() == Some(b))
            .cloned()
    }

    /// The first key listed after `b`, when a listed interval covers the point just past it.
    fn first_listed_after(&self, b: Option<&str>) -> Option<&str> {
        let b = b?;
        let (_, listed) = self.listed.range::<str, _>(at_or_below(b)).next_back()?;
        if listed.hi.as_deref().is_some_and(|hi| hi <= b) {
            return None;
        }
        let at = listed.marks.partition_point(|(key, _)| key.as_str() <= b);
        listed.marks.get(at).map(|(key, _)| key.as_str())
    }

    /// Whether no key lies after `b`: a page listed from at or before it found none, to the end.
    fn nothing_past(&self, b: Option<&str>) -> bool {
        b.is_none_or(|b| {
            self.listed
                .range::<str, _>(at_or_below(b))
                .next_back()
                .is_some_and(|(_, listed)| {
                    listed.hi.is_none()
                        && listed.marks.last().is_none_or(|(key, _)| key.as_str() <= b)
                })
        })
    }

    /// Whether something is known right after `b`: a listed interval starts there (keys, or
    /// none to the end). A range boundary nothing listed yet is not: the range that starts there
    /// will tell.
    fn known_past(&self, b: Option<&str>) -> bool {
        b.is_none_or(|b| {
            self.listed
                .range::<str, _>(at_or_below(b))
                .next_back()
                .is_some_and(|(_, listed)| listed.hi.as_deref().is_none_or(|hi| hi > b))
        })
    }

    /// The keys a previous listing measured in `(a, b]`, when its ranges cover the gap.
    fn hinted(&self, a: &str, b: Option<&str>) -> Option<f64> {
        let mut keys = 0.0;
        let mut covered = false;
        for (after, up_to, held) in &self.hints {
            let (after, up_to) = (after.as_str(), up_to.as_deref());
            if up_to.is_some_and(|up_to| up_to <= a) || b.is_some_and(|b| after >= b) {
                continue;
            }
            covered = true;
            // The share of the range inside the gap, on the scale of its ends.
            let lo = after.max(a);
            let hi = min_bound(up_to, b);
            let share = match (hi, up_to) {
                (Some(hi), Some(up_to)) => {
                    let scale =
                        Scale::spanning(&[after, up_to], after, self.fixed(), 0, Some(&self.seen));
                    let width = scale.value(up_to) - scale.value(after);
                    if width > 0.0 {
                        ((scale.value(hi) - scale.value(lo)) / width).clamp(0.0, 1.0)
                    } else {
                        1.0
                    }
                }
                _ => 1.0,
            };
            keys += held * share;
        }
        covered.then_some(keys)
    }

    /// The last page's worth of listed keys ending at `key` (first key, last key, count), when
    /// a listed interval ends right there: the density just before a gap.
    fn reference(&self, key: &str) -> Option<(String, String, f64)> {
        let (_, listed) = self.listed.range::<str, _>(below(key)).next_back()?;
        let marks = &listed.marks;
        let last = marks.last()?;
        if listed.hi.as_deref() != Some(key) && last.0 != key {
            return None;
        }
        // About a page of marks back (marks are 1/16 of a page apart).
        let first = marks[marks.len().saturating_sub(17)..].first()?;
        (last.1 > first.1).then(|| (first.0.clone(), last.0.clone(), (last.1 - first.1) as f64))
    }

    /// The first page's worth of the listed interval starting at `lo`.
    fn next_reference(&self, lo: &str) -> Option<(String, String, f64)> {
        let listed = self.listed.get(lo)?;
        let marks = &listed.marks;
        let first = marks.first()?;
        let last = marks[..marks.len().min(17)].last()?;
        (last.1 > first.1).then(|| (first.0.clone(), last.0.clone(), (last.1 - first.1) as f64))
    }

    /// Whether keys seen inside `folder` hold further folders.
    fn seen_subfolders(&self, folder: &str) -> bool {
        let end = prefix_end(folder);
        self.listed
            .range::<str, _>((
                Bound::Unbounded,
                end.as_deref().map_or(Bound::Unbounded, Bound::Excluded),
            ))
            .rev()
            .take(64)
            .flat_map(|(_, listed)| listed.marks.iter())
            .any(|(key, _)| {
                key.len() > folder.len()
                    && key.starts_with(folder)
                    && key[folder.len()..].contains(FOLDER_DELIMITER)
            })
    }

    /// The key about `keys` keys into a piece, if the piece can be cut there (folders and
    /// unknown pieces cannot: they are cut at their ends).
    pub(crate) fn cut(&self, piece: &Piece, keys: f64) -> Option<String> {
        let inside =
            |key: &str| key > piece.lo.as_str() && piece.hi.as_deref().is_none_or(|hi| key < hi);
        match &piece.kind {
            PieceKind::Listed { .. } => {
                let (lo, listed) = self
                    .listed
                    .range::<str, _>(at_or_below(piece.lo.as_str()))
                    .next_back()?;
                let target = rank_at(lo, listed, &piece.lo) + keys;
                listed
                    .marks
                    .iter()
                    .find(|(_, rank)| *rank as f64 >= target)
                    .map(|(key, _)| key.clone())
                    .filter(|key| inside(key))
            }
            PieceKind::Extent { reference, .. } => {
                self.step(&piece.lo, piece.hi.as_deref(), reference, keys)
            }
            PieceKind::Dense { keys: total, scale } => {
                if *total <= 0.0 {
                    return None;
                }
                let from = scale.value(&piece.lo);
                let to = match &piece.hi {
                    Some(hi) => scale.value(hi),
                    None => 1.0,
                };
                let target = from + (to - from) * (keys / total).clamp(0.0, 1.0);
                // Within a twentieth of a piece of the target.
                let slack = (to - from) * (keys / total).clamp(0.0, 1.0) / 20.0;
                scale
                    .key_at(&piece.lo, piece.hi.as_deref(), target, slack)
                    .filter(|key| inside(key))
            }
            _ => None,
        }
    }

    /// The key `keys` keys past `from` at the density of `reference` (a search step into an
    /// unknown piece), below `hi`.
    pub(crate) fn step(
        &self,
        from: &str,
        hi: Option<&str>,
        reference: &(String, String, f64),
        keys: f64,
    ) -> Option<String> {
        let (first, last, count) = reference;
        let scale = Scale::spanning(
            &[first, last],
            last,
            self.fixed(),
            SCALE_ROOM,
            Some(&self.seen),
        );
        let width = scale.value(last) - scale.value(first);
        if width <= 0.0 || *count <= 0.0 {
            return None;
        }
        let target = scale.value(from) + width * keys / count;
        if target >= 1.0 {
            return None;
        }
        let slack = (target - scale.value(from)) / 20.0;
        scale
            .key_at(from, hi, target, slack)
            .filter(|key| key.as_str() > from && hi.is_none_or(|hi| key.as_str() < hi))
    }

    /// A key half-way between `lo` and `hi` on the scale of the keys seen, if one fits.
    pub(crate) fn middle(&self, lo: &str, hi: &str) -> Option<String> {
        let scale = Scale::spanning(&[lo, hi], lo, self.fixed(), 0, Some(&self.seen));
        let (from, to) = (scale.value(lo), scale.value(hi));
        let target = (from + to) / 2.0;
        scale
            .key_at(lo, Some(hi), target, (to - from) / 8.0)
            .filter(|key| key.as_str() > lo && key.as_str() < hi)
    }

    /// The folders a folder listing should give the children of, for the unknown keys past
    /// `key`, where `span` is the first key of the page `key` ends (its keys vary inside the
    /// page's own folder): every unlisted folder on `key`'s path above the page's own folder
    /// (its children are the page's folder and its siblings), all at once; when they are all
    /// listed, the page's own folder, which holds folders the page ran through.
    pub(crate) fn folders_to_list(&self, key: &str, span: &str) -> Vec<String> {
        if !self.levels.contains_key(&self.prefix) || !key.starts_with(&self.prefix) {
            return Vec::new();
        }
        let base = self.prefix.len();
        let ends: Vec<usize> = key[base..]
            .match_indices(FOLDER_DELIMITER)
            .map(|(at, _)| base + at + FOLDER_DELIMITER.len())
            .collect();
        let own = ends
            .iter()
            .rev()
            .copied()
            .find(|&end| span.starts_with(&key[..end]))
            .unwrap_or(base);
        let mut out: Vec<String> = ends
            .iter()
            .filter(|&&end| end < own && !self.levels.contains_key(&key[..end]))
            .map(|&end| key[..end].to_owned())
            .collect();
        if out.is_empty() && own > base && !self.levels.contains_key(&key[..own]) {
            out.push(key[..own].to_owned());
        }
        out
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

/// `(a, b]` less `(lo, hi]`: up to two parts.
fn subtract(
    a: String,
    b: Option<String>,
    lo: &str,
    hi: Option<&str>,
) -> Vec<(String, Option<String>)> {
    let overlaps = b.as_deref().is_none_or(|b| b > lo) && hi.is_none_or(|hi| hi > a.as_str());
    if !overlaps {
        return vec![(a, b)];
    }
    let mut parts = Vec::new();
    if a.as_str() < lo {
        parts.push((a, Some(lo.to_owned())));
    }
    if let Some(hi) = hi
        && b.as_deref().is_none_or(|b| b > hi)
    {
        parts.push((hi.to_owned(), b));
    }
    parts
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

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(range: std::ops::Range<usize>) -> Vec<String> {
        range.map(|n| format!("obj-{n:07}")).collect()
    }

    fn refs(keys: &[String]) -> Vec<&str> {
        keys.iter().map(String::as_str).collect()
    }

    fn total(pieces: &[Piece]) -> (f64, usize) {
        let known = pieces.iter().filter_map(|piece| piece.kind.keys()).sum();
        let unknown = pieces
            .iter()
            .filter(|piece| piece.kind.keys().is_none())
            .count();
        (known, unknown)
    }

    #[test]
    fn listed_keys_are_counted_once() {
        let mut model = KeyModel::new("");
        let first = keys(0..100);
        let second = keys(50..150);
        model.page("", &refs(&first), false);
        model.page("obj-0000049", &refs(&second), false);
        let pieces = model.pieces("", Some("obj-0000149"));
        let (known, unknown) = total(&pieces);
        assert!((149.0..=151.0).contains(&known), "{known} {pieces:?}");
        assert_eq!(unknown, 0);
    }

    #[test]
    fn the_rest_after_the_last_key_is_unknown_and_a_bracketed_gap_dense() {
        let mut model = KeyModel::new("");
        model.page("", &refs(&keys(0..100)), false);
        let open = model.pieces("obj-0000099", None);
        assert!(matches!(
            open.last().unwrap().kind,
            PieceKind::Unknown { .. }
        ));
        // A page far ahead brackets the gap: about 900 keys between.
        model.page("obj-0000999", &refs(&keys(1000..1100)), false);
        let pieces = model.pieces("obj-0000099", Some("obj-0000999"));
        let (known, unknown) = total(&pieces);
        assert_eq!(unknown, 0, "{pieces:?}");
        assert!((800.0..1000.0).contains(&known), "{known}");
        // A cut half-way lands near the middle.
        let cut = model.cut(&pieces[0], known / 2.0).unwrap();
        assert!(
            cut.as_str() > "obj-00004" && cut.as_str() < "obj-00006",
            "{cut}"
        );
    }

    #[test]
    fn folders_are_estimated_by_their_siblings() {
        let mut model = KeyModel::new("");
        let days: Vec<String> = (1..=9).map(|day| format!("logs/2026-01-0{day}/")).collect();
        model.folders("", "", &["logs/"], true);
        model.folders("logs/", "", &refs(&days), true);
        // Day 1 listed in full: 250 keys, and the first key of day 2.
        let mut day1: Vec<String> = (0..250)
            .map(|n| format!("logs/2026-01-01/part-{n:05}"))
            .collect();
        day1.push("logs/2026-01-02/part-00000".into());
        model.page("", &refs(&day1), false);
        let pieces = model.pieces("logs/2026-01-02/part-00000", None);
        let folders: Vec<f64> = pieces
            .iter()
            .filter_map(|piece| match piece.kind {
                PieceKind::Folder { keys, .. } => Some(keys),
                _ => None,
            })
            .collect();
        assert_eq!(folders.len(), 7, "{pieces:?}");
        assert!(
            folders.iter().all(|keys| (*keys - 250.0).abs() < 1.0),
            "{folders:?}"
        );
    }

    #[test]
    fn folders_to_list_stop_above_the_pages_own_folder() {
        let mut model = KeyModel::new("");
        model.folders("", "", &["t-0/", "t-1/"], true);
        let deep = model.folders_to_list("t-0/2026/01/05/07/f-3", "t-0/2026/01/05/00/f-1");
        assert_eq!(deep, ["t-0/", "t-0/2026/", "t-0/2026/01/"]);
        // A page across the hours of a day listed at the top: the day itself.
        model.folders("", "", &["dt=01/", "dt=02/"], true);
        let hive = model.folders_to_list("dt=01/hr=05/p-3", "dt=01/hr=00/p-0");
        assert_eq!(hive, ["dt=01/"]);
    }
}
