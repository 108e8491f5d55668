//! `skillsmith evaluate --format markdown`: the decision as a go/no-go memo to paste into a
//! pull request or a design doc. The outcome and its reasons come first, then the
//! conclusions, the criteria, the selections, the figures with their arithmetic, the red
//! flags quoting what was written, and what is still open.

use std::fmt::Write as _;

use crate::generate::quantity::format_figure;

use super::decision::{CheckStatus, Decision, FormulaStatus, SelectionStatus};
use super::scenario::{outcome_text, outcome_word};
use super::show::Heading;

/// Text safe inside a Markdown table cell: one line, `|` escaped.
fn cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

/// The memo of one evaluation.
pub fn memo_markdown(heading: &Heading<'_>, decision: &Decision) -> String {
    let mut out = String::new();
    let title = heading.title.unwrap_or(heading.file);
    let _ = writeln!(out, "# Go/no-go: {}\n", cell(title));
    let _ = writeln!(out, "**Decision: {}**\n", outcome_text(decision));
    let _ = writeln!(out, "Skill `{}`, use case `{}`.\n", heading.skill, heading.file);
    reasons(&mut out, decision);
    criteria(&mut out, decision);
    selections(&mut out, decision);
    figures(&mut out, decision);
    red_flags(&mut out, decision);
    open_items(&mut out, heading, decision);
    out
}

fn reasons(out: &mut String, decision: &Decision) {
    if decision.reasons.is_empty() && decision.conclusions.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Reasoning\n");
    for reason in &decision.reasons {
        let _ = writeln!(out, "- **{}**: {}", outcome_word(reason.outcome), reason.text);
    }
    for conclusion in &decision.conclusions {
        let _ = writeln!(out, "- **{}**: {}. {}", conclusion.title, conclusion.answer, conclusion.text);
    }
    out.push('\n');
}

fn criteria(out: &mut String, decision: &Decision) {
    if decision.criteria.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Criteria (all must pass)\n");
    let _ = writeln!(out, "| Criterion | Check | Result |\n|---|---|---|");
    for c in &decision.criteria {
        let result = match c.status {
            CheckStatus::Pass => "pass".to_string(),
            CheckStatus::Fail => format!("**fail** ({}): {}", outcome_word(c.outcome_if_fails), c.if_not),
            CheckStatus::Unknown => format!("needs {}", c.missing.join(", ")),
            CheckStatus::Gap => "cannot be told".to_string(),
        };
        let check = match (&c.check, &c.shown) {
            (Some(check), Some(shown)) if check != shown => format!("`{check}`: {shown}"),
            (Some(check), _) => format!("`{check}`"),
            (None, _) => "no check".to_string(),
        };
        let _ = writeln!(out, "| {} | {} | {} |", cell(&c.name), cell(&check), cell(&result));
    }
    out.push('\n');
}

fn selections(out: &mut String, decision: &Decision) {
    if decision.selections.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Selections\n");
    let _ = writeln!(out, "| Table | Answer | Rule |\n|---|---|---|");
    for s in &decision.selections {
        let (answer, rule) = match s.status {
            SelectionStatus::Chosen => {
                (s.answer.clone().unwrap_or_default(), format!("`{}`", s.rule.as_deref().unwrap_or("otherwise")))
            }
            SelectionStatus::Unknown => (format!("needs {}", s.missing.join(", ")), String::new()),
            SelectionStatus::Gap => ("no row matches".to_string(), String::new()),
        };
        let _ = writeln!(out, "| {} | {} | {} |", cell(&s.title), cell(&answer), cell(&rule));
    }
    out.push('\n');
}

fn figures(out: &mut String, decision: &Decision) {
    let computed: Vec<_> = decision.formulas.iter().filter(|f| f.status == FormulaStatus::Computed).collect();
    if computed.is_empty() && decision.bands.iter().all(|b| b.label.is_none()) {
        return;
    }
    let _ = writeln!(out, "## Figures\n");
    let _ = writeln!(out, "| Figure | Arithmetic | Value |\n|---|---|---|");
    for f in computed {
        let unit = f.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        let value = format!("{}{unit}", format_figure(f.value.unwrap_or_default()));
        let arithmetic = f.arithmetic.as_deref().unwrap_or_default();
        let _ = writeln!(out, "| {} | {} | {} |", cell(&f.title), cell(arithmetic), cell(&value));
    }
    out.push('\n');
    for b in decision.bands.iter().filter(|b| b.label.is_some()) {
        let label = b.label.as_deref().unwrap_or_default();
        let range = b.range.as_deref().unwrap_or_default();
        let meaning = b.exception.as_deref().or(b.meaning.as_deref()).unwrap_or_default();
        let _ = writeln!(out, "- **{}**: {label} ({range}): {meaning}", b.title);
        for end in &b.also {
            if let (Some(value), Some(label)) = (end.value, &end.label) {
                let _ = writeln!(out, "  - `{}` = {} ({label})", end.of, format_figure(value));
            }
        }
    }
    out.push('\n');
}

fn red_flags(out: &mut String, decision: &Decision) {
    let _ = writeln!(out, "## Red flags\n");
    if decision.red_flags.is_empty() {
        let _ = writeln!(out, "None found in what the use case states.\n");
        return;
    }
    for flag in &decision.red_flags {
        let outcome = flag.outcome.map(|o| format!(" ({})", outcome_word(o))).unwrap_or_default();
        let place = flag.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
        let _ = writeln!(out, "- **{}**{outcome}: \"{}\"{place}. {} {}", flag.id, flag.phrase, flag.why, flag.instead);
    }
    out.push('\n');
}

fn open_items(out: &mut String, heading: &Heading<'_>, decision: &Decision) {
    let missing = !decision.missing.is_empty() || !decision.undetermined.is_empty() || !decision.gaps.is_empty();
    if !missing && heading.unfilled.is_empty() && decision.defaulted.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Still open\n");
    if !decision.missing.is_empty() {
        let _ = writeln!(out, "- The criteria need: {}", decision.missing.join(", "));
    }
    for item in decision.undetermined.iter().chain(&decision.gaps) {
        let _ = writeln!(out, "- {item}");
    }
    for field in heading.unfilled {
        let _ = writeln!(out, "- Still to write: {field}");
    }
    if !decision.defaulted.is_empty() {
        let _ = writeln!(out, "- Taken at their default: {}", decision.defaulted.join(", "));
    }
}
