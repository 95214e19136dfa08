//! The `s3_list` example's interface, which other tools drive: NDJSON on stdout, `--max-items`
//! ending with a `next_token` line, `--starting-token` continuing exactly, bad tokens refused.

use std::path::PathBuf;
use std::process::{Command, Output};

use pagination_examples::s3_endpoint::{self, S3Endpoint};
use pagination_examples::seed;
use serde_json::{Value, json};

use crate::support::{moto, unique_bucket};

/// The example binary, which `cargo test` builds next to the test binaries.
fn s3_list() -> PathBuf {
    let deps = std::env::current_exe().unwrap();
    let profile = deps.parent().unwrap().parent().unwrap();
    let binary = profile.join("examples").join("s3_list");
    assert!(
        binary.exists(),
        "{} is built by `cargo test`",
        binary.display()
    );
    binary
}

fn run(endpoint: &str, arguments: &[&str]) -> Output {
    Command::new(s3_list())
        .args(arguments)
        .args(["--endpoint-url", endpoint])
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .output()
        .unwrap()
}

fn lines(output: &Output) -> Vec<Value> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[tokio::test]
async fn max_items_and_starting_token_split_a_listing_exactly() {
    let server = moto();
    let bucket = unique_bucket("cli");
    let plan = seed::plan(25);
    seed::seed_versioned_bucket(&server.s3_client(), &bucket, &plan)
        .await
        .unwrap();
    let (versions, markers) = seed::count(&plan);
    let endpoint = server.endpoint();
    let base = ["object-versions", "--bucket", &bucket, "--page-size", "4"];

    let full = lines(&run(endpoint, &base));
    assert_eq!(full.len(), versions + markers);
    assert!(full.iter().all(|line| line.get("next_token").is_none()));
    assert_eq!(full[0]["type"], "version");
    assert!(full.iter().any(|line| line["type"] == "delete_marker"));

    // Stop after every few items, continue from the printed token, until the listing ends.
    let mut joined = Vec::new();
    let mut token: Option<String> = None;
    let mut runs = 0;
    loop {
        runs += 1;
        let mut arguments = base.to_vec();
        arguments.extend(["--max-items", "9"]);
        if let Some(token) = &token {
            arguments.extend(["--starting-token", token]);
        }
        let mut output = lines(&run(endpoint, &arguments));
        match output.last().and_then(|last| last.get("next_token")) {
            Some(next) => {
                token = Some(next.as_str().unwrap().to_owned());
                output.pop();
                joined.extend(output);
            }
            None => {
                joined.extend(output);
                break;
            }
        }
    }
    assert_eq!(joined, full);
    assert_eq!(runs, full.len().div_ceil(9));

    // A token for another page size, and a string that is no token: refused, exit status 2.
    let mut arguments = base.to_vec();
    arguments.extend(["--max-items", "5"]);
    let first = lines(&run(endpoint, &arguments));
    let token = first.last().unwrap()["next_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let other = run(
        endpoint,
        &[
            "object-versions",
            "--bucket",
            &bucket,
            "--page-size",
            "5",
            "--starting-token",
            &token,
        ],
    );
    assert_eq!(other.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&other.stderr).contains("does not continue this listing"));
    let garbage = run(
        endpoint,
        &["--bucket", &bucket, "--starting-token", "not-a-token"],
    );
    assert_eq!(garbage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&garbage.stderr).contains("not a cursor"));
}

