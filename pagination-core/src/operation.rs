//! The traits generated code implements, and the one users implement for their own builders.

use std::fmt;
use std::future::Future;
use std::ops::Range;
use std::pin::Pin;

use crate::guard::GuardPolicy;
use crate::parameters::Parameters;
use crate::token::TokenVisitor;

/// The future of one page request, boxed so that streams have a nameable type.
pub type SendFuture<Op> = Pin<
    Box<
        dyn Future<
                Output = Result<
                    <Op as PaginatedOperation>::Output,
                    <Op as PaginatedOperation>::Error,
                >,
            > + Send
            + 'static,
    >,
>;

/// A token-paginated operation: how to send one page request, carry its tokens to the next
/// request, and find the items of a page.
///
/// `#[paginate]` implements it on a marker type (for an SDK operation) or on your request builder;
/// you do not normally implement it by hand. Every method is small and the engine
/// ([`Paginator`](crate::Paginator)) supplies the paging logic.
pub trait PaginatedOperation: Sized + 'static {
    /// The request builder, cloned once per page.
    type Request: Clone + Send + 'static;
    /// One page of results.
    type Output: Send + 'static;
    /// The error of one page request.
    type Error: Send + 'static;
    /// One item of a page: the item field's element type, or a generated enum when the
    /// declaration names several item fields.
    type Item: Send + 'static;

    /// Sends one page request.
    fn send(request: Self::Request) -> SendFuture<Self>;

    /// The request as `Debug` shows it: the fingerprint of format-1 cursors (with the tokens
    /// cleared), and a paginator's `Debug` output.
    fn parameters(request: &Self::Request) -> &dyn fmt::Debug;

    /// Hands each parameter of `request` (its tokens already cleared) to `parameters`: what a
    /// cursor's fingerprint covers. Generated code names each field of a builder you own, leaving
    /// out those marked `#[paginate(skip)]`; the default hashes
    /// [`parameters`](PaginatedOperation::parameters) as one.
    fn parameters_of(request: &Self::Request, parameters: &mut Parameters) {
        parameters.add_debug(crate::parameters::UNNAMED, Self::parameters(request));
    }

    /// Writes what a request error says, for [`Error::Request`](crate::Error::Request)'s
    /// `Display`: generated code writes the error's message and, for a
    /// [`std::error::Error`], its causes. The default writes nothing. Each error carries its own
    /// operation's description, whatever other operations share its type.
    fn describe_error(error: &Self::Error, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = (error, out);
        Ok(())
    }

    /// Hands each input-token field to `visitor`, in declaration order, and stores what it returns.
    fn visit_tokens<V: TokenVisitor>(
        request: Self::Request,
        visitor: &mut V,
    ) -> Result<Self::Request, V::Error>;

    /// The request for the page after `output`: every input token set from its output token, an
    /// absent or empty one cleared.
    fn next_request(request: Self::Request, output: &Self::Output) -> Self::Request;

    /// The page-size setter, where the declaration names a page-size field (generated code sets
    /// it to [`PageSize::set_page_size`]): a listing resumed from a cursor without a page size
    /// of its own continues with the cursor's.
    #[allow(clippy::type_complexity)] // a setter's signature, read once here
    const SET_PAGE_SIZE: Option<fn(Self::Request, u32) -> Self::Request> = None;

    /// What the service returning the token it was just sent means, unless the user chose with
    /// [`on_duplicate_token`](crate::Paginator::on_duplicate_token): by default
    /// [`GuardPolicy::Error`], since a listing that cannot go on must not look complete; the
    /// declaration key `duplicate_token = stop` sets [`GuardPolicy::Stop`] for an API that ends its
    /// listings so by design (CloudWatch Logs' GetLogEvents).
    const DUPLICATE_TOKEN: GuardPolicy = GuardPolicy::Error;

    /// `request` without its first-page-only fields: what is sent for every page that continues
    /// from a token, resumed ones included. The engine keeps the request whole otherwise, so that
    /// cursors fingerprint the parameters the listing was started with.
    fn clear_first_page_only(request: Self::Request) -> Self::Request {
        request
    }

    /// The "more results" flag of a page, if the declaration names one (absent counts as `false`).
    fn more_results(output: &Self::Output) -> Option<bool> {
        let _ = output;
        None
    }

    /// The order of a page's items across several item fields, if the declaration names an
    /// `item_order` function; `None` yields each field's items in turn.
    fn item_order(output: &Self::Output) -> Option<ItemOrder> {
        let _ = output;
        None
    }

    /// The item fields of a page, in declaration order.
    fn item_fields(output: &mut Self::Output) -> impl ItemFields<Self::Item> + '_;
}

