//! A multi-marker service model for aws-smithy-mocks rules, the way Route 53 pages: items in the
//! service's order, each with the markers that name it (`(name, type, identifier)` for a record
//! set, `None` where the item has no such marker), `max_items` a page. A page's next markers name
//! the first item of the next page; a request's markers must name an item exactly, else the model
//! panics (a stale marker left from an earlier page, or one not cleared, fails the test).

use std::fmt::Debug;
use std::sync::Mutex;

use futures::TryStreamExt;
use pagination_core::{PageSize, Paginator};

use crate::models::TokenModel;

/// The markers of one item (or of a request), in the declaration's order.
pub type Markers = Vec<Option<String>>;

/// One computed page.
#[derive(Debug, Clone)]
pub struct MarkerPage<T> {
    pub items: Vec<T>,
    /// The markers of the next page's first item; `None` on the last page.
    pub next: Option<Markers>,
}

#[derive(Debug)]
pub struct MarkerModel<T> {
    name: &'static str,
    items: Vec<(Markers, T)>,
    default_page: usize,
    max_page: usize,
    seen: Mutex<Vec<Markers>>,
}

impl<T: Clone> MarkerModel<T> {
    pub fn new(
        name: &'static str,
        items: Vec<(Markers, T)>,
        default_page: usize,
        max_page: usize,
    ) -> Self {
        MarkerModel {
            name,
            items,
            default_page,
            max_page,
            seen: Mutex::new(Vec::new()),
        }
    }

    /// The whole listing, in order.
    pub fn items(&self) -> Vec<T> {
        self.items.iter().map(|(_, item)| item.clone()).collect()
    }

    /// Serves one request: `markers` as the request carries them (all `None` on the first).
    pub fn page(&self, markers: Markers, page_size: Option<i32>) -> MarkerPage<T> {
        self.seen.lock().unwrap().push(markers.clone());
        let start = if markers.iter().all(Option::is_none) {
            0
        } else {
            self.items
                .iter()
                .position(|(key, _)| *key == markers)
                .unwrap_or_else(|| panic!("{}: no item is at the markers {markers:?}", self.name))
        };
        let size = match page_size {
            None => self.default_page,
            Some(size) if size < 1 || size as usize > self.max_page => {
                panic!(
                    "{}: page size {size} is out of 1..={}",
                    self.name, self.max_page
                )
            }
            Some(size) => size as usize,
        };
        let end = (start + size).min(self.items.len());
        MarkerPage {
            items: self.items[start..end]
                .iter()
                .map(|(_, item)| item.clone())
                .collect(),
            next: self.items.get(end).map(|(key, _)| key.clone()),
        }
    }

    /// The markers of every request served since the last call.
    pub fn take_seen(&self) -> Vec<Markers> {
        std::mem::take(&mut self.seen.lock().unwrap())
    }
}

/// `Some(text)` as an owned marker.
pub fn marker(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// A single-token listing at the model's default page size, 1 and 4: the model's items, in
/// order, one request a page, each carrying the token of the response before
/// (`TokenModel::take_seen` checks it). Returns how many items were compared.
pub async fn assert_token_listing<Op>(request: Op::Request, model: &TokenModel<Op::Item>) -> usize
where
    Op: PageSize,
    Op::Item: Clone + PartialEq + Debug,
    Op::Error: Debug,
{
    let mut compared = 0;
    for size in [None, Some(1), Some(4)] {
        let paginator = Paginator::<Op>::new(request.clone());
        let paginator = match size {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let items: Vec<Op::Item> = paginator.items().try_collect().await.unwrap();
        assert_eq!(items, model.items(), "page size {size:?}");
        compared += items.len();
        let seen = model.take_seen();
        assert_eq!(seen[0].token, None);
        assert_eq!(seen.len(), model.expected_pages(size), "page size {size:?}");
        assert!(
            seen.iter()
                .all(|request| request.page_size == size.map(|size| size as i32)),
            "{seen:?}"
        );
    }
    compared
}
