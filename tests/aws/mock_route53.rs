//! The Route 53 paginators against aws-smithy-mocks models that compute every page from the
//! request by the API reference's rules (`marker_model`): moto pages none of these but
//! ListResourceRecordSets, and that one without `StartRecordIdentifier` (`route53_moto`).
//!
//! Each model's request markers must name an item exactly, so a marker left over from an
//! earlier page (an identifier after the record sets that had one) fails the test. Record types
//! include one the SDK does not know (`RrType::Unknown`): it travels, and resumes, as its string.

use std::fmt::Debug;
use std::sync::Arc;

use aws_sdk_route53::Client;
use aws_sdk_route53::operation::list_geo_locations::ListGeoLocationsOutput;
use aws_sdk_route53::operation::list_hosted_zones_by_name::ListHostedZonesByNameOutput;
use aws_sdk_route53::operation::list_hosted_zones_by_vpc::ListHostedZonesByVpcOutput;
use aws_sdk_route53::operation::list_resource_record_sets::ListResourceRecordSetsOutput;
use aws_sdk_route53::operation::list_traffic_policy_instances::ListTrafficPolicyInstancesOutput;
use aws_sdk_route53::operation::list_traffic_policy_instances_by_hosted_zone::ListTrafficPolicyInstancesByHostedZoneOutput;
use aws_sdk_route53::operation::list_traffic_policy_instances_by_policy::ListTrafficPolicyInstancesByPolicyOutput;
use aws_sdk_route53::operation::list_vpc_association_authorizations::ListVpcAssociationAuthorizationsOutput;
use aws_sdk_route53::types::{
    GeoLocationDetails, HostedZone, HostedZoneOwner, HostedZoneSummary, ResourceRecord,
    ResourceRecordSet, RrType, TrafficPolicyInstance, Vpc, VpcRegion,
};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::route53::{
    ListGeoLocations, ListHostedZonesByName, ListHostedZonesByVpc, ListResourceRecordSets,
    ListTrafficPolicyInstances, ListTrafficPolicyInstancesByHostedZone,
    ListTrafficPolicyInstancesByPolicy, ListVpcAssociationAuthorizations,
};
use pagination_core::{PageSize, Paginator};

use crate::marker_model::{MarkerModel, Markers, assert_token_listing, marker};
use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::resume_at_every_offset;

