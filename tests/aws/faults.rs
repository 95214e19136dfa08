//! Faults over real HTTP (GitHub issue 6): a fault-injecting proxy on loopback, between the SDK's
//! S3 client and moto, fails chosen requests of a ListObjectVersions listing with an HTTP 500, a
//! 503, throttling (`SlowDown` with a 400 or a 503), a connection closed or reset without a
//! response, or a response body cut in half. With the SDK's retries disabled each fault reaches
//! the paginator, which yields it with its cursor; the listing resumed there through a clean path
//! must join the part before the fault into exactly the fault-free listing.
//!
//! The figures (faults injected by kind, listings completed, items compared) are printed; run with
//! `cargo test --test aws faults -- --nocapture` to see them.

use std::collections::{BTreeMap, HashMap};
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aws_sdk_s3::Client;
use aws_sdk_s3::config::retry::RetryConfig;
use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use futures::{Stream, StreamExt, TryStreamExt};
use pagination_aws::s3::{ListObjectVersions, ListObjectsV2, ObjectEntryV2, ObjectVersionEntry};
use pagination_core::{Cursor, Error, IntoPaginator, Paginator};
use pagination_examples::moto::s3_client;
use pagination_examples::seed;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::support::{moto, unique_bucket};

/// Small pages, so that the listing has many.
const PAGE_SIZE: u32 = 7;

// =============================================================================================
// The proxy

/// What the proxy does to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Fault {
    /// `500 InternalError`, an S3 XML error body.
    InternalError500,
    /// `503 ServiceUnavailable`.
    ServiceUnavailable503,
    /// Throttling: `400 SlowDown`.
    SlowDown400,
    /// Throttling: `503 SlowDown`, as S3 sends it.
    SlowDown503,
    /// The connection is closed (FIN) without a response.
    ConnectionClosed,
    /// The connection is reset (SO_LINGER 0, RST) without a response.
    ConnectionReset,
    /// The response's headers and half of its body are forwarded, then the connection closes.
    TruncatedBody,
    /// No response: the proxy waits for the client to go away (or a minute).
    Stall,
}

impl Fault {
    /// The faults a listing must survive.
    const ALL: [Fault; 7] = [
        Fault::InternalError500,
        Fault::ServiceUnavailable503,
        Fault::SlowDown400,
        Fault::SlowDown503,
        Fault::ConnectionClosed,
        Fault::ConnectionReset,
        Fault::TruncatedBody,
    ];

    /// The status, reason and S3 error code of a fault that is an error response.
    fn error_response(self) -> Option<(u16, &'static str, &'static str)> {
        match self {
            Fault::InternalError500 => Some((500, "Internal Server Error", "InternalError")),
            Fault::ServiceUnavailable503 => {
                Some((503, "Service Unavailable", "ServiceUnavailable"))
            }
            Fault::SlowDown400 => Some((400, "Bad Request", "SlowDown")),
            Fault::SlowDown503 => Some((503, "Slow Down", "SlowDown")),
            _ => None,
        }
    }
}

#[derive(Default)]
struct ProxyState {
    /// moto's `host:port`.
    upstream: String,
    /// Requests received since the plan was last set.
    requests: AtomicUsize,
    /// Faults by request number (0-based, since the plan was set).
    plan: Mutex<HashMap<usize, Fault>>,
    /// Faults injected, by kind, over the proxy's life.
    injected: Mutex<BTreeMap<Fault, usize>>,
    /// Stalled requests whose client closed the connection.
    abandoned: AtomicUsize,
}

