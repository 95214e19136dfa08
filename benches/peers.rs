//! Parallel listings against the tools users would pick instead. Each variant is a real process
//! listing a bucket of the AWS-rules S3 endpoint on loopback (`pagination_examples::s3_endpoint`),
//! timed wall-clock from spawn to exit, so process start-up counts: it is part of what a user
//! waits for.
//!
//! The buckets are the key shapes of the simulator's corpus
//! (`pagination-core/tests/simulate/corpus.rs`, included here, not copied) with 10,000 keys or
//! more, each listed under its prefix and at its delimiter, in pages of 100. Each shape is put
//! twice: with 60 ms of latency a request, and without latency (the CPU floor: the client
//! processes and the endpoint share this machine's cores).
//!
//! Variants, per shape and latency (the name in parentheses):
//!
//! - `s3_list objects --bucket B --page-size 100 --endpoint-url URL --quiet`
//!   (`s3_list-sequential`): this workspace's CLI (`examples/s3_list.rs`), ListObjectsV2 one page
//!   after another.
//! - The same with `--parallel N` (`s3_list-N-ordered`) and `--parallel N --unordered`
//!   (`s3_list-N-unordered`), for N = 16 and 64.
//! - `rclone lsf -R --disable ListR --checkers N --s3-list-chunk 100 peers:B` (`rclone-N`), for
//!   N = 16 and 64. Plain `lsf -R` lists an S3 bucket with one recursive listing, one page after
//!   another; with ListR disabled, rclone lists folder by folder (delimiter `/`), up to N
//!   folders at a time. Keys without folders are one folder, which rclone lists sequentially.
//!   rclone runs without a config file (`--config ""`): the remote `peers` is set by
//!   `RCLONE_CONFIG_PEERS_*` variables (provider `Other`, path style, test keys), and
//!   `AWS_CA_BUNDLE` is removed from its environment (rclone 1.60 refuses to start with it:
//!   `LoadCustomCABundleError ... unsupported transport`). With provider `Other`, rclone 1.60
//!   lists with ListObjects (v1) and its markers; before it lists a folder given on its command
//!   line, it asks whether that path is an object (HeadObject).
//!
//! The shape listed under a prefix is listed with `--prefix` (rclone lists that folder); the
//! shape listed with a delimiter is listed one level deep: `--delimiter /`, and `lsf` without
//! `-R`.
//!
//! Every run is checked. First, for each shape, a sequential s3_list run on the bucket without
//! latency is checked against the shape's keys: the entries S3 lists, in key order. Each s3_list
//! run must then write the same bytes (in key order) or the same lines (`--unordered`). rclone's
//! lines (paths relative to the folder listed, folders ending in `/`) must be exactly the
//! shape's keys and folders. A run that fails or lists anything else is reported under the
//! table, and the benchmark then fails.
//!
//! The table gives, per shape and variant: the time at 60 ms; the speed-up over the sequential
//! s3_list run at 60 ms; entries (keys, and common prefixes at a delimiter) listed per second at
//! 60 ms; the requests the endpoint received, with those that are not listings counted aside;
//! and the time and requests without latency.
//!
//! Run: `PEERS_BENCH_ONCE=1 cargo bench --bench peers` runs each variant once and prints the
//! table from those runs: about 11 minutes on 2 cores, nearly all of it the listings at 60 ms (a
//! sequential listing of 200 pages takes 12.5 s, and rclone lists keys without folders just as
//! long). `cargo bench --bench peers` measures each variant with criterion instead, 10 samples
//! after a warm-up, so about 11 runs a variant (about two hours); the table then gives the median
//! of the samples, and the range of their requests when they differ. `PEERS_BENCH_ONLY=<text>`
//! runs only the variants whose name, `/shape/latency/variant/` such as
//! `/under-a-prefix/60ms/s3_list-16-unordered/`, contains the text: `/counter/` is the shape
//! `counter` alone, `60ms/rclone` every rclone variant at 60 ms. The benchmark builds `s3_list`
//! (`cargo build --release --example s3_list`) when it is missing or older than the sources.
//! rclone comes from the system (Debian: `apt-get install rclone`); without it, its variants are
//! skipped with a message.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime};

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use pagination_examples::s3_endpoint::{Bucket, Quirks, RecordedRequest, S3Endpoint};
use serde_json::Value;

