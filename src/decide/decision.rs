//! What running a spec's logic over one situation gives: each criterion, selection,
//! formula, band, red flag and green light with its result, the outcome and every reason.
//! Serializes as the JSON of `skillsmith evaluate --format json`.

use serde::Serialize;

use crate::generate::spec::Outcome;

/// The decision reached for one situation.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Decision {
    /// GO, REVISIT or NO-GO; `None` when facts are missing to decide.
    pub outcome: Option<Outcome>,
    /// Every reason that led there, in the order the spec checks them.
    pub reasons: Vec<Reason>,
    /// Facts the decision needs but was not given (sorted).
    pub missing: Vec<String>,
    /// Questions the skill does not answer for this situation.
    pub gaps: Vec<String>,
    /// Each criterion, in order.
    pub criteria: Vec<CriterionResult>,
    /// Each selection table's answer.
    pub selections: Vec<SelectionResult>,
    /// Each formula's figure.
    pub formulas: Vec<FormulaResult>,
    /// Each band's verdict.
    pub bands: Vec<BandResult>,
    /// The red flags raised.
    pub red_flags: Vec<RaisedFlag>,
    /// Each green light.
    pub green_lights: Vec<LightResult>,
    /// The conclusions of the selections stated in the decision (the serving choice).
    pub conclusions: Vec<Conclusion>,
    /// What the decision could not weigh for want of facts (`Payback decision guide:
    /// needs hourly_rate`): the outcome is partial while this is not empty.
    pub undetermined: Vec<String>,
    /// Facts not given and taken at the spec's default (`examples_creatable = 0`).
    pub defaulted: Vec<String>,
}

/// A selection's answer stated in the decision.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Conclusion {
    /// The selection's name (`serving_choice`).
    pub selection: String,
    /// Its title.
    pub title: String,
    /// Its answer (`API`).
    pub answer: String,
    /// The chosen row's cells after the answer, with their values quoted.
    pub text: String,
}

/// A reason for the outcome.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Reason {
    /// The outcome it points to.
    pub outcome: Outcome,
    /// What it is, in words.
    pub text: String,
}

/// How a check came out.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// It holds.
    Pass,
    /// It does not.
    Fail,
    /// Facts are missing to tell.
    Unknown,
    /// It cannot be told from data (no check, or the arithmetic failed).
    Gap,
}

/// A criterion's result.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CriterionResult {
    /// Its name.
    pub name: String,
    /// The question it asks.
    pub question: String,
    /// Its check, as written.
    pub check: Option<String>,
    /// The check with the facts' values in place (`1,500 >= 500`).
    pub shown: Option<String>,
    /// How it came out.
    pub status: CheckStatus,
    /// The facts it needs and lacks.
    pub missing: Vec<String>,
    /// The outcome it leads to when it fails.
    pub outcome_if_fails: Outcome,
    /// The warning when it fails.
    pub red_flag: String,
    /// What to do when it fails.
    pub if_not: String,
}

/// How a selection table came out.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SelectionStatus {
    /// A row matched.
    Chosen,
    /// Facts are missing to try the rows in order.
    Unknown,
    /// No row matches the facts: the skill does not answer.
    Gap,
}

/// A selection table's result.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SelectionResult {
    /// Its name (`method`).
    pub name: String,
    /// Its title.
    pub title: String,
    /// How it came out.
    pub status: SelectionStatus,
    /// The answer: the chosen row's cell in the result column.
    pub answer: Option<String>,
    /// The chosen row's cells, column by column.
    pub row: Vec<Cell>,
    /// The rule of the chosen row, as written (`otherwise` for a fallback row).
    pub rule: Option<String>,
    /// The facts it needs and lacks.
    pub missing: Vec<String>,
}

/// A cell of a chosen row.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Cell {
    /// Its column's header.
    pub column: String,
    /// Its text.
    pub value: String,
}

/// How a formula came out.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FormulaStatus {
    /// It has a value.
    Computed,
    /// Its `requires` failed, or its arithmetic could not be done: `otherwise` applies.
    Otherwise,
    /// Facts are missing.
    Unknown,
    /// The arithmetic failed and the spec states nothing for it.
    Error,
}

