//! Checks of a spec's decision logic: names unique and well-formed, expressions naming only
//! declared facts and formulas, selection and band tables well-formed, test cases using
//! declared facts with values of their types and expecting answers the tables can give.
//! Fills in the ranges shown for bands and checklist items.

use std::collections::HashSet;

use crate::expr::{KEYWORDS, Type};
use crate::generate::quantity::format_quantity;
use crate::text::closest;
use crate::yaml::Located;

use super::Spec;
use super::decision::{Band, Expectation, Fact, FactType, Selection, TestCase};
use super::validate::{Errors, SpecError, check_cells, check_columns};
use super::validate_expr::{Names, check_expr, divides_by_a_variable};

pub(super) fn check(spec: &mut Spec, errors: &mut Errors) {
    let names = check_names(spec, errors);
    let every_formula = names.formulas.len();
    if let Some(criteria) = &spec.criteria {
        for criterion in &criteria.items {
            if let Some(check) = &criterion.check {
                check_expr(check, &Type::YesNo, &names, every_formula, errors);
            }
        }
    }
    for selection in spec.selections.iter().flat_map(|part| &part.items) {
        check_selection(selection, &names, errors);
    }
    if let Some(green) = &spec.green_lights {
        for light in &green.items {
            if let Some(check) = &light.check {
                check_expr(check, &Type::YesNo, &names, every_formula, errors);
            }
        }
    }
    if let Some(red) = &spec.red_flags {
        for flag in &red.items {
            if flag.phrases.iter().any(|p| crate::decide::statements::Pattern::new(p).is_none()) {
                errors.at(flag, format!("the red flag `{}` has a `match` pattern with no word", flag.id.value));
            }
            if let Some(when) = &flag.when {
                check_expr(when, &Type::YesNo, &names, every_formula, errors);
            }
        }
    }
    if let Some(calculations) = &mut spec.calculations {
        for (index, formula) in calculations.formulas.iter().enumerate() {
            check_expr(&formula.expr, &Type::number(), &names, index, errors);
            if let Some(requires) = &formula.requires {
                check_expr(requires, &Type::YesNo, &names, index, errors);
            }
            if formula.requires.is_some() != formula.otherwise.is_some() {
                errors.at(
                    formula,
                    format!("the formula `{}` needs both `requires` and `otherwise`, or neither", formula.name.value),
                );
            } else if formula.requires.is_none() && divides_by_a_variable(formula) {
                errors
                    .at(&formula.expr, format!("the formula `{}` divides by a value that can be zero", formula.name.value))
                    .help("add `requires` (when the result means something) and `otherwise` (what to conclude when it does not)");
            }
            if formula.outcome.is_some() && formula.otherwise.is_none() {
                errors.at(formula, format!("the formula `{}` has an `outcome` but no `otherwise`", formula.name.value));
            }
        }
        for band in &mut calculations.bands {
            check_band(band, &names, errors);
        }
    }
    for checklist in &mut spec.checklists {
        for item in &mut checklist.items {
            match (item.min, item.max) {
                (Some(min), Some(max)) if min <= max => {
                    let unit = item.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
                    item.value.range = Some(format!("{}-{}{unit}", format_quantity(min), format_quantity(max)));
                }
                (None, None) if item.unit.is_none() => {}
                _ => {
                    errors.at(
                        item,
                        format!("`{}`: give both `min` and `max` (min <= max), with `unit`, or none", item.item),
                    );
                }
            }
        }
    }
    if let Some(test_cases) = &spec.test_cases {
        for case in &test_cases.items {
            check_test_case(case, spec, &names, errors);
        }
    }
}

fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// Facts and formulas: identifiers, unique across both; selection, band, flag and light names
/// unique in their kind.
fn check_names(spec: &Spec, errors: &mut Errors) -> Names {
    let mut names = Names::new();
    let declare = |name: &Located<String>, errors: &mut Errors, taken: &mut HashSet<String>| {
        if !is_identifier(name) {
            errors
                .at(name, format!("`{}` is not a usable name", name.value))
                .help("use lowercase letters, digits and `_`, starting with a letter (not `and`, `or`, `not`, `in`)");
        } else if !taken.insert(name.value.clone()) {
            errors.at(name, format!("`{}` is declared twice", name.value));
        }
    };
    let mut taken = HashSet::new();
    if let Some(facts) = &spec.facts {
        for fact in &facts.items {
            declare(&fact.name, errors, &mut taken);
            match fact.kind {
                FactType::OneOf if fact.options.len() < 2 => {
                    errors
                        .at(&fact.name, format!("the one-of fact `{}` needs at least two `options`", fact.name.value));
                }
                FactType::OneOf => {}
                _ if !fact.options.is_empty() => {
                    errors.at(&fact.name, format!("`{}` has `options` but is not a one-of fact", fact.name.value));
                }
                _ => {}
            }
            if fact.unit.is_some() && fact.kind != FactType::Number {
                errors.at(&fact.name, format!("`{}` has a `unit` but is not a number", fact.name.value));
            }
            if let Some(default) = &fact.default
                && let Err(err) = fact.read(default)
            {
                errors
                    .at(&fact.name, format!("the `default` of `{}` does not fit it: {}", fact.name.value, err.message));
            }
            if (fact.min.is_some() || fact.max.is_some()) && fact.kind != FactType::Number {
                errors.at(&fact.name, format!("`{}` has a `min` or `max` but is not a number", fact.name.value));
            }
            if let (Some(min), Some(max)) = (fact.min, fact.max)
                && min > max
            {
                errors.at(&fact.name, format!("`{}` has a `min` ({min}) above its `max` ({max})", fact.name.value));
            }
            names.add_fact(fact);
        }
    }
    if let Some(calculations) = &spec.calculations {
        for formula in &calculations.formulas {
            declare(&formula.name, errors, &mut taken);
            names.add_formula(formula);
        }
    }
    let unique = |kind: &str, list: Vec<&Located<String>>, errors: &mut Errors| {
        let mut seen = HashSet::new();
        for name in list {
            if name.trim().is_empty() || name.contains(char::is_whitespace) {
                errors.at(name, format!("the {kind} name `{}` must be one word", name.value));
            } else if !seen.insert(name.value.clone()) {
                errors.at(name, format!("two {kind}s are named `{}`", name.value));
            }
        }
    };
    unique("selection", spec.selections.iter().flat_map(|p| &p.items).map(|s| &s.name).collect(), errors);
    if let Some(calculations) = &spec.calculations {
        unique("band", calculations.bands.iter().map(|b| &b.name).collect(), errors);
    }
    if let Some(red) = &spec.red_flags {
        unique("red flag", red.items.iter().map(|f| &f.id).collect(), errors);
    }
    if let Some(green) = &spec.green_lights {
        unique("green light", green.items.iter().map(|g| &g.id).collect(), errors);
    }
    names
}

fn check_selection(selection: &Located<Selection>, names: &Names, errors: &mut Errors) {
    errors.one_line(selection, "a selection title", &selection.title);
    check_columns(selection, &selection.columns, errors);
    if !selection.columns.iter().any(|c| *c == *selection.result) {
        errors
            .at(&selection.result, format!("`result: {}` is not one of the columns", selection.result.value))
            .help(format!("the columns are: {}", selection.columns.join(", ")));
    }
    if selection.rows.is_empty() {
        errors.at(selection, format!("the selection `{}` has no rows", selection.name.value));
    }
    let last = selection.rows.len().saturating_sub(1);
    for (index, row) in selection.rows.iter().enumerate() {
        check_cells(row, &row.cells, selection.columns.len(), errors);
        match &row.when {
            Some(when) => {
                check_expr(when, &Type::YesNo, names, names.formulas.len(), errors);
            }
            None if index != last => {
                errors.at(row, "a row without `when` matches everything, so only the last row may lack it");
            }
            None => {}
        }
    }
}

/// Bands: lowest range first; every row but the last ends at `below` or `up-to`, in
/// increasing order; the last is open. Fills each row's `range`.
fn check_band(band: &mut Located<Band>, names: &Names, errors: &mut Errors) {
    if !names.known(&band.banded, names.formulas.len()) {
        errors.at(&band.banded, format!("the band's value `{}` is not a declared fact or formula", band.banded.value));
    }
    for also in &band.also {
        if !names.formulas.iter().any(|(f, _)| *f == also.value) && !names.facts.contains_key(&also.value) {
            errors.at(also, format!("the band's `also` value `{}` is not a declared fact or formula", also.value));
        }
    }
    for row in &band.rows {
        if let Some(unless) = &row.unless {
            check_expr(&unless.when, &Type::YesNo, names, names.formulas.len(), errors);
        }
    }
    if band.rows.len() < 2 {
        errors.at(band, format!("the band `{}` needs at least two rows", band.name.value));
        return;
    }
    let unit = band.unit.clone().map(|u| format!(" {u}")).unwrap_or_default();
    let last = band.rows.len() - 1;
    let mut lower: Option<(f64, bool)> = None; // (bound, included)
    for (index, row) in band.rows.iter_mut().enumerate() {
        let upper = match (row.below, row.up_to) {
            (Some(b), None) => Some((b, false)),
            (None, Some(u)) => Some((u, true)),
            (None, None) => None,
            (Some(_), Some(_)) => {
                errors.at(row, "a band row ends at `below` or at `up-to`, not both");
                return;
            }
        };
        if (index == last) != upper.is_none() {
            errors.at(row, "every band row but the last needs `below` or `up-to`; the last has neither");
            return;
        }
        if let (Some((low, _)), Some((high, _))) = (lower, upper)
            && high <= low
        {
            errors.at(
                row,
                format!("the bounds must increase: {} follows {}", format_quantity(high), format_quantity(low)),
            );
            return;
        }
        row.value.range = range_text(lower, upper, &unit);
        lower = upper.map(|(bound, included)| (bound, !included));
    }
}

