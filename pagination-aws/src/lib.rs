//! Paginators for the operations of the AWS SDK for Rust that lack one, and item streams where
//! the SDK's paginator has none; declared with [`pagination_core::paginate`].
//!
//! Add this crate, import [`IntoPaginator`] from it, and call `into_paginator()` on a builder the
//! SDK leaves without one:
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::IntoPaginator;
//! use pagination_aws::s3::ObjectVersionEntry;
//!
//! # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let versions: Vec<ObjectVersionEntry> = client
//!     .list_object_versions()
//!     .bucket("my-bucket")
//!     .into_paginator()
//!     .items()
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```
//!
//! Each operation's quirks are handled here once: tokens that travel together are set and
//! cleared together, echo fields are never mistaken for next tokens, and the end of a listing is
//! decided by `is_truncated` where a token check alone would stop early or loop. Each module
//! ([`s3`], [`config`], and with their features `route53`, `kinesis`, `dynamodb`,
//! `cloudwatchlogs`, `elasticloadbalancingv2`, `elasticloadbalancing`, `organizations`, `ssm`,
//! `secretsmanager`, `cloudwatch`, `iam`, `athena`, `eventbridge`, `apigatewayv2`) lists its
//! operations with their paging rules.
//!
//! **One call for every operation: [`Paginator::new`].** Where the SDK has a paginator of its
//! own (Config, Organizations, SSM, CloudWatch, IAM, Athena, ...), its builder's inherent
//! `into_paginator()` wins method resolution and gives the SDK's paginator, without `items()`;
//! `Paginator::<Operation>::new(request)` names this crate's, and works on every builder:
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_aws::config::GetDiscoveredResourceCounts;
//!
//! # async fn example(client: aws_sdk_config::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let counts: Vec<_> = Paginator::<GetDiscoveredResourceCounts>::new(client.get_discovered_resource_counts())
//!     .items()
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```
//!
//! Calling `into_paginator()` on such a builder gets the SDK's paginator, whose compile error
//! then reads `no method named `items` found for struct `GetParametersByPathPaginator``: the
//! cure is `Paginator::<GetParametersByPath>::new(request)`. `into_paginator()` from
//! [`IntoPaginator`] is the shorter form on builders the SDK leaves without a paginator (S3's,
//! Route 53's, EventBridge's, API Gateway v2's, ...).
//!
//! # Operations
//!
//! | feature | operation | paging rule | tests (in the workspace's `tests/aws/`) |
//! |---|---|---|---|
//! | `s3` | ListObjectVersions, ListMultipartUploads, ListObjects, ListObjectsV2, GetObjectAttributes, ListBucket{Analytics,IntelligentTiering,Inventory,Metrics}Configurations | see [`s3`] | `s3_aws_rules`, moto, models |
//! | `config` | nine operations without `items()` in the SDK | `next_token`; see [`config`] | `mock_config_items` |
//! | `route53` | ListResourceRecordSets | `(start_record_name, start_record_type, start_record_identifier)` from `next_record_*`, together; the identifier present only for record sets with one, else cleared; `start_record_type` is the SDK enum `RrType` (unknown types included); `is_truncated`; `page_size` sets `max_items` | moto: `route53_moto` (page sizes 1, 2, 7 against the service's one-page listing, resume at every offset); model: `mock_route53::list_resource_record_sets` (an identifier that appears and disappears, an unknown `RrType`, resume at every offset) |
//! | `route53` | ListHostedZonesByName | `(dns_name, hosted_zone_id)` from `(next_dns_name, next_hosted_zone_id)`, never from the echoed `dns_name`/`hosted_zone_id`; `is_truncated`; `max_items` | model: `mock_route53::list_hosted_zones_by_name` (two zones of one name; resume at every offset) |
//! | `route53` | ListTrafficPolicyInstances, ...ByPolicy | `(hosted_zone_id_marker, traffic_policy_instance_name_marker, traffic_policy_instance_type_marker)` from the output fields of the same names (the type an `RrType`); `is_truncated`; `max_items` | model: `mock_route53::list_traffic_policy_instances`, `..._by_policy` (resume at every offset) |
//! | `route53` | ListTrafficPolicyInstancesByHostedZone | `(traffic_policy_instance_name_marker, traffic_policy_instance_type_marker)` likewise; `is_truncated`; `max_items` | model: `mock_route53::list_traffic_policy_instances_by_hosted_zone` (resume at every offset) |
//! | `route53` | ListGeoLocations | `(start_continent_code, start_country_code, start_subdivision_code)` from `next_*`, together, an absent one cleared; `is_truncated`; `max_items` | model: `mock_route53::list_geo_locations` (continent, country and subdivision markers in turn; resume at every offset) |
//! | `route53` | ListVPCAssociationAuthorizations, ListHostedZonesByVPC | `next_token`; `page_size` sets `max_results` / `max_items` | model: `mock_route53::list_vpc_association_authorizations`, `list_hosted_zones_by_vpc` |
//! | `kinesis` | ListShards | `next_token`; `stream_name`, `stream_arn`, `stream_id`, `stream_creation_timestamp`, `shard_filter` and `exclusive_start_shard_id` on the first request only (`first_page_only`), resumes included; `page_size` sets `max_results` | model: `mock_kinesis` (refuses `NextToken` with any of them: a paginator that keeps `StreamName` is refused on its second page; resume at every offset) |
//! | `kinesis` | DescribeStream | `exclusive_start_shard_id` from the last shard's id in `stream_description.shards`; ends on `stream_description.has_more_shards`; `page_size` sets `limit` | model: `mock_kinesis::describe_stream_ends_when_has_more_shards_is_false` (a full last page ends the listing; resume at every offset) |
//! | `dynamodb` | ListBackups | `exclusive_start_backup_arn` from `last_evaluated_backup_arn`; `page_size` sets `limit` | model: `mock_token_services::dynamodb_list_backups` (resume at every offset) |
//! | `dynamodb` | ListTagsOfResource | `next_token`; no page size | moto: `dynamodb_moto` (four pages of moto's ten); model: `mock_token_services::dynamodb_list_tags_of_resource` |
//! | `dynamodb` | ExecuteStatement | `next_token`; `page_size` sets `limit` (items evaluated, not returned): empty pages with a token go on | model: `mock_token_services::dynamodb_execute_statement_goes_on_through_empty_pages_with_a_token` (resume at every offset) |
//! | `cloudwatchlogs` | DescribeExportTasks, DescribeQueries, DescribeResourcePolicies | `next_token`; `page_size` sets `limit` / `max_results` | model: `mock_token_services::logs_*` |
//! | `elasticloadbalancingv2` | DescribeSSLPolicies | `marker` from `next_marker`; `page_size` sets `page_size` | model: `mock_token_services::elbv2_describe_ssl_policies` |
//! | `elasticloadbalancing` | DescribeAccountLimits | `marker` from `next_marker` (empty on the last page); `page_size` sets `page_size` | model: `mock_token_services::elb_describe_account_limits` |
//! | `organizations` | the thirteen `List*` operations | `next_token`; empty pages with a token go on; `page_size` sets `max_results`, clamped to 20 | model: `mock_organizations` |
//! | `ssm` | DescribeParameters, GetParameterHistory, GetParametersByPath | `next_token`; empty pages with a token go on; `page_size` sets `max_results`, clamped to 50 / 50 / 10 | model: `mock_ssm` |
//! | `secretsmanager` | ListSecrets | `next_token`; empty pages with a token go on; `page_size` sets `max_results`, clamped to 100 | model: `mock_ssm::secrets_manager_list_secrets` |
//! | `cloudwatch` | DescribeAlarms, GetMetricData, ListMetrics | `next_token`; item enums over the page's lists; [`cloudwatch::merge_metric_data`] joins a query's values across pages | model: `mock_cloudwatch` |
//! | `cloudwatchlogs` | FilterLogEvents | `next_token`; empty pages with a token go on; `page_size` sets `limit`, clamped to 10,000 | model: `mock_token_services::logs_filter_log_events_goes_on_through_empty_pages` |
//! | `iam` | GetAccountAuthorizationDetails, ListEntitiesForPolicy | `marker` while `is_truncated`; item enums; `page_size` sets `max_items`, clamped to 1,000 | model: `mock_iam` |
//! | `athena` | GetQueryResults, ListNamedQueries, ListQueryExecutions | `next_token`; rows nested in `result_set`; the header row of a `SELECT` | model: `mock_athena` |
//! | `kinesis` | ListStreams (and ListStreamNames), ListStreamConsumers | `next_token` while `has_more_streams`, else the last stream name; `stream_creation_timestamp` on the first request only; clamped to 100 | model: `mock_kinesis_streams` |
//! | `eventbridge` | ListRules, ListRuleNamesByTarget, ListTargetsByRule (no SDK paginator) | `next_token`; `page_size` sets `limit`, clamped to 100 | model: `mock_eventbridge` |
//! | `apigatewayv2` | GetApis, GetAuthorizers, GetDeployments, GetDomainNames, GetIntegrationResponses, GetIntegrations, GetModels, GetRouteResponses, GetRoutes, GetStages (no SDK paginator) | `next_token`; `page_size` sets the string `max_results` | model: `mock_apigatewayv2` |
//!
//! Not covered yet: the rest of the census in the repository's
//! `docs/aws-sdk-wide-gaps.md` (botocore 1.44.18: 151 operations botocore paginates
//! without a Rust paginator, 209 whose Rust paginator has no `items()`; of its rows, this crate
//! covers 27 and 30). EC2's DescribeSpotFleetInstances and DescribeVpcEndpointServices are left
//! out for build cost: `aws-sdk-ec2` is the largest crate of the SDK, and CI would compile it in
//! each profile. Where an
//! SDK crate's documentation and the service's API reference disagree, the declarations follow
//! the service and say so.
//!
//! # Per-call settings on every page
//!
//! The SDK's `customize()` (a `config_override`, an interceptor, `mutate_request`) applies to
//! one call. [`Paginator::send_with`] applies it to every page of a listing, resumed ones too:
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_aws::s3::{ListObjectVersions, ObjectVersionEntry};
//!
//! # async fn example(client: aws_sdk_s3::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let overrides = aws_sdk_s3::config::Builder::default()
//!     .retry_config(aws_sdk_s3::config::retry::RetryConfig::standard().with_max_attempts(10));
//! let entries: Vec<ObjectVersionEntry> =
//!     Paginator::<ListObjectVersions>::new(client.list_object_versions().bucket("my-bucket"))
//!         .send_with(move |request| {
//!             request
//!                 .customize()
//!                 .config_override(overrides.clone())
//!                 .mutate_request(|http| {
//!                     http.headers_mut().insert("x-audit-run", "nightly");
//!                 })
//!                 .send()
//!         })
//!         .items()
//!         .try_collect()
//!         .await?;
//! # Ok(())
//! # }
//! ```
//!
//! # Testing a declaration of your own, offline
//!
//! A paging rule is tested best against a model that computes each page from the request, as
//! the service's API reference describes it: [`aws-smithy-mocks`](https://docs.rs/aws-smithy-mocks)
//! answers the SDK's own client, with no account and no network (in your dev-dependencies:
//! `aws-smithy-mocks`, and the SDK crate with its `test-util` feature; `#[paginate]` itself
//! needs `pagination-core` as a dependency). A rule made with `then_compute_output` under
//! `RuleMode::MatchAny` answers every call of its operation, and its `num_calls()` counts the
//! pages asked for. Check every page size against the whole listing, and a resume from a
//! cursor. Here a declaration for S3's
//! ListDirectoryBuckets, whose builder the SDK gives an `into_paginator()` of its own (so this
//! one is named with [`Paginator::new`]):
//!
//! ```
//! use aws_sdk_s3::operation::list_directory_buckets::ListDirectoryBucketsOutput;
//! use aws_sdk_s3::types::Bucket;
//! use aws_smithy_mocks::{RuleMode, mock, mock_client};
//! use futures::TryStreamExt;
//! use pagination_aws::Paginator;
//! use pagination_core::paginate;
//!
//! #[paginate(
//!     operation = aws_sdk_s3::operation::list_directory_buckets,
//!     input_token = continuation_token,
//!     output_token = continuation_token,
//!     items = buckets: Bucket,
//!     page_size = max_directory_buckets,
//!     max_page_size = 1000,
//! )]
//! pub struct ListDirectoryBuckets;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let names: Vec<String> = (0..23).map(|n| format!("b{n:02}--usw2-az1--x-s3")).collect();
//! let all = names.clone();
//! // The model: the page after the token (an index it handed out), `max_directory_buckets` a
//! // page (1,000 by default), and a token while buckets follow.
//! let rule = mock!(aws_sdk_s3::Client::list_directory_buckets).then_compute_output(move |input| {
//!     let start: usize = input.continuation_token().map_or(0, |token| token.parse().unwrap());
//!     let size = input.max_directory_buckets().map_or(1000, |size| size as usize);
//!     let end = (start + size).min(all.len());
//!     ListDirectoryBucketsOutput::builder()
//!         .set_buckets(Some(all[start..end].iter().map(|name| Bucket::builder().name(name).build()).collect()))
//!         .set_continuation_token((end < all.len()).then(|| end.to_string()))
//!         .build()
//! });
//! let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);
//! let listing = |size| {
//!     Paginator::<ListDirectoryBuckets>::new(client.list_directory_buckets()).page_size(size)
//! };
//! for size in [1, 4, 23, 5000] {
//!     let buckets: Vec<Bucket> = listing(size).items().try_collect().await.unwrap();
//!     let listed: Vec<&str> = buckets.iter().filter_map(|bucket| bucket.name()).collect();
//!     assert_eq!(listed, names, "page size {size}");
//! }
//! // Stop after 10, resume from the cursor: the rest, nothing lost or repeated.
//! let mut first = listing(4).max_items(10).items();
//! while first.try_next().await.unwrap().is_some() {}
//! let rest: Vec<Bucket> = listing(4)
//!     .resume_from(&first.cursor().unwrap())
//!     .unwrap()
//!     .items()
//!     .try_collect()
//!     .await
//!     .unwrap();
//! assert_eq!(rest.first().and_then(|bucket| bucket.name()), Some(names[10].as_str()));
//! assert_eq!(rest.len(), 13);
//! # }
//! ```
//!
//! Import `IntoPaginator` from this crate rather than from `pagination-core`: the trait is
//! `pagination-core`'s, but its impls for the SDK builders are generated in this crate, and
//! rustc links a dependency (and so sees its impls) only when the code names it.
//!
//! Features: `s3` (aws-sdk-s3) and `config` (aws-sdk-config), both on by default; `route53`,
//! `kinesis`, `dynamodb`, `cloudwatchlogs`, `elasticloadbalancingv2`, `elasticloadbalancing`,
//! `organizations`, `ssm`, `secretsmanager`, `cloudwatch`, `iam`, `athena`, `eventbridge` and
//! `apigatewayv2` (each its SDK crate), off by default: every SDK crate takes minutes to
//! compile, so you build only those you use.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

