//! What the model has seen, asked: the keys counted in a folder or an interval, the folders
//! listed and their siblings' sizes, the pages around a key. Queries only; the estimates are in
//! [`super::rest`] and the cuts in [`super::cut`].

use std::cell::RefMut;
use std::ops::Bound;

use super::super::scale::prefix_end;
use super::*;

impl KeyModel {
    /// The keys of folder `child` counted so far, when one listed interval covers all of it.
    pub(super) fn measured(&self, child: &str) -> Option<u64> {
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

    /// The sizes of the children of `parent` listed in full, worked out when first asked after
    /// a change of the model (a folder of thousands of children is asked of them once per
    /// piece: a pass over them each time would be quadratic).
    fn sizes(&self, parent: &str) -> Option<RefMut<'_, Sizes>> {
        let level = self.levels.get(parent)?;
        Some(RefMut::map(self.sizes.borrow_mut(), |sizes| {
            sizes.entry(parent.to_owned()).or_insert_with(|| {
                let measured: Vec<(usize, u64)> = (level.children.iter().enumerate())
                    .filter_map(|(at, child)| Some((at, self.measured(child)?)))
                    .collect();
                let by_size = ascending(measured.iter().map(|(_, keys)| *keys));
                let mut sum = 0;
                let in_order = (measured.into_iter())
                    .map(|(at, keys)| {
                        sum += keys;
                        (at, sum)
                    })
                    .collect();
                Sizes { by_size, in_order }
            })
        }))
    }

    /// The mean size of the siblings listed in full that hold at least `floor` keys: what a
    /// folder that has shown `floor` keys holds, by the sizes of its siblings (the conditional
    /// mean: a large folder among small ones is like the large ones; one that has shown as many
    /// keys as siblings of one size hold, `floor` itself, is most likely at its end). `None`
    /// when no sibling listed in full is that large.
    pub(super) fn sibling_mean_at_least(&self, parent: &str, floor: f64) -> Option<f64> {
        mean_at_least(&self.sizes(parent)?.by_size, floor)
    }

    /// The same, of `parent`'s cousins: the folders listed in full one level down from each of
    /// `parent`'s siblings and itself (the hours of the other days). Where no sibling is that
    /// large (a day holds a large hour or two), the folders of the same depth under the same
    /// grandparent are the next most alike: the tree's levels are named, and sized, alike.
    pub(super) fn cousin_mean_at_least(&self, parent: &str, floor: f64) -> Option<f64> {
        // The listing's prefix has no siblings in the key space (and `parent_of` it would be
        // itself: its children's children are no cousins of its children).
        if parent.len() <= self.prefix.len() {
            return None;
        }
        let grandparent = parent_of(parent);
        let level = self.levels.get(grandparent)?;
        let mut cousins = self.cousins.borrow_mut();
        let by_size = cousins.entry(grandparent.to_owned()).or_insert_with(|| {
            ascending(
                (level.children.iter())
                    .filter_map(|sibling| self.levels.get(sibling.as_str()))
                    .filter(|level| level.delimiter == FOLDER_DELIMITER)
                    .flat_map(|level| level.children.iter())
                    .filter_map(|child| self.measured(child)),
            )
        });
        mean_at_least(by_size, floor)
    }

