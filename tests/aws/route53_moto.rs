//! Route 53 ListResourceRecordSets over HTTP against moto, with the real SDK client: moto pages
//! it by `(StartRecordName, StartRecordType)` and `MaxItems` as AWS does (it ignores
//! `StartRecordIdentifier`, so record sets with identifiers are tested against a model in
//! `mock_route53`). The record types travel as the SDK's `RrType`.

use aws_sdk_route53::types::{
    Change, ChangeAction, ChangeBatch, ResourceRecord, ResourceRecordSet, RrType,
};
use futures::TryStreamExt;
use pagination_aws::IntoPaginator;
use pagination_aws::route53::ListResourceRecordSets;

use crate::resume_every_offset::resume_at_every_offset;
use crate::support::{moto, unique_bucket};

const HOSTS: usize = 14;

#[tokio::test]
async fn list_resource_record_sets_over_moto() {
    let server = moto();
    let client = aws_sdk_route53::Client::new(&server.sdk_config().await);
    let domain = format!("{}.example.com.", unique_bucket("zone"));
    let zone = client
        .create_hosted_zone()
        .name(&domain)
        .caller_reference(unique_bucket("ref"))
        .send()
        .await
        .unwrap();
    let zone_id = zone.hosted_zone().unwrap().id().to_owned();
    let mut changes = Vec::new();
    for host in 0..HOSTS {
        let name = format!("host-{host:02}.{domain}");
        let mut kinds = vec![(RrType::A, "192.0.2.1".to_owned())];
        if host % 3 == 0 {
            kinds.push((RrType::Txt, format!("\"host {host}\"")));
        }
        if host % 4 == 0 {
            kinds.push((RrType::Aaaa, "2001:db8::1".to_owned()));
        }
        for (kind, value) in kinds {
            let set = ResourceRecordSet::builder()
                .name(&name)
                .r#type(kind)
                .ttl(60)
                .resource_records(ResourceRecord::builder().value(value).build().unwrap())
                .build()
                .unwrap();
            changes.push(
                Change::builder()
                    .action(ChangeAction::Create)
                    .resource_record_set(set)
                    .build()
                    .unwrap(),
            );
        }
    }
    let created = changes.len();
    client
        .change_resource_record_sets()
        .hosted_zone_id(&zone_id)
        .change_batch(
            ChangeBatch::builder()
                .set_changes(Some(changes))
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();

    // The service's own listing in one page: the reference.
    let whole = client
        .list_resource_record_sets()
        .hosted_zone_id(&zone_id)
        .max_items(300)
        .send()
        .await
        .unwrap();
    assert!(!whole.is_truncated());
    let reference = whole.resource_record_sets().to_vec();
    // The record sets created, and the zone's SOA and NS.
    assert_eq!(reference.len(), created + 2);

    let request = client.list_resource_record_sets().hosted_zone_id(&zone_id);
    for size in [1, 2, 7] {
        let mut pages = request.clone().into_paginator().page_size(size).send();
        let mut listed = Vec::new();
        let mut page_count = 0;
        while let Some(page) = pages.try_next().await.unwrap() {
            page_count += 1;
            listed.extend(page.resource_record_sets().iter().cloned());
        }
        assert_eq!(listed, reference, "page size {size}");
        assert_eq!(page_count, reference.len().div_ceil(size as usize));
    }
    let resumed = resume_at_every_offset::<ListResourceRecordSets>(request).await;
    assert_eq!(resumed, reference.len());
}
