//! Parallel listings (`Paginator::parallel`) of the four S3 key listings against the scripted
//! endpoint that follows AWS's documented rules, with the real SDK client: each equals S3's
//! sequential listing (in order, or as a set when unordered), over hostile keys, URL encoding,
//! prefixes, delimiters and a skewed key space; resumes from cursors; stays near the sequential
//! request count; refuses directory buckets.

use std::cmp::Ordering;

use pagination_aws::s3::ListObjectsV2;
use pagination_core::{Paginator, PartitionCursor};
use pagination_examples::s3_endpoint::{Bucket, S3Endpoint};

use crate::s3_aws_rules::hostile_bucket;
use crate::s3_harness::*;

fn by_name(a: &Seen, b: &Seen) -> Ordering {
    (&a.name, a.kind, &a.id).cmp(&(&b.name, b.kind, &b.id))
}

fn sorted(mut items: Vec<Seen>) -> Vec<Seen> {
    items.sort_by(by_name);
    items
}

/// Checks a parallel run against S3's listing: the same sequence, or the same set when unordered.
fn assert_listing(run: &Run, want: &[Seen], ordered: bool, context: &str) {
    assert_eq!(run.error, None, "{context}");
    assert_no_repeats(&run.items, context);
    if ordered {
        assert_eq!(run.items, want, "{context}");
    } else {
        assert_eq!(
            sorted(run.items.clone()),
            sorted(want.to_vec()),
            "{context}"
        );
    }
    assert!(run.partition_cursor.is_none(), "{context}: complete");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_listing_in_parallel_equals_s3s_listing() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let bucket = hostile_bucket();
    endpoint.put_bucket("hostile", bucket.clone());
    let mut listings = 0;
    let mut items = 0;
    for listing in LISTINGS {
        for delimiter in [None, Some("/")] {
            let want = expected(&bucket, listing, "", delimiter);
            for url in [false, true] {
                for page_size in [1, 3, 1000] {
                    for (requests, ordered) in [(2, true), (8, true), (8, false)] {
                        let context = format!(
                            "{listing:?}, page size {page_size}, url {url}, delimiter {delimiter:?}, \
                             {requests} requests, ordered {ordered}"
                        );
                        let options = Options {
                            page_size: Some(page_size),
                            url,
                            delimiter: delimiter.map(String::from),
                            parallel: Some(Parallel::new(requests, ordered)),
                            ..Options::default()
                        };
                        let run = list(&client, "hostile", listing, &options).await;
                        assert_listing(&run, &want, ordered, &context);
                        listings += 1;
                        items += run.items.len();
                    }
                }
            }
        }
    }
    assert_eq!(listings, 144);
    eprintln!("s3_parallel: {listings} parallel listings, {items} items, each S3's listing");
}

/// 4,000 keys in dense date partitions under `logs/`, 300 sparse keys around them.
/// Clears the endpoint's record once the requests of the listing before have all arrived: a
/// request cancelled when that listing ended may already be on its way, and would be counted
/// against the next one.
async fn clear_settled(endpoint: &S3Endpoint) {
    loop {
        let seen = endpoint.requests().len();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        if endpoint.requests().len() == seen {
            break;
        }
    }
    endpoint.clear_requests();
}