    /// The mean size of the siblings listed in full nearest `parent`'s child number `index` by
    /// name: those that share the longest prefix with it past the parent's name, when two at
    /// least do (siblings named alike are alike in size: the days of one month, the parts of
    /// one first name); else all of them.
    pub(super) fn nearest_sibling_mean(&self, parent: &str, index: usize) -> Option<f64> {
        let children = &self.levels.get(parent)?.children;
        let child = children.get(index)?;
        let sizes = self.sizes(parent)?;
        let measured = &sizes.in_order;
        let name = |at: usize| children[at].as_str();
        let split = measured.partition_point(|(at, _)| *at < index);
        // The nearest by name are the nearest in key order, on either side.
        let longest = [split.checked_sub(1), Some(split)]
            .into_iter()
            .flatten()
            .filter_map(|at| measured.get(at))
            .map(|(at, _)| common_prefix(child, name(*at)))
            .max()?;
        if longest > parent.len() {
            // Siblings sharing that prefix follow one another in key order.
            let prefix = &child[..longest];
            let lo = measured.partition_point(|(at, _)| name(*at) < prefix);
            let hi = measured
                .partition_point(|(at, _)| name(*at) < prefix || name(*at).starts_with(prefix));
            if hi >= lo + 2 {
                let before = lo.checked_sub(1).map_or(0, |at| measured[at].1);
                return Some((measured[hi - 1].1 - before) as f64 / (hi - lo) as f64);
            }
        }
        // All of them.
        let (_, total) = measured.last()?;
        Some(*total as f64 / measured.len() as f64)
    }

    /// Keys counted in folder `child` at or before `key`, from the listed intervals.
    pub(super) fn counted_before(&self, child: &str, key: &str) -> f64 {
        self.listed_keys(child, Some(key))
    }

