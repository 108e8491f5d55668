//! What `skillsmith activation` and `skillsmith listing` print: text for people, JSON (stable)
//! for tools. Only presents; the figures come from [`super::evaluate`] and [`super::listing`].

use std::fmt::Write as _;

use serde::Serialize;

use super::evaluate::{Activation, Outcome, QueryResult};
use super::listing::{CHARS_PER_TOKEN, Fit, Listing};
use super::queries::Expectation;

/// The JSON document of `skillsmith activation --format json`.
#[derive(Debug, Serialize)]
pub struct ActivationJson {
    /// One per query, in order.
    pub queries: Vec<QueryJson>,
    /// One per skill expected or activated.
    pub skills: Vec<super::evaluate::SkillStats>,
    /// Queries whose expectation was not met.
    pub confusions: Vec<ConfusionJson>,
    /// Queries met, of those with an expectation.
    pub accuracy: AccuracyJson,
}

/// One query in the JSON output.
#[derive(Debug, Serialize)]
pub struct QueryJson {
    /// What the user says.
    pub query: String,
    /// The skill that should be activated; `null` for none (or when the query only says which
    /// skill must not be activated: see `not`).
    pub expected: Option<String>,
    /// The skill a `should_trigger: false` query must not activate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not: Option<String>,
    /// The skill activated, or `null`.
    pub predicted: Option<String>,
    /// Whether the expectation was met (`true` when none was stated).
    pub met: bool,
    /// The best candidates with scores and the query's words each matched.
    pub ranked: Vec<super::evaluate::Candidate>,
}

/// A query meant for one skill (or none) that activated another (or none).
#[derive(Debug, Serialize)]
pub struct ConfusionJson {
    /// What the user says.
    pub query: String,
    /// The skill it was meant for, or `null`.
    pub expected: Option<String>,
    /// The skill it activated, or `null`.
    pub predicted: Option<String>,
}

/// Queries met, of those with an expectation.
#[derive(Debug, Serialize)]
pub struct AccuracyJson {
    /// Queries met.
    pub met: usize,
    /// Queries with an expectation.
    pub total: usize,
}

fn expected_of(result: &QueryResult) -> (Option<String>, Option<String>) {
    match &result.query.expect {
        Expectation::Skill(name) => (Some(name.clone()), None),
        Expectation::Not(name) => (None, Some(name.clone())),
        Expectation::Nothing | Expectation::Unstated => (None, None),
    }
}

fn predicted_of(activation: &Activation, result: &QueryResult) -> Option<String> {
    result.predicted.map(|p| activation.entry(p).name.clone())
}

/// The JSON document of an outcome.
pub fn to_json(activation: &Activation, outcome: &Outcome) -> ActivationJson {
    let queries = outcome
        .results
        .iter()
        .map(|r| {
            let (expected, not) = expected_of(r);
            QueryJson {
                query: r.query.text.clone(),
                expected,
                not,
                predicted: predicted_of(activation, r),
                met: r.met,
                ranked: r.ranked.iter().map(|(_, c)| c.clone()).collect(),
            }
        })
        .collect();
    let confusions = outcome
        .results
        .iter()
        .filter(|r| !r.met)
        .map(|r| ConfusionJson {
            query: r.query.text.clone(),
            expected: expected_of(r).0,
            predicted: predicted_of(activation, r),
        })
        .collect();
    let (met, total) = outcome.accuracy();
    ActivationJson { queries, skills: outcome.skills.clone(), confusions, accuracy: AccuracyJson { met, total } }
}

fn share(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.2}"))
}

fn name_or_nothing(name: Option<&str>) -> &str {
    name.unwrap_or("(nothing)")
}

/// The text report of an outcome.
pub fn to_text(activation: &Activation, outcome: &Outcome) -> String {
    let mut out = String::new();
    for result in &outcome.results {
        let (expected, not) = expected_of(result);
        let predicted = predicted_of(activation, result);
        let verdict = match (&result.query.expect, result.met) {
            (Expectation::Unstated, _) => "    ",
            (_, true) => "ok  ",
            (_, false) => "FAIL",
        };
        let want = match (&result.query.expect, &expected, &not) {
            (Expectation::Unstated, _, _) => String::new(),
            (_, _, Some(not)) => format!("expected not {not}, "),
            (_, expected, _) => format!("expected {}, ", name_or_nothing(expected.as_deref())),
        };
        let _ = writeln!(out, "{verdict} {:?}", result.query.text);
        let _ = writeln!(out, "     {want}predicted {}", name_or_nothing(predicted.as_deref()));
        for (rank, (_, candidate)) in result.ranked.iter().enumerate() {
            let _ = writeln!(
                out,
                "       {}. {} {:.3} ({})",
                rank + 1,
                candidate.skill,
                candidate.score,
                candidate.matched.join(", ")
            );
        }
    }
    if !outcome.skills.is_empty() {
        let width = outcome.skills.iter().map(|s| s.name.len()).max().unwrap_or(5).max(5);
        let _ = writeln!(out, "\n{:<width$}  queries  recall  precision", "skill");
        for skill in &outcome.skills {
            let _ = writeln!(
                out,
                "{:<width$}  {:>7}  {:>6}  {:>9}",
                skill.name,
                skill.queries,
                share(skill.recall),
                share(skill.precision)
            );
        }
    }
    let confused: Vec<&QueryResult> = outcome.results.iter().filter(|r| !r.met).collect();
    if !confused.is_empty() {
        let _ = writeln!(out, "\nconfusions:");
        for result in confused {
            let (expected, not) = expected_of(result);
            let meant = not.map_or_else(|| name_or_nothing(expected.as_deref()).to_string(), |n| format!("not {n}"));
            let predicted = predicted_of(activation, result);
            let _ = writeln!(out, "  {meant} -> {}: {:?}", name_or_nothing(predicted.as_deref()), result.query.text);
        }
    }
    let (met, total) = outcome.accuracy();
    if total > 0 {
        let percent = met as f64 * 100.0 / total as f64;
        let _ = writeln!(out, "\ntop-1 accuracy: {met}/{total} ({percent:.1}%)");
    }
    out
}