#[tokio::test]
async fn objects_and_multipart_uploads_print_their_lines() {
    let server = moto();
    let client = server.s3_client();
    let bucket = unique_bucket("cli-objects");
    client.create_bucket().bucket(&bucket).send().await.unwrap();
    for key in ["a/1", "a/2", "b/1", "top"] {
        client
            .put_object()
            .bucket(&bucket)
            .key(key)
            .send()
            .await
            .unwrap();
    }
    client
        .create_multipart_upload()
        .bucket(&bucket)
        .key("big/file")
        .send()
        .await
        .unwrap();
    let endpoint = server.endpoint();

    let objects = lines(&run(
        endpoint,
        &["objects", "--bucket", &bucket, "--page-size", "1"],
    ));
    let keys: Vec<_> = objects
        .iter()
        .map(|line| line["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["a/1", "a/2", "b/1", "top"]);
    assert!(objects.iter().all(|line| line["type"] == "object"));

    let grouped = lines(&run(
        endpoint,
        &["objects", "--bucket", &bucket, "--delimiter", "/"],
    ));
    let prefixes: Vec<_> = grouped
        .iter()
        .filter(|line| line["type"] == "common_prefix")
        .map(|line| line["prefix"].as_str().unwrap())
        .collect();
    assert_eq!(prefixes, ["a/", "b/"]);

    let uploads = lines(&run(endpoint, &["multipart-uploads", "--bucket", &bucket]));
    assert_eq!(uploads.len(), 1);
    assert_eq!(uploads[0]["type"], "upload");
    assert_eq!(uploads[0]["key"], "big/file");
    assert!(
        uploads[0]["upload_id"]
            .as_str()
            .is_some_and(|id| !id.is_empty())
    );
}

/// Keys the URL encoding changes, a rolled-up prefix, and a key with versions.
fn awkward_bucket() -> s3_endpoint::Bucket {
    let mut bucket = s3_endpoint::Bucket::objects([
        "(p) x", "a b", "a+b", "café", "dir/one", "dir/two", "k=1", "t/obj\\1", "z%41",
    ]);
    bucket
        .entries
        .push(s3_endpoint::Entry::version("a b", "v2", 1_800_000_000));
    for (n, key) in ["a b", "a b", "k=1"].iter().enumerate() {
        bucket.uploads.push(s3_endpoint::Upload::new(
            *key,
            format!("u{n}"),
            1_700_000_000 + n as i64,
        ));
    }
    bucket
}

fn names(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .map(|line| {
            let name = line.get("key").or_else(|| line.get("prefix")).unwrap();
            format!(
                "{} {}",
                line["type"].as_str().unwrap(),
                name.as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn url_encoding_is_transport_only_and_objects_v1_lists_like_objects() {
    let endpoint = S3Endpoint::start().unwrap();
    endpoint.put_bucket("awkward", awkward_bucket());
    let url = endpoint.endpoint();
    for listing in [
        "objects",
        "objects-v1",
        "object-versions",
        "multipart-uploads",
    ] {
        for delimiter in [None, Some("/")] {
            let mut base = vec![listing, "--bucket", "awkward", "--page-size", "2"];
            if let Some(delimiter) = delimiter {
                base.extend(["--delimiter", delimiter]);
            }
            let plain = lines(&run(&url, &base));
            let mut encoded_arguments = base.clone();
            encoded_arguments.extend(["--encoding-type", "url"]);
            let encoded = lines(&run(&url, &encoded_arguments));
            assert_eq!(encoded, plain, "{listing}, delimiter {delimiter:?}");
            if listing.starts_with("objects") {
                let mut want = vec!["object (p) x", "object a b", "object a+b", "object café"];
                match delimiter {
                    Some(_) => {
                        want.extend(["common_prefix dir/", "object k=1", "common_prefix t/"])
                    }
                    None => want.extend([
                        "object dir/one",
                        "object dir/two",
                        "object k=1",
                        "object t/obj\\1",
                    ]),
                }
                want.push("object z%41");
                assert_eq!(names(&plain), want, "{listing}, delimiter {delimiter:?}");
            }
        }
    }
    let objects = lines(&run(&url, &["objects", "--bucket", "awkward"]));
    let objects_v1 = lines(&run(&url, &["objects-v1", "--bucket", "awkward"]));
    assert_eq!(objects, objects_v1);
    // `a b` holds two versions, the newer one first and the latest.
    let versions = lines(&run(
        &url,
        &["object-versions", "--bucket", "awkward", "--page-size", "1"],
    ));
    assert_eq!(versions[1]["key"], "a b");
    assert_eq!(
        (&versions[1]["version_id"], &versions[1]["is_latest"]),
        (&json!("v2"), &json!(true))
    );
    assert_eq!(
        (&versions[2]["version_id"], &versions[2]["is_latest"]),
        (&json!("null"), &json!(false))
    );
}

#[test]
fn a_listing_that_cannot_be_completed_exits_non_zero_and_says_why() {
    let endpoint = S3Endpoint::start().unwrap();
    let mut bucket = s3_endpoint::Bucket::objects((0..8).map(|n| format!("k{n}")));
    bucket.quirks.echo_token_from = Some(4);
    endpoint.put_bucket("echo", bucket);
    let url = endpoint.endpoint();
    for listing in ["objects", "objects-v1", "object-versions"] {
        let output = run(&url, &[listing, "--bucket", "echo", "--page-size", "2"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{listing}: {stderr}");
        assert!(
            stderr.contains("the listing is incomplete"),
            "{listing}: {stderr}"
        );
        assert!(
            stderr.contains("pagination token it was just sent"),
            "{listing}: {stderr}"
        );
        // What was listed is printed, and where to continue from.
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(stdout.lines().count(), 7, "{listing}: {stdout}");
        assert!(stdout.lines().last().unwrap().contains("next_token"));
    }

    // A gateway that drops NextUploadIdMarker: every upload, once, and success.
    let mut bucket = s3_endpoint::Bucket::default();
    for (n, key) in ["k", "k", "k", "m"].iter().enumerate() {
        bucket.uploads.push(s3_endpoint::Upload::new(
            *key,
            format!("u{}", n + 1),
            1_700_000_000 + n as i64,
        ));
    }
    bucket.quirks.omit_next_upload_id_marker = true;
    endpoint.put_bucket("gateway", bucket);
    let uploads = lines(&run(
        &url,
        &[
            "multipart-uploads",
            "--bucket",
            "gateway",
            "--page-size",
            "2",
        ],
    ));
    let ids: Vec<&str> = uploads
        .iter()
        .map(|line| line["upload_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["u1", "u2", "u3", "u4"]);
}

#[test]
fn progress_lines_count_whole_pages_and_quiet_keeps_only_the_summary() {
    let endpoint = S3Endpoint::start().unwrap();
    let mut bucket = s3_endpoint::Bucket::objects((0..80).map(|n| format!("k{n:03}")));
    bucket.quirks.latency = Some(std::time::Duration::from_millis(70));
    endpoint.put_bucket("slow", bucket);
    let url = endpoint.endpoint();
    // 40 pages of 2 at 70 ms: about 3 s, so at least one progress line (stderr is a pipe here).
    let output = run(&url, &["objects", "--bucket", "slow", "--page-size", "2"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let progress: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("progress: "))
        .collect();
    assert!(!progress.is_empty(), "{stderr}");
    for line in &progress {
        // "progress: P pages, I items, ...": every page counted whole.
        let numbers: Vec<u64> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter(|part| !part.is_empty())
            .take(2)
            .map(|part| part.parse().unwrap())
            .collect();
        assert_eq!(numbers[1], numbers[0] * 2, "{line}");
    }
    assert!(
        stderr
            .lines()
            .last()
            .unwrap()
            .starts_with("listed 80 items in 40 pages"),
        "{stderr}"
    );

    let quiet = run(
        &url,
        &[
            "objects",
            "--bucket",
            "slow",
            "--page-size",
            "10",
            "--quiet",
        ],
    );
    let stderr = String::from_utf8_lossy(&quiet.stderr);
    assert!(quiet.status.success(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("listed 80 items in 8 pages"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&quiet.stdout).lines().count(), 80);
}

/// 600 keys, dense under `logs/`, a few around them, and the awkward ones.
fn larger_bucket() -> s3_endpoint::Bucket {
    let mut bucket = awkward_bucket();
    for index in 0..600 {
        bucket
            .entries
            .push(s3_endpoint::Entry::object(format!("logs/{index:04}.json")));
    }
    bucket
}

#[test]
fn parallel_writes_the_same_lines_and_its_next_token_continues_a_parallel_run() {
    let endpoint = S3Endpoint::start().unwrap();
    endpoint.put_bucket("larger", larger_bucket());
    let url = endpoint.endpoint();
    for listing in [
        "objects",
        "objects-v1",
        "object-versions",
        "multipart-uploads",
    ] {
        for delimiter in [None, Some("/")] {
            let mut base = vec![listing, "--bucket", "larger", "--page-size", "7"];
            if let Some(delimiter) = delimiter {
                base.extend(["--delimiter", delimiter]);
            }
            let sequential = run(&url, &base);
            assert!(sequential.status.success());
            let want = lines(&sequential);
            let mut parallel = base.clone();
            parallel.extend(["--parallel", "8", "--encoding-type", "url"]);
            let output = run(&url, &parallel);
            assert!(output.status.success(), "{listing}");
            assert_eq!(lines(&output), want, "{listing}, delimiter {delimiter:?}");
            let mut unordered = base.clone();
            unordered.extend(["--parallel", "8", "--unordered"]);
            let mut got = lines(&run(&url, &unordered));
            let mut sorted_want = want.clone();
            let text = |line: &Value| line.to_string();
            got.sort_by_key(text);
            sorted_want.sort_by_key(text);
            assert_eq!(
                got, sorted_want,
                "{listing}, delimiter {delimiter:?}, unordered"
            );
        }
    }

    // --max-items and --starting-token chain parallel runs exactly.
    let want = lines(&run(&url, &["objects", "--bucket", "larger"]));
    let mut seen: Vec<Value> = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..10 {
        let mut arguments = vec![
            "objects",
            "--bucket",
            "larger",
            "--page-size",
            "9",
            "--parallel",
            "4",
            "--max-items",
            "150",
        ];
        if let Some(token) = &token {
            arguments.extend(["--starting-token", token.as_str()]);
        }
        let output = run(&url, &arguments);
        assert!(output.status.success());
        let mut page = lines(&output);
        token = match page.last().and_then(|last| last.get("next_token")) {
            Some(next) => {
                let next = next.as_str().unwrap().to_owned();
                page.pop();
                Some(next)
            }
            None => None,
        };
        seen.extend(page);
        if token.is_none() {
            break;
        }
    }
    assert!(token.is_none(), "the chain ends");
    assert_eq!(seen, want);

    // A parallel run's token does not continue a sequential one, nor the other way round.
    let partial = lines(&run(
        &url,
        &[
            "objects",
            "--bucket",
            "larger",
            "--parallel",
            "2",
            "--max-items",
            "3",
        ],
    ));
    let parallel_token = partial.last().unwrap()["next_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let refused = run(
        &url,
        &[
            "objects",
            "--bucket",
            "larger",
            "--starting-token",
            &parallel_token,
        ],
    );
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("parallel listing"), "{message}");
    assert!(message.contains("continue it with --parallel"), "{message}");

    // A directory bucket is refused before any request.
    let refused = run(
        &url,
        &[
            "objects",
            "--bucket",
            "logs--usw2-az1--x-s3",
            "--parallel",
            "4",
        ],
    );
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("directory bucket"), "{message}");
}

/// `--save-splits` writes what a parallel run learned; `--splits` starts the next run from it
/// with the same lines, also after the bucket changed; the `--part I/M` runs, concatenated,
/// are the whole listing; a file that is not split points is refused before any request.
#[test]
fn saved_splits_start_the_next_run_and_parts_concatenate_to_the_listing() {
    let endpoint = S3Endpoint::start().unwrap();
    endpoint.put_bucket("larger", larger_bucket());
    let url = endpoint.endpoint();
    let directory = std::env::temp_dir().join(format!("s3_list_splits_{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let saved = directory.join("larger.splits");
    let saved_arg = saved.to_str().unwrap();

    for listing in ["objects", "object-versions"] {
        let base = [listing, "--bucket", "larger", "--page-size", "7"];
        let want = lines(&run(&url, &base));
        let mut first = base.to_vec();
        first.extend(["--parallel", "8", "--save-splits", saved_arg]);
        let output = run(&url, &first);
        assert_eq!(lines(&output), want, "{listing}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("parallel: "), "{stderr}");
        let text = std::fs::read_to_string(&saved).unwrap();
        assert!(text.starts_with("pagination split points 1\n"), "{text}");
        assert!(text.lines().count() > 2, "{text}");

        let mut again = base.to_vec();
        again.extend(["--parallel", "8", "--splits", saved_arg]);
        assert_eq!(
            lines(&run(&url, &again)),
            want,
            "{listing}, from the splits"
        );

        for parts in [1usize, 3, 5] {
            let mut all = Vec::new();
            for part in 1..=parts {
                let part = format!("{part}/{parts}");
                let mut arguments = again.clone();
                arguments.extend(["--part", part.as_str()]);
                let output = run(&url, &arguments);
                all.extend(lines(&output));
            }
            assert_eq!(all, want, "{listing}, {parts} parts");
        }
    }

    // The bucket changes; the saved splits still give every line once, in order.
    let mut changed = larger_bucket();
    changed
        .entries
        .retain(|entry| !entry.key.ends_with("5.json"));
    for index in 0..300 {
        changed
            .entries
            .push(s3_endpoint::Entry::object(format!("logs/0100-{index:03}")));
    }
    endpoint.put_bucket("changed", changed);
    let want = lines(&run(
        &url,
        &["objects", "--bucket", "changed", "--page-size", "7"],
    ));
    for extra in [&[][..], &["--unordered"][..]] {
        let mut arguments = vec![
            "objects",
            "--bucket",
            "changed",
            "--page-size",
            "7",
            "--parallel",
            "8",
            "--splits",
            saved_arg,
        ];
        arguments.extend(extra);
        let mut got = lines(&run(&url, &arguments));
        let mut want = want.clone();
        if !extra.is_empty() {
            let text = |line: &Value| line.to_string();
            got.sort_by_key(text);
            want.sort_by_key(text);
        }
        assert_eq!(got, want, "stale splits {extra:?}");
    }

    // Not split points, or a part out of range: a clear error, status 2, no request.
    let bad = directory.join("bad.splits");
    std::fs::write(&bad, "pagination split points 1\nonly one field\n").unwrap();
    let before = endpoint.requests().len();
    for (file, part) in [
        (bad.to_str().unwrap(), None),
        (directory.join("missing").to_str().unwrap(), None),
        (saved_arg, Some("0/3")),
        (saved_arg, Some("4/3")),
        (saved_arg, Some("two")),
    ] {
        let mut arguments = vec![
            "objects",
            "--bucket",
            "larger",
            "--parallel",
            "4",
            "--splits",
            file,
        ];
        arguments.extend(part.iter().flat_map(|part| ["--part", *part]));
        let output = run(&url, &arguments);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{file} {part:?}: {stderr}");
        assert!(output.stdout.is_empty());
        assert!(
            stderr.contains("--splits") || stderr.contains("--part") || stderr.contains("part"),
            "{stderr}"
        );
    }
    assert_eq!(
        endpoint.requests().len(),
        before,
        "refused before any request"
    );

    // A part alone, or a listing that stops early, is not what the key space holds: nothing is
    // saved from it.
    let other = directory.join("other.splits");
    let other_arg = other.to_str().unwrap();
    let output = run(
        &url,
        &[
            "objects",
            "--bucket",
            "larger",
            "--parallel",
            "4",
            "--splits",
            saved_arg,
            "--part",
            "1/2",
            "--save-splits",
            other_arg,
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let output = run(
        &url,
        &[
            "objects",
            "--bucket",
            "larger",
            "--parallel",
            "4",
            "--max-items",
            "10",
            "--save-splits",
            other_arg,
        ],
    );
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not written"));
    assert!(!other.exists());
    std::fs::remove_dir_all(&directory).unwrap();
}
