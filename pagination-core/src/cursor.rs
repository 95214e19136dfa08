//! [`Cursor`]: a position in a listing that can be written down and resumed exactly.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

pub use crate::cursor_error::{CursorError, MalformedCursor};
use crate::fingerprint::Identity;
use crate::token::{TokenDecoder, TokenEncoder};

/// The first byte of every encoded cursor; bumped when the layout changes. Format 1 cursors
/// (a fingerprint of the request's `Debug` output) are still read and resumed.
pub(crate) const FORMAT_VERSION: u8 = 2;
const LEGACY_FORMAT_VERSION: u8 = 1;
const CHECKSUM_LEN: usize = 4;

/// A position in a listing: the tokens of a page, how many of that page's items were already
/// seen, and a fingerprint of the request's other parameters.
///
/// A cursor resumes a listing after any item, not only at page boundaries. Its string form
/// ([`Display`](fmt::Display) / [`FromStr`]) is opaque and URL-safe; hand it to a user, store it
/// in a database, and later give it to
/// [`Paginator::resume_from`](crate::Paginator::resume_from). A cursor made for a request with
/// other parameters (another filter, another page size) is refused with
/// [`CursorError::ParametersDiffer`], which names them, or [`CursorError::RequestMismatch`]
/// where the parameters have no names (an SDK operation's input); a string that is not a cursor
/// is refused with [`CursorError::Malformed`].
///
/// The parameters are the operation (its type name, without module paths) and the request's
/// fields other than its tokens, each hashed through its `Debug` output; hash maps and sets, at
/// any depth, count by their contents, so the same parameters give the same cursor in every
/// process. Fields that are not parameters of the listing, such as a client, a connection pool
/// or a counter (or a field whose type has no `Debug`), are left out with `#[paginate(skip)]`.
/// A cursor carries the page size the listing was given with
/// [`Paginator::page_size`](crate::Paginator::page_size): a resume without one continues with
/// it. Cursors of this crate's first format still resume; their page size must be set before
/// `resume_from`.
///
/// Resuming at an offset inside a page fetches that page again and skips the items already seen,
/// so it assumes the service returns the same page for the same tokens, as listing APIs do while
/// the listed data does not change.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cursor {
    identity: Identity,
    tokens: Arc<[u8]>,
    offset: u64,
}

impl Cursor {
    pub(crate) fn new(identity: Identity, tokens: Arc<[u8]>, offset: u64) -> Self {
        Cursor {
            identity,
            tokens,
            offset,
        }
    }

    /// How many items of the page at this position were already seen.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    pub(crate) fn identity(&self) -> &Identity {
        &self.identity
    }

    pub(crate) fn tokens(&self) -> &Arc<[u8]> {
        &self.tokens
    }

    /// The cursor's bytes, with a checksum.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = TokenEncoder::default();
        write_identity(&mut out, &self.identity);
        out.write_u64(self.offset);
        out.write_bytes(&self.tokens);
        with_checksum(out.into_bytes())
    }

    /// Reads [`to_bytes`](Cursor::to_bytes)' output back.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Self, CursorError> {
        let body = checked_body(bytes)?;
        let mut input = TokenDecoder::new(body);
        let truncated = |_| CursorError::from(MalformedCursor::TooShort);
        let version = input.read_u64().map_err(truncated)?;
        if version == u64::from(PARTITIONED_FORMAT_VERSION) {
            return Err(MalformedCursor::Partitioned.into());
        }
        let identity = read_identity(&mut input, version, body.len())?;
        let offset = input.read_u64().map_err(truncated)?;
        let tokens = Arc::from(input.read_bytes().map_err(truncated)?);
        if !input.is_at_end() {
            return Err(MalformedCursor::TrailingBytes.into());
        }
        Ok(Cursor::new(identity, tokens, offset))
    }
}

/// The first byte of a parallel listing's cursor ([`PartitionCursor`](crate::PartitionCursor)).
pub(crate) const PARTITIONED_FORMAT_VERSION: u8 = 3;

/// Format 2 with the page size the listing was given, after the identity: written when one was.
pub(crate) const PAGE_SIZE_FORMAT_VERSION: u8 = 4;

