//! GitHub style: the next page's whole URL comes in a `Link` response header, read with
//! `pagination_core::link` as RFC 8288 writes it.

#[path = "declarations/github.rs"]
mod declaration;

use futures::TryStreamExt;
use pagination_core::IntoPaginator;

use crate::drain;
use crate::server::{RECORDS, Server};
use declaration::{ListRepos, Repo};

fn list_repos(base: String) -> ListRepos {
    ListRepos {
        client: reqwest::Client::new(),
        base,
        url: None,
        per_page: None,
    }
}

fn ids(repos: &[Repo]) -> Vec<u64> {
    repos.iter().map(|repo| repo.id).collect()
}

#[tokio::test]
async fn the_next_url_of_a_link_header() {
    let server = Server::start().await;
    let request = list_repos(format!("{}/github/plain", server.base));
    let repos: Vec<Repo> = request
        .clone()
        .into_paginator()
        .page_size(10)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&repos), (0..RECORDS as u64).collect::<Vec<_>>());
    assert_eq!(repos[46].full_name, "octo/repo-46");
    assert_eq!(server.requests(), 5);

    // Resume after any item: the cursor holds the URL of the page it is in.
    for taken in [0, 9, 10, 31, 46] {
        let mut first = request
            .clone()
            .into_paginator()
            .page_size(10)
            .max_items(taken)
            .items();
        let mut seen = Vec::new();
        while let Some(repo) = first.try_next().await.unwrap() {
            seen.push(repo.id);
        }
        let rest: Vec<Repo> = request
            .clone()
            .into_paginator()
            .page_size(10)
            .resume_from(&first.cursor().unwrap())
            .unwrap()
            .items()
            .try_collect()
            .await
            .unwrap();
        seen.extend(ids(&rest));
        assert_eq!(
            seen,
            (0..RECORDS as u64).collect::<Vec<_>>(),
            "after {taken}"
        );
    }
}

/// Each variant is a public report's `Link` header: a comma (guzzle/psr7#595) or a semicolon in
/// the next URL's query, `rel="next last"` (RFC 8288 3.3), the next link in a second `Link`
/// field, relative targets with `REL` in upper case (RFC 8288 3.2). Every one lists all 47, in
/// order, in as many requests as the plain header.
#[tokio::test]
async fn every_link_header_public_reports_broke_lists_everything() {
    let server = Server::start().await;
    for variant in ["comma", "semicolon", "relations", "fields", "relative"] {
        for (per_page, requests) in [(10, 5), (1, 47), (47, 1), (200, 1)] {
            let before = server.requests();
            let (repos, error) = drain(
                list_repos(format!("{}/github/{variant}", server.base))
                    .into_paginator()
                    .page_size(per_page)
                    .items(),
            )
            .await;
            assert!(error.is_none(), "{variant}, {per_page}: {error:?}");
            assert_eq!(
                ids(&repos),
                (0..RECORDS as u64).collect::<Vec<_>>(),
                "{variant}, per page {per_page}"
            );
            assert_eq!(
                server.requests() - before,
                requests,
                "{variant}, per page {per_page}"
            );
        }
    }
}