/// An operation whose declaration names a page-size field; enables
/// [`Paginator::page_size`](crate::Paginator::page_size).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no page-size field",
    label = "`page_size` needs a page-size field",
    note = "name the request's page-size field in the declaration: `#[paginate(page_size = max_keys, ...)]`"
)]
pub trait PageSize: PaginatedOperation {
    /// The largest page size the service honours, if the declaration gives one
    /// (`max_page_size = 100`): [`Paginator::page_size`](crate::Paginator::page_size) clamps to it before any request.
    const MAX_PAGE_SIZE: Option<u32> = None;

    /// Sets the page-size field, saturating at the field type's maximum.
    fn set_page_size(request: Self::Request, size: u32) -> Self::Request;
}

/// `size` clamped to the declaration's largest page size, as every page size is set.
pub(crate) fn clamped_page_size<Op: PageSize>(size: u32) -> u32 {
    Op::MAX_PAGE_SIZE.map_or(size, |max| size.min(max))
}

/// Sending one request of a builder you own; implement it next to `#[paginate]`.
///
/// What ties a [`Cursor`](crate::Cursor) to its request is the builder's fields other than the
/// tokens, each by its `Debug` output. Mark a field that is no parameter of the listing (a
/// client, a pool, a counter) `#[paginate(skip)]`: cursors then ignore it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `PageRequest`",
    label = "`#[paginate]` needs to know how to send this request",
    note = "implement `pagination_core::PageRequest` for `{Self}`: its `Output` and `Error` types and an `async fn send(self)`"
)]
pub trait PageRequest: Clone + fmt::Debug + Send + 'static {
    /// One page of results.
    type Output: Send + 'static;
    /// The error of one request.
    type Error: Send + 'static;

    /// Sends this request.
    fn send(self) -> impl Future<Output = Result<Self::Output, Self::Error>> + Send + 'static;

    /// The request as `Debug` shows it, for a paginator's `Debug` output and for cursors of
    /// this crate's first cursor format. Cursors now fingerprint the fields one by one: to leave
    /// a field out, mark it `#[paginate(skip)]` rather than overriding this.
    fn parameters(&self) -> &dyn fmt::Debug {
        self
    }
}

/// The item fields of one page, in order, as [`PaginatedOperation::item_fields`] returns them.
///
/// Implemented for one field (`Option<&mut F>`, `F` possibly `dyn ItemField`) and for tuples of
/// `(field, wrap)` pairs, where `wrap` turns the field's element into the declaration's item enum.
pub trait ItemFields<Item> {
    /// Keeps only the items at `range` of the fields' concatenation; returns how many there were.
    fn retain(self, range: Range<usize>) -> usize;

    /// Moves all items out, in order.
    fn take(self) -> Vec<Item>;

    /// How many items each field holds, in declaration order.
    fn lengths(self) -> Vec<usize>;

    /// Keeps only the items at `range` of the interleaving `order` (one field index per item, as
    /// [`ItemOrder`] holds); returns how many there were. Each field keeps a contiguous run,
    /// because an interleaving keeps every field's own order.
    fn retain_ordered(self, range: Range<usize>, order: &[u8]) -> usize
    where
        Self: Sized,
    {
        let _ = order;
        self.retain(range)
    }

    /// Moves all items out, interleaved as `order` says.
    fn take_ordered(self, order: &[u8]) -> Vec<Item>
    where
        Self: Sized,
    {
        let _ = order;
        self.take()
    }
}

/// The order of one page's items across several item fields: for each item, in the order to
/// yield them, the index of the field it comes from.
///
/// A declaration's `item_order` function returns one for each page, when the service defines an
/// order across fields that the page's separate lists lose. S3's ListObjectVersions is the
/// example: versions and delete markers of one key interleave, newest first, but the SDK hands
/// them over in two lists. An order never moves an item within its field; it only says which
/// field's next item comes next. An order that does not account for every item of every field
/// exactly once is ignored, and the page's items then come field after field.
///
/// ```
/// use pagination_core::ItemOrder;
///
/// // Two fields, each already sorted by its sort key: merge them by that key.
/// let versions = ["a", "c", "c"];
/// let markers = ["b", "c"];
/// let order = ItemOrder::merge_by_key([versions.to_vec(), markers.to_vec()]);
/// // a (field 0), b (field 1), c (field 0), c (field 0), c (field 1): equal keys keep the
/// // earlier field first.
/// assert_eq!(order.as_slice(), &[0, 1, 0, 0, 1]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ItemOrder {
    fields: Vec<u8>,
}

