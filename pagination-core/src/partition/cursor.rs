//! [`PartitionCursor`]: the position of a parallel listing, one entry per range not finished.

use std::fmt;
use std::str::FromStr;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::cursor::{
    FORMAT_VERSION, PAGE_SIZE_FORMAT_VERSION, PARTITIONED_FORMAT_VERSION, checked_body,
    read_identity_body, with_checksum, write_identity_body,
};
use crate::fingerprint::Identity;
use crate::token::{TokenDecoder, TokenEncoder};
use crate::{Cursor, CursorError, MalformedCursor};

/// One range of a parallel listing that is not finished: its bounds, and where its own listing
/// stands (`None`: at its start).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) struct SavedRange {
    /// The range lists keys after this one (`None`: from the start of the listing).
    pub(crate) after: Option<String>,
    /// ... up to and including this one (`None`: to the end).
    pub(crate) up_to: Option<String>,
    pub(crate) position: Option<Cursor>,
}

/// A position in a parallel listing ([`Paginator::parallel`](crate::Paginator::parallel)): for
/// each key range not yet finished, its bounds and where its listing stands.
///
/// Like [`Cursor`], its string form ([`Display`](fmt::Display) / [`FromStr`]) is opaque,
/// URL-safe, checksummed and tied to the request's parameters; resume it with
/// [`PartitionedPaginator::resume_from`](crate::PartitionedPaginator::resume_from), in this
/// process or another, ordered or not, with any number of ranges in flight. Its length grows with
/// the number of ranges not finished (about 60 bytes and the range's two bounds each).
///
/// A sequential [`Cursor`] is refused by the parallel listing and this cursor by the sequential
/// one, each with a [`MalformedCursor`] that says which to use.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PartitionCursor {
    pub(crate) identity: Identity,
    pub(crate) ranges: Vec<SavedRange>,
}

impl PartitionCursor {
    /// How many key ranges are left to list.
    pub fn ranges(&self) -> usize {
        self.ranges.len()
    }

    /// Whether every range left lies within `range`.
    pub(crate) fn within(&self, range: &crate::KeyRange) -> bool {
        self.ranges.iter().all(|saved| {
            let starts_inside = match (&range.after, &saved.after) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(bound), Some(after)) => after >= bound,
            };
            let ends_inside = match (&range.up_to, &saved.up_to) {
                (_, None) => range.up_to.is_none(),
                (None, Some(_)) => true,
                (Some(bound), Some(up_to)) => up_to <= bound,
            };
            starts_inside && ends_inside
        })
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut out = TokenEncoder::default();
        out.write_u64(u64::from(PARTITIONED_FORMAT_VERSION));
        write_identity_body(&mut out, &self.identity);
        out.write_u64(self.ranges.len() as u64);
        for range in &self.ranges {
            write_key(&mut out, range.after.as_deref());
            write_key(&mut out, range.up_to.as_deref());
            match &range.position {
                Some(cursor) => {
                    out.write_u64(1);
                    out.write_bytes(&cursor.to_bytes());
                }
                None => out.write_u64(0),
            }
        }
        with_checksum(out.into_bytes())
    }

    fn from_bytes(bytes: &[u8]) -> Result<Self, CursorError> {
        let body = checked_body(bytes)?;
        let mut input = TokenDecoder::new(body);
        let truncated = |_| CursorError::from(MalformedCursor::TooShort);
        let version = input.read_u64().map_err(truncated)?;
        if version != u64::from(PARTITIONED_FORMAT_VERSION) {
            return Err(if version <= u64::from(FORMAT_VERSION)
                || version == u64::from(PAGE_SIZE_FORMAT_VERSION)
            {
                MalformedCursor::NotPartitioned
            } else {
                MalformedCursor::UnknownVersion
            }
            .into());
        }
        let identity = read_identity_body(&mut input, body.len())?;
        let count = input.read_u64().map_err(truncated)?;
        if count > body.len() as u64 {
            return Err(MalformedCursor::TooShort.into());
        }
        let mut ranges = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let after = read_key(&mut input)?;
            let up_to = read_key(&mut input)?;
            let position = match input.read_u64().map_err(truncated)? {
                0 => None,
                1 => Some(Cursor::from_bytes(input.read_bytes().map_err(truncated)?)?),
                _ => return Err(MalformedCursor::InvalidToken.into()),
            };
            // The ranges follow one another: each starts where the one before ends.
            if let Some(before) = ranges.last().map(|range: &SavedRange| &range.up_to)
                && (before.is_none() || before.as_deref() > after.as_deref())
            {
                return Err(MalformedCursor::InvalidToken.into());
            }
            if let (Some(after), Some(up_to)) = (&after, &up_to)
                && after >= up_to
            {
                return Err(MalformedCursor::InvalidToken.into());
            }
            ranges.push(SavedRange {
                after,
                up_to,
                position,
            });
        }
        if !input.is_at_end() {
            return Err(MalformedCursor::TrailingBytes.into());
        }
        Ok(PartitionCursor { identity, ranges })
    }
}

fn write_key(out: &mut TokenEncoder, key: Option<&str>) {
    match key {
        Some(key) => {
            out.write_u64(1);
            out.write_bytes(key.as_bytes());
        }
        None => out.write_u64(0),
    }
}

fn read_key(input: &mut TokenDecoder<'_>) -> Result<Option<String>, CursorError> {
    let truncated = |_| CursorError::from(MalformedCursor::TooShort);
    match input.read_u64().map_err(truncated)? {
        0 => Ok(None),
        1 => {
            let bytes = input.read_bytes().map_err(truncated)?;
            let key = std::str::from_utf8(bytes).map_err(|_| MalformedCursor::InvalidToken)?;
            Ok(Some(key.to_owned()))
        }
        _ => Err(MalformedCursor::InvalidToken.into()),
    }
}

impl fmt::Display for PartitionCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&URL_SAFE_NO_PAD.encode(self.to_bytes()))
    }
}

impl fmt::Debug for PartitionCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PartitionCursor")
            .field("ranges", &self.ranges.len())
            .field("encoded", &format_args!("{self}"))
            .finish()
    }
}

impl FromStr for PartitionCursor {
    type Err = CursorError;

    fn from_str(encoded: &str) -> Result<Self, CursorError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(encoded.trim())
            .map_err(|_| MalformedCursor::NotBase64)?;
        PartitionCursor::from_bytes(&bytes)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for PartitionCursor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for PartitionCursor {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
