//! A tiny stand-in for an AWS SDK crate, following its module conventions:
//! `operation::<op>::{builders::<Op>FluentBuilder, <Op>Input, <Op>Output, <Op>Error}` and
//! `error::SdkError<E>`. Builders have `send()`, `as_input()`, `get_<field>()`,
//! `set_<field>(Option<T>)` and a page-size setter, like the SDK's fluent builders; inputs have
//! a getter per field, `<field>()`, like the SDK's.
//!
//! Included by UI tests with `#[path = "support/fake_sdk.rs"] mod fake_sdk;`.
#![allow(dead_code)]

pub mod error {
    /// The SDK's error wrapper.
    #[derive(Debug)]
    pub struct SdkError<E> {
        pub source: E,
    }
}

pub mod types {
    #[derive(Debug, Clone, PartialEq)]
    pub struct Thing {
        pub key: Option<String>,
        pub size: i64,
    }

    #[derive(Debug, Clone, PartialEq)]
    pub struct Version {
        pub key: Option<String>,
        pub version_id: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq)]
    pub struct DeleteMarker {
        pub key: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq)]
    pub struct CommonPrefix {
        pub prefix: Option<String>,
    }

    #[derive(Debug, Clone, PartialEq)]
    pub struct Part {
        pub part_number: Option<i32>,
    }

    #[derive(Debug, Clone, Default)]
    pub struct Parts {
        pub parts: Option<Vec<Part>>,
        pub next_part_number_marker: Option<String>,
        pub is_truncated: Option<bool>,
    }
}

/// One token (`marker`), page size `max_keys`; the output has `next_marker`, a flag, and items.
/// Serves the keys "k0".."k4", `max_keys` (default 2) a page.
pub mod operation {
    pub mod list_things {
        use crate::fake_sdk::types::Thing;

        #[derive(Debug, Clone, Default)]
        pub struct ListThingsInput {
            pub bucket: Option<String>,
            pub marker: Option<String>,
            pub max_keys: Option<i32>,
        }

        impl ListThingsInput {
            pub fn bucket(&self) -> Option<&str> {
                self.bucket.as_deref()
            }
            pub fn marker(&self) -> Option<&str> {
                self.marker.as_deref()
            }
            pub fn max_keys(&self) -> Option<i32> {
                self.max_keys
            }
        }

        #[derive(Debug, Default)]
        pub struct ListThingsOutput {
            pub things: Option<Vec<Thing>>,
            pub next_marker: Option<String>,
            pub is_truncated: Option<bool>,
        }

        #[derive(Debug)]
        pub struct ListThingsError;

        pub mod builders {
            use super::{ListThingsError, ListThingsInput, ListThingsOutput};
            use crate::fake_sdk::error::SdkError;
            use crate::fake_sdk::types::Thing;

            #[derive(Debug, Clone, Default)]
            pub struct ListThingsFluentBuilder {
                inner: ListThingsInput,
            }

            impl ListThingsFluentBuilder {
                pub fn new() -> Self {
                    Self::default()
                }

                pub async fn send(self) -> Result<ListThingsOutput, SdkError<ListThingsError>> {
                    let start: usize = match self.inner.marker.as_deref() {
                        Some(marker) => marker.parse().map_err(|_| SdkError {
                            source: ListThingsError,
                        })?,
                        None => 0,
                    };
                    let size = self.inner.max_keys.unwrap_or(2) as usize;
                    let end = (start + size).min(5);
                    let things = (start..end)
                        .map(|i| Thing {
                            key: Some(format!("k{i}")),
                            size: i as i64,
                        })
                        .collect();
                    Ok(ListThingsOutput {
                        things: Some(things),
                        next_marker: (end < 5).then(|| end.to_string()),
                        is_truncated: Some(end < 5),
                    })
                }

                pub fn as_input(&self) -> &ListThingsInput {
                    &self.inner
                }

                pub fn bucket(mut self, bucket: impl Into<String>) -> Self {
                    self.inner.bucket = Some(bucket.into());
                    self
                }

                pub fn get_marker(&self) -> &Option<String> {
                    &self.inner.marker
                }

                pub fn set_marker(mut self, marker: Option<String>) -> Self {
                    self.inner.marker = marker;
                    self
                }

                pub fn get_max_keys(&self) -> &Option<i32> {
                    &self.inner.max_keys
                }

                pub fn set_max_keys(mut self, max_keys: Option<i32>) -> Self {
                    self.inner.max_keys = max_keys;
                    self
                }

                pub fn max_keys(mut self, max_keys: i32) -> Self {
                    self.inner.max_keys = Some(max_keys);
                    self
                }
            }
        }
    }

    /// Two tokens carried together, three item fields.
    pub mod list_versions {
        use crate::fake_sdk::types::{CommonPrefix, DeleteMarker, Version};

        #[derive(Debug, Clone, Default)]
        pub struct ListVersionsInput {
            pub key_marker: Option<String>,
            pub version_id_marker: Option<String>,
            pub max_keys: Option<i32>,
        }

        impl ListVersionsInput {
            pub fn key_marker(&self) -> Option<&str> {
                self.key_marker.as_deref()
            }
            pub fn version_id_marker(&self) -> Option<&str> {
                self.version_id_marker.as_deref()
            }
            pub fn max_keys(&self) -> Option<i32> {
                self.max_keys
            }
        }

