//! Where to split a key range: a key strictly inside the range's unlisted remainder, chosen
//! without knowing the keys, that never falls inside a rolled-up common prefix; and how many
//! pages a remainder looks to hold, which decides which range splits first.
//!
//! Keys compare by their UTF-8 bytes, which is the order of their code points. Each guess is
//! read on a **scale**: past the prefix the keys compared share, each position is a digit in the
//! character class of a model key there (digits, lowercase, uppercase, other ASCII, the rest),
//! so that `key-000999` and `key-001000` are one apart, as their values are, not 246 byte values.
//! A page that ran from its first key `F` to its last key `L` gives a density; the remainder
//! `(L, U]` holds about `(U - L) / (L - F)` pages on that scale (`pages_left`).
//!
//! 1. **Successors**, for a range open to the end of the key space: the next values of the
//!    nearest numbered part left of the part the page ran through (a day, an hour, a
//!    partition; words between are passed, as `part` in `logs/2024-01-01/part-00039`, for a
//!    number of two digits or more: `v10` sorts between `v1` and `v2`):
//!    `"events/2025-11-01/000999-..."` gives `"events/2025-11-02"`, `"events/2025-11-03"`,
//!    ..., several ranges at once (`successors`). When most values of a part found so held a
//!    page or two, only numbered parts left of it are counted (months after days, also for a
//!    page that ran across days): each such range costs a request past its end, as much as
//!    it lists.
//! 2. **Half-way on the scale**, for a bounded remainder whose estimate is plausible (see
//!    `PLAUSIBLE` in `partition.rs`), or whose half-way key changes only the part just left of
//!    the page's part (several days), or whose upper end lies in the page's part (a counter's
//!    far end): the key half-way between `L` and `U`, cut to the shortest key above `L`
//!    (`"events/2025-11-04/030999-..."` and `"events/2025-11-06"` give `"events/2025-11-05"`).
//! 3. **The next carry**, for an open remainder without a numbered part, or the rest of a part
//!    whose keys may end anywhere (the rest of a day, whose counter does not say where the day
//!    ends). Keys past `L` most likely keep `L`'s shape and differ first just left of where `F`
//!    and `L` differ, as counters and dates do: the split key moves that character of `L`
//!    half-way to the top of its class, `"key-000999"` (`F` = `"key-000000"`) giving
//!    `"key-005"`. Each range split off another this way looks one position further left
//!    (`reach`), so that remainders are cut ten or twenty-six times coarser each time; an open
//!    range probes on at once, before its first page.
//! 4. **Half-way by character**, when nothing else fits: at the first position where the
//!    remainder's two ends differ, a character half-way between them, within the character
//!    class of the lower end; when the two are adjacent, keep the lower one and look one position
//!    further, the upper end open. Separators (`/`, `-`, `.`) are kept, not split.
//!
//! 5. **Stretches ahead**, for a remainder that looks to hold many pages (plausibly, or open to
//!    the end without a numbered part): keys a given number of pages past `L` on the scale
//!    (`ahead`), several started at once. `PartitionedItems::pick_stretches` chooses the
//!    distances: in key order 1, 2, 3, ... stretches next to the keys seen; unordered, equal
//!    pieces of a bounded remainder, or 1, 3, 7, ... stretches of an open one.
//!
//! Where the two keys of a page are hexadecimal where they differ (hashes, ids), the scale reads
//! those positions as `0-9a-f`, not as digits and lowercase. A character outside a position's
//! class reads as the edge of the class it falls at (`:` after `9`, `g` after `f`), and the
//! positions after it do not count: clamped into the class, the upper end `g` of a range of
//! words over `a-f` read as `f`, below the keys listed, and the range looked empty.
//!
//! A guess too high costs one request (an empty range); one too low leaves a large range that
//! splits again on its next page.

use super::KeySpace;

/// The range `(lower, upper]` whose remainder is split: `upper` `None` is the end of the key
/// space, `first` the first key of the range's last page (`lower` its last key), `reach` how
/// many times the remainder was split off the top of another.
pub(crate) struct Remainder<'a> {
    pub(crate) lower: &'a str,
    pub(crate) upper: Option<&'a str>,
    pub(crate) first: Option<&'a str>,
    pub(crate) reach: usize,
    pub(crate) guess: Guess,
}

/// Which guess a split tries first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guess {
    /// The next carry, else half-way by character.
    Carry,
    /// Only the next carry: an open remainder not heard from yet, probed further on in the
    /// shape of the keys before it.
    Probe,
    /// Half-way on the scale where that changes a part of the key left of the part the page
    /// ran through, else the next carry at its nearest (`reach` 0), else no split: a bounded
    /// remainder whose density says little (the keys of a part may end well before its
    /// upper end).
    Near,
    /// Half-way on the scale, else half-way by character (a bounded remainder whose density
    /// is known).
    Middle,
    /// About this many pages past the keys seen, by the density of the last page, and no
    /// other guess: a piece of keys next to those seen is cut off for a request of its own.
    Ahead(u32),
}

