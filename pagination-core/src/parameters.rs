//! A request's parameters as a declaration hands them over (its fields other than tokens and
//! those marked `#[paginate(skip)]`), each a name and a hash of its value that is the same in
//! every process. An input handed over whole (an SDK operation's) is also split into its
//! fields, read from its `Debug` text, so that a refused cursor can name the one that differs.

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};
use std::hash::Hasher as _;
use std::sync::Mutex;

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
    /// A field of an unnamed input, read from its `Debug` text: it only names what differs, and
    /// stays out of the fingerprint (the input's own entry covers it), so that cursors made
    /// before fields were read still resume.
    pub(crate) detail: bool,
}

impl Parameters {
    /// A named parameter and the hash of its value ([`debug_hash`]).
    pub fn add(&mut self, name: &'static str, hash: u64) {
        self.entries.push(Parameter {
            name,
            hash,
            page_size: false,
            detail: false,
        });
    }

    /// The page-size parameter. `resume_from` leaves it out of its check (the cursor's own page
    /// size is compared there), and the listing checks it as it starts.
    pub fn add_page_size(&mut self, name: &'static str, hash: u64) {
        self.entries.push(Parameter {
            name,
            hash,
            page_size: true,
            detail: false,
        });
    }

    /// An SDK operation's input: `without_page_size`, its fields each a parameter
    /// ([`add_debug`](Parameters::add_debug) under [`UNNAMED`]), and the `whole` input as the
    /// page-size entry.
    pub fn add_input(&mut self, without_page_size: &dyn fmt::Debug, whole: &dyn fmt::Debug) {
        self.add_debug(UNNAMED, without_page_size);
        self.add_page_size("page size", debug_hash(whole));
    }

    /// A parameter hashed through its [`Debug`](fmt::Debug) output. An [`UNNAMED`] one (an SDK
    /// operation's whole input) whose `Debug` text is a struct's (`Input { bucket: .., prefix:
    /// .. }`) also hands over each field, by the name its `Debug` text gives, to be named when a
    /// cursor is refused.
    pub fn add_debug(&mut self, name: &'static str, value: &dyn fmt::Debug) {
        let text = canonical_text(value);
        self.add(name, xxhash_rust::xxh3::xxh3_64(text.as_bytes()));
        if name == UNNAMED {
            for (field, value) in struct_fields(&text) {
                self.entries.push(Parameter {
                    name: field,
                    hash: xxhash_rust::xxh3::xxh3_64(value.as_bytes()),
                    page_size: false,
                    detail: true,
                });
            }
        }
    }
}

/// The length in bytes of the character literal `text` starts with (`'x'`, `'\''`,
/// `'\u{1f600}'`), if it does.
fn char_literal_len(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().skip(1);
    let (_, first) = chars.next()?;
    if first == '\\' {
        // An escape: up to the next quote (escapes hold none but `\'`, taken first).
        let (_, escaped) = chars.next()?;
        let start = if escaped == '\'' { 3 } else { 2 };
        let end = text[start..].find('\'')?;
        return Some(start + end + 1);
    }
    let (at, closing) = chars.next()?;
    (closing == '\'').then_some(at + 1)
}

/// The fields of a struct's `Debug` text (`Name { a: 1, b: Some("x") }`), by name and value
/// text; none when the text is not a struct's. Names are interned: a field name is an
/// identifier of at most 64 characters, of which a program has a bounded set.
fn struct_fields(text: &str) -> Vec<(&'static str, &str)> {
    let Some(open) = text.find('{') else {
        return Vec::new();
    };
    let is_struct = text[..open]
        .trim_end()
        .chars()
        .last()
        .is_some_and(|last| last.is_alphanumeric() || last == '_');
    let Some(body) = text[open + 1..].strip_suffix('}') else {
        return Vec::new();
    };
    if !is_struct {
        return Vec::new();
    }
    split_top_level_ranges(body, true)
        .into_iter()
        .filter_map(|entry| {
            let (name, value) = entry.split_once(": ")?;
            let identifier = !name.is_empty()
                && name.len() <= 64
                && name.chars().all(|c| c.is_alphanumeric() || c == '_');
            identifier.then(|| (intern(name), value))
        })
        .collect()
}

/// `name` with a `'static` lifetime, leaked once per distinct name.
fn intern(name: &str) -> &'static str {
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut names = NAMES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    leaked
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
    xxhash_rust::xxh3::xxh3_64(canonical_text(value).as_bytes())
}

