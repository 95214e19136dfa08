//! What ties a cursor to its request: a hash of the request's parameters (its fields other than
//! tokens and those marked `#[paginate(skip)]`), and a short hash of each named parameter, so
//! that a refused cursor can say which parameter differs.

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::hash::Hasher as _;
use std::sync::Arc;

use xxhash_rust::xxh3::Xxh3;

use crate::CursorError;
use crate::operation::PaginatedOperation;
use crate::token::TokenClearer;

/// The name of the first parameter: the operation itself.
const OPERATION: &str = "\u{0}operation";

/// The name of a parameter that has none to show (an SDK operation's whole input).
pub const UNNAMED: &str = "";

/// The parameters of one request, as [`PaginatedOperation::parameters_of`] hands them over.
#[derive(Debug, Default)]
pub struct Parameters {
    entries: Vec<Parameter>,
}

#[derive(Debug)]
struct Parameter {
    name: &'static str,
    hash: u64,
    page_size: bool,
}

impl Parameters {
    /// A named parameter and the hash of its value (see [`ParameterValue`]).
    pub fn add(&mut self, name: &'static str, hash: u64) {
        self.entries.push(Parameter {
            name,
            hash,
            page_size: false,
        });
    }

    /// The page-size parameter. It is checked when the listing starts rather than in
    /// `resume_from`, so that the page size may be set after resuming.
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

/// The identity of a request besides its tokens, as a cursor carries it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Identity {
    /// Format 2: every parameter; format 1 (`legacy`): the hash of the request's `Debug` output.
    pub(crate) all: u64,
    /// Every parameter but the page size.
    pub(crate) without_page_size: u64,
    /// A 16-bit hash of each parameter, in declaration order (for saying what differs).
    pub(crate) short: Arc<[u16]>,
    /// Read from a format-1 cursor.
    pub(crate) legacy: bool,
}

/// A request's identity, and the names of its parameters in the order of `short`.
pub(crate) struct Named {
    pub(crate) identity: Identity,
    pub(crate) names: Vec<&'static str>,
    pub(crate) page_size: Vec<bool>,
}

impl Named {
    pub(crate) fn of<Op: PaginatedOperation>(request: &Op::Request) -> Named {
        let Ok(cleared) = Op::visit_tokens(request.clone(), &mut TokenClearer);
        let mut parameters = Parameters::default();
        // The operation first: two operations with alike parameters are still two listings, and
        // a cursor of another operation is told apart from one of other parameters. Its name
        // without the module path, which moves in refactors.
        let operation = crate::fetch::operation_name::<Op>();
        parameters.add(OPERATION, xxhash_rust::xxh3::xxh3_64(operation.as_bytes()));
        Op::parameters_of(&cleared, &mut parameters);
        let mut all = Xxh3::new();
        let mut without_page_size = Xxh3::new();
        let write = |hasher: &mut Xxh3, entry: &Parameter| {
            hasher.write(entry.name.as_bytes());
            hasher.write_u8(0xff);
            hasher.write_u64(entry.hash);
        };
        for entry in &parameters.entries {
            write(&mut all, entry);
            if !entry.page_size {
                write(&mut without_page_size, entry);
            }
        }
        Named {
            identity: Identity {
                all: all.digest(),
                without_page_size: without_page_size.digest(),
                short: parameters
                    .entries
                    .iter()
                    .map(|entry| entry.hash as u16)
                    .collect(),
                legacy: false,
            },
            names: parameters.entries.iter().map(|entry| entry.name).collect(),
            page_size: parameters
                .entries
                .iter()
                .map(|entry| entry.page_size)
                .collect(),
        }
    }

    /// Whether a cursor of `other` continues this request. With `with_page_size` false the page
    /// size is left out (it may still be set).
    pub(crate) fn accepts<Op: PaginatedOperation>(
        &self,
        request: &Op::Request,
        other: &Identity,
        with_page_size: bool,
    ) -> Result<(), CursorError> {
        if other.legacy {
            return if legacy_fingerprint::<Op>(request) == other.all {
                Ok(())
            } else {
                Err(CursorError::RequestMismatch)
            };
        }
        let (mine, theirs) = match with_page_size {
            true => (self.identity.all, other.all),
            false => (self.identity.without_page_size, other.without_page_size),
        };
        if mine == theirs {
            return Ok(());
        }
        if other.short.first() != self.identity.short.first() {
            return Err(CursorError::TokenMismatch);
        }
        if other.short.len() != self.names.len() {
            return Err(CursorError::RequestMismatch);
        }
        let differ: Vec<&'static str> = self
            .names
            .iter()
            .zip(self.identity.short.iter().zip(other.short.iter()))
            .zip(&self.page_size)
            .filter(|((_, (mine, theirs)), page_size)| {
                mine != theirs && (with_page_size || !**page_size)
            })
            .map(|((name, _), _)| *name)
            .collect();
        // An unnamed parameter (an SDK operation's input) cannot be named to the user.
        if differ.is_empty() || differ.contains(&UNNAMED) {
            Err(CursorError::RequestMismatch)
        } else {
            Err(CursorError::ParametersDiffer { parameters: differ })
        }
    }
}