/// A key `m` with `lower < m < upper` (`upper` `None`: the end of the key space), inside the key
/// space's prefix and not inside a common prefix of its delimiter; `None` when there is none
/// worth splitting at.
pub(crate) fn split_key(remainder: &Remainder<'_>, space: &KeySpace) -> Option<String> {
    let Remainder {
        lower,
        upper,
        first,
        reach,
        guess,
    } = *remainder;
    let prefix = space.prefix.as_str();
    // Keys start with the prefix: below it, the remainder starts at the prefix itself.
    let lower = if lower < prefix { prefix } else { lower };
    if !lower.starts_with(prefix) {
        // Past every key of the prefix.
        return None;
    }
    let end = prefix_end(prefix);
    let upper = match (upper, end.as_deref()) {
        (Some(upper), Some(end)) => Some(if upper < end { upper } else { end }),
        (upper, end) => upper.or(end),
    };
    if upper.is_some_and(|upper| upper <= lower) {
        return None;
    }
    // A key longer than the page's keys that extends the last one splits keys that most
    // likely do not exist.
    let extends_last = |key: &str| {
        first.is_some_and(|first| key.len() > first.len().max(lower.len()))
            && lower.len() > prefix.len()
            && key.starts_with(lower)
    };
    let fits =
        |key: &str| key > lower && !extends_last(key) && upper.is_none_or(|upper| key < upper);
    let carry = |reach: usize| {
        first
            .and_then(|first| next_carry(first, lower, prefix, reach))
            .filter(|carry| fits(carry))
    };
    let candidate = match (upper, guess) {
        (Some(upper), Guess::Middle) => middle(lower, upper)
            .filter(|key| fits(key))
            .or_else(|| between(lower, Some(upper)))?,
        (_, Guess::Probe) => carry(reach)?,
        (_, Guess::Ahead(pages)) => ahead(first?, lower, f64::from(pages))?,
        (Some(upper), Guess::Near) => {
            // Half-way, where that changes the part of the key just left of the part the page's
            // keys ran through (the day, for a page within a day); else the next carry, as far
            // left as fits.
            let varies = first.map_or(lower.chars().count(), |first| shared(first, lower));
            let inner = part(lower, varies);
            // The upper end within the same part as the page (a counter's far end): half-way
            // splits the counter.
            let upper_part = part(lower, shared(upper, lower));
            let same_part = upper_part >= inner;
            // The rest of one value of the part before (the rest of a day, up to the next
            // day): near the keys seen, however far the range that made it reached.
            let reach = if inner > 0 && upper_part == inner - 1 {
                0
            } else {
                reach
            };
            // The part a half-way key may change: the nearest numbered part left of the page's
            // (the day of `logs/2024-01-25/part-00039`, past the word `part`).
            let near = numbered_part_before(lower, inner);
            let middle = middle(lower, upper).filter(|key| {
                let changes = part(lower, shared(key, lower));
                // The part just left of the page's, unless a numbered part lies further left
                // (a word between: cutting `key` in `v11/key-000002` finds no key).
                let left = inner > 0 && changes == inner - 1 && near.is_none();
                fits(key) && (same_part || left || near == Some(changes))
            });
            match middle {
                Some(middle) => middle,
                None => (0..=reach).rev().find_map(carry)?,
            }
        }
        _ => match carry(reach) {
            Some(carry) => carry,
            None => between(lower, upper)?,
        },
    };
    let candidate = match &space.delimiter {
        Some(delimiter) if !delimiter.is_empty() => {
            outside_common_prefix(candidate, lower, upper, prefix, delimiter)?
        }
        _ => candidate,
    };
    fits(&candidate).then_some(candidate)
}

/// How many positions past the common prefix of a range's ends the estimates look at.
const PRECISION: usize = 12;

/// Keys read as numbers in `[0, 1)`: past `start` characters (shared by every key compared),
/// each position a digit in the character class of the model key there (digits, lowercase,
/// uppercase, other ASCII, the rest; `0-9a-f` where the keys compared are hexadecimal there);
/// a character outside that class reads as the class's edge (see [`Place`]). Counters, dates and hashes then space out as their values do,
/// which byte values would not (a carry from `9` to `10` jumps over 246 byte values that no
/// key uses; read as lowercase, `a-f` would leave twenty values between `f` and the next
/// position's carry that no hexadecimal key uses).
struct Scale {
    start: usize,
    digits: Vec<Digit>,
}

/// Where a character falls in the class of a [`Digit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// One of the class's digits.
    Digit(u32),
    /// Not one of them, just before digit `n` (`radix`: after them all): the key comes before
    /// every key of the class with that digit or above here, and after every one below it.
    Before(u32),
}

