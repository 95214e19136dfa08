//! Stop a listing after every possible number of items, write its cursor down as a string, and
//! resume from it: what was seen plus what follows is the whole listing (issue 3), over moto.

use std::fmt::Debug;

use futures::TryStreamExt;
use pagination_aws::s3::{ListObjectVersions, ListObjects};
use pagination_core::{Cursor, PageSize, PaginatedOperation, Paginator};
use pagination_examples::seed;

use crate::fixtures::{KEYS, seed_bucket};
use crate::support::{moto, unique_bucket};

const PAGE_SIZE: u32 = 3;

/// For every `k` in `0..=n`: the first `k` items (`max_items(k)`), the cursor after them through
/// its string form, then the rest from that cursor. Returns `n`.
pub(crate) async fn resume_at_every_offset<Op>(request: Op::Request) -> usize
where
    Op: PageSize,
    Op::Item: PartialEq + Debug,
    Op::Error: Debug,
{
    spans_several_pages(resume_at_every_offset_of::<Op>(paged::<Op>(request), false).await)
}

/// As [`resume_at_every_offset`], for a service whose listing may end with empty pages that
/// still carry a token (DynamoDB's ExecuteStatement): after the last item, a cursor may remain,
/// and resuming from it lists nothing.
#[cfg(feature = "all-services")]
pub(crate) async fn resume_at_every_offset_with_trailing_empty_pages<Op>(
    request: Op::Request,
) -> usize
where
    Op: PageSize,
    Op::Item: PartialEq + Debug,
    Op::Error: Debug,
{
    spans_several_pages(resume_at_every_offset_of::<Op>(paged::<Op>(request), true).await)
}

/// `n`, after checking that a listing of `n` items at pages of [`PAGE_SIZE`] spans several.
fn spans_several_pages(n: usize) -> usize {
    assert!(
        n > 2 * PAGE_SIZE as usize,
        "the listing spans several pages"
    );
    n
}

/// `request` at pages of [`PAGE_SIZE`].
fn paged<Op: PageSize>(request: Op::Request) -> impl Fn() -> Paginator<Op> {
    move || Paginator::<Op>::new(request.clone()).page_size(PAGE_SIZE)
}

/// As [`resume_at_every_offset`], at the service's own page size, for an operation without one
/// (CloudWatch's ListMetrics): `make` gives the paginator of each listing.
#[cfg(feature = "all-services")]
pub(crate) async fn resume_at_every_offset_unsized<Op>(make: impl Fn() -> Paginator<Op>) -> usize
where
    Op: PaginatedOperation,
    Op::Item: PartialEq + Debug,
    Op::Error: Debug,
{
    resume_at_every_offset_of::<Op>(make, false).await
}

async fn resume_at_every_offset_of<Op>(
    make: impl Fn() -> Paginator<Op>,
    trailing_empty_pages: bool,
) -> usize
where
    Op: PaginatedOperation,
    Op::Item: PartialEq + Debug,
    Op::Error: Debug,
{
    let full: Vec<Op::Item> = make().items().try_collect().await.unwrap();
    let n = full.len();

    for k in 0..=n {
        let mut head_stream = make().max_items(k as u64).items();
        let mut seen = Vec::new();
        while let Some(item) = head_stream.try_next().await.unwrap() {
            seen.push(item);
        }
        assert_eq!(seen.len(), k, "max_items({k})");

        match head_stream.cursor() {
            Some(cursor) => {
                assert!(
                    k < n || trailing_empty_pages,
                    "after all {n} items the listing is complete, yet a cursor"
                );
                let text = cursor.to_string();
                let parsed: Cursor = text.parse().unwrap();
                assert_eq!(parsed, cursor, "k = {k}: the string form round-trips");
                let rest: Vec<Op::Item> = make()
                    .resume_from(&parsed)
                    .unwrap()
                    .items()
                    .try_collect()
                    .await
                    .unwrap();
                assert_eq!(rest.len(), n - k, "k = {k}: the rest after the cursor");
                seen.extend(rest);
            }
            None => assert_eq!(k, n, "the cursor is gone after {k} of {n} items"),
        }
        assert_eq!(seen, full, "k = {k}: head + tail is the full listing");
    }
    n
}

#[tokio::test]
async fn list_object_versions_resumes_after_every_item() {
    let server = moto();
    let client = server.s3_client();
    let bucket = unique_bucket("resume-versions");
    let plan = seed::plan(9);
    seed::seed_versioned_bucket(&client, &bucket, &plan)
        .await
        .unwrap();
    let (versions, markers) = seed::count(&plan);

    let request = client.list_object_versions().bucket(&bucket);
    let n = resume_at_every_offset::<ListObjectVersions>(request).await;
    assert_eq!(n, versions + markers);
    eprintln!(
        "resume_every_offset: ListObjectVersions resumed at all {} offsets",
        n + 1
    );
}

#[tokio::test]
async fn list_objects_resumes_after_every_item() {
    let server = moto();
    let client = server.s3_client();
    let bucket = unique_bucket("resume-objects");
    let keys = &KEYS[..20];
    seed_bucket(&client, &bucket, keys).await;

    let request = client.list_objects().bucket(&bucket);
    let n = resume_at_every_offset::<ListObjects>(request).await;
    assert_eq!(n, keys.len());
    eprintln!(
        "resume_every_offset: ListObjects resumed at all {} offsets",
        n + 1
    );
}
