//! GitHub style: the next page's whole URL comes in a `Link` response header.

use futures::TryStreamExt;
use pagination_core::{IntoPaginator, PageRequest, paginate};
use serde::Deserialize;

use crate::server::{RECORDS, Server};

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Repo {
    id: u64,
    full_name: String,
}

/// One page: the body's items, and the `rel="next"` URL of the `Link` header.
pub struct ReposPage {
    repos: Vec<Repo>,
    next_url: Option<String>,
}

/// The token is the whole next request: a URL. Without one, the first page's URL.
#[paginate(input_token = url, output_token = next_url, items = repos: Repo, page_size = per_page)]
#[derive(Clone, Debug)]
pub struct ListRepos {
    #[paginate(skip)]
    client: reqwest::Client,
    base: String,
    url: Option<String>,
    per_page: Option<u32>,
}

/// The `rel="next"` target of a `Link` header (RFC 8288): `<url>; rel="next", <url>; rel="last"`.
fn next_link(header: &str) -> Option<String> {
    header.split(',').find_map(|link| {
        let (target, params) = link.trim().split_once(';')?;
        let is_next = params
            .split(';')
            .any(|param| param.trim().trim_start_matches("rel=").trim_matches('"') == "next");
        is_next.then(|| {
            target
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_owned()
        })
    })
}

impl PageRequest for ListRepos {
    type Output = ReposPage;
    type Error = reqwest::Error;

    async fn send(self) -> Result<ReposPage, reqwest::Error> {
        let url = match self.url {
            Some(url) => url,
            None => format!(
                "{}/github/repos?per_page={}",
                self.base,
                self.per_page.unwrap_or(30)
            ),
        };
        let response = self.client.get(url).send().await?.error_for_status()?;
        let next_url = response
            .headers()
            .get(reqwest::header::LINK)
            .and_then(|value| value.to_str().ok())
            .and_then(next_link);
        Ok(ReposPage {
            repos: response.json().await?,
            next_url,
        })
    }
}

#[tokio::test]
async fn the_next_url_of_a_link_header() {
    let server = Server::start().await;
    let request = ListRepos {
        client: reqwest::Client::new(),
        base: server.base.clone(),
        url: None,
        per_page: None,
    };
    let repos: Vec<Repo> = request
        .clone()
        .into_paginator()
        .page_size(10)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(repos.len(), RECORDS);
    assert!(
        repos
            .iter()
            .enumerate()
            .all(|(n, repo)| repo.id == n as u64)
    );
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
        seen.extend(rest.iter().map(|repo| repo.id));
        assert_eq!(
            seen,
            (0..RECORDS as u64).collect::<Vec<_>>(),
            "after {taken}"
        );
    }
}

#[test]
fn link_headers_are_read_as_rfc_8288_writes_them() {
    assert_eq!(
        next_link(r#"<https://x/r?page=2>; rel="next", <https://x/r?page=5>; rel="last""#),
        Some("https://x/r?page=2".to_owned())
    );
    assert_eq!(next_link(r#"<https://x/r?page=5>; rel="last""#), None);
    assert_eq!(
        next_link(r#"<https://x/r?page=1>; rel="prev", <https://x/r?page=3>; rel=next"#),
        Some("https://x/r?page=3".to_owned())
    );
}
