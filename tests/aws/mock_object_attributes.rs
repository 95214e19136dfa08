//! `pagination_aws::s3::GetObjectAttributes` (the parts of one multipart object) against an
//! aws-smithy-mocks model: moto does not page object parts.
//!
//! The model, from the GetObjectAttributes documentation and ListParts' observed behaviour:
//! - ObjectParts is returned only when `ObjectAttributes::ObjectParts` is asked for and the object
//!   was uploaded in parts; otherwise the response has no `object_parts` at all;
//! - `x-amz-max-parts` (default 1000) parts a page, those with a part number greater than
//!   `x-amz-part-number-marker`; part numbers have gaps, so a marker is a number, not an index;
//! - `object_parts.next_part_number_marker` is the last part number of the page, and on the last
//!   page `"0"` with `is_truncated` false: a paginator that ends on the token alone would send
//!   `"0"` and list again; the model panics on any marker it did not return as a continuation.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use aws_sdk_s3::Client;
use aws_sdk_s3::operation::get_object_attributes::{
    GetObjectAttributesInput, GetObjectAttributesOutput,
};
use aws_sdk_s3::types::{GetObjectAttributesParts, ObjectAttributes, ObjectPart};
use aws_smithy_mocks::{Rule, RuleMode, mock, mock_client};
use futures::TryStreamExt;
use pagination_aws::s3::GetObjectAttributes;
use pagination_core::{IntoPaginator, Paginator};

/// One request: (part-number-marker, max-parts).
type Seen = (Option<String>, Option<i32>);

#[derive(Default)]
struct State {
    /// The markers returned with `is_truncated` true.
    continuations: HashSet<String>,
    seen: Vec<Seen>,
}

struct PartsModel {
    /// `None`: an object uploaded in one piece.
    parts: Option<Vec<ObjectPart>>,
    state: Mutex<State>,
}

impl PartsModel {
    fn new(parts: Option<Vec<ObjectPart>>) -> Arc<Self> {
        Arc::new(PartsModel {
            parts,
            state: Mutex::new(State::default()),
        })
    }

    fn serve(&self, input: &GetObjectAttributesInput) -> GetObjectAttributesOutput {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let marker = input.part_number_marker().map(str::to_owned);
        state.seen.push((marker.clone(), input.max_parts()));
        let output =
            GetObjectAttributesOutput::builder().e_tag("\"3858f62230ac3c915f300c664312c11f-9\"");
        let Some(parts) = &self.parts else {
            return output.object_size(5).build();
        };
        if !input
            .object_attributes()
            .contains(&ObjectAttributes::ObjectParts)
        {
            return output.build();
        }
        let after: i32 = match &marker {
            None => 0,
            Some(marker) => {
                assert!(
                    state.continuations.contains(marker),
                    "part-number-marker {marker:?} was never returned with is_truncated true"
                );
                marker.parse().unwrap()
            }
        };
        let max = match input.max_parts() {
            None => 1000,
            Some(max) if max < 1 => panic!("max-parts {max} is invalid"),
            Some(max) => (max as usize).min(1000),
        };
        let remaining: Vec<&ObjectPart> = parts
            .iter()
            .filter(|p| p.part_number().unwrap() > after)
            .collect();
        let page: Vec<ObjectPart> = remaining.iter().take(max).map(|p| (*p).clone()).collect();
        let truncated = remaining.len() > max;
        let next = if truncated {
            let next = page.last().unwrap().part_number().unwrap().to_string();
            state.continuations.insert(next.clone());
            next
        } else {
            "0".to_owned()
        };
        output
            .object_parts(
                GetObjectAttributesParts::builder()
                    .total_parts_count(parts.len() as i32)
                    .set_part_number_marker(marker)
                    .next_part_number_marker(next)
                    .max_parts(max as i32)
                    .is_truncated(truncated)
                    .set_parts(Some(page))
                    .build(),
            )
            .build()
    }

    fn take_seen(&self) -> Vec<Seen> {
        std::mem::take(&mut self.state.lock().unwrap_or_else(|p| p.into_inner()).seen)
    }
}

