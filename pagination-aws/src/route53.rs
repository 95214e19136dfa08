//! Paginators for `aws-sdk-route53` operations that lack one.
//!
//! Route 53 pages most of its listings by several markers that travel together, not by one
//! token. The SDK for Rust pages none of these listings (botocore's paginators cover
//! ListResourceRecordSets, not the others). Each
//! declaration here sets every marker from the page before, clears one the page leaves out
//! (a record set without an identifier after one with), and ends on `is_truncated`. Two markers
//! are SDK enums (`RrType`): they travel, and cursors carry them, as their strings.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use pagination_aws::IntoPaginator;
//! use aws_sdk_route53::types::ResourceRecordSet;
//!
//! # async fn example(client: aws_sdk_route53::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let records: Vec<ResourceRecordSet> = client
//!     .list_resource_record_sets()
//!     .hosted_zone_id("Z1D633PJN98FT9")
//!     .into_paginator()
//!     .page_size(300)
//!     .items()
//!     .try_collect()
//!     .await?;
//! # Ok(())
//! # }
//! ```

use aws_sdk_route53::types::{
    GeoLocationDetails, HostedZone, HostedZoneSummary, ResourceRecordSet, TrafficPolicyInstance,
    Vpc,
};
use pagination_core::paginate;

/// `ListResourceRecordSets`: the record sets of a hosted zone, as items of type
/// [`ResourceRecordSet`], in Route 53's order (by name, then type).
///
/// Paging rule: `(start_record_name, start_record_type, start_record_identifier)` from
/// `(next_record_name, next_record_type, next_record_identifier)`, together; the identifier is
/// present only when the next record set has one (a routing policy other than simple), and is
/// then cleared rather than left from an earlier page; ends when `is_truncated` is false. A
/// truncated page without `next_record_name` is [`Error::MissingToken`](crate::Error::MissingToken)
/// rather than a request with a type alone (which Route 53 refuses). `page_size` sets
/// `max_items` (at most 300).
///
/// Source: the [Route 53 API reference](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListResourceRecordSets.html):
/// `IsTruncated`: "If your results were truncated, you can make a follow-up pagination request by
/// using the NextRecordName element", with `NextRecordType` alongside; `NextRecordIdentifier`:
/// "Resource record sets that have a routing policy other than simple: If results were truncated
/// for a given DNS name and type, the value of SetIdentifier for the next resource record set
/// that has the current DNS name and type". The start name and type may also be set by
/// you, to start the listing there.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_route53::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let mut records = client
///     .list_resource_record_sets()
///     .hosted_zone_id("Z1D633PJN98FT9")
///     .into_paginator()
///     .items();
/// while let Some(record) = records.try_next().await? {
///     println!("{} {}", record.name(), record.r#type());
/// }
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_route53::operation::list_resource_record_sets,
    input_token = (start_record_name, start_record_type, start_record_identifier),
    output_token = (next_record_name, next_record_type, next_record_identifier),
    more_results = is_truncated,
    page_size = max_items,
    items = resource_record_sets: ResourceRecordSet,
    next_request = record_markers,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListResourceRecordSets;

/// `ListHostedZonesByName`: the account's hosted zones in DNS-name order, as items of type
/// [`HostedZone`].
///
/// Paging rule: `(dns_name, hosted_zone_id)` from `(next_dns_name, next_hosted_zone_id)`,
/// together (Route 53 sends both while `is_truncated` is true); ends when `is_truncated` is
/// false; a truncated page without `next_dns_name` is [`Error::MissingToken`](crate::Error::MissingToken)
/// rather than a request with a zone id alone. The output's `dns_name` and `hosted_zone_id` echo the request and are never read as
/// next markers. `page_size` sets `max_items` (at most 100).
///
/// Source: the [Route 53 API reference](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListHostedZonesByName.html):
/// `NextDNSName`: "If IsTruncated is true, the value of NextDNSName is the name of the first
/// hosted zone in the next group of maxitems hosted zones. Call ListHostedZonesByName again and
/// specify the value of NextDNSName and NextHostedZoneId in the dnsname and hostedzoneid
/// parameters, respectively."
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_route53::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let zones: Vec<_> = client.list_hosted_zones_by_name().into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_route53::operation::list_hosted_zones_by_name,
    input_token = (dns_name, hosted_zone_id),
    output_token = (next_dns_name, next_hosted_zone_id),
    more_results = is_truncated,
    page_size = max_items,
    items = hosted_zones: HostedZone,
    next_request = zone_markers,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListHostedZonesByName;

