//! Scenarios: a situation (facts and statements) and the result the skill must reach. The
//! spec's `test-cases` are scenarios (rendered into SKILL.md and run); files under
//! `SKILL_DIR/scenarios/` add more without growing the SKILL.md. Running one compares each
//! expected value with the actual one, side by side.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::expr::Value;
use crate::generate::quantity::format_figure;
use crate::generate::spec::{Expectation, Fact, FactType, FactValue, Outcome, Spec, check_expectation};
use crate::yaml::{self, Located};

use super::decision::{Decision, FormulaStatus, SelectionStatus};
use super::engine::Logic;
use super::statements::Statement;

/// The relative tolerance of figures when a scenario states none (1%).
pub const DEFAULT_TOLERANCE: f64 = 0.01;

/// A scenario to run.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Where it comes from (`skill.yaml test case 2`, `scenarios/no-data.yaml`).
    pub label: String,
    /// Its title.
    pub title: String,
    /// The facts, by name, as written.
    pub facts: BTreeMap<String, Located<FactValue>>,
    /// What the people involved say.
    pub statements: Vec<String>,
    /// The expected result; a scenario without one is skipped.
    pub expect: Option<Located<Expectation>>,
}

/// A scenario file (`scenarios/*.yaml`): `scenario` (the situation) and `expected` (in
/// words) are for readers and are not compared.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct ScenarioFile {
    title: Located<String>,
    #[serde(default, rename = "scenario")]
    _scenario: Option<String>,
    #[serde(default)]
    facts: BTreeMap<String, Located<FactValue>>,
    #[serde(default)]
    statements: Vec<String>,
    expect: Located<Expectation>,
    #[serde(default, rename = "expected")]
    _expected: Option<String>,
}

/// The spec's test cases as scenarios, labelled `SPEC_FILE test case N`.
pub fn test_cases(spec: &Spec, spec_file: &str) -> Vec<Scenario> {
    let cases = spec.test_cases.iter().flat_map(|p| &p.items);
    cases
        .enumerate()
        .map(|(index, case)| Scenario {
            label: format!("{spec_file} test case {}", index + 1),
            title: case.title.clone(),
            facts: case.facts.clone(),
            statements: case.statements.clone(),
            expect: case.expect.clone(),
        })
        .collect()
}

/// A scenario file that cannot be run: its title when it was read, and every problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The title, when the YAML was read.
    pub title: String,
    /// Each problem, located `label:line:column`.
    pub problems: Vec<String>,
}

/// Reads the scenario file `label` (its path as shown) against `spec`: every problem of its
/// YAML or of its expectation, located `label:line:column`.
pub fn read_scenario(text: &str, label: &str, spec: &Spec) -> Result<Scenario, Unreadable> {
    let file: ScenarioFile = yaml::from_str(text, label).map_err(|err| {
        // serde stops at the first unknown field: name every one, each with "did you mean".
        let unknown = if err.message.starts_with("unknown field") {
            crate::generate::unknown_fields::unknown_fields::<ScenarioFile>(text)
        } else {
            Vec::new()
        };
        let problems = if unknown.is_empty() {
            vec![format!("{label}:{}:{}: {}", err.line, err.column, err.message)]
        } else {
            unknown.iter().map(|f| format!("{label}:{}:{}: {} ({})", f.line, f.column, f.message(), f.help())).collect()
        };
        Unreadable { title: String::new(), problems }
    })?;
    let problems: Vec<String> = check_expectation(&file.expect, spec)
        .into_iter()
        .map(|e| match e.help {
            Some(help) => format!("{label}:{}:{}: {} ({help})", e.line, e.column, e.message),
            None => format!("{label}:{}:{}: {}", e.line, e.column, e.message),
        })
        .collect();
    if !problems.is_empty() {
        return Err(Unreadable { title: file.title.value, problems });
    }
    Ok(Scenario {
        label: label.to_string(),
        title: file.title.value,
        facts: file.facts,
        statements: file.statements,
        expect: Some(file.expect),
    })
}

/// How a scenario came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every expected value was reached.
    Pass,
    /// Some expected value was not.
    Fail,
    /// The skill does not answer the situation.
    Gap,
    /// The scenario could not be run (a fact of the wrong type, a broken file).
    Error,
    /// Nothing to compare: no expected result as data.
    Skip,
}

impl Verdict {
    /// Whether it counts as failed.
    pub fn failed(self) -> bool {
        matches!(self, Verdict::Fail | Verdict::Gap | Verdict::Error)
    }
}

