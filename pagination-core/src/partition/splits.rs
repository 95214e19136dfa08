//! [`SplitPoints`]: what a parallel listing learned of its key space, saved for the next
//! listing; and [`KeyRange`], one part of a key space listed alone.

use std::fmt;
use std::str::FromStr;

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use super::schedule::Measured;

/// A key range `(after, up_to]`: the keys after `after` (`None`: from the start of the listing)
/// up to and including `up_to` (`None`: to the end).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct KeyRange {
    /// The range lists the keys after this one.
    pub after: Option<String>,
    /// ... up to and including this one.
    pub up_to: Option<String>,
}

impl KeyRange {
    /// The keys in `(after, up_to]`.
    pub fn new(after: Option<String>, up_to: Option<String>) -> Self {
        KeyRange { after, up_to }
    }

    /// Whether the range holds no key: its `after` is not below its `up_to`, or it ends at the
    /// empty key. A listing of such a range lists nothing.
    pub fn is_empty(&self) -> bool {
        match (&self.after, &self.up_to) {
            (Some(after), Some(up_to)) => after >= up_to,
            (None, Some(up_to)) => up_to.is_empty(),
            (_, None) => false,
        }
    }

    /// Whether `key` falls in the range.
    pub fn contains(&self, key: &str) -> bool {
        self.after.as_deref().is_none_or(|after| key > after)
            && self.up_to.as_deref().is_none_or(|up_to| key <= up_to)
    }
}

/// One range a listing listed in full.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MeasuredRange {
    /// Its keys: `(after, up_to]`.
    pub range: KeyRange,
    /// How many items it held (its keys, or more where several items share a key).
    pub items: u64,
    /// How many pages it took.
    pub pages: u64,
}

/// What a parallel listing learned of its key space: the key ranges it listed in full, in key
/// order, with the items each held ([`PartitionedItems::split_points`]).
///
/// Give it to the next listing of the same key space
/// ([`PartitionedPaginator::split_points`]): that listing starts with its requests spread by
/// these sizes, from its first round trip, instead of finding where the keys lie. Split points
/// are hints: keys added or deleted since, another prefix, or a hand-edited file may cost
/// requests, never an item lost, repeated or out of order. [`partition`](SplitPoints::partition)
/// cuts the key space into parts of about equal size, to list one part per machine or task
/// ([`PartitionedPaginator::key_range`]).
///
/// Its string form ([`Display`](fmt::Display) / [`FromStr`]) is text, one range a line, to save
/// in a file:
///
/// ```text
/// pagination split points 1
/// <after>\t<up_to>\t<items>\t<pages>
/// ```
///
/// Keys are percent-encoded where they hold `%`, a tab, a line break or another control
/// character (UTF-8 otherwise as is); an empty field is an open end. A boundary is where the
/// listing cut, not necessarily a key (`part-0025` between `part-00249` and `part-00250`), and a
/// range of 0 items is one the listing found empty (one request that returned no key of its
/// own): both are knowledge the next listing uses.
///
/// For M workers, each lists `partition(M)[i]` with [`PartitionedPaginator::key_range`], and
/// gives the same split points ([`PartitionedPaginator::split_points`]) so that its part
/// starts balanced too.
///
/// ```
/// use pagination_core::{KeyRange, MeasuredRange, SplitPoints};
///
/// let points = SplitPoints::new(vec![
///     MeasuredRange { range: KeyRange::new(None, Some("m".into())), items: 900, pages: 9 },
///     MeasuredRange { range: KeyRange::new(Some("m".into()), None), items: 300, pages: 3 },
/// ]);
/// let saved = points.to_string();
/// assert_eq!(saved.parse::<SplitPoints>()?, points);
/// // Two parts of about 600 items each.
/// let parts = points.partition(2);
/// assert_eq!(parts.len(), 2);
/// assert_eq!(parts[0].after, None);
/// assert_eq!(parts[1].up_to, None);
/// # Ok::<(), pagination_core::SplitPointsError>(())
/// ```
///
/// [`PartitionedItems::split_points`]: crate::PartitionedItems::split_points
/// [`PartitionedPaginator::split_points`]: crate::PartitionedPaginator::split_points
/// [`PartitionedPaginator::key_range`]: crate::PartitionedPaginator::key_range
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SplitPoints {
    ranges: Vec<MeasuredRange>,
}

