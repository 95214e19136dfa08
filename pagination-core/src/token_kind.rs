//! How a token field's type travels, picked per field by generated code: a [`TokenValue`] as
//! itself, else a string enum (the AWS SDK's `RrType`, any type that is `AsRef<str>` and
//! `From<&str>`) as its string, through [`StrEnumToken`]. Downstream crates cannot implement
//! `TokenValue` for another crate's enum (the orphan rule); this makes them need not.
//!
//! The choice is autoref specialization: generated code calls
//! `(&&&TokenSlot(Some(&field))).token_kind()`, and method resolution takes the first of
//! [`ValueTokenKind`] (the field holds a [`TokenField`]), [`StrEnumTokenKind`] (an `Option` of a
//! string enum) and [`OtherTokenKind`] (anything else) that applies. The last answers the value
//! path, whose bounds then fail with `TokenField`'s or `TokenValue`'s message on the user's token.

use crate::__private::TokenField;
use crate::token::{StrEnum, StrEnumToken, TokenValue, TokenVisitor};

/// A token field, or the field at the end of an output path (`None` when something along the
/// path is absent).
pub struct TokenSlot<'a, F>(pub Option<&'a F>);

impl<'a, F> TokenSlot<'a, F> {
    /// A field that is there.
    pub fn of(field: &'a F) -> Self {
        TokenSlot(Some(field))
    }

    /// The field at the end of `path`; a closure so that `?` can walk optional sub-structures.
    pub fn at<O: ?Sized>(output: &'a O, path: impl FnOnce(&'a O) -> Option<&'a F>) -> Self {
        TokenSlot(path(output))
    }
}

/// A token that travels as itself: a [`TokenValue`], or a field holding one ([`TokenField`]).
pub struct ValueToken<'a, F>(Option<&'a F>);

/// A string-enum token, carried as its string.
pub struct EnumToken<'a, T>(Option<&'a Option<T>>);

/// Picks [`ValueToken`] for a [`TokenField`]: the first choice.
pub trait ValueTokenKind<'a, F> {
    /// The way this token travels.
    fn token_kind(&self) -> ValueToken<'a, F>;
}

impl<'a, F: TokenField> ValueTokenKind<'a, F> for &&TokenSlot<'a, F> {
    fn token_kind(&self) -> ValueToken<'a, F> {
        ValueToken(self.0)
    }
}

/// Picks [`EnumToken`] for an `Option` of a string enum: the second choice.
pub trait StrEnumTokenKind<'a, T> {
    /// The way this token travels.
    fn token_kind(&self) -> EnumToken<'a, T>;
}

impl<'a, T: StrEnum> StrEnumTokenKind<'a, T> for &TokenSlot<'a, Option<T>> {
    fn token_kind(&self) -> EnumToken<'a, T> {
        EnumToken(self.0)
    }
}

/// Picks [`ValueToken`] for any other type, so that its bounds report the mistake.
pub trait OtherTokenKind<'a, F> {
    /// The way this token travels (it cannot: using it is a compile error).
    fn token_kind(&self) -> ValueToken<'a, F>;
}

impl<'a, F> OtherTokenKind<'a, F> for TokenSlot<'a, F> {
    fn token_kind(&self) -> ValueToken<'a, F> {
        ValueToken(self.0)
    }
}

impl<F> ValueToken<'_, F> {
    /// The next token this output field holds, or `None` when it is absent or empty.
    pub fn read<T>(self) -> Option<T>
    where
        F: TokenField<Value = T>,
    {
        self.0.and_then(crate::__private::token)
    }
}

impl<T> ValueToken<'_, Option<T>> {
    /// Hands this input-token field to `visitor` and returns the value to store.
    pub fn visit<V: TokenVisitor>(self, visitor: &mut V) -> Result<Option<T>, V::Error>
    where
        T: TokenValue,
    {
        visitor.visit(self.0.and_then(Option::clone))
    }
}

impl<T: StrEnum> EnumToken<'_, T> {
    /// The next token this output field holds, or `None` when it is absent or its string empty.
    pub fn read(self) -> Option<T> {
        self.0
            .and_then(Option::as_ref)
            .filter(|value| !value.as_ref().is_empty())
            .cloned()
    }

    /// Hands this input-token field to `visitor`, as its string, and returns the value to store.
    pub fn visit<V: TokenVisitor>(self, visitor: &mut V) -> Result<Option<T>, V::Error> {
        let token = self.0.and_then(Option::clone).map(StrEnumToken);
        Ok(visitor.visit(token)?.map(|token| token.0))
    }
}
