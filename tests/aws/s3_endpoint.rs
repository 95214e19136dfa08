//! The scripted S3 endpoint itself (`pagination_examples::s3_endpoint`), through the real SDK
//! client's single-page calls (no paginator): each paging rule AWS documents, each quirk on the
//! page where it should start, and the request record.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use aws_sdk_s3::config::http::HttpResponse;
use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_s3::operation::list_objects_v2::ListObjectsV2Output;
use aws_sdk_s3::types::{CommonPrefix, EncodingType, Object};
use pagination_examples::s3_endpoint::{Bucket, Entry, Quirks, S3Endpoint, Upload};

const BUCKET: &str = "scripted";

fn start(bucket: Bucket) -> (S3Endpoint, aws_sdk_s3::Client) {
    let endpoint = S3Endpoint::start().expect("the endpoint starts");
    endpoint.put_bucket(BUCKET, bucket);
    let client = endpoint.s3_client();
    (endpoint, client)
}

/// Objects `k0`, `k1`, ... (one version each, id `null`) and one upload per key, `u-k0`, ...
fn numbered(count: usize, quirks: Quirks) -> Bucket {
    let keys: Vec<String> = (0..count).map(|at| format!("k{at}")).collect();
    Bucket {
        uploads: keys
            .iter()
            .map(|key| Upload::new(key.clone(), format!("u-{key}"), 1))
            .collect(),
        quirks,
        ..Bucket::objects(keys)
    }
}

fn keys(contents: &[Object]) -> Vec<&str> {
    contents.iter().filter_map(Object::key).collect()
}

fn prefixes(common_prefixes: &[CommonPrefix]) -> Vec<&str> {
    common_prefixes
        .iter()
        .filter_map(CommonPrefix::prefix)
        .collect()
}

/// The S3 error code and HTTP status of a failed call.
fn code_and_status<E: ProvideErrorMetadata>(
    error: SdkError<E, HttpResponse>,
) -> (Option<String>, Option<u16>) {
    let status = error
        .raw_response()
        .map(|response| response.status().as_u16());
    (error.code().map(str::to_owned), status)
}

async fn list_v2(
    client: &aws_sdk_s3::Client,
    max_keys: i32,
    token: Option<&str>,
) -> ListObjectsV2Output {
    client
        .list_objects_v2()
        .bucket(BUCKET)
        .max_keys(max_keys)
        .set_continuation_token(token.map(str::to_owned))
        .send()
        .await
        .expect("ListObjectsV2")
}

/// The status and body of a plain `GET`, to see the XML as sent.
fn raw_get(endpoint: &S3Endpoint, path_and_query: &str) -> (u16, String) {
    let address = endpoint.address();
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "GET {path_and_query} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("receive");
    let (head, body) = response.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|status| status.parse().ok());
    (status.expect("a status line"), body.to_owned())
}

#[tokio::test]
async fn next_marker_only_with_a_delimiter() {
    let (_endpoint, client) = start(Bucket::objects(["a", "b/1", "b/2", "c", "d"]));
    let list = || client.list_objects().bucket(BUCKET).max_keys(2);

    let plain = list().send().await.expect("ListObjects");
    assert_eq!(keys(plain.contents()), ["a", "b/1"]);
    assert_eq!(plain.is_truncated(), Some(true));
    assert_eq!(
        plain.next_marker(),
        None,
        "AWS omits NextMarker without a delimiter"
    );

    let rolled = list().delimiter("/").send().await.expect("ListObjects");
    assert_eq!(keys(rolled.contents()), ["a"]);
    assert_eq!(prefixes(rolled.common_prefixes()), ["b/"]);
    assert_eq!(rolled.is_truncated(), Some(true));
    assert_eq!(
        rolled.next_marker(),
        Some("b/"),
        "the last name of the page: a prefix"
    );

    let last = list()
        .delimiter("/")
        .marker("c")
        .send()
        .await
        .expect("ListObjects");
    assert_eq!(keys(last.contents()), ["d"]);
    assert_eq!(
        (last.is_truncated(), last.next_marker()),
        (Some(false), None)
    );
    assert_eq!(last.marker(), Some("c"));
}

