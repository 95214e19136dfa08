//! Keys read as numbers, and numbers written back as keys: the arithmetic the split policy
//! estimates with. No policy here.
//!
//! Keys compare by their UTF-8 bytes, which is the order of their code points. A [`Scale`] reads
//! the positions past a shared start as digits. At each position the digits are the characters
//! the listing has seen there ([`Alphabets`]): `0-9` in a counter, `0-9a-f` in a hash, the dozen
//! letters of a set of names, so that `key-000999` and `key-001000` are one apart, as their values
//! are, and keys spread over a few scripts are not read as if every code point between were used.
//! Where too few characters were seen, a position reads in the class of a model key's character
//! there (digits, lowercase, uppercase, other ASCII, the rest). A character outside a
//! position's digits reads as just before the next one, and the positions after it do not
//! count.

/// How many positions past its start a scale reads.
const PRECISION: usize = 12;

/// How many parts of a key [`Alphabets`] learns.
const LEARNED_PARTS: usize = 64;

/// The characters seen in each part of the keys (the runs of characters between separators,
/// counted from the start of the key): the digits of a counter, the sixteen of a hash, the
/// letters of a set of names. A part learns from every key, whichever of its positions the
/// character was at, so that the leading positions, which the first keys of a sorted listing
/// barely vary, read in the same alphabet as the rest.
#[derive(Debug, Clone, Default)]
pub(crate) struct Alphabets {
    parts: Vec<Vec<char>>,
}

impl Alphabets {
    /// Learns the characters of `key`.
    pub(crate) fn learn(&mut self, key: &str) {
        let mut part = 0;
        for c in key.chars() {
            if is_separator(c) {
                part += 1;
                if part >= LEARNED_PARTS {
                    return;
                }
                continue;
            }
            if self.parts.len() <= part {
                self.parts.resize_with(part + 1, Vec::new);
            }
            let seen = &mut self.parts[part];
            if let Err(index) = seen.binary_search(&c) {
                seen.insert(index, c);
            }
        }
    }

    /// The characters seen in part `part`, when there are at least two.
    fn part(&self, part: usize) -> Option<&[char]> {
        self.parts
            .get(part)
            .filter(|seen| seen.len() >= 2)
            .map(Vec::as_slice)
    }
}

/// Keys read as numbers in `[0, 1)`: past `start` characters (shared by every key compared), each
/// position a digit in the class of the model key there.
#[derive(Debug, Clone)]
pub(crate) struct Scale {
    start: usize,
    /// The characters before `start`: a key that does not begin with them reads as 0 or 1.
    prefix: Vec<char>,
    digits: Vec<Digit>,
}

/// Where a character falls in the class of a [`Digit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// One of the class's digits.
    Digit(u32),
    /// Not one of them, just before digit `n` (`radix`: after them all).
    Before(u32),
}

/// One position of a [`Scale`].
#[derive(Debug, Clone)]
enum Digit {
    /// The `radix` code points from `base`.
    Span { base: u32, radix: u32 },
    /// The characters seen there, ascending.
    Seen(Vec<char>),
}

impl Digit {
    fn radix(&self) -> u32 {
        match self {
            Digit::Span { radix, .. } => *radix,
            Digit::Seen(chars) => chars.len() as u32,
        }
    }

    fn of(&self, c: char) -> Place {
        let code = u32::from(c);
        match self {
            Digit::Span { base, .. } if code < *base => Place::Before(0),
            Digit::Span { base, radix } if code - base < *radix => Place::Digit(code - base),
            Digit::Span { radix, .. } => Place::Before(*radix),
            Digit::Seen(chars) => match chars.binary_search(&c) {
                Ok(at) => Place::Digit(at as u32),
                Err(at) => Place::Before(at as u32),
            },
        }
    }

    fn char(&self, digit: u32) -> Option<char> {
        match self {
            Digit::Span { base, .. } => char::from_u32(base + digit),
            Digit::Seen(chars) => chars.get(digit as usize).copied(),
        }
    }
}

impl Scale {
    /// A scale over the keys `keys` span: it starts where they first differ, less `room`
    /// positions (never inside `fixed`, the characters every key of the listing shares), and
    /// reads each position in the characters seen there, else in the class of `model`'s
    /// character there.
    pub(crate) fn spanning(
        keys: &[&str],
        model: &str,
        fixed: usize,
        room: usize,
        seen: Option<&Alphabets>,
    ) -> Scale {
        let chars: Vec<Vec<char>> = keys.iter().map(|key| key.chars().collect()).collect();
        let mut shared = usize::MAX;
        for pair in chars.windows(2) {
            shared = shared.min(shared_chars(&pair[0], &pair[1]));
        }
        if shared == usize::MAX {
            shared = chars.first().map_or(0, Vec::len);
        }
        let start = shared.saturating_sub(room).max(fixed.min(shared));
        let model: Vec<char> = model.chars().collect();
        Scale::new(&model, start, seen)
    }

