//! What generated code may call. Not a public API: names and signatures change without notice.
//!
//! Each helper is generic so that the field types named in a declaration are inferred, never
//! written.

pub use crate::error::ErrorValue;
pub use crate::guard::GuardPolicy;
pub use crate::operation::{
    ItemField, ItemFields, ItemOrder, PageRequest, PageSize, PaginatedOperation, SendFuture,
};
pub use crate::paginator::IntoPaginator;
pub use crate::parameters::{Parameters, UNNAMED, debug_hash};
pub use crate::token::{TokenValue, TokenVisitor};
pub use crate::token_kind::{EnumToken, TokenSlot, ValueToken};

/// The traits whose methods pick, by autoref, how each token travels (`token_kind`) and how an
/// error describes itself (`describe`): generated code glob-imports them once.
/// Imported without their names (`as _`), so that the glob import shadows none of the user's.
pub mod autoref {
    pub use crate::error::{
        DescribeBoxed as _, DescribeDisplay as _, DescribeError as _, DescribeNothing as _,
    };
    pub use crate::token_kind::{OtherTokenKind as _, StrEnumTokenKind as _, ValueTokenKind as _};
}

/// A page-size setter, as [`PaginatedOperation::SET_PAGE_SIZE`] holds it.
pub type PageSizeSetter<Op> =
    Option<fn(<Op as PaginatedOperation>::Request, u32) -> <Op as PaginatedOperation>::Request>;

pub use ::core::clone::Clone;
pub use ::core::fmt::{Debug, Formatter, Result as FmtResult};
pub use ::core::option::Option::{self, None, Some};
pub use ::core::primitive::{bool, u32};
pub use ::core::result::Result::{self, Ok};
pub use ::std::boxed::Box;

pub use crate::{__pagination_describe_error as describe_error, __pagination_tie as tie};

pub use crate::fields::{
    FirstPageOnlyField, FlagField, ItemsOf, PageSizeField, PageSizeValue, TokenField, clear_field,
    field_mut, flag, flag_at, item_field, max_page_size, page_size, read_then, set_page_size,
    token,
};