/// Writes the format version and the identity (format 1 for an identity read from a format-1
/// cursor).
pub(crate) fn write_identity(out: &mut TokenEncoder, identity: &Identity) {
    if identity.legacy {
        out.write_u64(u64::from(LEGACY_FORMAT_VERSION));
        out.write_u64(identity.all);
    } else if let Some(size) = identity.page_size {
        out.write_u64(u64::from(PAGE_SIZE_FORMAT_VERSION));
        write_identity_body(out, identity);
        out.write_u64(u64::from(size));
    } else {
        out.write_u64(u64::from(FORMAT_VERSION));
        write_identity_body(out, identity);
    }
}

/// A format-2 identity, without the version.
pub(crate) fn write_identity_body(out: &mut TokenEncoder, identity: &Identity) {
    out.write_u64(identity.all);
    out.write_u64(identity.without_page_size);
    out.write_u64(identity.short.len() as u64);
    for &short in identity.short.iter() {
        out.write_u64(u64::from(short));
    }
}

/// Reads an identity written by [`write_identity`] after its `version`; `body_len` bounds the
/// number of parameters.
pub(crate) fn read_identity(
    input: &mut TokenDecoder<'_>,
    version: u64,
    body_len: usize,
) -> Result<Identity, CursorError> {
    let truncated = |_| CursorError::from(MalformedCursor::TooShort);
    if version == u64::from(LEGACY_FORMAT_VERSION) {
        let all = input.read_u64().map_err(truncated)?;
        return Ok(Identity {
            all,
            without_page_size: all,
            short: Arc::from([]),
            legacy: true,
            page_size: None,
        });
    }
    if version == u64::from(PAGE_SIZE_FORMAT_VERSION) {
        let mut identity = read_identity_body(input, body_len)?;
        let size = input.read_u64().map_err(truncated)?;
        let size = u32::try_from(size)
            .ok()
            .filter(|&size| size > 0)
            .ok_or(MalformedCursor::InvalidToken)?;
        identity.page_size = Some(size);
        return Ok(identity);
    }
    if version != u64::from(FORMAT_VERSION) {
        return Err(MalformedCursor::UnknownVersion.into());
    }
    read_identity_body(input, body_len)
}

/// Reads a format-2 identity written by [`write_identity_body`].
pub(crate) fn read_identity_body(
    input: &mut TokenDecoder<'_>,
    body_len: usize,
) -> Result<Identity, CursorError> {
    let truncated = |_| CursorError::from(MalformedCursor::TooShort);
    let all = input.read_u64().map_err(truncated)?;
    let without_page_size = input.read_u64().map_err(truncated)?;
    let count = input.read_u64().map_err(truncated)?;
    // Each entry takes a byte at least: a larger count is a damaged cursor.
    if count > body_len as u64 {
        return Err(MalformedCursor::TooShort.into());
    }
    let short = (0..count)
        .map(|_| {
            let value = input.read_u64().map_err(truncated)?;
            u16::try_from(value).map_err(|_| CursorError::from(MalformedCursor::InvalidToken))
        })
        .collect::<Result<Arc<[u16]>, CursorError>>()?;
    Ok(Identity {
        all,
        without_page_size,
        short,
        legacy: false,
        page_size: None,
    })
}

/// `body` followed by its checksum.
pub(crate) fn with_checksum(mut body: Vec<u8>) -> Vec<u8> {
    let checksum = checksum(&body);
    body.extend_from_slice(&checksum);
    body
}

/// The body of `bytes`, once its checksum is verified.
pub(crate) fn checked_body(bytes: &[u8]) -> Result<&[u8], CursorError> {
    if bytes.len() <= CHECKSUM_LEN {
        return Err(MalformedCursor::TooShort.into());
    }
    let (body, sum) = bytes.split_at(bytes.len() - CHECKSUM_LEN);
    if checksum(body) != sum {
        return Err(MalformedCursor::ChecksumMismatch.into());
    }
    Ok(body)
}

fn checksum(bytes: &[u8]) -> [u8; CHECKSUM_LEN] {
    let hash = xxhash_rust::xxh3::xxh3_64(bytes);
    let mut out = [0; CHECKSUM_LEN];
    out.copy_from_slice(&hash.to_le_bytes()[..CHECKSUM_LEN]);
    out
}

impl fmt::Display for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&URL_SAFE_NO_PAD.encode(self.to_bytes()))
    }
}

