//! Support shared by the examples, integration tests and benchmarks of the `pagination`
//! workspace: a moto server on loopback, seeding of versioned buckets, and a scripted S3
//! endpoint that pages as AWS documents.

pub mod moto;
pub mod s3_endpoint;
pub mod seed;
