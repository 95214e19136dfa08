// Several item fields on an owned builder, without `item_enum` or `as`: the enum is
// `<Struct>Item` and each variant is the field name in UpperCamelCase. Two tokens, one of them
// read through a fallback and a nested path.
use pagination_core::{PageRequest, paginate};

pub struct Cursor {
    next_page: Option<u64>,
}

pub struct Page {
    files: Option<Vec<String>>,
    sub_dirs: Vec<u64>,
    cursor: Option<Cursor>,
    next_token: Option<u64>,
    session: String,
}

#[paginate(
    input_token = (page, session),
    output_token = (cursor?.next_page || next_token, session),
    items = (files: String, sub_dirs: u64),
)]
#[derive(Clone, Debug, Default)]
pub struct ListDir {
    page: Option<u64>,
    session: Option<String>,
}

impl PageRequest for ListDir {
    type Output = Page;
    type Error = String;

    async fn send(self) -> Result<Page, String> {
        Err("offline".into())
    }
}

fn main() {
    let _ = |item: ListDirItem| match item {
        ListDirItem::Files(name) => name,
        ListDirItem::SubDirs(id) => id.to_string(),
    };
}