/// One position of a [`Scale`].
#[derive(Debug, Clone, Copy)]
enum Digit {
    /// The `radix` code points from `base`.
    Span { base: u32, radix: u32 },
    /// `0-9` then `a-f`.
    Hex,
}

impl Digit {
    fn radix(self) -> u32 {
        match self {
            Digit::Span { radix, .. } => radix,
            Digit::Hex => 16,
        }
    }

    /// Where `c` falls in the class: its digit, or the digit it comes just before.
    fn of(self, c: char) -> Place {
        let code = u32::from(c);
        match (self, c) {
            (Digit::Span { base, .. }, _) if code < base => Place::Before(0),
            (Digit::Span { base, radix }, _) if code - base < radix => Place::Digit(code - base),
            (Digit::Span { radix, .. }, _) => Place::Before(radix),
            (Digit::Hex, '0'..='9') => Place::Digit(code - u32::from('0')),
            (Digit::Hex, 'a'..='f') => Place::Digit(code - u32::from('a') + 10),
            (Digit::Hex, c) if c < '0' => Place::Before(0),
            (Digit::Hex, c) if c < 'a' => Place::Before(10),
            (Digit::Hex, _) => Place::Before(16),
        }
    }

    fn char(self, digit: u32) -> Option<char> {
        match self {
            Digit::Span { base, .. } => char::from_u32(base + digit),
            Digit::Hex => char::from_digit(digit, 16),
        }
    }
}

impl Scale {
    /// `hex`: the keys compared are hexadecimal past `start` ([`hexadecimal`]).
    fn new(model: &[char], start: usize, hex: bool) -> Self {
        let span = |base: char, radix| Digit::Span {
            base: u32::from(base),
            radix,
        };
        let digits = (start..start + PRECISION)
            .map(|at| match model.get(at) {
                Some('0'..='9' | 'a'..='f') if hex => Digit::Hex,
                Some('0'..='9') => span('0', 10),
                Some('a'..='z') => span('a', 26),
                Some('A'..='Z') => span('A', 26),
                // A separator past the first position is part of the keys' shape, not a digit.
                Some(&c) if at > start && is_separator(c) => span(c, 1),
                Some(c) if !c.is_ascii() => span('\u{80}', 0x11_0000 - 0x80),
                _ => span(' ', 0x5f),
            })
            .collect();
        Scale { start, digits }
    }

    fn value(&self, key: &[char]) -> f64 {
        let mut value = 0.0;
        let mut unit = 1.0;
        for (offset, &digit) in self.digits.iter().enumerate() {
            unit /= f64::from(digit.radix());
            let Some(&c) = key.get(self.start + offset) else {
                break;
            };
            // A character outside the class puts the key between the keys of the scale's shape
            // with the same characters before it: the positions after it do not count (clamped
            // into the class, `g` read as `f`, and the range `(faacbc, g]` of words over `a-f`
            // looked empty: it was never split).
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

    /// The key of `value`, after `prefix`'s first `start` characters; as many positions as
    /// the scale has.
    fn key(&self, prefix: &[char], mut value: f64) -> Option<Vec<char>> {
        let mut out: Vec<char> = prefix.get(..self.start)?.to_vec();
        for &digit in &self.digits {
            let radix = digit.radix();
            value *= f64::from(radix);
            let at = (value.floor().max(0.0) as u32).min(radix - 1);
            value -= f64::from(at);
            out.push(digit.char(at)?);
        }
        Some(out)
    }
}

/// Whether two keys are hexadecimal from position `from` on (where they differ): only `0-9`
/// and `a-f` there, and at least one letter (hashes, ids and UUIDs without their dashes).
fn hexadecimal(a: &[char], b: &[char], from: usize) -> bool {
    let tail =
        || (a.get(from..).unwrap_or_default().iter()).chain(b.get(from..).unwrap_or_default());
    tail().all(|c| matches!(c, '0'..='9' | 'a'..='f')) && tail().any(|c| matches!(c, 'a'..='f'))
}

fn shared_chars(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(a, b)| a == b).count()
}

/// How many characters `a` and `b` share at their start.
fn shared(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(a, b)| a == b).count()
}

/// How many pages the keys in `(lower, upper]` take, at the density of a page that ran from
/// `first` to `last`: the range's width over the page's, on the scale of `last`'s characters.
/// Infinite when the page is too narrow to measure.
pub(crate) fn pages_left(first: &str, last: &str, lower: &str, upper: &str) -> f64 {
    let first: Vec<char> = first.chars().collect();
    let last: Vec<char> = last.chars().collect();
    let lower: Vec<char> = lower.chars().collect();
    let upper: Vec<char> = upper.chars().collect();
    let start = shared_chars(&first, &upper).min(shared_chars(&lower, &upper));
    let hex = hexadecimal(&first, &last, shared_chars(&first, &last));
    let scale = Scale::new(&last, start, hex);
    let rest = scale.value(&upper) - scale.value(&lower);
    if rest <= 0.0 {
        return 0.0;
    }
    let width = scale.value(&last) - scale.value(&first);
    if width <= 0.0 {
        return f64::INFINITY;
    }
    rest / width
}