        #[derive(Debug, Default)]
        pub struct ListVersionsOutput {
            pub versions: Option<Vec<Version>>,
            pub delete_markers: Option<Vec<DeleteMarker>>,
            pub common_prefixes: Option<Vec<CommonPrefix>>,
            pub next_key_marker: Option<String>,
            pub next_version_id_marker: Option<String>,
            pub is_truncated: Option<bool>,
        }

        #[derive(Debug)]
        pub struct ListVersionsError;

        pub mod builders {
            use super::{ListVersionsError, ListVersionsInput, ListVersionsOutput};
            use crate::fake_sdk::error::SdkError;
            use crate::fake_sdk::types::{DeleteMarker, Version};

            #[derive(Debug, Clone, Default)]
            pub struct ListVersionsFluentBuilder {
                inner: ListVersionsInput,
            }

            impl ListVersionsFluentBuilder {
                pub fn new() -> Self {
                    Self::default()
                }

                /// Two pages: the first has a version and a delete marker, the second a version.
                pub async fn send(self) -> Result<ListVersionsOutput, SdkError<ListVersionsError>> {
                    let first = self.inner.key_marker.is_none();
                    let key = if first { "a" } else { "b" };
                    Ok(ListVersionsOutput {
                        versions: Some(vec![Version {
                            key: Some(key.into()),
                            version_id: Some("1".into()),
                        }]),
                        delete_markers: first.then(|| {
                            vec![DeleteMarker {
                                key: Some("a".into()),
                            }]
                        }),
                        common_prefixes: None,
                        next_key_marker: first.then(|| "a".into()),
                        next_version_id_marker: first.then(|| "1".into()),
                        is_truncated: Some(first),
                    })
                }

                pub fn as_input(&self) -> &ListVersionsInput {
                    &self.inner
                }

                pub fn get_key_marker(&self) -> &Option<String> {
                    &self.inner.key_marker
                }

                pub fn set_key_marker(mut self, marker: Option<String>) -> Self {
                    self.inner.key_marker = marker;
                    self
                }

                pub fn get_version_id_marker(&self) -> &Option<String> {
                    &self.inner.version_id_marker
                }

                pub fn set_version_id_marker(mut self, marker: Option<String>) -> Self {
                    self.inner.version_id_marker = marker;
                    self
                }

                pub fn get_max_keys(&self) -> &Option<i32> {
                    &self.inner.max_keys
                }

                pub fn set_max_keys(mut self, max_keys: Option<i32>) -> Self {
                    self.inner.max_keys = max_keys;
                    self
                }

                pub fn max_keys(mut self, max_keys: i32) -> Self {
                    self.inner.max_keys = Some(max_keys);
                    self
                }
            }
        }
    }

    /// The token and the items sit inside an optional sub-structure (`parts?.…`).
    pub mod get_parts {
        use crate::fake_sdk::types::Parts;

        #[derive(Debug, Clone, Default)]
        pub struct GetPartsInput {
            pub part_number_marker: Option<String>,
            pub max_parts: Option<i32>,
        }

        impl GetPartsInput {
            pub fn part_number_marker(&self) -> Option<&str> {
                self.part_number_marker.as_deref()
            }
            pub fn max_parts(&self) -> Option<i32> {
                self.max_parts
            }
        }

        #[derive(Debug, Default)]
        pub struct GetPartsOutput {
            pub parts: Option<Parts>,
        }

        #[derive(Debug)]
        pub struct GetPartsError;

        pub mod builders {
            use super::{GetPartsError, GetPartsInput, GetPartsOutput};
            use crate::fake_sdk::error::SdkError;
            use crate::fake_sdk::types::{Part, Parts};

            #[derive(Debug, Clone, Default)]
            pub struct GetPartsFluentBuilder {
                inner: GetPartsInput,
            }

            impl GetPartsFluentBuilder {
                pub fn new() -> Self {
                    Self::default()
                }

                /// Parts 1..=3, one a page.
                pub async fn send(self) -> Result<GetPartsOutput, SdkError<GetPartsError>> {
                    let after: i32 = match self.inner.part_number_marker.as_deref() {
                        Some(marker) => marker.parse().map_err(|_| SdkError {
                            source: GetPartsError,
                        })?,
                        None => 0,
                    };
                    let number = after + 1;
                    Ok(GetPartsOutput {
                        parts: Some(Parts {
                            parts: Some(vec![Part {
                                part_number: Some(number),
                            }]),
                            next_part_number_marker: Some(number.to_string()),
                            is_truncated: Some(number < 3),
                        }),
                    })
                }

                pub fn as_input(&self) -> &GetPartsInput {
                    &self.inner
                }

                pub fn get_part_number_marker(&self) -> &Option<String> {
                    &self.inner.part_number_marker
                }

                pub fn set_part_number_marker(mut self, marker: Option<String>) -> Self {
                    self.inner.part_number_marker = marker;
                    self
                }

                pub fn set_max_parts(mut self, max_parts: Option<i32>) -> Self {
                    self.inner.max_parts = max_parts;
                    self
                }

                pub fn max_parts(mut self, max_parts: i32) -> Self {
                    self.inner.max_parts = Some(max_parts);
                    self
                }
            }
        }
    }
}