/// Lists the model at the service's default page size, 1, 2 and 5: the items are the model's,
/// in order; the first request carries no marker; one request a page. Then resumes at every
/// item offset. Returns how many items were compared.
async fn assert_lists_and_resumes<Op>(
    request: Op::Request,
    model: &MarkerModel<Op::Item>,
    default_page: usize,
) -> usize
where
    Op: PageSize,
    Op::Item: Clone + PartialEq + Debug,
    Op::Error: Debug,
{
    let expected = model.items();
    let mut compared = 0;
    for size in [None, Some(1), Some(2), Some(5)] {
        let paginator = Paginator::<Op>::new(request.clone());
        let paginator = match size {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let items: Vec<Op::Item> = paginator.items().try_collect().await.unwrap();
        assert_eq!(items, expected, "page size {size:?}");
        compared += items.len();
        let seen = model.take_seen();
        assert!(seen[0].iter().all(Option::is_none), "{seen:?}");
        let per_page = size.map_or(default_page, |size| size as usize);
        assert_eq!(seen.len(), expected.len().div_ceil(per_page).max(1));
    }
    let resumed = resume_at_every_offset::<Op>(request).await;
    assert_eq!(resumed, expected.len());
    model.take_seen();
    compared + resumed
}

fn record(name: &str, kind: RrType, identifier: Option<&str>) -> (Markers, ResourceRecordSet) {
    let set = ResourceRecordSet::builder()
        .name(name)
        .r#type(kind.clone())
        .set_set_identifier(identifier.map(str::to_owned))
        .set_weight(identifier.map(|_| 10))
        .ttl(300)
        .resource_records(
            ResourceRecord::builder()
                .value("192.0.2.1")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    (
        vec![
            marker(name),
            marker(kind.as_str()),
            identifier.map(str::to_owned),
        ],
        set,
    )
}

#[tokio::test]
async fn list_resource_record_sets() {
    let records = vec![
        record("alpha.example.com.", RrType::A, None),
        record("alpha.example.com.", RrType::Txt, None),
        // Weighted: the identifier appears ...
        record("api.example.com.", RrType::A, Some("blue")),
        record("api.example.com.", RrType::A, Some("green")),
        // ... and disappears: a paginator that keeps "green" asks for a record that is not there.
        record("api.example.com.", RrType::Aaaa, None),
        record("mail.example.com.", RrType::Mx, None),
        record("new.example.com.", RrType::from("XNEWTYPE"), None),
        record("new.example.com.", RrType::Txt, None),
        record("www.example.com.", RrType::A, Some("eu")),
        record("www.example.com.", RrType::A, Some("us")),
        record("www.example.com.", RrType::Cname, None),
        record("zeta.example.com.", RrType::Txt, None),
    ];
    let model = Arc::new(MarkerModel::new("record-sets", records, 100, 300));
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_resource_record_sets).then_compute_output(move |input| {
        assert_eq!(input.hosted_zone_id(), Some("Z1"));
        let markers = vec![
            input.start_record_name().map(str::to_owned),
            input
                .start_record_type()
                .map(|kind| kind.as_str().to_owned()),
            input.start_record_identifier().map(str::to_owned),
        ];
        let page = serving.page(markers, input.max_items());
        let next = page.next.unwrap_or_else(|| vec![None, None, None]);
        ListResourceRecordSetsOutput::builder()
            .set_resource_record_sets(Some(page.items))
            .is_truncated(next[0].is_some())
            .set_next_record_name(next[0].clone())
            .set_next_record_type(next[1].as_deref().map(RrType::from))
            .set_next_record_identifier(next[2].clone())
            .max_items(input.max_items().unwrap_or(100))
            .build()
            .unwrap()
    });
    let client = mock_client!(aws_sdk_route53, RuleMode::MatchAny, [&rule]);
    let request = client.list_resource_record_sets().hosted_zone_id("Z1");
    assert_lists_and_resumes::<ListResourceRecordSets>(request, &model, 100).await;
}

fn zone(name: &str, id: &str) -> (Markers, HostedZone) {
    let zone = HostedZone::builder()
        .id(id)
        .name(name)
        .caller_reference(format!("ref-{id}"))
        .build()
        .unwrap();
    (vec![marker(name), marker(id)], zone)
}

#[tokio::test]
async fn list_hosted_zones_by_name() {
    // Two zones of one name: the zone id tells them apart.
    let zones = vec![
        zone("com.example.", "Z01"),
        zone("com.example.api.", "Z02"),
        zone("com.example.api.", "Z03"),
        zone("net.example.", "Z04"),
        zone("net.example.mail.", "Z05"),
        zone("org.example.", "Z06"),
        zone("org.example.", "Z07"),
        zone("org.example.www.", "Z08"),
    ];
    let model = Arc::new(MarkerModel::new("zones-by-name", zones, 100, 100));
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_hosted_zones_by_name).then_compute_output(move |input| {
        let markers = vec![
            input.dns_name().map(str::to_owned),
            input.hosted_zone_id().map(str::to_owned),
        ];
        let page = serving.page(markers, input.max_items());
        let next = page.next.unwrap_or_else(|| vec![None, None]);
        // The echo of the request: a paginator reading it as the next marker repeats a page.
        ListHostedZonesByNameOutput::builder()
            .set_hosted_zones(Some(page.items))
            .set_dns_name(input.dns_name().map(str::to_owned))
            .set_hosted_zone_id(input.hosted_zone_id().map(str::to_owned))
            .is_truncated(next[0].is_some())
            .set_next_dns_name(next[0].clone())
            .set_next_hosted_zone_id(next[1].clone())
            .max_items(input.max_items().unwrap_or(100))
            .build()
            .unwrap()
    });
    let client = mock_client!(aws_sdk_route53, RuleMode::MatchAny, [&rule]);
    assert_lists_and_resumes::<ListHostedZonesByName>(
        client.list_hosted_zones_by_name(),
        &model,
        100,
    )
    .await;
}

