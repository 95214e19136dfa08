//! The default split policy: balance the unlisted keys across the requests, by the model of
//! what the listing has seen ([`KeyModel`]).
//!
//! A listing is done when its longest chain of pages is done, one round trip a page. So the
//! policy spends each free request where it shortens the longest chain, from estimates of how
//! many keys each range's unlisted rest holds:
//!
//! 1. **Structure first.** Where the operation can list folders, the listing's prefix is listed
//!    at once; a folder with one child and nothing else is passed through; and where keys seen
//!    hold folders whose extent is unknown, or only estimated (by siblings or cousins) at two
//!    pages or more, the folders above the page's own folder are listed (their children are
//!    exact boundaries, their sizes estimated by the siblings listed in full). While such a listing is on its way, the keys it covers wait for it, so the next
//!    page of a listing in part takes a free request before anything else. Requests left idle
//!    once the ranges are cut list the next level ahead of need: the children of the folders
//!    of unknown size seen to hold folders, when the whole level fits in them. A flat
//!    folder whose keys are named in parts (`first.last-n`) is listed rolled up at the parts'
//!    delimiter, before anything else: its parts are folders of their own, and their boundaries
//!    end the clusters that a search (step 2) would probe past one at a time
//!    ([`KeyModel::part_delimiter`] says when the keys show it).
//! 2. **Search where nothing is known.** Flat keys past the last one seen, where nothing tells
//!    how far they go, are searched: cuts at 1, 3, 7, ... units past them, each gap twice the one
//!    before, so that the end of the keys is found in a logarithm of its distance. The unit is
//!    the stretch's expected size spread over the steps (the keys seen so far, for the end of
//!    the key space; what its folder or range listed, for the rest of a folder: either is as
//!    likely to end soon as to go on as long). The end of the key space is one search, and takes
//!    an equal share of the free requests: where the share holds more steps than doubling needs
//!    to reach as far, the gaps grow by less (by a tenth at the least, which takes about 21 steps
//!    to 64 times the first), so that the pieces it finds are smaller. The rest of a folder is
//!    one of many, each soon settled by its siblings' sizes: it takes an equal share too, but
//!    doubles, and reaches no further than 16 times what it showed; up to a range boundary, the
//!    next range tells soon, and a search takes one step a round.
//! 3. **Equal pieces.** The rest go, one at a time, to the range whose pieces would be largest:
//!    a range cut `c` times holds pieces of `keys / (c + 1)`, and the largest piece is the
//!    longest chain. No piece is made smaller than a page. A range is cut into its equal pieces at
//!    listed keys, on the scale of a dense gap, or at folder boundaries; a part that no cut can
//!    make yet (a folder holding folders is cut at its ends, or by its children) leaves its
//!    request to the listing of those children, and one that no listing will make either (a
//!    flat folder no page has listed into) goes to the range next largest.
//!
//! In key order the consumer takes the pages of the front first, and ranges ahead wait in a
//! buffer of `N × buffer_pages` pages: only the ranges within that many pages of the front are
//! cut, so that the buffer holds the pages needed next, and the folders of the front are listed
//! before any cut further on: once the buffer is full, the consumer waits on the front alone.
//! While it waits, the front is cut first, one piece at a time, even with no request free,
//! while its pieces are longer than an equal share of the keys left: the longest chain is then
//! the one the consumer waits on, and the new range takes the next request that comes back,
//! before the ranges ahead (requests go out in key order).

use std::collections::{HashMap, HashSet};

use super::KeySpace;
use super::estimate::{FOLDER_DELIMITER, KeyModel, Piece, PieceKind, parent_of};
use super::policy::{FolderFacts, PageFacts, Proposal, RangeId, SplitPolicy, View};

mod pieces;
mod search;
#[cfg(test)]
mod tests;

/// The default policy; see the module docs.
#[derive(Debug)]
pub struct Balance {
    model: KeyModel,
    prefix: String,
    /// Folder listings proposed: the folder and the delimiter.
    asked: HashSet<(String, String)>,
    /// Folders whose keys were looked at for parts, and the keys listed then.
    parts_checked: HashMap<String, f64>,
}

