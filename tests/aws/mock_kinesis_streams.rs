//! Kinesis ListStreams and ListStreamConsumers against aws-smithy-mocks models that compute
//! every page from the request by the API reference's rules.
//!
//! The ListStreams model serves 100 streams a page at most whatever `Limit` says ("If you specify
//! a value greater than 100, at most 100 results are returned"), and pages two ways: the current
//! service's `NextToken` (refusing a request that carries both it and `ExclusiveStartStreamName`,
//! which the service does not document and ListShards refuses for its equivalents), and the
//! older way of moto and Kinesis emulators, `HasMoreStreams` with no token, the next page asked
//! for by `ExclusiveStartStreamName`. The ListStreamConsumers model refuses
//! `StreamCreationTimestamp` next to `NextToken`, as the service does, and a request without
//! `StreamARN`.

use std::sync::{Arc, Mutex};

use aws_sdk_kinesis::operation::list_stream_consumers::ListStreamConsumersOutput;
use aws_sdk_kinesis::operation::list_streams::{ListStreamsInput, ListStreamsOutput};
use aws_sdk_kinesis::primitives::DateTime;
use aws_sdk_kinesis::types::{Consumer, ConsumerStatus, StreamStatus, StreamSummary};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::Paginator;
use pagination_aws::kinesis::{ListStreamConsumers, ListStreamNames, ListStreams};

use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::resume_at_every_offset;
use crate::token_listing::assert_page_size_clamped;

fn stream_names(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("stream-{i:03}")).collect()
}

fn summary(name: &str) -> StreamSummary {
    StreamSummary::builder()
        .stream_name(name)
        .stream_arn(format!(
            "arn:aws:kinesis:us-east-1:123456789012:stream/{name}"
        ))
        .stream_status(StreamStatus::Active)
        .build()
        .unwrap()
}

/// A request's `(next_token, exclusive_start_stream_name)`.
type Tokens = (Option<String>, Option<String>);

/// What the model saw of a request: `(next_token, exclusive_start_stream_name, limit)`.
type Seen = (Option<String>, Option<String>, Option<i32>);

fn list_streams_page(
    all: &[String],
    input: &ListStreamsInput,
    with_tokens: bool,
) -> ListStreamsOutput {
    let start = match (input.next_token(), input.exclusive_start_stream_name()) {
        (Some(_), Some(_)) => panic!("NextToken and ExclusiveStartStreamName together: {input:?}"),
        (Some(token), None) => {
            assert!(with_tokens, "this endpoint hands out no tokens");
            token.strip_prefix("streams~").unwrap().parse().unwrap()
        }
        (None, Some(after)) => all
            .iter()
            .position(|name| name.as_str() > after)
            .unwrap_or(all.len()),
        (None, None) => 0,
    };
    let limit = input.limit().map_or(100, |limit| {
        assert!((1..=10_000).contains(&limit), "Limit {limit}");
        limit as usize
    });
    let end = (start + limit.min(100)).min(all.len());
    let names = all[start..end].to_vec();
    ListStreamsOutput::builder()
        .set_stream_summaries(Some(names.iter().map(|name| summary(name)).collect()))
        .set_stream_names(Some(names))
        .has_more_streams(end < all.len())
        .set_next_token((with_tokens && end < all.len()).then(|| format!("streams~{end}")))
        .build()
        .unwrap()
}

