//! A Config operation declared with `#[paginate]` yields the same pages and items as the SDK's
//! own paginator, on the same moto data.

use aws_sdk_config::types::{ConfigRule, Owner, Source};
use futures::TryStreamExt;
use pagination_core::{Paginator, paginate};

use crate::support::moto;

/// `DescribeConfigRules`, declared here as a user would.
#[paginate(
    operation = aws_sdk_config::operation::describe_config_rules,
    input_token = next_token,
    output_token = next_token,
    items = config_rules: ConfigRule,
)]
struct DescribeConfigRules;

/// Rule names per page, and the page's next token.
type PageSummary = (Vec<String>, Option<String>);

fn summarize(rules: &[ConfigRule], next_token: Option<&str>) -> PageSummary {
    let names = rules
        .iter()
        .map(|rule| rule.config_rule_name().unwrap_or_default().to_owned())
        .collect();
    (names, next_token.map(str::to_owned))
}

async fn seed_rules(client: &aws_sdk_config::Client, count: usize) {
    for index in 0..count {
        let rule = ConfigRule::builder()
            .config_rule_name(format!("rule-{index:03}"))
            .source(
                Source::builder()
                    .owner(Owner::Aws)
                    .source_identifier("S3_BUCKET_VERSIONING_ENABLED")
                    .build()
                    .unwrap(),
            )
            .build();
        client
            .put_config_rule()
            .config_rule(rule)
            .send()
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn describe_config_rules_matches_the_sdk_paginator() {
    let server = moto();
    // Config state is per region in moto: this test's region is its own.
    let client = server.config_client("eu-west-3");
    seed_rules(&client, 60).await;

    let sdk_pages: Vec<PageSummary> = client
        .describe_config_rules()
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap()
        .iter()
        .map(|page| summarize(page.config_rules(), page.next_token()))
        .collect();
    // The SDK's inherent `into_paginator()` wins method resolution on this builder.
    let our_pages: Vec<PageSummary> =
        Paginator::<DescribeConfigRules>::new(client.describe_config_rules())
            .send()
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .iter()
            .map(|page| summarize(page.config_rules(), page.next_token()))
            .collect();

    assert_eq!(our_pages, sdk_pages);
    assert_eq!(our_pages.len(), 3, "moto serves 25 rules a page");
    assert_eq!(
        our_pages
            .iter()
            .map(|(names, _)| names.len())
            .sum::<usize>(),
        60
    );

    let sdk_items: Vec<ConfigRule> = client
        .describe_config_rules()
        .into_paginator()
        .items()
        .send()
        .try_collect()
        .await
        .unwrap();
    let our_items: Vec<ConfigRule> =
        Paginator::<DescribeConfigRules>::new(client.describe_config_rules())
            .items()
            .try_collect()
            .await
            .unwrap();
    assert_eq!(our_items, sdk_items);
}
