//! Correct, fast async-stream paginators for any token-paginated API, declared with one
//! attribute.
//!
//! An API that answers "a page and a token" needs a loop: send, read the items, copy the token
//! into the next request, stop at the end, do not loop forever, do not lose the position when a
//! page fails. [`#[paginate]`](macro@paginate) writes that loop once, at compile time, from the
//! names of the fields involved, and the [`Paginator`] it plugs into runs it as a
//! [`Stream`](futures_core::Stream) of pages or of items.
//!
//! ```
//! use futures::TryStreamExt;
//! use pagination_core::{IntoPaginator, PageRequest, paginate};
//!
//! /// One page of the (in-memory, for this example) API.
//! struct ListUsersOutput {
//!     users: Vec<String>,
//!     next_token: Option<String>,
//! }
//!
//! /// The request builder: `#[paginate]` names the token fields, the items and the page size.
//! #[paginate(input_token = token, output_token = next_token, items = users: String, page_size = limit)]
//! #[derive(Clone, Debug, Default)]
//! struct ListUsers {
//!     token: Option<String>,
//!     limit: Option<u32>,
//! }
//!
//! /// How to send one request.
//! impl PageRequest for ListUsers {
//!     type Output = ListUsersOutput;
//!     type Error = std::io::Error;
//!
//!     async fn send(self) -> Result<ListUsersOutput, std::io::Error> {
//!         let all: Vec<String> = (0..25).map(|n| format!("user-{n:02}")).collect();
//!         let start: usize = self.token.map_or(0, |token| token.parse().unwrap());
//!         let end = (start + self.limit.unwrap_or(10) as usize).min(all.len());
//!         Ok(ListUsersOutput {
//!             users: all[start..end].to_vec(),
//!             next_token: (end < all.len()).then(|| end.to_string()),
//!         })
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let users: Vec<String> = ListUsers::default()
//!     .into_paginator()
//!     .page_size(10)
//!     .items()
//!     .try_collect()
//!     .await?;
//! assert_eq!(users.len(), 25);
//! # Ok(())
//! # }
//! ```
//!
//! # Declaring a paginator
//!
//! The attribute goes on one of two things.
//!
//! **A request builder you own** (above): a struct with named fields, which you also implement
//! [`PageRequest`] for (its `Output`, `Error`, and `async fn send(self)`). The struct is the
//! request that is cloned for each page, with its token fields set.
//!
//! **An operation of an AWS SDK crate** that the SDK leaves without a paginator: a unit struct
//! that names the operation's module. The SDK's fluent builder, output and error types follow
//! from the module path by the SDK's convention
//! (`<crate>::operation::<op>::{builders::<Op>FluentBuilder, <Op>Input, <Op>Output, <Op>Error}`),
//! so they are not written; the builder gains `into_paginator()` through [`IntoPaginator`]. A
//! field the input does not have (`input_token = markr`) is one error on that name, and the
//! compiler's help names the input's field of a similar name (`marker`):
//!
//! ```ignore
//! use aws_sdk_s3::types::{CommonPrefix, DeleteMarkerEntry, ObjectVersion};
//! use pagination_core::{IntoPaginator, paginate};
//!
//! #[paginate(
//!     operation = aws_sdk_s3::operation::list_object_versions,
//!     input_token = (key_marker, version_id_marker),
//!     output_token = (next_key_marker, next_version_id_marker),
//!     more_results = is_truncated,
//!     page_size = max_keys,
//!     items = (
//!         versions: ObjectVersion as Version,
//!         delete_markers: DeleteMarkerEntry as DeleteMarker,
//!         common_prefixes: CommonPrefix as CommonPrefix,
//!     ),
//!     item_enum = ObjectVersionEntry,
//! )]
//! pub struct ListObjectVersions;
//!
//! let entries = client.list_object_versions().bucket("b").into_paginator().items();
//! ```
//!
//! The `pagination-aws` crate declares the S3 and Config operations that need it, and those of
//! Route 53, Kinesis, DynamoDB, CloudWatch Logs and Elastic Load Balancing behind features, each
//! with its paging rule documented and tested; its documentation compiles the example above.
//!
//! # The attribute's keys
//!
//! | key | required | value |
//! |---|---|---|
//! | `operation` | for SDK operations | the operation's module: `aws_sdk_s3::operation::list_objects`; where the SDK spells the builder and error types otherwise than the module, the operation's struct in it: `aws_sdk_route53::operation::list_hosted_zones_by_vpc::ListHostedZonesByVPC` |
//! | `input_token` | yes | the request field that carries the token, or several in parentheses: `(key_marker, version_id_marker)`; in a builder you own, a field inside a field: `params.starting_after` |
//! | `output_token` | yes, unless `next_request` | the output field that holds the next token, or one per input token, in the same order |
//! | `items` | yes | the output field(s) holding the items, each with its element type: `contents: Object` |
//! | `more_results` | no | a `bool` or `Option<bool>` output field that says whether more pages follow |
//! | `page_size` | no | the request field that sets the page size (an integer, or a `String` for APIs that take it as text, written in decimal); enables [`Paginator::page_size`] |
//! | `max_page_size` | no, with `page_size` | the largest page size the service honours (a `u32` constant expression, at least 1, checked at compile time): [`Paginator::page_size`] clamps to it before any request, so that the service has nothing to clamp silently: `max_page_size = 100` (a page size you write into the request yourself is sent as written) |
//! | `duplicate_token` | no | `stop` where the API ends its listings by sending back the token it was just sent (CloudWatch Logs' GetLogEvents); otherwise a repeated token is an error ([Guards](#guards)). Only for such an API: a faulty repeat in the middle of a listing then ends it quietly too |
//! | `item_enum` | no | the name of the enum of several item fields (default: `<Struct>Item`) |
//! | `next_request` | no | a function `fn(Request, &Output) -> Request` that finishes the next request (below) |
//! | `item_order` | no | a function `fn(&Output) -> ItemOrder` that orders a page's items across several item fields (below) |
//! | `first_page_only` | no | request field(s) sent on the first request only and cleared on every request that continues from a token: `(stream_name, shard_filter)` (below) |
//!
//! The generated code names its own items `__pagination`, `__PaginationRequest` and
//! `__PaginationInput`, inside a `const _: () = { ... };` block: a path in the attribute that
//! names an item of yours by one of these names finds the generated one.
//!
//! **Coming from botocore.** A botocore paginator model (`paginators-1.json`) names the same
//! things in other words; in snake case, the SDK for Rust's field names, each maps to one key:
//!
//! | botocore | `#[paginate]` | note |
//! |---|---|---|
//! | `input_token` | `input_token` | a list becomes a parenthesised list, in the same order |
//! | `output_token` | `output_token` | `NextMarker \|\| Contents[-1].Key` becomes `next_marker \|\| contents?.last()?.key` |
//! | `more_results` | `more_results` | |
//! | `limit_key` | `page_size` | the service's largest, where its API reference gives one, as `max_page_size` |
//! | `result_key` | `items` | several keys become several item fields (an item enum); a JMESPath into a nested list becomes a path: `result_set?.rows` |
//! | `non_aggregate_keys` | none | fields kept once per listing in botocore; here every page is the SDK's whole output: read them from [`Paginator::send`]'s pages |
//!
//! botocore raises on a token received twice; so does this crate by default (`duplicate_token`).
//! A key written with botocore's name is one error that names ours.
//!
//! **Fields that are not parameters.** A request builder you own often holds a client, a
//! connection pool, a counter or a cache. Mark such a field `#[paginate(skip)]`: cursors then
//! leave it out, so a cursor resumes with another client, in another process. Every other field
//! (but the tokens) is a parameter: a cursor made with other values is refused, naming them.
//!
//! ```
//! # use pagination_core::{PageRequest, paginate};
//! # struct Page { data: Vec<String>, next: Option<String> }
//! # #[derive(Debug, Default)] struct Client;
//! #[paginate(input_token = after, output_token = next, items = data: String)]
//! #[derive(Clone, Debug)]
//! struct ListCustomers {
//!     #[paginate(skip)]
//!     client: std::sync::Arc<Client>,
//!     email: Option<String>,
//!     after: Option<String>,
//! }
//! # impl PageRequest for ListCustomers {
//! #     type Output = Page;
//! #     type Error = std::io::Error;
//! #     async fn send(self) -> Result<Page, std::io::Error> { Ok(Page { data: Vec::new(), next: None }) }
//! # }
//! ```
//!
//! The [`paging_styles`] module shows declarations for the common styles of HTTP APIs: a token in
//! the body, the last item's id, a next URL in a `Link` header (read by the `link` module, feature
//! `link`), offsets, page numbers, a GraphQL `pageInfo`, Azure's `nextLink` and Kubernetes'
//! `continue`, each with what its API guarantees and the odd cases it survives.
//!
//! **Tokens** are never given types: the engine learns each token's type from the fields
//! themselves. Any [`TokenValue`] can be a token: strings, integers, lists, and maps such as
//! DynamoDB's `LastEvaluatedKey` (implement `TokenValue` for your own value types). Several tokens
//! travel together: each input token is set from the output token at the same position, and one
//! that is absent (or an empty string) is cleared, never left stale.
//!
//! **Output paths** read like Rust: `object_parts?.next_part_number_marker` looks inside an
//! optional sub-structure (the token is absent when it is `None`); `contents?.last()?.key` calls a
//! method without arguments; `next_marker || contents?.last()?.key` falls back to the second path
//! when the first is absent or empty. `more_results` and `items` take paths too (items walk
//! fields only).
//!
//! **Items** need their element type, the one thing Rust cannot name from a field's name. A field
//! may be `Vec<T>` or `Option<Vec<T>>`. With several item fields, one pass over the pages yields
//! an enum with a variant per field, in each page's order (all of the first field's items, then
//! the second's, ...). Variants are named after the fields in UpperCamelCase, or with
//! `field: Type as Variant`. The enum derives `Debug`, `Clone` and `PartialEq`.
//!
//! **Parameters of the first request only.** Some services take a filter or the name of what
//! to list on the first request and refuse it next to a token, because the token already says it
//! (Kinesis ListShards refuses `StreamName` with `NextToken`). `first_page_only = (a, b)` names
//! such request fields: the first request sends them, every request that carries a token is
//! sent without them (an SDK builder's `set_a(None)`; a builder you own resets the field to its
//! `Default`). That holds for a listing resumed from a cursor too: a cursor that continues from a
//! token sends the reduced request, one on the first page the whole request. The paginator keeps
//! the request whole, so a cursor is resumed with the parameters the listing started with, and
//! refuses other values of these fields as it refuses any other parameter's. A field named here
//! cannot be an input token or the page size.
//!
//! ```
//! # use pagination_core::{PageRequest, paginate};
//! # struct Page { shards: Vec<String>, next_token: Option<String> }
//! #[paginate(
//!     input_token = next_token,
//!     output_token = next_token,
//!     items = shards: String,
//!     first_page_only = (stream_name, shard_filter),
//! )]
//! #[derive(Clone, Debug)]
//! struct ListShards {
//!     stream_name: Option<String>,
//!     shard_filter: Option<String>,
//!     next_token: Option<String>,
//! }
//! # impl PageRequest for ListShards {
//! #     type Output = Page;
//! #     type Error = std::io::Error;
//! #     async fn send(self) -> Result<Page, std::io::Error> { Ok(Page { shards: Vec::new(), next_token: None }) }
//! # }
//! ```
//!
//! **Token types.** A token field may hold a `String`, an integer, a `bool`, a list or map of
//! them, or your own type implementing [`TokenValue`]. A string enum of another crate, such as
//! the AWS SDK's `RrType` (Route 53's `start_record_type`), needs no impl (the orphan rule would
//! forbid one): a type that is `AsRef<str>` and `From<&str>` travels as its string
//! ([`StrEnum`]), unknown variants included, and a cursor carries it so.
//!
//! **The end** of a listing: where `more_results` is declared, it decides (`false` or absent is
//! the end), so a service that sends a token on its last page (S3 ListObjects with a delimiter,
//! ListParts' final `"0"` marker) does not loop. Otherwise the listing ends when every output
//! token is absent or empty.
//!
//! **Computed next requests.** `next_request = path::to::function` names a function of yours,
//! `fn(Request, &Output) -> Request`, that the engine calls for every page with the request
//! just sent (its tokens already copied from `output_token`, when that is given) and the whole
//! page. It returns the next request. Use it where the next token is not a field to copy: an
//! offset or page number computed from the page, a marker the service encodes and expects back
//! decoded (S3 with `EncodingType=url`), a fallback the service documents. Without
//! `output_token`, the function sets every input token itself; a next request whose tokens are
//! all absent ends the listing (unless a `more_results` flag says otherwise). The input tokens
//! are still what cursors and guards record, so resuming and loop detection work unchanged:
//!
//! ```
//! use futures::TryStreamExt;
//! use pagination_core::{IntoPaginator, PageRequest, paginate};
//!
//! struct RowsPage {
//!     rows: Vec<u64>,
//!     total: u64,
//! }
//!
//! /// An offset API: `limit` rows from `offset`, and the total.
//! #[paginate(input_token = offset, items = rows: u64, page_size = limit, next_request = next_offset)]
//! #[derive(Clone, Debug, Default)]
//! struct ListRows {
//!     offset: Option<u64>,
//!     limit: Option<u32>,
//! }
//!
//! /// The offset after this page's rows; none once the total is reached.
//! fn next_offset(mut request: ListRows, page: &RowsPage) -> ListRows {
//!     let next = request.offset.unwrap_or(0) + page.rows.len() as u64;
//!     request.offset = (!page.rows.is_empty() && next < page.total).then_some(next);
//!     request
//! }
//!
//! impl PageRequest for ListRows {
//!     type Output = RowsPage;
//!     type Error = std::convert::Infallible;
//!
//!     async fn send(self) -> Result<RowsPage, Self::Error> {
//!         let (start, total) = (self.offset.unwrap_or(0), 77);
//!         let end = (start + u64::from(self.limit.unwrap_or(10))).min(total);
//!         Ok(RowsPage { rows: (start..end).collect(), total })
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let rows: Vec<u64> = ListRows::default().into_paginator().page_size(10).items().try_collect().await?;
//! assert_eq!(rows, (0..77).collect::<Vec<_>>());
//! # Ok(())
//! # }
//! ```
//!
//! The function sees the whole page even when a listing resumes in its middle, so an offset
//! counted from the page's items stays right.
//!
//! **Ordered item fields.** `item_order = path::to::function` names a function
//! `fn(&Output) -> ItemOrder` for a declaration with several item fields, when the service
//! defines an order across them that the page's separate lists lose (S3's versions and delete
//! markers of one key interleave newest first). [`ItemOrder::merge_by_key`] builds the usual
//! one from a sort key per item. The item stream yields each page's items in that order, and
//! cursors and `max_items` count in it; the page stream keeps the page's own fields, trimmed to
//! the items kept.
//!
//! Mistakes are compile errors on your tokens, all reported at once: an unknown key (with the
//! accepted ones), a missing or repeated key, token lists of different lengths, a field the
//! builder or output does not have (rustc's error points at the name inside the attribute).
//!
//! # Running a listing
//!
//! A [`Paginator`] (from `into_paginator()` or [`Paginator::new`]) mirrors the AWS SDK's
//! paginators and adds to them:
//!
//! - [`send`](Paginator::send): a [`PageStream`] of outputs; [`items`](Paginator::items): an
//!   [`ItemStream`] of items across pages (its [`pages`](ItemStream::pages) counts the pages
//!   received). Both are lazy (nothing is sent before the first
//!   poll), `Send + 'static`, `Unpin`, and work with `futures`' `StreamExt`/`TryStreamExt`.
//! - [`page_size`](Paginator::page_size), [`max_items`](Paginator::max_items) (exact, even
//!   mid-page), [`max_pages`](Paginator::max_pages).
//! - [`prefetch`](Paginator::prefetch): requests run ahead of the consumer, so network time
//!   overlaps the consumer's work.
//! - [`parallel`](Paginator::parallel): a listing ordered by key (S3's, or yours with
//!   [`KeyRanges`]) runs as key ranges with up to N requests in flight, in key order or not;
//!   see below.
//!
//! # Parallel listings
//!
//! One chain of tokens is one round trip per page, one after another. A listing ordered by a
//! string key whose request can start after any key (S3's `start_after`) can instead be split
//! into key ranges listed at once: [`Paginator::parallel`] starts with one range and, while
//! requests are free, cuts the unlisted rest of the ranges where what the service revealed says
//! the keys lie:
//!
//! - *structure*: where the operation can list the folders under a prefix
//!   ([`KeyRanges::folder_request`]; S3's four listings can), folder boundaries are exact split
//!   points, so that many small folders share one range and only large ones are cut, a level
//!   deeper only where a folder holds many pages;
//! - *density*: elsewhere, the keys seen give their distribution on the key scale, the rest is
//!   cut at equal estimated counts, and past the last key seen it is searched at doubling
//!   distances.
//!
//! The split policy only proposes; the scheduler checks every proposal, so that its
//! guarantees hold by construction: every key in exactly one range, at most N requests in
//! flight, the sequential order in key order, bounded buffering, one cursor. Each range is an
//! ordinary listing (tokens, guards, `send_with`).
//!
//! - Items come out in the sequential listing's order (the default, with bounded buffering:
//!   [`buffer_pages`](PartitionedPaginator::buffer_pages)) or as pages arrive
//!   ([`unordered`](PartitionedPaginator::unordered)).
//! - One [`PartitionCursor`] covers the whole listing and resumes in another process;
//!   `max_items` is exact; a failed page ends the stream with a [`PartitionedError`] that carries
//!   it, and the other ranges stop; dropping the stream cancels every request in flight.
//! - Requests stay near the sequential count: a range costs up to one request more, a folder
//!   listing one a page, and cuts stop while they would take the listing past about 1.2 times
//!   the sequential listing's requests, plus N.
//! - What a listing learned is kept: [`PartitionedItems::split_points`] gives its ranges and
//!   their sizes as [`SplitPoints`] (a text form to save); the next listing of the same key
//!   space starts from them ([`PartitionedPaginator::split_points`]), balanced from its first
//!   round trip. [`SplitPoints::partition`] cuts the key space into parts of about equal size,
//!   each listed alone ([`PartitionedPaginator::key_range`]) on another machine or task, with its
//!   own cursor; the parts' outputs concatenate to the whole listing. Split points that no longer
//!   fit the keys cost requests, never an item.
//! - Page requests run on the Tokio runtime's worker threads, so that the answers are parsed on
//!   every core.
//!
//! BENCHMARKS.md ("Parallel listings") gives the round trips per key shape from the simulator
//! of the test tree, and the speed-ups against the sequential listing and rclone; the example
//! of [`PartitionedPaginator`] runs one.
//!
//! # Cursors
//!
//! A [`Cursor`] is a position after any item: the tokens of a page, an offset into it, and a
//! fingerprint of the request's parameters (its fields other than the tokens and those marked
//! `#[paginate(skip)]`; hash maps count by their contents, whatever their order). [`ItemStream::cursor`] tells it after every
//! item, [`PageStream::cursor`] after every page, and every [`Error`] carries one.
//! [`Paginator::resume_from`] continues exactly there. Its string form is opaque and URL-safe
//! (`serde` support behind the `serde` feature); a cursor of another request, or a string that is
//! not a cursor, is a typed [`CursorError`], never a panic; a refused cursor names the parameters
//! that differ. The page size is one of the parameters (an offset into a page means nothing with
//! another page size), and a cursor carries the one given with [`Paginator::page_size`]: a
//! resume without a page size continues with it, and another is refused.
//!
//! ```
//! # use futures::TryStreamExt;
//! # use pagination_core::{Cursor, IntoPaginator, PageRequest, paginate};
//! struct Page { values: Vec<u32>, next: Option<u32> }
//!
//! #[paginate(input_token = after, output_token = next, items = values: u32)]
//! #[derive(Clone, Debug, Default)]
//! struct ListValues { after: Option<u32> }
//!
//! # impl PageRequest for ListValues {
//! #     type Output = Page;
//! #     type Error = std::convert::Infallible;
//! #     async fn send(self) -> Result<Page, Self::Error> {
//! #         let start = self.after.unwrap_or(0);
//! #         let end = (start + 4).min(10);
//! #         Ok(Page { values: (start..end).collect(), next: (end < 10).then_some(end) })
//! #     }
//! # }
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Take 6 items, and keep the position as a string.
//! let mut first = ListValues::default().into_paginator().max_items(6).items();
//! while let Some(value) = first.try_next().await? { /* ... */ }
//! let saved: String = first.cursor().expect("more items follow").to_string();
//!
//! // Later, perhaps in another process: the rest, exactly.
//! let cursor: Cursor = saved.parse()?;
//! let rest: Vec<u32> = ListValues::default()
//!     .into_paginator()
//!     .resume_from(&cursor)?
//!     .items()
//!     .try_collect()
//!     .await?;
//! assert_eq!(rest, [6, 7, 8, 9]);
//! # Ok(())
//! # }
//! ```
//!
//! # Errors
//!
//! A failed page request is yielded as [`Error::Request`], with the request's error and the
//! cursor of the failed page, and the stream ends: resuming from that cursor retries the page and
//! loses or repeats nothing. Its `Display` says what the request's error says, with its causes
//! (an AWS SDK error's service message included), so `eprintln!("{error}")` is enough. The other variants are the guards below and a cursor that cannot be
//! honoured.
//!
//! # Guards
//!
//! Each guard has a [`GuardPolicy`] (stop, error, or continue), and the defaults never loop
//! forever and never stop silently where items could be lost:
//!
//! | guard | trips when | default |
//! |---|---|---|
//! | duplicate token | the service returns the token it was just sent | error, with the cursor after that page (botocore raises too: the listing cannot be completed, and stopping would report it complete); a declaration whose API ends listings so by design says `duplicate_token = stop` (CloudWatch Logs' GetLogEvents), and stops after that page unless its `more_results` flag says more; [`on_duplicate_token`](Paginator::on_duplicate_token) |
//! | token cycle | it returns a token sent earlier in the listing | error; tracked in bounded memory, every cycle is caught |
//! | missing token | `more_results` says more but there is no token | error |
//! | page limit | [`max_pages`](Paginator::max_pages) is reached | stop, with the cursor |
//!
//! [`page_size(0)`](Paginator::page_size) cannot make progress on any service: the stream yields
//! [`Error::InvalidPageSize`] before sending anything.
//!
//! # What the attribute expands to
//!
//! The struct is kept as written. Next to it, the attribute implements [`PaginatedOperation`]
//! for the struct: `send` calls the builder's `send`, `visit_tokens` hands each token field to a
//! generic visitor (this is how token types are inferred; a string enum goes through
//! [`StrEnumToken`]), `next_request` copies the output
//! tokens into the request, `more_results` reads the flag, and `item_fields` lends the item
//! fields; `next_request` and `item_order`, when given, call your functions, and
//! `first_page_only` makes `clear_first_page_only`, which the engine applies to every request
//! that carries a token. With `page_size`
//! it implements [`PageSize`], and it implements [`IntoPaginator`] for
//! the builder. With several item fields it also declares the item enum. That is all: the paging
//! logic lives in this crate, once, so each declaration compiles to a few dozen lines.
//!
//! # Features
//!
//! - `tokio` (default): [`Paginator::prefetch`], which spawns a Tokio task.
//! - `serde`: `Serialize`/`Deserialize` for [`Cursor`].
//! - `link`: the `link` module, which reads `Link` response headers (RFC 8288) for APIs that
//!   page by a next URL, with the `url` crate.
//! - `tracing`: each listing is a `tracing` span (`listing`: operation, page size, limits,
//!   whether it resumes), each page a `debug` event (`page received`: page number, items,
//!   elapsed milliseconds, whether it was prefetched, whether more follow), a failed request or
//!   a tripped guard a `warn` event. Page requests run inside the span, so what the client traces
//!   nests under it. Token values are never traced (they can be keys or secrets); a guard's
//!   event carries a short hash of the tokens instead.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod cursor;
mod cursor_error;
mod error;
mod fetch;
mod fields;
mod fingerprint;
mod guard;
mod operation;
mod paginator;
mod parameters;
mod partition;
#[cfg(feature = "tokio")]
mod prefetch;
mod source;
mod step;
mod stream;
mod token;
mod token_kind;
mod trace;

