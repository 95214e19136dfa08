//! Pagination tokens: the values a service hands back to say where the next page starts.
//!
//! The engine never names a token's type. Generated code hands each token field to a
//! [`TokenVisitor`], whose generic `visit` method learns the type from the field itself; this is
//! how a declaration avoids writing token types at all. Token values are compared, hashed and
//! stored in [`Cursor`](crate::Cursor)s through their encoded bytes ([`TokenValue`]).

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;
use std::hash::{BuildHasher, Hash};

use crate::cursor_error::{CursorError, MalformedCursor};

/// A value that can travel in a pagination token: a string, an integer, a list or a map of them.
///
/// Implement it for your own types to use them in tokens (for example an attribute-value enum in
/// a DynamoDB-style `LastEvaluatedKey` map). The encoding must be deterministic: equal values
/// encode to equal bytes, because the duplicate-token and cycle guards compare encodings.
///
/// ```
/// use pagination_core::{CursorError, TokenDecoder, TokenEncoder, TokenValue};
///
/// #[derive(Clone, Debug, PartialEq)]
/// enum Scalar {
///     Text(String),
///     Number(i64),
/// }
///
/// impl TokenValue for Scalar {
///     fn encode(&self, out: &mut TokenEncoder) {
///         match self {
///             Scalar::Text(text) => {
///                 out.write_u64(0);
///                 text.encode(out);
///             }
///             Scalar::Number(number) => {
///                 out.write_u64(1);
///                 number.encode(out);
///             }
///         }
///     }
///
///     fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
///         match input.read_u64()? {
///             0 => Ok(Scalar::Text(String::decode(input)?)),
///             1 => Ok(Scalar::Number(i64::decode(input)?)),
///             _ => Err(input.invalid()),
///         }
///     }
/// }
/// ```
///
/// A string enum of another crate (the AWS SDK's `RrType`, which this crate may not implement
/// `TokenValue` for) needs no impl: a token field whose type is `AsRef<str>` and `From<&str>`
/// travels as its string ([`StrEnum`]).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot travel in a pagination token",
    label = "this token",
    note = "a token is a `String`, an integer, a `bool`, a list or map of them, a type that implements `pagination_core::TokenValue`, or a string enum (`AsRef<str> + From<&str>`, as the AWS SDK's enums are)"
)]
pub trait TokenValue: Clone + Send + Sync + 'static {
    /// Whether this value means "no token". Empty strings and empty maps do: services send them
    /// on the last page, and botocore treats them as absent.
    fn is_empty(&self) -> bool {
        false
    }

    /// Appends the value's deterministic encoding.
    fn encode(&self, out: &mut TokenEncoder);

    /// Reads a value back from [`encode`](TokenValue::encode)'s output. Must not panic on any
    /// input; answer [`TokenDecoder::invalid`] instead.
    fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError>;
}

/// Receives each input-token field of a request, in declaration order.
///
/// Generated code calls [`visit`](TokenVisitor::visit) once per token field with the field's
/// current value and stores what it returns. The engine uses visitors to record tokens (for
/// cursors and loop guards), to restore them from a cursor, and to clear them.
pub trait TokenVisitor {
    /// Why a visit can fail (`Infallible` for visitors that cannot).
    type Error;

    /// Visits one token field and returns its new value.
    fn visit<T: TokenValue>(&mut self, token: Option<T>) -> Result<Option<T>, Self::Error>;
}

/// The byte sink of [`TokenValue::encode`].
#[derive(Debug, Default, Clone)]
pub struct TokenEncoder {
    bytes: Vec<u8>,
}

impl TokenEncoder {
    /// Writes an unsigned integer (LEB128).
    pub fn write_u64(&mut self, mut value: u64) {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// Writes a signed integer (zig-zag, then LEB128).
    pub fn write_i64(&mut self, value: i64) {
        self.write_u64(((value << 1) ^ (value >> 63)) as u64);
    }

    /// Writes a length-prefixed byte string.
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        self.write_u64(bytes.len() as u64);
        self.bytes.extend_from_slice(bytes);
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

/// The byte source of [`TokenValue::decode`]. Every read is bounds-checked.
#[derive(Debug)]
pub struct TokenDecoder<'a> {
    input: &'a [u8],
}

impl<'a> TokenDecoder<'a> {
    pub(crate) fn new(input: &'a [u8]) -> Self {
        TokenDecoder { input }
    }

