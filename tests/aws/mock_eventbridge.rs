//! The three paginators of `pagination_aws::eventbridge` (the SDK has none), against
//! aws-smithy-mocks models that compute every page from the request: `Limit` from 1 to 100 (a
//! larger one is refused, as the service refuses it).

use std::sync::Arc;

use aws_sdk_eventbridge::operation::list_rules::ListRulesOutput;
use aws_sdk_eventbridge::types::{Rule, Target};
use aws_smithy_mocks::{RuleMode, mock, mock_client};
use pagination_aws::eventbridge::*;

use crate::models::{LastPage, TokenModel};
use crate::resume_every_offset::resume_at_every_offset;
use crate::token_listing::{assert_page_size_clamped, token_listing_test};

fn model<T: Clone>(
    name: &'static str,
    count: usize,
    make: impl Fn(usize) -> T,
) -> Arc<TokenModel<T>> {
    let items = (0..count).map(make).collect();
    Arc::new(TokenModel::new(name, items, 100, 100, LastPage::NoToken))
}

token_listing_test!(
    list_rules,
    aws_sdk_eventbridge,
    list_rules,
    ListRules,
    aws_sdk_eventbridge::operation::list_rules::ListRulesOutput,
    set_rules,
    |input| input.limit(),
    |client| client
        .list_rules()
        .event_bus_name("orders")
        .name_prefix("billing-"),
    model("rules", 23, |i| Rule::builder()
        .name(format!("billing-{i:02}"))
        .build()),
);

token_listing_test!(
    list_rule_names_by_target,
    aws_sdk_eventbridge,
    list_rule_names_by_target,
    ListRuleNamesByTarget,
    aws_sdk_eventbridge::operation::list_rule_names_by_target::ListRuleNamesByTargetOutput,
    set_rule_names,
    |input| input.limit(),
    |client| client
        .list_rule_names_by_target()
        .target_arn("arn:aws:lambda:us-east-1:123456789012:function:audit"),
    model("rule-names", 14, |i| format!("rule-{i:02}")),
);

token_listing_test!(
    list_targets_by_rule,
    aws_sdk_eventbridge,
    list_targets_by_rule,
    ListTargetsByRule,
    aws_sdk_eventbridge::operation::list_targets_by_rule::ListTargetsByRuleOutput,
    set_targets,
    |input| input.limit(),
    |client| client.list_targets_by_rule().rule("billing-events"),
    model("targets", 11, |i| {
        Target::builder()
            .id(format!("target-{i}"))
            .arn(format!("arn:aws:sqs:us-east-1:123456789012:queue-{i}"))
            .build()
            .unwrap()
    }),
);

#[tokio::test]
async fn list_rules_keeps_its_parameters_resumes_at_every_offset_and_clamps_the_page_size() {
    let model = model("rules", 31, |i| {
        Rule::builder().name(format!("r-{i:02}")).build()
    });
    let serving = Arc::clone(&model);
    // "Keep all other arguments unchanged": every page carries the bus and the prefix.
    let rule = mock!(aws_sdk_eventbridge::Client::list_rules).then_compute_output(move |input| {
        assert_eq!(input.event_bus_name(), Some("orders"));
        assert_eq!(input.name_prefix(), Some("r-"));
        let page = serving.page(input.next_token(), input.limit());
        ListRulesOutput::builder()
            .set_rules(Some(page.items))
            .set_next_token(page.next)
            .build()
    });
    let client = mock_client!(aws_sdk_eventbridge, RuleMode::MatchAny, [&rule]);
    let request = || {
        client
            .list_rules()
            .event_bus_name("orders")
            .name_prefix("r-")
    };
    assert_page_size_clamped::<ListRules>(request(), &model, 500, 100).await;
    assert_eq!(resume_at_every_offset::<ListRules>(request()).await, 31);
}