fn instance(zone: &str, name: &str, kind: RrType) -> (Markers, TrafficPolicyInstance) {
    let instance = TrafficPolicyInstance::builder()
        .id(format!("{zone}-{name}-{}", kind.as_str()))
        .hosted_zone_id(zone)
        .name(name)
        .ttl(60)
        .state("Applied")
        .message("")
        .traffic_policy_id("policy-1")
        .traffic_policy_version(1)
        .traffic_policy_type(kind.clone())
        .build()
        .unwrap();
    (
        vec![marker(zone), marker(name), marker(kind.as_str())],
        instance,
    )
}

fn instances() -> Vec<(Markers, TrafficPolicyInstance)> {
    vec![
        instance("Z1", "a.example.com.", RrType::A),
        instance("Z1", "a.example.com.", RrType::Aaaa),
        instance("Z1", "b.example.com.", RrType::A),
        instance("Z1", "c.example.com.", RrType::from("XNEWTYPE")),
        instance("Z2", "a.example.org.", RrType::A),
        instance("Z2", "b.example.org.", RrType::Cname),
        instance("Z3", "a.example.net.", RrType::A),
        instance("Z3", "a.example.net.", RrType::Txt),
    ]
}

/// The markers of a request, as the three-marker operations carry them.
fn three_markers(zone: Option<&str>, name: Option<&str>, kind: Option<&RrType>) -> Markers {
    vec![
        zone.map(str::to_owned),
        name.map(str::to_owned),
        kind.map(|kind| kind.as_str().to_owned()),
    ]
}

#[tokio::test]
async fn list_traffic_policy_instances() {
    let model = Arc::new(MarkerModel::new("policy-instances", instances(), 100, 100));
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_traffic_policy_instances).then_compute_output(move |input| {
        let markers = three_markers(
            input.hosted_zone_id_marker(),
            input.traffic_policy_instance_name_marker(),
            input.traffic_policy_instance_type_marker(),
        );
        let page = serving.page(markers, input.max_items());
        let next = page.next.unwrap_or_else(|| vec![None, None, None]);
        ListTrafficPolicyInstancesOutput::builder()
            .set_traffic_policy_instances(Some(page.items))
            .is_truncated(next[0].is_some())
            .set_hosted_zone_id_marker(next[0].clone())
            .set_traffic_policy_instance_name_marker(next[1].clone())
            .set_traffic_policy_instance_type_marker(next[2].as_deref().map(RrType::from))
            .max_items(input.max_items().unwrap_or(100))
            .build()
            .unwrap()
    });
    let client = mock_client!(aws_sdk_route53, RuleMode::MatchAny, [&rule]);
    assert_lists_and_resumes::<ListTrafficPolicyInstances>(
        client.list_traffic_policy_instances(),
        &model,
        100,
    )
    .await;
}

#[tokio::test]
async fn list_traffic_policy_instances_by_hosted_zone() {
    let of_zone: Vec<(Markers, TrafficPolicyInstance)> = instances()
        .into_iter()
        .filter(|(key, _)| key[0].as_deref() == Some("Z1"))
        .chain(
            ["d", "e", "f", "g"]
                .map(|name| instance("Z1", &format!("{name}.example.com."), RrType::A)),
        )
        .map(|(key, instance)| (key[1..].to_vec(), instance))
        .collect();
    let model = Arc::new(MarkerModel::new("zone-instances", of_zone, 100, 100));
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_traffic_policy_instances_by_hosted_zone).then_compute_output(
        move |input| {
            assert_eq!(input.hosted_zone_id(), Some("Z1"));
            let markers = three_markers(
                None,
                input.traffic_policy_instance_name_marker(),
                input.traffic_policy_instance_type_marker(),
            );
            let page = serving.page(markers[1..].to_vec(), input.max_items());
            let next = page.next.unwrap_or_else(|| vec![None, None]);
            ListTrafficPolicyInstancesByHostedZoneOutput::builder()
                .set_traffic_policy_instances(Some(page.items))
                .is_truncated(next[0].is_some())
                .set_traffic_policy_instance_name_marker(next[0].clone())
                .set_traffic_policy_instance_type_marker(next[1].as_deref().map(RrType::from))
                .max_items(input.max_items().unwrap_or(100))
                .build()
                .unwrap()
        },
    );
    let client = mock_client!(aws_sdk_route53, RuleMode::MatchAny, [&rule]);
    let request = client
        .list_traffic_policy_instances_by_hosted_zone()
        .hosted_zone_id("Z1");
    assert_lists_and_resumes::<ListTrafficPolicyInstancesByHostedZone>(request, &model, 100).await;
}