/// A range's unlisted rest, as the policy weighs it.
struct Rest {
    id: RangeId,
    /// The first key of its last page.
    span: Option<String>,
    pieces: Vec<Piece>,
    /// Keys estimated in its estimated pieces.
    known: f64,
    /// Keys its range listed so far (at least a page).
    listed: f64,
    /// Items its range holds, not yet taken.
    held: f64,
    /// Cuts given to it.
    parts: usize,
    /// Keys from its start to the end of the window worth listing (in key order, what the
    /// buffer holds; with `max_items`, the items left).
    room: f64,
    cuts: Vec<String>,
}

impl Rest {
    /// The size of each of its equal pieces, with one cut more.
    fn next_piece(&self) -> f64 {
        self.known / (self.parts + 1) as f64
    }
}

impl Balance {
    /// The policy for a listing of `space`.
    pub fn new(space: &KeySpace) -> Self {
        Balance {
            model: KeyModel::new(&space.prefix),
            prefix: space.prefix.clone(),
            asked: HashSet::new(),
            parts_checked: HashMap::new(),
        }
    }

    /// Starts from ranges a previous listing measured: `(after, up_to, keys)`, ascending.
    pub fn with_hints(mut self, ranges: Vec<(String, Option<String>, f64)>) -> Self {
        self.model.hint(ranges);
        self
    }

    fn ask(&mut self, prefix: &str, out: &mut Vec<Proposal>, free: &mut usize) {
        self.ask_at(prefix, FOLDER_DELIMITER, out, free);
    }

    fn ask_at(&mut self, prefix: &str, delimiter: &str, out: &mut Vec<Proposal>, free: &mut usize) {
        if *free > 0 && self.asked.insert((prefix.to_owned(), delimiter.to_owned())) {
            out.push(Proposal::ListFolders {
                prefix: prefix.to_owned(),
                delimiter: delimiter.to_owned(),
            });
            *free -= 1;
        }
    }

    /// Structure: listings that go on, folders passed through, and the folders above keys that
    /// hold folders, where their extent is unknown or only estimated.
    fn structure(&mut self, rests: &[Rest], page: f64, out: &mut Vec<Proposal>, free: &mut usize) {
        // A folder that holds a page's keys is the page's own: its children are too small.
        let own: Vec<&str> = (rests.iter())
            .filter_map(|rest| rest.span.as_deref())
            .collect();
        let asked: Vec<String> = (self.asked.iter())
            .filter(|(_, delimiter)| delimiter == FOLDER_DELIMITER)
            .map(|(prefix, _)| prefix.clone())
            .collect();
        for prefix in asked {
            // Not a child whose own children are known already (listed at its parts'
            // delimiter): a listing at `/` would give nothing new.
            if let Some(child) = self.model.single_child(&prefix).map(str::to_owned)
                && !own.iter().any(|span| span.starts_with(&child))
                && !self.model.has_children(&child)
            {
                self.ask(&child, out, free);
            }
        }
        for rest in rests {
            for piece in &rest.pieces {
                let span = match &piece.kind {
                    // Keys that hold folders of their own, with nothing to tell how far they go.
                    PieceKind::Unknown {
                        subfolders: true,
                        reference,
                        ..
                    } => (reference.as_ref().map(|(first, _, _)| first.as_str()))
                        .or(rest.span.as_deref()),
                    // The rest of a folder listed in part, sized by its siblings or cousins: when
                    // it holds folders and two pieces' worth of keys (a page each), its children
                    // are what can cut it.
                    PieceKind::Folder {
                        subfolders: true,
                        folder,
                        keys,
                    } if piece.lo.starts_with(folder.as_str()) && *keys >= 2.0 * page => {
                        rest.span.as_deref()
                    }
                    _ => continue,
                };
                let Some(span) = span else {
                    continue;
                };
                for folder in self.model.folders_to_list(&piece.lo, span) {
                    self.ask(&folder, out, free);
                }
            }
        }
    }

