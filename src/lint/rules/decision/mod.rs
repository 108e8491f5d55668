//! The contents a decision skill must have. These rules run on skills that declare
//! `metadata: {kind: decision}`, and on every skill when the `decision` group (or one of its
//! rules) is selected explicitly.

pub mod instructions;
pub mod missing_decision_flow;
pub mod missing_decision_table;
pub mod missing_examples;
pub mod missing_green_lights;
pub mod missing_red_flags;
pub mod missing_scope;
pub mod missing_trade_offs;
pub mod missing_when_to_use;
pub mod red_flag_without_alternative;
pub mod too_few_test_cases;
pub mod vague_advice;

use crate::lint::Checker;
use crate::lint::parts::{Part, Parts};

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
