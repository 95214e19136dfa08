//! Lists an S3 bucket's object versions, objects or multipart uploads as NDJSON, through the
//! paginators of `pagination-aws`.
//!
//! ```text
//! s3_list [object-versions|objects|objects-v1|multipart-uploads] --bucket B [--prefix P]
//!         [--delimiter D] [--encoding-type url] [--page-size N] [--max-items N]
//!         [--starting-token T] [--parallel N [--unordered] [--splits FILE [--part I/M]]
//!         [--save-splits FILE]] [--endpoint-url URL] [--region R]
//! ```
//!
//! With no arguments it is a self-contained demo: it starts a moto server on 127.0.0.1, seeds a
//! versioned bucket with a few hundred versions and delete markers, lists them in small pages,
//! and stops the server.
//!
//! stdout is NDJSON, one line per item in S3's listing order (by key, common prefixes in their
//! place, a key's versions and delete markers latest first), whatever the page size. With
//! `--encoding-type url` S3 URL-encodes keys on the wire (for keys XML cannot carry); the lines
//! still show the real keys and prefixes. When `--max-items` stops the listing early, the last
//! line is `{"next_token":"<cursor>"}`; pass it back with `--starting-token` to continue exactly
//! there. With `--parallel N` the bucket's key space is listed as key ranges with up to N
//! requests in flight (`Paginator::parallel`): the same lines in the same order, faster on a
//! large bucket; `--unordered` writes them as pages arrive instead (the same set of lines), and
//! the `next_token` of a parallel run continues a parallel run. `--save-splits FILE` writes what
//! the parallel listing learned of the bucket's key space (its ranges and their sizes); the next
//! run's `--splits FILE` starts from it, balanced from its first round trip, and `--part I/M`
//! lists only part I of M parts of about equal size, so that M processes (or machines, or tasks
//! of a job system) list the bucket between them: their outputs, concatenated in order, are the
//! whole listing. Progress and a summary go to stderr: on a terminal one line updated in place (pages,
//! items, items per second, elapsed), otherwise a line every few seconds; `--quiet` keeps only
//! the summary. With `RUST_LOG` set (`RUST_LOG=pagination_core=debug`), the listing's traces
//! go to stderr too. A listing that cannot be completed (a failed request, or a server whose
//! tokens do not advance) exits with status 1 and says why.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use aws_sdk_s3::config::{BehaviorVersion, Region};
use aws_sdk_s3::types::EncodingType;
use clap::{Parser, ValueEnum};
use futures::Stream;
use futures::TryStreamExt;
use pagination_aws::s3::{
    ListMultipartUploads, ListObjectVersions, ListObjects, ListObjectsV2, ObjectEntry,
    ObjectEntryV2, ObjectVersionEntry, UploadEntry, decode_url,
};
use pagination_core::{
    Cursor, CursorError, Error, ItemStream, KeyRanges, MalformedCursor, PageSize,
    PaginatedOperation, Paginator, PartitionCursor, PartitionedError, PartitionedItems,
    SplitPoints,
};
use pagination_examples::moto::{self, MotoServer};
use pagination_examples::seed;
use serde_json::{Value, json};

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Listing {
    /// Every version and delete marker (ListObjectVersions).
    ObjectVersions,
    /// The current objects (ListObjectsV2).
    Objects,
    /// The current objects with ListObjects version 1, for S3-compatible stores without V2.
    ObjectsV1,
    /// Multipart uploads in progress (ListMultipartUploads).
    MultipartUploads,
}

/// How S3 encodes keys in its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Encoding {
    /// URL encoding (`EncodingType=url`).
    Url,
}

