//! The outcome of a decision and its reasons: raised red flags, failed criteria, stated
//! conclusions of formulas and the verdicts of bands each point to an outcome; the heaviest
//! wins (NO-GO over REVISIT over GO). Missing facts leave it open unless something already
//! says NO-GO.

use crate::generate::spec::Outcome;

use super::decision::{CheckStatus, Decision, FormulaStatus, Reason};

/// The outcome with the largest weight wins: NO-GO over REVISIT over GO.
fn weight(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Go => 0,
        Outcome::Revisit => 1,
        Outcome::NoGo => 2,
    }
}

fn reason(outcome: Outcome, text: String) -> Reason {
    Reason { outcome, text }
}

/// Fills in `decision`'s reasons, missing facts, gaps and outcome from its results.
pub(super) fn conclude(decision: &mut Decision) {
    let mut reasons = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    for flag in &decision.red_flags {
        if let Some(outcome) = flag.outcome {
            let place = flag.place.as_deref().map(|p| format!(" in {p}")).unwrap_or_default();
            let contradicts = flag.contradicts.as_deref().map(|c| format!(", beside {c}")).unwrap_or_default();
            let text = format!(
                "red flag `{}`: \"{}\" was said{place}{contradicts} ({}). {} Instead: {}",
                flag.id, flag.phrase, flag.signal, flag.why, flag.instead
            );
            reasons.push(reason(outcome, text));
        }
    }
    let mut passed = 0;
    for criterion in &decision.criteria {
        match criterion.status {
            CheckStatus::Pass => passed += 1,
            CheckStatus::Fail => {
                let check = criterion.check.as_deref().unwrap_or_default();
                let shown = criterion.shown.as_deref().unwrap_or_default();
                let text = format!(
                    "criterion {} fails (`{check}`: {shown}): {} {}",
                    criterion.name, criterion.red_flag, criterion.if_not
                );
                reasons.push(reason(criterion.outcome_if_fails, text));
            }
            CheckStatus::Unknown => missing.extend(criterion.missing.iter().cloned()),
            CheckStatus::Gap => decision.gaps.push(match &criterion.check {
                None => format!("whether the criterion {} passes: it has no check", criterion.name),
                Some(_) => format!(
                    "whether the criterion {} passes: {}",
                    criterion.name,
                    criterion.shown.as_deref().unwrap_or("its check cannot be computed")
                ),
            }),
        }
    }
    let total = decision.criteria.len();
    if total > 0 && passed == total {
        reasons.push(reason(Outcome::Go, format!("all {total} criteria pass")));
    }
    for formula in &decision.formulas {
        match (formula.status, formula.outcome) {
            (FormulaStatus::Otherwise, Some(outcome)) => {
                let otherwise = formula.otherwise.as_deref().unwrap_or_default();
                let note = formula.note.as_deref().unwrap_or_default();
                reasons.push(reason(outcome, format!("{}: {note}; {otherwise}", formula.title)));
            }
            (FormulaStatus::Error, _) => decision.gaps.push(format!(
                "{}: {}",
                formula.title,
                formula.note.as_deref().unwrap_or("the arithmetic fails")
            )),
            _ => {}
        }
    }
    for band in &decision.bands {
        if let (Some(outcome), Some(label)) = (band.outcome, &band.label) {
            let range = band.range.as_deref().unwrap_or_default();
            let meaning = band.meaning.as_deref().unwrap_or_default();
            let text = match &band.exception {
                Some(exception) => format!("{}: {label} ({range}), but {exception}", band.title),
                None => format!("{}: {label} ({range}): {meaning}", band.title),
            };
            reasons.push(reason(outcome, text));
        } else if band.value.is_none() && band.decides {
            let needs = band.missing.join(", ");
            decision.undetermined.push(format!("{} undetermined: needs {needs}", band.name));
        }
    }
    missing.sort();
    missing.dedup();
    let heaviest = reasons.iter().map(|r| r.outcome).max_by_key(|o| weight(*o));
    let criteria_open = !missing.is_empty() || decision.criteria.iter().any(|c| c.status == CheckStatus::Gap);
    decision.outcome = match heaviest {
        Some(Outcome::NoGo) => Some(Outcome::NoGo),
        _ if criteria_open => None,
        Some(outcome) => Some(outcome),
        None => Some(Outcome::Go),
    };
    if decision.outcome == Some(Outcome::NoGo) {
        // Nothing missing could make NO-GO lighter: the verdict is whole.
        decision.undetermined.clear();
    }
    decision.reasons = reasons;
    decision.missing = missing;
}