/// A formula's result.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FormulaResult {
    /// Its name.
    pub name: String,
    /// Its title.
    pub title: String,
    /// Its expression, as written.
    pub expr: String,
    /// The unit of its value.
    pub unit: Option<String>,
    /// How it came out.
    pub status: FormulaStatus,
    /// The value.
    pub value: Option<f64>,
    /// The arithmetic with the values in place (`7,000 / 18,100`).
    pub arithmetic: Option<String>,
    /// Why it has no value (the failed `requires` with its values, or the arithmetic error).
    pub note: Option<String>,
    /// The spec's stated conclusion when it has no value.
    pub otherwise: Option<String>,
    /// The outcome `otherwise` leads to.
    pub outcome: Option<Outcome>,
    /// The facts it needs and lacks.
    pub missing: Vec<String>,
}

/// A band's result.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct BandResult {
    /// Its name (`payback`).
    pub name: String,
    /// Its title.
    pub title: String,
    /// The fact or formula banded.
    pub of: String,
    /// Its value.
    pub value: Option<f64>,
    /// The unit of the bounds.
    pub unit: Option<String>,
    /// The label of the row the value falls in.
    pub label: Option<String>,
    /// That row's range (`3-12 months`).
    pub range: Option<String>,
    /// What that row means.
    pub meaning: Option<String>,
    /// The outcome that row leads to.
    pub outcome: Option<Outcome>,
    /// What it needs and lacks.
    pub missing: Vec<String>,
    /// Whether some row of the band decides an outcome.
    pub decides: bool,
    /// The row's exception, when it applied (its meaning, values quoted).
    pub exception: Option<String>,
    /// The other values read against the same rows (best and worst cases).
    pub also: Vec<BandEnd>,
}

/// Another value read against a band's rows.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct BandEnd {
    /// The formula.
    pub of: String,
    /// Its value.
    pub value: Option<f64>,
    /// The label of its row.
    pub label: Option<String>,
    /// What it needs and lacks, or why it has no value.
    pub missing: Vec<String>,
}

/// A red flag raised by a statement.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RaisedFlag {
    /// Its id.
    pub id: String,
    /// The signal, as the skill words it.
    pub signal: String,
    /// The words found, as the statement has them.
    pub phrase: String,
    /// The spec's pattern that matched them.
    pub pattern: String,
    /// The flag's `when` with the facts' values (`yes`), when the flag contradicts a fact.
    pub contradicts: Option<String>,
    /// The statement it was found in.
    pub statement: String,
    /// Where that statement is (a use case's field and line), when known.
    pub place: Option<String>,
    /// Why it is a problem.
    pub why: String,
    /// What to do instead.
    pub instead: String,
    /// The outcome it leads to.
    pub outcome: Option<Outcome>,
}

/// A green light's result.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct LightResult {
    /// Its id.
    pub id: String,
    /// The signal.
    pub signal: String,
    /// Whether it holds; `None` when facts are missing to tell.
    pub holds: Option<bool>,
    /// The facts it needs and lacks.
    pub missing: Vec<String>,
}

impl Decision {
    /// The selection named `name`.
    pub fn selection(&self, name: &str) -> Option<&SelectionResult> {
        self.selections.iter().find(|s| s.name == name)
    }

    /// The band named `name`.
    pub fn band(&self, name: &str) -> Option<&BandResult> {
        self.bands.iter().find(|b| b.name == name)
    }

    /// The formula named `name`.
    pub fn formula(&self, name: &str) -> Option<&FormulaResult> {
        self.formulas.iter().find(|f| f.name == name)
    }

    /// Every text of the guidance this decision reached: reasons, chosen rows, band
    /// meanings and exceptions, stated conclusions, raised flags, failed criteria and what
    /// is undetermined. `mentions` are looked for here.
    pub fn guidance(&self) -> String {
        let mut parts: Vec<&str> = self.reasons.iter().map(|r| r.text.as_str()).collect();
        for selection in &self.selections {
            parts.extend(selection.row.iter().map(|cell| cell.value.as_str()));
        }
        parts.extend(self.bands.iter().filter_map(|b| b.meaning.as_deref()));
        parts.extend(
            self.formulas
                .iter()
                .filter_map(|f| f.otherwise.as_deref().filter(|_| f.status == FormulaStatus::Otherwise)),
        );
        for flag in &self.red_flags {
            parts.extend([flag.why.as_str(), flag.instead.as_str()]);
        }
        for criterion in self.criteria.iter().filter(|c| c.status == CheckStatus::Fail) {
            parts.extend([criterion.red_flag.as_str(), criterion.if_not.as_str()]);
        }
        parts.extend(self.bands.iter().filter_map(|b| b.exception.as_deref()));
        parts.extend(self.undetermined.iter().map(String::as_str));
        parts.join("\n")
    }
}
