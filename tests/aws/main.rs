//! Integration tests against a real AWS-compatible endpoint (moto server on 127.0.0.1, started
//! and stopped by these tests) with the real SDK clients, and against aws-smithy-mocks models
//! or the scripted S3 endpoint (`pagination_examples::s3_endpoint`) where moto cannot serve a
//! case. One binary, so the SDKs are linked once.

mod boto_parity;
mod config_parity;
mod config_sdk_parity;
#[cfg(feature = "all-services")]
mod dynamodb_moto;
mod faults;
mod fixtures;
mod list_object_versions;
mod list_objects;
mod list_objects_v2_parity;
#[cfg(feature = "all-services")]
mod marker_model;
#[cfg(feature = "all-services")]
mod mock_apigatewayv2;
#[cfg(feature = "all-services")]
mod mock_athena;
mod mock_bucket_configurations;
#[cfg(feature = "all-services")]
mod mock_cloudwatch;
mod mock_config_items;
#[cfg(feature = "all-services")]
mod mock_eventbridge;
#[cfg(feature = "all-services")]
mod mock_iam;
#[cfg(feature = "all-services")]
mod mock_kinesis;
#[cfg(feature = "all-services")]
mod mock_kinesis_streams;
mod mock_list_objects;
mod mock_multipart_uploads;
mod mock_object_attributes;
#[cfg(feature = "all-services")]
mod mock_organizations;
#[cfg(feature = "all-services")]
mod mock_route53;
#[cfg(feature = "all-services")]
mod mock_ssm;
#[cfg(feature = "all-services")]
mod mock_token_services;
mod models;
#[cfg(feature = "all-services")]
mod moto_services;
mod next_request_never_advances;
mod resume_every_offset;
#[cfg(feature = "all-services")]
mod route53_moto;
mod s3_aws_rules;
mod s3_directory_buckets;
mod s3_encoding_twins;
mod s3_endpoint;
mod s3_guard_cursors;
mod s3_harness;
mod s3_list_cli;
mod s3_missing_version_marker;
mod s3_parallel;
mod s3_version_order;
mod sdk_cursors;
mod sdk_customize;
mod support;
#[cfg(feature = "all-services")]
mod token_listing;
