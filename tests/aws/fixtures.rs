//! Fixtures the S3 listing tests share: a set of keys that exercise URL encoding, XML escaping
//! and delimiters, and a helper to put them into a fresh (unversioned) bucket.

use aws_sdk_s3::primitives::ByteStream;
use futures::{StreamExt, TryStreamExt};

/// Keys with spaces, unicode, `+`, `%`, `&`, `<`, `=`, `?`, nested prefixes and a "folder"
/// object that ends with the delimiter.
pub const KEYS: &[&str] = &[
    "a.txt",
    "alpha/one.txt",
    "alpha/two words.txt",
    "alpha/deeper/x.bin",
    "beta/plus+sign.csv",
    "beta/100%.log",
    "beta/a&b<c>.xml",
    "café crème.jpg",
    "data/2024/01.json",
    "data/2024/02.json",
    "data/2025/01.json",
    "with space.txt",
    "plus+top.csv",
    "percent%20literal.txt",
    "日本語/ファイル.md",
    "日本語.md",
    "tilde~(parens).bin",
    "query?x=1&y=2",
    "z/",
    "zz/end",
    "ü/ö.txt",
    "equals=sign",
    "naïve",
    "~last",
];

/// [`KEYS`] in S3's listing order (UTF-8 byte order, which is `str`'s `Ord`).
pub fn sorted_keys() -> Vec<String> {
    let mut keys: Vec<String> = KEYS.iter().map(|key| (*key).to_owned()).collect();
    keys.sort();
    keys
}

/// The common prefixes of [`KEYS`] at the first `/`, sorted.
pub fn top_level_prefixes() -> Vec<String> {
    let mut prefixes: Vec<String> = KEYS
        .iter()
        .filter_map(|key| key.find('/').map(|at| key[..=at].to_owned()))
        .collect();
    prefixes.sort();
    prefixes.dedup();
    prefixes
}

/// Creates `bucket` and puts `keys` into it, a few at a time.
pub async fn seed_bucket(client: &aws_sdk_s3::Client, bucket: &str, keys: &[&str]) {
    client.create_bucket().bucket(bucket).send().await.unwrap();
    futures::stream::iter(keys)
        .map(|key| async move {
            client
                .put_object()
                .bucket(bucket)
                .key(*key)
                .body(ByteStream::from(format!("body of {key}").into_bytes()))
                .send()
                .await
                .map(drop)
        })
        .buffer_unordered(8)
        .try_collect::<()>()
        .await
        .unwrap();
}