/// One expected value beside the actual one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// What is compared (`outcome`, `method`, `payback band`).
    pub what: String,
    /// The expected value.
    pub expected: String,
    /// The actual value.
    pub actual: String,
    /// Whether they agree.
    pub ok: bool,
    /// What decided the actual value: the reason, row, range, flag or arithmetic.
    pub why: Option<String>,
}

/// A scenario's result.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioResult {
    /// Where it comes from.
    pub label: String,
    /// Its title.
    pub title: String,
    /// How it came out.
    pub verdict: Verdict,
    /// Expected and actual values.
    pub comparisons: Vec<Comparison>,
    /// What the skill does not answer.
    pub gaps: Vec<String>,
    /// Why it could not run.
    pub errors: Vec<String>,
}

impl ScenarioResult {
    /// A scenario that could not be read.
    pub fn broken(label: &str, title: String, errors: Vec<String>) -> ScenarioResult {
        ScenarioResult {
            label: label.to_string(),
            title,
            verdict: Verdict::Error,
            comparisons: Vec::new(),
            gaps: Vec::new(),
            errors,
        }
    }
}

/// Reads a scenario's facts: values of their facts' types; a fact the spec does not
/// declare is a gap in the skill; a value of the wrong type an error. Text facts are also
/// statements.
pub fn read_facts(
    spec: &Spec,
    given: &BTreeMap<String, Located<FactValue>>,
    label: &str,
) -> (BTreeMap<String, Value>, Vec<Statement>, Vec<String>, Vec<String>) {
    let declared: Vec<&Fact> = spec.facts.iter().flat_map(|p| p.items.iter().map(|f| &f.value)).collect();
    let (mut values, mut statements, mut gaps, mut errors) = (BTreeMap::new(), Vec::new(), Vec::new(), Vec::new());
    for (name, value) in given {
        let Some(fact) = declared.iter().find(|f| *f.name == *name) else {
            gaps.push(format!("`{name}`: the skill never asks for this fact, so nothing it decides depends on it"));
            continue;
        };
        match fact.read(value) {
            Ok(read) => {
                if let (FactType::Text, Value::Text(text)) = (fact.kind, &read) {
                    statements.push(Statement::new(text.clone()));
                }
                values.insert(name.clone(), read);
            }
            Err(err) => {
                let help = err.help.map(|h| format!(" ({h})")).unwrap_or_default();
                errors.push(format!("{label}:{}:{}: {}{help}", value.line, value.column, err.message));
            }
        }
    }
    (values, statements, gaps, errors)
}

/// Runs `scenario` through `logic` and compares the result with its expectation.
pub fn run(logic: &Logic<'_>, scenario: &Scenario) -> ScenarioResult {
    let (facts, mut statements, mut gaps, errors) = read_facts(logic.spec(), &scenario.facts, &scenario.label);
    statements.extend(scenario.statements.iter().map(Statement::new));
    let mut result = ScenarioResult {
        label: scenario.label.clone(),
        title: scenario.title.clone(),
        verdict: Verdict::Error,
        comparisons: Vec::new(),
        gaps: Vec::new(),
        errors,
    };
    if !result.errors.is_empty() {
        return result;
    }
    let decision = logic.decide(&facts, &statements);
    gaps.extend(decision.gaps.iter().cloned());
    result.gaps = gaps;
    let Some(expect) = &scenario.expect else {
        result.verdict = if result.gaps.is_empty() { Verdict::Skip } else { Verdict::Gap };
        return result;
    };
    result.comparisons = compare(expect, &decision);
    result.verdict = if !result.gaps.is_empty() {
        Verdict::Gap
    } else if result.comparisons.iter().all(|c| c.ok) {
        Verdict::Pass
    } else {
        Verdict::Fail
    };
    result
}

/// The outcome as shown: `GO`, `GO (partial: payback undetermined: needs hourly_rate)`,
/// or `undetermined (needs x, y)`.
pub fn outcome_text(decision: &Decision) -> String {
    match decision.outcome {
        Some(outcome) if decision.undetermined.is_empty() => outcome_word(outcome).to_string(),
        Some(outcome) => format!("{} (partial: {})", outcome_word(outcome), decision.undetermined.join("; ")),
        None => format!("undetermined (needs {})", decision.missing.join(", ")),
    }
}

/// `GO`, `REVISIT`, `NO-GO`.
pub fn outcome_word(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Go => "GO",
        Outcome::Revisit => "REVISIT",
        Outcome::NoGo => "NO-GO",
    }
}

fn needs(missing: &[String]) -> String {
    format!("unknown (needs {})", missing.join(", "))
}