/// Lists an S3 bucket as NDJSON. Without arguments, runs a self-contained demo against a local
/// moto server.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// What to list.
    #[arg(value_enum, default_value_t = Listing::ObjectVersions)]
    listing: Listing,
    /// The bucket to list (required unless running the demo).
    #[arg(long)]
    bucket: Option<String>,
    /// Only keys that start with this prefix.
    #[arg(long)]
    prefix: Option<String>,
    /// Group keys by this delimiter into common prefixes.
    #[arg(long)]
    delimiter: Option<String>,
    /// Have S3 URL-encode keys in its answers (for keys with characters XML cannot carry). The
    /// output shows the real keys either way.
    #[arg(long, value_enum)]
    encoding_type: Option<Encoding>,
    /// Items to ask for per request.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    page_size: Option<u32>,
    /// Stop after this many items and print a `next_token` to continue from.
    #[arg(long)]
    max_items: Option<u64>,
    /// Continue a listing where an earlier run stopped (its `next_token`).
    #[arg(long)]
    starting_token: Option<String>,
    /// List the key space as key ranges, with up to this many requests in flight: the same
    /// lines, in the same order, faster on a large bucket.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    parallel: Option<u32>,
    /// With --parallel: write the lines as pages arrive, in no set order (the same set of lines).
    #[arg(long, requires = "parallel")]
    unordered: bool,
    /// With --parallel: start from the split points an earlier run saved (--save-splits), so the
    /// requests are spread over the key space from the first round trip. Points that no longer
    /// fit the bucket cost requests, never a line lost, repeated or out of order.
    #[arg(long, requires = "parallel", value_name = "FILE")]
    splits: Option<PathBuf>,
    /// With --splits: list only part I of M parts of about equal size (1-based, as `2/8`); the
    /// M parts' outputs, concatenated in order, are the whole listing (parts past the
    /// boundaries the file knows are empty).
    #[arg(long, requires = "splits", value_name = "I/M", value_parser = parse_part)]
    part: Option<(usize, usize)>,
    /// With --parallel: when the listing has listed the whole key space, write what it learned
    /// (its ranges and their sizes) to FILE, for the next run's --splits. Not with --part, a
    /// part alone; nothing is written when the listing stops early (--max-items, a failed page)
    /// or continues a --starting-token.
    #[arg(
        long,
        requires = "parallel",
        conflicts_with = "part",
        value_name = "FILE"
    )]
    save_splits: Option<PathBuf>,
    /// Only the final summary on stderr: no progress.
    #[arg(long, short)]
    quiet: bool,
    /// An S3-compatible endpoint instead of AWS (such as a moto server).
    #[arg(long)]
    endpoint_url: Option<String>,
    /// The region (default: from the environment; us-east-1 with --endpoint-url).
    #[arg(long)]
    region: Option<String>,
}

/// `I/M` with `1 <= I <= M`.
fn parse_part(text: &str) -> Result<(usize, usize), String> {
    let (part, parts) = text
        .split_once('/')
        .ok_or_else(|| format!("`{text}` is not I/M (such as 2/8)"))?;
    let number = |text: &str| {
        text.trim()
            .parse::<usize>()
            .map_err(|_| format!("`{text}` is not a whole number"))
    };
    let (part, parts) = (number(part)?, number(parts)?);
    if part == 0 || part > parts {
        return Err(format!(
            "part {part} of {parts}: parts are counted from 1 to {parts}"
        ));
    }
    Ok((part, parts))
}