/// A loopback HTTP/1.1 proxy to moto that injects faults. It runs on a thread and runtime of its
/// own (so that its tasks are not counted among the test's), and answers one request per
/// connection (`Connection: close`), so the client never retries a request on a reused
/// connection by itself.
struct Proxy {
    endpoint: String,
    state: Arc<ProxyState>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Proxy {
    fn start(upstream: &str) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(ProxyState {
            upstream: upstream.trim_start_matches("http://").to_owned(),
            ..ProxyState::default()
        });
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let shared = Arc::clone(&state);
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("the proxy's runtime");
            runtime.block_on(async move {
                let listener = TcpListener::from_std(listener).expect("a Tokio listener");
                loop {
                    tokio::select! {
                        accepted = listener.accept() => {
                            if let Ok((client, _)) = accepted {
                                tokio::spawn(serve(client, Arc::clone(&shared)));
                            }
                        }
                        _ = &mut stopped => break,
                    }
                }
            });
            // Dropping the runtime ends the connections still open.
        });
        Proxy {
            endpoint,
            state,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Sets the faults of the next requests, numbered from 0.
    fn arm(&self, plan: &[(usize, Fault)]) {
        *self.state.plan.lock().unwrap() = plan.iter().copied().collect();
        self.state.requests.store(0, SeqCst);
    }

    fn requests(&self) -> usize {
        self.state.requests.load(SeqCst)
    }

    fn injected(&self) -> BTreeMap<Fault, usize> {
        self.state.injected.lock().unwrap().clone()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn serve(mut client: TcpStream, state: Arc<ProxyState>) {
    // An error here is the client going away, or moto refusing: the client sees it.
    let _ = handle(&mut client, &state).await;
}

async fn handle(client: &mut TcpStream, state: &ProxyState) -> std::io::Result<()> {
    let Some(request) = read_message(client, false).await? else {
        return Ok(());
    };
    let number = state.requests.fetch_add(1, SeqCst);
    let fault = state.plan.lock().unwrap().get(&number).copied();
    if let Some(fault) = fault {
        *state.injected.lock().unwrap().entry(fault).or_default() += 1;
    }
    match fault {
        None => {
            let response = forward(&request, &state.upstream).await?;
            client.write_all(&response).await?;
            client.shutdown().await
        }
        Some(Fault::TruncatedBody) => {
            let response = forward(&request, &state.upstream).await?;
            let body_start = head_end(&response).unwrap_or(response.len());
            let cut = body_start + (response.len() - body_start) / 2;
            assert!(cut < response.len(), "a listing's response has a body");
            client.write_all(&response[..cut]).await?;
            client.shutdown().await
        }
        Some(Fault::ConnectionClosed) => client.shutdown().await,
        Some(Fault::ConnectionReset) => {
            // Dropped by `serve` with SO_LINGER 0: a RST.
            client.set_zero_linger()
        }
        Some(Fault::Stall) => {
            let mut byte = [0u8; 1];
            let read = tokio::time::timeout(Duration::from_secs(60), client.read(&mut byte)).await;
            if matches!(read, Ok(Ok(0) | Err(_))) {
                state.abandoned.fetch_add(1, SeqCst);
            }
            Ok(())
        }
        Some(fault) => {
            let (status, reason, code) = fault.error_response().expect("an error response");
            let body = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code>\
                 <Message>Injected by the test proxy.</Message>\
                 <RequestId>fault-{number}</RequestId><HostId>proxy</HostId></Error>"
            );
            let response = format!(
                "HTTP/1.1 {status} {reason}\r\nContent-Type: application/xml\r\n\
                 Content-Length: {}\r\nx-amz-request-id: fault-{number}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
            client.write_all(response.as_bytes()).await?;
            client.shutdown().await
        }
    }
}

/// Where the body of an HTTP message starts.
fn head_end(message: &[u8]) -> Option<usize> {
    message
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .map(|at| at + 4)
}

/// The `Content-Length` of a message head.
fn content_length(head: &[u8]) -> Option<usize> {
    String::from_utf8_lossy(head).lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse().ok())
            .flatten()
    })
}

/// One HTTP message from `stream`: its head and a `Content-Length` body, or everything up to the
/// end of the stream where there is none (`to_end`). `None` if the stream ends first.
async fn read_message(stream: &mut TcpStream, to_end: bool) -> std::io::Result<Option<Vec<u8>>> {
    let mut message = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    let body_start = loop {
        if let Some(at) = head_end(&message) {
            break at;
        }
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Ok(None);
        }
        message.extend_from_slice(&chunk[..read]);
    };
    match content_length(&message[..body_start]) {
        Some(length) => {
            while message.len() < body_start + length {
                let read = stream.read(&mut chunk).await?;
                if read == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                message.extend_from_slice(&chunk[..read]);
            }
        }
        None if to_end => {
            stream.read_to_end(&mut message).await?;
        }
        None => {}
    }
    Ok(Some(message))
}

