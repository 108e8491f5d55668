//! Checks of a spec's `use-case` part: section and field keys unique and well-formed, each
//! field giving a declared fact at most once, tables with columns, examples of the right
//! type, and every fact the logic uses asked for by some field (so that `evaluate` can
//! decide any use case written in this format). Fills in default keys, titles and hints.

use std::collections::{BTreeMap, HashSet};

use crate::expr;
use crate::text::closest;

use super::Spec;
use super::decision::{Fact, FactType};
use super::use_case::{column_key, key_title};
use super::validate::Errors;

/// Keys of the use-case file that are not sections.
pub const RESERVED_KEYS: [&str; 1] = ["title"];

pub(super) fn check(spec: &mut Spec, errors: &mut Errors) {
    let facts: BTreeMap<String, Fact> =
        spec.facts.iter().flat_map(|p| &p.items).map(|f| (f.name.value.clone(), f.value.clone())).collect();
    let used = facts_used_by_logic(spec);
    let Some(use_case) = &mut spec.use_case else { return };
    if use_case.items.is_empty() {
        errors.at(use_case, "`use-case` has no sections");
    }
    let mut section_keys = HashSet::new();
    let mut mapped: HashSet<String> = HashSet::new();
    for section in &mut use_case.value.items {
        let key = section.key.clone();
        if !is_key(&key) || RESERVED_KEYS.contains(&key.as_str()) {
            errors
                .at(&key, format!("`{}` is not a usable section key", key.value))
                .help("use lowercase letters, digits and `-` (not `title`)");
        } else if !section_keys.insert(key.value.clone()) {
            errors.at(&key, format!("two use-case sections have the key `{}`", key.value));
        }
        errors.one_line(&key, "a use-case section title", &section.title);
        section.shown_key = (column_key(&section.title) != *key).then(|| key.value.clone());
        let mut field_keys = HashSet::new();
        for field in &mut section.value.fields {
            let place = field.clone();
            let fact = match &field.fact {
                None => None,
                Some(name) => match facts.get(name.as_str()) {
                    Some(fact) => {
                        if !mapped.insert(name.value.clone()) {
                            errors.at(name, format!("the fact `{}` is asked for by two use-case fields", name.value));
                        }
                        Some(fact)
                    }
                    None => {
                        let error = errors.at(name, format!("`{}` is not a declared fact", name.value));
                        if let Some(near) = closest(name, facts.keys().map(String::as_str)) {
                            error.help(format!("did you mean `{near}`?"));
                        }
                        None
                    }
                },
            };
            if field.key.is_empty() {
                match &field.fact {
                    Some(name) => field.key.value = name.replace('_', "-"),
                    None => {
                        errors.at(&place, "a use-case field needs a `key` or a `fact`");
                        continue;
                    }
                }
            }
            if !is_key(&field.key) {
                errors.at(&place, format!("`{}` is not a usable field key", field.key.value));
            } else if !field_keys.insert(field.key.value.clone()) {
                errors.at(&place, format!("two fields of `{}` have the key `{}`", key.value, field.key.value));
            }
            if field.title.is_empty() {
                field.title = key_title(&field.key);
            }
            field.shown_key = (column_key(&field.title) != *field.key).then(|| field.key.value.clone());
            field.unit = fact.and_then(|f| f.unit.clone());
            if fact.is_some() && !field.columns.is_empty() {
                errors.at(&place, format!("`{}` gives a fact, so it cannot be a table", field.key.value));
            }
            let mut columns = HashSet::new();
            if field.columns.iter().any(|c| c.trim().is_empty() || !columns.insert(column_key(c))) {
                errors.at(&place, format!("the columns of `{}` must be named and distinct", field.key.value));
            }
            if field.example_rows.iter().any(|row| row.len() != field.columns.len()) {
                errors.at(&place, format!("each example row of `{}` needs one cell per column", field.key.value));
            }
            if let (Some(fact), Some(example)) = (fact, &field.example)
                && let Err(err) = fact.read(example)
            {
                errors.at(&place, format!("the example of `{}`: {}", field.key.value, err.message));
            }
        }
    }
    for name in used {
        let text = facts.get(&name).is_some_and(|f| f.kind == FactType::Text);
        if !mapped.contains(&name) && !text {
            errors
                .at(use_case, format!("no use-case field asks for the fact `{name}`, which the decision uses"))
                .help(format!("add a field with `fact: {name}` to one of the sections"));
        }
    }
}

/// Lowercase letters, digits and `-`, starting with a letter.
fn is_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The facts named by the spec's expressions and bands, sorted.
fn facts_used_by_logic(spec: &Spec) -> Vec<String> {
    let mut texts: Vec<&str> = Vec::new();
    for criterion in spec.criteria.iter().flat_map(|p| &p.items) {
        texts.extend(criterion.check.as_deref().map(String::as_str));
    }
    for selection in spec.selections.iter().flat_map(|p| &p.items) {
        texts.extend(selection.rows.iter().filter_map(|r| r.when.as_deref().map(String::as_str)));
    }
    for light in spec.green_lights.iter().flat_map(|p| &p.items) {
        texts.extend(light.check.as_deref().map(String::as_str));
    }
    let mut formulas = HashSet::new();
    let mut names: Vec<String> = Vec::new();
    if let Some(calculations) = &spec.calculations {
        for formula in &calculations.formulas {
            texts.push(&formula.expr);
            texts.extend(formula.requires.as_deref().map(String::as_str));
            formulas.insert(formula.name.value.clone());
        }
        names.extend(calculations.bands.iter().map(|b| b.banded.value.clone()));
    }
    for text in texts {
        if let Ok(parsed) = expr::parse(text) {
            names.extend(parsed.names().into_iter().map(str::to_string));
        }
    }
    names.retain(|n| !formulas.contains(n));
    names.sort();
    names.dedup();
    names
}
