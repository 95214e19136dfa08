//! Kinesis ListShards and DescribeStream against aws-smithy-mocks models that compute every page
//! from the request by the API reference's rules. moto is no reference for either: its
//! ListShards needs the stream's name next to `NextToken` (AWS refuses it), and its
//! DescribeStream ignores `ExclusiveStartShardId`.
//!
//! The ListShards model refuses, as AWS does with `InvalidArgumentException`, a `NextToken` next
//! to `StreamName`, `StreamARN`, `StreamCreationTimestamp`, `ShardFilter`,
//! `ExclusiveStartShardId` or `StreamId`, and a first request without the stream; its tokens are
//! opaque and carry the filter and position server-side, as AWS's do.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use aws_sdk_kinesis::Client;
use aws_sdk_kinesis::operation::describe_stream::DescribeStreamOutput;
use aws_sdk_kinesis::operation::list_shards::{ListShardsError, ListShardsInput, ListShardsOutput};
use aws_sdk_kinesis::primitives::DateTime;
use aws_sdk_kinesis::types::error::InvalidArgumentException;
use aws_sdk_kinesis::types::{
    HashKeyRange, SequenceNumberRange, Shard, ShardFilter, ShardFilterType, StreamDescription,
    StreamStatus,
};
use aws_smithy_mocks::{MockResponse, RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::kinesis::{DescribeStream, ListShards};
use pagination_aws::{Error, IntoPaginator};
use pagination_core::{Paginator, paginate};

use crate::resume_every_offset::resume_at_every_offset;

const STREAM: &str = "clicks";

/// `shardId-000000000000`, ...: every third shard closed (it has an ending sequence number).
fn shards(count: usize) -> Vec<Shard> {
    (0..count)
        .map(|index| {
            Shard::builder()
                .shard_id(format!("shardId-{index:012}"))
                .hash_key_range(
                    HashKeyRange::builder()
                        .starting_hash_key((index * 1000).to_string())
                        .ending_hash_key((index * 1000 + 999).to_string())
                        .build()
                        .unwrap(),
                )
                .sequence_number_range(
                    SequenceNumberRange::builder()
                        .starting_sequence_number(format!("{index}00"))
                        .set_ending_sequence_number((index % 3 == 0).then(|| format!("{index}99")))
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap()
        })
        .collect()
}

/// What a ListShards request carried.
#[derive(Debug, Clone, PartialEq)]
struct SeenList {
    stream_name: Option<String>,
    filtered: bool,
    token: Option<String>,
    max_results: Option<i32>,
}

#[derive(Default)]
struct ListShardsState {
    /// Each token issued: the shards of its listing (after the filter) and where it goes on.
    issued: HashMap<String, (Vec<Shard>, usize)>,
    seen: Vec<SeenList>,
}

/// ListShards as the API reference describes it.
struct ListShardsModel {
    shards: Vec<Shard>,
    state: Mutex<ListShardsState>,
}

impl ListShardsModel {
    fn new(shards: Vec<Shard>) -> Arc<Self> {
        Arc::new(ListShardsModel {
            shards,
            state: Mutex::default(),
        })
    }

    fn serve(&self, input: &ListShardsInput) -> MockResponse<ListShardsOutput, ListShardsError> {
        let mut state = self.state.lock().unwrap();
        state.seen.push(SeenList {
            stream_name: input.stream_name().map(str::to_owned),
            filtered: input.shard_filter().is_some(),
            token: input.next_token().map(str::to_owned),
            max_results: input.max_results(),
        });
        let refuse = |message: &str| {
            MockResponse::Error(ListShardsError::InvalidArgumentException(
                InvalidArgumentException::builder().message(message).build(),
            ))
        };
        let (listing, start) = match input.next_token() {
            Some(token) => {
                // The service names the first parameter it objects to.
                let given = [
                    ("StreamName", input.stream_name().is_some()),
                    ("StreamARN", input.stream_arn().is_some()),
                    ("StreamId", input.stream_id().is_some()),
                    (
                        "StreamCreationTimestamp",
                        input.stream_creation_timestamp().is_some(),
                    ),
                    ("ShardFilter", input.shard_filter().is_some()),
                    (
                        "ExclusiveStartShardId",
                        input.exclusive_start_shard_id().is_some(),
                    ),
                ];
                if let Some((name, _)) = given.iter().find(|(_, given)| *given) {
                    return refuse(&format!(
                        "NextToken and {name} cannot be provided together."
                    ));
                }
                match state.issued.get(token) {
                    Some(position) => position.clone(),
                    None => return refuse("invalid NextToken"),
                }
            }
            None => {
                if input.stream_name() != Some(STREAM) {
                    return refuse("StreamName or StreamARN is required");
                }
                let mut listing = self.shards.clone();
                if let Some(filter) = input.shard_filter() {
                    assert_eq!(filter.r#type(), &ShardFilterType::AtLatest);
                    listing.retain(|shard| {
                        shard
                            .sequence_number_range()
                            .is_some_and(|range| range.ending_sequence_number().is_none())
                    });
                }
                let start = match input.exclusive_start_shard_id() {
                    Some(after) => listing
                        .iter()
                        .position(|shard| shard.shard_id() > after)
                        .unwrap_or(listing.len()),
                    None => 0,
                };
                (listing, start)
            }
        };
        let size = match input.max_results() {
            None => 1000,
            Some(size) if (1..=10_000).contains(&size) => (size as usize).min(1000),
            Some(_) => return refuse("MaxResults is out of range"),
        };
        let end = (start + size).min(listing.len());
        let page = listing[start..end].to_vec();
        let next = (end < listing.len()).then(|| {
            let token = format!("AAAA{:08x}{}", state.issued.len() * 7919 + 13, end);
            state.issued.insert(token.clone(), (listing, end));
            token
        });
        MockResponse::Output(
            ListShardsOutput::builder()
                .set_shards(Some(page))
                .set_next_token(next)
                .build(),
        )
    }

    fn take_seen(&self) -> Vec<SeenList> {
        std::mem::take(&mut self.state.lock().unwrap().seen)
    }
}

fn list_shards_client(model: &Arc<ListShardsModel>) -> (Client, aws_smithy_mocks::Rule) {
    let serving = Arc::clone(model);
    let rule = mock!(Client::list_shards).then_compute_response(move |input| serving.serve(input));
    let client = mock_client!(aws_sdk_kinesis, RuleMode::MatchAny, [&rule]);
    (client, rule)
}

#[tokio::test]
async fn list_shards_names_the_stream_and_filter_on_the_first_request_only() {
    let model = ListShardsModel::new(shards(23));
    let (client, _rule) = list_shards_client(&model);
    let open: Vec<Shard> = model
        .shards
        .iter()
        .filter(|shard| {
            shard
                .sequence_number_range()
                .unwrap()
                .ending_sequence_number()
                .is_none()
        })
        .cloned()
        .collect();
    for size in [None, Some(1), Some(4)] {
        // `Paginator::new`: this file declares a second ListShards paginator, so
        // `into_paginator()` would be ambiguous.
        let paginator = Paginator::<ListShards>::new(
            client
                .list_shards()
                .stream_name(STREAM)
                .stream_creation_timestamp(DateTime::from_secs(1_700_000_000))
                .shard_filter(
                    ShardFilter::builder()
                        .r#type(ShardFilterType::AtLatest)
                        .build()
                        .unwrap(),
                ),
        );
        let paginator = match size {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let listed: Vec<Shard> = paginator.items().try_collect().await.unwrap();
        assert_eq!(listed, open, "page size {size:?}");
        let seen = model.take_seen();
        assert_eq!(
            seen.len(),
            open.len().div_ceil(size.unwrap_or(1000) as usize)
        );
        assert_eq!(seen[0].stream_name.as_deref(), Some(STREAM));
        assert!(seen[0].filtered && seen[0].token.is_none());
        for later in &seen[1..] {
            assert!(later.token.is_some() && later.stream_name.is_none() && !later.filtered);
            assert_eq!(
                later.max_results,
                size.map(|size| size as i32),
                "the page size stays"
            );
        }
    }
}

/// ListShards declared as a paginator that copies the first request would: every key but
/// `first_page_only`.
#[paginate(
    operation = aws_sdk_kinesis::operation::list_shards,
    input_token = next_token,
    output_token = next_token,
    page_size = max_results,
    items = shards: Shard,
)]
struct ListShardsKeepingTheStream;

#[tokio::test]
async fn a_paginator_that_keeps_the_stream_name_is_refused_on_its_second_page() {
    let model = ListShardsModel::new(shards(10));
    let (client, _rule) = list_shards_client(&model);
    let request = client.list_shards().stream_name(STREAM);
    let mut naive = Paginator::<ListShardsKeepingTheStream>::new(request.clone())
        .page_size(4)
        .items();
    let mut listed = Vec::new();
    let error = loop {
        match naive.try_next().await {
            Ok(Some(shard)) => listed.push(shard),
            Ok(None) => panic!("the model must refuse NextToken with StreamName"),
            Err(error) => break error,
        }
    };
    assert_eq!(listed.len(), 4, "the first page is served");
    assert!(matches!(error, Error::Request { .. }), "{error}");
    assert!(
        error.to_string().contains("cannot be provided together"),
        "{error}"
    );
    let seen = model.take_seen();
    assert_eq!(seen.len(), 2);
    assert!(seen[1].token.is_some() && seen[1].stream_name.is_some());

    // The declaration in `pagination_aws` lists the same stream to the end.
    let listed: Vec<Shard> = Paginator::<ListShards>::new(request)
        .page_size(4)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed, model.shards);
}

#[tokio::test]
async fn list_shards_resumes_at_every_offset_without_the_stream_after_a_token() {
    let model = ListShardsModel::new(shards(11));
    let (client, _rule) = list_shards_client(&model);
    let request = client
        .list_shards()
        .stream_name(STREAM)
        .exclusive_start_shard_id("shardId-000000000001");
    // Resumed listings that continue from a token would be refused if they named the stream;
    // those on the first page need it.
    let resumed = resume_at_every_offset::<ListShards>(request).await;
    assert_eq!(resumed, 9, "the shards after shardId-000000000001");
    let seen = model.take_seen();
    assert!(
        seen.iter()
            .all(|seen| seen.token.is_some() != seen.stream_name.is_some())
    );
}

/// DescribeStream: the shards after `ExclusiveStartShardId`, `Limit` a page (default and maximum
/// 100), `HasMoreShards` while shards follow. Records each request's start shard.
fn describe_stream_client(
    shards: Vec<Shard>,
    seen: Arc<Mutex<Vec<Option<String>>>>,
) -> (Client, aws_smithy_mocks::Rule) {
    let rule = mock!(Client::describe_stream).then_compute_output(move |input| {
        assert_eq!(input.stream_name(), Some(STREAM));
        seen.lock()
            .unwrap()
            .push(input.exclusive_start_shard_id().map(str::to_owned));
        let start = match input.exclusive_start_shard_id() {
            Some(after) => shards
                .iter()
                .position(|shard| shard.shard_id() > after)
                .unwrap_or(shards.len()),
            None => 0,
        };
        let size = input
            .limit()
            .map_or(100, |limit| limit.clamp(1, 100) as usize);
        let end = (start + size).min(shards.len());
        DescribeStreamOutput::builder()
            .stream_description(
                StreamDescription::builder()
                    .stream_name(STREAM)
                    .stream_arn(format!(
                        "arn:aws:kinesis:us-east-1:123456789012:stream/{STREAM}"
                    ))
                    .stream_status(StreamStatus::Active)
                    .set_shards(Some(shards[start..end].to_vec()))
                    .has_more_shards(end < shards.len())
                    .retention_period_hours(24)
                    .stream_creation_timestamp(DateTime::from_secs(1_700_000_000))
                    .set_enhanced_monitoring(Some(Vec::new()))
                    .build()
                    .unwrap(),
            )
            .build()
    });
    let client = mock_client!(aws_sdk_kinesis, RuleMode::MatchAny, [&rule]);
    (client, rule)
}

#[tokio::test]
async fn describe_stream_ends_when_has_more_shards_is_false() {
    let all = shards(20);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let (client, rule) = describe_stream_client(all.clone(), Arc::clone(&seen));
    // 20 shards, 5 a page: the fourth page is full and its last shard id present, but
    // `has_more_shards` is false, so no fifth request.
    for (size, pages) in [(None, 1), (Some(1), 20), (Some(5), 4), (Some(7), 3)] {
        let paginator = client
            .describe_stream()
            .stream_name(STREAM)
            .into_paginator();
        let paginator = match size {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let listed: Vec<Shard> = paginator.items().try_collect().await.unwrap();
        assert_eq!(listed, all, "page size {size:?}");
        let starts = std::mem::take(&mut *seen.lock().unwrap());
        assert_eq!(starts.len(), pages, "page size {size:?}: {starts:?}");
        assert_eq!(starts[0], None);
        if let Some(size) = size {
            // Each page starts after the last shard of the page before.
            for (index, start) in starts.iter().enumerate().skip(1) {
                let last = all[index * size as usize - 1].shard_id();
                assert_eq!(start.as_deref(), Some(last));
            }
        }
    }
    assert_eq!(rule.num_calls(), 1 + 20 + 4 + 3);
    let resumed =
        resume_at_every_offset::<DescribeStream>(client.describe_stream().stream_name(STREAM))
            .await;
    assert_eq!(resumed, all.len());
}