#[path = "../pagination-core/tests/simulate/corpus.rs"]
mod corpus;

/// The latency of the slow copy of each bucket, a request.
const LATENCY: Duration = Duration::from_millis(60);
/// Entries a page, for both tools.
const PAGE_SIZE: u32 = 100;
/// The shapes benchmarked have at least this many keys.
const MIN_KEYS: usize = 10_000;
/// A shape of the corpus left out whatever its size.
const SKIPPED_SHAPE: &str = "sparse words";
/// Requests in flight (s3_list) and folders listed at a time (rclone).
const CONCURRENCY: [u32; 2] = [16, 64];
/// Criterion's samples of each variant.
const SAMPLES: usize = 10;
/// The rclone remote, set by `RCLONE_CONFIG_PEERS_*` variables.
const REMOTE: &str = "peers";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Latency {
    Slow,
    Zero,
}

impl Latency {
    const ALL: [Latency; 2] = [Latency::Slow, Latency::Zero];

    fn name(self) -> String {
        match self {
            Latency::Slow => format!("{}ms", LATENCY.as_millis()),
            Latency::Zero => "0ms".to_owned(),
        }
    }

    fn bucket(self) -> String {
        format!("peers-{}", self.name())
    }

    fn quirks(self) -> Quirks {
        Quirks {
            latency: (self == Latency::Slow).then_some(LATENCY),
            ..Quirks::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Sequential,
    Parallel { requests: u32, ordered: bool },
    Rclone { checkers: u32 },
}

impl Variant {
    fn all() -> Vec<Variant> {
        let mut variants = vec![Variant::Sequential];
        for requests in CONCURRENCY {
            for ordered in [true, false] {
                variants.push(Variant::Parallel { requests, ordered });
            }
        }
        variants.extend(CONCURRENCY.map(|checkers| Variant::Rclone { checkers }));
        variants
    }

    /// The name `PEERS_BENCH_ONLY` and criterion know it by.
    fn name(self) -> String {
        match self {
            Variant::Sequential => "s3_list-sequential".to_owned(),
            Variant::Parallel { requests, ordered } => format!(
                "s3_list-{requests}-{}",
                if ordered { "ordered" } else { "unordered" }
            ),
            Variant::Rclone { checkers } => format!("rclone-{checkers}"),
        }
    }

    /// How the table shows it: the command's distinctive options.
    fn label(self) -> String {
        match self {
            Variant::Sequential => "s3_list".to_owned(),
            Variant::Parallel {
                requests,
                ordered: true,
            } => format!("s3_list --parallel {requests}"),
            Variant::Parallel {
                requests,
                ordered: false,
            } => format!("s3_list --parallel {requests} --unordered"),
            Variant::Rclone { checkers } => format!("rclone --checkers {checkers}"),
        }
    }

    fn is_rclone(self) -> bool {
        matches!(self, Variant::Rclone { .. })
    }
}

/// One entry of a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Object(String),
    CommonPrefix(String),
}

impl Entry {
    fn name(&self) -> &str {
        match self {
            Entry::Object(name) | Entry::CommonPrefix(name) => name,
        }
    }
}

/// A shape of the corpus, and what listing it must give.
struct Case {
    name: &'static str,
    /// The name in lower case, words joined by `-`.
    slug: String,
    keys: Vec<String>,
    prefix: &'static str,
    delimiter: Option<&'static str>,
    /// What S3 lists for the prefix and delimiter, in key order.
    entries: Vec<Entry>,
}

impl Case {
    fn new(shape: corpus::Shape) -> Case {
        let slug = shape
            .name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join("-")
            .to_ascii_lowercase();
        let entries = listing(&shape.keys, shape.prefix, shape.delimiter);
        Case {
            name: shape.name,
            slug,
            keys: shape.keys,
            prefix: shape.prefix,
            delimiter: shape.delimiter,
            entries,
        }
    }

