//! What generated code may call. Not a public API: names and signatures change without notice.
//!
//! Each helper is generic so that the field types named in a declaration are inferred, never
//! written.

pub use crate::error::{
    DescribeBoxed, DescribeDisplay, DescribeError, DescribeNothing, ErrorValue,
};
pub use crate::guard::GuardPolicy;
pub use crate::operation::{
    ItemField, ItemFields, ItemOrder, PageRequest, PageSize, PaginatedOperation, SendFuture,
};
pub use crate::paginator::IntoPaginator;
pub use crate::parameters::{Parameters, UNNAMED, debug_hash};
pub use crate::token::{TokenValue, TokenVisitor};
pub use crate::token_kind::{EnumToken, TokenSlot, ValueToken};

/// The traits that pick how each token travels, for generated code to glob-import.
pub mod token_kinds {
    pub use crate::token_kind::{OtherTokenKind, StrEnumTokenKind, ValueTokenKind};
}

pub use ::core::clone::Clone;
pub use ::core::fmt::{Debug, Formatter, Result as FmtResult};
pub use ::core::option::Option::{self, None, Some};
pub use ::core::primitive::{bool, u32};
pub use ::core::result::Result::{self, Ok};
pub use ::std::boxed::Box;

pub use crate::fields::{
    FirstPageOnlyField, FlagField, ItemsOf, PageSizeField, PageSizeValue, TokenField, clear_field,
    field_mut, flag, flag_at, item_field, max_page_size, page_size, read_then, set_page_size,
    token,
};
