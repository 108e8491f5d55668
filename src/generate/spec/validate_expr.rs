//! Checks of a spec's expressions: each parses, names only declared facts and earlier
//! formulas, and has the type its place needs; errors point at the character at fault.

use std::collections::BTreeMap;

use crate::expr::{self, ArithOp, ExprKind, Type};
use crate::text::closest;
use crate::yaml::Located;

use super::decision::{Fact, FactType, Formula};
use super::validate::Errors;

/// What expressions may name: facts (with their types) and formulas (in order).
pub(super) struct Names {
    pub(super) facts: BTreeMap<String, Type>,
    pub(super) formulas: Vec<(String, Type)>,
}

impl Names {
    pub(super) fn new() -> Names {
        Names { facts: BTreeMap::new(), formulas: Vec::new() }
    }

    pub(super) fn add_fact(&mut self, fact: &Fact) {
        self.facts.insert(fact.name.value.clone(), fact_type(fact));
    }

    pub(super) fn add_formula(&mut self, formula: &Formula) {
        self.formulas.push((formula.name.value.clone(), Type::Number { unit: formula.unit.clone() }));
    }

    /// Whether `name` is a fact or one of the first `formulas_up_to` formulas.
    pub(super) fn known(&self, name: &str, formulas_up_to: usize) -> bool {
        self.facts.contains_key(name) || self.formulas[..formulas_up_to].iter().any(|(f, _)| f == name)
    }

    fn all(&self) -> impl Iterator<Item = &str> {
        self.facts.keys().map(String::as_str).chain(self.formulas.iter().map(|(f, _)| f.as_str()))
    }

    /// The type of `name` as seen from an expression that may use the first `formulas_up_to`
    /// formulas; the message and help when it cannot.
    fn resolve(&self, name: &str, formulas_up_to: usize) -> Result<Type, (String, Option<String>)> {
        if let Some(found) = self.facts.get(name) {
            return Ok(found.clone());
        }
        if let Some(index) = self.formulas.iter().position(|(f, _)| f == name) {
            if index < formulas_up_to {
                return Ok(self.formulas[index].1.clone());
            }
            return Err((format!("`{name}` is a formula declared later; a formula can use only earlier ones"), None));
        }
        let help = closest(name, self.all()).map(|near| format!("did you mean `{near}`?"));
        Err((format!("`{}` is not a declared fact or formula", crate::text::quotable(name, 40)), help))
    }
}

/// The expression type of a fact.
pub fn fact_type(fact: &Fact) -> Type {
    match fact.kind {
        FactType::Number => Type::Number { unit: fact.unit.clone() },
        FactType::YesNo => Type::YesNo,
        FactType::OneOf => Type::Text { options: fact.options.clone() },
        FactType::Text => Type::Text { options: Vec::new() },
    }
}

/// Checks one expression: it must parse, name only facts and the formulas before
/// `formulas_up_to`, and give `want`. Returns whether it is sound.
pub(super) fn check_expr(
    expression: &Located<String>,
    want: &Type,
    names: &Names,
    formulas_up_to: usize,
    errors: &mut Errors,
) -> bool {
    let text = expression.value.as_str();
    let parsed = match expr::parse(text) {
        Ok(parsed) => parsed,
        Err(err) => {
            let error =
                errors.in_expr(expression, err.span.start, format!("cannot read the expression: {}", err.message));
            if let Some(help) = err.help {
                error.help(help);
            }
            return false;
        }
    };
    // Messages quote at most the part at fault (the position says where it is), never the
    // whole expression, however long.
    let resolve = |name: &str| names.resolve(name, formulas_up_to);
    match expr::check(&parsed, &resolve, Some(want)) {
        Ok(_) => true,
        Err(found) => {
            for err in found {
                let error = errors.in_expr(expression, err.span.start, err.message);
                if let Some(help) = err.help {
                    error.help(help);
                }
            }
            false
        }
    }
}

/// Whether the formula divides by something that can be zero (anything but a non-zero
/// number): such a formula must state what happens then (`requires` and `otherwise`).
pub(super) fn divides_by_a_variable(formula: &Formula) -> bool {
    let Ok(parsed) = expr::parse(&formula.expr) else { return false };
    let mut found = false;
    parsed.walk(&mut |e| {
        if let ExprKind::Arithmetic(ArithOp::Divide, _, divisor) = &e.kind {
            found |= !matches!(divisor.kind, ExprKind::Number(n) if !n.is_zero());
        }
    });
    found
}
