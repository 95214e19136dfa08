// Several item fields, one declared with the wrong element type.
#![allow(dead_code)]

use pagination_core::{PageRequest, paginate};

#[derive(Debug, Clone, PartialEq)]
struct Customer;
#[derive(Debug, Clone, PartialEq)]
struct Invoice;

struct Page {
    customers: Vec<Customer>,
    invoices: Option<Vec<Invoice>>,
    next: Option<String>,
}

#[paginate(input_token = after, output_token = next, items = (customers: Customer, invoices: Customer))]
#[derive(Clone, Debug, Default)]
struct ListEverything {
    after: Option<String>,
}

impl PageRequest for ListEverything {
    type Output = Page;
    type Error = std::convert::Infallible;

    async fn send(self) -> Result<Page, Self::Error> {
        unimplemented!()
    }
}

fn main() {}