fn thousands(n: usize) -> String {
    crate::text::thousands(n as u64)
}

/// The text of `skillsmith listing`: per unit, each entry's length and cut, the skills left
/// out, the total against the budget and, on overflow, what is shortened or dropped.
pub fn listing_text(listings: &[Listing]) -> String {
    let mut out = String::new();
    for (index, listing) in listings.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let listed = listing.entries.iter().filter(|e| !e.left_out).count();
        let window = listing.budget / CHARS_PER_TOKEN * 100;
        let _ = writeln!(
            out,
            "{}: {listed} of {} skills listed, {} of {} characters (1% of a {}-token context window)",
            listing.unit.label(),
            listing.entries.len(),
            thousands(listing.total()),
            thousands(listing.budget),
            thousands(window)
        );
        let width = listing.entries.iter().map(|e| e.invocation.len()).max().unwrap_or(5).max(5);
        let _ = writeln!(out, "  {:<width$}  {:>6}  {:>6}  note", "skill", "chars", "listed");
        let fits = listing.fit();
        for (entry, fit) in listing.entries.iter().zip(&fits) {
            let mut notes = Vec::new();
            if let Some(at) = entry.cut_at() {
                notes.push(format!("cut at {}", thousands(at)));
            }
            let listed = match fit {
                Fit::Listed => thousands(entry.listed_chars()),
                Fit::Shortened(chars) => {
                    notes.push(format!("over budget: shortened to {}", thousands(*chars)));
                    thousands(*chars)
                }
                Fit::Dropped => {
                    notes.push("over budget: description dropped".to_string());
                    "0".to_string()
                }
                Fit::LeftOut => {
                    notes.push("left out: disable-model-invocation".to_string());
                    "-".to_string()
                }
            };
            let line = format!(
                "  {:<width$}  {:>6}  {:>6}  {}",
                entry.invocation,
                thousands(entry.chars),
                listed,
                notes.join("; ")
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        if listing.over_budget() {
            let dropped: Vec<&str> = listing
                .entries
                .iter()
                .zip(&fits)
                .filter(|(_, f)| matches!(f, Fit::Dropped | Fit::Shortened(_)))
                .map(|(e, _)| e.invocation.as_str())
                .collect();
            let _ = writeln!(
                out,
                "  over budget by {} characters: {} lose their descriptions in part or whole (listing order \
                 stands in for least used)",
                thousands(listing.total() - listing.budget),
                dropped.join(", ")
            );
        }
    }
    out
}

/// The listings as the stable JSON document of `skillsmith listing --format json`:
/// `{"listings": [{"unit", "budget", "total", "over_budget", "entries": [{"skill",
/// "invocation", "path", "chars", "listed", "cut_at", "fit"}]}]}`; `fit` is `listed`,
/// `shortened`, `dropped` or `left_out`, `listed` the characters that reach the listing.
pub fn listing_json(listings: &[Listing]) -> serde_json::Value {
    let units: Vec<serde_json::Value> = listings
        .iter()
        .map(|listing| {
            let entries: Vec<serde_json::Value> = listing
                .entries
                .iter()
                .zip(listing.fit())
                .map(|(entry, fit)| {
                    let (fit, listed) = match fit {
                        Fit::Listed => ("listed", serde_json::json!(entry.listed_chars())),
                        Fit::Shortened(chars) => ("shortened", serde_json::json!(chars)),
                        Fit::Dropped => ("dropped", serde_json::json!(0)),
                        Fit::LeftOut => ("left_out", serde_json::Value::Null),
                    };
                    serde_json::json!({
                        "skill": entry.name,
                        "invocation": entry.invocation,
                        "path": entry.path.display().to_string(),
                        "chars": entry.chars,
                        "listed": listed,
                        "cut_at": entry.cut_at(),
                        "fit": fit,
                    })
                })
                .collect();
            serde_json::json!({
                "unit": listing.unit.label(),
                "budget": listing.budget,
                "total": listing.total(),
                "over_budget": listing.over_budget(),
                "entries": entries,
            })
        })
        .collect();
    serde_json::json!({ "listings": units })
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_536), "1,536");
        assert_eq!(thousands(200_000), "200,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
