//! `next_request` functions that never advance: the guards end the listing, with a cursor that
//! loses and repeats nothing.

use futures::StreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};

// --- Engine: next_request functions that never advance ---------------------------------

#[derive(Debug)]
struct StuckPage {
    values: Vec<u32>,
    more: bool,
}

/// `mode`: 0 = the function keeps the token it was given (absent on the first page), 1 = it
/// always sets the constant "x", 2 = it alternates "a" and "b".
#[paginate(
    input_token = token,
    items = values: u32,
    more_results = more,
    next_request = stuck_next
)]
#[derive(Debug, Clone, Default)]
struct ListStuck {
    token: Option<String>,
    mode: u8,
}

fn stuck_next(mut request: ListStuck, _page: &StuckPage) -> ListStuck {
    request.token = match request.mode {
        0 => request.token,
        1 => Some("x".into()),
        _ => Some(
            if request.token.as_deref() == Some("a") {
                "b"
            } else {
                "a"
            }
            .into(),
        ),
    };
    request
}

impl PageRequest for ListStuck {
    type Output = StuckPage;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<StuckPage, Self::Error> {
        Ok(StuckPage {
            values: vec![1, 2],
            more: true,
        })
    }
}

#[tokio::test]
async fn next_request_functions_that_never_advance_end_with_a_guard() {
    for (mode, want) in [
        (0u8, "MissingToken"),
        (1, "DuplicateToken"),
        (2, "TokenCycle"),
    ] {
        for prefetch in [0, 2] {
            let mut paginator = ListStuck {
                mode,
                ..ListStuck::default()
            }
            .into_paginator();
            if prefetch > 0 {
                paginator = paginator.prefetch(prefetch);
            }
            let mut stream = paginator.items();
            let mut count = 0;
            let mut error = None;
            while let Some(next) = stream.next().await {
                match next {
                    Ok(_) => count += 1,
                    Err(e) => error = Some(format!("{e:?}")),
                }
                assert!(count < 100, "mode {mode}: does not end");
            }
            let error = error.unwrap_or_default();
            assert!(
                error.starts_with(want),
                "mode {mode} prefetch {prefetch}: {error}"
            );
        }
    }
}
