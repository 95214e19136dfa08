//! A request's parameters as a declaration hands them over (its fields other than tokens and
//! those marked `#[paginate(skip)]`), each a name and a hash of its value that is the same in
//! every process.

use std::fmt::{self, Write as _};
use std::hash::Hasher as _;

use xxhash_rust::xxh3::Xxh3;

/// The name of a parameter that has none to show (an SDK operation's whole input).
pub const UNNAMED: &str = "";

/// The parameters of one request, as [`PaginatedOperation::parameters_of`](crate::PaginatedOperation::parameters_of) hands them over.
#[derive(Debug, Default)]
pub struct Parameters {
    pub(crate) entries: Vec<Parameter>,
}

#[derive(Debug)]
pub(crate) struct Parameter {
    pub(crate) name: &'static str,
    pub(crate) hash: u64,
    pub(crate) page_size: bool,
}

impl Parameters {
    /// A named parameter and the hash of its value ([`debug_hash`]).
    pub fn add(&mut self, name: &'static str, hash: u64) {
        self.entries.push(Parameter {
            name,
            hash,
            page_size: false,
        });
    }

    /// The page-size parameter. `resume_from` leaves it out of its check (the cursor's own page
    /// size is compared there), and the listing checks it as it starts.
    pub fn add_page_size(&mut self, name: &'static str, hash: u64) {
        self.entries.push(Parameter {
            name,
            hash,
            page_size: true,
        });
    }

    /// A parameter hashed through its [`Debug`](fmt::Debug) output.
    pub fn add_debug(&mut self, name: &'static str, value: &dyn fmt::Debug) {
        self.add(name, debug_hash(value));
    }
}

/// A hash of `value`'s `Debug` output, streamed into the hasher.
pub(crate) fn raw_debug_hash(value: &dyn fmt::Debug) -> u64 {
    struct HashWriter(Xxh3);
    impl fmt::Write for HashWriter {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            self.0.write(text.as_bytes());
            Ok(())
        }
    }
    let mut writer = HashWriter(Xxh3::new());
    // Writing into a hasher cannot fail; a Debug impl that fails only shortens the input.
    let _ = write!(writer, "{value:?}");
    writer.0.digest()
}

/// A hash of `value`'s `Debug` output in which every hash map and set, at any depth, counts by
/// its contents: their entries (`{a: 1, b: 2}`, `{x, y}`) are put in one order first. The same
/// parameters then fingerprint the same in every process, whatever order the hasher of each gave
/// them.
pub fn debug_hash(value: &dyn fmt::Debug) -> u64 {
    let text = format!("{value:?}");
    if !text.contains('{') {
        return xxhash_rust::xxh3::xxh3_64(text.as_bytes());
    }
    xxhash_rust::xxh3::xxh3_64(canonical_debug(&text).as_bytes())
}

/// `Debug` text with the entries of each unordered collection sorted. A `{` right after a name is
/// a struct's body, whose field order is fixed; any other `{` opens a map or a set. Quoted
/// strings and characters are copied as they are.
fn canonical_debug(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut position = 0;
    let mut out = String::with_capacity(text.len());
    while position < chars.len() {
        out.push_str(&canonical_part(&chars, &mut position, None));
    }
    out
}

