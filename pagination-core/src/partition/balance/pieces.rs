//! Step 3 of the policy: equal pieces (see the [module docs](super)).

use super::super::estimate::PieceKind;
use super::{Balance, Rest, half_pages, keys_of};

impl Balance {
    /// Gives each free request to the range whose pieces would be largest, and cuts each range
    /// into its equal pieces (into `rest.cuts`). A part that no cut makes (a flat folder not yet
    /// listed into is cut only at its ends) goes to the next largest instead; except where a
    /// folder holding folders is too large for one part: that request is left for the folder
    /// listing whose children will cut it. Returns the cuts made and those folders, and leaves
    /// in `free` the requests no cut took: they go to the folder listings.
    pub(super) fn equal_pieces(
        &self,
        rests: &mut [Rest],
        page: f64,
        free: &mut usize,
    ) -> (usize, Vec<String>) {
        let given = *free;
        // Each rest's cuts and folders, worked out again only when its parts change.
        let mut cuts: Vec<Option<(Vec<String>, Vec<String>)>> = vec![None; rests.len()];
        let mut capped = vec![false; rests.len()];
        loop {
            while *free > 0 {
                let Some((at, rest)) = (rests.iter_mut().enumerate())
                    .filter(|(at, rest)| !capped[*at] && rest.next_piece() >= page)
                    .max_by(|(_, a), (_, b)| a.next_piece().total_cmp(&b.next_piece()))
                else {
                    break;
                };
                rest.parts += 1;
                cuts[at] = None;
                *free -= 1;
            }
            let mut given_back = false;
            for (at, rest) in rests.iter_mut().enumerate() {
                if cuts[at].is_some() {
                    continue;
                }
                let (made, folders) = self.equal_cuts(rest, page);
                if made.len() + 1 < rest.parts && folders.is_empty() {
                    *free += rest.parts - 1 - made.len();
                    rest.parts = made.len() + 1;
                    capped[at] = true;
                    given_back = true;
                }
                cuts[at] = Some((made, folders));
            }
            if !given_back || *free == 0 {
                break;
            }
        }
        let mut wanted = Vec::new();
        let mut made = 0;
        for (rest, cut) in rests.iter_mut().zip(cuts) {
            let (mut cuts, mut folders) = cut.unwrap_or_default();
            made += cuts.len();
            wanted.append(&mut folders);
            rest.cuts.append(&mut cuts);
            rest.cuts.sort();
            rest.cuts.dedup();
        }
        *free = given.saturating_sub(made);
        (made, wanted)
    }