    pub(crate) fn is_at_end(&self) -> bool {
        self.input.is_empty()
    }

    /// Reads an unsigned integer written by [`TokenEncoder::write_u64`].
    pub fn read_u64(&mut self) -> Result<u64, CursorError> {
        let mut value = 0u64;
        for (index, byte) in self.input.iter().enumerate().take(10) {
            let low = u64::from(byte & 0x7f);
            let shift = 7 * index as u32;
            if shift == 63 && low > 1 {
                break;
            }
            value |= low << shift;
            if byte & 0x80 == 0 {
                self.input = &self.input[index + 1..];
                return Ok(value);
            }
        }
        Err(self.invalid())
    }

    /// Reads a signed integer written by [`TokenEncoder::write_i64`].
    pub fn read_i64(&mut self) -> Result<i64, CursorError> {
        let raw = self.read_u64()?;
        Ok(((raw >> 1) as i64) ^ -((raw & 1) as i64))
    }

    /// Reads a byte string written by [`TokenEncoder::write_bytes`].
    pub fn read_bytes(&mut self) -> Result<&'a [u8], CursorError> {
        let len = self.read_u64()?;
        let len = usize::try_from(len).map_err(|_| self.invalid())?;
        if len > self.input.len() {
            return Err(self.invalid());
        }
        let (bytes, rest) = self.input.split_at(len);
        self.input = rest;
        Ok(bytes)
    }

    /// Reads a collection length, refusing one larger than the remaining input could hold (every
    /// element takes at least one byte), so a forged length cannot make us allocate.
    pub fn read_len(&mut self) -> Result<usize, CursorError> {
        let len = self.read_u64()?;
        match usize::try_from(len) {
            Ok(len) if len <= self.input.len() => Ok(len),
            _ => Err(self.invalid()),
        }
    }

    /// The error to answer when the bytes do not describe a value.
    pub fn invalid(&self) -> CursorError {
        CursorError::Malformed(MalformedCursor::InvalidToken)
    }
}

impl TokenValue for String {
    fn is_empty(&self) -> bool {
        str::is_empty(self)
    }

    fn encode(&self, out: &mut TokenEncoder) {
        out.write_bytes(self.as_bytes());
    }

    fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
        let bytes = input.read_bytes()?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| input.invalid())
    }
}

impl TokenValue for bool {
    fn encode(&self, out: &mut TokenEncoder) {
        out.write_u64(u64::from(*self));
    }

    fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
        match input.read_u64()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(input.invalid()),
        }
    }
}

/// Integers travel as LEB128, signed ones zig-zagged first; decoding refuses values that do not
/// fit the type.
macro_rules! integer_tokens {
    ($write:ident, $read:ident, $wide:ty: $($ty:ty),*) => {$(
        impl TokenValue for $ty {
            fn encode(&self, out: &mut TokenEncoder) {
                out.$write(*self as $wide);
            }

            fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
                let raw = input.$read()?;
                <$ty>::try_from(raw).map_err(|_| input.invalid())
            }
        }
    )*};
}

integer_tokens!(write_u64, read_u64, u64: u8, u16, u32, u64, usize);
integer_tokens!(write_i64, read_i64, i64: i8, i16, i32, i64, isize);

impl<T: TokenValue> TokenValue for Vec<T> {
    fn is_empty(&self) -> bool {
        <[T]>::is_empty(self)
    }

    fn encode(&self, out: &mut TokenEncoder) {
        out.write_u64(self.len() as u64);
        for value in self {
            value.encode(out);
        }
    }

    fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
        let len = input.read_len()?;
        (0..len).map(|_| T::decode(input)).collect()
    }
}

impl<K: TokenValue + Ord, V: TokenValue> TokenValue for BTreeMap<K, V> {
    fn is_empty(&self) -> bool {
        BTreeMap::is_empty(self)
    }

    fn encode(&self, out: &mut TokenEncoder) {
        encode_entries(self.iter(), self.len(), out);
    }

    fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
        decode_entries(input)
    }
}

