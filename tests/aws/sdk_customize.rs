//! Per-call SDK settings on every page: `Paginator::send_with` with the fluent builder's
//! `customize()`, checked by the AWS-rules endpoint, which records each request's headers.

use futures::TryStreamExt;
use pagination_aws::s3::{ListObjectVersions, ObjectVersionEntry};
use pagination_core::Paginator;
use pagination_examples::s3_endpoint::{Bucket, S3Endpoint};

#[tokio::test]
async fn a_customization_reaches_every_page_after_a_resume_too() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    endpoint.put_bucket("custom", Bucket::objects((0..9).map(|n| format!("k{n}"))));
    let paginator = || {
        Paginator::<ListObjectVersions>::new(client.list_object_versions().bucket("custom"))
            .page_size(2)
            .send_with(|request| {
                request
                    .customize()
                    .mutate_request(|http| {
                        http.headers_mut().insert("x-listing-tag", "audit-7");
                    })
                    .config_override(
                        aws_sdk_s3::config::Builder::default()
                            .retry_config(aws_sdk_s3::config::retry::RetryConfig::disabled()),
                    )
                    .send()
            })
    };
    let mut first = paginator().max_items(3).items();
    let mut seen: Vec<ObjectVersionEntry> = Vec::new();
    while let Some(entry) = first.try_next().await.unwrap() {
        seen.push(entry);
    }
    let rest: Vec<ObjectVersionEntry> = paginator()
        .resume_from(&first.cursor().unwrap())
        .unwrap()
        .items()
        .try_collect()
        .await
        .unwrap();
    seen.extend(rest);
    assert_eq!(seen.len(), 9);
    let requests = endpoint.requests();
    // 2 pages for the first 3 items; the resume asks for the second page again, then 3 more.
    assert_eq!(requests.len(), 6);
    for request in &requests {
        let tag = request
            .headers
            .iter()
            .find(|(name, _)| name == "x-listing-tag")
            .map(|(_, value)| value.as_str());
        assert_eq!(tag, Some("audit-7"), "{request:?}");
    }
}