fn client_for(model: &Arc<PartsModel>) -> (Client, Rule) {
    let serving = Arc::clone(model);
    let rule =
        mock!(Client::get_object_attributes).then_compute_output(move |input| serving.serve(input));
    let client = mock_client!(aws_sdk_s3, RuleMode::MatchAny, [&rule]);
    (client, rule)
}

/// 23 parts numbered 1..=30 with gaps (a part number is not an index).
fn parts() -> Vec<ObjectPart> {
    (1..=30)
        .filter(|number| number % 4 != 3)
        .map(|number| {
            ObjectPart::builder()
                .part_number(number)
                .size(5 * 1024 * 1024 + i64::from(number))
                .build()
        })
        .collect()
}

#[tokio::test]
async fn object_parts_page_by_next_part_number_marker_until_not_truncated() {
    let model = PartsModel::new(Some(parts()));
    let (client, rule) = client_for(&model);
    let expected = parts();
    assert_eq!(expected.len(), 23);
    let mut calls = 0;
    for page_size in [None, Some(1u32), Some(2), Some(5), Some(23), Some(1000)] {
        let context = format!("page size {page_size:?}");
        let mut paginator = client
            .get_object_attributes()
            .bucket("bucket")
            .key("big.bin")
            .object_attributes(ObjectAttributes::ObjectParts)
            .object_attributes(ObjectAttributes::Etag)
            .into_paginator();
        if let Some(size) = page_size {
            paginator = paginator.page_size(size);
        }
        let items: Vec<ObjectPart> = paginator.items().try_collect().await.unwrap();
        // The model's part numbers are distinct, so equality also rules out duplicates.
        assert_eq!(items, expected, "{context}");
        let seen = model.take_seen();
        let size = page_size.unwrap_or(1000) as usize;
        assert_eq!(seen.len(), expected.len().div_ceil(size), "{context}");
        assert_eq!(seen[0].0, None, "{context}");
        assert!(
            seen.iter()
                .all(|(_, max)| *max == page_size.map(|size| size as i32)),
            "{context}"
        );
        calls += seen.len();
        assert_eq!(rule.num_calls(), calls);
    }
}

#[tokio::test]
async fn an_object_without_parts_is_one_empty_page() {
    // Uploaded in one piece: no ObjectParts in the response.
    let model = PartsModel::new(None);
    let (client, rule) = client_for(&model);
    let request = client
        .get_object_attributes()
        .bucket("bucket")
        .key("small.txt")
        .object_attributes(ObjectAttributes::ObjectParts);
    let pages: Vec<GetObjectAttributesOutput> =
        Paginator::<GetObjectAttributes>::new(request.clone())
            .page_size(10)
            .send()
            .try_collect()
            .await
            .unwrap();
    assert_eq!(pages.len(), 1);
    assert!(pages[0].object_parts().is_none());
    let items: Vec<ObjectPart> = request
        .into_paginator()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert!(items.is_empty());
    assert_eq!(model.take_seen().len(), 2);
    assert_eq!(rule.num_calls(), 2);

    // A multipart object, but ObjectParts not asked for: the same.
    let model = PartsModel::new(Some(parts()));
    let (client, _rule) = client_for(&model);
    let items: Vec<ObjectPart> = client
        .get_object_attributes()
        .bucket("bucket")
        .key("big.bin")
        .object_attributes(ObjectAttributes::ObjectSize)
        .into_paginator()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert!(items.is_empty());
    assert_eq!(model.take_seen().len(), 1);
}

/// The model catches a paginator that ends on the token alone: it sends the final "0".
#[tokio::test]
#[should_panic(expected = "was never returned with is_truncated true")]
async fn the_model_refuses_the_final_zero_marker() {
    let model = PartsModel::new(Some(parts()));
    let (client, _rule) = client_for(&model);
    let mut marker: Option<String> = None;
    for _ in 0..10 {
        let page = client
            .get_object_attributes()
            .bucket("bucket")
            .key("big.bin")
            .object_attributes(ObjectAttributes::ObjectParts)
            .max_parts(10)
            .set_part_number_marker(marker.clone())
            .send()
            .await
            .unwrap();
        // Token-only end check: wrong on purpose.
        marker = page
            .object_parts()
            .and_then(|parts| parts.next_part_number_marker())
            .map(str::to_owned);
        if marker.is_none() {
            break;
        }
    }
}
