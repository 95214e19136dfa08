//! Cursors on SDK operations: a cursor resumes only the request that made it (bucket, prefix,
//! encoding type, operation), and a refused one names the input's fields that differ; it carries its page size, so a resume without one continues with
//! it and another is refused (by `resume_from`, or when the listing starts if set after it); and
//! forged cursors fail cleanly.

use aws_sdk_s3::types::EncodingType;
use futures::TryStreamExt;
use pagination_aws::s3::{ListObjectVersions, ListObjectsV2, ObjectEntryV2};
use pagination_core::{Cursor, CursorError, Error, Paginator};
use pagination_examples::s3_endpoint::{Bucket, S3Endpoint};

fn keys(entries: &[ObjectEntryV2]) -> Vec<String> {
    entries
        .iter()
        .map(|entry| match entry {
            ObjectEntryV2::Object(object) => object.key().unwrap_or_default().to_owned(),
            ObjectEntryV2::CommonPrefix(prefix) => prefix.prefix().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// Every item of a resumed listing, or the error it ended with.
async fn run(paginator: Paginator<ListObjectsV2>) -> Result<Vec<String>, String> {
    let mut items = paginator.items();
    let mut seen = Vec::new();
    loop {
        match items.try_next().await {
            Ok(Some(entry)) => seen.push(entry),
            Ok(None) => return Ok(keys(&seen)),
            Err(Error::Cursor { source, .. }) => return Err(format!("{source:?}")),
            Err(other) => panic!("{other}"),
        }
    }
}

#[tokio::test]
async fn sdk_cursors_resume_only_their_own_request() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let all: Vec<String> = (0..9).map(|n| format!("p/k{n}")).collect();
    endpoint.put_bucket("one", Bucket::objects(all.clone()));
    endpoint.put_bucket("two", Bucket::objects(all.clone()));
    let request = || client.list_objects_v2().bucket("one").prefix("p/");

    let mut head = Paginator::<ListObjectsV2>::new(request())
        .page_size(2)
        .max_items(3)
        .items();
    while head.try_next().await.unwrap().is_some() {}
    let cursor: Cursor = head.cursor().unwrap().to_string().parse().unwrap();

    // Another bucket, prefix, encoding type, delimiter: refused at `resume_from`, naming the
    // input's field that differs as the SDK's builder names it.
    for (field, other) in [
        (
            "bucket",
            client.list_objects_v2().bucket("two").prefix("p/"),
        ),
        (
            "prefix",
            client.list_objects_v2().bucket("one").prefix("p/k"),
        ),
        ("encoding_type", request().encoding_type(EncodingType::Url)),
        ("delimiter", request().delimiter("/")),
    ] {
        let refused = Paginator::<ListObjectsV2>::new(other)
            .page_size(2)
            .resume_from(&cursor)
            .unwrap_err();
        assert_eq!(
            refused,
            CursorError::ParametersDiffer {
                parameters: vec![field]
            },
            "{field}"
        );
        assert!(
            refused.to_string().contains(&format!("another `{field}`")),
            "{refused}"
        );
    }
    // Two fields at once are both named.
    let both = Paginator::<ListObjectsV2>::new(client.list_objects_v2().bucket("two").prefix("q/"))
        .resume_from(&cursor)
        .unwrap_err();
    assert_eq!(
        both,
        CursorError::ParametersDiffer {
            parameters: vec!["bucket", "prefix"]
        }
    );
    assert!(
        both.to_string().contains("another `bucket` and `prefix`"),
        "{both}"
    );
    // Another operation of the same crate.
    let versions = Paginator::<ListObjectVersions>::new(
        client.list_object_versions().bucket("one").prefix("p/"),
    )
    .page_size(2)
    .resume_from(&cursor)
    .err();
    assert_eq!(versions, Some(CursorError::TokenMismatch));

    // The page size, before or after `resume_from`, or set on the builder itself.
    let rest = &all[3..];
    let before = run(Paginator::<ListObjectsV2>::new(request())
        .page_size(2)
        .resume_from(&cursor)
        .unwrap())
    .await;
    assert_eq!(before.as_deref(), Ok(rest));
    let after = run(Paginator::<ListObjectsV2>::new(request())
        .resume_from(&cursor)
        .unwrap()
        .page_size(2))
    .await;
    assert_eq!(after.as_deref(), Ok(rest));
    let on_builder = run(Paginator::<ListObjectsV2>::new(request().max_keys(2))
        .resume_from(&cursor)
        .unwrap())
    .await;
    assert_eq!(on_builder.as_deref(), Ok(rest));
    // Without a page size of its own: the cursor's.
    let carried = run(Paginator::<ListObjectsV2>::new(request())
        .resume_from(&cursor)
        .unwrap())
    .await;
    assert_eq!(carried.as_deref(), Ok(rest));
    // Another page size: refused by `resume_from`, or when the listing starts if set after it.
    assert_eq!(
        Paginator::<ListObjectsV2>::new(request())
            .page_size(3)
            .resume_from(&cursor)
            .err(),
        Some(CursorError::ParametersDiffer {
            parameters: vec!["page size"]
        })
    );
    let served = endpoint.requests().len();
    let error = run(Paginator::<ListObjectsV2>::new(request())
        .resume_from(&cursor)
        .unwrap()
        .page_size(3))
    .await;
    assert_eq!(
        error,
        Err(r#"ParametersDiffer { parameters: ["page size"] }"#.to_owned())
    );
    // Nothing was requested for the refused listing.
    assert_eq!(endpoint.requests().len(), served);
}