async fn check_list_streams(with_tokens: bool) {
    let all = stream_names(230);
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let (serving, record) = (all.clone(), Arc::clone(&seen));
    let rule = mock!(aws_sdk_kinesis::Client::list_streams).then_compute_output(move |input| {
        record.lock().unwrap().push((
            input.next_token().map(str::to_owned),
            input.exclusive_start_stream_name().map(str::to_owned),
            input.limit(),
        ));
        list_streams_page(&serving, input, with_tokens)
    });
    let client = mock_client!(aws_sdk_kinesis, RuleMode::MatchAny, [&rule]);
    let names = |summaries: Vec<StreamSummary>| -> Vec<String> {
        summaries
            .iter()
            .map(|summary| summary.stream_name().to_owned())
            .collect()
    };
    // 100 a page at most: page size 500 is sent as 100, and pages of 100 list 230 in 3.
    for (size, pages, sent) in [
        (None, 3, None),
        (Some(7), 33, Some(7)),
        (Some(500), 3, Some(100)),
    ] {
        let paginator = Paginator::<ListStreams>::new(client.list_streams());
        let paginator = match size {
            Some(size) => paginator.page_size(size),
            None => paginator,
        };
        let listed: Vec<StreamSummary> = paginator.items().try_collect().await.unwrap();
        assert_eq!(names(listed), all, "page size {size:?}");
        let requests = std::mem::take(&mut *seen.lock().unwrap());
        assert_eq!(requests.len(), pages, "page size {size:?}");
        assert!(
            requests.iter().all(|request| request.2 == sent),
            "{requests:?}"
        );
        for (index, request) in requests.iter().enumerate().skip(1) {
            let expected = if with_tokens {
                (
                    Some(format!("streams~{}", index * sent.unwrap_or(100) as usize)),
                    None,
                )
            } else {
                (
                    None,
                    Some(all[index * sent.unwrap_or(100) as usize - 1].clone()),
                )
            };
            assert_eq!((request.0.clone(), request.1.clone()), expected);
        }
    }
    // A first request that starts after a stream of its own: then the tokens go on.
    let after: Vec<StreamSummary> = Paginator::<ListStreams>::new(
        client
            .list_streams()
            .exclusive_start_stream_name("stream-149"),
    )
    .page_size(20)
    .items()
    .try_collect()
    .await
    .unwrap();
    assert_eq!(names(after), all[150..]);
    seen.lock().unwrap().clear();
    let resumed = resume_at_every_offset::<ListStreams>(client.list_streams().limit(12)).await;
    assert_eq!(resumed, 230);
}

#[tokio::test]
async fn list_streams_follows_next_token() {
    check_list_streams(true).await;
}

#[tokio::test]
async fn list_streams_follows_the_last_stream_name_where_no_token_comes() {
    check_list_streams(false).await;
}

#[tokio::test]
async fn list_streams_with_more_streams_but_nothing_to_go_on_is_an_error() {
    let rule = mock!(aws_sdk_kinesis::Client::list_streams).then_output(|| {
        ListStreamsOutput::builder()
            .set_stream_names(Some(Vec::new()))
            .has_more_streams(true)
            .build()
            .unwrap()
    });
    let client = mock_client!(aws_sdk_kinesis, RuleMode::MatchAny, [&rule]);
    let result: Result<Vec<StreamSummary>, _> =
        Paginator::<ListStreams>::new(client.list_streams())
            .items()
            .try_collect()
            .await;
    assert!(
        matches!(result, Err(pagination_aws::Error::MissingToken { .. })),
        "{result:?}"
    );
}

#[tokio::test]
async fn list_stream_consumers_sends_the_creation_timestamp_on_the_first_request_only() {
    const ARN: &str = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";
    let consumers = (0..27)
        .map(|i| {
            Consumer::builder()
                .consumer_name(format!("consumer-{i:02}"))
                .consumer_arn(format!("{ARN}/consumer/consumer-{i:02}:1767225600"))
                .consumer_status(ConsumerStatus::Active)
                .consumer_creation_timestamp(DateTime::from_secs(1_767_225_600))
                .build()
                .unwrap()
        })
        .collect();
    let model = Arc::new(TokenModel::new(
        "consumers",
        consumers,
        100,
        100,
        LastPage::NoToken,
    ));
    let serving = Arc::clone(&model);
    let rule =
        mock!(aws_sdk_kinesis::Client::list_stream_consumers).then_compute_output(move |input| {
            assert_eq!(input.stream_arn(), Some(ARN), "StreamARN on every request");
            if input.next_token().is_some() {
                assert_eq!(
                    input.stream_creation_timestamp(),
                    None,
                    "refused with NextToken"
                );
            }
            let page = serving.page(input.next_token(), input.max_results());
            ListStreamConsumersOutput::builder()
                .set_consumers(Some(page.items))
                .set_next_token(page.next)
                .build()
        });
    let client = mock_client!(aws_sdk_kinesis, RuleMode::MatchAny, [&rule]);
    let request = || {
        client
            .list_stream_consumers()
            .stream_arn(ARN)
            .stream_creation_timestamp(DateTime::from_secs(1_767_225_000))
    };
    assert_eq!(
        crate::marker_model::assert_token_listing::<ListStreamConsumers>(request(), &model).await,
        3 * 27
    );
    assert_page_size_clamped::<ListStreamConsumers>(request(), &model, 1000, 100).await;
    assert_eq!(
        resume_at_every_offset::<ListStreamConsumers>(request()).await,
        27
    );
}

