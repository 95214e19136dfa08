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
//! `cloudwatchlogs`, `elasticloadbalancingv2`, `elasticloadbalancing`) lists its operations with
//! their paging rules.
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
//! Import `IntoPaginator` from this crate rather than from `pagination-core`: rustc loads a
//! dependency only when the code names it, and the `into_paginator()` impls live here.
//!
//! Features: `s3` (aws-sdk-s3) and `config` (aws-sdk-config), both on by default; `route53`,
//! `kinesis`, `dynamodb`, `cloudwatchlogs`, `elasticloadbalancingv2` and
//! `elasticloadbalancing` (each its SDK crate), off by default: every SDK crate takes minutes
//! to compile, so you build only those you use.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

/// The runtime these paginators run on: streams, cursors, errors, guards.
pub use pagination_core;
pub use pagination_core::{Cursor, Error, IntoPaginator, Paginator};

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
#[cfg(feature = "kinesis")]
pub mod kinesis;
#[cfg(feature = "route53")]
pub mod route53;
#[cfg(feature = "s3")]
pub mod s3;
