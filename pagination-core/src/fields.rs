//! The field kinds a declaration's fields may be, and the helpers generated code calls on them:
//! token, flag, item, first-page-only and page-size fields. Each is a trait, so that a field's
//! type is inferred, never written, and a wrong one is one error on the user's token.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::operation::{ItemField, clamped_page_size};
use crate::token::TokenValue;

/// Sets a page size as `Paginator::page_size` does: clamped to the declaration's largest.
pub fn set_page_size<Op: crate::PageSize>(request: Op::Request, size: u32) -> Op::Request {
    Op::set_page_size(request, clamped_page_size::<Op>(size))
}

/// A declaration's `max_page_size`, checked where it is evaluated (at compile time): a page size
/// of 0 could never make progress.
pub const fn max_page_size(size: u32) -> u32 {
    assert!(size > 0, "`max_page_size` must be at least 1");
    size
}

/// An output field that holds a token: `Option<T>`, or a bare value where empty means "no token".
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a pagination token",
    label = "this output token",
    note = "a token field is an `Option<T>` whose `T` implements `pagination_core::TokenValue` (strings, integers, lists and maps of them), or a bare `String` or integer"
)]
pub trait TokenField {
    /// The token's value type.
    type Value: TokenValue;

    /// The token, if present.
    fn token_ref(&self) -> Option<&Self::Value>;
}

impl<T: TokenValue> TokenField for Option<T> {
    type Value = T;

    fn token_ref(&self) -> Option<&T> {
        self.as_ref()
    }
}

macro_rules! bare_token_fields {
    ($($ty:ty),*) => {$(
        impl TokenField for $ty {
            type Value = $ty;

            fn token_ref(&self) -> Option<&$ty> {
                Some(self)
            }
        }
    )*};
}

bare_token_fields!(String, u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T: TokenValue> TokenField for Vec<T> {
    type Value = Vec<T>;

    fn token_ref(&self) -> Option<&Vec<T>> {
        Some(self)
    }
}

impl<K: TokenValue + Ord, V: TokenValue> TokenField for BTreeMap<K, V> {
    type Value = BTreeMap<K, V>;

    fn token_ref(&self) -> Option<&Self::Value> {
        Some(self)
    }
}

impl<K, V, S> TokenField for HashMap<K, V, S>
where
    K: TokenValue + Eq + Hash + Ord,
    V: TokenValue,
    S: BuildHasher + Default + Clone + Send + Sync + 'static,
{
    type Value = HashMap<K, V, S>;

    fn token_ref(&self) -> Option<&Self::Value> {
        Some(self)
    }
}

/// The token in `field`, or `None` when it is absent or empty.
pub fn token<F: TokenField>(field: &F) -> Option<F::Value> {
    field.token_ref().filter(|value| !value.is_empty()).cloned()
}

/// A "more results" flag field: `bool` or `Option<bool>` (absent means no more).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a \"more results\" flag",
    label = "this `more_results` field",
    note = "`more_results` names a `bool` or `Option<bool>` field of the output"
)]
pub trait FlagField {
    /// The flag's value.
    fn is_set(&self) -> bool;
}

impl FlagField for bool {
    fn is_set(&self) -> bool {
        *self
    }
}

impl FlagField for Option<bool> {
    fn is_set(&self) -> bool {
        self.unwrap_or(false)
    }
}

/// The flag in `field`.
pub fn flag<F: FlagField>(field: &F) -> bool {
    field.is_set()
}

/// The flag at the end of `path`; `false` when anything along it is absent.
pub fn flag_at<'a, O: ?Sized, F: FlagField + 'a>(
    output: &'a O,
    path: impl FnOnce(&'a O) -> Option<&'a F>,
) -> bool {
    path(output).is_some_and(FlagField::is_set)
}

/// A field that holds items of the declared type `T`: `Vec<T>` or `Option<Vec<T>>`.
#[diagnostic::on_unimplemented(
    message = "the item field is a `{Self}`, not a list of the declared item type `{T}`",
    label = "the declared item type",
    note = "write the field's element type after its name: a `Vec<Customer>` field is `data: Customer`"
)]
pub trait ItemsOf<T> {
    /// The field as a list of `T`.
    fn as_items(&mut self) -> &mut dyn ItemField<Element = T>;
}

impl<T> ItemsOf<T> for Vec<T> {
    fn as_items(&mut self) -> &mut dyn ItemField<Element = T> {
        self
    }
}

impl<T> ItemsOf<T> for Option<Vec<T>> {
    fn as_items(&mut self) -> &mut dyn ItemField<Element = T> {
        self
    }
}

/// An item field, checked to hold elements of the declared item type `T`. Generated code names
/// `T` and spans the call on it, so a mismatch is one error, on the type the user wrote, that
/// says both types.
pub fn item_field<'a, T: 'a, F: ItemsOf<T> + 'a>(
    field: Option<&'a mut F>,
) -> Option<&'a mut (dyn ItemField<Element = T> + 'a)> {
    field.map(|field| field.as_items())
}

/// A field sent on the first request only, cleared for the requests that continue from a token.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be cleared after the first page",
    label = "this `first_page_only` field",
    note = "a `first_page_only` field of a builder you own is reset to its `Default` (an `Option` to `None`)"
)]
pub trait FirstPageOnlyField {
    /// Resets the field.
    fn clear(&mut self);
}

impl<T: Default> FirstPageOnlyField for T {
    fn clear(&mut self) {
        *self = T::default();
    }
}

/// Clears a first-page-only field of a builder you own.
pub fn clear_field<F: FirstPageOnlyField>(field: &mut F) {
    field.clear();
}

