//! DescribeConfigurationAggregators and ListDiscoveredResources declared with `#[paginate]` give
//! the same pages and items as the SDK's own paginators on the same moto data, at several page
//! sizes. Each test has a Config region of its own (moto keeps Config state per region).

use aws_sdk_config::operation::describe_configuration_aggregators::DescribeConfigurationAggregatorsOutput;
use aws_sdk_config::operation::list_discovered_resources::ListDiscoveredResourcesOutput;
use aws_sdk_config::types::{
    AccountAggregationSource, ConfigurationAggregator, ResourceIdentifier, ResourceType,
};
use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};
use futures::TryStreamExt;
use pagination_core::{Paginator, paginate};

use crate::support::{moto, unique_bucket};

/// `DescribeConfigurationAggregators`, declared here as a user would.
#[paginate(
    operation = aws_sdk_config::operation::describe_configuration_aggregators,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = configuration_aggregators: ConfigurationAggregator,
)]
struct DescribeConfigurationAggregators;

/// `ListDiscoveredResources`, declared here as a user would.
#[paginate(
    operation = aws_sdk_config::operation::list_discovered_resources,
    input_token = next_token,
    output_token = next_token,
    page_size = limit,
    items = resource_identifiers: ResourceIdentifier,
)]
struct ListDiscoveredResources;

/// Names per page, and the page's next token.
type PageSummary = (Vec<String>, Option<String>);

#[tokio::test]
async fn describe_configuration_aggregators_matches_the_sdk_paginator() {
    let server = moto();
    let client = server.config_client("af-south-1");
    const COUNT: usize = 12;
    for index in 0..COUNT {
        client
            .put_configuration_aggregator()
            .configuration_aggregator_name(format!("aggregator-{index:02}"))
            .account_aggregation_sources(
                AccountAggregationSource::builder()
                    .account_ids("123456789012")
                    .all_aws_regions(true)
                    .build()
                    .unwrap(),
            )
            .send()
            .await
            .unwrap();
    }
    let summarize = |page: &DescribeConfigurationAggregatorsOutput| -> PageSummary {
        (
            page.configuration_aggregators()
                .iter()
                .map(|a| {
                    a.configuration_aggregator_name()
                        .unwrap_or_default()
                        .to_owned()
                })
                .collect(),
            page.next_token().map(str::to_owned),
        )
    };

    for page_size in [None, Some(1), Some(5), Some(100)] {
        let context = format!("page size {page_size:?}");
        let sdk = || {
            let paginator = client.describe_configuration_aggregators().into_paginator();
            match page_size {
                Some(size) => paginator.page_size(size),
                None => paginator,
            }
        };
        let mut ours = Paginator::<DescribeConfigurationAggregators>::new(
            client.describe_configuration_aggregators(),
        );
        if let Some(size) = page_size {
            ours = ours.page_size(size as u32);
        }
        let sdk_pages: Vec<PageSummary> = sdk()
            .send()
            .try_collect()
            .await
            .unwrap()
            .iter()
            .map(summarize)
            .collect();
        let our_pages: Vec<PageSummary> = ours
            .clone()
            .send()
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .iter()
            .map(summarize)
            .collect();
        assert_eq!(our_pages, sdk_pages, "{context}");
        let expected_pages = match page_size {
            Some(size) => COUNT.div_ceil(size as usize),
            None => 1,
        };
        assert_eq!(our_pages.len(), expected_pages, "{context}");

        let sdk_items: Vec<ConfigurationAggregator> =
            sdk().items().send().try_collect().await.unwrap();
        let our_items: Vec<ConfigurationAggregator> = ours.items().try_collect().await.unwrap();
        assert_eq!(our_items.len(), COUNT, "{context}");
        assert_eq!(our_items, sdk_items, "{context}");
    }
}

#[tokio::test]
async fn list_discovered_resources_matches_the_sdk_paginator() {
    const REGION: &str = "ap-northeast-3";
    const COUNT: usize = 23;
    let server = moto();
    let s3 = server.s3_client();
    // moto's Config lists the S3 buckets of the client's region: buckets made in this region
    // belong to this test alone.
    let mut buckets = Vec::new();
    for _ in 0..COUNT {
        let bucket = unique_bucket("discovered");
        s3.create_bucket()
            .bucket(&bucket)
            .create_bucket_configuration(
                CreateBucketConfiguration::builder()
                    .location_constraint(BucketLocationConstraint::from(REGION))
                    .build(),
            )
            .send()
            .await
            .unwrap();
        buckets.push(bucket);
    }
    buckets.sort();
    let client = server.config_client(REGION);
    let request = || {
        client
            .list_discovered_resources()
            .resource_type(ResourceType::Bucket)
    };
    let summarize = |page: &ListDiscoveredResourcesOutput| -> PageSummary {
        (
            page.resource_identifiers()
                .iter()
                .map(|r| r.resource_id().unwrap_or_default().to_owned())
                .collect(),
            page.next_token().map(str::to_owned),
        )
    };

    for page_size in [None, Some(1), Some(7), Some(100)] {
        let context = format!("page size {page_size:?}");
        let sdk = || match page_size {
            Some(size) => request().into_paginator().page_size(size),
            None => request().into_paginator(),
        };
        let mut ours = Paginator::<ListDiscoveredResources>::new(request());
        if let Some(size) = page_size {
            ours = ours.page_size(size as u32);
        }
        let sdk_pages: Vec<PageSummary> = sdk()
            .send()
            .try_collect()
            .await
            .unwrap()
            .iter()
            .map(summarize)
            .collect();
        let our_pages: Vec<PageSummary> = ours
            .clone()
            .send()
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .iter()
            .map(summarize)
            .collect();
        assert_eq!(our_pages, sdk_pages, "{context}");
        let expected_pages = COUNT.div_ceil(page_size.unwrap_or(100) as usize);
        assert_eq!(our_pages.len(), expected_pages, "{context}");

        let sdk_items: Vec<ResourceIdentifier> = sdk().items().send().try_collect().await.unwrap();
        let our_items: Vec<ResourceIdentifier> = ours.items().try_collect().await.unwrap();
        let ids: Vec<&str> = our_items.iter().map(|r| r.resource_id().unwrap()).collect();
        assert_eq!(ids, buckets, "{context}");
        assert_eq!(our_items, sdk_items, "{context}");
    }

    // A limit above 100 is refused (400) by both, on the first page.
    let sdk_error = request()
        .into_paginator()
        .page_size(101)
        .send()
        .try_collect()
        .await;
    assert!(sdk_error.is_err());
    let our_error = Paginator::<ListDiscoveredResources>::new(request())
        .page_size(101)
        .items()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    let service_error = our_error
        .request_error()
        .expect("a request error")
        .as_service_error();
    assert!(
        service_error.is_some_and(|error| error.is_invalid_limit_exception()),
        "{our_error:?}"
    );
}