impl<K, V, S> TokenValue for HashMap<K, V, S>
where
    K: TokenValue + Eq + Hash + Ord,
    V: TokenValue,
    S: BuildHasher + Default + Clone + Send + Sync + 'static,
{
    fn is_empty(&self) -> bool {
        HashMap::is_empty(self)
    }

    /// Entries are written in key order, so equal maps encode equally whatever their hash state.
    fn encode(&self, out: &mut TokenEncoder) {
        let mut entries: Vec<_> = self.iter().collect();
        entries.sort_by(|left, right| left.0.cmp(right.0));
        encode_entries(entries, self.len(), out);
    }

    fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
        decode_entries(input)
    }
}

/// A map: its length, then each key and value.
fn encode_entries<'a, K: TokenValue, V: TokenValue>(
    entries: impl IntoIterator<Item = (&'a K, &'a V)>,
    len: usize,
    out: &mut TokenEncoder,
) {
    out.write_u64(len as u64);
    for (key, value) in entries {
        key.encode(out);
        value.encode(out);
    }
}

fn decode_entries<K: TokenValue, V: TokenValue, M: FromIterator<(K, V)>>(
    input: &mut TokenDecoder<'_>,
) -> Result<M, CursorError> {
    let len = input.read_len()?;
    (0..len)
        .map(|_| Ok((K::decode(input)?, V::decode(input)?)))
        .collect()
}

impl<T: TokenValue> TokenValue for Box<T> {
    fn is_empty(&self) -> bool {
        T::is_empty(self)
    }

    fn encode(&self, out: &mut TokenEncoder) {
        T::encode(self, out);
    }

    fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
        T::decode(input).map(Box::new)
    }
}

/// A string enum: a type that converts to and from its string, unknown strings included, as the
/// AWS SDK's enums do (`RrType::from("A")`, `RrType::Unknown(..)` for a value the SDK does not
/// know). A token of such a type travels as its string, with no [`TokenValue`] impl.
pub trait StrEnum: AsRef<str> + for<'a> From<&'a str> + Clone + Send + Sync + 'static {}

impl<T: AsRef<str> + for<'a> From<&'a str> + Clone + Send + Sync + 'static> StrEnum for T {}

/// A [`StrEnum`] token as the engine carries it: encoded as its string (exactly as a `String`
/// token), empty when the string is, and read back through `From<&str>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrEnumToken<T>(pub T);

impl<T: StrEnum> TokenValue for StrEnumToken<T> {
    fn is_empty(&self) -> bool {
        self.0.as_ref().is_empty()
    }

    fn encode(&self, out: &mut TokenEncoder) {
        out.write_bytes(self.0.as_ref().as_bytes());
    }

    fn decode(input: &mut TokenDecoder<'_>) -> Result<Self, CursorError> {
        let bytes = input.read_bytes()?;
        std::str::from_utf8(bytes)
            .map(|text| StrEnumToken(T::from(text)))
            .map_err(|_| input.invalid())
    }
}

/// Records each token: one presence byte, then the value's encoding.
#[derive(Default)]
pub(crate) struct TokenRecorder {
    encoder: TokenEncoder,
}

impl TokenRecorder {
    pub(crate) fn finish(self) -> Vec<u8> {
        self.encoder.into_bytes()
    }
}

impl TokenVisitor for TokenRecorder {
    type Error = Infallible;

    fn visit<T: TokenValue>(&mut self, token: Option<T>) -> Result<Option<T>, Infallible> {
        match &token {
            Some(value) => {
                self.encoder.write_u64(1);
                value.encode(&mut self.encoder);
            }
            None => self.encoder.write_u64(0),
        }
        Ok(token)
    }
}

/// Restores the tokens a [`TokenRecorder`] wrote.
pub(crate) struct TokenRestorer<'a> {
    decoder: TokenDecoder<'a>,
}

impl<'a> TokenRestorer<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        TokenRestorer {
            decoder: TokenDecoder::new(bytes),
        }
    }

    /// Succeeds only when every recorded byte was consumed: leftovers mean the cursor was made
    /// for an operation with more tokens.
    pub(crate) fn finish(self) -> Result<(), CursorError> {
        if self.decoder.is_at_end() {
            Ok(())
        } else {
            Err(CursorError::TokenMismatch)
        }
    }
}