    fn new(model: &[char], start: usize, seen: Option<&Alphabets>) -> Self {
        let span = |base: char, radix| Digit::Span {
            base: u32::from(base),
            radix,
        };
        // The part of the model key each position falls in.
        let part_of = |at: usize| model.iter().take(at).filter(|&&c| is_separator(c)).count();
        let digits = (start..start + PRECISION)
            .map(|at| match model.get(at) {
                Some(&c) if at > start && is_separator(c) => span(c, 1),
                Some(&c)
                    if !is_separator(c)
                        && let Some(chars) = seen.and_then(|seen| seen.part(part_of(at))) =>
                {
                    Digit::Seen(chars.to_vec())
                }
                Some('0'..='9') => span('0', 10),
                Some('a'..='z') => span('a', 26),
                Some('A'..='Z') => span('A', 26),
                // A separator past the first position is part of the keys' shape, not a digit.
                Some(&c) if at > start && is_separator(c) => span(c, 1),
                Some(c) if !c.is_ascii() => span('\u{80}', 0x11_0000 - 0x80),
                _ => span(' ', 0x5f),
            })
            .collect();
        let prefix = model.iter().take(start).copied().collect();
        Scale {
            start,
            prefix,
            digits,
        }
    }

    /// `key`'s value in `[0, 1]`: 0 for a key before every key of the scale's prefix, 1 for one
    /// after them all.
    pub(crate) fn value(&self, key: &str) -> f64 {
        let mut chars = key.chars();
        for &expected in &self.prefix {
            match chars.next() {
                Some(c) if c == expected => {}
                Some(c) if c > expected => return 1.0,
                _ => return 0.0,
            }
        }
        let mut value = 0.0;
        let mut unit = 1.0;
        for digit in &self.digits {
            unit /= f64::from(digit.radix());
            let Some(c) = chars.next() else {
                break;
            };
            match digit.of(c) {
                Place::Digit(at) => value += f64::from(at) * unit,
                Place::Before(at) => {
                    value += f64::from(at) * unit;
                    break;
                }
            }
        }
        value
    }

    /// The shortest key after `lower` (which gives the characters before the scale's start)
    /// whose value is in `[target, target + slack]`, if it is below `upper`.
    pub(crate) fn key_at(
        &self,
        lower: &str,
        upper: Option<&str>,
        target: f64,
        slack: f64,
    ) -> Option<String> {
        let prefix: Vec<char> = lower.chars().take(self.start).collect();
        if prefix.len() < self.start || !(0.0..1.0).contains(&target) {
            return None;
        }
        let mut value = target;
        let mut digits: Vec<char> = Vec::with_capacity(self.digits.len());
        for digit in &self.digits {
            let radix = digit.radix();
            value *= f64::from(radix);
            let at = (value.floor().max(0.0) as u32).min(radix - 1);
            value -= f64::from(at);
            digits.push(digit.char(at)?);
        }
        // The shortest key at the target or just past it: cut short, then its last digit one
        // up where cutting lost value.
        let fits = |key: &str| key > lower && upper.is_none_or(|upper| key < upper);
        let near = |key: &str| {
            let value = self.value(key);
            value >= target && value <= target + slack
        };
        (1..=digits.len())
            .find_map(|len| {
                let key: String = prefix.iter().chain(&digits[..len]).collect();
                if near(&key) {
                    return fits(&key).then_some(key);
                }
                let digit = &self.digits[len - 1];
                let up = match digit.of(digits[len - 1]) {
                    Place::Digit(at) if at + 1 < digit.radix() => digit.char(at + 1)?,
                    _ => return None,
                };
                let key: String = prefix
                    .iter()
                    .chain(&digits[..len - 1])
                    .chain([&up])
                    .collect();
                (near(&key) && fits(&key)).then_some(key)
            })
            .or_else(|| {
                // The full precision, rounded up.
                let key: String = prefix.iter().chain(&digits).collect();
                (fits(&key)).then_some(key)
            })
    }
}

fn shared_chars(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(a, b)| a == b).count()
}

