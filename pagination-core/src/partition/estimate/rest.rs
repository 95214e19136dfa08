//! A range's unlisted rest, walked as pieces: listed keys, gaps estimated by the structure,
//! the density or the hints around them, and what is unknown.

use std::cell::OnceCell;
use std::ops::Bound;

use super::super::scale::{Scale, before_common_prefix, prefix_end};
use super::{
    End, KeyModel, PLAUSIBLE, Piece, PieceKind, SCALE_ROOM, at_or_below, keys_around, min_bound,
    parent_of, rank_at,
};

impl KeyModel {
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
        while let Some(level) = self.levels.get(folder) {
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
        // What the children's siblings say, asked once for all of them.
        let siblings = Siblings::new(folder);
        // Children wholly before `at` do not matter: siblings hold disjoint runs of keys, in
        // their order, so those are a first run of them.
        let first = (level.children)
            .partition_point(|child| prefix_end(child).is_some_and(|end| end.as_str() <= a));
        for (index, child) in level.children.iter().enumerate().skip(first) {
            let child_end = prefix_end(child);
            // Children wholly before `at`, and from `b` on, do not matter.
            if child_end.as_deref().is_some_and(|end| end <= at.as_str()) {
                continue;
            }
            let start = before_common_prefix(child, folder, &level.delimiter)
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
                out.push(self.whole_folder(child, index, &siblings, &start, end.clone()));
            } else if self.levels.contains_key(child.as_str()) {
                if !at.starts_with(child.as_str()) {
                    // Between the folder's lower bound and its name (`dt=01` before `dt=01/`):
                    // none of its keys. The rest is inside it, where the next call descends.
                    out.push(Piece {
                        lo: at.clone(),
                        hi: Some(child.clone()),
                        kind: PieceKind::Listed { keys: 0.0 },
                    });
                    at = child.clone();
                }
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

    /// A whole child folder of the listed folder `parent`.
    fn whole_folder(
        &self,
        child: &str,
        index: usize,
        parent: &Siblings<'_>,
        start: &str,
        end: Option<String>,
    ) -> Piece {
        let subfolders = self.levels.contains_key(child) || self.seen_subfolders(child);
        // Sized by the siblings named most alike, when none of it was listed in full.
        let kind = match (
            self.measured(child),
            self.nearest_sibling_mean(parent.parent, index),
        ) {
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
                subfolders: subfolders || parent.grandchildren(self),
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
        // The density of the folder's keys just before `a`; where the range starts inside the
        // folder, of those the range before it listed, with the keys that density puts
        // between them (such a rest is cut at that density, not only at its ends).
        let (reference, gap) = match self.reference_within(a, child) {
            Some(reference) => (Some(reference), 0.0),
            None => match self.reference_before(a, child) {
                Some(reference) => {
                    let gap = self.keys_between(&reference.1, a, &reference);
                    (Some(reference), gap.unwrap_or(0.0))
                }
                None => (None, 0.0),
            },
        };
        // The mean of the siblings at least as large as what the folder has shown, or else of
        // the cousins; none that large: they say nothing of the rest, which is unknown.
        let before = self.counted_before(child, a) + gap;
        let mean = (self.sibling_mean_at_least(parent, before))
            .or_else(|| self.cousin_mean_at_least(parent, before));
        match mean {
            Some(mean) => {
                let keys = mean - before;
                let subfolders = self.seen_subfolders(child);
                let kind = match reference {
                    // A flat folder goes on at the density of its keys before; up to a range
                    // boundary inside it, no more keys than that density puts there (the rest
                    // is the next range's).
                    Some(reference) if !subfolders => {
                        let up_to_b = b.and_then(|b| self.keys_between(a, b, &reference));
                        let keys = up_to_b.map_or(keys, |up_to_b| keys.min(up_to_b));
                        PieceKind::Extent { keys, reference }
                    }
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
                        reference: self.reference_within(a, child).filter(|_| searchable),
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
        if self.hinted(a, b, out) {
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

    /// The ranges a previous listing measured, where they cover the gap `(a, b]` end to end:
    /// one dense piece per range, its keys spread on the scale of its own ends (a share of
    /// them where the gap holds part of it). Whether they did.
    fn hinted(&self, a: &str, b: Option<&str>, out: &mut Vec<Piece>) -> bool {
        let mut pieces = Vec::new();
        // Where the pieces so far end: the next range must start at or before it.
        let mut reached = a;
        for (after, up_to, held) in &self.hints {
            let (after, up_to) = (after.as_str(), up_to.as_deref());
            if up_to.is_some_and(|up_to| up_to <= reached) || b.is_some_and(|b| after >= b) {
                continue;
            }
            if after > reached {
                // A stretch no range measured: the hints do not cover the gap.
                return false;
            }
            let lo = reached;
            let hi = min_bound(up_to, b);
            let (share, scale) = match up_to {
                Some(up_to) => {
                    let scale =
                        Scale::spanning(&[after, up_to], after, self.fixed(), 0, Some(&self.seen));
                    let width = scale.value(up_to) - scale.value(after);
                    let hi = hi.unwrap_or(up_to);
                    let share = if width > 0.0 {
                        ((scale.value(hi) - scale.value(lo)) / width).clamp(0.0, 1.0)
                    } else {
                        1.0
                    };
                    (share, scale)
                }
                // The last range, to the end of the key space: its keys are spread past its
                // start as far as the keys seen reach.
                None => {
                    let scale = Scale::spanning(
                        &[after, lo],
                        lo,
                        self.fixed(),
                        SCALE_ROOM,
                        Some(&self.seen),
                    );
                    (1.0, scale)
                }
            };
            pieces.push(Piece {
                lo: lo.to_owned(),
                hi: hi.map(str::to_owned),
                kind: PieceKind::Dense {
                    keys: held * share,
                    scale,
                },
            });
            match hi {
                Some(hi) if b.is_none_or(|b| hi < b) => reached = hi,
                _ => {
                    out.append(&mut pieces);
                    return true;
                }
            }
        }
        false
    }
}

/// What a listed folder's children say of one another (whether they hold folders), worked out
/// once per walk of its children, when first asked: it is a pass over all of them.
struct Siblings<'a> {
    parent: &'a str,
    grandchildren: OnceCell<bool>,
}

impl<'a> Siblings<'a> {
    fn new(parent: &'a str) -> Self {
        Siblings {
            parent,
            grandchildren: OnceCell::new(),
        }
    }

    fn grandchildren(&self, model: &KeyModel) -> bool {
        *(self.grandchildren).get_or_init(|| model.seen_grandchildren(self.parent))
    }
}
