//! Two declarations' features, against a Route 53 / Kinesis-like API: tokens of a string-enum
//! type no `TokenValue` impl covers (travelling as their string), and a parameter the service
//! takes on the first request only (`first_page_only`), refused next to a token.

use std::sync::{Arc, Mutex};

use futures::TryStreamExt;
use pagination_core::{Cursor, CursorError, IntoPaginator, PageRequest, Paginator, paginate};

/// A record type as the AWS SDK generates enums: known variants, and `Unknown` keeping any other
/// string. `AsRef<str>` and `From<&str>`, no `TokenValue`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RecordType {
    A,
    Txt,
    Unknown(String),
}

impl From<&str> for RecordType {
    fn from(text: &str) -> Self {
        match text {
            "A" => RecordType::A,
            "TXT" => RecordType::Txt,
            other => RecordType::Unknown(other.to_owned()),
        }
    }
}

impl AsRef<str> for RecordType {
    fn as_ref(&self) -> &str {
        match self {
            RecordType::A => "A",
            RecordType::Txt => "TXT",
            RecordType::Unknown(text) => text,
        }
    }
}

/// The records the zone holds, in the service's order (name, then type's string).
fn zone() -> Vec<(String, RecordType)> {
    let mut records = Vec::new();
    for index in 0..9 {
        let name = format!("host-{index}.example.");
        records.push((name.clone(), RecordType::A));
        if index % 3 == 0 {
            records.push((name.clone(), RecordType::Unknown("SVCB".into())));
        }
        if index % 2 == 0 {
            records.push((name, RecordType::Txt));
        }
    }
    records.sort_by(|a, b| (&a.0, a.1.as_ref()).cmp(&(&b.0, b.1.as_ref())));
    records
}

/// What each request carried.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    pub zone: Option<String>,
    pub start: Option<(String, RecordType)>,
}

#[derive(Clone, Debug, Default)]
pub struct Log(Arc<Mutex<Vec<Sent>>>);

impl Log {
    fn take(&self) -> Vec<Sent> {
        std::mem::take(&mut self.0.lock().unwrap())
    }
}

pub struct RecordPage {
    records: Vec<(String, RecordType)>,
    next_name: Option<String>,
    next_type: Option<RecordType>,
    is_truncated: bool,
}

/// The zone is named on the first request only: a request with a start position and the zone is
/// refused, as Kinesis refuses `StreamName` next to `NextToken`; one with neither too.
#[paginate(
    input_token = (start_name, start_type),
    output_token = (next_name, next_type),
    more_results = is_truncated,
    page_size = max_items,
    items = records: (String, RecordType),
    first_page_only = zone,
)]
#[derive(Clone, Debug)]
pub struct ListRecords {
    #[paginate(skip)]
    log: Log,
    zone: Option<String>,
    start_name: Option<String>,
    start_type: Option<RecordType>,
    max_items: Option<u32>,
}

impl PageRequest for ListRecords {
    type Output = RecordPage;
    type Error = String;

    async fn send(self) -> Result<RecordPage, String> {
        let start = self.start_name.clone().zip(self.start_type.clone());
        self.log.0.lock().unwrap().push(Sent {
            zone: self.zone.clone(),
            start: start.clone(),
        });
        let records = zone();
        let first = match (&self.zone, &start) {
            (Some(_), Some(_)) => return Err("zone given with a start position".into()),
            (None, None) => return Err("no zone".into()),
            (Some(_), None) => 0,
            (None, Some(start)) => records
                .iter()
                .position(|record| record == start)
                .ok_or_else(|| format!("no record {start:?}"))?,
        };
        let end = (first + self.max_items.unwrap_or(4) as usize).min(records.len());
        let next = records.get(end).cloned();
        Ok(RecordPage {
            records: records[first..end].to_vec(),
            is_truncated: next.is_some(),
            next_name: next.as_ref().map(|next| next.0.clone()),
            next_type: next.map(|next| next.1),
        })
    }
}

fn request(log: &Log) -> ListRecords {
    ListRecords {
        log: log.clone(),
        zone: Some("Z1".into()),
        start_name: None,
        start_type: None,
        max_items: None,
    }
}

#[tokio::test]
async fn enum_tokens_travel_and_the_first_page_only_field_is_sent_once() {
    let log = Log::default();
    let records: Vec<(String, RecordType)> = request(&log)
        .into_paginator()
        .page_size(3)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(records, zone());
    let sent = log.take();
    assert_eq!(sent.len(), zone().len().div_ceil(3));
    assert_eq!(sent[0].zone.as_deref(), Some("Z1"));
    assert!(sent[1..].iter().all(|sent| sent.zone.is_none()), "{sent:?}");
    // An unknown variant was a start position, and came back as itself.
    assert!(
        sent.iter().any(
            |sent| matches!(&sent.start, Some((_, RecordType::Unknown(text))) if text == "SVCB")
        ),
        "{sent:?}"
    );
}

#[tokio::test]
async fn a_resume_from_any_item_sends_the_field_only_on_a_first_page() {
    let log = Log::default();
    let paginator = request(&log).into_paginator().page_size(3);
    let full: Vec<(String, RecordType)> = paginator.clone().items().try_collect().await.unwrap();
    log.take();
    for count in 0..=full.len() as u64 {
        let mut head = paginator.clone().max_items(count).items();
        let mut seen = Vec::new();
        while let Some(record) = head.try_next().await.unwrap() {
            seen.push(record);
        }
        let Some(cursor) = head.cursor() else {
            assert_eq!(seen, full);
            continue;
        };
        let cursor: Cursor = cursor.to_string().parse().unwrap();
        log.take();
        // The same request as the listing started with, zone included: the cursor accepts it.
        let tail: Vec<(String, RecordType)> = request(&log)
            .into_paginator()
            .page_size(3)
            .resume_from(&cursor)
            .unwrap()
            .items()
            .try_collect()
            .await
            .unwrap();
        let sent = log.take();
        let joined: Vec<_> = seen.into_iter().chain(tail).collect();
        assert_eq!(joined, full, "stopped after {count} items");
        for request in &sent {
            assert_eq!(
                request.zone.is_some(),
                request.start.is_none(),
                "after {count} items: {sent:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_cursor_still_refuses_another_value_of_the_field() {
    let log = Log::default();
    let mut stream = request(&log)
        .into_paginator()
        .page_size(3)
        .max_items(4)
        .items();
    while stream.try_next().await.unwrap().is_some() {}
    let cursor = stream.cursor().unwrap();
    let mut other = request(&log);
    other.zone = Some("Z2".into());
    let error = Paginator::<ListRecords>::new(other)
        .resume_from(&cursor)
        .unwrap_err();
    assert!(
        matches!(&error, CursorError::ParametersDiffer { parameters } if parameters == &["zone"]),
        "{error:?}"
    );
}