/// An endpoint that pages the older way and returns names only (no `StreamSummaries`, as Kinesis
/// before 2022 and its emulators): ListStreamNames lists every name; ListStreams, whose items are
/// the summaries, has none to give.
#[tokio::test]
async fn list_stream_names_on_an_endpoint_without_summaries() {
    let all = stream_names(250);
    let serving = all.clone();
    let rule = mock!(aws_sdk_kinesis::Client::list_streams).then_compute_output(move |input| {
        assert!(input.next_token().is_none());
        let start = input.exclusive_start_stream_name().map_or(0, |after| {
            serving
                .iter()
                .position(|name| name.as_str() > after)
                .unwrap()
        });
        let end =
            (start + input.limit().map_or(100, |limit| limit.min(100) as usize)).min(serving.len());
        ListStreamsOutput::builder()
            .set_stream_names(Some(serving[start..end].to_vec()))
            .has_more_streams(end < serving.len())
            .build()
            .unwrap()
    });
    let client = mock_client!(aws_sdk_kinesis, RuleMode::MatchAny, [&rule]);
    let names: Vec<String> = Paginator::<ListStreamNames>::new(client.list_streams())
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, all);
    assert_eq!(rule.num_calls(), 3);
    let summaries: Vec<StreamSummary> = Paginator::<ListStreams>::new(client.list_streams())
        .items()
        .try_collect()
        .await
        .unwrap();
    assert!(summaries.is_empty(), "as its docs say");
    assert_eq!(
        resume_at_every_offset::<ListStreamNames>(client.list_streams()).await,
        250
    );
}

/// ListStreams with both a token and names on the page: the token is followed, the name is not
/// sent; a token that is an empty string falls back to the last name.
#[tokio::test]
async fn list_streams_prefers_the_token_and_takes_an_empty_one_for_none() {
    let seen: Arc<Mutex<Vec<Tokens>>> = Arc::default();
    let record = Arc::clone(&seen);
    let summary = |name: &str| {
        StreamSummary::builder()
            .stream_name(name)
            .stream_arn(format!("arn:{name}"))
            .stream_status(StreamStatus::Active)
            .build()
            .unwrap()
    };
    let rule = mock!(aws_sdk_kinesis::Client::list_streams).then_compute_output(move |input| {
        let key = (
            input.next_token().map(str::to_owned),
            input.exclusive_start_stream_name().map(str::to_owned),
        );
        record.lock().unwrap().push(key.clone());
        let (names, token, more): (&[&str], Option<&str>, bool) =
            match (key.0.as_deref(), key.1.as_deref()) {
                (None, None) => (&["a", "b"], Some("T1"), true),
                (Some("T1"), None) => (&["c", "d"], Some(""), true),
                (None, Some("d")) => (&["e"], None, false),
                other => panic!("unexpected request {other:?}"),
            };
        ListStreamsOutput::builder()
            .set_stream_names(Some(names.iter().map(|n| n.to_string()).collect()))
            .set_stream_summaries(Some(names.iter().map(|n| summary(n)).collect()))
            .set_next_token(token.map(str::to_owned))
            .has_more_streams(more)
            .build()
            .unwrap()
    });
    let client = mock_client!(aws_sdk_kinesis, RuleMode::MatchAny, [&rule]);
    let names: Vec<String> = Paginator::<ListStreams>::new(client.list_streams())
        .items()
        .map_ok(|s| s.stream_name().to_owned())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
    assert_eq!(seen.lock().unwrap().len(), 3);
}
