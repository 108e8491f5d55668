//! Running a spec's decision logic over facts and statements: formulas in order, criteria,
//! selection tables (first matching row), bands, red flags and green lights, then the
//! outcome. Nothing here knows what a skill is about: everything comes from the spec.

use std::collections::{BTreeMap, HashMap};

use crate::expr::{self, EvalError, Expr, Number, Value};
use crate::generate::quantity::format_figure;
use crate::generate::spec::{Band, Criterion, Formula, GreenLight, RedFlag, Selection, Spec};
use crate::text::one_line;

use super::decision::{
    BandEnd, BandResult, Cell, CheckStatus, Conclusion, CriterionResult, Decision, FormulaResult, FormulaStatus,
    LightResult, RaisedFlag, SelectionResult, SelectionStatus,
};
use super::outcome::conclude;
use super::statements::{Statement, find_phrase};

/// A spec's logic with every expression parsed once, ready to decide many situations.
pub struct Logic<'s> {
    spec: &'s Spec,
    criteria: Vec<(&'s Criterion, Option<Expr>)>,
    selections: Vec<(&'s Selection, Vec<Option<Expr>>)>,
    formulas: Vec<(&'s Formula, Expr, Option<Expr>)>,
    bands: Vec<(&'s Band, Vec<Option<Expr>>)>,
    red_flags: Vec<(&'s RedFlag, Option<Expr>)>,
    green_lights: Vec<(&'s GreenLight, Option<Expr>)>,
}

/// The value of each fact and computed formula, and what each missing formula lacks.
struct Known<'a> {
    values: &'a BTreeMap<String, Value>,
    computed: HashMap<String, Value>,
    unavailable: HashMap<String, Vec<String>>,
}

impl Known<'_> {
    fn get(&self, name: &str) -> Option<Value> {
        self.values.get(name).or_else(|| self.computed.get(name)).cloned()
    }

    /// Evaluates `expr`; missing formulas are replaced by what they lack.
    fn eval(&self, expr: &Expr) -> Result<Value, EvalError> {
        expr::eval(expr, &|name| self.get(name)).map_err(|err| match err {
            EvalError::Missing(names) => {
                let mut all: Vec<String> = names
                    .into_iter()
                    .flat_map(|n| self.unavailable.get(&n).cloned().unwrap_or_else(|| vec![n]))
                    .collect();
                all.sort();
                all.dedup();
                EvalError::Missing(all)
            }
            other => other,
        })
    }

    /// `text` with each `{name}` replaced by that fact's or formula's value (text as it is,
    /// numbers as figures); a name without a value is shown as not given.
    fn fill(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
            let name = &rest[open + 1..close];
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
                continue;
            }
            out.push_str(&rest[..open]);
            match self.get(name) {
                Some(Value::Text(text)) => out.push_str(&text),
                Some(value) => out.push_str(&show_value(&value)),
                None => out.push_str(&format!("`{name}` (not given)")),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// `expr` with every known name replaced by its value (`1,500 >= 500`).
    fn shown(&self, expr: &Expr) -> String {
        expr.rewrite(&|name| self.get(name).map(|v| show_value(&v)), &|n: Number| format_figure(n.to_f64()))
    }
}

/// A value as shown in arithmetic and messages.
pub fn show_value(value: &Value) -> String {
    match value {
        Value::Number(n) => format_figure(n.to_f64()),
        Value::YesNo(b) => if *b { "yes" } else { "no" }.to_string(),
        Value::Text(t) => format!("\"{t}\""),
    }
}

impl<'s> Logic<'s> {
    /// Parses every expression of `spec` (a validated spec always parses; an error here
    /// names the expression).
    pub fn new(spec: &'s Spec) -> Result<Logic<'s>, String> {
        let parse = |text: &str| expr::parse(text).map_err(|e| format!("cannot read `{text}`: {}", e.message));
        let optional = |text: Option<&String>| text.map(|t| parse(t)).transpose();
        let mut criteria = Vec::new();
        for criterion in spec.criteria.iter().flat_map(|p| &p.items) {
            criteria.push((&criterion.value, optional(criterion.check.as_deref())?));
        }
        let mut selections = Vec::new();
        for selection in spec.selections.iter().flat_map(|p| &p.items) {
            let rows = selection.rows.iter().map(|r| optional(r.when.as_deref())).collect::<Result<_, _>>()?;
            selections.push((&selection.value, rows));
        }
        let mut formulas = Vec::new();
        for formula in spec.calculations.iter().flat_map(|c| &c.formulas) {
            formulas.push((&formula.value, parse(&formula.expr)?, optional(formula.requires.as_deref())?));
        }
        let mut bands = Vec::new();
        for band in spec.calculations.iter().flat_map(|c| &c.bands) {
            let unless: Vec<Option<Expr>> = band
                .rows
                .iter()
                .map(|r| optional(r.unless.as_ref().map(|u| &u.when.value)))
                .collect::<Result<_, _>>()?;
            bands.push((&band.value, unless));
        }
        let mut red_flags = Vec::new();
        for flag in spec.red_flags.iter().flat_map(|p| &p.items) {
            red_flags.push((&flag.value, optional(flag.when.as_deref())?));
        }
        let mut green_lights = Vec::new();
        for light in spec.green_lights.iter().flat_map(|p| &p.items) {
            green_lights.push((&light.value, optional(light.check.as_deref())?));
        }
        Ok(Logic { spec, criteria, selections, formulas, bands, red_flags, green_lights })
    }

    /// The spec this logic runs.
    pub fn spec(&self) -> &'s Spec {
        self.spec
    }

    /// Decides the situation given by `facts` (values read with [`crate::generate::spec::Fact::read`])
    /// and `statements`.
    pub fn decide(&self, facts: &BTreeMap<String, Value>, statements: &[Statement]) -> Decision {
        let mut given = facts.clone();
        let mut defaulted = Vec::new();
        for fact in self.spec.facts.iter().flat_map(|p| &p.items) {
            if let Some(default) = &fact.default
                && !given.contains_key(fact.name.as_str())
                && let Ok(value) = fact.read(default)
            {
                defaulted.push(format!("{} = {}", fact.name.value, show_value(&value)));
                given.insert(fact.name.value.clone(), value);
            }
        }
        let mut known = Known { values: &given, computed: HashMap::new(), unavailable: HashMap::new() };
        let formulas: Vec<FormulaResult> = self.formulas.iter().map(|f| self.formula(f, &mut known)).collect();
        let criteria: Vec<CriterionResult> = self.criteria.iter().map(|c| criterion(c, &known)).collect();
        let selections: Vec<SelectionResult> = self.selections.iter().map(|s| selection(s, &known)).collect();
        let bands: Vec<BandResult> = self.bands.iter().map(|b| band(b, &known)).collect();
        let conclusions = self
            .selections
            .iter()
            .zip(&selections)
            .filter(|((s, _), result)| s.verdict && result.status == SelectionStatus::Chosen)
            .map(|(_, result)| conclusion(result))
            .collect();
        let red_flags: Vec<RaisedFlag> = self.red_flags.iter().filter_map(|f| raised(f, &known, statements)).collect();
        let green_lights = self.green_lights.iter().map(|l| light(l, &known, statements)).collect();
        let mut decision = Decision {
            outcome: None,
            reasons: Vec::new(),
            missing: Vec::new(),
            gaps: Vec::new(),
            criteria,
            selections,
            formulas,
            bands,
            red_flags,
            green_lights,
            conclusions,
            undetermined: Vec::new(),
            defaulted,
        };
        for selection in decision.selections.iter().filter(|s| s.status == SelectionStatus::Gap) {
            let uses = self.selection_facts(&selection.name, &known);
            decision.gaps.push(format!("`{}` ({}): no row matches {uses}", selection.name, selection.title));
        }
        conclude(&mut decision);
        decision
    }

    /// "need = \"x\", safety_critical = no": the facts a selection's rows use, with values.
    fn selection_facts(&self, name: &str, known: &Known<'_>) -> String {
        let Some((_, rows)) = self.selections.iter().find(|(s, _)| *s.name == name) else { return String::new() };
        let mut names: Vec<&str> = Vec::new();
        for row in rows.iter().flatten() {
            for used in row.names() {
                if !names.contains(&used) {
                    names.push(used);
                }
            }
        }
        let shown: Vec<String> = names
            .iter()
            .map(|n| format!("{n} = {}", known.get(n).map_or("?".to_string(), |v| show_value(&v))))
            .collect();
        shown.join(", ")
    }

    fn formula(
        &self,
        (formula, expr, requires): &(&Formula, Expr, Option<Expr>),
        known: &mut Known<'_>,
    ) -> FormulaResult {
        let mut result = FormulaResult {
            name: formula.name.value.clone(),
            title: formula.title.clone(),
            expr: formula.expr.value.clone(),
            unit: formula.unit.clone(),
            status: FormulaStatus::Unknown,
            value: None,
            arithmetic: None,
            note: None,
            otherwise: None,
            outcome: None,
            missing: Vec::new(),
        };
        let not_computed = |result: &mut FormulaResult, note: String| {
            result.note = Some(note);
            if formula.otherwise.is_some() {
                result.status = FormulaStatus::Otherwise;
                result.otherwise = formula.otherwise.clone();
                result.outcome = formula.outcome;
            } else {
                result.status = FormulaStatus::Error;
            }
        };
        let held = match requires.as_ref().map(|r| (r, known.eval(r))) {
            None | Some((_, Ok(Value::YesNo(true)))) => true,
            Some((r, Ok(_))) => {
                let written = formula.requires.as_ref().map(|r| one_line(r)).unwrap_or_default();
                not_computed(&mut result, format!("`{written}` does not hold: {}", known.shown(r)));
                false
            }
            Some((_, Err(EvalError::Missing(mut names)))) => {
                if let Err(EvalError::Missing(more)) = known.eval(expr) {
                    names.extend(more);
                    names.sort();
                    names.dedup();
                }
                result.missing = names;
                false
            }
            Some((r, Err(err))) => {
                not_computed(&mut result, err.describe(&known.shown(r)));
                false
            }
        };
        if held {
            match known.eval(expr) {
                Ok(Value::Number(value)) => {
                    result.status = FormulaStatus::Computed;
                    result.value = Some(value.to_f64());
                    result.arithmetic = Some(known.shown(expr));
                    known.computed.insert(result.name.clone(), Value::Number(value));
                }
                Ok(other) => not_computed(&mut result, format!("gave {} instead of a number", show_value(&other))),
                Err(EvalError::Missing(names)) => result.missing = names,
                Err(err) => {
                    let note = format!("{} ({})", err.describe(&formula.expr), known.shown(expr));
                    not_computed(&mut result, note);
                }
            }
        }
        if result.status != FormulaStatus::Computed {
            let lacks = if result.missing.is_empty() {
                vec![format!("{} (not computed)", result.name)]
            } else {
                result.missing.clone()
            };
            known.unavailable.insert(result.name.clone(), lacks);
        }
        result
    }
}

fn criterion((criterion, check): &(&Criterion, Option<Expr>), known: &Known<'_>) -> CriterionResult {
    let mut result = CriterionResult {
        name: criterion.name.clone(),
        question: criterion.question.clone(),
        check: criterion.check.as_ref().map(|c| one_line(c)),
        shown: None,
        status: CheckStatus::Gap,
        missing: Vec::new(),
        outcome_if_fails: criterion.outcome,
        red_flag: criterion.red_flag.clone(),
        if_not: criterion.if_not.clone(),
    };
    let Some(check) = check else { return result };
    result.shown = Some(known.shown(check));
    match known.eval(check) {
        Ok(Value::YesNo(true)) => result.status = CheckStatus::Pass,
        Ok(_) => result.status = CheckStatus::Fail,
        Err(EvalError::Missing(names)) => {
            result.status = CheckStatus::Unknown;
            result.missing = names;
        }
        Err(err) => result.shown = Some(err.describe(&result.shown.take().unwrap_or_default())),
    }
    result
}

fn selection((selection, rows): &(&Selection, Vec<Option<Expr>>), known: &Known<'_>) -> SelectionResult {
    let mut result = SelectionResult {
        name: selection.name.value.clone(),
        title: selection.title.clone(),
        status: SelectionStatus::Gap,
        answer: None,
        row: Vec::new(),
        rule: None,
        missing: Vec::new(),
    };
    let result_column = selection.columns.iter().position(|c| *c == *selection.result);
    for (row, when) in selection.rows.iter().zip(rows) {
        let matches = match when {
            None => Ok(true),
            Some(when) => known.eval(when).map(|v| v == Value::YesNo(true)),
        };
        match matches {
            Ok(false) => continue,
            Ok(true) => {
                result.status = SelectionStatus::Chosen;
                result.answer = result_column.and_then(|c| row.cells.get(c)).cloned();
                result.row = selection
                    .columns
                    .iter()
                    .zip(&row.cells)
                    .map(|(column, value)| Cell { column: column.clone(), value: known.fill(value) })
                    .collect();
                result.rule = Some(row.when.as_ref().map_or_else(|| "otherwise".to_string(), |w| one_line(w)));
            }
            Err(EvalError::Missing(names)) => {
                result.status = SelectionStatus::Unknown;
                result.missing = names;
            }
            Err(_) => {}
        }
        return result;
    }
    result
}

fn band((band, unless): &(&Band, Vec<Option<Expr>>), known: &Known<'_>) -> BandResult {
    let mut result = BandResult {
        name: band.name.value.clone(),
        title: band.title.clone(),
        of: band.banded.value.clone(),
        value: None,
        unit: band.unit.clone(),
        label: None,
        range: None,
        meaning: None,
        outcome: None,
        missing: Vec::new(),
        decides: band.rows.iter().any(|r| r.outcome.is_some()),
        exception: None,
        also: band.also.iter().map(|of| band_end(band, of, known)).collect(),
    };
    let value = match known.get(&band.banded) {
        Some(Value::Number(value)) => value,
        _ => {
            result.missing = lacks(known, &band.banded);
            return result;
        }
    };
    result.value = Some(value.to_f64());
    let Some(index) = band_row(band, value) else { return result };
    let row = &band.rows[index];
    result.label = Some(row.label.clone());
    result.range = Some(row.range.clone());
    result.meaning = Some(known.fill(&row.meaning));
    result.outcome = row.outcome;
    if let (Some(exception), Some(Some(when))) = (&row.unless, unless.get(index))
        && known.eval(when) == Ok(Value::YesNo(true))
    {
        result.exception = Some(known.fill(&exception.meaning));
        result.outcome = Some(exception.outcome);
    }
    result
}

/// What a fact or formula `name` lacks to have a value.
fn lacks(known: &Known<'_>, name: &str) -> Vec<String> {
    known.unavailable.get(name).cloned().unwrap_or_else(|| vec![name.to_string()])
}

/// The row of `band` that `value` falls in: bounds compared exactly.
fn band_row(band: &Band, value: Number) -> Option<usize> {
    let exact = |bound: f64| Number::from_f64(bound).unwrap_or(Number::ZERO);
    band.rows.iter().position(|row| match (row.below, row.up_to) {
        (Some(below), _) => value < exact(below),
        (_, Some(up_to)) => value <= exact(up_to),
        _ => true,
    })
}

/// The formula `of` read against `band`'s rows.
fn band_end(band: &Band, of: &str, known: &Known<'_>) -> BandEnd {
    match known.get(of) {
        Some(Value::Number(value)) => BandEnd {
            of: of.to_string(),
            value: Some(value.to_f64()),
            label: band_row(band, value).map(|i| band.rows[i].label.clone()),
            missing: Vec::new(),
        },
        _ => BandEnd { of: of.to_string(), value: None, label: None, missing: lacks(known, of) },
    }
}

/// A chosen row stated in the decision: the answer, then the other cells.
fn conclusion(result: &SelectionResult) -> Conclusion {
    let answer = result.answer.clone().unwrap_or_default();
    let rest: Vec<&str> = result.row.iter().map(|c| c.value.as_str()).filter(|v| *v != answer).collect();
    Conclusion { selection: result.name.clone(), title: result.title.clone(), answer, text: rest.join(" ") }
}

/// A red flag is raised by the first statement matching one of its patterns, when its
/// `when` (if any) holds too.
fn raised((flag, when): &(&RedFlag, Option<Expr>), known: &Known<'_>, statements: &[Statement]) -> Option<RaisedFlag> {
    let found = find_phrase(statements, &flag.phrases)?;
    let contradicts = match when {
        None => None,
        Some(when) if known.eval(when) == Ok(Value::YesNo(true)) => Some(known.shown(when)),
        Some(_) => return None,
    };
    Some(RaisedFlag {
        id: flag.id.value.clone(),
        signal: flag.signal.clone(),
        phrase: one_line(found.quote),
        pattern: found.pattern.to_string(),
        contradicts,
        statement: found.statement.text.clone(),
        place: found.statement.place.clone(),
        why: flag.why.clone(),
        instead: flag.instead.clone(),
        outcome: flag.outcome,
    })
}

/// A green light holds when its check holds, or when one of its phrases is said.
fn light((light, check): &(&GreenLight, Option<Expr>), known: &Known<'_>, statements: &[Statement]) -> LightResult {
    let said = find_phrase(statements, &light.phrases).is_some();
    let (holds, missing) = match check.as_ref().map(|c| known.eval(c)) {
        _ if said => (Some(true), Vec::new()),
        Some(Ok(value)) => (Some(value == Value::YesNo(true)), Vec::new()),
        Some(Err(EvalError::Missing(names))) => (None, names),
        Some(Err(_)) | None => (Some(false), Vec::new()),
    };
    LightResult { id: light.id.value.clone(), signal: light.signal.clone(), holds, missing }
}
