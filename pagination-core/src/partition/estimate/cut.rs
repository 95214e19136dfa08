//! Where to cut: keys inside the pieces of a rest, search steps past the keys seen, and the
//! folders a folder listing should give the children of.

use super::super::scale::Scale;
use super::{FOLDER_DELIMITER, KeyModel, Piece, PieceKind, SCALE_ROOM, at_or_below, rank_at};

impl KeyModel {
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
        let (scale, per_key) = self.density_scale(reference)?;
        let target = scale.value(from) + per_key * keys;
        if target >= 1.0 {
            return None;
        }
        let slack = (target - scale.value(from)) / 20.0;
        scale
            .key_at(from, hi, target, slack)
            .filter(|key| key.as_str() > from && hi.is_none_or(|hi| key.as_str() < hi))
    }

    /// The keys between `from` and `hi` at the density of `reference`: `None` when the scale
    /// cannot tell.
    pub(crate) fn keys_between(
        &self,
        from: &str,
        hi: &str,
        reference: &(String, String, f64),
    ) -> Option<f64> {
        let (scale, per_key) = self.density_scale(reference)?;
        let distance = scale.value(hi) - scale.value(from);
        (distance >= 0.0).then(|| distance / per_key)
    }

    /// The scale a density `(first key, last key, keys between)` is read on, and the distance
    /// on it of one key; `None` when the keys span no distance.
    fn density_scale(&self, (first, last, count): &(String, String, f64)) -> Option<(Scale, f64)> {
        let scale = Scale::spanning(
            &[first, last],
            last,
            self.fixed(),
            SCALE_ROOM,
            Some(&self.seen),
        );
        let width = scale.value(last) - scale.value(first);
        (width > 0.0 && *count > 0.0).then(|| (scale, width / count))
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