    /// The lines rclone must print, sorted; `None` when rclone cannot list what S3 would: a
    /// prefix that is not a folder, or a delimiter other than `/`.
    fn rclone_lines(&self) -> Option<Vec<String>> {
        if !(self.prefix.is_empty() || self.prefix.ends_with('/')) {
            return None;
        }
        let relative = |name: &str| name[self.prefix.len()..].to_owned();
        let mut lines = BTreeSet::new();
        match self.delimiter {
            Some("/") => lines.extend(self.entries.iter().map(|entry| relative(entry.name()))),
            Some(_) => return None,
            None => {
                for entry in &self.entries {
                    let path = relative(entry.name());
                    // Each folder on the way, as `lsf -R` lists it.
                    for (at, _) in path.match_indices('/') {
                        lines.insert(path[..=at].to_owned());
                    }
                    lines.insert(path);
                }
            }
        }
        Some(lines.into_iter().collect())
    }

    /// `peers:bucket` or `peers:bucket/folder`.
    fn rclone_target(&self, bucket: &str) -> String {
        let folder = self.prefix.trim_end_matches('/');
        if folder.is_empty() {
            format!("{REMOTE}:{bucket}")
        } else {
            format!("{REMOTE}:{bucket}/{folder}")
        }
    }
}

/// The entries S3 lists for `prefix` and `delimiter`: keys in UTF-8 byte order, each key whose
/// rest after the prefix holds the delimiter rolled up into one common prefix in its place.
fn listing(keys: &[String], prefix: &str, delimiter: Option<&str>) -> Vec<Entry> {
    let mut keys: Vec<&str> = (keys.iter().map(String::as_str))
        .filter(|key| key.starts_with(prefix))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut entries: Vec<Entry> = Vec::new();
    for key in keys {
        let rolled_up = delimiter
            .filter(|delimiter| !delimiter.is_empty())
            .and_then(|delimiter| {
                let at = key[prefix.len()..].find(delimiter)?;
                Some(&key[..prefix.len() + at + delimiter.len()])
            });
        match rolled_up {
            Some(common) if entries.last().is_some_and(|last| last.name() == common) => {}
            Some(common) => entries.push(Entry::CommonPrefix(common.to_owned())),
            None => entries.push(Entry::Object(key.to_owned())),
        }
    }
    entries
}

/// The requests of one run, by operation (or method, for those the endpoint does not serve).
#[derive(Debug, Clone, Default)]
struct Requests(BTreeMap<String, usize>);

impl Requests {
    fn new(requests: &[RecordedRequest]) -> Requests {
        let mut counted = BTreeMap::new();
        for request in requests {
            let kind = match request.operation {
                "Unknown" => format!("{} not served", request.method),
                operation => operation.to_owned(),
            };
            *counted.entry(kind).or_default() += 1;
        }
        Requests(counted)
    }

    fn total(&self) -> usize {
        self.0.values().sum()
    }

    /// `200`, or `201 (1 HeadObject)`: the requests that are not listings counted aside.
    fn describe(&self) -> String {
        format!("{}{}", self.total(), self.aside())
    }

    /// ` (1 HeadObject)`: the requests that are not listings, or nothing.
    fn aside(&self) -> String {
        let other: Vec<String> = (self.0.iter())
            .filter(|(kind, _)| !kind.starts_with("ListObjects"))
            .map(|(kind, count)| format!("{count} {kind}"))
            .collect();
        if other.is_empty() {
            String::new()
        } else {
            format!(" ({})", other.join(", "))
        }
    }