/// Why a saved [`SplitPoints`] could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SplitPointsError {
    /// The first line is not `pagination split points 1`.
    #[error("not a split-points file: the first line must be `{HEADER}`")]
    Header,
    /// A line is not four tab-separated fields.
    #[error("line {line}: {reason}")]
    Line {
        /// 1-based.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

const HEADER: &str = "pagination split points 1";

/// What a key field escapes: control characters (tab and line breaks among them) and `%`.
const ESCAPED: &AsciiSet = &CONTROLS.add(b'%');

impl SplitPoints {
    /// Split points from measured ranges, sorted by key. A range that holds no key is left out:
    /// one whose `after` is not below its `up_to`, or that ends at the empty key (keys are never
    /// empty); an `after` of the empty key is the start of the key space (`None`).
    pub fn new(ranges: Vec<MeasuredRange>) -> Self {
        let mut ranges: Vec<MeasuredRange> = ranges
            .into_iter()
            .map(|mut range| {
                if range.range.after.as_deref() == Some("") {
                    range.range.after = None;
                }
                range
            })
            .filter(|range| !range.range.is_empty())
            .collect();
        ranges.sort_by(|a, b| a.range.after.cmp(&b.range.after));
        SplitPoints { ranges }
    }

    pub(crate) fn from_measured(measured: &[Measured]) -> Self {
        SplitPoints::new(
            measured
                .iter()
                .map(|range| MeasuredRange {
                    range: KeyRange::new(range.after.clone(), range.up_to.clone()),
                    items: range.items,
                    pages: range.pages,
                })
                .collect(),
        )
    }

    /// The measured ranges, in key order.
    pub fn ranges(&self) -> &[MeasuredRange] {
        &self.ranges
    }

    /// Whether nothing was measured.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The key space cut into `parts` contiguous key ranges of about equal items, at measured
    /// boundaries: the first starts at the start of the listing, the last goes to its end, so
    /// that every key falls in exactly one of them whatever changed since. Fewer parts when
    /// fewer boundaries are known; at least one.
    pub fn partition(&self, parts: usize) -> Vec<KeyRange> {
        let parts = parts.max(1);
        // In u128: item counts read from a file may be any u64.
        let total: u128 = self
            .ranges
            .iter()
            .map(|range| u128::from(range.items))
            .sum();
        let mut out = Vec::with_capacity(parts.min(self.ranges.len() + 1));
        let mut after: Option<String> = None;
        let mut held = 0u128;
        for range in &self.ranges {
            held += u128::from(range.items);
            let wanted = (out.len() as u128 + 1) * total / parts as u128;
            let Some(bound) = &range.range.up_to else {
                continue;
            };
            if out.len() + 1 < parts
                && held >= wanted
                && after.as_deref().is_none_or(|after| bound.as_str() > after)
            {
                out.push(KeyRange::new(after.clone(), Some(bound.clone())));
                after = Some(bound.clone());
            }
        }
        out.push(KeyRange::new(after, None));
        out
    }

    /// `(after, up_to, items)` for the split policy.
    pub(crate) fn hints(&self) -> Vec<(String, Option<String>, f64)> {
        self.ranges
            .iter()
            .map(|range| {
                (
                    range.range.after.clone().unwrap_or_default(),
                    range.range.up_to.clone(),
                    range.items as f64,
                )
            })
            .collect()
    }
}

fn encode(key: Option<&str>) -> String {
    key.map_or_else(String::new, |key| {
        utf8_percent_encode(key, ESCAPED).to_string()
    })
}

fn decode(field: &str, line: usize) -> Result<Option<String>, SplitPointsError> {
    if field.is_empty() {
        return Ok(None);
    }
    percent_decode_str(field)
        .decode_utf8()
        .map(|key| Some(key.into_owned()))
        .map_err(|_| SplitPointsError::Line {
            line,
            reason: format!("`{field}` is not percent-encoded UTF-8"),
        })
}

impl fmt::Display for SplitPoints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{HEADER}")?;
        for range in &self.ranges {
            writeln!(
                f,
                "{}\t{}\t{}\t{}",
                encode(range.range.after.as_deref()),
                encode(range.range.up_to.as_deref()),
                range.items,
                range.pages
            )?;
        }
        Ok(())
    }
}

impl FromStr for SplitPoints {
    type Err = SplitPointsError;