impl fmt::Debug for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cursor")
            .field("offset", &self.offset)
            .field("encoded", &format_args!("{self}"))
            .finish()
    }
}

impl FromStr for Cursor {
    type Err = CursorError;

    fn from_str(encoded: &str) -> Result<Self, CursorError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(encoded.trim())
            .map_err(|_| MalformedCursor::NotBase64)?;
        Cursor::from_bytes(&bytes)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Cursor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Cursor {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let encoded = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        encoded.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cursor_error::SDK_PAGE_SIZE;

    fn sample() -> Cursor {
        Cursor::new(
            Identity {
                all: 0x0123_4567_89ab_cdef,
                without_page_size: 0x7654_3210_fedc_ba98,
                short: Arc::from([7u16, 65_535, 0]),
                legacy: false,
                page_size: None,
            },
            Arc::from(&b"\x01\x05hello\x00"[..]),
            17,
        )
    }

    #[test]
    fn format_1_cursors_are_still_read() {
        // A cursor written by the first format: version, fingerprint, offset, tokens, checksum.
        let mut out = TokenEncoder::default();
        out.write_u64(1);
        out.write_u64(0xfeed);
        out.write_u64(3);
        out.write_bytes(b"\x01\x01a");
        let mut bytes = out.into_bytes();
        let sum = checksum(&bytes);
        bytes.extend_from_slice(&sum);
        let cursor: Cursor = URL_SAFE_NO_PAD.encode(&bytes).parse().unwrap();
        assert!(cursor.identity().legacy);
        assert_eq!((cursor.identity().all, cursor.offset()), (0xfeed, 3));
        assert_eq!(cursor.to_string(), URL_SAFE_NO_PAD.encode(&bytes));
    }

    #[test]
    fn mismatches_name_the_parameters() {
        let error = CursorError::ParametersDiffer {
            parameters: vec!["status", "limit"],
        };
        assert_eq!(
            error.to_string(),
            "this cursor was made for a request with another `status` and `limit`; resume it with the parameters that produced it \
             (in a declaration of your own, a field that is no parameter of the listing, such as a client, is marked `#[paginate(skip)]`)"
        );
        // An SDK operation's page size is no field of the caller's: no hint about one.
        let error = CursorError::ParametersDiffer {
            parameters: vec![SDK_PAGE_SIZE],
        };
        assert_eq!(
            error.to_string(),
            "this cursor was made for a request with another page size; resume it with the parameters that produced it"
        );
    }

    #[test]
    fn round_trips_through_its_string() {
        let cursor = sample();
        let encoded = cursor.to_string();
        assert!(
            encoded
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(encoded.parse::<Cursor>().unwrap(), cursor);
    }

    #[test]
    fn every_truncation_is_refused() {
        let encoded = sample().to_string();
        for end in 0..encoded.len() {
            assert!(encoded[..end].parse::<Cursor>().is_err(), "prefix {end}");
        }
    }

    #[test]
    fn a_changed_byte_is_refused() {
        let bytes = sample().to_bytes();
        for index in 0..bytes.len() {
            let mut tampered = bytes.clone();
            tampered[index] ^= 0x10;
            let encoded = URL_SAFE_NO_PAD.encode(&tampered);
            assert!(encoded.parse::<Cursor>().is_err(), "byte {index}");
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serializes_as_its_string() {
        let cursor = sample();
        let json = serde_json::to_string(&cursor).unwrap();
        assert_eq!(json, format!("\"{cursor}\""));
        assert_eq!(serde_json::from_str::<Cursor>(&json).unwrap(), cursor);
        let error = serde_json::from_str::<Cursor>("\"garbage\"").unwrap_err();
        assert!(
            error.to_string().contains("not a pagination cursor"),
            "{error}"
        );
        assert!(serde_json::from_str::<Cursor>("42").is_err());
    }

    #[test]
    fn reasons_are_specific() {
        assert_eq!(
            "not base64!".parse::<Cursor>(),
            Err(CursorError::Malformed(MalformedCursor::NotBase64))
        );
        assert_eq!(
            "".parse::<Cursor>(),
            Err(CursorError::Malformed(MalformedCursor::TooShort))
        );
        assert_eq!(
            "A".repeat(70_000).parse::<Cursor>(),
            Err(CursorError::Malformed(MalformedCursor::ChecksumMismatch))
        );
    }
}