/// The fingerprint of format-1 cursors: a hash of the request's `Debug` output with the tokens
/// cleared. Kept so that their cursors still resume.
pub(crate) fn legacy_fingerprint<Op: PaginatedOperation>(request: &Op::Request) -> u64 {
    let Ok(cleared) = Op::visit_tokens(request.clone(), &mut TokenClearer);
    debug_hash(Op::parameters(&cleared))
}

/// A hash of `value`'s `Debug` output, streamed into the hasher.
pub fn debug_hash(value: &dyn fmt::Debug) -> u64 {
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

/// One parameter's value, hashed by [`HashUnordered`] when it is a hash map or set (whose
/// `Debug` order changes from process to process) and by [`HashDebug`] otherwise. Generated code
/// calls `(&ParameterValue(&field)).parameter_hash()`, which picks the first that applies.
pub struct ParameterValue<'a, T: ?Sized>(pub &'a T);

impl<T: ?Sized> Clone for ParameterValue<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for ParameterValue<'_, T> {}

/// Hashes a map or set parameter in an order of its own: equal contents, equal hash.
pub trait HashUnordered {
    /// The parameter's hash.
    fn parameter_hash(self) -> u64;
}

/// Hashes a parameter through its `Debug` output.
pub trait HashDebug {
    /// The parameter's hash.
    fn parameter_hash(self) -> u64;
}

impl<T: fmt::Debug + ?Sized> HashDebug for ParameterValue<'_, T> {
    fn parameter_hash(self) -> u64 {
        debug_hash(&self.0)
    }
}

fn unordered_hash<'a>(entries: impl Iterator<Item = &'a dyn fmt::Debug>) -> u64 {
    let mut hashes: Vec<u64> = entries.map(debug_hash).collect();
    hashes.sort_unstable();
    let mut hasher = Xxh3::new();
    hasher.write_u8(0xfe);
    for hash in hashes {
        hasher.write_u64(hash);
    }
    hasher.digest()
}

impl<K: fmt::Debug, V: fmt::Debug, S> HashUnordered for &ParameterValue<'_, HashMap<K, V, S>> {
    fn parameter_hash(self) -> u64 {
        let entries: Vec<(&K, &V)> = self.0.iter().collect();
        unordered_hash(entries.iter().map(|entry| entry as &dyn fmt::Debug))
    }
}

impl<T: fmt::Debug, S> HashUnordered for &ParameterValue<'_, HashSet<T, S>> {
    fn parameter_hash(self) -> u64 {
        unordered_hash(self.0.iter().map(|entry| entry as &dyn fmt::Debug))
    }
}

impl<K: fmt::Debug, V: fmt::Debug, S> HashUnordered
    for &ParameterValue<'_, Option<HashMap<K, V, S>>>
{
    fn parameter_hash(self) -> u64 {
        match self.0 {
            Some(map) => (&ParameterValue(map)).parameter_hash(),
            None => 0,
        }
    }
}

impl<T: fmt::Debug, S> HashUnordered for &ParameterValue<'_, Option<HashSet<T, S>>> {
    fn parameter_hash(self) -> u64 {
        match self.0 {
            Some(set) => (&ParameterValue(set)).parameter_hash(),
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The borrows pick the implementation, as in generated code.
    #[allow(clippy::needless_borrow)]
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
        assert_eq!(
            (&ParameterValue(&a)).parameter_hash(),
            (&ParameterValue(&b)).parameter_hash()
        );
        b.insert("k0".into(), 99);
        assert_ne!(
            (&ParameterValue(&a)).parameter_hash(),
            (&ParameterValue(&b)).parameter_hash()
        );
        let some = Some(a.clone());
        assert_ne!((&ParameterValue(&some)).parameter_hash(), 0);
        // Anything else goes through Debug.
        assert_eq!(
            (&ParameterValue(&7u32)).parameter_hash(),
            (&ParameterValue(&7u32)).parameter_hash()
        );
    }
}
