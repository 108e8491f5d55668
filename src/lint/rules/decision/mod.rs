//! The contents a decision skill must have. These rules run on skills that declare
//! `metadata: {kind: decision}`, and on every skill when the `decision` group (or one of its
//! rules) is selected explicitly.

/// What counts as saying "what to do": imperative verbs, directive words, and the
pub mod instructions;
/// `SK503` `missing-decision-flow`: A decision skill has no decision flow (ordered steps or a tree).
pub mod missing_decision_flow;
/// `SK502` `missing-decision-table`: A decision skill has no decision table.
pub mod missing_decision_table;
/// `SK508` `missing-examples`: A decision skill has no worked examples with their outcome.
pub mod missing_examples;
/// `SK507` `missing-green-lights`: A decision skill has no green lights (signals to proceed).
pub mod missing_green_lights;
/// `SK505` `missing-red-flags`: A decision skill has no red flags.
pub mod missing_red_flags;
/// `SK501` `missing-scope`: A decision skill does not say when not to use it.
pub mod missing_scope;
/// `SK504` `missing-trade-offs`: A decision skill does not state what each option gains and costs.
pub mod missing_trade_offs;
/// `SK500` `missing-when-to-use`: A decision skill has no \.
pub mod missing_when_to_use;
/// `SK506` `red-flag-without-alternative`: A red flag names the signal but not what to do instead.
pub mod red_flag_without_alternative;
/// `SK509` `too-few-test-cases`: A decision skill has fewer than three test cases with expected results.
pub mod too_few_test_cases;
/// `SK510` `vague-advice`: Generic advice with no number, threshold or named option (\.
pub mod vague_advice;

use crate::lint::Checker;
use crate::lint::parts::{Part, Parts};

/// The part the decision rule named `rule` looks for, for the decision kind's sections
/// (`checked-by` in the shipped kind definition).
pub fn part_checked_by(rule: &str) -> Option<Part> {
    let part = match rule {
        r if r == missing_when_to_use::MissingWhenToUse::META.name => Part::WhenToUse,
        r if r == missing_scope::MissingScope::META.name => Part::Scope,
        r if r == missing_decision_table::MissingDecisionTable::META.name => Part::DecisionTable,
        r if r == missing_decision_flow::MissingDecisionFlow::META.name => Part::Flow,
        r if r == missing_trade_offs::MissingTradeOffs::META.name => Part::TradeOffs,
        r if r == missing_red_flags::MissingRedFlags::META.name => Part::RedFlags,
        r if r == missing_green_lights::MissingGreenLights::META.name => Part::GreenLights,
        r if r == missing_examples::MissingExamples::META.name => Part::Examples,
        r if r == too_few_test_cases::TooFewTestCases::META.name => Part::TestCases,
        _ => return None,
    };
    Some(part)
}

/// Reports `part` missing, where it should be added, saying what to add.
fn check_part(cx: &mut Checker<'_>, part: Part, what: &str) {
    let parts = Parts::of(cx);
    if parts.find(part).is_some() {
        return;
    }
    let (span, place) = parts.insertion_point(part);
    cx.report(span, format!("this decision skill has no {}", part.label()))
        .help(format!("add {}, {place}", what.trim_end_matches(',')));
}
