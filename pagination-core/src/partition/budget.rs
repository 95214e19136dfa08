//! The request budget of a parallel listing: what its ranges and folder listings may cost over
//! the sequential listing.
//!
//! A listing split into ranges makes the sequential listing's requests plus, at most, one per
//! range (its last page is cut at its upper end, or, when its keys fill their pages, one more
//! request finds nothing of its own) and one per folder-listing page. The budget keeps the
//! total near `1.2 × sequential + N`: what was spent so far (requests answered less the full
//! pages their kept items fill), plus the half request a range still listing is expected to
//! cost past its keys ([`OPEN_COST`]) and one for each range and folder listing not heard from
//! yet, against `N` plus a fifth of the full pages listed. A range counted at half a request
//! may cost a whole one, so a listing that spends its budget ends within a request or two past
//! it (an end-to-end test over the AWS-rules endpoint sees up to 1 past it).

/// Keeps the count; see the module docs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Budget {
    requests: usize,
    /// Requests answered: range pages and folder-listing pages.
    answered: u64,
    /// Items kept by ranges.
    kept: u64,
    /// The most items one range page held.
    page_items: u64,
}

/// The share of the sequential requests a listing may spend over them.
const SHARE: f64 = 0.2;

/// What a range still listing is expected to cost past its keys: its last page is cut at its
/// upper end, on average half a page past it (one when its keys fill their pages exactly).
const OPEN_COST: f64 = 0.5;

impl Budget {
    pub(crate) fn new(requests: usize) -> Self {
        Budget {
            requests,
            ..Budget::default()
        }
    }

    /// A range page: `items` received, `kept` of them in the range.
    pub(crate) fn range_page(&mut self, items: usize, kept: usize) {
        self.answered += 1;
        self.kept += kept as u64;
        self.page_items = self.page_items.max(items as u64);
    }

    /// A folder-listing page.
    pub(crate) fn folder_page(&mut self) {
        self.answered += 1;
    }

    pub(crate) fn page_items(&self) -> u64 {
        self.page_items
    }

    /// How many more ranges or folder listings fit, with `open` ranges listing that received
    /// a page, and `unheard` ranges and folder listings that did not yet (each may cost a whole
    /// request: a range may be empty).
    pub(crate) fn left(&self, open: usize, unheard: usize) -> f64 {
        let full = if self.page_items == 0 {
            self.answered as f64
        } else {
            self.kept as f64 / self.page_items as f64
        };
        let spent =
            (self.answered as f64 - full).max(0.0) + OPEN_COST * open as f64 + unheard as f64;
        self.requests as f64 + SHARE * full - spent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_pages_earn_a_fifth_and_partial_pages_spend() {
        let mut budget = Budget::new(4);
        // One range not heard from: 4 allowed, a whole request reserved (it may be empty).
        assert_eq!(budget.left(0, 1), 3.0);
        for _ in 0..10 {
            budget.range_page(100, 100);
        }
        // Heard from: half a request reserved for its last page.
        assert!((budget.left(1, 0) - 5.5).abs() < 1e-9);
        // A page half kept spends half a request.
        budget.range_page(100, 50);
        assert!((budget.left(1, 0) - (4.0 + 2.1 - 0.5 - 0.5)).abs() < 1e-9);
        budget.folder_page();
        assert!(budget.left(1, 0) < 4.0 + 2.1 - 1.5 - 0.5 + 1e-9);
    }
}
