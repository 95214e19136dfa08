//! Support shared by the examples, integration tests and benchmarks of the `pagination`
//! workspace: a moto server on loopback, and seeding of versioned buckets.

pub mod moto;
pub mod seed;