    /// Flat folders whose keys are named in parts (the folders listed flat, and the folders the
    /// ranges' pages lie in): their parts' boundaries, at the delimiter the keys show
    /// ([`KeyModel::part_delimiter`]). First of all: one request gives every cluster's bounds.
    fn parts(&mut self, view: &View<'_>, out: &mut Vec<Proposal>, free: &mut usize) {
        let mut flat = self.model.flat_levels();
        flat.extend(
            (view.ranges.iter())
                .filter_map(|range| range.span)
                .map(|span| parent_of(span).to_owned())
                .filter(|folder| folder.starts_with(&self.prefix)),
        );
        flat.sort();
        flat.dedup();
        // A folder whose children are known already has its boundaries.
        flat.retain(|folder| !self.model.has_children(folder));
        let total = self.model.listed_keys_total();
        for folder in flat {
            if *free == 0 {
                break;
            }
            // Looked at again only once a page more was listed.
            let checked = self.parts_checked.get(&folder).copied();
            if checked.is_some_and(|at| total < at + view.page_keys as f64) {
                continue;
            }
            self.parts_checked.insert(folder.clone(), total);
            if let Some(delimiter) = self.model.part_delimiter(&folder) {
                self.ask_at(&folder, &delimiter.to_string(), out, free);
            }
        }
    }

    /// Requests left idle find structure ahead of need: the children of every folder of unknown
    /// size (none of its siblings listed in full) whose keys, or its siblings', were seen to lie
    /// in folders of their own, when they all fit in the idle requests, one request each. A folder's first page tells whether it is large a round trip later; its
    /// children, listed now, are ready by then to cut it. A level of more folders than idle
    /// requests is left to the pages, so that the cost stays within `N` requests a level.
    fn discover(&mut self, rests: &[Rest], out: &mut Vec<Proposal>, free: &mut usize) {
        let unknown: Vec<String> = (rests.iter())
            .flat_map(|rest| rest.pieces.iter())
            .filter_map(|piece| match &piece.kind {
                PieceKind::UnknownFolder {
                    folder,
                    subfolders: true,
                } if !self
                    .asked
                    .contains(&(folder.clone(), FOLDER_DELIMITER.to_owned())) =>
                {
                    Some(folder.clone())
                }
                _ => None,
            })
            .collect();
        if unknown.is_empty() || unknown.len() > *free {
            return;
        }
        for folder in unknown {
            self.ask(&folder, out, free);
        }
    }

    /// In key order, while the consumer waits on the front, the front is cut first, even with no
    /// request free, while its pieces are the longest chains (longer than an equal share of all
    /// the keys left): the new range takes the next request that comes back, before the ranges
    /// ahead (requests go out in key order). One such cut at a time, while no range is yet to
    /// list its first page: the policy is asked again at every page.
    fn front_first(view: &View<'_>, rests: &mut [Rest], page: f64) {
        let share = rests.iter().map(|rest| rest.known).sum::<f64>() / view.requests as f64;
        if let Some(front) = view.ranges.iter().find(|range| range.listing)
            && front.held == 0
            && let Some(rest) = rests.first_mut().filter(|rest| rest.id == front.id)
            && view.budget >= 1.0
            && !(view.ranges.iter()).any(|range| range.listing && range.pages == 0)
            && rest.next_piece() >= page
            && rest.known / rest.parts as f64 > share
        {
            rest.parts += 1;
        }
    }
}

/// The keys a piece is estimated to hold: a folder none of whose siblings was listed in full
/// counts a page (each such folder alike, so that they are grouped by their number until their
/// siblings' sizes are known); an unknown stretch, none.
fn keys_of(piece: &Piece, page: f64) -> Option<f64> {
    match piece.kind {
        PieceKind::UnknownFolder { .. } => Some(page),
        ref kind => kind.keys(),
    }
}

/// `keys` rounded to a whole number of pages and a half: a range that ends half-way through its
/// last page is cut by its upper end, where one whose keys fill their pages exactly asks once
/// more to find that no key of its own follows (S3 takes no end key).
fn half_pages(keys: f64, page: f64) -> f64 {
    ((keys / page - 0.5).round().max(0.0) + 0.5) * page
}

/// Adds `key` to `cuts` if it comes after the last one and a request is free for it.
fn push(key: String, cuts: &mut Vec<String>, free: &mut usize) {
    if *free > 0 && cuts.last().is_none_or(|last| key > *last) {
        cuts.push(key);
        *free -= 1;
    }
}