    /// Keys listed in `[from, to]` (an estimate inside an interval, from its marks).
    pub(super) fn listed_keys(&self, from: &str, to: Option<&str>) -> f64 {
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

    /// The listed folder (or the listing's prefix) whose keys end just before `b`.
    pub(super) fn folder_ending_at(&self, b: &str) -> Option<String> {
        if prefix_end(&self.prefix).as_deref() == Some(b) {
            return Some(self.prefix.clone());
        }
        self.levels
            .keys()
            .find(|folder| prefix_end(folder).as_deref() == Some(b))
            .cloned()
    }

    /// The first key listed after `b`, when a listed interval covers the point just past it.
    pub(super) fn first_listed_after(&self, b: Option<&str>) -> Option<&str> {
        let b = b?;
        let (_, listed) = self.listed.range::<str, _>(at_or_below(b)).next_back()?;
        if listed.hi.as_deref().is_some_and(|hi| hi <= b) {
            return None;
        }
        let at = listed.marks.partition_point(|(key, _)| key.as_str() <= b);
        listed.marks.get(at).map(|(key, _)| key.as_str())
    }

    /// Whether no key lies after `b`: a page listed from at or before it found none, to the end.
    pub(super) fn nothing_past(&self, b: Option<&str>) -> bool {
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
    pub(super) fn known_past(&self, b: Option<&str>) -> bool {
        b.is_none_or(|b| {
            self.listed
                .range::<str, _>(at_or_below(b))
                .next_back()
                .is_some_and(|(_, listed)| listed.hi.as_deref().is_none_or(|hi| hi > b))
        })
    }

    /// The last page's worth of listed keys ending at `key` (first key, last key, count), when
    /// a listed interval ends right there: the density just before a gap.
    pub(super) fn reference(&self, key: &str) -> Option<(String, String, f64)> {
        let window = self.marks_ending_at(key)?;
        density(window.first()?, window.last()?)
    }

    /// [`reference`](Self::reference) within `folder`: the density of the folder's own keys,
    /// not of the folders before it on the same page (a page that ends a few keys into a large
    /// folder would otherwise step through it at the pace of its small siblings). Where the
    /// folder shows no density of its own yet (a single mark in it), the page's: its siblings
    /// are likely named alike.
    pub(super) fn reference_within(
        &self,
        key: &str,
        folder: &str,
    ) -> Option<(String, String, f64)> {
        let window = self.marks_ending_at(key)?;
        let last = window.last()?;
        (window.iter().find(|(mark, _)| mark.starts_with(folder)))
            .and_then(|first| density(first, last))
            .or_else(|| density(window.first()?, last))
    }

    /// The density of `folder`'s keys in the listed interval last before `key`, where it ends in
    /// the folder short of `key` (a range cut inside a flat folder, its keys before listed by
    /// the range on its left): about its last page's worth of marks in the folder.
    pub(super) fn reference_before(
        &self,
        key: &str,
        folder: &str,
    ) -> Option<(String, String, f64)> {
        let (_, listed) = self.listed.range::<str, _>(below(key)).next_back()?;
        if listed.hi.as_deref().is_none_or(|hi| hi >= key) {
            return None;
        }
        let window = last_page(&listed.marks);
        let last = window.last().filter(|(mark, _)| mark.starts_with(folder))?;
        let first = window.iter().find(|(mark, _)| mark.starts_with(folder))?;
        density(first, last)
    }

    /// About a page of marks (1/16 of a page apart) of the listed interval that ends at `key`.
    fn marks_ending_at(&self, key: &str) -> Option<&[(String, u64)]> {
        let (_, listed) = self.listed.range::<str, _>(below(key)).next_back()?;
        let marks = &listed.marks;
        let last = marks.last()?;
        if listed.hi.as_deref() != Some(key) && last.0 != key {
            return None;
        }
        Some(last_page(marks))
    }

    /// The first page's worth of the listed interval starting at `lo`.
    pub(super) fn next_reference(&self, lo: &str) -> Option<(String, String, f64)> {
        let listed = self.listed.get(lo)?;
        let marks = &listed.marks;
        let first = marks.first()?;
        let last = marks[..marks.len().min(MARKS_PER_PAGE + 1)].last()?;
        (last.1 > first.1).then(|| (first.0.clone(), last.0.clone(), (last.1 - first.1) as f64))
    }

    /// Whether keys seen inside `folder` hold further folders.
    pub(super) fn seen_subfolders(&self, folder: &str) -> bool {
        self.seen_deeper(folder, 1)
    }

    /// Whether keys seen under `parent` lie two folders deep or more: its children hold folders.
    pub(super) fn seen_grandchildren(&self, parent: &str) -> bool {
        self.seen_deeper(parent, 2)
    }

    /// Whether a key seen under `folder` (among the listed intervals nearest its end) holds at
    /// least `levels` delimiters past it.
    fn seen_deeper(&self, folder: &str, levels: usize) -> bool {
        self.marks_inside(folder)
            .flatten()
            .any(|rest| rest.matches(FOLDER_DELIMITER).count() >= levels)
    }

    /// The keys kept as marks inside `folder`, past its name, interval by interval (the last
    /// 64 listed intervals that reach into it, nearest its end first).
    fn marks_inside<'a>(
        &'a self,
        folder: &'a str,
    ) -> impl Iterator<Item = impl Iterator<Item = &'a str>> {
        let end = prefix_end(folder);
        self.listed
            .range::<str, _>((
                Bound::Unbounded,
                end.as_deref().map_or(Bound::Unbounded, Bound::Excluded),
            ))
            .rev()
            .take_while(move |(_, listed)| listed.hi.as_deref().is_none_or(|hi| hi > folder))
            .take(64)
            .map(move |(_, listed)| {
                (listed.marks.iter())
                    .filter(move |(key, _)| key.len() > folder.len() && key.starts_with(folder))
                    .map(move |(key, _)| &key[folder.len()..])
            })
    }