/// Guess for a bounded remainder with a known density: the key half-way between `lower` and
/// `upper` on the scale of `lower`'s characters, cut to the shortest key above `lower`.
fn middle(lower: &str, upper: &str) -> Option<String> {
    let low: Vec<char> = lower.chars().collect();
    let high: Vec<char> = upper.chars().collect();
    let start = shared_chars(&low, &high);
    let scale = Scale::new(&low, start, hexadecimal(&low, &high, start));
    let value = (scale.value(&low) + scale.value(&high)) / 2.0;
    let key = scale.key(&low, value)?;
    (start + 1..=key.len())
        .map(|len| key[..len].iter().collect::<String>())
        .find(|candidate| candidate.as_str() > lower)
        .filter(|candidate| candidate.as_str() < upper)
}

/// The key about `pages` pages past `last`, at the density of the page that ran from `first`
/// to `last`, cut to the shortest key at least half-way there (`"key-0001000"` to
/// `"key-0001999"` and 8 pages give `"key-001"`, for `"key-0010999"`), on a scale that starts a
/// few positions left of where the page's keys differ, so that the carry has room.
fn ahead(first: &str, last: &str, pages: f64) -> Option<String> {
    let low: Vec<char> = first.chars().collect();
    let high: Vec<char> = last.chars().collect();
    let varies = shared_chars(&low, &high);
    let start = varies.saturating_sub(AHEAD_ROOM);
    let scale = Scale::new(&high, start, hexadecimal(&low, &high, varies));
    let (from, to) = (scale.value(&low), scale.value(&high));
    if to <= from {
        return None;
    }
    let target = to + pages * (to - from);
    if target >= 1.0 {
        return None;
    }
    let key = scale.key(&high, target)?;
    // The shortest key at least half-way there: rounding need not lose the stretch.
    let enough = to + (target - to) / 2.0;
    (start + 1..=key.len())
        .find(|&len| scale.value(&key[..len]) >= enough)
        .map(|len| key[..len].iter().collect::<String>())
        .filter(|candidate| candidate.as_str() > last)
}

/// How many positions left of where a page's keys differ [`ahead`] reads them: a carry across
/// four positions, ten thousand times a page's width on digits.
const AHEAD_ROOM: usize = 4;

