//! What `Error::Request` says: the request error's message and causes on one line, boxed and
//! Display-only errors, and each operation's own description of an error type it shares.

// Request fields here exist to be fingerprinted, not read.
#![allow(dead_code, clippy::box_collection)]

use std::fmt;

use pagination_core::{
    IntoPaginator, ItemFields, PageRequest, PaginatedOperation, Paginator, SendFuture,
    TokenVisitor, paginate,
};

use crate::drain;
use crate::model::*;

/// An error type shared by a generated operation and a hand-written one whose `describe_error`
/// says something else (here: it keeps a URL with a token out of logs).
#[derive(Debug)]
pub struct SharedError {
    url: String,
}

impl fmt::Display for SharedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "request to {} failed", self.url)
    }
}

impl std::error::Error for SharedError {}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct GeneratedOp {
    after: Option<u32>,
}

impl PageRequest for GeneratedOp {
    type Output = Page;
    type Error = SharedError;

    async fn send(self) -> Result<Page, SharedError> {
        Err(SharedError {
            url: "https://api/list?page_token=GENERATED".into(),
        })
    }
}

struct HandWritten;

impl PaginatedOperation for HandWritten {
    type Request = GeneratedOp;
    type Output = Page;
    type Error = SharedError;
    type Item = u32;

    fn send(_: GeneratedOp) -> SendFuture<Self> {
        Box::pin(async {
            Err(SharedError {
                url: "https://api/list?page_token=HAND".into(),
            })
        })
    }

    fn parameters(request: &GeneratedOp) -> &dyn fmt::Debug {
        request
    }

    fn describe_error(_: &SharedError, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str("the listing service failed (URL withheld)")
    }

    fn visit_tokens<V: TokenVisitor>(
        mut request: GeneratedOp,
        visitor: &mut V,
    ) -> Result<GeneratedOp, V::Error> {
        request.after = visitor.visit(request.after.take())?;
        Ok(request)
    }

    fn next_request(mut request: GeneratedOp, output: &Page) -> GeneratedOp {
        request.after = output.next;
        request
    }

    fn item_fields(output: &mut Page) -> impl ItemFields<u32> + '_ {
        Some(&mut output.values)
    }
}

/// Each operation's errors print its own way, whichever failed first in the process: the
/// description travels in the error, not in a registry by error type.
#[tokio::test]
async fn two_operations_sharing_an_error_type_each_describe_it_their_way() {
    for hand_written_first in [true, false] {
        let hand = || async {
            let (_, error) =
                drain(Paginator::<HandWritten>::new(GeneratedOp::default()).items()).await;
            error.unwrap().to_string()
        };
        let generated = || async {
            let (_, error) = drain(GeneratedOp::default().into_paginator().items()).await;
            error.unwrap().to_string()
        };
        let (hand, generated) = if hand_written_first {
            let hand = hand().await;
            (hand, generated().await)
        } else {
            let generated = generated().await;
            (hand().await, generated)
        };
        assert!(hand.contains("URL withheld"), "{hand}");
        assert!(!hand.contains("page_token"), "{hand}");
        assert!(generated.contains("page_token=GENERATED"), "{generated}");
    }
}

/// A request error with a cause, boxed as `Box<dyn Error + Send + Sync>` (a common error type of
/// HTTP clients written by hand): "with its causes".
#[derive(Debug)]
struct Outer(std::io::Error);

impl fmt::Display for Outer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("listing failed")
    }
}

impl std::error::Error for Outer {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct BoxedErrorOp {
    after: Option<u32>,
}

impl PageRequest for BoxedErrorOp {
    type Output = Page;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    async fn send(self) -> Result<Page, Self::Error> {
        Err(Box::new(Outer(std::io::Error::other(
            "connection reset by peer",
        ))))
    }
}

#[tokio::test]
async fn a_boxed_error_shows_its_causes() {
    let (_, error) = drain(BoxedErrorOp::default().into_paginator().items()).await;
    let text = error.unwrap().to_string();
    assert!(text.contains("listing failed"), "{text}");
    assert!(text.contains("connection reset by peer"), "{text}");
}

/// An error whose own message is empty, with a cause: no empty segment.
#[derive(Debug)]
struct Silent(std::io::Error);

impl fmt::Display for Silent {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for Silent {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[paginate(input_token = after, output_token = next, items = values: u32)]
#[derive(Clone, Debug, Default)]
struct SilentErrorOp {
    after: Option<u32>,
}

impl PageRequest for SilentErrorOp {
    type Output = Page;
    type Error = Silent;

    async fn send(self) -> Result<Page, Silent> {
        Err(Silent(std::io::Error::other("timed out")))
    }
}

#[tokio::test]
async fn an_error_with_an_empty_message_reads_well() {
    let (_, error) = drain(SilentErrorOp::default().into_paginator().items()).await;
    let text = error.unwrap().to_string();
    assert!(text.contains("timed out"), "{text}");
    assert!(!text.contains(": :"), "an empty segment: {text}");
}
