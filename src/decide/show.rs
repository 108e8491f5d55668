//! The text of `skillsmith evaluate`: the criteria checklist, the selections (method,
//! hardware), the calculations with their arithmetic, the bands, the red flags found in the
//! use case's text, the green lights, and the outcome with every reason.

use std::fmt::Write as _;

use crate::generate::quantity::format_figure;

use super::decision::{CheckStatus, Decision, FormulaStatus, SelectionStatus};
use super::scenario::{outcome_text, outcome_word};

/// What is evaluated, for the heading.
pub struct Heading<'a> {
    /// The skill's name.
    pub skill: &'a str,
    /// The use-case file as shown.
    pub file: &'a str,
    /// The use case's title.
    pub title: Option<&'a str>,
    /// The fields still to write.
    pub unfilled: &'a [String],
}

/// The report of one evaluation.
pub fn evaluation_text(heading: &Heading<'_>, decision: &Decision) -> String {
    let mut out = String::new();
    let title = heading.title.map(|t| format!("{t} ({})", heading.file)).unwrap_or_else(|| heading.file.to_string());
    let _ = writeln!(out, "Use case: {title}");
    let _ = writeln!(out, "Skill: {}", heading.skill);
    if !heading.unfilled.is_empty() {
        let _ = writeln!(out, "\nStill to write (decided without them)");
        for field in heading.unfilled {
            let _ = writeln!(out, "  - {field}");
        }
    }
    criteria(&mut out, decision);
    selections(&mut out, decision);
    calculations(&mut out, decision);
    red_flags(&mut out, decision);
    green_lights(&mut out, decision);
    if !decision.gaps.is_empty() {
        let _ = writeln!(out, "\nThe skill does not answer");
        for gap in &decision.gaps {
            let _ = writeln!(out, "  - {gap}");
        }
    }
    if !decision.defaulted.is_empty() {
        let _ = writeln!(out, "\nNot given, taken at their default: {}", decision.defaulted.join(", "));
    }
    let _ = writeln!(out, "\nDecision: {}", outcome_text(decision));
    for reason in &decision.reasons {
        let _ = writeln!(out, "  - {}: {}", outcome_word(reason.outcome), reason.text);
    }
    for conclusion in &decision.conclusions {
        let _ = writeln!(out, "  - {}: {}. {}", conclusion.title, conclusion.answer, conclusion.text);
    }
    for open in &decision.undetermined {
        let _ = writeln!(out, "  - {open}");
    }
    out
}

fn mark(status: CheckStatus) -> char {
    match status {
        CheckStatus::Pass => '✓',
        CheckStatus::Fail => '✗',
        CheckStatus::Unknown | CheckStatus::Gap => '?',
    }
}

fn criteria(out: &mut String, decision: &Decision) {
    if decision.criteria.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nCriteria (all must pass)");
    let width = decision.criteria.iter().map(|c| c.name.chars().count()).max().unwrap_or(0);
    for c in &decision.criteria {
        let detail = match (&c.check, &c.shown, c.status) {
            (_, _, CheckStatus::Unknown) => format!("needs {}", c.missing.join(", ")),
            (Some(check), Some(shown), _) if check != shown => format!("{check}: {shown}"),
            (Some(check), _, _) => check.clone(),
            (None, _, _) => "no check".to_string(),
        };
        let _ = writeln!(out, "  {} {:width$}  {detail}", mark(c.status), c.name);
        if c.status == CheckStatus::Fail {
            let _ = writeln!(out, "      {} {} ({})", c.red_flag, c.if_not, outcome_word(c.outcome_if_fails));
        }
    }
}

fn selections(out: &mut String, decision: &Decision) {
    if decision.selections.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nSelections");
    for s in &decision.selections {
        match s.status {
            SelectionStatus::Chosen => {
                let answer = s.answer.as_deref().unwrap_or_default();
                let _ = writeln!(out, "  {} ({}): {answer}", s.title, s.name);
                let cells: Vec<String> = s.row.iter().map(|c| format!("{}: {}", c.column, c.value)).collect();
                let _ = writeln!(out, "      {}", cells.join("; "));
                let _ = writeln!(out, "      rule: {}", s.rule.as_deref().unwrap_or("otherwise"));
            }
            SelectionStatus::Unknown => {
                let _ = writeln!(out, "  {} ({}): needs {}", s.title, s.name, s.missing.join(", "));
            }
            SelectionStatus::Gap => {
                let _ = writeln!(out, "  {} ({}): no row matches", s.title, s.name);
            }
        }
    }
}