/// Guess 1: `last` with one character moved half-way to the top of its class, `reach` + 1
/// positions left of where `first` and `last` differ (further left where that character is at
/// its class top already; never inside `prefix`).
fn next_carry(first: &str, last: &str, prefix: &str, reach: usize) -> Option<String> {
    let chars: Vec<char> = last.chars().collect();
    let fixed = prefix.chars().count();
    let start = shared(first, last).checked_sub(1 + reach)?;
    (fixed..=start).rev().find_map(|at| {
        let c = chars[at];
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        let middle = middle_char(u32::from(c), class_top(Some(c)), false)?;
        Some(chars[..at].iter().chain([&middle]).collect())
    })
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

/// A string strictly between `lower` and `upper` (`None`: unbounded above).
fn between(lower: &str, upper: Option<&str>) -> Option<String> {
    let low: Vec<char> = lower.chars().collect();
    let high: Option<Vec<char>> = upper.map(|upper| upper.chars().collect());
    let mut out = String::new();
    // While the ends agree, copy; `open` once the upper end no longer constrains.
    let mut open = high.is_none();
    for index in 0.. {
        let below = low.get(index).copied();
        let above = if open {
            None
        } else {
            match high.as_ref().and_then(|high| high.get(index)) {
                Some(&above) => Some(above),
                // `upper` is a prefix of what was copied so far: nothing above `lower` is below it.
                None => return None,
            }
        };
        if !open && below == above {
            out.push(below?);
            continue;
        }
        // Past the upper end's reach, a separator of the lower end (`/`, `-`, `.`) stays: keys
        // of one shape hold it there, and a split key that changes it splits off no key.
        if open && below.is_some_and(is_separator) {
            out.push(below?);
            continue;
        }
        let floor = below.map_or(0, u32::from);
        let ceiling = match above {
            Some(above) => u32::from(above),
            None => class_top(below),
        };
        if let Some(middle) = middle_char(floor, ceiling, below.is_none()) {
            out.push(middle);
            return Some(out);
        }
        // Adjacent characters: keep the lower one, and split the rest of `lower` from above.
        match below {
            Some(below) => {
                out.push(below);
                open = true;
            }
            None => return None,
        }
        if index > lower.len() + 8 {
            return None;
        }
    }
    None
}

/// Up to `count` keys after `last` at the next values of a numbered part of the keys left of the
/// part where the page's `first` and `last` keys differ, and which part that is (its index, as
/// [`part`] counts): `events/2025-11-01/000999-...` gives `events/2025-11-02`,
/// `events/2025-11-03`, ... The nearest numbered part; past words, only one of two digits or
/// more (`logs/2024-01-01/part-00039` counts days; `v1/key-000099` nothing, as `v10` sorts
/// before `v2`); and only parts before part `short_from` (where the values of a part were seen
/// to hold a page or two each, the next part to the left: months after days). The part counts
/// up at its width; none past its last value, or without such a part.
pub(crate) fn successors(
    first: &str,
    last: &str,
    space: &KeySpace,
    count: usize,
    short_from: Option<usize>,
) -> (usize, Vec<String>) {
    let chars: Vec<char> = last.chars().collect();
    let varies = shared(first, last).min(chars.len());
    let fixed = space.prefix.chars().count();
    // The separator nearest left of the part that varies: a numbered part ending there is next
    // to it. A word's next spelling is most likely no key's.
    let nearest = (fixed..varies).rev().find(|&at| is_separator(chars[at]));
    // The nearest numbered part (before a short one), if it is next to the part that varies or
    // has two digits or more.
    let found = numbered_parts(&chars, fixed, varies)
        .find(|&(_, start)| short_from.is_none_or(|short| part(last, start) < short))
        .filter(|&(at, start)| Some(at) == nearest || at - start >= 2);
    let Some((separator, start)) = found else {
        return (0, Vec::new());
    };
    let at_part = part(last, start);
    let width = separator - start;
    if width > 18 {
        return (at_part, Vec::new());
    }
    let digits: String = chars[start..separator].iter().collect();
    let Ok(value) = digits.parse::<u64>() else {
        return (at_part, Vec::new());
    };
    let end = 10u64.pow(width as u32);
    let mut keys: Vec<String> = Vec::new();
    for offset in 1..=count as u64 {
        let Some(next) = value.checked_add(offset).filter(|next| *next < end) else {
            break;
        };
        let key: String = chars[..start].iter().collect::<String>() + &format!("{next:0width$}");
        let key = match &space.delimiter {
            Some(delimiter) => match before_common_prefix(&key, &space.prefix, delimiter) {
                Some(before) => before.to_owned(),
                None => key,
            },
            None => key,
        };
        if key.as_str() > last && keys.last().is_none_or(|previous| key > *previous) {
            keys.push(key);
        }
    }
    (at_part, keys)
}

/// The numbered parts of `chars` between positions `fixed` and `end`, nearest `end` first: a
/// part ending in digits just before a separator (dates, hours, partitions, `part7`), as the
/// separator's position and where its digits start.
fn numbered_parts(
    chars: &[char],
    fixed: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    (fixed..end).rev().filter_map(move |separator| {
        if !is_separator(chars[separator]) {
            return None;
        }
        let mut start = separator;
        while start > fixed && chars[start - 1].is_ascii_digit() {
            start -= 1;
        }
        (start < separator).then_some((separator, start))
    })
}

/// The nearest part of `key` before part `inner` that is a number or ends in one (a day, an
/// hour, `part7`); `None` when there is none.
fn numbered_part_before(key: &str, inner: usize) -> Option<usize> {
    let chars: Vec<char> = key.chars().collect();
    numbered_parts(&chars, 0, chars.len())
        .map(|(_, start)| part(key, start))
        .find(|&index| index < inner)
}

/// Which part of `key` position `at` (in characters) falls in: how many separators come
/// before it.
fn part(key: &str, at: usize) -> usize {
    key.chars().take(at).filter(|&c| is_separator(c)).count()
}

/// A character that separates the parts of a key: ASCII punctuation (`/`, `-`, `_`, `.`, ...).
fn is_separator(c: char) -> bool {
    c.is_ascii_punctuation()
}

/// One past the last character of `below`'s class, for a split with no upper end.
fn class_top(below: Option<char>) -> u32 {
    match below {
        None => 0x7f,
        Some('0'..='9') => u32::from(':'),
        Some('a'..='z') => u32::from('{'),
        Some('A'..='Z') => u32::from('['),
        Some(c) if c.is_ascii() => 0x7f,
        Some(_) => 0x11_0000,
    }
}

/// A character strictly between `floor` and `ceiling` (or at least `floor` + 1 when the lower
/// end has no character here, so that the split key is longer than the lower end), skipping
/// surrogates.
fn middle_char(floor: u32, ceiling: u32, lower_ended: bool) -> Option<char> {
    let floor = if lower_ended {
        floor.max(u32::from(' '))
    } else {
        floor
    };
    if ceiling <= floor + 1 {
        return None;
    }
    let mut middle = floor + (ceiling - floor) / 2;
    if (0xd800..0xe000).contains(&middle) {
        middle = 0xe000;
        if middle >= ceiling {
            middle = 0xd7ff;
        }
    }
    char::from_u32(middle).filter(|_| middle > floor && middle < ceiling)
}

/// `candidate`, or a key next to it that is not inside a common prefix (`prefix` + anything +
/// `delimiter`): a common prefix is one entry of the listing and must fall in one range. Below
/// the common prefix (cut before its delimiter) if that is still above `lower`, else just after
/// every key under it.
fn outside_common_prefix(
    candidate: String,
    lower: &str,
    upper: Option<&str>,
    prefix: &str,
    delimiter: &str,
) -> Option<String> {
    let Some(before) = before_common_prefix(&candidate, prefix, delimiter) else {
        return Some(candidate);
    };
    let common = &candidate[..before.len() + delimiter.len()];
    if before > lower && !inside_common_prefix(before, prefix, delimiter) {
        return Some(before.to_owned());
    }
    let after = prefix_end(common)?;
    let fits = upper.is_none_or(|upper| after.as_str() < upper);
    (fits && !inside_common_prefix(&after, prefix, delimiter)).then_some(after)
}

/// Whether `key` lies inside a common prefix: after `prefix`, it holds the delimiter.
fn inside_common_prefix(key: &str, prefix: &str, delimiter: &str) -> bool {
    before_common_prefix(key, prefix, delimiter).is_some()
}

/// For a key inside a common prefix, that common prefix without its delimiter (a key just
/// below every key under it); `None` for a key outside any.
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

/// The next character in code-point order, skipping surrogates.
fn char_after(c: char) -> Option<char> {
    match u32::from(c) {
        0xd7ff => Some('\u{e000}'),
        code => char::from_u32(code + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn space(prefix: &str, delimiter: Option<&str>) -> KeySpace {
        KeySpace::new(prefix, delimiter.map(str::to_owned))
    }

    /// [`split_key`] over the whole key space.
    fn guess(
        guess: Guess,
        lower: &str,
        upper: Option<&str>,
        first: Option<&str>,
        reach: usize,
    ) -> Option<String> {
        let remainder = Remainder {
            lower,
            upper,
            first,
            reach,
            guess,
        };
        split_key(&remainder, &space("", None))
    }

    fn split(
        lower: &str,
        upper: Option<&str>,
        first: Option<&str>,
        space: &KeySpace,
    ) -> Option<String> {
        split_key(
            &Remainder {
                lower,
                upper,
                first,
                reach: 0,
                guess: Guess::Carry,
            },
            space,
        )
    }

    #[test]
    fn splits_inside_the_remainder() {
        let whole = space("", None);
        for (lower, upper) in [
            ("", None),
            ("a", Some("b")),
            ("key-000999", None),
            ("key-000999", Some("key-1")),
            ("a\u{10ffff}", None),
            ("\u{d7fe}", Some("\u{e001}")),
            ("é", None),
        ] {
            for first in [None, Some(""), Some("a"), Some("key-000000")] {
                let first = first.filter(|first| *first <= lower);
                // With a page's first key, a split that only extends the last key is declined.
                let Some(split) = split(lower, upper, first, &whole) else {
                    assert!(first.is_some(), "no split in ({lower:?}, {upper:?})");
                    continue;
                };
                assert!(split.as_str() > lower, "{split:?} <= {lower:?}");
                if let Some(upper) = upper {
                    assert!(split.as_str() < upper, "{split:?} >= {upper:?}");
                }
            }
        }
    }

    #[test]
    fn no_split_in_an_empty_remainder() {
        let whole = space("", None);
        assert_eq!(split("b", Some("b"), None, &whole), None);
        assert_eq!(split("b", Some("a"), None, &whole), None);
        assert_eq!(split("b", Some("b\0"), Some("a"), &whole), None);
        assert_eq!(split("z", Some("z\u{1}"), None, &whole), None);
    }

    #[test]
    fn follows_the_shape_of_the_keys() {
        let whole = space("", None);
        let next = |lower, first, reach| guess(Guess::Carry, lower, None, Some(first), reach);
        assert_eq!(
            next("key-000999", "key-000000", 0).as_deref(),
            Some("key-005")
        );
        assert_eq!(
            next("key-000999", "key-000000", 1).as_deref(),
            Some("key-05")
        );
        // A character at the top of its class moves the split one position left.
        assert_eq!(
            next("key-090999", "key-090000", 1).as_deref(),
            Some("key-5")
        );
        // Bounded above: half-way once the next carry would pass the bound.
        let bounded = split("key-001999", Some("key-005"), Some("key-001000"), &whole);
        assert_eq!(bounded.as_deref(), Some("key-003"));
    }

    #[test]
    fn stays_within_the_prefix() {
        let logs = space("logs/", None);
        let first = split("", None, None, &logs).unwrap();
        assert!(
            first.starts_with("logs/") && first.as_str() < "logs0",
            "{first:?}"
        );
        let next = split(
            "logs/2024-01-01/000999",
            None,
            Some("logs/2024-01-01/000000"),
            &logs,
        );
        assert_eq!(next.as_deref(), Some("logs/2024-01-01/005"));
        assert_eq!(
            super::split_key(
                &Remainder {
                    lower: "logt",
                    upper: None,
                    first: None,
                    reach: 0,
                    guess: Guess::Carry,
                },
                &logs
            ),
            None
        );
    }

    #[test]
    fn never_inside_a_common_prefix() {
        let slash = space("", Some("/"));
        for (lower, upper, first) in [
            ("a/b", Some("c"), None),
            ("a", Some("a/z"), None),
            ("", None, None),
            ("x/", None, None),
            ("d/2024/000999", None, Some("d/2024/000000")),
        ] {
            if let Some(split) = split(lower, upper, first, &slash) {
                assert!(!split.contains('/'), "{split:?} in ({lower:?}, {upper:?})");
                assert!(split.as_str() > lower);
                assert!(upper.is_none_or(|upper| split.as_str() < upper));
            }
        }
        // The only keys left are under one common prefix: no split.
        assert_eq!(split("a/b", Some("a/z"), None, &slash), None);
    }

    #[test]
    fn pages_left_reads_keys_as_their_values() {
        let pages = pages_left("key-000000", "key-000999", "key-000999", "key-005");
        assert!((3.9..4.1).contains(&pages), "{pages}");
        // Across a carry, as far as the values are apart.
        let pages = pages_left("key-000000", "key-000999", "key-000999", "key-002000");
        assert!((1.0..1.1).contains(&pages), "{pages}");
        // Hexadecimal: a sixteenth of `1a` is one page, so the rest up to `1b` is fifteen (read
        // as digits and lowercase, `f` would clamp to `9` and `a`-`b` span 26 values).
        let pages = pages_left("1a000000", "1a0fffff", "1a0fffff", "1b");
        assert!((14.9..15.1).contains(&pages), "{pages}");
        // An upper end outside the class where it differs comes after every digit of it: `:`
        // after `9`, so `key-0:` after every `key-0` of six digits (clamped to `9`, the rest
        // was read as ending at `key-09`, 89 pages).
        let pages = pages_left("key-000000", "key-000999", "key-000999", "key-0:");
        assert!((99.0..99.2).contains(&pages), "{pages}");
        // And `g` after `f`, on the hexadecimal scale of words over `a-f`: clamped to `f`, the
        // rest up to it looked empty and was never split (a sixth of the words listed alone).
        let pages = pages_left("fa", "faacbc", "faacbc", "g");
        assert!((7.0..9.0).contains(&pages), "{pages}");
        assert_eq!(pages_left("a", "b", "c", "c"), 0.0);
        assert_eq!(pages_left("a", "a", "a", "b"), f64::INFINITY);
    }

    #[test]
    fn stretches_ahead_on_the_scale_of_the_keys() {
        let ahead =
            |first, last, upper, pages| guess(Guess::Ahead(pages), last, upper, Some(first), 0);
        // Across the carry: 8 pages of 1,000 after key 1,999 end near key 9,999.
        let key = ahead("key-0001000", "key-0001999", None, 8).expect("a key");
        let pages = pages_left("key-0001000", "key-0001999", "key-0001999", &key);
        assert!((4.0..=8.5).contains(&pages), "{key}: {pages} pages");
        // A short stretch is not rounded away: one page after key 1,999.
        let key = ahead("key-0001000", "key-0001999", None, 1).expect("a key");
        let pages = pages_left("key-0001000", "key-0001999", "key-0001999", &key);
        assert!((0.5..=1.1).contains(&pages), "{key}: {pages} pages");
        // Hex: each position read in the class of the last key's character there.
        let key = ahead("1a000000", "1a041893", None, 10).expect("a key");
        assert!(key.as_str() > "1a041893" && key.as_str() < "1b", "{key}");
        // Past the upper bound, or past the end of the scale: no key.
        assert_eq!(
            ahead("key-0001000", "key-0001999", Some("key-0003"), 8),
            None
        );
        assert_eq!(ahead("zzz0", "zzzz", None, 100), None);
        // A page of one key has no density.
        assert_eq!(ahead("key-1", "key-1", None, 8), None);
    }

    #[test]
    fn halves_on_the_scale_of_the_keys() {
        let half = |lower, upper| guess(Guess::Middle, lower, Some(upper), None, 0);
        assert_eq!(
            half("events/2025-11-04/030999-9b0.json", "events/2025-11-06").as_deref(),
            Some("events/2025-11-05")
        );
        assert_eq!(half("key-000999", "key-005").as_deref(), Some("key-002"));
        for (lower, upper) in [("a", "b"), ("a", "a\u{1}"), ("z", "\u{10ffff}"), ("é", "ê")] {
            if let Some(key) = half(lower, upper) {
                assert!(key.as_str() > lower && key.as_str() < upper, "{key:?}");
            }
        }
    }

    #[test]
    fn successors_count_up_the_numbered_part_before_the_page() {
        let whole = space("", None);
        let keys = |first, last, space: &KeySpace, count, short_from| {
            successors(first, last, space, count, short_from).1
        };
        assert_eq!(
            successors(
                "events/2025-11-01/000000-9e3.json",
                "events/2025-11-01/000999-6a7.json",
                &whole,
                3,
                None
            ),
            (
                3,
                vec![
                    "events/2025-11-02".to_owned(),
                    "events/2025-11-03".to_owned(),
                    "events/2025-11-04".to_owned()
                ]
            )
        );
        // Past a word (`part`), the nearest numbered part (the day, part 3); before a short
        // part, the next one to the left.
        let parts = (
            "logs/2024-01-31/part-00000.parquet",
            "logs/2024-01-31/part-00039.parquet",
        );
        assert_eq!(
            keys(parts.0, parts.1, &whole, 2, None),
            ["logs/2024-01-32", "logs/2024-01-33"]
        );
        assert_eq!(
            keys(parts.0, parts.1, &whole, 2, Some(3)),
            ["logs/2024-02", "logs/2024-03"]
        );
        assert_eq!(keys(parts.0, parts.1, &whole, 1, Some(2)), ["logs/2025"]);
        assert!(keys(parts.0, parts.1, &whole, 1, Some(1)).is_empty());
        // A page across days counts months once days are short (not years).
        let days = (
            "logs/2024-01-09/part-00000.parquet",
            "logs/2024-01-12/part-00909.parquet",
        );
        assert_eq!(keys(days.0, days.1, &whole, 1, Some(3)), ["logs/2024-02"]);
        // Past a word, one digit is no numbered part: `v10` sorts between `v1` and `v2`.
        assert!(keys("v1/key-000000", "v1/key-000099", &whole, 3, None).is_empty());
        assert_eq!(
            keys("v12/key-000000", "v12/key-000099", &whole, 1, None),
            ["v13"]
        );
        // Next to the page's part, one digit counts (as before words were passed).
        assert_eq!(keys("d/1/000", "d/1/999", &whole, 1, None), ["d/2"]);
        // None past the part's last value at its width.
        assert_eq!(keys("d/98/000", "d/98/999", &whole, 5, None), ["d/99"]);
        // A word before the page's part, and no number before it: no successor.
        assert!(keys("key-000000", "key-000999", &whole, 3, None).is_empty());
        // Keys that differ in their first part: nothing before it.
        assert!(keys("a/1", "c/9", &whole, 3, None).is_empty());
        // Never inside a common prefix: with `/` as the delimiter, `a/02` rolls up into `a/`.
        let slash = space("", Some("/"));
        assert!(keys("a/01/000", "a/01/999", &slash, 3, None).is_empty());
        assert_eq!(
            keys("logs-01-000", "logs-01-999", &slash, 1, None),
            ["logs-02"]
        );
        // Within the prefix only.
        let logs = space("logs/01", None);
        assert!(keys("logs/01/000", "logs/01/999", &logs, 3, None).is_empty());
    }

    #[test]
    fn a_remainder_past_its_part_is_cut_near_the_keys() {
        let near =
            |lower, upper, first, reach| guess(Guess::Near, lower, Some(upper), Some(first), reach);
        // The rest of a day whose counter may end anywhere: the next carry, not half-way.
        assert_eq!(
            near(
                "events/2025-11-04/031999-7",
                "events/2025-11-05",
                "events/2025-11-04/031000-0",
                0
            )
            .as_deref(),
            Some("events/2025-11-04/035")
        );
        // However far the range that made it reached: the rest of a day is cut near its keys.
        assert_eq!(
            near(
                "events/2025-11-17/165999-0",
                "events/2025-11-18",
                "events/2025-11-17/165000-9",
                3
            )
            .as_deref(),
            Some("events/2025-11-17/167")
        );
        // Several days: half-way through the days.
        assert_eq!(
            near(
                "events/2025-11-08/073999-e",
                "events/2025-11-1",
                "events/2025-11-08/073000-7",
                0
            )
            .as_deref(),
            Some("events/2025-11-09")
        );
        // A counter's far end in the same part: half-way through the counter.
        assert_eq!(
            near("key-050999", "key-5", "key-050000", 2).as_deref(),
            Some("key-2")
        );
    }

    #[test]
    fn prefix_end_is_after_every_key_of_the_prefix() {
        assert_eq!(prefix_end("a/").as_deref(), Some("a0"));
        assert_eq!(prefix_end("a\u{d7ff}").as_deref(), Some("a\u{e000}"));
        assert_eq!(prefix_end("a\u{10ffff}").as_deref(), Some("b"));
        assert_eq!(prefix_end(""), None);
    }
}