    /// Every kind: `201 (200 ListObjects, 1 HeadObject)`.
    fn detail(&self) -> String {
        let kinds: Vec<String> = (self.0.iter())
            .map(|(kind, count)| format!("{count} {kind}"))
            .collect();
        format!("{} ({})", self.total(), kinds.join(", "))
    }
}

/// What s3_list's output must be, from the sequential listing of the bucket without latency.
struct Reference {
    stdout: Vec<u8>,
    sorted: Vec<String>,
}

/// The programs run.
struct Tools {
    s3_list: PathBuf,
    /// The commit s3_list was checked against (and built from, if it was), when the run began.
    commit: String,
    /// rclone's version line; `None` when rclone cannot be run.
    rclone: Option<String>,
}

/// One timed run.
struct Run {
    elapsed: Duration,
    requests: Requests,
    /// What was wrong with the run, if anything.
    problem: Option<String>,
}

/// The measurements of one variant at one latency.
struct Measured {
    case: usize,
    variant: Variant,
    latency: Latency,
    time: Duration,
    /// The requests of each run measured, in order.
    requests: Vec<usize>,
    /// The requests of the last run, by kind.
    last_requests: Requests,
}

impl Measured {
    /// `234`, or `230-241` when the runs differ; those that are not listings counted aside, as
    /// in the last run.
    fn describe_requests(&self) -> String {
        let low = self.requests.iter().min().copied().unwrap_or_default();
        let high = self.requests.iter().max().copied().unwrap_or_default();
        if low == high {
            self.last_requests.describe()
        } else {
            format!("{low}-{high}{}", self.last_requests.aside())
        }
    }
}

struct Bench<'a> {
    endpoint: &'a S3Endpoint,
    tools: &'a Tools,
}

impl Bench<'_> {
    fn command(&self, case: &Case, variant: Variant, latency: Latency) -> Command {
        let bucket = latency.bucket();
        match variant {
            Variant::Sequential | Variant::Parallel { .. } => {
                let mut command = Command::new(&self.tools.s3_list);
                command.args(["objects", "--bucket", &bucket]);
                command.args(["--page-size", &PAGE_SIZE.to_string()]);
                if !case.prefix.is_empty() {
                    command.args(["--prefix", case.prefix]);
                }
                if let Some(delimiter) = case.delimiter {
                    command.args(["--delimiter", delimiter]);
                }
                if let Variant::Parallel { requests, ordered } = variant {
                    command.args(["--parallel", &requests.to_string()]);
                    if !ordered {
                        command.arg("--unordered");
                    }
                }
                command.args(["--endpoint-url", &self.endpoint.endpoint(), "--quiet"]);
                command
                    .env("AWS_ACCESS_KEY_ID", "test")
                    .env("AWS_SECRET_ACCESS_KEY", "test")
                    .env_remove("AWS_SESSION_TOKEN")
                    .env_remove("AWS_PROFILE")
                    .env_remove("RUST_LOG");
                command
            }
            Variant::Rclone { checkers } => {
                let mut command = Command::new("rclone");
                command.args(["--config", "", "lsf"]);
                if case.delimiter.is_none() {
                    command.arg("-R");
                }
                command.args(["--disable", "ListR", "--checkers", &checkers.to_string()]);
                command.args(["--s3-list-chunk", &PAGE_SIZE.to_string()]);
                command.arg(case.rclone_target(&bucket));
                let config = |name: &str| format!("RCLONE_CONFIG_{}_{name}", REMOTE.to_uppercase());
                command
                    .env(config("TYPE"), "s3")
                    .env(config("PROVIDER"), "Other")
                    .env(config("ENDPOINT"), self.endpoint.endpoint())
                    .env(config("ACCESS_KEY_ID"), "test")
                    .env(config("SECRET_ACCESS_KEY"), "test")
                    .env(config("REGION"), "us-east-1")
                    .env(config("FORCE_PATH_STYLE"), "true")
                    .env_remove("AWS_CA_BUNDLE");
                command
            }
        }
    }

    /// Runs `variant` once and checks what it listed.
    fn run(
        &self,
        case: &Case,
        variant: Variant,
        latency: Latency,
        reference: Option<&Reference>,
    ) -> Run {
        let mut command = self.command(case, variant, latency);
        self.endpoint.clear_requests();
        let started = Instant::now();
        let output = command.output();
        let elapsed = started.elapsed();
        let requests = Requests::new(&self.endpoint.requests());
        self.endpoint.clear_requests();
        let problem = match output {
            Err(error) => Some(format!("cannot run {command:?}: {error}")),
            Ok(output) => check(case, variant, &output, reference).err(),
        };
        Run {
            elapsed,
            requests,
            problem,
        }
    }

    /// The sequential s3_list listing of the bucket without latency, checked against the
    /// shape's entries.
    fn reference(&self, case: &Case) -> Result<Reference, String> {
        let mut command = self.command(case, Variant::Sequential, Latency::Zero);
        let output = command
            .output()
            .map_err(|error| format!("cannot run {command:?}: {error}"))?;
        let stdout = successful(&output)?;
        let mut listed = Vec::new();
        for line in stdout.lines() {
            let value: Value = serde_json::from_str(line)
                .map_err(|error| format!("a line that is not JSON ({error}): {line}"))?;
            let name = |field: &str| value[field].as_str().map(str::to_owned);
            let entry = match (value["type"].as_str(), name("key"), name("prefix")) {
                (Some("object"), Some(key), _) => Entry::Object(key),
                (Some("common_prefix"), _, Some(prefix)) => Entry::CommonPrefix(prefix),
                _ => return Err(format!("a line that is no entry: {line}")),
            };
            listed.push(entry);
        }
        if listed != case.entries {
            let at = (listed.iter().zip(&case.entries))
                .position(|(listed, wanted)| listed != wanted)
                .unwrap_or(listed.len().min(case.entries.len()));
            return Err(format!(
                "the sequential listing has {} entries where the bucket has {}; the first \
                 difference, at entry {at}: {:?} listed, {:?} wanted",
                listed.len(),
                case.entries.len(),
                listed.get(at),
                case.entries.get(at),
            ));
        }
        Ok(Reference {
            sorted: sorted_lines(stdout),
            stdout: output.stdout,
        })
    }
}

