//! DynamoDB ListTagsOfResource over HTTP against moto, with the real SDK client: moto pages it by
//! `NextToken`, ten tags a page (AWS documents no page size for it), which is what the API
//! reference describes. The other DynamoDB operations are tested against models
//! (`mock_token_services`): moto answers them in one page.

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType, Tag,
};
use futures::TryStreamExt;
use pagination_aws::IntoPaginator;

use crate::support::{moto, unique_bucket};

#[tokio::test]
async fn list_tags_of_resource_over_moto() {
    let server = moto();
    let client = aws_sdk_dynamodb::Client::new(&server.sdk_config().await);
    let table = unique_bucket("tagged");
    let created = client
        .create_table()
        .table_name(&table)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("pk")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("pk")
                .key_type(KeyType::Hash)
                .build()
                .unwrap(),
        )
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await
        .unwrap();
    let arn = created
        .table_description()
        .unwrap()
        .table_arn()
        .unwrap()
        .to_owned();
    // 34 tags: four pages of moto's ten, the last one short.
    let tags: Vec<Tag> = (0..34)
        .map(|index| {
            Tag::builder()
                .key(format!("team-{index:02}"))
                .value(format!("value-{index}"))
                .build()
                .unwrap()
        })
        .collect();
    client
        .tag_resource()
        .resource_arn(&arn)
        .set_tags(Some(tags.clone()))
        .send()
        .await
        .unwrap();

    let mut pages = client
        .list_tags_of_resource()
        .resource_arn(&arn)
        .into_paginator()
        .send();
    let (mut listed, mut page_count) = (Vec::new(), 0);
    while let Some(page) = pages.try_next().await.unwrap() {
        page_count += 1;
        listed.extend(page.tags().iter().cloned());
    }
    assert_eq!(page_count, 4);
    let mut keys: Vec<&str> = listed.iter().map(Tag::key).collect();
    keys.sort_unstable();
    let expected: Vec<&str> = tags.iter().map(Tag::key).collect();
    assert_eq!(keys, expected, "every tag once");
    assert_eq!(listed.len(), tags.len());
}
