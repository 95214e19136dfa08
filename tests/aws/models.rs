//! A single-token service model for aws-smithy-mocks rules: it computes each page from the
//! request's token and page size, the way a token-paginated AWS listing does, and records every
//! request it serves so a test can check what the paginator sent.
//!
//! Tokens are opaque strings the model hands out; a request carrying any other token (made up,
//! or an echo field misread as a next token) makes the model panic, which fails the test.

use std::collections::HashMap;
use std::sync::Mutex;

/// How the model marks the last page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastPage {
    /// No next token.
    NoToken,
    /// A next token that is an empty string (the SDK paginators and botocore treat it as the end).
    EmptyToken,
}

/// What a request carried, as the model saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub token: Option<String>,
    pub page_size: Option<i32>,
}

/// One computed page.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The request's token, as services echo it.
    pub echo: Option<String>,
    /// The token of the next page.
    pub next: Option<String>,
    pub truncated: bool,
}

#[derive(Debug, Default)]
struct State {
    /// Every token handed out: the index of the first item of its page, and whether the empty
    /// page before it (with [`TokenModel::with_empty_pages`]) was served.
    issued: HashMap<String, (usize, bool)>,
    seen: Vec<Seen>,
    /// The next token of each response, in order.
    answered: Vec<Option<String>>,
}

/// A listing of `items`, `default_page` a page unless the request sets a page size of at most
/// `max_page`; a larger one is refused (panic), as the services refuse it with a 400.
#[derive(Debug)]
pub struct TokenModel<T> {
    name: &'static str,
    items: Vec<T>,
    default_page: usize,
    max_page: usize,
    last_page: LastPage,
    /// Serve an empty page with a token before every page of items.
    empty_pages: bool,
    state: Mutex<State>,
}

impl<T: Clone> TokenModel<T> {
    pub fn new(
        name: &'static str,
        items: Vec<T>,
        default_page: usize,
        max_page: usize,
        last_page: LastPage,
    ) -> Self {
        TokenModel {
            name,
            items,
            default_page,
            max_page,
            last_page,
            empty_pages: false,
            state: Mutex::new(State::default()),
        }
    }

    /// The model of a service that may answer a page with no items and a token while more
    /// follow (Organizations, SSM, Secrets Manager, FilterLogEvents): before each page of
    /// items, one empty page whose token leads to it. A paginator that takes an empty page
    /// for the end lists nothing.
    pub fn with_empty_pages(mut self) -> Self {
        self.empty_pages = true;
        self
    }

    /// The whole listing.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// Serves one request.
    pub fn page(&self, token: Option<&str>, page_size: Option<i32>) -> Page<T> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.seen.push(Seen {
            token: token.map(str::to_owned),
            page_size,
        });
        let (start, emptied) = match token {
            None => (0, false),
            Some(token) => *state.issued.get(token).unwrap_or_else(|| {
                panic!("{}: the model never issued the token {token:?}", self.name)
            }),
        };
        let size = match page_size {
            None | Some(0) => self.default_page,
            Some(size) if size < 0 || size as usize > self.max_page => {
                panic!(
                    "{}: page size {size} is out of 1..={}",
                    self.name, self.max_page
                )
            }
            Some(size) => size as usize,
        };
        let issue = |state: &mut State, position: usize, emptied: bool| {
            // Opaque: not an index, not a key, different for every model.
            let token = format!(
                "{}~{:016x}{}",
                self.name.len(),
                (position as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ self.name.len() as u64,
                if emptied { "e" } else { "" }
            );
            state.issued.insert(token.clone(), (position, emptied));
            token
        };
        if self.empty_pages && !emptied {
            let next = issue(&mut state, start, true);
            state.answered.push(Some(next.clone()));
            return Page {
                items: Vec::new(),
                echo: token.map(str::to_owned),
                next: Some(next),
                truncated: true,
            };
        }
        let end = (start + size).min(self.items.len());
        let truncated = end < self.items.len();
        let next = if truncated {
            Some(issue(&mut state, end, false))
        } else {
            match self.last_page {
                LastPage::NoToken => None,
                LastPage::EmptyToken => Some(String::new()),
            }
        };
        state.answered.push(next.clone());
        Page {
            items: self.items[start..end].to_vec(),
            echo: token.map(str::to_owned),
            next,
            truncated,
        }
    }

    /// The requests served since the last [`take_seen`](TokenModel::take_seen), which clears
    /// them, after checking that each request after the first carried the next token of the
    /// response before it (so the requests form one listing).
    pub fn take_seen(&self) -> Vec<Seen> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let seen = std::mem::take(&mut state.seen);
        let answered = std::mem::take(&mut state.answered);
        for (index, pair) in seen.windows(2).enumerate() {
            assert_eq!(
                pair[1].token,
                answered[index],
                "{}: request {} must carry the token of response {index}",
                self.name,
                index + 1
            );
        }
        seen
    }

    /// How many pages a listing at `page_size` takes.
    pub fn expected_pages(&self, page_size: Option<u32>) -> usize {
        let size = page_size.map_or(self.default_page, |size| size as usize);
        let pages = self.items.len().div_ceil(size).max(1);
        if self.empty_pages { 2 * pages } else { pages }
    }
}