/// A character that separates the parts of a key: ASCII punctuation (`/`, `-`, `_`, `.`, ...).
fn is_separator(c: char) -> bool {
    c.is_ascii_punctuation()
}

/// The smallest key after every key that starts with `prefix` (its last character moved one
/// up), or `None` for the empty prefix or one that is all U+10FFFF.
pub(crate) fn prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = char_after(last) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// The next character in code-point order, skipping surrogates.
fn char_after(c: char) -> Option<char> {
    match u32::from(c) {
        0xd7ff => Some('\u{e000}'),
        code => char::from_u32(code + 1),
    }
}

/// For a key inside a common prefix (past `prefix`, it holds `delimiter`), that common prefix
/// without its delimiter: a key just below every key under it. `None` for a key outside any.
pub(crate) fn before_common_prefix<'k>(
    key: &'k str,
    prefix: &str,
    delimiter: &str,
) -> Option<&'k str> {
    if delimiter.is_empty() {
        return None;
    }
    let at = key.strip_prefix(prefix)?.find(delimiter)?;
    Some(&key[..prefix.len() + at])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_as_their_values() {
        let scale = Scale::spanning(&["key-000000", "key-009999"], "key-000000", 0, 0, None);
        let (a, b, c) = (
            scale.value("key-000999"),
            scale.value("key-001000"),
            scale.value("key-002000"),
        );
        assert!(b > a && c > b);
        // One apart, as the values are: far less than a thousandth of the scale.
        assert!(b - a < (c - b) / 500.0, "{a} {b} {c}");
        // A character outside the class reads as its edge, not clamped in.
        let words = Scale::spanning(&["faacbc", "fe"], "faacbc", 0, 0, None);
        assert!(words.value("g") > words.value("ffffff"));
    }

    #[test]
    fn positions_read_in_the_characters_seen_there() {
        let mut seen = Alphabets::default();
        for key in [
            "0000", "ffff", "4a4a", "9c9c", "1234", "5678", "abcd", "ef01", "2b3d",
        ] {
            seen.learn(key);
        }
        // Hexadecimal: a quarter of the way is `4`.
        let scale = Scale::spanning(&["00a1", "ffff"], "00a1", 0, 0, Some(&seen));
        let quarter = scale.value("4000");
        assert!((0.24..0.26).contains(&quarter), "{quarter}");
        // Three scripts: each letter seen is one digit, whatever its code point.
        let mut names = Alphabets::default();
        for key in ["a-1", "\u{e9}-1", "\u{5199}-1", "\u{1f642}-1"] {
            names.learn(key);
        }
        let scale = Scale::spanning(&["a-1", "\u{1f642}-1"], "a-1", 0, 0, Some(&names));
        let a = scale.value("a-1");
        let (e, write) = (scale.value("\u{e9}-1") - a, scale.value("\u{5199}-1") - a);
        assert!(
            (0.24..0.26).contains(&e) && (0.49..0.51).contains(&write),
            "{e} {write}"
        );
        let middle = scale.key_at("a-1", None, 0.5, 0.01).unwrap();
        assert!(middle.starts_with('\u{5199}'), "{middle:?}");
    }

    #[test]
    fn key_at_writes_the_shortest_key_at_a_value() {
        let scale = Scale::spanning(&["key-000000", "key-009999"], "key-000000", 0, 0, None);
        let half = (scale.value("key-000000") + scale.value("key-009999")) / 2.0;
        let key = scale
            .key_at("key-000000", Some("key-009999"), half, 0.01)
            .unwrap();
        assert!(
            key.as_str() > "key-004900" && key.as_str() <= "key-0051",
            "{key}"
        );
        assert_eq!(scale.key_at("key-009999", Some("key-01"), 0.99, 0.01), None);
    }

    #[test]
    fn prefix_end_is_after_every_key_of_the_prefix() {
        assert_eq!(prefix_end("a/").as_deref(), Some("a0"));
        assert_eq!(prefix_end("a\u{d7ff}").as_deref(), Some("a\u{e000}"));
        assert_eq!(prefix_end("a\u{10ffff}").as_deref(), Some("b"));
        assert_eq!(prefix_end(""), None);
    }

    #[test]
    fn common_prefixes_are_found_past_the_prefix() {
        assert_eq!(before_common_prefix("a/b/c", "a/", "/"), Some("a/b"));
        assert_eq!(before_common_prefix("a/b", "a/", "/"), None);
        assert_eq!(before_common_prefix("b/c", "a/", "/"), None);
        assert_eq!(before_common_prefix("a/b/c", "", ""), None);
    }
}