pub use cursor::Cursor;
pub use cursor_error::{CursorError, MalformedCursor};
pub use error::Error;
pub use guard::GuardPolicy;
pub use operation::{
    ItemField, ItemFields, ItemOrder, PageRequest, PageSize, PaginatedOperation, SendFuture,
};
pub use pagination_derive::paginate;
pub use paginator::{IntoPaginator, Paginator};
pub use parameters::Parameters;
pub use partition::{
    CannotPartition, KeyRange, KeyRanges, KeySpace, MeasuredRange, PartitionCursor,
    PartitionedError, PartitionedItems, PartitionedPaginator, SplitPoints, SplitPointsError,
};
pub use stream::{ItemStream, PageStream};
pub use token::{StrEnum, StrEnumToken, TokenDecoder, TokenEncoder, TokenValue, TokenVisitor};

#[cfg(feature = "link")]
#[cfg_attr(docsrs, doc(cfg(feature = "link")))]
pub mod link;
pub mod paging_styles;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

/// The parallel listing's scheduler and split policy, without I/O, for the simulator and the
/// property tests of the test tree. Not a stable API.
#[doc(hidden)]
pub mod __schedule {
    pub use crate::partition::balance::Balance;
    pub use crate::partition::policy::{
        FolderFacts, PageFacts, Proposal, RangeId, RangeView, SplitPolicy, View,
    };
    pub use crate::partition::schedule::{
        Action, Config, ListingId, Measured, Page, Permit, Position, Schedule, Seed, Stats,
    };
}
