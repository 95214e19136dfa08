//! How popular HTTP APIs page, and the declaration for each, with what each API guarantees and
//! what it does not. Every request here holds a `reqwest::Client`, marked `#[paginate(skip)]`:
//! a client is no parameter of the listing, so cursors resume with any client, in any process.
//! The listings are used like any other:
//!
//! ```ignore
//! use futures::TryStreamExt;
//! use pagination_core::IntoPaginator;
//!
//! let users: Vec<User> = request.into_paginator().page_size(100).items().try_collect().await?;
//! ```
//!
//! Each declaration below is a file of this crate's tests (`tests/styles/declarations/`), shown
//! here as it is: the tests run it over HTTP against a server with the style's odd cases from
//! public bug reports (a comma in a `Link` URL, a list left out of the JSON, a token sent back
//! while more pages exist, a page size the service clamps, an expired token).
//!
//! | style | token | end of the listing | key to note |
//! |---|---|---|---|
//! | [Google](#a-token-in-the-body-google) | `nextPageToken` in the body | an empty token | `output_token` |
//! | [Stripe](#the-last-items-id-stripe) | the last item's `id` | `has_more` false | a path with a method: `data.last()?.id`; a nested input token |
//! | [GitHub](#a-next-url-in-a-link-header-github) | the whole next URL, in a `Link` header | no `rel="next"` | [`link::next_link`](crate::link::next_link); `max_page_size` |
//! | [Offset and limit](#offset-and-limit-with-a-total) | an offset computed from the page | the total | `next_request` |
//! | [Page numbers](#page-numbers) | a page number | an empty page | `next_request`; `max_page_size` |
//! | [GraphQL](#a-cursor-nested-in-a-graphql-answer) | `pageInfo.endCursor` | `pageInfo.hasNextPage` false | nested paths; the token in a variables struct |
//! | [Azure](#a-next-link-in-the-body-azure) | the whole next URL, `nextLink` in the body | no `nextLink` | refusing another origin |
//! | [Kubernetes](#a-continue-token-kubernetes) | `metadata.continue` | an empty token | an expired token (410) |
//!
//! What every declaration here does, and yours should too:
//!
//! - **An absent item list is an empty one** (`#[serde(default)]` on the list, or an `Option`):
//!   proto3's JSON mapping leaves empty lists out, and so do many APIs on their last page or for
//!   an empty collection (google-api-python-client#1843). Without it, that page fails to parse,
//!   and resuming fails on it again.
//! - **The end is what the API says**: an absent token, a flag, a total, an empty page. Never a
//!   page shorter than asked: services clamp page sizes silently (GitHub's `per_page` over 100
//!   is 100, github/docs#45189), and a clamped full page would read as the last. Give the
//!   service's largest page size as `max_page_size` and [`page_size`](crate::Paginator::page_size)
//!   is clamped to it before any request.
//! - **A repeated token is an error** (the engine's default): a listing whose service sends back
//!   the token it was just sent cannot be completed, and ending there would report success on
//!   a partial listing (gogcli#1004). An API that ends listings so by design says
//!   `duplicate_token = stop` in its declaration; only such an API, since a repeat in the middle
//!   of its listings then ends them quietly too.
//!
//! # A token in the body (Google)
//!
//! The answer carries `nextPageToken`; the last page carries none, or an empty string, which
//! counts as none.
//!
//! *Guarantees* (AIP-158): only the token's absence ends the listing; a page may hold fewer items
//! than asked, even none, with a token; a page size above the maximum is lowered, not refused.
//! *Not*: a token is opaque and may expire; a listing is no snapshot of a collection that changes.
//!
//! ```no_run
#![doc = include_str!("../tests/styles/declarations/google.rs")]
//! # fn main() {}
//! ```
//!
//! # The last item's id (Stripe)
//!
//! The next request starts after the last item of the page, and `has_more` says whether there
//! is one. The token lives in a parameters struct of its own (`params.starting_after`), as a
//! third-party SDK would define it.
//!
//! *Guarantees*: ids are unique, so a token names one position, and objects created during the
//! listing appear before the first page, never in the middle; `limit` from 1 to 100. *Not*:
//! listing backwards takes both halves reversed: `input_token = params.ending_before` **and**
//! `output_token = data.first()?.id`; swapping only the input token pages back and forth over the
//! same items without any guard tripping. The same holds for any key-based token
//! (Elasticsearch's `search_after`, keyset pagination): the key must be unique per item, so
//! add a tiebreaker (an id) to a sort key that can tie, or the items after a tie at a page's
//! end are skipped.
//!
//! ```no_run
#![doc = include_str!("../tests/styles/declarations/stripe.rs")]
//! # fn main() {}
//! ```
//!
//! # A next URL in a Link header (GitHub)
//!
//! The token is the whole next request: the `rel="next"` URL of the `Link` header (RFC 8288).
//! `send` reads it with [`link::next_link`](crate::link::next_link) (feature `link`) into the
//! output, next to the items; the first request has no URL and builds its own. The URL is
//! absolute, so a cursor pins the host it was made against; keep the base URL a parameter
//! (not `skip`), so that a cursor of another host is refused.
//!
//! *Guarantees*: the next URL carries every parameter of the listing. *Not*: it may hold commas
//! and semicolons (`labels=a,b`), the header may come in several fields and name several
//! relations in one `rel` (`rel="next last"`), and a target may be relative, all of which
//! `next_link` reads as the RFC says and splitting on `,` and `;` does not (guzzle/psr7#595);
//! `per_page` above 100 is silently 100, hence `max_page_size = 100`. The next URL is followed
//! wherever it points: a `send` that adds credentials checks its origin, as the Azure style does.
//! The first request carries no URL, so a faulty `next` link back to the first page is caught
//! when it comes round again: that page's items come twice before the error.
//!
//! ```no_run
#![doc = include_str!("../tests/styles/declarations/github.rs")]
//! # fn main() {}
//! ```
//!
//! # Offset and limit, with a total
//!
//! The next offset is computed, not copied: a `next_request` function adds the page's rows to
//! the offset, and ends the listing at the total (or on an empty page). There is no
//! `output_token`. The function sees the whole page even when a listing resumes in its middle.
//!
//! *Guarantees*: none across pages. *Not*: offsets are positions in a list that may change
//! between two requests: a row inserted before the offset repeats the row at the page boundary,
//! a row deleted before it skips one. Where that matters, keep a set of the item keys seen to
//! detect a repeat, or use the API's key-based token if it has one.
//!
//! ```no_run
#![doc = include_str!("../tests/styles/declarations/offset.rs")]
//! # fn main() {}
//! ```
//!
//! # Page numbers
//!
//! Without a total or a last-page flag, the listing goes on after every page with items and
//! ends on an empty one: one request more than the pages, and no item lost to a clamp.
//!
//! *Guarantees*: none across pages, as offsets. *Not*: a page shorter than asked is not the
//! last when the service clamps the page size below what was asked; `max_page_size` states the
//! documented largest, and the empty-page rule covers a service that clamps lower still. Where
//! the API gives a total or a last-page flag, end on it instead and save the last request.
//!
//! ```no_run
#![doc = include_str!("../tests/styles/declarations/page_number.rs")]
//! # fn main() {}
//! ```
//!
//! # A cursor nested in a GraphQL answer
//!
//! Paths walk into the answer (`data.repository.issues.page_info.end_cursor`), and the input
//! token can be a field of a variables struct (`variables.after`).
//!
//! *Guarantees* (the Relay connection spec): `hasNextPage` says whether more follow, and
//! `endCursor` is where they start. *Not*: cursors are opaque and tied to the query's
//! arguments; GitHub allows `first` up to 100.
//!
//! ```no_run
#![doc = include_str!("../tests/styles/declarations/graphql.rs")]
//! # fn main() {}
//! ```
//!
//! # A next link in the body (Azure)
//!
//! Azure's list operations answer `{ "value": [...], "nextLink": "https://..." }`: the whole
//! next URL, absent on the last page. The token is that URL, in and out.
//!
//! *Guarantees*: the next link carries every parameter of the listing. *Not*: a next link is an
//! absolute URL chosen by the answer, so a `send` that adds credentials (a bearer token) would
//! send them wherever it points; this `send` refuses a next link to another origin than the
//! API's, which fails the listing with the cursor of that page.
//!
//! ```no_run
#![doc = include_str!("../tests/styles/declarations/azure.rs")]
//! # fn main() {}
//! ```
//!
//! # A continue token (Kubernetes)
//!
//! `GET .../pods?limit=500` answers `metadata.continue`, empty on the last page, which the next
//! request sends as `continue`.
//!
//! *Guarantees*: the pages of one listing are one consistent snapshot (one resource version).
//! *Not*: a continue token expires once the server compacts that version (every 5 minutes by
//! default): the next request is then HTTP 410 Gone, reason `Expired`. Retrying from the
//! error's cursor sends the same expired token, so it cannot help: start a fresh listing, or,
//! where an inconsistent listing will do, go on from the 410's own `metadata.continue`.
//!
//! ```no_run
#![doc = include_str!("../tests/styles/declarations/kubernetes.rs")]
//! # fn main() {}
//! ```