/// "under 3 months", "3-12 months", "over 12 months", "from 100K to under 1M".
fn range_text(lower: Option<(f64, bool)>, upper: Option<(f64, bool)>, unit: &str) -> String {
    let q = format_quantity;
    match (lower, upper) {
        (None, Some((high, false))) => format!("under {}{unit}", q(high)),
        (None, Some((high, true))) => format!("up to {}{unit}", q(high)),
        (Some((low, true)), Some((high, true))) => format!("{}-{}{unit}", q(low), q(high)),
        (Some((low, true)), Some((high, false))) => format!("from {} to under {}{unit}", q(low), q(high)),
        (Some((low, false)), Some((high, true))) => format!("over {}, up to {}{unit}", q(low), q(high)),
        (Some((low, false)), Some((high, false))) => format!("over {}, under {}{unit}", q(low), q(high)),
        (Some((low, true)), None) => format!("{} or more{unit}", q(low)),
        (Some((low, false)), None) => format!("over {}{unit}", q(low)),
        (None, None) => "any value".to_string(),
    }
}

/// A test case's facts must be declared and typed right; its expectations must name
/// selections, bands, flags, lights and formulas that exist, with answers they can give.
fn check_test_case(case: &Located<TestCase>, spec: &Spec, names: &Names, errors: &mut Errors) {
    errors.one_line(case, "a test case title", &case.title);
    let facts: Vec<&Fact> = spec.facts.iter().flat_map(|p| p.items.iter().map(|f| &f.value)).collect();
    for (name, value) in &case.facts {
        match facts.iter().find(|f| *f.name == *name) {
            None => {
                let error = errors.at(value, format!("the test case uses `{name}`, which is not a declared fact"));
                if let Some(near) = closest(name, names.facts.keys().map(String::as_str)) {
                    error.help(format!("did you mean `{near}`?"));
                }
            }
            Some(fact) => {
                if let Err(err) = fact.read(value) {
                    let error = errors.at(value, err.message);
                    if let Some(help) = err.help {
                        error.help(help);
                    }
                }
            }
        }
    }
    if let Some(expect) = &case.expect {
        check_expect(expect, spec, names, errors);
    }
}

/// The problems of an expectation (of a test case or a scenario file) against `spec`, in
/// file order: every name it uses must exist, every answer must be one the skill can give.
pub fn check_expectation(expect: &Located<Expectation>, spec: &Spec) -> Vec<SpecError> {
    let mut errors = Errors { list: Vec::new(), source: None };
    let mut names = Names::new();
    for formula in spec.calculations.iter().flat_map(|c| &c.formulas) {
        names.add_formula(formula);
    }
    check_expect(expect, spec, &names, &mut errors);
    errors.list.sort_by_key(|e| (e.line, e.column));
    errors.list
}

fn check_expect(expect: &Located<Expectation>, spec: &Spec, names: &Names, errors: &mut Errors) {
    for (name, answer) in &expect.selections {
        match spec.selections.iter().flat_map(|p| &p.items).find(|s| *s.name == *name) {
            None => {
                errors.at(answer, format!("no selection is named `{name}`"));
            }
            Some(selection) => {
                let answers = selection.answers();
                if !answers.contains(&answer.as_str()) {
                    errors
                        .at(answer, format!("the selection `{name}` never answers `{}`", answer.value))
                        .help(format!("its answers are: {}", answers.join("; ")));
                }
            }
        }
    }
    let bands: Vec<&Band> = spec.calculations.iter().flat_map(|c| c.bands.iter().map(|b| &b.value)).collect();
    for (name, label) in &expect.bands {
        match bands.iter().find(|b| *b.name == *name) {
            None => {
                errors.at(label, format!("no band is named `{name}`"));
            }
            Some(band) if !band.rows.iter().any(|r| r.label == **label) => {
                errors.at(label, format!("the band `{name}` has no row labelled `{}`", label.value));
            }
            Some(_) => {}
        }
    }
    let red: Vec<&str> = spec.red_flags.iter().flat_map(|p| p.items.iter().map(|f| f.id.as_str())).collect();
    for id in &expect.red_flags {
        if !red.contains(&id.as_str()) {
            errors.at(id, format!("no red flag has the id `{}`", id.value));
        }
    }
    let green: Vec<&str> = spec.green_lights.iter().flat_map(|p| p.items.iter().map(|g| g.id.as_str())).collect();
    for id in &expect.green_lights {
        if !green.contains(&id.as_str()) {
            errors.at(id, format!("no green light has the id `{}`", id.value));
        }
    }
    for (name, value) in &expect.figures {
        if !names.formulas.iter().any(|(f, _)| f == name) {
            errors.at(value, format!("the figure `{name}` is not a formula"));
        }
    }
    if expect.tolerance.is_some_and(|t| !(0.0..1.0).contains(&t)) {
        errors.at(expect, "`tolerance` is a fraction between 0 and 1 (0.01 = 1%)");
    }
}
