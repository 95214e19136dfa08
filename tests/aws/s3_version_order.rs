//! The order of one key's versions and delete markers when their `LastModified` are equal: every
//! entry once, the latest first, and S3's own order where a page boundary falls between them.

use pagination_examples::s3_endpoint::{Bucket, Entry, S3Endpoint};

use crate::s3_harness::*;

// --- Equal LastModified within a key: the order depends on the page size -----------------

/// S3's LastModified in listings has whole seconds; three writes to one key within a second
/// (put, delete, put) have equal timestamps. S3 lists them newest first (the endpoint: "ties keep
/// the order given"). The paginator documents that "a version and a delete marker of one key
/// with equal timestamps, neither the latest, keep the version first", and also that the item
/// sequence "does not depend on the page boundaries". Both cannot hold.
/// A version and a delete marker of one key with the same `last_modified`, neither the latest:
/// S3's order between them cannot be read from one page (the SDK splits the page into two
/// lists), as the crate documents. What holds at every page size: every entry once, the latest
/// first, and S3's own order where the page boundary falls between them.
#[tokio::test]
async fn equal_timestamps_within_a_key_list_every_entry_once_latest_first() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let t = 1_700_000_000;
    let bucket = Bucket {
        // Newest first, as written within one second: v3 (current), then the delete marker d2,
        // then v1.
        entries: vec![
            Entry::version("k", "v3", t),
            Entry::delete_marker("k", "d2", t),
            Entry::version("k", "v1", t),
        ],
        ..Bucket::default()
    };
    endpoint.put_bucket("ties", bucket.clone());
    for page_size in [1, 2, 3, 1000] {
        let options = Options {
            page_size: Some(page_size),
            ..Options::default()
        };
        let run = list(&client, "ties", Listing::Versions, &options).await;
        assert_eq!(run.error, None);
        let ids: Vec<String> = run.items.iter().map(|i| i.id.clone().unwrap()).collect();
        assert_eq!(ids[0], "v3", "page size {page_size}: the latest first");
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["d2", "v1", "v3"],
            "page size {page_size}: each once"
        );
        if page_size == 1 {
            assert_eq!(ids, ["v3", "d2", "v1"], "S3's own order across pages");
        }
    }
}
