//! A decision skill's logic as data: typed facts, criteria with checks, selection tables,
//! formulas, bands, red flags, green lights and test cases with expected results.
//!
//! Checks and conditions are expressions over fact and formula names, kept as text
//! (`examples >= 500`, `need == "output-format"`, `vram_gb >= 8 and vram_gb < 24`); see
//! [`super::expr`] for what is checked today.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::yaml::Located;

pub use super::fact_value::FactValue;

/// A fact a decision needs: named, typed, with the question that finds it out.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Fact {
    /// Name used in expressions: lowercase letters, digits and `_`, starting with a letter.
    pub name: Located<String>,
    /// `number`, `yes-no`, `one-of` or `text`.
    #[serde(rename = "type")]
    pub kind: FactType,
    /// Unit of a number (`GB`, `months`, `USD a month`).
    #[serde(default)]
    pub unit: Option<String>,
    /// The allowed values of a `one-of` fact.
    #[serde(default)]
    pub options: Vec<String>,
    /// The question to ask to learn the fact.
    pub question: String,
    /// The lowest value a number can have (`0` for costs, hours and memory); a lower one is
    /// an error where it is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// The highest value a number can have (`100` for a percentage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The value taken when a situation does not give one, so that a fact added later
    /// leaves older use cases and scenarios deciding as before (`0` examples to create).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<FactValue>,
}

/// A fact's type.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub enum FactType {
    /// A number, with an optional unit.
    Number,
    /// Yes or no.
    YesNo,
    /// One of a list of options.
    OneOf,
    /// Free text (statements to search for red flags).
    Text,
}

/// What a decision comes to.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub enum Outcome {
    /// Proceed.
    #[serde(rename(deserialize = "go", serialize = "GO"))]
    Go,
    /// Fix what is missing, then decide again.
    #[serde(rename(deserialize = "revisit", serialize = "REVISIT"))]
    Revisit,
    /// Do not proceed.
    #[serde(rename(deserialize = "no-go", serialize = "NO-GO"))]
    NoGo,
}

/// The outcome a scenario expects: one of the outcomes, or none reached yet.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub enum ExpectedOutcome {
    /// Proceed.
    #[serde(rename(deserialize = "go", serialize = "GO"))]
    Go,
    /// Fix what is missing, then decide again.
    #[serde(rename(deserialize = "revisit", serialize = "REVISIT"))]
    Revisit,
    /// Do not proceed.
    #[serde(rename(deserialize = "no-go", serialize = "NO-GO"))]
    NoGo,
    /// Facts are missing to decide.
    #[serde(rename(deserialize = "undetermined", serialize = "UNDETERMINED"))]
    Undetermined,
}

impl ExpectedOutcome {
    /// The outcome it expects; `None` for undetermined.
    pub fn outcome(self) -> Option<Outcome> {
        match self {
            ExpectedOutcome::Go => Some(Outcome::Go),
            ExpectedOutcome::Revisit => Some(Outcome::Revisit),
            ExpectedOutcome::NoGo => Some(Outcome::NoGo),
            ExpectedOutcome::Undetermined => None,
        }
    }
}

/// A criterion that must pass to proceed.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Criterion {
    /// Short name (`Data availability`).
    pub name: String,
    /// The question it asks.
    pub question: String,
    /// When it passes, as an expression over facts (`examples >= 500`).
    #[serde(default)]
    pub check: Option<Located<String>>,
    /// The warning when it fails.
    pub red_flag: String,
    /// What to do when it fails.
    pub if_not: String,
    /// The outcome when it fails.
    pub outcome: Outcome,
}

/// A selection table: rows tried in order, the first whose condition holds wins.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Selection {
    /// Name used by test cases (`method`).
    pub name: Located<String>,
    /// Heading.
    pub title: String,
    /// Paragraph under the heading.
    #[serde(default)]
    pub intro: Option<String>,
    /// Column headers.
    pub columns: Vec<String>,
    /// The column whose cell is the selection's answer.
    pub result: Located<String>,
    /// The rows, in the order they are tried.
    pub rows: Vec<Located<SelectionRow>>,
    /// Whether the chosen row is a conclusion stated in the decision itself (the serving
    /// choice), not only a line of the selections. Its cells may quote values: `{name}`
    /// is replaced by the fact's or formula's value.
    #[serde(default)]
    pub verdict: bool,
    /// `false` to keep it out of SKILL.md (a table the engine runs, whose facts the body
    /// already states).
    #[serde(default)]
    pub in_body: Option<bool>,
}

impl Selection {
    /// The answer of each row: its cell in the `result` column.
    pub fn answers(&self) -> Vec<&str> {
        let column = self.columns.iter().position(|c| *c == *self.result);
        self.rows.iter().filter_map(|r| column.and_then(|c| r.cells.get(c)).map(String::as_str)).collect()
    }
}

/// A row of a selection table.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct SelectionRow {
    /// When the row applies; none means always (a last, fallback row).
    #[serde(default)]
    pub when: Option<Located<String>>,
    /// One cell per column.
    pub cells: Vec<String>,
}

/// Formulas over facts and bands over their results.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Calculations {
    /// Heading.
    #[serde(default)]
    pub title: Option<String>,
    /// Paragraph under the heading.
    #[serde(default)]
    pub intro: Option<String>,
    /// Named formulas, each over facts and earlier formulas.
    #[serde(default)]
    pub formulas: Vec<Located<Formula>>,
    /// Bands mapping a value to a verdict.
    #[serde(default)]
    pub bands: Vec<Located<Band>>,
}