#[tokio::test]
async fn list_traffic_policy_instances_by_policy() {
    let model = Arc::new(MarkerModel::new(
        "policy-version-instances",
        instances(),
        100,
        100,
    ));
    let serving = Arc::clone(&model);
    let rule =
        mock!(Client::list_traffic_policy_instances_by_policy).then_compute_output(move |input| {
            assert_eq!(input.traffic_policy_id(), Some("policy-1"));
            assert_eq!(input.traffic_policy_version(), Some(1));
            let markers = three_markers(
                input.hosted_zone_id_marker(),
                input.traffic_policy_instance_name_marker(),
                input.traffic_policy_instance_type_marker(),
            );
            let page = serving.page(markers, input.max_items());
            let next = page.next.unwrap_or_else(|| vec![None, None, None]);
            ListTrafficPolicyInstancesByPolicyOutput::builder()
                .set_traffic_policy_instances(Some(page.items))
                .is_truncated(next[0].is_some())
                .set_hosted_zone_id_marker(next[0].clone())
                .set_traffic_policy_instance_name_marker(next[1].clone())
                .set_traffic_policy_instance_type_marker(next[2].as_deref().map(RrType::from))
                .max_items(input.max_items().unwrap_or(100))
                .build()
                .unwrap()
        });
    let client = mock_client!(aws_sdk_route53, RuleMode::MatchAny, [&rule]);
    let request = client
        .list_traffic_policy_instances_by_policy()
        .traffic_policy_id("policy-1")
        .traffic_policy_version(1);
    assert_lists_and_resumes::<ListTrafficPolicyInstancesByPolicy>(request, &model, 100).await;
}

#[tokio::test]
async fn list_geo_locations() {
    // Continents (a continent code only), then countries (a country code), a country's
    // subdivisions (country and subdivision codes): the markers appear and disappear.
    let location = |continent: Option<&str>, country: Option<&str>, subdivision: Option<&str>| {
        let details = GeoLocationDetails::builder()
            .set_continent_code(continent.map(str::to_owned))
            .set_country_code(country.map(str::to_owned))
            .set_subdivision_code(subdivision.map(str::to_owned))
            .build();
        let key = vec![
            continent.map(str::to_owned),
            country.map(str::to_owned),
            subdivision.map(str::to_owned),
        ];
        (key, details)
    };
    let locations = vec![
        location(Some("AF"), None, None),
        location(Some("EU"), None, None),
        location(Some("NA"), None, None),
        location(None, Some("*"), None),
        location(None, Some("DE"), None),
        location(None, Some("FR"), None),
        location(None, Some("UA"), Some("30")),
        location(None, Some("US"), None),
        location(None, Some("US"), Some("AK")),
        location(None, Some("US"), Some("CA")),
        location(None, Some("UY"), None),
    ];
    let model = Arc::new(MarkerModel::new("geo-locations", locations, 100, 100));
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_geo_locations).then_compute_output(move |input| {
        let markers = vec![
            input.start_continent_code().map(str::to_owned),
            input.start_country_code().map(str::to_owned),
            input.start_subdivision_code().map(str::to_owned),
        ];
        let page = serving.page(markers, input.max_items());
        let truncated = page.next.is_some();
        let next = page.next.unwrap_or_else(|| vec![None, None, None]);
        ListGeoLocationsOutput::builder()
            .set_geo_location_details_list(Some(page.items))
            .is_truncated(truncated)
            .set_next_continent_code(next[0].clone())
            .set_next_country_code(next[1].clone())
            .set_next_subdivision_code(next[2].clone())
            .max_items(input.max_items().unwrap_or(100))
            .build()
            .unwrap()
    });
    let client = mock_client!(aws_sdk_route53, RuleMode::MatchAny, [&rule]);
    assert_lists_and_resumes::<ListGeoLocations>(client.list_geo_locations(), &model, 100).await;
}