/// Reads the split points of `--splits`.
fn read_splits(path: &std::path::Path) -> Result<SplitPoints, ExitCode> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        eprintln!(
            "error: --splits {}: cannot read it: {error}",
            path.display()
        );
        ExitCode::from(2)
    })?;
    text.parse().map_err(|error| {
        eprintln!(
            "error: --splits {}: not a split-points file of s3_list --save-splits: {error}",
            path.display()
        );
        ExitCode::from(2)
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    if std::env::var_os("RUST_LOG").is_some() {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_writer(io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&io::stderr()))
            .init();
    }
    if std::env::args_os().len() == 1 {
        return demo().await;
    }
    let args = Args::parse();
    let Some(bucket) = args.bucket.clone() else {
        eprintln!("error: --bucket is required (run without arguments for the demo)");
        return ExitCode::from(2);
    };
    let client = client(&args).await;
    match list(&client, &bucket, &args).await {
        Ok(_) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// An S3 client: real AWS through the default credential chain, or the given endpoint.
async fn client(args: &Args) -> aws_sdk_s3::Client {
    let mut loader = aws_config::defaults(BehaviorVersion::latest());
    if let Some(region) = &args.region {
        loader = loader.region(Region::new(region.clone()));
    } else if args.endpoint_url.is_some() {
        loader = loader.region(Region::new("us-east-1"));
    }
    if let Some(endpoint) = &args.endpoint_url {
        loader = loader.endpoint_url(endpoint);
        // A local endpoint such as moto accepts any credentials; use placeholders when the
        // environment has none, rather than failing on the first request.
        if std::env::var_os("AWS_ACCESS_KEY_ID").is_none()
            && std::env::var_os("AWS_PROFILE").is_none()
        {
            loader = loader.credentials_provider(aws_sdk_s3::config::Credentials::new(
                "test", "test", None, None, "s3_list",
            ));
        }
    }
    let config = loader.load().await;
    let mut s3 = aws_sdk_s3::config::Builder::from(&config);
    if args.endpoint_url.is_some() {
        s3 = s3.force_path_style(true);
    }
    aws_sdk_s3::Client::from_conf(s3.build())
}

/// What a listing did.
struct Summary {
    pages: u64,
    items: u64,
    elapsed: Duration,
}

/// Lists `bucket` as `args` say, writing NDJSON to stdout.
async fn list(client: &aws_sdk_s3::Client, bucket: &str, args: &Args) -> Result<Summary, ExitCode> {
    let starting = match Starting::parse(args) {
        Ok(starting) => starting,
        Err(error @ CursorError::Malformed(MalformedCursor::Partitioned)) => {
            eprintln!(
                "error: --starting-token comes from a run with --parallel: continue it with --parallel ({error})"
            );
            return Err(ExitCode::from(2));
        }
        Err(error @ CursorError::Malformed(MalformedCursor::NotPartitioned)) => {
            eprintln!(
                "error: --starting-token comes from a run without --parallel: continue it without --parallel ({error})"
            );
            return Err(ExitCode::from(2));
        }
        Err(error) => {
            eprintln!("error: --starting-token is not a cursor of s3_list: {error}");
            return Err(ExitCode::from(2));
        }
    };
    let started = Instant::now();
    let encoding = args.encoding_type.map(|Encoding::Url| EncodingType::Url);
    let names = Names {
        url: encoding.is_some(),
    };
    let outcome = match args.listing {
        Listing::ObjectVersions => {
            if args.parallel.is_some() && args.endpoint_url.is_some() {
                // What the ranges rely on holds on S3; not on every server that speaks its API.
                eprintln!(
                    "warning: --parallel with object-versions relies on S3's key-marker rules; \
                     moto's ListObjectVersions skips a version of the next key when given a key \
                     marker alone, so against moto versions can be missed: use objects or \
                     objects-v1 there"
                );
            }
            let request = client
                .list_object_versions()
                .bucket(bucket)
                .set_prefix(args.prefix.clone())
                .set_delimiter(args.delimiter.clone())
                .set_encoding_type(encoding);
            let paginator = Paginator::<ListObjectVersions>::new(request);
            run(paginator, args, &starting, |item| names.version_line(item)).await?
        }
        Listing::Objects => {
            let request = client
                .list_objects_v2()
                .bucket(bucket)
                .set_prefix(args.prefix.clone())
                .set_delimiter(args.delimiter.clone())
                .set_encoding_type(encoding);
            let paginator = Paginator::<ListObjectsV2>::new(request);
            run(paginator, args, &starting, |item| names.object_line(item)).await?
        }
        Listing::ObjectsV1 => {
            let request = client
                .list_objects()
                .bucket(bucket)
                .set_prefix(args.prefix.clone())
                .set_delimiter(args.delimiter.clone())
                .set_encoding_type(encoding);
            let paginator = Paginator::<ListObjects>::new(request);
            run(paginator, args, &starting, |item| {
                names.object_v1_line(item)
            })
            .await?
        }
        Listing::MultipartUploads => {
            let request = client
                .list_multipart_uploads()
                .bucket(bucket)
                .set_prefix(args.prefix.clone())
                .set_delimiter(args.delimiter.clone())
                .set_encoding_type(encoding);
            let paginator = Paginator::<ListMultipartUploads>::new(request);
            run(paginator, args, &starting, |item| names.upload_line(item)).await?
        }
    };
    let (pages, items, ending) = outcome.map_err(|error| {
        eprintln!("error: cannot write to stdout: {error}");
        ExitCode::FAILURE
    })?;
    if ending == Ending::CursorRefused {
        return Err(ExitCode::from(2));
    }
    let summary = Summary {
        pages,
        items,
        elapsed: started.elapsed(),
    };
    eprintln!(
        "listed {} items in {} pages in {:.2?}",
        summary.items, summary.pages, summary.elapsed
    );
    if ending == Ending::Failed {
        return Err(ExitCode::FAILURE);
    }
    Ok(summary)
}

/// Where a run starts: a sequential cursor, or a parallel listing's.
enum Starting {
    Beginning,
    Sequential(Cursor),
    Parallel(PartitionCursor),
}

impl Starting {
    fn parse(args: &Args) -> Result<Starting, CursorError> {
        match (&args.starting_token, args.parallel) {
            (None, _) => Ok(Starting::Beginning),
            (Some(token), None) => token.parse().map(Starting::Sequential),
            (Some(token), Some(_)) => token.parse().map(Starting::Parallel),
        }
    }
}

/// Runs a listing as `args` say (page size, limit, start, parallel), writing its lines.
async fn run<Op>(
    mut paginator: Paginator<Op>,
    args: &Args,
    starting: &Starting,
    line: impl Fn(Op::Item) -> Value,
) -> Result<io::Result<(u64, u64, Ending)>, ExitCode>
where
    Op: PageSize + KeyRanges,
{
    if let Some(size) = args.page_size {
        paginator = paginator.page_size(size);
    }
    if let Some(count) = args.max_items {
        paginator = paginator.max_items(count);
    }
    let Some(requests) = args.parallel else {
        if let Starting::Sequential(cursor) = starting {
            paginator = paginator.resume_from(cursor).map_err(|error| {
                refuse_starting_token(&error);
                ExitCode::from(2)
            })?;
        }
        return Ok(write_items(&mut paginator.items(), line, args.quiet).await);
    };
    let mut listing = paginator.parallel(requests as usize).map_err(|error| {
        eprintln!("error: {error}");
        ExitCode::from(2)
    })?;
    if args.unordered {
        listing = listing.unordered();
    }
    if let Some(path) = &args.splits {
        let points = read_splits(path)?;
        if let Some((part, parts)) = args.part {
            let ranges = points.partition(parts);
            let Some(range) = ranges.get(part - 1) else {
                // Fewer boundaries known than parts asked for: the parts past them are empty,
                // so that M tasks still list the whole key space between them.
                if !args.quiet {
                    eprintln!(
                        "part {part}/{parts}: {} knows only {} parts of the key space; this one \
                         is empty",
                        path.display(),
                        ranges.len()
                    );
                }
                return Ok(Ok((0, 0, Ending::Complete)));
            };
            listing = listing.key_range(range.clone());
        }
        listing = listing.split_points(&points);
    }
    if let Starting::Parallel(cursor) = starting {
        listing = listing.resume_from(cursor).map_err(|error| {
            refuse_starting_token(&error);
            ExitCode::from(2)
        })?;
    }
    let resumed = matches!(starting, Starting::Parallel(_));
    let mut items = listing.items();
    let written = write_items(&mut items, line, args.quiet).await;
    let whole =
        !resumed && matches!(&written, Ok((_, _, Ending::Complete))) && items.cursor().is_none();
    if let Some(path) = &args.save_splits {
        if !whole {
            eprintln!(
                "note: --save-splits {}: not written, the listing did not list the whole key \
                 space",
                path.display()
            );
        } else if let Err(error) = std::fs::write(path, items.split_points().to_string()) {
            eprintln!(
                "error: --save-splits {}: cannot write it: {error}",
                path.display()
            );
            return Err(ExitCode::FAILURE);
        }
    }
    if !args.quiet {
        eprintln!(
            "parallel: {} requests over {} key ranges",
            items.requests(),
            items.ranges()
        );
    }
    Ok(written)
}

fn refuse_starting_token(error: &dyn std::fmt::Display) {
    eprintln!(
        "error: --starting-token does not continue this listing: {error}\n\
         (it must come from s3_list with the same listing, bucket, prefix, delimiter, encoding type and page size, \
         and with --parallel if and only if it was made with it)"
    );
}

/// How a listing ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Complete,
    /// A page failed, or the service's tokens did not advance: the listing is incomplete.
    Failed,
    /// The starting token was made for another listing (checked as the listing starts).
    CursorRefused,
}

/// An item stream s3_list writes: sequential or parallel.
trait Items: Stream<Item = Result<Self::Entry, Self::Failure>> + Unpin {
    type Entry;
    type Failure: std::fmt::Display;
    /// Pages received so far.
    fn pages(&self) -> u64;
    /// Items received but not yet yielded.
    fn buffered(&self) -> u64;
    /// Where to continue, as a `next_token`.
    fn next_token(&self) -> Option<String>;
    /// The starting cursor refused, if that is what the error says.
    fn refused(error: &Self::Failure) -> Option<&CursorError>;
}

impl<Op: PaginatedOperation> Items for ItemStream<Op> {
    type Entry = Op::Item;
    type Failure = Error<Op::Error>;

    fn pages(&self) -> u64 {
        ItemStream::pages(self)
    }

    fn buffered(&self) -> u64 {
        self.size_hint().0 as u64
    }

    fn next_token(&self) -> Option<String> {
        self.cursor().map(|cursor| cursor.to_string())
    }

    fn refused(error: &Self::Failure) -> Option<&CursorError> {
        match error {
            Error::Cursor { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl<Op: KeyRanges> Items for PartitionedItems<Op> {
    type Entry = Op::Item;
    type Failure = PartitionedError<Op::Error>;

    fn pages(&self) -> u64 {
        PartitionedItems::pages(self)
    }

    fn buffered(&self) -> u64 {
        0
    }

    fn next_token(&self) -> Option<String> {
        self.cursor().map(|cursor| cursor.to_string())
    }

    fn refused(error: &Self::Failure) -> Option<&CursorError> {
        match error.error() {
            Error::Cursor { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Writes each item as a line; on a failed page, reports it with the cursor to retry from.
/// Returns the pages and items seen, and how the listing ended.
async fn write_items<S: Items>(
    items: &mut S,
    line: impl Fn(S::Entry) -> Value,
    quiet: bool,
) -> io::Result<(u64, u64, Ending)> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut count = 0u64;
    let mut pages_reported = 0;
    let mut progress = Progress::new(quiet);
    let ending = loop {
        match items.try_next().await {
            Ok(Some(item)) => {
                count += 1;
                writeln!(out, "{}", line(item))?;
                if items.pages() != pages_reported {
                    pages_reported = items.pages();
                    // The items received: those written, and the rest of this page.
                    progress.page(pages_reported, count + items.buffered());
                }
            }
            Ok(None) => break Ending::Complete,
            Err(error) => {
                if let Some(source) = S::refused(&error).filter(|_| count == 0) {
                    refuse_starting_token(source);
                    return Ok((0, 0, Ending::CursorRefused));
                }
                // The error's text carries what the service said, and its causes.
                eprintln!("error: the listing is incomplete: {error}");
                break Ending::Failed;
            }
        }
    };
    progress.finish();
    if let Some(token) = items.next_token() {
        writeln!(out, "{}", json!({ "next_token": token }))?;
    }
    out.flush()?;
    Ok((items.pages(), count, ending))
}

/// Progress on stderr: one line updated in place on a terminal (indicatif), a line every few
/// seconds otherwise, nothing with `--quiet`.
struct Progress {
    started: Instant,
    bar: Option<indicatif::ProgressBar>,
    /// Not a terminal: when the last line was written.
    last_line: Option<Instant>,
    quiet: bool,
}

impl Progress {
    /// How often a line is written when stderr is not a terminal.
    const LINE_EVERY: Duration = Duration::from_secs(2);

    fn new(quiet: bool) -> Progress {
        let terminal = std::io::IsTerminal::is_terminal(&io::stderr());
        let bar = (!quiet && terminal).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            started: Instant::now(),
            bar,
            last_line: None,
            quiet,
        }
    }

    fn page(&mut self, pages: u64, items: u64) {
        if self.quiet {
            return;
        }
        let elapsed = self.started.elapsed();
        let rate = items as f64 / elapsed.as_secs_f64().max(1e-3);
        let text = format!("{pages} pages, {items} items, {rate:.0} items/s");
        match &self.bar {
            Some(bar) => bar.set_message(text),
            None => {
                let due = self
                    .last_line
                    .is_none_or(|last| last.elapsed() >= Self::LINE_EVERY);
                if due && elapsed >= Self::LINE_EVERY {
                    eprintln!("progress: {text}, {:.1?} elapsed", elapsed);
                    self.last_line = Some(Instant::now());
                }
            }
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// Turns items into NDJSON lines, with keys and prefixes as S3 stores them.
struct Names {
    /// S3 URL-encoded the names of its answers.
    url: bool,
}

impl Names {
    fn name(&self, value: Option<&str>) -> Option<String> {
        value.map(|value| {
            if self.url {
                decode_url(value).into_owned()
            } else {
                value.to_owned()
            }
        })
    }

    fn prefix_line(&self, prefix: Option<&str>) -> Value {
        json!({ "type": "common_prefix", "prefix": self.name(prefix) })
    }

    fn version_line(&self, entry: ObjectVersionEntry) -> Value {
        match entry {
            ObjectVersionEntry::Version(version) => json!({
                "type": "version",
                "key": self.name(version.key()),
                "version_id": version.version_id(),
                "is_latest": version.is_latest(),
            }),
            ObjectVersionEntry::DeleteMarker(marker) => json!({
                "type": "delete_marker",
                "key": self.name(marker.key()),
                "version_id": marker.version_id(),
                "is_latest": marker.is_latest(),
            }),
            ObjectVersionEntry::CommonPrefix(prefix) => self.prefix_line(prefix.prefix()),
        }
    }

    fn object_line(&self, entry: ObjectEntryV2) -> Value {
        match entry {
            ObjectEntryV2::Object(object) => {
                json!({ "type": "object", "key": self.name(object.key()) })
            }
            ObjectEntryV2::CommonPrefix(prefix) => self.prefix_line(prefix.prefix()),
        }
    }

    fn object_v1_line(&self, entry: ObjectEntry) -> Value {
        match entry {
            ObjectEntry::Object(object) => {
                json!({ "type": "object", "key": self.name(object.key()) })
            }
            ObjectEntry::CommonPrefix(prefix) => self.prefix_line(prefix.prefix()),
        }
    }

    fn upload_line(&self, entry: UploadEntry) -> Value {
        match entry {
            UploadEntry::Upload(upload) => json!({
                "type": "upload",
                "key": self.name(upload.key()),
                "upload_id": upload.upload_id(),
            }),
            UploadEntry::CommonPrefix(prefix) => self.prefix_line(prefix.prefix()),
        }
    }
}

/// The self-contained demo: a local moto server, a seeded versioned bucket, a paged listing.
async fn demo() -> ExitCode {
    let started = Instant::now();
    eprintln!("demo: starting a local moto server (run with --help for the real thing)");
    let server = match MotoServer::start() {
        Ok(server) => server,
        Err(error @ moto::MotoError::NotInstalled { .. }) => {
            eprintln!("error: the demo needs moto: {error}");
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let bucket = "pagination-demo";
    let plan = seed::plan(140);
    let (versions, markers) = seed::count(&plan);
    eprintln!(
        "demo: moto at {} (pid {}); seeding {bucket} with {versions} versions and {markers} delete markers under {} prefixes",
        server.endpoint(),
        server.pid(),
        seed::PREFIXES.len()
    );
    let client = server.s3_client();
    if let Err(error) = seed::seed_versioned_bucket(&client, bucket, &plan).await {
        eprintln!("error: seeding failed: {error}");
        return ExitCode::FAILURE;
    }
    let args = Args {
        listing: Listing::ObjectVersions,
        bucket: Some(bucket.into()),
        prefix: None,
        delimiter: None,
        encoding_type: None,
        quiet: false,
        page_size: Some(25),
        max_items: None,
        starting_token: None,
        parallel: None,
        unordered: false,
        splits: None,
        part: None,
        save_splits: None,
        endpoint_url: Some(server.endpoint().into()),
        region: None,
    };
    eprintln!("demo: listing every version with ListObjectVersions, 25 a page");
    let summary = match list(&client, bucket, &args).await {
        Ok(summary) => summary,
        Err(code) => return code,
    };
    drop(server);
    let expected = (versions + markers) as u64;
    eprintln!(
        "demo: {} of {expected} seeded versions and delete markers listed across {} pages; \
         the demo took {:.2?}, moto stopped",
        summary.items,
        summary.pages,
        started.elapsed()
    );
    if summary.items == expected {
        ExitCode::SUCCESS
    } else {
        eprintln!("error: the listing does not hold every seeded entry");
        ExitCode::FAILURE
    }
}