/// A named formula (`payback_months = investment / monthly_savings`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Formula {
    /// Name used in later expressions.
    pub name: Located<String>,
    /// Human name (`Payback period`).
    pub title: String,
    /// Arithmetic over facts and earlier formulas.
    pub expr: Located<String>,
    /// Unit of the result.
    #[serde(default)]
    pub unit: Option<String>,
    /// What the formula's parts mean.
    #[serde(default)]
    pub explain: Option<String>,
    /// Condition for the result to mean anything (`monthly_savings > 0`).
    #[serde(default)]
    pub requires: Option<Located<String>>,
    /// The stated conclusion when `requires` fails (or the arithmetic cannot be done).
    #[serde(default)]
    pub otherwise: Option<String>,
    /// The outcome `otherwise` leads to, if it decides one.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// `false` to keep it out of SKILL.md (an intermediate figure only the engine needs).
    #[serde(default)]
    pub in_body: Option<bool>,
}

/// A band: a value's ranges, each with a verdict.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Band {
    /// Name used by test cases (`payback`).
    pub name: Located<String>,
    /// Heading.
    pub title: String,
    /// Paragraph under the heading.
    #[serde(default)]
    pub intro: Option<String>,
    /// The fact or formula banded (`value` in YAML and templates).
    #[serde(rename = "value")]
    pub banded: Located<String>,
    /// Unit shown with the bounds (`months`).
    #[serde(default)]
    pub unit: Option<String>,
    /// The ranges, lowest first; each starts where the previous ended, the last is open.
    pub rows: Vec<Located<BandRow>>,
    /// Formulas read against the same rows, without deciding (the best and worst cases of
    /// the banded value): each is shown with its row's label.
    #[serde(default)]
    pub also: Vec<Located<String>>,
}

/// One range of a band: up to `below` (exclusive) or `up-to` (inclusive); the last row has
/// neither.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct BandRow {
    /// The range ends before this number.
    #[serde(default)]
    pub below: Option<f64>,
    /// The range ends at this number, included.
    #[serde(default)]
    pub up_to: Option<f64>,
    /// The verdict's name (`Strong`).
    pub label: String,
    /// What it means, what to do.
    pub meaning: String,
    /// The outcome it leads to, if it decides one.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// An exception: when its condition holds, it decides instead (the lesson's "unless
    /// strategic value").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless: Option<Unless>,
    /// The range as shown (`3-12 months`), filled in by validation.
    #[serde(skip_deserializing)]
    pub range: String,
}

/// The exception of a band row.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Unless {
    /// When it applies, as an expression over facts (`strategic_value`).
    pub when: Located<String>,
    /// What it means then; `{name}` quotes a value (`{strategic_reason}`).
    pub meaning: String,
    /// The outcome it leads to then.
    pub outcome: Outcome,
}

/// A red flag: a signal that the path is wrong.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct RedFlag {
    /// Name used by test cases (`know-everything`).
    pub id: Located<String>,
    /// What you hear or see.
    pub signal: String,
    /// Patterns that raise it when found in what people state (see
    /// [`crate::decide::statements`] for their syntax).
    #[serde(default, rename(deserialize = "match", serialize = "phrases"))]
    pub phrases: Vec<String>,
    /// A condition over facts that must hold too: a flag saying what contradicts a fact
    /// (`capability_gap` beside "prompting already gets 99%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Located<String>>,
    /// Why it is a problem.
    pub why: String,
    /// What to do instead.
    pub instead: String,
    /// The outcome it leads to, if it decides one.
    #[serde(default)]
    pub outcome: Option<Outcome>,
}

/// A green light: a signal that it is right to proceed.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct GreenLight {
    /// Name used by test cases.
    pub id: Located<String>,
    /// What you see.
    pub signal: String,
    /// What it shows.
    pub meaning: String,
    /// When it holds, as an expression over facts.
    #[serde(default)]
    pub check: Option<Located<String>>,
    /// Phrases that show it in a scenario's statements (case-insensitive).
    #[serde(default, rename(deserialize = "match", serialize = "phrases"))]
    pub phrases: Vec<String>,
}

/// A test case: a scenario and the result the skill's guidance must reach.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct TestCase {
    /// Heading.
    pub title: String,
    /// The situation.
    pub scenario: String,
    /// What to apply from the skill, in order.
    #[serde(default)]
    pub apply: Vec<String>,
    /// The scenario's facts, by name.
    #[serde(default)]
    pub facts: BTreeMap<String, Located<FactValue>>,
    /// What the people involved say (searched for red flags).
    #[serde(default)]
    pub statements: Vec<String>,
    /// The expected result as data.
    #[serde(default)]
    pub expect: Option<Located<Expectation>>,
    /// The expected result in words.
    pub expected: String,
}

/// The expected result of a test case, as data an evaluator can compare.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Expectation {
    /// GO, REVISIT, NO-GO, or `undetermined` (facts are missing to decide).
    #[serde(default)]
    pub outcome: Option<ExpectedOutcome>,
    /// Selection name to the expected answer (the `result` column's cell).
    #[serde(default)]
    pub selections: BTreeMap<String, Located<String>>,
    /// Band name to the expected row label.
    #[serde(default)]
    pub bands: BTreeMap<String, Located<String>>,
    /// Red flag ids that must be raised (and no others).
    #[serde(default)]
    pub red_flags: Vec<Located<String>>,
    /// Green light ids that must hold.
    #[serde(default)]
    pub green_lights: Vec<Located<String>>,
    /// Formula name to expected value.
    #[serde(default)]
    pub figures: BTreeMap<String, Located<f64>>,
    /// Relative tolerance for figures (0.01 = 1%).
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// Phrases the guidance reached must mention (`evaluation rigor`).
    #[serde(default)]
    pub mentions: Vec<String>,
}