fn compare(expect: &Expectation, decision: &Decision) -> Vec<Comparison> {
    let mut rows = Vec::new();
    let mut row = |what: String, expected: String, actual: String, ok: bool, why: Option<String>| {
        rows.push(Comparison { what, expected, actual, ok, why });
    };
    if let Some(expected) = expect.outcome {
        let word = expected.outcome().map_or("undetermined", outcome_word);
        let ok = decision.outcome == expected.outcome();
        row("outcome".into(), word.into(), outcome_text(decision), ok, deciding_reason(decision));
    }
    for (name, answer) in &expect.selections {
        let (actual, why) = match decision.selection(name) {
            Some(s) if s.status == SelectionStatus::Chosen => {
                (s.answer.clone().unwrap_or_default(), s.rule.as_ref().map(|r| format!("row `{r}`")))
            }
            Some(s) if s.status == SelectionStatus::Unknown => (needs(&s.missing), None),
            _ => ("no row matches".to_string(), None),
        };
        let ok = actual == answer.value;
        row(name.clone(), answer.value.clone(), actual, ok, why);
    }
    for (name, label) in &expect.bands {
        let (actual, why) = match decision.band(name) {
            Some(b) => (
                b.label.clone().unwrap_or_else(|| needs(&b.missing)),
                b.value.zip(b.range.as_ref()).map(|(v, r)| format!("{} = {} is in {r}", b.of, format_figure(v))),
            ),
            None => ("no such band".to_string(), None),
        };
        let ok = actual == label.value;
        row(format!("{name} band"), label.value.clone(), actual, ok, why);
    }
    let mut expected_flags: Vec<&str> = expect.red_flags.iter().map(|f| f.as_str()).collect();
    expected_flags.sort_unstable();
    let mut raised: Vec<&str> = decision.red_flags.iter().map(|f| f.id.as_str()).collect();
    raised.sort_unstable();
    let said: Vec<String> = decision
        .red_flags
        .iter()
        .map(|f| {
            let place = f.place.as_deref().map(|p| format!(" in {p}")).unwrap_or_default();
            format!("`{}`: \"{}\"{place} matched `{}`", f.id, f.phrase, f.pattern)
        })
        .collect();
    let why = (!said.is_empty()).then(|| said.join("; "));
    row("red flags".into(), list_or_none(&expected_flags), list_or_none(&raised), expected_flags == raised, why);
    if !expect.green_lights.is_empty() {
        let holding: Vec<&str> =
            decision.green_lights.iter().filter(|l| l.holds == Some(true)).map(|l| l.id.as_str()).collect();
        let wanted: Vec<&str> = expect.green_lights.iter().map(|l| l.as_str()).collect();
        let ok = wanted.iter().all(|w| holding.contains(w));
        row("green lights".into(), wanted.join(", "), list_or_none(&holding), ok, None);
    }
    let tolerance = expect.tolerance.unwrap_or(DEFAULT_TOLERANCE);
    for (name, value) in &expect.figures {
        let expected = format!("{} (±{}%)", format_figure(value.value), format_figure(tolerance * 100.0));
        let (actual, ok, why) = match decision.formula(name) {
            Some(f) if f.status == FormulaStatus::Computed => {
                let actual = f.value.unwrap_or(f64::NAN);
                let ok = (actual - value.value).abs() <= tolerance * value.value.abs().max(f64::MIN_POSITIVE);
                (format_figure(actual), ok, f.arithmetic.clone())
            }
            Some(f) if f.status == FormulaStatus::Unknown => (needs(&f.missing), false, None),
            Some(f) => (format!("not computed: {}", f.note.as_deref().unwrap_or_default()), false, None),
            None => ("no such formula".to_string(), false, None),
        };
        row(name.clone(), expected, actual, ok, why);
    }
    let guidance = decision.guidance().to_lowercase();
    for mention in &expect.mentions {
        let found = guidance.contains(&mention.to_lowercase());
        let shown = if found { "mentioned" } else { "not mentioned" };
        row("mentions".into(), format!("\"{mention}\""), shown.into(), found, None);
    }
    rows
}

/// The reason that set the outcome: the first with the outcome reached, or what is missing.
fn deciding_reason(decision: &Decision) -> Option<String> {
    match decision.outcome {
        Some(outcome) => decision.reasons.iter().find(|r| r.outcome == outcome).map(|r| r.text.clone()),
        None => Some(format!("the criteria need {}", decision.missing.join(", "))),
    }
}

fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() { "none".to_string() } else { items.join(", ") }
}