/// `value`'s `Debug` text with the entries of every unordered collection in one order.
fn canonical_text(value: &dyn fmt::Debug) -> String {
    let text = format!("{value:?}");
    if !text.contains('{') {
        return text;
    }
    canonical_debug(&text)
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
    (split_top_level_ranges(body, false).into_iter())
        .map(str::to_owned)
        .collect()
}

/// [`split_top_level`], borrowing from `body`. With `char_literals`, a character literal
/// (`'"'`, `','`, `'\''`) is read as one, not as the quote or comma it holds. (Hashes of maps
/// keep splitting without it, so that fingerprints stay as cursors already issued hold them.)
fn split_top_level_ranges(body: &str, char_literals: bool) -> Vec<&str> {
    let mut entries = Vec::new();
    let mut depth = 0usize;
    let mut quoted = false;
    let mut escaped = false;
    let mut from = 0;
    let mut skip_to = 0;
    for (at, character) in body.char_indices() {
        if at < skip_to {
            continue;
        }
        if char_literals && !quoted && character == '\'' {
            if let Some(length) = char_literal_len(&body[at..]) {
                skip_to = at + length;
                continue;
            }
        }
        if quoted {
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
                entries.push(body[from..at].trim());
                from = at + 1;
            }
            _ => {}
        }
    }
    if !body[from..].trim().is_empty() {
        entries.push(body[from..].trim());
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

    #[test]
    fn an_unnamed_input_hands_over_its_fields() {
        #[derive(Debug)]
        #[allow(dead_code, reason = "read through Debug only")]
        struct InputBuilder {
            bucket: Option<String>,
            prefix: Option<String>,
            tags: HashMap<String, u32>,
            filter: Option<Vec<(u8, String)>>,
        }
        let input = |prefix: &str, filter: &str| InputBuilder {
            bucket: Some("b, {c}".into()),
            prefix: Some(prefix.into()),
            tags: (0..9).map(|n| (format!("t{n}"), n)).collect(),
            filter: Some(vec![(1, filter.into())]),
        };
        let fields = |value: &InputBuilder| {
            let mut parameters = Parameters::default();
            parameters.add_debug(UNNAMED, value);
            let (whole, fields) = parameters.entries.split_first().unwrap();
            assert_eq!(
                whole.hash,
                debug_hash(value),
                "the input's own hash is unchanged"
            );
            assert!(!whole.detail && fields.iter().all(|field| field.detail));
            (fields.iter())
                .map(|field| (field.name, field.hash))
                .collect::<Vec<_>>()
        };
        let one = fields(&input("p/", "x"));
        let names: Vec<&str> = one.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["bucket", "prefix", "tags", "filter"]);
        let differ = |other: &[(&str, u64)]| -> Vec<&str> {
            (one.iter().zip(other))
                .filter(|(a, b)| a.1 != b.1)
                .map(|(a, _)| a.0)
                .collect()
        };
        assert_eq!(differ(&fields(&input("p/", "x"))), Vec::<&str>::new());
        assert_eq!(differ(&fields(&input("q/", "x"))), ["prefix"]);
        assert_eq!(differ(&fields(&input("p/", "y, z"))), ["filter"]);
        // Character literals holding a quote, a comma or a brace are one value each.
        #[derive(Debug)]
        #[allow(dead_code, reason = "read through Debug only")]
        struct Chars {
            quote: char,
            comma: char,
            escaped: char,
            brace: char,
            prefix: &'static str,
        }
        let chars = |prefix| {
            let mut parameters = Parameters::default();
            let value = Chars {
                quote: '"',
                comma: ',',
                escaped: '\'',
                brace: '{',
                prefix,
            };
            parameters.add_debug(UNNAMED, &value);
            (parameters.entries.iter().skip(1))
                .map(|entry| (entry.name, entry.hash))
                .collect::<Vec<_>>()
        };
        let (a, b) = (chars("a"), chars("b"));
        let names: Vec<&str> = a.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["quote", "comma", "escaped", "brace", "prefix"]);
        let differ: Vec<&str> = (a.iter().zip(&b))
            .filter(|(x, y)| x.1 != y.1)
            .map(|(x, _)| x.0)
            .collect();
        assert_eq!(differ, ["prefix"]);
        // Named parameters, and values that are no struct, are not split.
        let mut parameters = Parameters::default();
        parameters.add_debug("filter", &input("p/", "x"));
        parameters.add_debug(UNNAMED, &vec![1, 2]);
        parameters.add_debug(UNNAMED, &HashMap::from([("a", 1)]));
        assert_eq!(parameters.entries.len(), 3);
    }
}