impl TokenVisitor for TokenRestorer<'_> {
    type Error = CursorError;

    fn visit<T: TokenValue>(&mut self, _current: Option<T>) -> Result<Option<T>, CursorError> {
        if self.decoder.is_at_end() {
            return Err(CursorError::TokenMismatch);
        }
        match self.decoder.read_u64()? {
            0 => Ok(None),
            1 => T::decode(&mut self.decoder).map(Some),
            _ => Err(self.decoder.invalid()),
        }
    }
}

/// Clears every token, to describe a request independently of its position.
pub(crate) struct TokenClearer;

impl TokenVisitor for TokenClearer {
    type Error = Infallible;

    fn visit<T: TokenValue>(&mut self, _token: Option<T>) -> Result<Option<T>, Infallible> {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: TokenValue + PartialEq + std::fmt::Debug>(value: T) {
        let mut out = TokenEncoder::default();
        value.encode(&mut out);
        let bytes = out.into_bytes();
        let mut input = TokenDecoder::new(&bytes);
        assert_eq!(T::decode(&mut input).unwrap(), value);
        assert!(input.is_at_end());
    }

    #[test]
    fn values_round_trip() {
        round_trip(String::from("photos/2024 été+%.jpg"));
        round_trip(0u64);
        round_trip(u64::MAX);
        round_trip(i64::MIN);
        round_trip(-1i32);
        round_trip(true);
        round_trip(vec![1u32, 2, 300]);
        round_trip(BTreeMap::from([(String::from("pk"), 7i64)]));
        round_trip(HashMap::from([
            (String::from("b"), String::from("2")),
            (String::from("a"), String::from("1")),
        ]));
    }

    /// Stands for an SDK enum: known variants and an `Unknown` one that keeps its string.
    #[derive(Clone, Debug, PartialEq)]
    enum RecordType {
        A,
        Unknown(String),
    }

    impl From<&str> for RecordType {
        fn from(text: &str) -> Self {
            match text {
                "A" => RecordType::A,
                other => RecordType::Unknown(other.to_owned()),
            }
        }
    }

    impl AsRef<str> for RecordType {
        fn as_ref(&self) -> &str {
            match self {
                RecordType::A => "A",
                RecordType::Unknown(text) => text,
            }
        }
    }

    #[test]
    fn string_enums_travel_as_their_string() {
        round_trip(StrEnumToken(RecordType::A));
        round_trip(StrEnumToken(RecordType::Unknown("NEWTYPE".into())));
        let encode = |value: &dyn Fn(&mut TokenEncoder)| {
            let mut out = TokenEncoder::default();
            value(&mut out);
            out.into_bytes()
        };
        assert_eq!(
            encode(&|out| StrEnumToken(RecordType::A).encode(out)),
            encode(&|out| String::from("A").encode(out)),
            "a cursor does not depend on how a token field is typed"
        );
        assert!(StrEnumToken(RecordType::Unknown(String::new())).is_empty());
        assert!(!StrEnumToken(RecordType::A).is_empty());
    }

    #[test]
    fn equal_hash_maps_encode_equally() {
        let encode = |map: &HashMap<String, u8>| {
            let mut out = TokenEncoder::default();
            map.encode(&mut out);
            out.into_bytes()
        };
        let forward: HashMap<String, u8> = (0..50).map(|i| (i.to_string(), i)).collect();
        let backward: HashMap<String, u8> = (0..50).rev().map(|i| (i.to_string(), i)).collect();
        assert_eq!(encode(&forward), encode(&backward));
    }

    #[test]
    fn overlong_and_truncated_input_is_refused() {
        let mut input = TokenDecoder::new(&[0xff; 11]);
        assert!(input.read_u64().is_err());
        let mut input = TokenDecoder::new(&[5, b'a']);
        assert!(input.read_bytes().is_err());
        let mut input = TokenDecoder::new(&[200, 1]);
        assert!(Vec::<u8>::decode(&mut input).is_err());
        let mut input =
            TokenDecoder::new(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02]);
        assert!(
            input.read_u64().is_err(),
            "a tenth byte above 1 overflows u64"
        );
    }
}