    fn from_str(text: &str) -> Result<Self, SplitPointsError> {
        let mut lines = text.lines();
        if lines.next().map(str::trim_end) != Some(HEADER) {
            return Err(SplitPointsError::Header);
        }
        let mut ranges = Vec::new();
        for (index, text) in lines.enumerate() {
            let line = index + 2;
            if text.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = text.split('\t').collect();
            let [after, up_to, items, pages] = fields[..] else {
                return Err(SplitPointsError::Line {
                    line,
                    reason: format!("{} fields, not 4 separated by tabs", fields.len()),
                });
            };
            let number = |field: &str, name: &str| {
                field
                    .trim()
                    .parse::<u64>()
                    .map_err(|_| SplitPointsError::Line {
                        line,
                        reason: format!("{name} `{field}` is not a whole number"),
                    })
            };
            let range = KeyRange::new(decode(after, line)?, decode(up_to, line)?);
            if let (Some(after), Some(up_to)) = (&range.after, &range.up_to)
                && after >= up_to
            {
                return Err(SplitPointsError::Line {
                    line,
                    reason: "the range ends before it starts".to_owned(),
                });
            }
            ranges.push(MeasuredRange {
                range,
                items: number(items, "items")?,
                pages: number(pages, "pages")?,
            });
        }
        Ok(SplitPoints::new(ranges))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SplitPoints {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for SplitPoints {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(after: Option<&str>, up_to: Option<&str>, items: u64) -> MeasuredRange {
        MeasuredRange {
            range: KeyRange::new(after.map(Into::into), up_to.map(Into::into)),
            items,
            pages: items.div_ceil(100),
        }
    }

    #[test]
    fn any_key_survives_the_text_form() {
        let keys = [
            "plain",
            "tab\there",
            "line\nbreak\r\n",
            "100%",
            "caf\u{e9} \u{1f600}",
            " spaces ",
            "%41",
        ];
        let ranges: Vec<MeasuredRange> = keys
            .windows(2)
            .map(|pair| range(Some(pair[0].min(pair[1])), Some(pair[0].max(pair[1])), 7))
            .collect();
        let points = SplitPoints::new(ranges);
        let text = points.to_string();
        assert_eq!(text.lines().count(), keys.len());
        assert_eq!(text.parse::<SplitPoints>().unwrap(), points);
    }

    #[test]
    fn bad_files_say_where() {
        assert_eq!("".parse::<SplitPoints>(), Err(SplitPointsError::Header));
        let bad = format!("{HEADER}\n\ta\t1\t1\nb\tc\tmany\t1\n");
        match bad.parse::<SplitPoints>() {
            Err(SplitPointsError::Line { line: 3, reason }) => assert!(reason.contains("items")),
            other => panic!("{other:?}"),
        }
        let backwards = format!("{HEADER}\nz\ta\t1\t1\n");
        assert!(matches!(
            backwards.parse::<SplitPoints>(),
            Err(SplitPointsError::Line { line: 2, .. })
        ));
        let fields = format!("{HEADER}\na\tb\t1\n");
        assert!(matches!(
            fields.parse::<SplitPoints>(),
            Err(SplitPointsError::Line { line: 2, .. })
        ));
    }

    #[test]
    fn partitions_tile_the_key_space_by_size() {
        let points = SplitPoints::new(vec![
            range(None, Some("b"), 100),
            range(Some("b"), Some("c"), 100),
            range(Some("c"), Some("d"), 100),
            range(Some("d"), Some("e"), 100),
            range(Some("e"), None, 400),
        ]);
        let parts = points.partition(2);
        assert_eq!(
            parts,
            [
                KeyRange::new(None, Some("e".into())),
                KeyRange::new(Some("e".into()), None)
            ]
        );
        assert_eq!(points.partition(1), [KeyRange::default()]);
        assert_eq!(SplitPoints::default().partition(4), [KeyRange::default()]);
        let many = points.partition(50);
        assert_eq!(many.len(), 5);
        for pair in many.windows(2) {
            assert_eq!(pair[0].up_to, pair[1].after);
        }
    }

    #[test]
    fn any_number_of_parts_and_any_counts_are_safe() {
        let points = SplitPoints::new(vec![
            range(None, Some("b"), u64::MAX),
            range(Some("b"), Some("c"), u64::MAX),
            range(Some("c"), None, 1 << 62),
        ]);
        for parts in [0, 1, 2, 3, 4, 1 << 40, usize::MAX] {
            let ranges = points.partition(parts);
            assert!(
                !ranges.is_empty() && ranges.len() <= 3,
                "{parts}: {ranges:?}"
            );
            assert_eq!(ranges[0].after, None);
            assert_eq!(ranges[ranges.len() - 1].up_to, None);
        }
        assert_eq!(points.partition(2).len(), 2);
    }

    #[test]
    fn ranges_that_hold_no_key_are_left_out_and_the_text_form_round_trips() {
        let points = SplitPoints::new(vec![
            range(None, Some(""), 0),
            range(Some(""), Some("m"), 10),
            range(Some("z"), Some("a"), 10),
            range(Some("q"), Some("q"), 10),
            range(Some("m"), None, 10),
        ]);
        assert_eq!(
            points
                .ranges()
                .iter()
                .map(|range| range.range.clone())
                .collect::<Vec<_>>(),
            [
                KeyRange::new(None, Some("m".into())),
                KeyRange::new(Some("m".into()), None)
            ]
        );
        assert_eq!(points.to_string().parse::<SplitPoints>().unwrap(), points);
        assert!(KeyRange::new(Some("b".into()), Some("a".into())).is_empty());
        assert!(KeyRange::new(None, Some(String::new())).is_empty());
        assert!(!KeyRange::new(Some("a".into()), None).is_empty());
    }

    #[test]
    fn a_range_to_the_end_among_others_does_not_stop_the_parts() {
        let points = SplitPoints::new(vec![
            range(None, None, 50),
            range(None, Some("m"), 100),
            range(Some("m"), None, 100),
        ]);
        assert_eq!(points.partition(2).len(), 2);
    }
}