#[tokio::test]
async fn list_vpc_association_authorizations() {
    let vpcs = (0..23)
        .map(|i| {
            Vpc::builder()
                .vpc_id(format!("vpc-{i:04}"))
                .vpc_region(VpcRegion::UsEast1)
                .build()
        })
        .collect();
    let model = Arc::new(TokenModel::new(
        "vpc-authorizations",
        vpcs,
        50,
        50,
        LastPage::NoToken,
    ));
    let serving = Arc::clone(&model);
    let rule =
        mock!(Client::list_vpc_association_authorizations).then_compute_output(move |input| {
            let page = serving.page(input.next_token(), input.max_results());
            ListVpcAssociationAuthorizationsOutput::builder()
                .hosted_zone_id("Z1")
                .set_vpcs(Some(page.items))
                .set_next_token(page.next)
                .build()
                .unwrap()
        });
    let client = mock_client!(aws_sdk_route53, RuleMode::MatchAny, [&rule]);
    let request = client
        .list_vpc_association_authorizations()
        .hosted_zone_id("Z1");
    assert_token_listing::<ListVpcAssociationAuthorizations>(request, &model).await;
}

#[tokio::test]
async fn list_hosted_zones_by_vpc() {
    let summaries = (0..17)
        .map(|i| {
            HostedZoneSummary::builder()
                .hosted_zone_id(format!("Z{i:03}"))
                .name(format!("zone-{i:03}.internal."))
                .owner(
                    HostedZoneOwner::builder()
                        .owning_account("123456789012")
                        .build(),
                )
                .build()
                .unwrap()
        })
        .collect();
    let model = Arc::new(TokenModel::new(
        "zones-by-vpc",
        summaries,
        100,
        100,
        LastPage::EmptyToken,
    ));
    let serving = Arc::clone(&model);
    let rule = mock!(Client::list_hosted_zones_by_vpc).then_compute_output(move |input| {
        let page = serving.page(input.next_token(), input.max_items());
        ListHostedZonesByVpcOutput::builder()
            .set_hosted_zone_summaries(Some(page.items))
            .max_items(input.max_items().unwrap_or(100))
            .set_next_token(page.next)
            .build()
            .unwrap()
    });
    let client = mock_client!(aws_sdk_route53, RuleMode::MatchAny, [&rule]);
    let request = client
        .list_hosted_zones_by_vpc()
        .vpc_id("vpc-1")
        .vpc_region(VpcRegion::UsEast1);
    assert_token_listing::<ListHostedZonesByVpc>(request, &model).await;
}

#[tokio::test]
async fn a_truncated_page_with_a_type_but_no_name_is_a_missing_token() {
    let rule = mock!(Client::list_resource_record_sets)
        .match_requests(|input| input.start_record_name().is_none())
        .then_output(|| {
            ListResourceRecordSetsOutput::builder()
                .set_resource_record_sets(Some(vec![record("a.example.com.", RrType::A, None).1]))
                .is_truncated(true)
                .next_record_type(RrType::A)
                .max_items(1)
                .build()
                .unwrap()
        });
    let client = mock_client!(aws_sdk_route53, RuleMode::MatchAny, [&rule]);
    let request = client.list_resource_record_sets().hosted_zone_id("Z1");
    let mut items = Paginator::<ListResourceRecordSets>::new(request).items();
    let first = items.try_next().await.unwrap();
    assert!(first.is_some());
    let error = items.try_next().await.unwrap_err();
    assert!(
        matches!(error, pagination_core::Error::MissingToken { .. }),
        "{error:?}"
    );
    // Only the first request went out: none with a type alone.
    assert_eq!(rule.num_calls(), 1);
}