#[tokio::test]
async fn a_marker_equal_to_a_common_prefix_skips_its_keys() {
    let (_endpoint, client) = start(Bucket::objects(["a", "b/1", "b/2", "c", "d"]));

    let v1 = client
        .list_objects()
        .bucket(BUCKET)
        .delimiter("/")
        .marker("b/");
    let v1 = v1.send().await.expect("ListObjects");
    assert_eq!(keys(v1.contents()), ["c", "d"]);
    assert!(v1.common_prefixes().is_empty());

    let v2 = client
        .list_objects_v2()
        .bucket(BUCKET)
        .delimiter("/")
        .start_after("b/");
    let v2 = v2.send().await.expect("ListObjectsV2");
    assert_eq!(keys(v2.contents()), ["c", "d"]);
    assert_eq!(v2.start_after(), Some("b/"));

    // Without a delimiter "b/" is just a name, and the keys under it are greater.
    let plain = client.list_objects().bucket(BUCKET).marker("b/");
    let plain = plain.send().await.expect("ListObjects");
    assert_eq!(keys(plain.contents()), ["b/1", "b/2", "c", "d"]);
}

#[tokio::test]
async fn a_common_prefix_counts_once_toward_max_keys() {
    let mut bucket = Bucket::objects(["a/1", "a/2", "a/3", "b", "c"]);
    bucket.entries.extend([
        Entry::version("a/1", "old", 1),
        Entry::version("a/1", "older", 0),
    ]);
    let (_endpoint, client) = start(bucket);

    let first = client
        .list_objects_v2()
        .bucket(BUCKET)
        .delimiter("/")
        .max_keys(2);
    let first = first.send().await.expect("ListObjectsV2");
    assert_eq!(prefixes(first.common_prefixes()), ["a/"]);
    assert_eq!(keys(first.contents()), ["b"]);
    assert_eq!(
        (first.key_count(), first.is_truncated()),
        (Some(2), Some(true))
    );
    let token = first.next_continuation_token().expect("a next token");
    assert!(!["a/", "b"].contains(&token), "the token is opaque");

    let second = client
        .list_objects_v2()
        .bucket(BUCKET)
        .delimiter("/")
        .max_keys(2);
    let second = second
        .continuation_token(token)
        .send()
        .await
        .expect("ListObjectsV2");
    assert_eq!(keys(second.contents()), ["c"]);
    assert_eq!(second.continuation_token(), Some(token));
    assert_eq!(
        (second.is_truncated(), second.next_continuation_token()),
        (Some(false), None)
    );

    // Five versions under "a/": still one entry, and the page ends on it.
    let versions = client
        .list_object_versions()
        .bucket(BUCKET)
        .delimiter("/")
        .max_keys(1);
    let versions = versions.send().await.expect("ListObjectVersions");
    assert!(versions.versions().is_empty());
    assert_eq!(prefixes(versions.common_prefixes()), ["a/"]);
    assert_eq!(versions.is_truncated(), Some(true));
    assert_eq!(versions.next_key_marker(), Some("a/"));
    assert_eq!(
        versions.next_version_id_marker(),
        None,
        "a prefix has no version"
    );

    let rest = client
        .list_object_versions()
        .bucket(BUCKET)
        .delimiter("/")
        .key_marker("a/");
    let rest = rest.send().await.expect("ListObjectVersions");
    let rest_keys: Vec<_> = rest
        .versions()
        .iter()
        .filter_map(|version| version.key())
        .collect();
    assert_eq!(
        (rest_keys, rest.common_prefixes().len()),
        (vec!["b", "c"], 0)
    );
}

