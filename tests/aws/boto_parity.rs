//! botocore parity: boto3's own paginators (tests/aws/boto_list.py) and ours list the same
//! seeded versioned bucket on moto; the item sequences, with the page each item came in, must be
//! identical at page sizes 1, 3, 7 and 1000, with and without a delimiter.
//!
//! boto3 sets `EncodingType=url` on these listings and decodes the answers; the Rust SDK does
//! neither. Equal sequences therefore also show the special-character keys of `seed::plan`
//! survive both paths.

use std::process::Stdio;

use futures::TryStreamExt;
use pagination_aws::s3::{ObjectEntry, ObjectVersionEntry};
use pagination_core::IntoPaginator;
use pagination_examples::seed;
use serde_json::{Value, json};

use crate::support::{moto, unique_bucket};

const PAGE_SIZES: [u32; 4] = [1, 3, 7, 1000];

/// The script's lines for one operation and delimiter, all page sizes.
async fn boto_listing(
    endpoint: &str,
    bucket: &str,
    operation: &str,
    delimiter: Option<&str>,
) -> Vec<Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/aws/boto_list.py");
    // The Python moto runs on, which has boto3 too (the README installs both there).
    let python = pagination_examples::moto::python();
    let mut command = tokio::process::Command::new(&python);
    command
        .arg(script)
        .args([
            "--endpoint-url",
            endpoint,
            "--bucket",
            bucket,
            "--operation",
            operation,
        ])
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .stdin(Stdio::null());
    for page_size in PAGE_SIZES {
        command.args(["--page-size", &page_size.to_string()]);
    }
    if let Some(delimiter) = delimiter {
        command.args(["--delimiter", delimiter]);
    }
    let output = command
        .output()
        .await
        .unwrap_or_else(|error| panic!("{} does not run: {error}", python.display()));
    assert!(
        output.status.success(),
        "boto_list.py failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn version_line(entry: ObjectVersionEntry) -> Value {
    match entry {
        ObjectVersionEntry::Version(version) => json!({
            "kind": "version",
            "key": version.key(),
            "version_id": version.version_id(),
            "is_latest": version.is_latest(),
            "etag": version.e_tag(),
            "size": version.size(),
        }),
        ObjectVersionEntry::DeleteMarker(marker) => json!({
            "kind": "delete_marker",
            "key": marker.key(),
            "version_id": marker.version_id(),
            "is_latest": marker.is_latest(),
        }),
        ObjectVersionEntry::CommonPrefix(prefix) => {
            json!({ "kind": "prefix", "prefix": prefix.prefix() })
        }
    }
}

fn object_line(entry: ObjectEntry) -> Value {
    match entry {
        ObjectEntry::Object(object) => json!({
            "kind": "object",
            "key": object.key(),
            "etag": object.e_tag(),
            "size": object.size(),
        }),
        ObjectEntry::CommonPrefix(prefix) => json!({ "kind": "prefix", "prefix": prefix.prefix() }),
    }
}

/// Adds the page size and page index, as the script does.
fn tagged(mut line: Value, page_size: u32, page: u64) -> Value {
    line["page_size"] = json!(page_size);
    line["page"] = json!(page);
    line
}

async fn our_versions(
    client: &aws_sdk_s3::Client,
    bucket: &str,
    delimiter: Option<&str>,
    page_size: u32,
) -> Vec<Value> {
    let mut items = client
        .list_object_versions()
        .bucket(bucket)
        .set_delimiter(delimiter.map(str::to_owned))
        .into_paginator()
        .page_size(page_size)
        .items();
    let mut lines = Vec::new();
    while let Some(entry) = items.try_next().await.unwrap() {
        lines.push(tagged(version_line(entry), page_size, items.pages() - 1));
    }
    lines
}

