//! The record of what was listed: intervals inserted as pages arrive, joined where they meet,
//! and their keys counted in the listed folders they fall in.

use std::collections::BTreeMap;

use super::{KeyModel, Listed, MARKS_PER_PAGE, below_hi};

impl KeyModel {
    /// Records `(lo, hi]` as listed with `keys`: the parts not listed already are counted.
    pub(super) fn insert(&mut self, lo: &str, hi: Option<String>, keys: &[&str]) {
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
            let step = (inside.len() / MARKS_PER_PAGE).max(1);
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
            while let Some(level) = self.levels.get(folder) {
                let Some(end) = key[at..].find(level.delimiter.as_str()) else {
                    break;
                };
                at += end + level.delimiter.len();
                folder = &key[..at];
                last.push(folder.to_owned());
            }
            for child in &last {
                *self.counts.entry(child.clone()).or_default() += 1;
            }
        }
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