/// The standard output of a run that succeeded, as text.
fn successful(output: &Output) -> Result<&str, String> {
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!("{}: {}", output.status, tail.join(" | ")));
    }
    std::str::from_utf8(&output.stdout).map_err(|error| format!("output not UTF-8: {error}"))
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.sort_unstable();
    lines
}

/// Checks a run's output: s3_list's against the reference, rclone's against the shape.
fn check(
    case: &Case,
    variant: Variant,
    output: &Output,
    reference: Option<&Reference>,
) -> Result<(), String> {
    let stdout = successful(output)?;
    match variant {
        Variant::Rclone { .. } => {
            let wanted = case
                .rclone_lines()
                .ok_or("rclone cannot list this shape's prefix and delimiter")?;
            let listed = sorted_lines(stdout);
            if listed == wanted {
                return Ok(());
            }
            let folders =
                |lines: &[String]| lines.iter().filter(|line| line.ends_with('/')).count();
            let missing = wanted
                .iter()
                .find(|line| listed.binary_search(line).is_err());
            let extra = listed
                .iter()
                .find(|line| wanted.binary_search(line).is_err());
            Err(format!(
                "rclone printed {} files and {} folders where the bucket has {} and {}; \
                 first missing: {missing:?}, first extra: {extra:?}",
                listed.len() - folders(&listed),
                folders(&listed),
                wanted.len() - folders(&wanted),
                folders(&wanted),
            ))
        }
        Variant::Sequential | Variant::Parallel { ordered: true, .. } => {
            let reference = reference.ok_or("no reference listing")?;
            if output.stdout == reference.stdout {
                return Ok(());
            }
            let reference_text = String::from_utf8_lossy(&reference.stdout);
            let at = (stdout.lines().zip(reference_text.lines()))
                .position(|(listed, wanted)| listed != wanted);
            Err(format!(
                "not the sequential listing: {} lines where it has {}; first difference at line {at:?}",
                stdout.lines().count(),
                reference_text.lines().count(),
            ))
        }
        Variant::Parallel { ordered: false, .. } => {
            let reference = reference.ok_or("no reference listing")?;
            let listed = sorted_lines(stdout);
            if listed == reference.sorted {
                return Ok(());
            }
            Err(format!(
                "not the sequential listing's lines: {} lines where it has {}",
                listed.len(),
                reference.sorted.len()
            ))
        }
    }
}