async fn our_objects(
    client: &aws_sdk_s3::Client,
    bucket: &str,
    delimiter: Option<&str>,
    page_size: u32,
) -> Vec<Value> {
    let mut items = client
        .list_objects()
        .bucket(bucket)
        .set_delimiter(delimiter.map(str::to_owned))
        .into_paginator()
        .page_size(page_size)
        .items();
    let mut lines = Vec::new();
    while let Some(entry) = items.try_next().await.unwrap() {
        lines.push(tagged(object_line(entry), page_size, items.pages() - 1));
    }
    lines
}

#[tokio::test]
async fn item_sequences_match_boto3_paginators() {
    let server = moto();
    let client = server.s3_client();
    let bucket = unique_bucket("boto-parity");
    let plan = seed::plan(30);
    seed::seed_versioned_bucket(&client, &bucket, &plan)
        .await
        .unwrap();
    let (versions, markers) = seed::count(&plan);

    let mut total = 0;
    for operation in ["list_object_versions", "list_objects"] {
        for delimiter in [None, Some("/")] {
            let boto = boto_listing(server.endpoint(), &bucket, operation, delimiter).await;
            for page_size in PAGE_SIZES {
                let context =
                    format!("{operation}, page size {page_size}, delimiter {delimiter:?}");
                let theirs: Vec<&Value> = boto
                    .iter()
                    .filter(|line| line["page_size"] == json!(page_size))
                    .collect();
                let ours = match operation {
                    "list_object_versions" => {
                        our_versions(&client, &bucket, delimiter, page_size).await
                    }
                    _ => our_objects(&client, &bucket, delimiter, page_size).await,
                };
                let ours: Vec<&Value> = ours.iter().collect();
                if operation == "list_object_versions" && delimiter.is_none() {
                    assert_eq!(ours.len(), versions + markers, "{context}");
                }
                assert!(!ours.is_empty(), "{context}");
                if delimiter.is_none() {
                    assert_in_s3_order(&ours, &context);
                }
                // boto3 yields each page's lists one after the other; ours interleaves them in
                // S3's order. Compare page by page, each page's entries in one canonical order.
                let (ours, theirs) = (by_page_canonical(&ours), by_page_canonical(&theirs));
                if ours != theirs {
                    let at = ours
                        .iter()
                        .zip(&theirs)
                        .position(|(a, b)| a != b)
                        .unwrap_or(ours.len().min(theirs.len()));
                    panic!(
                        "{context}: the sequences differ at item {at} (ours {}, boto3 {}):\n  ours:  {:?}\n  boto3: {:?}",
                        ours.len(),
                        theirs.len(),
                        ours.get(at),
                        theirs.get(at)
                    );
                }
                let pages = ours
                    .last()
                    .map_or(0, |line| line["page"].as_u64().unwrap() + 1);
                eprintln!(
                    "boto_parity: {context}: {} items in {pages} pages identical to boto3's",
                    ours.len()
                );
                total += ours.len();
            }
        }
    }
    eprintln!("boto_parity: {total} items compared with boto3 in all");
}

/// Each page's entries sorted by their JSON text: the same entries on the same pages compare
/// equal, whatever their order within a page.
fn by_page_canonical<'a>(lines: &[&'a Value]) -> Vec<&'a Value> {
    let mut sorted = lines.to_vec();
    sorted.sort_by_key(|line| (line["page"].as_u64(), line.to_string()));
    sorted
}

/// Keys never go down, and each key's first entry is its latest.
fn assert_in_s3_order(lines: &[&Value], context: &str) {
    let key = |line: &Value| line["key"].as_str().unwrap_or_default().to_owned();
    for pair in lines.windows(2) {
        assert!(
            key(pair[0]) <= key(pair[1]),
            "{context}: {pair:?} out of key order"
        );
        if key(pair[0]) != key(pair[1]) && pair[1].get("is_latest").is_some() {
            assert_eq!(pair[1]["is_latest"], json!(true), "{context}: {pair:?}");
        }
    }
}
