//! Seeding a versioned S3 bucket with versions and delete markers, for the demo and the tests.

use std::collections::BTreeMap;

use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{BucketVersioningStatus, VersioningConfiguration};
use futures::{StreamExt, TryStreamExt};

/// Prefixes the seeded keys live under.
pub const PREFIXES: &[&str] = &["photos/2024/", "photos/2025/", "logs/", "docs/reports/", ""];

/// Names that exercise URL encoding and XML escaping: spaces, unicode, `+`, `%`, `&`.
const NAMES: &[&str] = &[
    "plain.txt",
    "with space.txt",
    "café crème.jpg",
    "plus+sign.csv",
    "100%.log",
    "a&b<c>.xml",
    "日本語.md",
    "tilde~and(parens).bin",
];

/// One write to a key, in the order it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    /// A new version.
    Put,
    /// A delete without a version id: a new delete marker.
    Delete,
}

/// What to write to each key, in order.
pub type Plan = BTreeMap<String, Vec<Write>>;

/// A deterministic plan over `keys` keys spread over [`PREFIXES`]: one to three versions a key,
/// a delete marker on every fifth, and a version written again after the marker on every
/// fifteenth (so that marker is not the latest).
pub fn plan(keys: usize) -> Plan {
    (0..keys)
        .map(|index| {
            let prefix = PREFIXES[index % PREFIXES.len()];
            let name = NAMES[index % NAMES.len()];
            let key = format!("{prefix}{index:03} {name}");
            let mut writes = vec![Write::Put; 1 + index % 3];
            if index % 5 == 0 {
                writes.push(Write::Delete);
            }
            if index % 15 == 0 {
                writes.push(Write::Put);
            }
            (key, writes)
        })
        .collect()
}

/// How many versions and delete markers a plan makes.
pub fn count(plan: &Plan) -> (usize, usize) {
    let writes = plan.values().flatten();
    let versions = writes.clone().filter(|write| **write == Write::Put).count();
    (versions, writes.count() - versions)
}

/// Creates `bucket` with versioning on and carries out `plan`, several keys at a time (each
/// key's writes in order).
pub async fn seed_versioned_bucket(
    client: &aws_sdk_s3::Client,
    bucket: &str,
    plan: &Plan,
) -> Result<(), aws_sdk_s3::Error> {
    client.create_bucket().bucket(bucket).send().await?;
    client
        .put_bucket_versioning()
        .bucket(bucket)
        .versioning_configuration(
            VersioningConfiguration::builder()
                .status(BucketVersioningStatus::Enabled)
                .build(),
        )
        .send()
        .await?;
    futures::stream::iter(plan)
        .map(|(key, writes)| async move {
            for (number, write) in writes.iter().enumerate() {
                match write {
                    Write::Put => {
                        client
                            .put_object()
                            .bucket(bucket)
                            .key(key)
                            .body(ByteStream::from(format!("{key} #{number}").into_bytes()))
                            .send()
                            .await?;
                    }
                    Write::Delete => {
                        client
                            .delete_object()
                            .bucket(bucket)
                            .key(key)
                            .send()
                            .await?;
                    }
                }
            }
            Ok::<_, aws_sdk_s3::Error>(())
        })
        .buffer_unordered(8)
        .try_collect::<()>()
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_mixes_versions_and_markers() {
        let plan = plan(75);
        let (versions, markers) = count(&plan);
        assert_eq!(plan.len(), 75);
        assert!(versions + markers >= 150, "{versions} + {markers}");
        assert!(markers >= 15);
        assert!(plan.keys().any(|key| key.contains('+')));
        assert!(plan.keys().any(|key| key.contains('%')));
        assert!(plan.keys().any(|key| key.contains("é")));
    }
}
