//! What ties a cursor to its request: a hash of the request's parameters, and a short hash of
//! each named parameter, so that a refused cursor can say which parameter differs.

use std::hash::Hasher as _;
use std::sync::Arc;

use xxhash_rust::xxh3::Xxh3;

use crate::cursor_error::CursorError;
use crate::operation::{PaginatedOperation, operation_name};
use crate::parameters::{Parameter, Parameters, UNNAMED, raw_debug_hash};
use crate::token::TokenClearer;

/// The name of the first parameter: the operation itself.
const OPERATION: &str = "\u{0}operation";

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
    /// The page size the listing was given ([`Paginator::page_size`](crate::Paginator::page_size)),
    /// so that a resume without one continues with it (cursor format 4).
    pub(crate) page_size: Option<u32>,
}

/// A request's identity, and the names of its parameters in the order of `short`.
pub(crate) struct Named {
    pub(crate) identity: Identity,
    pub(crate) names: Vec<&'static str>,
    pub(crate) page_size: Vec<bool>,
    /// Which entries are fields read from an unnamed input's `Debug` text.
    pub(crate) detail: Vec<bool>,
}

impl Named {
    pub(crate) fn of<Op: PaginatedOperation>(request: &Op::Request) -> Named {
        let Ok(cleared) = Op::visit_tokens(request.clone(), &mut TokenClearer);
        let mut parameters = Parameters::default();
        // The operation first: two operations with alike parameters are still two listings, and
        // a cursor of another operation is told apart from one of other parameters. Its name
        // without the module path, which moves in refactors.
        let operation = operation_name::<Op>();
        parameters.add(OPERATION, xxhash_rust::xxh3::xxh3_64(operation.as_bytes()));
        Op::parameters_of(&cleared, &mut parameters);
        let mut all = Xxh3::new();
        let mut without_page_size = Xxh3::new();
        let write = |hasher: &mut Xxh3, entry: &Parameter| {
            hasher.write(entry.name.as_bytes());
            hasher.write_u8(0xff);
            hasher.write_u64(entry.hash);
        };
        for entry in parameters.entries.iter().filter(|entry| !entry.detail) {
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
                page_size: None,
            },
            names: parameters.entries.iter().map(|entry| entry.name).collect(),
            page_size: parameters
                .entries
                .iter()
                .map(|entry| entry.page_size)
                .collect(),
            detail: parameters
                .entries
                .iter()
                .map(|entry| entry.detail)
                .collect(),
        }
    }

    /// The page-size parameter's name: the field of a builder you own, or `"page size"`.
    pub(crate) fn page_size_name(&self) -> &'static str {
        self.names
            .iter()
            .zip(&self.page_size)
            .find(|(_, page_size)| **page_size)
            .map_or("page size", |(name, _)| *name)
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
        let differs = |index: usize| {
            self.identity.short[index] != other.short[index]
                && (with_page_size || !self.page_size[index])
        };
        let differ: Vec<&'static str> = (0..self.names.len())
            .filter(|&index| differs(index) && self.names[index] != UNNAMED)
            .map(|index| self.names[index])
            .collect();
        // An unnamed input (an SDK operation's) that differs is named by its fields that differ,
        // when its `Debug` text shows them; otherwise it cannot be named to the user.
        let unnamed =
            (0..self.names.len()).any(|index| differs(index) && self.names[index] == UNNAMED);
        let details = (0..self.names.len()).any(|index| differs(index) && self.detail[index]);
        if differ.is_empty() || (unnamed && !details) {
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
    raw_debug_hash(Op::parameters(&cleared))
}
