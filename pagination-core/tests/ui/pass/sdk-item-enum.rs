// Several item fields become one enum: its name from `item_enum`, its variants from `as` (or
// from the field names), two input tokens carried together.
use futures::TryStreamExt;
use pagination_core::{IntoPaginator, paginate};

#[path = "../support/fake_sdk.rs"]
mod fake_sdk;

use fake_sdk::operation::list_versions::builders::ListVersionsFluentBuilder;
use fake_sdk::types::{CommonPrefix, DeleteMarker, Version};

#[paginate(
    operation = fake_sdk::operation::list_versions,
    input_token = (key_marker, version_id_marker),
    output_token = (next_key_marker, next_version_id_marker),
    more_results = is_truncated,
    page_size = max_keys,
    items = (
        versions: Version as Version,
        delete_markers: DeleteMarker as Deleted,
        common_prefixes: CommonPrefix,
    ),
    item_enum = VersionEntry,
)]
pub struct ListVersions;

fn describe(entry: &VersionEntry) -> String {
    match entry {
        VersionEntry::Version(version) => format!("version {:?}", version.key),
        VersionEntry::Deleted(marker) => format!("deleted {:?}", marker.key),
        VersionEntry::CommonPrefixes(prefix) => format!("prefix {:?}", prefix.prefix),
    }
}

fn main() {
    let entries: Vec<VersionEntry> = futures::executor::block_on(
        ListVersionsFluentBuilder::new()
            .into_paginator()
            .page_size(10)
            .items()
            .try_collect(),
    )
    .unwrap();
    let described: Vec<String> = entries.iter().map(describe).collect();
    assert_eq!(
        described,
        [
            "version Some(\"a\")",
            "deleted Some(\"a\")",
            "version Some(\"b\")",
        ]
    );
}
