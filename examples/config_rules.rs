//! The story this project started from: an AWS Config listing paginated by hand with `NextToken`,
//! next to a paginator declared with `#[paginate]` and the SDK's own paginator, on the same data.
//!
//! Runs against a local moto server it starts itself (it seeds 60 Config rules), or, with
//! `--region R` and no `--endpoint-url`, against real AWS (read-only: it only lists rules).
//!
//! ```text
//! cargo run --example config_rules [-- --region eu-west-1]
//! ```

use std::process::ExitCode;

use aws_sdk_config::config::BehaviorVersion;
use aws_sdk_config::types::{ConfigRule, Owner, Source};
use futures::TryStreamExt;
use pagination_core::{Paginator, paginate};
use pagination_examples::moto::{self, MotoServer};

/// `DescribeConfigRules`, declared with the attribute: the request field that carries the token,
/// the output field that holds the next one, and the items.
#[paginate(
    operation = aws_sdk_config::operation::describe_config_rules,
    input_token = next_token,
    output_token = next_token,
    items = config_rules: ConfigRule,
)]
struct DescribeConfigRules;

type Pages = Vec<Vec<String>>;

fn names(rules: &[ConfigRule]) -> Vec<String> {
    rules
        .iter()
        .map(|rule| rule.config_rule_name().unwrap_or_default().to_owned())
        .collect()
}

/// The loop people write by hand (the boto3 article's, in Rust).
async fn by_hand(client: &aws_sdk_config::Client) -> Result<Pages, aws_sdk_config::Error> {
    let mut pages = Vec::new();
    let mut next_token: Option<String> = None;
    loop {
        let page = client
            .describe_config_rules()
            .set_next_token(next_token.take())
            .send()
            .await?;
        pages.push(names(page.config_rules()));
        match page.next_token {
            Some(token) if !token.is_empty() => next_token = Some(token),
            _ => return Ok(pages),
        }
    }
}

/// The declared paginator. The SDK's inherent `into_paginator()` wins method resolution on this
/// builder, so the paginator is built by type.
async fn declared(client: &aws_sdk_config::Client) -> Result<Pages, Box<dyn std::error::Error>> {
    let pages: Vec<_> = Paginator::<DescribeConfigRules>::new(client.describe_config_rules())
        .send()
        .try_collect()
        .await?;
    Ok(pages
        .iter()
        .map(|page| names(page.config_rules()))
        .collect())
}

/// The SDK's own paginator.
async fn sdk(client: &aws_sdk_config::Client) -> Result<Pages, Box<dyn std::error::Error>> {
    let pages: Vec<_> = client
        .describe_config_rules()
        .into_paginator()
        .send()
        .try_collect()
        .await?;
    Ok(pages
        .iter()
        .map(|page| names(page.config_rules()))
        .collect())
}

async fn seed(client: &aws_sdk_config::Client, count: usize) -> Result<(), aws_sdk_config::Error> {
    for index in 0..count {
        let source = Source::builder()
            .owner(Owner::Aws)
            .source_identifier("S3_BUCKET_VERSIONING_ENABLED")
            .build()
            .expect("owner and source identifier are set");
        let rule = ConfigRule::builder()
            .config_rule_name(format!("bucket-versioning-{index:03}"))
            .source(source)
            .build();
        client.put_config_rule().config_rule(rule).send().await?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let region = match arguments.as_slice() {
        [] => None,
        [flag, region] if flag == "--region" => Some(region.clone()),
        _ => {
            eprintln!("usage: config_rules [--region R]");
            return ExitCode::from(2);
        }
    };

    let server;
    let client = match region {
        Some(region) => {
            let config = aws_config::defaults(BehaviorVersion::latest())
                .region(aws_sdk_config::config::Region::new(region))
                .load()
                .await;
            aws_sdk_config::Client::new(&config)
        }
        None => {
            server = match MotoServer::start() {
                Ok(server) => server,
                Err(error) => {
                    eprintln!("error: {error}");
                    if matches!(error, moto::MotoError::NotInstalled { .. }) {
                        eprintln!("(or run against AWS with --region R)");
                    }
                    return ExitCode::FAILURE;
                }
            };
            let client = server.config_client("us-west-2");
            if let Err(error) = seed(&client, 60).await {
                eprintln!("error: seeding Config rules failed: {error}");
                return ExitCode::FAILURE;
            }
            eprintln!("moto at {}: seeded 60 Config rules", server.endpoint());
            client
        }
    };

    let (by_hand, declared, sdk) = match (
        by_hand(&client).await,
        declared(&client).await,
        sdk(&client).await,
    ) {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        (a, b, c) => {
            for error in [
                a.err().map(|e| e.to_string()),
                b.err().map(|e| e.to_string()),
                c.err().map(|e| e.to_string()),
            ]
            .into_iter()
            .flatten()
            {
                eprintln!("error: {error}");
            }
            return ExitCode::FAILURE;
        }
    };
    let sizes: Vec<usize> = declared.iter().map(Vec::len).collect();
    println!("hand-written NextToken loop: {} pages", by_hand.len());
    println!(
        "#[paginate] DescribeConfigRules: {} pages of {sizes:?} rules",
        declared.len()
    );
    println!("SDK into_paginator(): {} pages", sdk.len());
    if by_hand == declared && declared == sdk {
        println!("all three yield the same pages, in the same order");
        ExitCode::SUCCESS
    } else {
        eprintln!("error: the paginators disagree");
        ExitCode::FAILURE
    }
}