/// The field at the end of `path`, mutably; gives the closure its signature.
pub fn field_mut<'a, O: ?Sized, F: 'a>(
    output: &'a mut O,
    path: impl FnOnce(&'a mut O) -> Option<&'a mut F>,
) -> Option<&'a mut F> {
    path(output)
}

/// A type a page-size field can hold: an integer, or a `String` for the APIs that take the
/// page size as text (API Gateway v2's `MaxResults`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a page size",
    label = "this `page_size` field",
    note = "a page-size field is an integer or a `String`, or an `Option` of one"
)]
pub trait PageSizeValue {
    /// `size`, or the type's maximum when it does not fit.
    fn saturating_from(size: u32) -> Self;
}

macro_rules! page_size_values {
    ($($ty:ty),*) => {$(
        impl PageSizeValue for $ty {
            fn saturating_from(size: u32) -> Self {
                <$ty>::try_from(size).unwrap_or(<$ty>::MAX)
            }
        }

        impl PageSizeField for $ty {
            fn set_page_size(&mut self, size: u32) {
                *self = <$ty>::saturating_from(size);
            }
        }
    )*};
}

/// A page-size field of a builder you own: an integer or a `String`, or an `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a page size",
    label = "this `page_size` field",
    note = "a page-size field is an integer or a `String`, or an `Option` of one"
)]
pub trait PageSizeField {
    /// Stores `size`.
    fn set_page_size(&mut self, size: u32);
}

impl<T: PageSizeValue> PageSizeField for Option<T> {
    fn set_page_size(&mut self, size: u32) {
        *self = Some(T::saturating_from(size));
    }
}

page_size_values!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// The page size in decimal, as API Gateway v2 takes its `MaxResults`.
impl PageSizeValue for String {
    fn saturating_from(size: u32) -> Self {
        size.to_string()
    }
}

impl PageSizeField for String {
    fn set_page_size(&mut self, size: u32) {
        *self = size.to_string();
    }
}

/// `size` converted for a page-size setter.
pub fn page_size<T: PageSizeValue>(size: u32) -> T {
    T::saturating_from(size)
}

/// `builder`, typed through `read`, the input's getters of the fields its methods are called
/// for: when one does not exist (a misspelt SDK field), `read` is an error and so is the
/// builder's type here, so the compiler reports the field once, on the user's name, and not the
/// builder's `get_`/`set_` methods too. Otherwise the identity.
#[inline(always)]
pub fn read_then<R, B>(read: R, builder: B) -> <R as ReadThen<B>>::Builder {
    let _ = read;
    builder
}

/// `builder` checked against the input's getters of `fields`: [`read_then`] of the paths
/// `__PaginationInput::<field>`, the alias generated code declares for an SDK operation's input.
/// A macro, so that each function of an expansion names the fields once, briefly.
#[doc(hidden)]
#[macro_export]
macro_rules! __pagination_tie {
    ($builder:expr; $($field:ident),+) => {
        $crate::__private::read_then(($(__PaginationInput::$field,)+), $builder)
    };
}

/// The type behind [`read_then`]: every type gives back the builder's.
pub trait ReadThen<B> {
    /// Always `B`.
    type Builder;
}

impl<R, B> ReadThen<B> for R {
    type Builder = B;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token_kind::TokenSlot;

    struct Parts {
        next: Option<String>,
        truncated: Option<bool>,
    }

    struct Output {
        parts: Option<Parts>,
        keys: Option<Vec<Option<String>>>,
    }

    /// Reads a token at a path as generated code does.
    fn read_at<'a, O, F: TokenField + 'a>(
        output: &'a O,
        path: impl FnOnce(&'a O) -> Option<&'a F>,
    ) -> Option<F::Value> {
        use crate::token_kind::ValueTokenKind as _;
        (&&&TokenSlot::at(output, path)).token_kind().read()
    }

    #[test]
    fn paths_walk_through_absent_values() {
        let output = Output {
            parts: Some(Parts {
                next: Some("7".into()),
                truncated: Some(true),
            }),
            keys: Some(vec![Some("a".into()), Some("b".into())]),
        };
        assert_eq!(
            read_at(&output, |o| Some(&o.parts.as_ref()?.next)),
            Some("7".to_owned())
        );
        assert!(flag_at(&output, |o| Some(&o.parts.as_ref()?.truncated)));
        assert_eq!(
            read_at(&output, |o| o.keys.as_ref()?.last()),
            Some("b".to_owned())
        );

        let empty = Output {
            parts: None,
            keys: Some(vec![]),
        };
        assert_eq!(read_at(&empty, |o| Some(&o.parts.as_ref()?.next)), None);
        assert!(!flag_at(&empty, |o| Some(&o.parts.as_ref()?.truncated)));
        assert_eq!(read_at(&empty, |o| o.keys.as_ref()?.last()), None);
    }

    #[test]
    fn empty_tokens_count_as_absent() {
        assert_eq!(token(&Some(String::new())), None);
        assert_eq!(token(&String::new()), None);
        assert_eq!(token(&Some(0u32)), Some(0));
        assert_eq!(token(&HashMap::<String, String>::new()), None);
    }

    #[test]
    fn page_sizes_saturate() {
        assert_eq!(page_size::<i32>(u32::MAX), i32::MAX);
        assert_eq!(page_size::<u16>(70_000), u16::MAX);
        let mut field: Option<i64> = None;
        field.set_page_size(9);
        assert_eq!(field, Some(9));
    }

    #[test]
    fn page_sizes_as_text_are_decimal() {
        assert_eq!(page_size::<String>(u32::MAX), "4294967295");
        let mut field: Option<String> = None;
        field.set_page_size(25);
        assert_eq!(field.as_deref(), Some("25"));
        let mut plain = String::from("old");
        plain.set_page_size(7);
        assert_eq!(plain, "7");
    }
}