impl ItemOrder {
    /// The order that merges fields whose items each come sorted by a key: at each step the
    /// field whose next item has the smallest key goes next, and on equal keys the field
    /// declared first. `fields` gives each field's keys, in the field's own order and in
    /// declaration order; at most 256 fields.
    pub fn merge_by_key<K, F>(fields: impl IntoIterator<Item = F>) -> ItemOrder
    where
        K: Ord,
        F: IntoIterator<Item = K>,
    {
        let mut heads: Vec<std::iter::Peekable<F::IntoIter>> = fields
            .into_iter()
            .map(|field| field.into_iter().peekable())
            .collect();
        heads.truncate(usize::from(u8::MAX) + 1);
        let mut order = Vec::new();
        loop {
            let mut next: Option<(usize, &K)> = None;
            for (index, head) in heads.iter_mut().enumerate() {
                if let Some(key) = head.peek() {
                    if next.is_none_or(|(_, best)| key < best) {
                        next = Some((index, key));
                    }
                }
            }
            let Some((index, _)) = next else {
                break;
            };
            heads[index].next();
            order.push(index as u8);
        }
        ItemOrder { fields: order }
    }

    /// An order given item by item: the field index of each item, in the order to yield them.
    pub fn from_field_indices(fields: Vec<u8>) -> ItemOrder {
        ItemOrder { fields }
    }

    /// The field index of each item, in the order to yield them.
    pub fn as_slice(&self) -> &[u8] {
        &self.fields
    }

    /// How many items the order places.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether the order places no item.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Whether the order places exactly `lengths[f]` items of each field `f`.
    pub(crate) fn fits(&self, lengths: &[usize]) -> bool {
        let mut counts = vec![0usize; lengths.len()];
        for &field in &self.fields {
            match counts.get_mut(usize::from(field)) {
                Some(count) => *count += 1,
                None => return false,
            }
        }
        counts == lengths
    }

    /// The part of the order at `range`.
    pub(crate) fn slice(&self, range: Range<usize>) -> ItemOrder {
        let end = range.end.min(self.fields.len());
        let start = range.start.min(end);
        ItemOrder {
            fields: self.fields[start..end].to_vec(),
        }
    }
}

/// A field holding a page's items: `Vec<T>` or `Option<Vec<T>>`.
pub trait ItemField {
    /// One item.
    type Element;

    /// How many items the field holds.
    fn len(&self) -> usize;

    /// Whether the field holds no item.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Keeps only the items at `range` (already clamped to the field's length).
    fn retain_range(&mut self, range: Range<usize>);

    /// Moves the items out.
    fn take(&mut self) -> Vec<Self::Element>;
}

impl<T> ItemField for Vec<T> {
    type Element = T;

    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn retain_range(&mut self, range: Range<usize>) {
        self.truncate(range.end);
        self.drain(..range.start);
    }

    fn take(&mut self) -> Vec<T> {
        std::mem::take(self)
    }
}

impl<T> ItemField for Option<Vec<T>> {
    type Element = T;

    fn len(&self) -> usize {
        self.as_ref().map_or(0, Vec::len)
    }

    fn retain_range(&mut self, range: Range<usize>) {
        if let Some(items) = self {
            items.retain_range(range);
        }
    }

    fn take(&mut self) -> Vec<T> {
        Option::take(self).unwrap_or_default()
    }
}

/// Object-safe view of one item field, to retain a range across several fields.
trait FieldSlot {
    fn slot_len(&self) -> usize;
    fn slot_retain(&mut self, range: Range<usize>);
}

impl<F: ItemField + ?Sized> FieldSlot for Option<&mut F> {
    fn slot_len(&self) -> usize {
        self.as_ref().map_or(0, |field| field.len())
    }

    fn slot_retain(&mut self, range: Range<usize>) {
        if let Some(field) = self {
            field.retain_range(range);
        }
    }
}

/// Keeps `range` of the concatenation of `slots`, returning the total before.
fn retain_in_order(range: Range<usize>, slots: &mut [&mut dyn FieldSlot]) -> usize {
    let mut start_of_slot = 0usize;
    for slot in slots {
        let len = slot.slot_len();
        let local_start = range.start.saturating_sub(start_of_slot).min(len);
        let local_end = range.end.saturating_sub(start_of_slot).min(len);
        if local_start > 0 || local_end < len {
            slot.slot_retain(local_start..local_end.max(local_start));
        }
        start_of_slot += len;
    }
    start_of_slot
}

impl<F: ItemField + ?Sized> ItemFields<F::Element> for Option<&mut F> {
    fn retain(mut self, range: Range<usize>) -> usize {
        retain_in_order(range, &mut [&mut self])
    }

    fn take(self) -> Vec<F::Element> {
        self.map(ItemField::take).unwrap_or_default()
    }

    fn lengths(self) -> Vec<usize> {
        vec![self.slot_len()]
    }
}

