//! Expansion snapshots: what `#[paginate]` generates, pretty-printed and compared with the files
//! in `snapshots/`. Update them with `UPDATE_EXPECT=1 cargo test -p pagination-derive` and read
//! the diff.

use expect_test::{ExpectFile, expect_file};
use proc_macro2::TokenStream;
use quote::quote;

use crate::expand;

fn pretty(tokens: TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens).expect("the expansion is valid Rust");
    prettyplease::unparse(&file)
}

fn check(args: TokenStream, item: TokenStream, expected: ExpectFile) {
    expected.assert_eq(&pretty(expand::paginate(args, item)));
}

#[test]
fn sdk_operation_with_two_tokens_and_several_item_fields() {
    check(
        quote! {
            operation = aws_sdk_s3::operation::list_object_versions,
            input_token = (key_marker, version_id_marker),
            output_token = (next_key_marker, next_version_id_marker),
            more_results = is_truncated,
            page_size = max_keys,
            items = (
                versions: ObjectVersion as Version,
                delete_markers: DeleteMarkerEntry as DeleteMarker,
                common_prefixes: CommonPrefix as CommonPrefix,
            ),
            item_enum = ObjectVersionEntry,
        },
        quote! {
            /// `ListObjectVersions`.
            #[derive(Debug, Clone, Copy)]
            pub struct ListObjectVersions;
        },
        expect_file!["snapshots/sdk_two_tokens.rs"],
    );
}

#[test]
fn sdk_operation_with_an_enum_token_and_first_page_only_fields() {
    check(
        quote! {
            operation = aws_sdk_kinesis::operation::list_shards,
            input_token = next_token,
            output_token = next_token,
            page_size = max_results,
            items = shards: Shard,
            first_page_only = (stream_name, shard_filter),
        },
        quote!(
            pub struct ListShards;
        ),
        expect_file!["snapshots/sdk_first_page_only.rs"],
    );
}

#[test]
fn sdk_operation_named_by_its_struct_where_the_type_names_differ() {
    check(
        quote! {
            operation = aws_sdk_route53::operation::list_hosted_zones_by_vpc::ListHostedZonesByVPC,
            input_token = next_token,
            output_token = next_token,
            items = hosted_zone_summaries: HostedZoneSummary,
        },
        quote!(
            pub struct ListHostedZonesByVpc;
        ),
        expect_file!["snapshots/sdk_operation_struct.rs"],
    );
}

#[test]
fn owned_builder_with_first_page_only_fields() {
    check(
        quote! {
            input_token = after,
            output_token = next,
            items = rows: Row,
            first_page_only = (filter, since),
        },
        quote! {
            #[derive(Clone, Debug)]
            struct ListRows {
                filter: Option<String>,
                since: u64,
                after: Option<String>,
            }
        },
        expect_file!["snapshots/owned_first_page_only.rs"],
    );
}

#[test]
fn owned_builder_with_a_next_request_function_and_no_output_token() {
    check(
        quote! {
            input_token = offset,
            items = rows: Row,
            page_size = limit,
            next_request = next_offset,
        },
        quote! {
            #[derive(Clone, Debug)]
            struct ListRows {
                offset: Option<u64>,
                limit: Option<u32>,
            }
        },
        expect_file!["snapshots/owned_next_request.rs"],
    );
}

#[test]
fn sdk_operation_with_an_item_order_and_a_next_request_function() {
    check(
        quote! {
            operation = aws_sdk_s3::operation::list_objects,
            input_token = marker,
            output_token = next_marker,
            more_results = is_truncated,
            items = (contents: Object, common_prefixes: CommonPrefix),
            next_request = paging::decode_marker,
            item_order = paging::by_key,
        },
        quote!(
            pub struct ListObjects;
        ),
        expect_file!["snapshots/sdk_hooks.rs"],
    );
}

#[test]
fn sdk_operation_with_a_fallback_token() {
    check(
        quote! {
            operation = aws_sdk_s3::operation::list_objects,
            input_token = marker,
            output_token = next_marker || contents?.last()?.key,
            more_results = is_truncated,
            page_size = max_keys,
            items = contents: Object,
        },
        quote!(
            pub struct ListObjects;
        ),
        expect_file!["snapshots/sdk_fallback_token.rs"],
    );
}

#[test]
fn sdk_operation_with_nested_token_flag_and_items() {
    check(
        quote! {
            operation = aws_sdk_s3::operation::get_object_attributes,
            input_token = part_number_marker,
            output_token = object_parts?.next_part_number_marker,
            more_results = object_parts?.is_truncated,
            page_size = max_parts,
            items = object_parts?.parts: ObjectPart,
        },
        quote!(
            pub struct GetObjectAttributes;
        ),
        expect_file!["snapshots/sdk_nested_paths.rs"],
    );
}

#[test]
fn a_request_builder_the_user_owns() {
    check(
        quote! {
            input_token = token,
            output_token = next_token,
            page_size = limit,
            items = users: User,
        },
        quote! {
            #[derive(Clone, Debug)]
            pub struct ListUsers {
                client: Client,
                token: Option<String>,
                limit: Option<u32>,
            }
        },
        expect_file!["snapshots/owned_builder.rs"],
    );
}

#[test]
fn mistakes_expand_to_the_item_and_compile_errors() {
    check(
        quote!(input_token = token, imtes = users: User, colour = red),
        quote!(
            pub struct ListUsers {
                token: Option<String>,
            }
        ),
        expect_file!["snapshots/mistakes.rs"],
    );
}
mod fuzz;