fn with_unit(value: f64, unit: Option<&str>) -> String {
    match unit {
        Some(unit) => format!("{} {unit}", format_figure(value)),
        None => format_figure(value),
    }
}

fn calculations(out: &mut String, decision: &Decision) {
    if decision.formulas.is_empty() && decision.bands.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nCalculations");
    for f in &decision.formulas {
        let _ = writeln!(out, "  {}: {} = {}", f.title, f.name, f.expr);
        let line = match f.status {
            FormulaStatus::Computed => format!(
                "= {} = {}",
                f.arithmetic.as_deref().unwrap_or_default(),
                with_unit(f.value.unwrap_or_default(), f.unit.as_deref())
            ),
            FormulaStatus::Otherwise => format!(
                "not computed: {}; {} ({})",
                f.note.as_deref().unwrap_or_default(),
                f.otherwise.as_deref().unwrap_or_default(),
                f.outcome.map_or("no outcome", outcome_word)
            ),
            FormulaStatus::Unknown => format!("needs {}", f.missing.join(", ")),
            FormulaStatus::Error => format!("cannot be computed: {}", f.note.as_deref().unwrap_or_default()),
        };
        let _ = writeln!(out, "      {line}");
    }
    for b in &decision.bands {
        let _ = writeln!(out, "  {}: band of {}", b.title, b.of);
        let line = match (&b.label, b.value) {
            (Some(label), Some(value)) => {
                let outcome = b.outcome.map(|o| format!(" ({})", outcome_word(o))).unwrap_or_default();
                format!(
                    "= {} -> {label} ({}): {}{outcome}",
                    with_unit(value, b.unit.as_deref()),
                    b.range.as_deref().unwrap_or_default(),
                    b.meaning.as_deref().unwrap_or_default()
                )
            }
            _ => format!("needs {}", b.missing.join(", ")),
        };
        let _ = writeln!(out, "      {line}");
        if let Some(exception) = &b.exception {
            let _ = writeln!(out, "      but {exception}");
        }
        if !b.also.is_empty() {
            let ends: Vec<String> = b
                .also
                .iter()
                .map(|end| match (end.value, &end.label) {
                    (Some(value), Some(label)) => {
                        format!("{} = {} ({label})", end.of, with_unit(value, b.unit.as_deref()))
                    }
                    _ => format!("{}: needs {}", end.of, end.missing.join(", ")),
                })
                .collect();
            let _ = writeln!(out, "      range: {}", ends.join(" to "));
        }
    }
}

fn red_flags(out: &mut String, decision: &Decision) {
    let _ = writeln!(out, "\nRed flags found in the text");
    if decision.red_flags.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for flag in &decision.red_flags {
        let outcome = flag.outcome.map(|o| format!(" ({})", outcome_word(o))).unwrap_or_default();
        let place = flag.place.as_deref().map(|p| format!(" in {p}")).unwrap_or_default();
        let _ = writeln!(out, "  ✗ {}{outcome}: \"{}\"{place}", flag.id, flag.phrase);
        if let Some(contradicts) = &flag.contradicts {
            let _ = writeln!(out, "      contradicts: {contradicts}");
        }
        let _ = writeln!(out, "      said: {}", flag.statement.split_whitespace().collect::<Vec<_>>().join(" "));
        let _ = writeln!(out, "      why: {}", flag.why);
        let _ = writeln!(out, "      instead: {}", flag.instead);
    }
}

fn green_lights(out: &mut String, decision: &Decision) {
    if decision.green_lights.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nGreen lights");
    for light in &decision.green_lights {
        let (mark, note) = match light.holds {
            Some(true) => ('✓', String::new()),
            Some(false) => ('✗', String::new()),
            None => ('?', format!(" (needs {})", light.missing.join(", "))),
        };
        let _ = writeln!(out, "  {mark} {}{note}", light.signal);
    }
}