/// Keeps `range` of the interleaving `order` of `slots`, returning the total before.
fn retain_ordered_slots(
    range: Range<usize>,
    order: &[u8],
    slots: &mut [&mut dyn FieldSlot],
) -> usize {
    let end = range.end.min(order.len());
    let start = range.start.min(end);
    for (index, slot) in slots.iter_mut().enumerate() {
        let count = |part: &[u8]| {
            part.iter()
                .filter(|&&field| usize::from(field) == index)
                .count()
        };
        let local_start = count(&order[..start]);
        let local_end = count(&order[..end]);
        if local_start > 0 || local_end < slot.slot_len() {
            slot.slot_retain(local_start..local_end);
        }
    }
    order.len()
}

macro_rules! item_field_tuples {
    ($( ($($field:ident $wrap:ident $index:tt),+) )+) => {$(
        impl<'a, Item, $($field, $wrap),+> ItemFields<Item> for ($((Option<&'a mut $field>, $wrap),)+)
        where
            $($field: ItemField + ?Sized, $wrap: FnMut($field::Element) -> Item,)+
        {
            fn retain(mut self, range: Range<usize>) -> usize {
                retain_in_order(range, &mut [$(&mut self.$index.0),+])
            }

            fn take(self) -> Vec<Item> {
                let len = 0 $(+ self.$index.0.slot_len())+;
                let mut items = Vec::with_capacity(len);
                $(
                    if let Some(field) = self.$index.0 {
                        items.extend(field.take().into_iter().map(self.$index.1));
                    }
                )+
                items
            }

            fn lengths(self) -> Vec<usize> {
                vec![$(self.$index.0.slot_len()),+]
            }

            fn retain_ordered(mut self, range: Range<usize>, order: &[u8]) -> usize {
                retain_ordered_slots(range, order, &mut [$(&mut self.$index.0),+])
            }

            fn take_ordered(self, order: &[u8]) -> Vec<Item> {
                let mut fields = ($(
                    self.$index.0.map(ItemField::take).unwrap_or_default().into_iter().map(self.$index.1),
                )+);
                let mut items = Vec::with_capacity(order.len());
                for &field in order {
                    let item = match field {
                        $($index => fields.$index.next(),)+
                        _ => None,
                    };
                    items.extend(item);
                }
                items
            }
        }
    )+};
}

item_field_tuples! {
    (A WrapA 0, B WrapB 1)
    (A WrapA 0, B WrapB 1, C WrapC 2)
    (A WrapA 0, B WrapB 1, C WrapC 2, D WrapD 3)
    (A WrapA 0, B WrapB 1, C WrapC 2, D WrapD 3, E WrapE 4)
    (A WrapA 0, B WrapB 1, C WrapC 2, D WrapD 3, E WrapE 4, F WrapF 5)
    (A WrapA 0, B WrapB 1, C WrapC 2, D WrapD 3, E WrapE 4, F WrapF 5, G WrapG 6)
    (A WrapA 0, B WrapB 1, C WrapC 2, D WrapD 3, E WrapE 4, F WrapF 5, G WrapG 6, H WrapH 7)
}

/// The operation's type name without module paths (`Live<Users>`, not
/// `app::ops::Live<app::model::Users>`): what a cursor and a trace name it by. Module paths
/// change in refactors; the names do not.
pub(crate) fn operation_name<Op>() -> String {
    let name = std::any::type_name::<Op>();
    let mut short = String::with_capacity(name.len());
    let mut segment = String::new();
    for character in name.chars() {
        if character.is_alphanumeric() || character == '_' || character == ':' {
            segment.push(character);
        } else {
            short.push_str(segment.rsplit("::").next().unwrap_or(&segment));
            segment.clear();
            short.push(character);
        }
    }
    short.push_str(segment.rsplit("::").next().unwrap_or(&segment));
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retain_spans_several_fields() {
        let mut first = Some(vec![1, 2, 3]);
        let mut second: Option<Vec<i32>> = None;
        let mut third = vec![4, 5, 6, 7];
        let fields = (
            (Some(&mut first), |x| x),
            (Some(&mut second), |x| x),
            (Some(&mut third), |x| x),
        );
        assert_eq!(fields.retain(2..5), 7);
        assert_eq!(first, Some(vec![3]));
        assert_eq!(third, vec![4, 5]);

        let fields = (
            (Some(&mut first), |x| x * 10),
            (Some(&mut second), |x| x * 100),
            (Some(&mut third), |x| x * 1000),
        );
        assert_eq!(fields.take(), vec![30, 4000, 5000]);
    }

    #[test]
    fn retain_past_the_end_empties_the_page() {
        let mut items = vec![1, 2, 3];
        assert_eq!(Some(&mut items).retain(5..9), 3);
        assert!(items.is_empty());
        let mut absent: Option<Vec<u8>> = None;
        assert_eq!(Some(&mut absent).retain(0..1), 0);
        assert_eq!(None::<&mut Vec<u8>>.retain(0..1), 0);
    }
}