/// `target/release/examples/s3_list`, built first when it is missing or older than the sources.
fn s3_list() -> Result<PathBuf, String> {
    let executable = std::env::current_exe().map_err(|error| error.to_string())?;
    // target/release/deps/peers-HASH
    let target = (executable.ancestors().nth(3))
        .ok_or_else(|| format!("no target directory above {}", executable.display()))?;
    let binary =
        (target.join("release/examples")).join(format!("s3_list{}", std::env::consts::EXE_SUFFIX));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = modified(&binary);
    let sources = newest_source(root);
    if built.is_some() && built >= sources {
        return Ok(binary);
    }
    eprintln!(
        "peers: {} is {}; building it",
        binary.display(),
        if built.is_some() {
            "older than the sources"
        } else {
            "missing"
        }
    );
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let status = Command::new(cargo)
        .args(["build", "--release", "--example", "s3_list", "--target-dir"])
        .arg(target)
        .current_dir(root)
        .status()
        .map_err(|error| format!("cannot run cargo: {error}"))?;
    if !status.success() {
        return Err(format!("cargo build --release --example s3_list: {status}"));
    }
    if modified(&binary).is_none() {
        return Err(format!("cargo built no {}", binary.display()));
    }
    Ok(binary)
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata()
        .and_then(|metadata| metadata.modified())
        .ok()
}

/// The newest modification time of what s3_list is built from.
fn newest_source(root: &Path) -> Option<SystemTime> {
    fn walk(path: &Path, newest: &mut Option<SystemTime>) {
        if let Ok(entries) = path.read_dir() {
            for entry in entries.flatten() {
                walk(&entry.path(), newest);
            }
        } else {
            *newest = (*newest).max(modified(path));
        }
    }
    let mut newest = None;
    for path in [
        "Cargo.toml",
        "Cargo.lock",
        "src",
        "examples/s3_list.rs",
        "pagination-core/Cargo.toml",
        "pagination-core/src",
        "pagination-derive/Cargo.toml",
        "pagination-derive/src",
        "pagination-aws/Cargo.toml",
        "pagination-aws/src",
    ] {
        walk(&root.join(path), &mut newest);
    }
    newest
}

/// rclone's version line, or why it cannot be run.
fn rclone() -> Result<String, String> {
    let output = Command::new("rclone")
        .arg("version")
        .output()
        .map_err(|error| error.to_string())?;
    let stdout = successful(&output)?;
    Ok(stdout.lines().next().unwrap_or("rclone").to_owned())
}

/// The commit measured, and whether the working tree differs from it.
fn commit() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    };
    match (
        git(&["rev-parse", "--short", "HEAD"]),
        git(&["status", "--porcelain", "--untracked-files=no"]),
    ) {
        (Some(commit), Some(changes)) if !changes.is_empty() => {
            format!("{commit} with uncommitted changes")
        }
        (Some(commit), _) => commit,
        (None, _) => "unknown".to_owned(),
    }
}

/// Whether `PEERS_BENCH_ONLY` lets this variant run.
fn selected(case: &Case, latency: Latency, variant: Variant) -> bool {
    let name = format!("/{}/{}/{}/", case.slug, latency.name(), variant.name());
    std::env::var("PEERS_BENCH_ONLY").map_or(true, |only| name.contains(&only))
}

fn median(mut times: Vec<Duration>) -> Option<Duration> {
    times.sort_unstable();
    let middle = times.len() / 2;
    match times.len() {
        0 => None,
        n if n % 2 == 1 => Some(times[middle]),
        _ => Some((times[middle - 1] + times[middle]) / 2),
    }
}

