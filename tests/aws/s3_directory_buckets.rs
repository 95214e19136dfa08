//! Directory buckets: ListMultipartUploads never sends an upload-id marker there, as S3 requires.

use pagination_examples::s3_endpoint::{Bucket, S3Endpoint, Upload};

use crate::s3_harness::*;

// --- Directory buckets -------------------------------------------------------------------

/// The docs: "On directory buckets ... the upload-id marker is cleared, as S3 requires."
#[tokio::test]
async fn directory_bucket_uploads_never_send_an_upload_id_marker() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let name = "dir--use1-az4--x-s3";
    let bucket = Bucket {
        uploads: vec![
            Upload::new("k", "u1", 1_700_000_001),
            Upload::new("k", "u2", 1_700_000_002),
            Upload::new("k", "u3", 1_700_000_003),
        ],
        ..Bucket::default()
    };
    endpoint.put_bucket(name, bucket);
    let options = Options {
        page_size: Some(2),
        ..Options::default()
    };
    let run = list(&client, name, Listing::Uploads, &options).await;
    assert_eq!(run.error, None);
    let sent: Vec<String> = endpoint
        .requests()
        .iter()
        .flat_map(|r| r.query.clone())
        .filter(|(k, _)| k == "upload-id-marker")
        .map(|(_, v)| v)
        .collect();
    assert!(
        sent.is_empty(),
        "upload-id-marker sent to a directory bucket: {sent:?}"
    );
}