/// Copies `chars` from `position` up to the `close` character (excluded) or the end, sorting
/// the entries of every unordered collection met on the way.
fn canonical_part(chars: &[char], position: &mut usize, close: Option<char>) -> String {
    let mut out = String::new();
    while let Some(&character) = chars.get(*position) {
        if Some(character) == close {
            break;
        }
        *position += 1;
        match character {
            '"' => {
                out.push(character);
                while let Some(&next) = chars.get(*position) {
                    *position += 1;
                    out.push(next);
                    if next == '\\' {
                        if let Some(&escaped) = chars.get(*position) {
                            *position += 1;
                            out.push(escaped);
                        }
                    } else if next == '"' {
                        break;
                    }
                }
            }
            '(' | '[' => {
                let closing = if character == '(' { ')' } else { ']' };
                out.push(character);
                out.push_str(&canonical_part(chars, position, Some(closing)));
                if chars.get(*position) == Some(&closing) {
                    *position += 1;
                    out.push(closing);
                }
            }
            '{' => {
                let after_name = out
                    .trim_end()
                    .chars()
                    .last()
                    .is_some_and(|last| last.is_alphanumeric() || last == '_');
                let body = canonical_part(chars, position, Some('}'));
                if chars.get(*position) == Some(&'}') {
                    *position += 1;
                }
                out.push('{');
                if after_name {
                    out.push_str(&body);
                } else {
                    let mut entries = split_top_level(&body);
                    entries.sort_unstable();
                    out.push_str(&entries.join(", "));
                }
                out.push('}');
            }
            _ => out.push(character),
        }
    }
    out
}

/// The entries of a collection's body, split at its top-level commas (not inside brackets or
/// quotes), trimmed.
fn split_top_level(body: &str) -> Vec<String> {
    let mut entries = Vec::new();
    let mut depth = 0usize;
    let mut quoted = false;
    let mut escaped = false;
    let mut current = String::new();
    for character in body.chars() {
        if quoted {
            current.push(character);
            match (escaped, character) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => quoted = false,
                _ => {}
            }
            continue;
        }
        match character {
            '"' => quoted = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                entries.push(std::mem::take(&mut current).trim().to_owned());
                continue;
            }
            _ => {}
        }
        current.push(character);
    }
    if !current.trim().is_empty() {
        entries.push(current.trim().to_owned());
    }
    entries
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    #[test]
    fn nested_maps_and_sets_count_by_their_contents() {
        let canonical = |text: &str| canonical_debug(text);
        assert_eq!(
            canonical(r#"Filter { tags: {"b": 2, "a": 1}, name: "x, {y}" }"#),
            r#"Filter { tags: {"a": 1, "b": 2}, name: "x, {y}" }"#
        );
        assert_eq!(
            canonical(r#"[{"z", "y"}, Some({2: [1, 2], 1: []})]"#),
            r#"[{"y", "z"}, Some({1: [], 2: [1, 2]})]"#
        );
        // A string holding braces, commas and quotes is copied as it is.
        assert_eq!(canonical(r#"{"k\"}, {": 1}"#), r#"{"k\"}, {": 1}"#);
        let mut one: HashMap<String, HashSet<u32>> = HashMap::new();
        let mut two: HashMap<String, HashSet<u32>> = HashMap::with_capacity(100);
        for n in 0..20u32 {
            one.entry(format!("g{}", n % 5)).or_default().insert(n);
        }
        for n in (0..20u32).rev() {
            two.entry(format!("g{}", n % 5)).or_default().insert(n);
        }
        assert_eq!(
            debug_hash(&Some(vec![one.clone()])),
            debug_hash(&Some(vec![two]))
        );
        one.get_mut("g0").map(|set| set.insert(99));
        assert_ne!(
            debug_hash(&one),
            debug_hash(&HashMap::<String, HashSet<u32>>::new())
        );
    }

    #[test]
    fn maps_hash_the_same_whatever_their_order() {
        let a: HashMap<String, u32> = (0..50).map(|n| (format!("k{n}"), n)).collect();
        let mut b: HashMap<String, u32> = HashMap::with_capacity(200);
        for n in (0..50).rev() {
            b.insert(format!("k{n}"), n);
        }
        assert_ne!(
            format!("{a:?}"),
            format!("{b:?}"),
            "the Debug orders differ"
        );
        assert_eq!(debug_hash(&a), debug_hash(&b));
        b.insert("k0".into(), 99);
        assert_ne!(debug_hash(&a), debug_hash(&b));
        assert_ne!(
            debug_hash(&Some(a)),
            debug_hash(&None::<HashMap<String, u32>>)
        );
    }
}