/// ListResourceRecordSets: without `next_record_name`, no marker at all. Route 53 refuses a
/// type without a name (`InvalidInput`); a truncated page without one is a missing token.
fn record_markers(
    request: aws_sdk_route53::operation::list_resource_record_sets::builders::ListResourceRecordSetsFluentBuilder,
    output: &aws_sdk_route53::operation::list_resource_record_sets::ListResourceRecordSetsOutput,
) -> aws_sdk_route53::operation::list_resource_record_sets::builders::ListResourceRecordSetsFluentBuilder
{
    if output.next_record_name().is_some() {
        return request;
    }
    request
        .set_start_record_name(None)
        .set_start_record_type(None)
        .set_start_record_identifier(None)
}

/// ListHostedZonesByName: without `next_dns_name`, no marker at all (a zone id alone would
/// restart the listing).
fn zone_markers(
    request: aws_sdk_route53::operation::list_hosted_zones_by_name::builders::ListHostedZonesByNameFluentBuilder,
    output: &aws_sdk_route53::operation::list_hosted_zones_by_name::ListHostedZonesByNameOutput,
) -> aws_sdk_route53::operation::list_hosted_zones_by_name::builders::ListHostedZonesByNameFluentBuilder
{
    if output.next_dns_name().is_some() {
        return request;
    }
    request.set_dns_name(None).set_hosted_zone_id(None)
}

/// `ListTrafficPolicyInstances`: the account's traffic policy instances, as items of type
/// [`TrafficPolicyInstance`].
///
/// Paging rule: `(hosted_zone_id_marker, traffic_policy_instance_name_marker,
/// traffic_policy_instance_type_marker)` from the output fields of the same names, together;
/// ends when `is_truncated` is false. `page_size` sets `max_items`.
///
/// Source: the [Route 53 API reference](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListTrafficPolicyInstances.html):
/// `HostedZoneIdMarker`: "If the value of IsTruncated in the previous response was true, you have
/// more traffic policy instances. To get more traffic policy instances, submit another
/// ListTrafficPolicyInstances request. For the value of HostedZoneId, specify the value of
/// HostedZoneIdMarker from the previous response", and likewise for the name and type markers.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_route53::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let instances: Vec<_> = client.list_traffic_policy_instances().into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_route53::operation::list_traffic_policy_instances,
    input_token = (
        hosted_zone_id_marker,
        traffic_policy_instance_name_marker,
        traffic_policy_instance_type_marker,
    ),
    output_token = (
        hosted_zone_id_marker,
        traffic_policy_instance_name_marker,
        traffic_policy_instance_type_marker,
    ),
    more_results = is_truncated,
    page_size = max_items,
    items = traffic_policy_instances: TrafficPolicyInstance,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListTrafficPolicyInstances;

/// `ListTrafficPolicyInstancesByHostedZone`: the traffic policy instances of one hosted zone,
/// as items of type [`TrafficPolicyInstance`].
///
/// Paging rule: `(traffic_policy_instance_name_marker, traffic_policy_instance_type_marker)`
/// from the output fields of the same names, together; ends when `is_truncated` is false.
/// `page_size` sets `max_items`.
///
/// Source: the [Route 53 API reference](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListTrafficPolicyInstancesByHostedZone.html),
/// as for `ListTrafficPolicyInstances`, without the hosted-zone marker.
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_route53::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_traffic_policy_instances_by_hosted_zone().hosted_zone_id("Z1D633PJN98FT9");
/// let instances: Vec<_> = request.into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_route53::operation::list_traffic_policy_instances_by_hosted_zone,
    input_token = (traffic_policy_instance_name_marker, traffic_policy_instance_type_marker),
    output_token = (traffic_policy_instance_name_marker, traffic_policy_instance_type_marker),
    more_results = is_truncated,
    page_size = max_items,
    items = traffic_policy_instances: TrafficPolicyInstance,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListTrafficPolicyInstancesByHostedZone;

/// `ListTrafficPolicyInstancesByPolicy`: the instances of one traffic policy version, as items
/// of type [`TrafficPolicyInstance`].
///
/// Paging rule: as [`ListTrafficPolicyInstances`]: the three markers from the output fields of
/// the same names, together; `is_truncated`; `page_size` sets `max_items`.
///
/// Source: the [Route 53 API reference](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListTrafficPolicyInstancesByPolicy.html).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_route53::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client
///     .list_traffic_policy_instances_by_policy()
///     .traffic_policy_id("12345678-abcd-9876-fedc-1a2b3c4de5f6")
///     .traffic_policy_version(1);
/// let instances: Vec<_> = request.into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_route53::operation::list_traffic_policy_instances_by_policy,
    input_token = (
        hosted_zone_id_marker,
        traffic_policy_instance_name_marker,
        traffic_policy_instance_type_marker,
    ),
    output_token = (
        hosted_zone_id_marker,
        traffic_policy_instance_name_marker,
        traffic_policy_instance_type_marker,
    ),
    more_results = is_truncated,
    page_size = max_items,
    items = traffic_policy_instances: TrafficPolicyInstance,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListTrafficPolicyInstancesByPolicy;

/// `ListGeoLocations`: the locations Route 53 supports for geolocation records, as items of type
/// [`GeoLocationDetails`].
///
/// Paging rule: `(start_continent_code, start_country_code, start_subdivision_code)` from
/// `(next_continent_code, next_country_code, next_subdivision_code)`, together (an absent one
/// cleared); ends when `is_truncated` is false. `page_size` sets `max_items`.
///
/// Source: the [Route 53 API reference](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListGeoLocations.html):
/// "If IsTruncated is true, you can make a follow-up request to display more locations. Enter
/// the value of NextContinentCode in the startcontinentcode parameter" (and likewise the country
/// and subdivision codes, each only when present).
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_route53::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let locations: Vec<_> = client.list_geo_locations().into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_route53::operation::list_geo_locations,
    input_token = (start_continent_code, start_country_code, start_subdivision_code),
    output_token = (next_continent_code, next_country_code, next_subdivision_code),
    more_results = is_truncated,
    page_size = max_items,
    items = geo_location_details_list: GeoLocationDetails,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListGeoLocations;

/// `ListVPCAssociationAuthorizations`: the VPCs of other accounts authorized to be associated
/// with a hosted zone, as items of type [`Vpc`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_results`.
///
/// Source: the [Route 53 API reference](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListVPCAssociationAuthorizations.html):
/// "When the response includes a NextToken element, there are more VPCs that can be associated
/// with the specified hosted zone. To get the next page of VPCs, submit another
/// ListVPCAssociationAuthorizations request, and include the value of the NextToken element from
/// the response in the nexttoken request parameter".
///
/// ```no_run
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_route53::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client.list_vpc_association_authorizations().hosted_zone_id("Z1D633PJN98FT9");
/// let vpcs: Vec<_> = request.into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_route53::operation::list_vpc_association_authorizations::ListVPCAssociationAuthorizations,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = vpcs: Vpc,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListVpcAssociationAuthorizations;

/// `ListHostedZonesByVPC`: the private hosted zones a VPC is associated with, as items of type
/// [`HostedZoneSummary`].
///
/// Paging rule: `next_token` from the output's `next_token`; ends when it is absent or empty.
/// `page_size` sets `max_items`.
///
/// Source: the [Route 53 API reference](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListHostedZonesByVPC.html):
/// "If the previous response included a NextToken element, the specified VPC is associated with
/// more hosted zones. To get more hosted zones, submit another ListHostedZonesByVPC request. For
/// the value of NextToken, specify the value of NextToken from the previous response".
///
/// ```no_run
/// use aws_sdk_route53::types::VpcRegion;
/// use futures::TryStreamExt;
/// use pagination_aws::IntoPaginator;
///
/// # async fn example(client: aws_sdk_route53::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let request = client
///     .list_hosted_zones_by_vpc()
///     .vpc_id("vpc-1a2b3c4d")
///     .vpc_region(VpcRegion::UsEast1);
/// let zones: Vec<_> = request.into_paginator().items().try_collect().await?;
/// # Ok(())
/// # }
/// ```
#[paginate(
    operation = aws_sdk_route53::operation::list_hosted_zones_by_vpc::ListHostedZonesByVPC,
    input_token = next_token,
    output_token = next_token,
    page_size = max_items,
    items = hosted_zone_summaries: HostedZoneSummary,
)]
#[derive(Debug, Clone, Copy)]
pub struct ListHostedZonesByVpc;
