//! Integration tests against a real AWS-compatible endpoint (moto server on 127.0.0.1, started
//! and stopped by these tests) with the real SDK clients, and against aws-smithy-mocks models
//! where moto cannot serve a case. One binary, so the SDKs are linked once.

mod config_parity;
mod list_object_versions;
mod s3_list_cli;
mod support;