impl SplitPolicy for Balance {
    fn page(&mut self, page: &PageFacts<'_>) {
        match page.start {
            Some(start) => self.model.page(start, page.keys, page.ended),
            None => {
                if let Some((first, rest)) = page.keys.split_first() {
                    self.model.page(first, rest, page.ended);
                }
            }
        }
    }

    fn folders(&mut self, folders: &FolderFacts<'_>) {
        self.model.folders(
            folders.prefix,
            folders.delimiter,
            folders.start,
            folders.entries,
            folders.complete,
        );
    }

    fn propose(&mut self, view: &View<'_>, out: &mut Vec<Proposal>) {
        let mut free = view.free.min(view.budget.max(0.0) as usize);
        let page = view.page_keys as f64;
        if view.folders {
            // The listing's prefix first: nothing else can be known before it. Then the next
            // pages of the folder listings in part: the keys they cover wait for them.
            let root = self.prefix.clone();
            self.ask(&root, out, &mut free);
            for (prefix, delimiter) in self.model.unfinished_levels() {
                if free > 0 {
                    out.push(Proposal::ListFolders { prefix, delimiter });
                    free -= 1;
                }
            }
        }
        // Before the first page the page size, the unit of every estimate, is not known.
        if view.page_keys == 0 {
            return;
        }
        if view.folders {
            self.parts(view, out, &mut free);
        }
        let mut rests: Vec<Rest> = (view.ranges.iter())
            .filter(|range| range.listing)
            .map(|range| {
                let from = range.last_key.or(range.after).unwrap_or("");
                let pieces = self.model.pieces(from, range.up_to);
                let known = pieces.iter().filter_map(|piece| keys_of(piece, page)).sum();
                Rest {
                    id: range.id,
                    span: range.span.map(str::to_owned),
                    pieces,
                    known,
                    listed: (range.pages as f64 * page).max(page),
                    held: range.held as f64,
                    parts: 1,
                    room: f64::INFINITY,
                    cuts: Vec::new(),
                }
            })
            .collect();
        // In key order, the front first, within what the buffer holds; with `max_items`, within
        // the items left (in any order: no more are taken).
        let mut window = f64::INFINITY;
        if view.ordered {
            window = (view.requests * view.buffer_pages.max(1)) as f64 * page;
        }
        if let Some(left) = view.items_left {
            window = window.min(left as f64);
        }
        // What lies ahead counts unknown stretches at their expected size: as many keys as
        // their range listed, or, for the end of the key space, as the listing saw.
        let mut ahead = 0.0;
        rests.retain_mut(|rest| {
            ahead += rest.held;
            let keep = ahead < window;
            rest.room = window - ahead;
            let unknown: f64 = (rest.pieces.iter())
                .filter(|piece| keys_of(piece, page).is_none())
                .map(|piece| match piece.kind {
                    PieceKind::Unknown { seen: context, .. } => context.max(rest.listed),
                    _ => rest.listed,
                })
                .sum();
            ahead += rest.known + unknown.max(if rest.known > 0.0 { 0.0 } else { rest.listed });
            keep
        });

        // In key order the consumer waits on the front: its folders are listed first, before
        // any cut further on takes the requests the budget allows.
        if view.ordered && view.folders {
            self.structure(&rests[..rests.len().min(1)], page, out, &mut free);
        }
        self.search_all(&mut rests, view, page, &mut free);
        if view.ordered {
            Self::front_first(view, &mut rests, page);
        }
        // Equal pieces: each free request to the range whose pieces are largest; a part that no
        // cut made gives its request back, for the folder listings that will.
        let (_, wanted) = self.equal_pieces(&mut rests, page, &mut free);
        for rest in &mut rests {
            if !rest.cuts.is_empty() {
                out.push(Proposal::Split {
                    range: rest.id,
                    at: std::mem::take(&mut rest.cuts),
                });
            }
        }
        if view.folders {
            // What is left finds structure: folders too large for one piece, folders listed in
            // part, folders passed through, and the folders above unknown keys.
            for folder in wanted {
                self.ask(&folder, out, &mut free);
            }
            self.structure(&rests, page, out, &mut free);
            self.discover(&rests, out, &mut free);
        }
    }
}