    /// The delimiter the flat keys of `folder` are named in parts at, where listing them rolled
    /// up there is worth a request: `first.last-n` at `-`, `2026-01-01T10:...` at `:`.
    ///
    /// A rollup at `d` gives one entry per distinct part before the first `d` past the folder,
    /// up to 1,000 a request: exact boundaries of the clusters the keys come in, which a search
    /// past the last key seen cannot find (it steps at the density inside a cluster, and lands
    /// in the gap after it). It pays where most keys lie in parts of more than a few keys, and
    /// costs an entry for each part however small. The keys kept as marks, about 1/16 of a page
    /// apart, tell both: where at most one neighbouring pair in 4 straddles two parts, three
    /// quarters of the keys seen lie in runs of one part longer than the marks' spacing (whose
    /// ends the rollup gives), and the parts are at most a quarter of the keys (a straddling
    /// pair holds at most one part per key between them). The rollup's requests are then at
    /// most a fortieth of the pages at pages of 100 keys (1,000 entries a request), and its
    /// chain of requests runs beside the listing, which goes on flat past its last entry. The
    /// parts need not be alike: a few large parts among thousands of one key (the corpus's
    /// `parts` shape) qualify. Two parts at least must have been seen, or the rollup gives the
    /// folder back as one child. Of the delimiters that qualify, the one that gives most parts:
    /// the finest boundaries.
    pub(crate) fn part_delimiter(&self, folder: &str) -> Option<char> {
        // Neighbours are marks of one listed interval.
        let mut runs: Vec<Vec<&str>> = self.marks_inside(folder).map(Iterator::collect).collect();
        runs.retain(|run: &Vec<&str>| run.len() > 1);
        let mut candidates: Vec<char> = (runs.iter().flatten())
            .flat_map(|rest| rest.chars())
            .filter(|c| c.is_ascii_punctuation() && *c != '/')
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, char)> = None;
        for delimiter in candidates {
            let (mut pairs, mut shared) = (0usize, 0usize);
            let mut parts = std::collections::BTreeSet::new();
            for run in &runs {
                let mut previous: Option<&str> = None;
                for rest in run {
                    let current = rest.find(delimiter).map(|at| &rest[..at]);
                    if let (Some(a), Some(b)) = (previous, current) {
                        pairs += 1;
                        shared += usize::from(a == b);
                    }
                    if let Some(current) = current {
                        parts.insert(current);
                    }
                    previous = current;
                }
            }
            let qualifies = pairs >= 16 && 4 * shared >= 3 * pairs && parts.len() >= 2;
            if qualifies && best.is_none_or(|(most, _)| parts.len() > most) {
                best = Some((parts.len(), delimiter));
            }
        }
        best.map(|(_, delimiter)| delimiter)
    }
}

/// `(first key, last key, keys between)` of two marks, when keys lie between them.
/// The last page's worth of an interval's marks.
fn last_page(marks: &[(String, u64)]) -> &[(String, u64)] {
    &marks[marks.len().saturating_sub(MARKS_PER_PAGE + 1)..]
}

/// Folder sizes ascending, each with the sum of those from it on.
fn ascending(sizes: impl Iterator<Item = u64>) -> Vec<(u64, u64)> {
    let mut by_size: Vec<(u64, u64)> = sizes.map(|keys| (keys, 0)).collect();
    by_size.sort_unstable();
    let mut sum = 0;
    for (keys, from_here) in by_size.iter_mut().rev() {
        sum += *keys;
        *from_here = sum;
    }
    by_size
}

/// The mean of the sizes (as [`ascending`] gives them) of `floor` or more.
fn mean_at_least(by_size: &[(u64, u64)], floor: f64) -> Option<f64> {
    let first = by_size.partition_point(|(keys, _)| (*keys as f64) < floor);
    let larger = (by_size.len() - first) as f64;
    by_size.get(first).map(|(_, sum)| *sum as f64 / larger)
}

fn density(first: &(String, u64), last: &(String, u64)) -> Option<(String, String, f64)> {
    (last.1 > first.1).then(|| (first.0.clone(), last.0.clone(), (last.1 - first.1) as f64))
}

/// The length in bytes of the prefix `a` and `b` share, at a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((at, _), _)| at)
}

/// The sizes of a folder's children listed in full.
#[derive(Debug)]
pub(super) struct Sizes {
    /// Ascending, each with the sum of those from it on.
    by_size: Vec<(u64, u64)>,
    /// In key order: each child's index among the folder's children, with the keys of those up
    /// to it.
    in_order: Vec<(usize, u64)>,
}