/// The message with its `Connection` header replaced by `Connection: close`.
fn with_connection_close(message: &[u8]) -> Vec<u8> {
    let body_start = head_end(message).unwrap_or(message.len());
    let head = String::from_utf8_lossy(&message[..body_start]);
    let mut out = String::new();
    for line in head.trim_end_matches("\r\n").split("\r\n") {
        if !line.to_ascii_lowercase().starts_with("connection:") {
            out.push_str(line);
            out.push_str("\r\n");
        }
    }
    out.push_str("Connection: close\r\n\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(&message[body_start..]);
    out
}

/// Sends `request` to moto on a connection of its own and returns the response.
async fn forward(request: &[u8], upstream: &str) -> std::io::Result<Vec<u8>> {
    let mut server = TcpStream::connect(upstream).await?;
    server.write_all(&with_connection_close(request)).await?;
    let response = tokio::time::timeout(Duration::from_secs(30), read_message(&mut server, true))
        .await
        .map_err(|_| std::io::Error::from(std::io::ErrorKind::TimedOut))??
        .ok_or(std::io::ErrorKind::UnexpectedEof)?;
    Ok(with_connection_close(&response))
}

// =============================================================================================
// Listings

type ListError = SdkError<
    aws_sdk_s3::operation::list_object_versions::ListObjectVersionsError,
    aws_sdk_s3::config::http::HttpResponse,
>;

fn listing(client: &Client, bucket: &str) -> Paginator<ListObjectVersions> {
    client
        .list_object_versions()
        .bucket(bucket)
        .into_paginator()
        .page_size(PAGE_SIZE)
}

/// The items of a stream up to its end, and the error it ended with.
async fn drain<T, E>(
    stream: impl Stream<Item = Result<T, Error<E>>>,
) -> (Vec<T>, Option<Error<E>>) {
    let mut stream = std::pin::pin!(stream);
    let mut items = Vec::new();
    while let Some(next) = stream.next().await {
        match next {
            Ok(item) => items.push(item),
            Err(error) => {
                assert!(
                    stream.next().await.is_none(),
                    "the stream ends after an error"
                );
                return (items, Some(error));
            }
        }
    }
    (items, None)
}

/// How the SDK reported a fault.
fn describe(error: &ListError) -> String {
    match error {
        SdkError::ServiceError(_) => format!(
            "service error {} ({})",
            error.code().unwrap_or("?"),
            error
                .raw_response()
                .map_or(0, |response| response.status().as_u16())
        ),
        SdkError::DispatchFailure(failure) if failure.is_io() => "dispatch failure (io)".into(),
        SdkError::DispatchFailure(_) => "dispatch failure".into(),
        SdkError::ResponseError(_) => "response error".into(),
        SdkError::TimeoutError(_) => "timeout".into(),
        other => format!("{other:?}"),
    }
}

/// A versioned bucket of about 100 versions and delete markers, with its fault-free listing,
/// read directly from moto (without retries).
async fn seeded(
    purpose: &str,
) -> (
    Arc<pagination_examples::moto::MotoServer>,
    String,
    Vec<ObjectVersionEntry>,
) {
    let server = moto();
    let bucket = unique_bucket(purpose);
    let plan = seed::plan(40);
    seed::seed_versioned_bucket(&server.s3_client(), &bucket, &plan)
        .await
        .expect("seeding");
    let direct = s3_client(server.endpoint(), RetryConfig::disabled());
    let reference: Vec<ObjectVersionEntry> = listing(&direct, &bucket)
        .items()
        .try_collect()
        .await
        .expect("the fault-free listing");
    let (versions, markers) = seed::count(&plan);
    assert_eq!(
        reference.len(),
        versions + markers,
        "every version and marker"
    );
    (server, bucket, reference)
}

static FAULTED_LISTINGS: AtomicUsize = AtomicUsize::new(0);
static COMPLETED_LISTINGS: AtomicUsize = AtomicUsize::new(0);
static ITEMS_COMPARED: AtomicUsize = AtomicUsize::new(0);

#[tokio::test]
async fn every_fault_at_many_pages_resumes_to_exactly_the_fault_free_listing() {
    let started = Instant::now();
    let (server, bucket, reference) = seeded("faults").await;
    let proxy = Proxy::start(server.endpoint());
    let faulty = s3_client(proxy.endpoint(), RetryConfig::disabled());
    let direct = s3_client(server.endpoint(), RetryConfig::disabled());

    // Through the proxy without faults: the same listing, one request a page.
    proxy.arm(&[]);
    let through: Vec<ObjectVersionEntry> = listing(&faulty, &bucket)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(through, reference);
    let pages = proxy.requests();
    assert_eq!(pages, reference.len().div_ceil(PAGE_SIZE as usize));
    assert!(pages >= 10, "{pages} pages");
    COMPLETED_LISTINGS.fetch_add(1, SeqCst);
    ITEMS_COMPARED.fetch_add(reference.len(), SeqCst);

    let mut at_pages: Vec<usize> = vec![0, 1, 2, pages / 2, pages - 2, pages - 1];
    at_pages.dedup();
    let mut reported: BTreeMap<Fault, Vec<String>> = BTreeMap::new();
    for fault in Fault::ALL {
        for (run, &page) in at_pages.iter().enumerate() {
            let prefetch = if run % 2 == 1 { 2 } else { 0 };
            let context = format!("{fault:?} at page {page}, prefetch {prefetch}");
            proxy.arm(&[(page, fault)]);
            let (head, error) = drain(listing(&faulty, &bucket).prefetch(prefetch).items()).await;
            let error = error.unwrap_or_else(|| panic!("{context}: the fault did not surface"));
            FAULTED_LISTINGS.fetch_add(1, SeqCst);
            assert_eq!(
                proxy.requests(),
                page + 1,
                "{context}: requests after the fault"
            );
            let Error::Request { source, cursor, .. } = &error else {
                panic!("{context}: {error:?}");
            };
            let described = describe(source);
            if let Some((status, _, code)) = fault.error_response() {
                assert_eq!(
                    described,
                    format!("service error {code} ({status})"),
                    "{context}"
                );
            } else {
                assert!(
                    !described.starts_with("service error"),
                    "{context}: {described}"
                );
            }
            reported.entry(fault).or_default().push(described);
            // Every page before the fault was complete.
            assert_eq!(
                head[..],
                reference[..page * PAGE_SIZE as usize],
                "{context}"
            );

            // Resume at the error's cursor, through its string form, on a clean path.
            let cursor: Cursor = cursor.to_string().parse().expect("the cursor parses");
            let rest: Vec<ObjectVersionEntry> = listing(&direct, &bucket)
                .resume_from(&cursor)
                .unwrap_or_else(|error| panic!("{context}: {error}"))
                .items()
                .try_collect()
                .await
                .unwrap_or_else(|error| panic!("{context}: {error:?}"));
            let joined = [head, rest].concat();
            assert_eq!(
                joined.len(),
                reference.len(),
                "{context}: nothing lost or repeated"
            );
            assert!(joined == reference, "{context}: the joined listing differs");
            COMPLETED_LISTINGS.fetch_add(1, SeqCst);
            ITEMS_COMPARED.fetch_add(joined.len(), SeqCst);
        }
    }

    let injected = proxy.injected();
    assert_eq!(
        injected.values().sum::<usize>(),
        Fault::ALL.len() * at_pages.len()
    );
    eprintln!(
        "faults: bucket of {} entries, {pages} pages of {PAGE_SIZE}, faults at pages {at_pages:?}",
        reference.len()
    );
    for (fault, count) in &injected {
        let mut kinds = reported[fault].clone();
        kinds.dedup();
        eprintln!(
            "  {fault:?}: {count} injected, surfaced as {}",
            kinds.join(" / ")
        );
    }
    eprintln!(
        "faults: {} faults injected, {} listings failed and resumed, {} listings completed, {} items \
         compared, nothing lost or repeated ({:.1?})",
        injected.values().sum::<usize>(),
        FAULTED_LISTINGS.load(SeqCst),
        COMPLETED_LISTINGS.load(SeqCst),
        ITEMS_COMPARED.load(SeqCst),
        started.elapsed()
    );
}

#[tokio::test]
async fn a_transient_503_is_absorbed_by_the_sdk_standard_retries() {
    let (server, bucket, reference) = seeded("faults-retry").await;
    let proxy = Proxy::start(server.endpoint());
    let retrying = s3_client(
        proxy.endpoint(),
        RetryConfig::standard().with_initial_backoff(Duration::from_millis(10)),
    );
    proxy.arm(&[(3, Fault::ServiceUnavailable503)]);
    let items: Vec<ObjectVersionEntry> = listing(&retrying, &bucket)
        .items()
        .try_collect()
        .await
        .expect("the SDK retries the 503");
    assert!(items == reference, "the listing differs");
    let pages = reference.len().div_ceil(PAGE_SIZE as usize);
    assert_eq!(proxy.requests(), pages + 1, "one retry");
    assert_eq!(
        proxy.injected().get(&Fault::ServiceUnavailable503),
        Some(&1)
    );
    eprintln!(
        "faults (standard retries): 1 fault injected (503 at page 3), absorbed by the SDK's retry; \
         1 listing completed, {} items compared",
        items.len()
    );
}

/// ListObjectsV2 of `bucket`, in parallel (4 requests), in key order or not. moto serves its
/// `start_after` as AWS documents it; its ListObjectVersions and ListMultipartUploads do not
/// serve a key marker alone as AWS does (the first skips the next key's latest version, the
/// second ignores it), so those two are tested in parallel against the AWS-rules endpoint
/// (`s3_parallel`).
fn parallel_listing(
    client: &Client,
    bucket: &str,
    ordered: bool,
) -> pagination_core::PartitionedPaginator<ListObjectsV2> {
    let listing = Paginator::<ListObjectsV2>::new(client.list_objects_v2().bucket(bucket))
        .page_size(PAGE_SIZE)
        .parallel(4)
        .unwrap();
    if ordered {
        listing
    } else {
        listing.unordered()
    }
}

fn key_of(entry: &ObjectEntryV2) -> String {
    match entry {
        ObjectEntryV2::Object(object) => object.key().unwrap_or_default().to_owned(),
        ObjectEntryV2::CommonPrefix(prefix) => prefix.prefix().unwrap_or_default().to_owned(),
    }
}

/// The sequential ListObjectsV2 listing of `bucket`: its keys.
async fn sequential_keys(client: &Client, bucket: &str) -> Vec<String> {
    let items: Vec<ObjectEntryV2> =
        Paginator::<ListObjectsV2>::new(client.list_objects_v2().bucket(bucket))
            .page_size(PAGE_SIZE)
            .items()
            .try_collect()
            .await
            .unwrap();
    items.iter().map(key_of).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parallel_listing_resumes_past_every_fault_and_rides_out_throttling() {
    let (server, bucket, _) = seeded("faults-parallel").await;
    let proxy = Proxy::start(server.endpoint());
    let faulty = s3_client(proxy.endpoint(), RetryConfig::disabled());
    let direct = s3_client(server.endpoint(), RetryConfig::disabled());
    let reference = sequential_keys(&direct, &bucket).await;
    assert!(reference.len() > 20);
    let mut faulted = 0;
    for fault in Fault::ALL {
        for (at, ordered) in [(0, true), (3, false), (6, true)] {
            let context = format!("{fault:?} at request {at}, ordered {ordered}");
            proxy.arm(&[(at, fault)]);
            let mut stream = parallel_listing(&faulty, &bucket, ordered).items();
            let mut all = Vec::new();
            let mut failed = None;
            while let Some(next) = stream.next().await {
                match next {
                    Ok(item) => all.push(key_of(&item)),
                    Err(error) => failed = Some(error),
                }
            }
            let error = failed.unwrap_or_else(|| panic!("{context}: the fault did not surface"));
            assert!(error.error().request_error().is_some(), "{context}");
            // The rest, from the error's cursor in its string form, on a clean path.
            let cursor = error.cursor().to_string().parse().unwrap();
            let rest: Vec<ObjectEntryV2> = parallel_listing(&direct, &bucket, ordered)
                .resume_from(&cursor)
                .unwrap()
                .items()
                .try_collect()
                .await
                .unwrap_or_else(|error| panic!("{context}: {error}"));
            all.extend(rest.iter().map(key_of));
            if !ordered {
                all.sort();
            }
            assert_eq!(all, reference, "{context}: the resumed listing differs");
            faulted += 1;
        }
    }

    // Throttling (503 SlowDown, as S3 sends it) on several requests at once: the SDK's standard
    // retries absorb it, and the listing neither loses items nor stalls.
    let retrying = s3_client(
        proxy.endpoint(),
        // The proxy numbers requests as they come: with 4 requests in flight, one request's
        // retries may meet several of the 4 planned faults, so allow more attempts than faults.
        RetryConfig::standard()
            .with_max_attempts(6)
            .with_initial_backoff(Duration::from_millis(10)),
    );
    let throttled_before = proxy.injected().get(&Fault::SlowDown503).copied();
    proxy.arm(&[
        (1, Fault::SlowDown503),
        (2, Fault::SlowDown503),
        (4, Fault::SlowDown503),
        (7, Fault::SlowDown503),
    ]);
    let items: Vec<ObjectEntryV2> = parallel_listing(&retrying, &bucket, true)
        .items()
        .try_collect()
        .await
        .expect("the SDK retries the throttled requests");
    let keys: Vec<String> = items.iter().map(key_of).collect();
    assert_eq!(keys, reference, "the throttled listing differs");
    let throttled = proxy.injected().get(&Fault::SlowDown503).copied();
    assert_eq!(throttled.unwrap_or(0) - throttled_before.unwrap_or(0), 4);
    eprintln!(
        "faults (parallel): {faulted} faulted parallel listings resumed to exactly the fault-free listing; \
         4 throttled requests absorbed by the SDK's retries"
    );
}

// =============================================================================================
// Cancellation against moto

/// A stream of pages or of items, reduced to what the test needs: whether each arrived.
type Boxed = Pin<Box<dyn Stream<Item = Result<(), String>> + Send>>;

#[test]
fn dropping_a_stream_while_its_request_is_in_flight_cancels_it() {
    // Seeding runs on a runtime of its own, so that the runtime below starts with no task.
    let (server, bucket, _reference) = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(seeded("faults-cancel"));
    let proxy = Proxy::start(server.endpoint());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = s3_client(proxy.endpoint(), RetryConfig::disabled());
        let mut abandoned = 0;
        for (prefetch, page_stream) in [(0, false), (2, false), (0, true), (2, true)] {
            let context = format!("prefetch {prefetch}, page stream {page_stream}");
            let stalled_page = 3;
            proxy.arm(&[(stalled_page, Fault::Stall)]);
            let paginator = listing(&client, &bucket).prefetch(prefetch);
            let mut stream: Boxed = if page_stream {
                Box::pin(
                    paginator
                        .send()
                        .map(|page| page.map(drop).map_err(|error| format!("{error:?}"))),
                )
            } else {
                Box::pin(
                    paginator
                        .items()
                        .map(|item| item.map(drop).map_err(|error| format!("{error:?}"))),
                )
            };
            // Read until the stalled request is the one in flight.
            let mut consumed = 0;
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                assert!(Instant::now() < deadline, "{context}: no stall");
                tokio::select! {
                    next = stream.next() => {
                        next.expect("the listing goes on").expect("no error before the stall");
                        consumed += 1;
                    }
                    () = tokio::time::sleep(Duration::from_millis(100)) => {
                        if proxy.requests() > stalled_page {
                            break;
                        }
                    }
                }
            }
            assert!(consumed > 0, "{context}");
            drop(stream);

            // The client gives up the connection, every task ends, nothing more is requested.
            let deadline = Instant::now() + Duration::from_secs(10);
            while proxy.state.abandoned.load(SeqCst) == abandoned
                || tokio::runtime::Handle::current()
                    .metrics()
                    .num_alive_tasks()
                    > 0
            {
                assert!(
                    Instant::now() < deadline,
                    "{context}: {} tasks alive, {} stalled connections abandoned",
                    tokio::runtime::Handle::current()
                        .metrics()
                        .num_alive_tasks(),
                    proxy.state.abandoned.load(SeqCst)
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            abandoned += 1;
            let requests = proxy.requests();
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert_eq!(
                proxy.requests(),
                requests,
                "{context}: a request after the drop"
            );
        }
        eprintln!(
            "faults (cancellation): {abandoned} streams dropped mid-request over HTTP; each \
             request was abandoned and no task was left running"
        );
    });
}