#[tokio::test]
async fn versions_interleave_newest_first_with_is_latest() {
    let (endpoint, client) = start(Bucket {
        entries: vec![
            Entry::version("k", "v1", 100),
            Entry::delete_marker("k", "d1", 300),
            Entry::version("k", "v2", 200),
            Entry::version("j", "j1", 50),
        ],
        ..Bucket::default()
    });

    let all = client.list_object_versions().bucket(BUCKET).send().await;
    let all = all.expect("ListObjectVersions");
    let versions: Vec<_> = (all.versions().iter())
        .map(|version| {
            (
                version.key().unwrap(),
                version.version_id().unwrap(),
                version.is_latest(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        [
            ("j", "j1", Some(true)),
            ("k", "v2", Some(false)),
            ("k", "v1", Some(false))
        ]
    );
    let markers: Vec<_> = (all.delete_markers().iter())
        .map(|marker| {
            (
                marker.key().unwrap(),
                marker.version_id().unwrap(),
                marker.is_latest(),
            )
        })
        .collect();
    assert_eq!(markers, [("k", "d1", Some(true))]);
    let modified = all.delete_markers()[0]
        .last_modified()
        .expect("LastModified");
    assert_eq!(modified.secs(), 300);

    // One sequence in the XML: the delete marker sits between j1 and v2.
    let (status, body) = raw_get(&endpoint, &format!("/{BUCKET}?versions"));
    assert_eq!(status, 200);
    let at = |needle: &str| {
        body.find(needle)
            .unwrap_or_else(|| panic!("{needle} in {body}"))
    };
    let order = [
        "<VersionId>j1<",
        "<DeleteMarker><Key>k</Key><VersionId>d1<",
        "<VersionId>v2<",
    ];
    assert!(
        at(order[0]) < at(order[1])
            && at(order[1]) < at(order[2])
            && at(order[2]) < at("<VersionId>v1<")
    );

    // Inside one key: after d1 comes v2, then v1.
    let page = client.list_object_versions().bucket(BUCKET).max_keys(1);
    let page = page.key_marker("k").version_id_marker("d1").send().await;
    let page = page.expect("ListObjectVersions");
    assert_eq!(page.versions()[0].version_id(), Some("v2"));
    assert_eq!(
        (page.next_key_marker(), page.next_version_id_marker()),
        (Some("k"), Some("v2"))
    );
    let last = client.list_object_versions().bucket(BUCKET).key_marker("k");
    let last = last
        .version_id_marker("v2")
        .send()
        .await
        .expect("ListObjectVersions");
    assert_eq!(last.versions()[0].version_id(), Some("v1"));
    assert_eq!(last.is_truncated(), Some(false));

    // ListObjects lists current objects: "k" is deleted.
    let current = client.list_objects_v2().bucket(BUCKET).send().await;
    assert_eq!(keys(current.expect("ListObjectsV2").contents()), ["j"]);
}

#[tokio::test]
async fn an_unknown_id_marker_is_an_invalid_argument() {
    let (_endpoint, client) = start(numbered(3, Quirks::default()));

    let versions = client
        .list_object_versions()
        .bucket(BUCKET)
        .key_marker("k1");
    let error = versions
        .version_id_marker("v9")
        .send()
        .await
        .expect_err("a 400");
    assert_eq!(
        code_and_status(error),
        (Some("InvalidArgument".into()), Some(400))
    );

    let without_key = client
        .list_object_versions()
        .bucket(BUCKET)
        .version_id_marker("null");
    let error = without_key.send().await.expect_err("a 400");
    assert_eq!(
        code_and_status(error),
        (Some("InvalidArgument".into()), Some(400))
    );

    let uploads = client
        .list_multipart_uploads()
        .bucket(BUCKET)
        .key_marker("k1");
    let error = uploads
        .upload_id_marker("u-k2")
        .send()
        .await
        .expect_err("a 400");
    assert_eq!(
        code_and_status(error),
        (Some("InvalidArgument".into()), Some(400))
    );
}

#[tokio::test]
async fn uploads_list_by_key_then_initiation() {
    let (_endpoint, client) = start(Bucket {
        uploads: vec![
            Upload::new("b", "u3", 30),
            Upload::new("a", "u2", 20),
            Upload::new("a", "u1", 10),
            Upload::new("c/x", "u4", 5),
            Upload::new("d", "u5", 1),
        ],
        ..Bucket::default()
    });
    let ids = |page: &aws_sdk_s3::operation::list_multipart_uploads::ListMultipartUploadsOutput| {
        (page.uploads().iter())
            .map(|upload| upload.upload_id().unwrap().to_owned())
            .collect::<Vec<_>>()
    };

    let first = client
        .list_multipart_uploads()
        .bucket(BUCKET)
        .max_uploads(2);
    let first = first.send().await.expect("ListMultipartUploads");
    assert_eq!(ids(&first), ["u1", "u2"]);
    assert_eq!(
        (first.next_key_marker(), first.next_upload_id_marker()),
        (Some("a"), Some("u2"))
    );
    let initiated = first.uploads()[0].initiated().expect("Initiated");
    assert_eq!(initiated.secs(), 10);

    let second = client
        .list_multipart_uploads()
        .bucket(BUCKET)
        .key_marker("a");
    let second = second
        .upload_id_marker("u1")
        .send()
        .await
        .expect("ListMultipartUploads");
    assert_eq!(ids(&second), ["u2", "u3", "u4", "u5"]);

    // A page that ends on a common prefix hands back the prefix and no upload id.
    let rolled = client
        .list_multipart_uploads()
        .bucket(BUCKET)
        .delimiter("/")
        .max_uploads(4);
    let rolled = rolled.send().await.expect("ListMultipartUploads");
    assert_eq!(ids(&rolled), ["u1", "u2", "u3"]);
    let rolled_prefixes: Vec<_> = rolled
        .common_prefixes()
        .iter()
        .filter_map(|p| p.prefix())
        .collect();
    assert_eq!(rolled_prefixes, ["c/"]);
    assert_eq!(rolled.is_truncated(), Some(true));
    assert_eq!(
        (rolled.next_key_marker(), rolled.next_upload_id_marker()),
        (Some("c/"), None)
    );
}

#[tokio::test]
async fn url_encoding_type_encodes_names_but_not_ids() {
    let mut bucket = Bucket::objects(["a b", "a+b", "café", "dir/x y", "100%"]);
    bucket.entries.push(Entry::version("zz", "v+1/é", 1));
    let (_endpoint, client) = start(bucket);

    let encoded = client
        .list_objects_v2()
        .bucket(BUCKET)
        .encoding_type(EncodingType::Url);
    let encoded = encoded.send().await.expect("ListObjectsV2");
    assert_eq!(encoded.encoding_type(), Some(&EncodingType::Url));
    assert_eq!(
        keys(encoded.contents()),
        ["100%25", "a+b", "a%2Bb", "caf%C3%A9", "dir/x+y", "zz"]
    );

    let raw = client
        .list_objects_v2()
        .bucket(BUCKET)
        .send()
        .await
        .expect("ListObjectsV2");
    assert_eq!(
        keys(raw.contents()),
        ["100%", "a b", "a+b", "café", "dir/x y", "zz"]
    );
    assert_eq!(raw.encoding_type(), None);

    let rolled = client
        .list_objects_v2()
        .bucket(BUCKET)
        .encoding_type(EncodingType::Url);
    let rolled = rolled
        .prefix("dir/")
        .delimiter(" ")
        .start_after("a b")
        .send()
        .await;
    let rolled = rolled.expect("ListObjectsV2");
    assert_eq!(prefixes(rolled.common_prefixes()), ["dir/x+"]);
    assert_eq!(
        (rolled.prefix(), rolled.delimiter()),
        (Some("dir/"), Some("+"))
    );
    assert_eq!(rolled.start_after(), Some("a+b"));

    let v1 = client
        .list_objects()
        .bucket(BUCKET)
        .encoding_type(EncodingType::Url);
    let v1 = v1
        .delimiter("/")
        .marker("a b")
        .max_keys(1)
        .send()
        .await
        .expect("ListObjects");
    assert_eq!(keys(v1.contents()), ["a%2Bb"]);
    assert_eq!(
        (v1.marker(), v1.next_marker()),
        (Some("a+b"), Some("a%2Bb"))
    );

    let versions = client
        .list_object_versions()
        .bucket(BUCKET)
        .encoding_type(EncodingType::Url);
    let versions = versions.key_marker("a+b").max_keys(1).send().await;
    let versions = versions.expect("ListObjectVersions");
    assert_eq!(versions.key_marker(), Some("a%2Bb"));
    assert_eq!(versions.next_key_marker(), Some("caf%C3%A9"));
    let last = client
        .list_object_versions()
        .bucket(BUCKET)
        .encoding_type(EncodingType::Url);
    let last = last
        .key_marker("dir/x y")
        .send()
        .await
        .expect("ListObjectVersions");
    assert_eq!(
        last.versions()[0].version_id(),
        Some("v+1/é"),
        "ids are never encoded"
    );
}

#[tokio::test]
async fn max_keys_zero_is_an_empty_final_page_and_1000_is_the_cap() {
    let (_endpoint, client) = start(Bucket::objects((0..1001).map(|at| format!("k{at:04}"))));

    let zero = list_v2(&client, 0, None).await;
    assert_eq!(
        (zero.key_count(), zero.is_truncated()),
        (Some(0), Some(false))
    );
    assert_eq!(zero.next_continuation_token(), None);

    let capped = list_v2(&client, 5000, None).await;
    assert_eq!(
        (capped.max_keys(), capped.contents().len()),
        (Some(1000), 1000)
    );
    assert_eq!(capped.is_truncated(), Some(true));

    let default = client
        .list_objects()
        .bucket(BUCKET)
        .send()
        .await
        .expect("ListObjects");
    assert_eq!(
        (default.max_keys(), default.contents().len()),
        (Some(1000), 1000)
    );
}

#[tokio::test]
async fn bad_requests_are_s3_errors() {
    let (endpoint, client) = start(numbered(3, Quirks::default()));

    let error = client
        .list_objects_v2()
        .bucket("missing")
        .send()
        .await
        .expect_err("a 404");
    assert_eq!(
        code_and_status(error),
        (Some("NoSuchBucket".into()), Some(404))
    );
    let recorded = endpoint
        .requests()
        .pop()
        .expect("the failed request is recorded");
    assert_eq!(
        (recorded.bucket.as_str(), recorded.operation),
        ("missing", "ListObjectsV2")
    );

    let foreign = client
        .list_objects_v2()
        .bucket(BUCKET)
        .continuation_token("k1");
    let error = foreign.send().await.expect_err("a 400");
    assert_eq!(
        code_and_status(error),
        (Some("InvalidArgument".into()), Some(400))
    );

    let error = client
        .get_object()
        .bucket(BUCKET)
        .key("k1")
        .send()
        .await
        .expect_err("a 501");
    assert_eq!(
        code_and_status(error),
        (Some("NotImplemented".into()), Some(501))
    );
    assert_eq!(
        endpoint.requests().pop().expect("recorded").operation,
        "Unknown"
    );
}

#[tokio::test]
async fn echo_token_quirk_starts_at_its_index() {
    let quirks = Quirks {
        echo_token_from: Some(2),
        ..Quirks::default()
    };
    let (_endpoint, client) = start(numbered(6, quirks));

    let first = list_v2(&client, 2, None).await;
    let token = first
        .next_continuation_token()
        .expect("page 1 is before the index");
    let second = list_v2(&client, 2, Some(token)).await;
    assert_eq!(keys(second.contents()), ["k2", "k3"]);
    assert_eq!(second.is_truncated(), Some(true));
    assert_eq!(
        second.next_continuation_token(),
        Some(token),
        "the token sent, echoed"
    );

    let v1 = client
        .list_objects()
        .bucket(BUCKET)
        .max_keys(2)
        .marker("k1")
        .send()
        .await;
    let v1 = v1.expect("ListObjects");
    assert_eq!(
        v1.next_marker(),
        Some("k1"),
        "echoed even without a delimiter"
    );
    let before = client
        .list_objects()
        .bucket(BUCKET)
        .delimiter("/")
        .max_keys(2)
        .marker("k0");
    let before = before.send().await.expect("ListObjects");
    assert_eq!(
        before.next_marker(),
        Some("k2"),
        "page starting at index 1 is not affected"
    );

    let versions = client
        .list_object_versions()
        .bucket(BUCKET)
        .max_keys(2)
        .key_marker("k1");
    let versions = versions.version_id_marker("null").send().await;
    let versions = versions.expect("ListObjectVersions");
    assert_eq!(versions.versions()[0].key(), Some("k2"));
    let next = (
        versions.next_key_marker(),
        versions.next_version_id_marker(),
    );
    assert_eq!(next, (Some("k1"), Some("null")));

    let uploads = client
        .list_multipart_uploads()
        .bucket(BUCKET)
        .max_uploads(2)
        .key_marker("k1");
    let uploads = uploads.upload_id_marker("u-k1").send().await;
    let uploads = uploads.expect("ListMultipartUploads");
    let next = (uploads.next_key_marker(), uploads.next_upload_id_marker());
    assert_eq!(next, (Some("k1"), Some("u-k1")));
}

#[tokio::test]
async fn omit_token_quirk_starts_at_its_index() {
    let quirks = Quirks {
        omit_token_from: Some(2),
        ..Quirks::default()
    };
    let (_endpoint, client) = start(numbered(6, quirks));

    let first = list_v2(&client, 2, None).await;
    let token = first
        .next_continuation_token()
        .expect("page 1 is before the index");
    let second = list_v2(&client, 2, Some(token)).await;
    assert_eq!(keys(second.contents()), ["k2", "k3"]);
    assert_eq!(
        (second.is_truncated(), second.next_continuation_token()),
        (Some(true), None)
    );

    let v1 = || {
        client
            .list_objects()
            .bucket(BUCKET)
            .delimiter("/")
            .max_keys(2)
    };
    let v1_first = v1().send().await.expect("ListObjects");
    assert_eq!(v1_first.next_marker(), Some("k1"));
    let v1_second = v1().marker("k1").send().await.expect("ListObjects");
    assert_eq!(
        (v1_second.is_truncated(), v1_second.next_marker()),
        (Some(true), None)
    );

    let versions = client
        .list_object_versions()
        .bucket(BUCKET)
        .max_keys(2)
        .key_marker("k1");
    let versions = versions.send().await.expect("ListObjectVersions");
    assert_eq!(versions.is_truncated(), Some(true));
    let next = (
        versions.next_key_marker(),
        versions.next_version_id_marker(),
    );
    assert_eq!(next, (None, None));

    let uploads = client
        .list_multipart_uploads()
        .bucket(BUCKET)
        .max_uploads(2)
        .key_marker("k1");
    let uploads = uploads.send().await.expect("ListMultipartUploads");
    assert_eq!(uploads.is_truncated(), Some(true));
    assert_eq!(
        (uploads.next_key_marker(), uploads.next_upload_id_marker()),
        (None, None)
    );
}

#[tokio::test]
async fn omit_next_upload_id_marker_quirk() {
    let quirks = Quirks {
        omit_next_upload_id_marker: true,
        ..Quirks::default()
    };
    let (_endpoint, client) = start(numbered(3, quirks));

    let page = client
        .list_multipart_uploads()
        .bucket(BUCKET)
        .max_uploads(2)
        .send()
        .await;
    let page = page.expect("ListMultipartUploads");
    assert_eq!(page.uploads().len(), 2);
    assert_eq!(page.is_truncated(), Some(true));
    assert_eq!(
        (page.next_key_marker(), page.next_upload_id_marker()),
        (Some("k1"), None)
    );
}

#[tokio::test]
async fn empty_pages_with_token_quirk() {
    let quirks = Quirks {
        empty_pages_with_token: true,
        ..Quirks::default()
    };
    let (_endpoint, client) = start(numbered(3, quirks));

    let mut token: Option<String> = None;
    let mut pages = Vec::new();
    loop {
        let page = list_v2(&client, 2, token.as_deref()).await;
        pages.push((
            keys(page.contents()).join(","),
            page.is_truncated(),
            page.key_count(),
        ));
        let next = page.next_continuation_token().map(str::to_owned);
        assert_ne!(next, token, "every token is fresh");
        token = next;
        if token.is_none() || pages.len() > 10 {
            break;
        }
    }
    let empty = (String::new(), Some(true), Some(0));
    assert_eq!(
        pages,
        [
            empty.clone(),
            ("k0,k1".to_owned(), Some(true), Some(2)),
            empty,
            ("k2".to_owned(), Some(false), Some(1)),
        ]
    );

    let v1 = client
        .list_objects()
        .bucket(BUCKET)
        .max_keys(2)
        .send()
        .await;
    assert_eq!(
        keys(v1.expect("ListObjects").contents()),
        ["k0", "k1"],
        "V2 only"
    );
}

#[tokio::test]
async fn latency_quirk_delays_each_answer() {
    let latency = Duration::from_millis(150);
    let quirks = Quirks {
        latency: Some(latency),
        ..Quirks::default()
    };
    let (_endpoint, client) = start(numbered(1, quirks));

    let started = Instant::now();
    list_v2(&client, 10, None).await;
    list_v2(&client, 10, None).await;
    assert!(started.elapsed() >= 2 * latency, "{:?}", started.elapsed());
}

#[tokio::test]
async fn requests_are_recorded_with_decoded_query_parameters() {
    let (endpoint, client) = start(numbered(1, Quirks::default()));

    let v2 = client
        .list_objects_v2()
        .bucket(BUCKET)
        .prefix("a b/+")
        .start_after("é");
    v2.send().await.expect("ListObjectsV2");
    client
        .list_object_versions()
        .bucket(BUCKET)
        .send()
        .await
        .expect("ListObjectVersions");
    let uploads = client.list_multipart_uploads().bucket(BUCKET).send().await;
    uploads.expect("ListMultipartUploads");
    client
        .list_objects()
        .bucket(BUCKET)
        .send()
        .await
        .expect("ListObjects");

    let requests = endpoint.requests();
    let operations: Vec<_> = requests.iter().map(|request| request.operation).collect();
    assert_eq!(
        operations,
        [
            "ListObjectsV2",
            "ListObjectVersions",
            "ListMultipartUploads",
            "ListObjects"
        ]
    );
    let first = &requests[0];
    assert_eq!(
        (first.method.as_str(), first.bucket.as_str()),
        ("GET", BUCKET)
    );
    let parameter = |name: &str| {
        let found = first.query.iter().find(|(key, _)| key == name);
        found.map(|(_, value)| value.as_str())
    };
    assert_eq!(parameter("list-type"), Some("2"));
    assert_eq!(parameter("prefix"), Some("a b/+"));
    assert_eq!(parameter("start-after"), Some("é"));
    assert!(first.raw_query.contains("%2B") && !first.raw_query.contains(' '));
    assert!(first.headers.iter().any(|(name, _)| name == "host"));
    assert!(requests[1].query.iter().any(|(key, _)| key == "versions"));

    endpoint.clear_requests();
    assert!(endpoint.requests().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_a_multi_thread_runtime_and_stops_on_drop() {
    let (endpoint, client) = start(numbered(2, Quirks::default()));
    assert_eq!(
        keys(list_v2(&client, 10, None).await.contents()),
        ["k0", "k1"]
    );

    let address = endpoint.address();
    drop(endpoint);
    assert!(
        TcpStream::connect(address).is_err(),
        "nothing listens after the drop"
    );
}