fn skewed_bucket() -> Bucket {
    let mut keys: Vec<String> = (0..4000)
        .map(|index| format!("logs/2024-01-{:02}/{index:05}.json", 1 + index / 1000))
        .collect();
    for index in 0..100 {
        keys.push(format!("a/{index:03}"));
        keys.push(format!("img/{}.png", index * 7919 % 1000));
        keys.push(format!("z{index}"));
    }
    keys.push("é/x".to_owned());
    keys.push(format!("long/{}", "k".repeat(300)));
    Bucket::objects(keys)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_skewed_bucket_spreads_and_stays_near_the_sequential_request_count() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let bucket = skewed_bucket();
    endpoint.put_bucket("skewed", bucket.clone());
    for (prefix, delimiter) in [
        ("", None),
        ("logs/", None),
        ("", Some("/")),
        ("logs/", Some("/")),
    ] {
        let want = expected(&bucket, Listing::ObjectsV2, prefix, delimiter);
        let options = Options {
            page_size: Some(50),
            prefix: Some(prefix.to_owned()).filter(|prefix| !prefix.is_empty()),
            delimiter: delimiter.map(String::from),
            ..Options::default()
        };
        clear_settled(&endpoint).await;
        let sequential = list(&client, "skewed", Listing::ObjectsV2, &options).await;
        assert_eq!(sequential.items, want);
        let sequential_requests = endpoint.requests().len();
        for listing in LISTINGS {
            let want = expected(&bucket, listing, prefix, delimiter);
            for requests in [4, 16] {
                for ordered in [true, false] {
                    let context = format!(
                        "{listing:?}, prefix {prefix:?}, delimiter {delimiter:?}, {requests} requests, ordered {ordered}"
                    );
                    let options = Options {
                        parallel: Some(Parallel::new(requests, ordered)),
                        ..options.clone()
                    };
                    clear_settled(&endpoint).await;
                    let run = list(&client, "skewed", listing, &options).await;
                    assert_listing(&run, &want, ordered, &context);
                    let made = endpoint.requests().len();
                    // Every request the endpoint saw is one the listing counts: a page of a
                    // range, or a folder listing (a request cancelled in flight may not arrive).
                    assert!(
                        made as u64 >= run.pages && made as u64 <= run.requests,
                        "{context}: {made} requests seen, {} pages, {} requests sent",
                        run.pages,
                        run.requests
                    );
                    let budget = sequential_requests + sequential_requests / 5 + requests;
                    assert!(
                        made <= budget,
                        "{context}: {made} requests, sequential {sequential_requests}"
                    );
                    if listing == Listing::ObjectsV2 && prefix.is_empty() && delimiter.is_none() {
                        eprintln!(
                            "s3_parallel: skewed bucket, {requests} requests in flight, ordered {ordered}: \
                             {made} requests (sequential {sequential_requests})"
                        );
                    }
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resumes_from_cursors_taken_along_the_listing() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let bucket = skewed_bucket();
    endpoint.put_bucket("skewed", bucket.clone());
    for listing in [Listing::ObjectsV2, Listing::Versions, Listing::ObjectsV1] {
        for (delimiter, url) in [(None, false), (Some("/"), true)] {
            let want = expected(&bucket, listing, "", delimiter);
            for ordered in [true, false] {
                let context = format!("{listing:?}, delimiter {delimiter:?}, ordered {ordered}");
                let mut seen = Vec::new();
                let mut cursor: Option<PartitionCursor> = None;
                let mut rounds = 0;
                loop {
                    let mut parallel = Parallel::new(8, ordered);
                    // Through its string form, as another process would read it.
                    parallel.resume = cursor
                        .as_ref()
                        .map(|cursor| cursor.to_string().parse().unwrap());
                    let options = Options {
                        page_size: Some(37),
                        url,
                        delimiter: delimiter.map(String::from),
                        max_items: Some(733),
                        parallel: Some(parallel),
                        ..Options::default()
                    };
                    let run = list(&client, "skewed", listing, &options).await;
                    assert_eq!(run.error, None, "{context}");
                    seen.extend(run.items);
                    rounds += 1;
                    match run.partition_cursor {
                        Some(next) => cursor = Some(next),
                        None => break,
                    }
                }
                assert!(rounds > 1 || want.len() <= 733, "{context}");
                assert_no_repeats(&seen, &context);
                if ordered {
                    assert_eq!(seen, want, "{context}");
                } else {
                    assert_eq!(sorted(seen), sorted(want.clone()), "{context}");
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn split_keys_and_a_start_after_of_the_request() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let bucket = skewed_bucket();
    endpoint.put_bucket("skewed", bucket.clone());
    // Known boundaries: the day partitions, one inside a common prefix, one outside the prefix.
    let mut parallel = Parallel::new(4, true);
    parallel.split_at = vec![
        "logs/2024-01-02/".into(),
        "logs/2024-01-03/".into(),
        "logs/2024-01-04/00000.json".into(),
        "zzz".into(),
    ];
    let options = Options {
        page_size: Some(100),
        parallel: Some(parallel),
        ..Options::default()
    };
    let want = expected(&bucket, Listing::ObjectsV2, "", None);
    let run = list(&client, "skewed", Listing::ObjectsV2, &options).await;
    assert_listing(&run, &want, true, "split keys");

    // The request's own start_after is the listing's lower bound.
    let after = "logs/2024-01-02/01500.json";
    let request = client
        .list_objects_v2()
        .bucket("skewed")
        .start_after(after)
        .max_keys(64);
    let items: Vec<String> = futures::TryStreamExt::try_collect::<Vec<_>>(
        Paginator::<ListObjectsV2>::new(request)
            .parallel(8)
            .unwrap()
            .items(),
    )
    .await
    .unwrap()
    .into_iter()
    .map(|item| match item {
        pagination_aws::s3::ObjectEntryV2::Object(object) => object.key().unwrap().to_owned(),
        pagination_aws::s3::ObjectEntryV2::CommonPrefix(prefix) => {
            prefix.prefix().unwrap().to_owned()
        }
    })
    .collect();
    let want: Vec<String> = want
        .into_iter()
        .map(|seen| seen.name)
        .filter(|name| name.as_str() > after)
        .collect();
    assert_eq!(items, want);
}

#[test]
fn directory_buckets_are_refused() {
    let config = aws_sdk_s3::Config::builder()
        .behavior_version(aws_sdk_s3::config::BehaviorVersion::latest())
        .region(aws_sdk_s3::config::Region::new("us-east-1"))
        .build();
    let client = aws_sdk_s3::Client::from_conf(config);
    for bucket in ["logs--usw2-az1--x-s3", "ap--use1-az4--xa-s3"] {
        let request = client.list_objects_v2().bucket(bucket);
        let refused = Paginator::<ListObjectsV2>::new(request)
            .parallel(4)
            .unwrap_err();
        assert!(refused.reason().contains("directory bucket"), "{refused}");
        assert!(refused.to_string().contains(bucket), "{refused}");
    }
}

/// Keys named in parts (`users/{first}.{last}-{n}`, a global counter under 24 names): each
/// listing rolls the folder up at `-` (a folder listing the endpoint sees with `delimiter=-`),
/// and still equals S3's listing, in order or as a set, whole or cut by `max_items`, under the
/// folder's prefix too, within the request budget.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_named_in_parts_are_rolled_up_at_their_delimiter() {
    let endpoint = S3Endpoint::start().unwrap();
    let client = endpoint.s3_client();
    let (first, last) = (
        ["ann", "bo", "cy", "di", "ed", "flo"],
        ["kim", "lee", "ng", "o"],
    );
    let keys: Vec<String> = (0..6_000)
        .map(|n| {
            let name = n * 7 % 24;
            format!("users/{}.{}-{n:05}", first[name / 4], last[name % 4])
        })
        .collect();
    endpoint.put_bucket("parts", Bucket::objects(keys.clone()));
    let bucket = Bucket::objects(keys);
    for prefix in ["", "users/"] {
        let options = Options {
            page_size: Some(25),
            prefix: Some(prefix.to_owned()).filter(|prefix| !prefix.is_empty()),
            ..Options::default()
        };
        for listing in [Listing::ObjectsV2, Listing::Versions, Listing::ObjectsV1] {
            let want = expected(&bucket, listing, prefix, None);
            for ordered in [true, false] {
                for max_items in [None, Some(1_234)] {
                    let context = format!(
                        "{listing:?}, prefix {prefix:?}, ordered {ordered}, max_items {max_items:?}"
                    );
                    clear_settled(&endpoint).await;
                    let options = Options {
                        max_items,
                        parallel: Some(Parallel::new(16, ordered)),
                        ..options.clone()
                    };
                    let run = list(&client, "parts", listing, &options).await;
                    let made = endpoint.requests();
                    match max_items {
                        None => assert_listing(&run, &want, ordered, &context),
                        Some(max) => {
                            assert_eq!(run.error, None, "{context}");
                            assert_no_repeats(&run.items, &context);
                            assert_eq!(run.items.len(), max as usize, "{context}");
                            if ordered {
                                assert_eq!(run.items, want[..max as usize], "{context}");
                            } else {
                                assert!(
                                    run.items.iter().all(|item| want.contains(item)),
                                    "{context}"
                                );
                            }
                        }
                    }
                    if max_items.is_none() {
                        assert!(
                            made.iter()
                                .any(|request| request.raw_query.contains("delimiter=-")),
                            "{context}: no rollup at `-` among {} requests",
                            made.len()
                        );
                        // The budget counts a range still open as half a request (its last
                        // page's expected cost past its keys): a run ends within a request or
                        // two of it, as the timing of the last pages falls.
                        let sequential = want.len().div_ceil(25);
                        assert!(
                            made.len() <= sequential + sequential / 5 + 16 + 2,
                            "{context}: {} requests, sequential {sequential}",
                            made.len()
                        );
                    }
                }
            }
        }
    }
}