fn peers(c: &mut Criterion) {
    let once = std::env::var_os("PEERS_BENCH_ONCE").is_some();
    let s3_list = match s3_list() {
        Ok(path) => path,
        Err(error) => panic!("peers: cannot build s3_list: {error}"),
    };
    let rclone = match rclone() {
        Ok(version) => Some(version),
        Err(error) => {
            eprintln!(
                "peers: rclone cannot be run ({error}); its variants are skipped \
                 (Debian: apt-get install rclone)"
            );
            None
        }
    };
    let tools = Tools {
        s3_list,
        commit: commit(),
        rclone,
    };
    let endpoint = S3Endpoint::start().expect("the endpoint starts");
    let bench = Bench {
        endpoint: &endpoint,
        tools: &tools,
    };
    let cases: Vec<Case> = (corpus::corpus().into_iter())
        .filter(|shape| shape.keys.len() >= MIN_KEYS && shape.name != SKIPPED_SHAPE)
        .map(Case::new)
        .collect();
    let variants: Vec<Variant> = (Variant::all().into_iter())
        .filter(|variant| tools.rclone.is_some() || !variant.is_rclone())
        .collect();

    let mut results: Vec<Measured> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let wanted = |latency: Latency, variant: Variant| selected(case, latency, variant);
        if !Latency::ALL
            .iter()
            .any(|&latency| variants.iter().any(|&variant| wanted(latency, variant)))
        {
            continue;
        }
        for latency in Latency::ALL {
            let mut bucket = Bucket::objects(case.keys.iter().cloned());
            bucket.quirks = latency.quirks();
            endpoint.put_bucket(&latency.bucket(), bucket);
        }
        let needs_reference = Latency::ALL.iter().any(|&latency| {
            (variants.iter()).any(|&variant| !variant.is_rclone() && wanted(latency, variant))
        });
        let reference = if needs_reference {
            match bench.reference(case) {
                Ok(reference) => Some(reference),
                Err(problem) => {
                    problems.push(format!("{}: the reference listing: {problem}", case.name));
                    None
                }
            }
        } else {
            None
        };
        for latency in Latency::ALL {
            let group_name = format!("peers/{}/{}", case.slug, latency.name());
            let mut group = c.benchmark_group(&group_name);
            group
                .throughput(Throughput::Elements(case.entries.len() as u64))
                .sampling_mode(SamplingMode::Flat)
                .sample_size(SAMPLES)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(1));
            for &variant in &variants {
                if !wanted(latency, variant) || (!variant.is_rclone() && reference.is_none()) {
                    continue;
                }
                let name = format!("{group_name}/{}", variant.name());
                let measured = if once {
                    let run = bench.run(case, variant, latency, reference.as_ref());
                    eprintln!(
                        "{name}: {:.3?}, requests: {}{}",
                        run.elapsed,
                        run.requests.detail(),
                        run.problem
                            .as_deref()
                            .map_or(String::new(), |problem| format!(", WRONG: {problem}")),
                    );
                    if let Some(problem) = run.problem {
                        problems.push(format!("{name}: {problem}"));
                    }
                    Measured {
                        case: index,
                        variant,
                        latency,
                        time: run.elapsed,
                        requests: vec![run.requests.total()],
                        last_requests: run.requests,
                    }
                } else {
                    // One entry a call of the routine: criterion's warm-up first, its samples
                    // last, each the time of one iteration.
                    let mut calls: Vec<(Duration, Vec<Requests>)> = Vec::new();
                    group.bench_function(variant.name(), |b| {
                        b.iter_custom(|iterations| {
                            let mut total = Duration::ZERO;
                            let mut requests = Vec::new();
                            for _ in 0..iterations {
                                let run = bench.run(case, variant, latency, reference.as_ref());
                                if let Some(problem) = run.problem {
                                    panic!("{name}: {problem}");
                                }
                                total += run.elapsed;
                                requests.push(run.requests);
                            }
                            let per_iteration =
                                u32::try_from(iterations.max(1)).unwrap_or(u32::MAX);
                            calls.push((total / per_iteration, requests));
                            total
                        })
                    });
                    let samples = &calls[calls.len().saturating_sub(SAMPLES)..];
                    let Some(time) = median(samples.iter().map(|(time, _)| *time).collect()) else {
                        // Criterion filtered the benchmark out (a name given on its command line).
                        continue;
                    };
                    let requests: Vec<&Requests> =
                        samples.iter().flat_map(|(_, requests)| requests).collect();
                    Measured {
                        case: index,
                        variant,
                        latency,
                        time,
                        requests: requests.iter().map(|requests| requests.total()).collect(),
                        last_requests: requests
                            .last()
                            .map_or_else(Requests::default, |r| (*r).clone()),
                    }
                };
                results.push(measured);
            }
            group.finish();
        }
    }

    println!("{}", table(&cases, &variants, &results, &tools, once));
    if tools.rclone.is_none() {
        println!("rclone's variants were skipped: rclone cannot be run.\n");
    }
    if !problems.is_empty() {
        println!("Runs that failed or listed something else:\n");
        for problem in &problems {
            println!("- {problem}");
        }
        panic!(
            "peers: {} runs failed or listed something else",
            problems.len()
        );
    }
}