    /// The keys that cut a rest's estimated pieces into `parts` equal parts, and the start of
    /// each estimated run that follows an unknown stretch; and the folders too large for one
    /// part whose children would cut them.
    fn equal_cuts(&self, rest: &Rest, page: f64) -> (Vec<String>, Vec<String>) {
        let mut cuts = Vec::new();
        let mut folders = Vec::new();
        let each = rest.known / rest.parts as f64;
        let mut left = rest.parts - 1;
        let mut next = each;
        let mut before = 0.0;
        // Where the last cut fell, in keys from the start of the rest.
        let mut last_cut = 0.0;
        let mut after_unknown = false;
        // The last piece that may hold keys: a cut at the upper end of a piece with none past it
        // would make a range of no keys.
        let last_holding = (rest.pieces.iter())
            .rposition(|piece| keys_of(piece, page).is_none_or(|keys| keys > 0.0));
        for (i, piece) in rest.pieces.iter().enumerate() {
            let hi = piece
                .hi
                .clone()
                .filter(|_| last_holding.is_some_and(|last| last > i));
            let Some(held) = keys_of(piece, page) else {
                after_unknown = true;
                continue;
            };
            if after_unknown && held > 0.0 {
                cuts.push(piece.lo.clone());
                last_cut = before;
                after_unknown = false;
            }
            if let PieceKind::Folder {
                folder,
                subfolders: true,
                ..
            } = &piece.kind
                && rest.parts > 1
                && held > 1.5 * each
            {
                folders.push(folder.clone());
            }
            while left > 0 && next < before + held && next < rest.known - each / 2.0 {
                let snap = each / 10.0;
                let cut = match piece.kind {
                    _ if next - before < snap => Some((piece.lo.clone(), before)),
                    _ if before + held - next < snap => hi.clone().map(|hi| (hi, before + held)),
                    // A folder is cut at its nearer end.
                    PieceKind::Folder { .. } | PieceKind::UnknownFolder { .. }
                        if next - before < held / 2.0 =>
                    {
                        Some((piece.lo.clone(), before))
                    }
                    PieceKind::Folder { .. } | PieceKind::UnknownFolder { .. } => {
                        hi.clone().map(|hi| (hi, before + held))
                    }
                    // Inside keys: the range ends half-way through its last page.
                    _ => {
                        let at = (last_cut + half_pages(next - last_cut, page)).max(before);
                        self.model.cut(piece, at - before).map(|key| (key, at))
                    }
                };
                // A cut where the last one fell (a folder's end, then the next folder's start,
                // with no key between) would make a range of no keys: it costs a request.
                if let Some((key, at)) = cut
                    && cuts.last().is_none_or(|last| key > *last && at > last_cut)
                {
                    cuts.push(key);
                    last_cut = at;
                    left -= 1;
                }
                next += each;
            }
            before += held;
        }
        (cuts, folders)
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::KeySpace;
    use super::super::super::policy::RangeId;
    use super::*;

    fn rest(balance: &Balance, id: u64, after: &str, up_to: &str) -> Rest {
        let pieces = balance.model.pieces(after, Some(up_to));
        let known = pieces
            .iter()
            .filter_map(|piece| keys_of(piece, 100.0))
            .sum();
        Rest {
            id: RangeId(id),
            span: None,
            pieces,
            known,
            listed: 100.0,
            held: 0.0,
            parts: 1,
            room: f64::INFINITY,
            cuts: Vec::new(),
        }
    }

    #[test]
    fn a_request_no_cut_can_use_goes_to_the_next_largest_range() {
        let mut balance = Balance::new(&KeySpace::new("", None));
        let dirs = ["dir-000/", "dir-001/", "dir-002/", "dir-003/"];
        balance.model.folders("", "/", "", &dirs, true);
        // dir-000 listed in full (1,000 keys), and the first 100 keys of dir-001.
        let keys: Vec<String> = (0..1_000)
            .map(|n| format!("dir-000/obj-{n:05}"))
            .chain((0..100).map(|n| format!("dir-001/obj-{n:05}")))
            .collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        balance.model.page("", &keys, false);
        // A range of about 300 keys of dir-001, and one of all of dir-002, sized by its sibling
        // (1,000) but cut only at its ends until a page of it is listed.
        let mut rests = vec![
            rest(&balance, 1, "dir-001/obj-00099", "dir-001/obj-00400"),
            rest(&balance, 2, "dir-002", "dir-003"),
        ];
        assert!(
            matches!(
                rests[1].pieces[0].kind,
                PieceKind::Folder {
                    subfolders: false,
                    ..
                }
            ),
            "{:?}",
            rests[1].pieces
        );
        assert!(rests[1].known > rests[0].known);
        // The one free request goes to the larger, which cannot use it, then to the other.
        let mut free = 1;
        let (made, wanted) = balance.equal_pieces(&mut rests, 100.0, &mut free);
        assert_eq!((made, wanted.len(), free), (1, 0, 0));
        assert!(rests[1].cuts.is_empty());
        let [cut] = rests[0].cuts.as_slice() else {
            panic!("{:?}", rests[0].cuts);
        };
        assert!(
            cut.as_str() > "dir-001/obj-001" && cut.as_str() < "dir-001/obj-004",
            "{cut}"
        );
    }
}