/// The runtime these paginators run on: streams, cursors, errors, guards. To declare paginators
/// of your own with `#[paginate]`, depend on `pagination-core` directly: the attribute's
/// generated code names that crate.
pub use pagination_core;
pub use pagination_core::{
    CannotPartition, Cursor, Error, IntoPaginator, Paginator, PartitionCursor, PartitionedError,
};

#[cfg(feature = "apigatewayv2")]
pub mod apigatewayv2;
#[cfg(feature = "athena")]
pub mod athena;
#[cfg(feature = "cloudwatch")]
pub mod cloudwatch;
#[cfg(feature = "cloudwatchlogs")]
pub mod cloudwatchlogs;
#[cfg(feature = "config")]
pub mod config;
#[cfg(feature = "dynamodb")]
pub mod dynamodb;
#[cfg(feature = "elasticloadbalancing")]
pub mod elasticloadbalancing;
#[cfg(feature = "elasticloadbalancingv2")]
pub mod elasticloadbalancingv2;
#[cfg(feature = "eventbridge")]
pub mod eventbridge;
#[cfg(feature = "iam")]
pub mod iam;
#[cfg(feature = "kinesis")]
pub mod kinesis;
#[cfg(feature = "organizations")]
pub mod organizations;
#[cfg(feature = "route53")]
pub mod route53;
#[cfg(feature = "s3")]
pub mod s3;
#[cfg(feature = "secretsmanager")]
pub mod secretsmanager;
#[cfg(feature = "ssm")]
pub mod ssm;