/// The markdown table of the results, with what it was measured with.
fn table(
    cases: &[Case],
    variants: &[Variant],
    results: &[Measured],
    tools: &Tools,
    once: bool,
) -> String {
    let mut out = String::new();
    let slow = format!("{} ms", LATENCY.as_millis());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let _ = writeln!(
        out,
        "\nPeers: commit {}; {cores} cores; s3_list {}; {}; pages of {PAGE_SIZE}; {}.\n",
        tools.commit,
        tools.s3_list.display(),
        tools.rclone.as_deref().unwrap_or("rclone not run"),
        if once {
            "one run of each variant".to_owned()
        } else {
            format!("medians of {SAMPLES} samples")
        },
    );
    let _ = writeln!(
        out,
        "| shape | entries | variant | {slow}: time | speed-up | entries/s | requests | 0 ms: time | 0 ms: requests |"
    );
    let _ = writeln!(out, "|---|---:|---|---:|---:|---:|---:|---:|---:|");
    let find = |case: usize, variant: Variant, latency: Latency| {
        (results.iter()).find(|m| m.case == case && m.variant == variant && m.latency == latency)
    };
    for (index, case) in cases.iter().enumerate() {
        let sequential = find(index, Variant::Sequential, Latency::Slow);
        for &variant in variants {
            let at_slow = find(index, variant, Latency::Slow);
            let at_zero = find(index, variant, Latency::Zero);
            if at_slow.is_none() && at_zero.is_none() {
                continue;
            }
            let entries = case.entries.len();
            let (time, speed_up, rate, requests) = match at_slow {
                Some(measured) => (
                    seconds(measured.time),
                    sequential.map_or("".to_owned(), |sequential| {
                        format!(
                            "{:.2}x",
                            sequential.time.as_secs_f64() / measured.time.as_secs_f64()
                        )
                    }),
                    thousands((entries as f64 / measured.time.as_secs_f64()).round() as u64),
                    measured.describe_requests(),
                ),
                None => Default::default(),
            };
            let (zero_time, zero_requests) = at_zero.map_or_else(Default::default, |measured| {
                (seconds(measured.time), measured.describe_requests())
            });
            let _ = writeln!(
                out,
                "| {} | {} | {} | {time} | {speed_up} | {rate} | {requests} | {zero_time} | {zero_requests} |",
                case.name,
                thousands(entries as u64),
                variant.label(),
            );
        }
    }
    out
}

/// `12.41 s`, `1.204 s`.
fn seconds(time: Duration) -> String {
    let seconds = time.as_secs_f64();
    if seconds >= 10.0 {
        format!("{seconds:.2} s")
    } else {
        format!("{seconds:.3} s")
    }
}

/// `16,900`.
fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

criterion_group!(benches, peers);
criterion_main!(benches);
