//! Step 2 of the policy: the search of stretches where nothing tells how far the keys go (see
//! the [module docs](super)).

use super::super::estimate::{End, PLAUSIBLE, Piece, PieceKind};
use super::super::policy::View;
use super::{Balance, Rest, half_pages, keys_of, push};

/// How far a search reaches in one round, in multiples of the keys seen, at the least: a probe
/// further out finds keys with a probability under 1/17 ([`PLAUSIBLE`]), and costs its request
/// all the same. With more requests than that, a search reaches `N` times: its doubling steps then
/// cost about `log2(N)` requests more, which the budget's `N` requests cover.
const REACH: f64 = PLAUSIBLE;

/// The least growth of the gaps of a search of the key space's end that has more requests than
/// its doubling steps take. Each step spent past the end of the keys lists nothing; the finer
/// the steps, the more of them fall there when the key space turns out small, for pieces only
/// a little smaller when it turns out large. Checked over the corpus (`tests/simulate`): 1.1
/// against doubling takes the round trips at 64 from 171.5 to 164.6 for 0.3 % more requests;
/// 1.02 saves 0.5 more round trips for 0.5 % more requests at 64 and 5 % more at 256; 1.25 is
/// slower than 1.1 at every N.
const MIN_GROWTH: f64 = 1.1;

impl Balance {
    /// Searches the unknown stretches, each with an equal share of the free requests.
    pub(super) fn search_all(
        &self,
        rests: &mut [Rest],
        view: &View<'_>,
        page: f64,
        free: &mut usize,
    ) {
        let searches: Vec<(usize, usize)> = (rests.iter().enumerate())
            .flat_map(|(at, rest)| {
                (rest.pieces.iter().enumerate())
                    .filter(|(_, piece)| Self::searchable(piece, view))
                    .map(move |(index, _)| (at, index))
            })
            .collect();
        if searches.is_empty() || *free == 0 {
            return;
        }
        let share = (*free / searches.len()).max(1);
        for (at, index) in searches {
            let rest = &mut rests[at];
            let piece = &rest.pieces[index];
            let PieceKind::Unknown { seen, end, .. } = piece.kind else {
                continue;
            };
            // Up to a range boundary, the next range tells soon: one step a round. The end of the
            // key space is one search, as long as the listing: it may reach `N` times the keys
            // seen (its steps cost about `log2(N)` requests, which the budget's `N` covers); the
            // rest of a folder, one of many, reaches `REACH` times.
            let (share, times) = match end {
                End::Range => (1, REACH),
                End::Folder => (share, REACH),
                End::KeySpace => (share, REACH.max(view.requests as f64)),
            };
            // As many keys again as seen, most likely; up to `REACH` times that this round, in
            // steps that double from a unit that takes the share there.
            let expected = seen.max(rest.listed).max(page);
            let before: f64 = (rest.pieces[..index].iter())
                .filter_map(|piece| keys_of(piece, page))
                .sum();
            let reach = (times * expected).min(rest.room - before).max(page);
            let steps = f64::from(1u32 << share.min(30)) - 1.0;
            let unit = (reach / steps).clamp(page, expected);
            let mut allowed = share.min(*free);
            let ratio = match end {
                End::KeySpace => growth(unit, reach, allowed),
                _ => 2.0,
            };
            let before = allowed;
            let mut cuts = std::mem::take(&mut rest.cuts);
            if index > 0 {
                push(piece.lo.clone(), &mut cuts, &mut allowed);
            }
            self.search(piece, (unit, ratio), reach, page, &mut allowed, &mut cuts);
            rest.cuts = cuts;
            *free -= before - allowed;
        }
    }

    /// Whether a piece is a stretch to search: flat keys past the last one seen (folders are
    /// listed instead), and no folder listing covering it on its way.
    fn searchable(piece: &Piece, view: &View<'_>) -> bool {
        let PieceKind::Unknown {
            subfolders,
            reference: Some(_),
            ..
        } = &piece.kind
        else {
            return false;
        };
        let pending = view.folders_pending.iter().any(|prefix| {
            piece.lo.starts_with(prefix.as_str())
                || (prefix.as_str() > piece.lo.as_str()
                    && piece.hi.as_deref().is_none_or(|hi| prefix.as_str() < hi))
        });
        !(view.folders && (*subfolders || pending))
    }

    /// Search cuts past the start of an unknown stretch, `unit` keys for the first gap and each
    /// `ratio` times the one before, no further than `reach` keys past it.
    fn search(
        &self,
        piece: &Piece,
        (unit, ratio): (f64, f64),
        reach: f64,
        page: f64,
        free: &mut usize,
        cuts: &mut Vec<String>,
    ) {
        let PieceKind::Unknown {
            reference: Some(reference),
            ..
        } = &piece.kind
        else {
            return;
        };
        let mut distance = 0.0;
        let mut gap = unit;
        let mut last = piece.lo.clone();
        while *free > 0 && distance < reach {
            distance += half_pages(gap, page);
            gap *= ratio;
            let stepped = self
                .model
                .step(&piece.lo, piece.hi.as_deref(), reference, distance);
            let Some(key) = stepped else {
                // Past the stretch's upper end: half-way to it, and no further.
                if let Some(hi) = &piece.hi
                    && let Some(key) = self.model.middle(&last, hi)
                {
                    push(key, cuts, free);
                }
                break;
            };
            last = key.clone();
            push(key, cuts, free);
        }
    }
}

/// The growth of a search's gaps that takes `steps` of them from `unit` up to `reach` keys:
/// twice the gap before at most (the doubling search, when the steps are few), and no less than
/// [`MIN_GROWTH`].
fn growth(unit: f64, reach: f64, steps: usize) -> f64 {
    let steps = steps.min(1_000) as i32;
    let covered = |ratio: f64| unit * (ratio.powi(steps) - 1.0) / (ratio - 1.0);
    let (mut lo, mut hi) = (MIN_GROWTH, 2.0);
    if covered(hi) <= reach {
        return hi;
    }
    if covered(lo) >= reach {
        return lo;
    }
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        if covered(mid) < reach {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys `steps` gaps growing by `ratio` from `unit` reach.
    fn reached(unit: f64, ratio: f64, steps: i32) -> f64 {
        (0..steps).map(|step| unit * ratio.powi(step)).sum()
    }

    #[test]
    fn a_search_with_requests_to_spare_steps_finer_than_doubling() {
        // 10 requests to reach 64 pages: doubling would take six of them, and leave four idle.
        let ratio = growth(100.0, 6_400.0, 10);
        assert!(ratio > MIN_GROWTH && ratio < 2.0, "{ratio}");
        let reach = reached(100.0, ratio, 10);
        assert!((6_300.0..=6_500.0).contains(&reach), "{reach}");
        // Few requests: doubling, which reaches no further than the share allows.
        assert_eq!(growth(100.0, 1_600.0, 3), 2.0);
        // Many: the least growth, and the steps that reach as far (about 21 of the 63).
        assert_eq!(growth(100.0, 6_400.0, 63), MIN_GROWTH);
        assert!(reached(100.0, MIN_GROWTH, 21) >= 6_400.0);
        assert!(reached(100.0, MIN_GROWTH, 20) < 6_400.0);
    }
}
