//! Evaluating an expression over known values. A name without a value makes the result
//! unknown (naming what is missing) unless the rest decides it (`false and x` is false).
//! Numbers are exact ([`Number`]): `0.3 * 3 * 1000` is 900, so a figure on a bound is on it.
//! Division by zero and results too large to represent are errors, never infinities or NaN.

use std::ops::Range;

use super::ast::{ArithOp, CompareOp, Expr, ExprKind, LogicOp};
use super::number::Number;

/// A value: a number, yes/no, or text.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// An exact number.
    Number(Number),
    /// Yes or no.
    YesNo(bool),
    /// Text.
    Text(String),
}

/// Why an expression has no value.
#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    /// These names have no value (sorted, each once).
    Missing(Vec<String>),
    /// A division by zero, at this part of the expression.
    DivisionByZero(Range<usize>),
    /// A result too large to represent, at this part of the expression.
    Overflow(Range<usize>),
    /// A value of the wrong type (the expression was not type-checked against these values).
    Type(Range<usize>, String),
}

impl EvalError {
    /// Describes the error, quoting the part of `text` (the expression) at fault.
    pub fn describe(&self, text: &str) -> String {
        let part = |span: &Range<usize>| text.get(span.clone()).unwrap_or(text).to_string();
        match self {
            EvalError::Missing(names) => format!("needs {}", names.join(", ")),
            EvalError::DivisionByZero(span) => format!("division by zero in `{}`", part(span)),
            EvalError::Overflow(span) => format!("`{}` is too large to compute", part(span)),
            EvalError::Type(span, message) => format!("`{}`: {message}", part(span)),
        }
    }
}

/// Evaluates `expr`; `lookup` gives the value of a name, `None` when it has none.
pub fn eval(expr: &Expr, lookup: &dyn Fn(&str) -> Option<Value>) -> Result<Value, EvalError> {
    match &expr.kind {
        ExprKind::Number(n) => Ok(Value::Number(*n)),
        ExprKind::Text(text) => Ok(Value::Text(text.clone())),
        ExprKind::YesNo(b) => Ok(Value::YesNo(*b)),
        ExprKind::Name(name) => lookup(name).ok_or_else(|| EvalError::Missing(vec![name.clone()])),
        ExprKind::Group(inner) => eval(inner, lookup),
        ExprKind::Negate(inner) => {
            let value = number(inner, eval(inner, lookup)?)?;
            value.checked_neg().map(Value::Number).ok_or_else(|| EvalError::Overflow(expr.span.clone()))
        }
        ExprKind::Not(inner) => Ok(Value::YesNo(!yes_no(inner, eval(inner, lookup)?)?)),
        ExprKind::Logic(op, left, right) => logic(*op, left, right, lookup),
        ExprKind::Arithmetic(op, left, right) => {
            let (l, r) = both(eval(left, lookup), eval(right, lookup))?;
            let (l, r) = (number(left, l)?, number(right, r)?);
            let result = match op {
                ArithOp::Add => l.checked_add(r),
                ArithOp::Subtract => l.checked_sub(r),
                ArithOp::Multiply => l.checked_mul(r),
                ArithOp::Divide if r.is_zero() => return Err(EvalError::DivisionByZero(expr.span.clone())),
                ArithOp::Divide => l.checked_div(r),
            };
            result.map(Value::Number).ok_or_else(|| EvalError::Overflow(expr.span.clone()))
        }
        ExprKind::Compare(op, left, right) => {
            let (l, r) = both(eval(left, lookup), eval(right, lookup))?;
            compare(*op, expr, &l, &r).map(Value::YesNo)
        }
        ExprKind::InRange { value, low, high, inclusive, negated } => {
            let (v, bounds) = both(eval(value, lookup), both(eval(low, lookup), eval(high, lookup)))?;
            let (v, lo, hi) = (number(value, v)?, number(low, bounds.0)?, number(high, bounds.1)?);
            let inside = lo <= v && (v < hi || (*inclusive && v == hi));
            Ok(Value::YesNo(inside != *negated))
        }
        ExprKind::InList { value, items, negated } => {
            let mut found = eval(value, lookup).map(|v| (v, false));
            for item in items {
                found = both(found, eval(item, lookup)).and_then(|((v, hit), candidate)| {
                    let same = compare(CompareOp::Equal, expr, &v, &candidate)?;
                    Ok((v, hit || same))
                });
            }
            found.map(|(_, hit)| Value::YesNo(hit != *negated))
        }
    }
}

/// `and` and `or` decide when either side does (`false and x`, `true or x`), whatever the
/// other side lacks; otherwise an unknown side leaves the result unknown.
fn logic(op: LogicOp, left: &Expr, right: &Expr, lookup: &dyn Fn(&str) -> Option<Value>) -> Result<Value, EvalError> {
    let deciding = op == LogicOp::Or;
    let l = eval(left, lookup).and_then(|v| yes_no(left, v));
    if l == Ok(deciding) {
        return Ok(Value::YesNo(deciding));
    }
    let r = eval(right, lookup).and_then(|v| yes_no(right, v));
    if r == Ok(deciding) {
        return Ok(Value::YesNo(deciding));
    }
    both(l, r).map(|_| Value::YesNo(!deciding))
}

/// Both results, or the first error, with the names both sides miss merged.
fn both<A, B>(a: Result<A, EvalError>, b: Result<B, EvalError>) -> Result<(A, B), EvalError> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(EvalError::Missing(mut x)), Err(EvalError::Missing(y))) => {
            x.extend(y);
            x.sort();
            x.dedup();
            Err(EvalError::Missing(x))
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

fn number(at: &Expr, value: Value) -> Result<Number, EvalError> {
    match value {
        Value::Number(n) => Ok(n),
        other => Err(EvalError::Type(at.span.clone(), format!("needs a number, got {other:?}"))),
    }
}

fn yes_no(at: &Expr, value: Value) -> Result<bool, EvalError> {
    match value {
        Value::YesNo(b) => Ok(b),
        other => Err(EvalError::Type(at.span.clone(), format!("needs yes/no, got {other:?}"))),
    }
}

fn compare(op: CompareOp, at: &Expr, l: &Value, r: &Value) -> Result<bool, EvalError> {
    let ordering = match (l, r) {
        (Value::Number(a), Value::Number(b)) => a.partial_cmp(b),
        (Value::YesNo(a), Value::YesNo(b)) if !op.orders() => Some(a.cmp(b)),
        (Value::Text(a), Value::Text(b)) if !op.orders() => Some(a.cmp(b)),
        _ => None,
    };
    let Some(ordering) = ordering else {
        return Err(EvalError::Type(at.span.clone(), format!("cannot compare {l:?} with {r:?}")));
    };
    Ok(match op {
        CompareOp::Less => ordering.is_lt(),
        CompareOp::LessOrEqual => ordering.is_le(),
        CompareOp::Greater => ordering.is_gt(),
        CompareOp::GreaterOrEqual => ordering.is_ge(),
        CompareOp::Equal => ordering.is_eq(),
        CompareOp::NotEqual => ordering.is_ne(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn facts(name: &str) -> Option<Value> {
        match name {
            "examples" => Some(num(1500)),
            "zero" => Some(num(0)),
            "huge" => Some(Value::Number(Number::parse_decimal("1e37").unwrap())),
            "measurable" => Some(Value::YesNo(true)),
            "need" => Some(Value::Text("format".into())),
            _ => None,
        }
    }

    fn num(value: i64) -> Value {
        Value::Number(Number::integer(value))
    }

    fn run(text: &str) -> Result<Value, EvalError> {
        eval(&parse(text).unwrap(), &facts)
    }

    #[test]
    fn arithmetic_comparisons_and_logic() {
        let yes = Ok(Value::YesNo(true));
        let no = Ok(Value::YesNo(false));
        assert_eq!(run("2 + 3 * 4"), Ok(num(14)));
        assert_eq!(run("(2 + 3) * 4"), Ok(num(20)));
        assert_eq!(run("10 - 4 - 3"), Ok(num(3)));
        assert_eq!(run("-examples / 3"), Ok(num(-500)));
        assert_eq!(run("0.3 * 3 * 1000"), Ok(num(900)), "exact, not 899.9999999999999");
        assert_eq!(run("46200 / 3850 <= 12 and 46200 / 3850 >= 12"), Ok(Value::YesNo(true)));
        assert_eq!(run("0.1 + 0.2 == 0.3"), Ok(Value::YesNo(true)));
        assert_eq!(run("examples >= 500"), yes);
        assert_eq!(run("examples >= 5000"), no);
        assert_eq!(run("measurable and not examples < 10"), yes);
        assert_eq!(run("need == \"format\""), yes);
        assert_eq!(run("need != \"format\""), no);
        assert_eq!(run("need in [\"style\", \"format\"]"), yes);
        assert_eq!(run("need not in [\"style\"]"), yes);
        assert_eq!(run("examples in 1000..1500"), no, "a range excludes its end");
        assert_eq!(run("examples in 1000..=1500"), yes, "..= includes it");
        assert_eq!(run("examples in 1500..2000"), yes, "and includes its start");
        assert_eq!(run("examples not in 0..10"), yes);
    }

    #[test]
    fn missing_names_make_the_result_unknown_unless_decided() {
        assert_eq!(run("budget > 1 and team > 2"), Err(EvalError::Missing(vec!["budget".into(), "team".into()])));
        assert_eq!(run("budget + budget"), Err(EvalError::Missing(vec!["budget".into()])));
        assert_eq!(run("examples < 10 and budget > 1"), Ok(Value::YesNo(false)));
        assert_eq!(run("budget > 1 and examples < 10"), Ok(Value::YesNo(false)));
        assert_eq!(run("budget > 1 or measurable"), Ok(Value::YesNo(true)));
        assert_eq!(run("budget > 1 or not measurable"), Err(EvalError::Missing(vec!["budget".into()])));
    }

    #[test]
    fn division_by_zero_and_overflow_are_errors_never_nan() {
        let text = "examples / (zero * 2)";
        let err = run(text).unwrap_err();
        assert_eq!(err, EvalError::DivisionByZero(0..text.len()));
        assert_eq!(err.describe(text), "division by zero in `examples / (zero * 2)`");
        assert_eq!(run("zero / zero"), Err(EvalError::DivisionByZero(0..11)));
        assert!(matches!(run("huge * huge"), Err(EvalError::Overflow(_))));
        assert_eq!(run("examples > 1 or zero / zero > 1"), Ok(Value::YesNo(true)), "decided before the division");
    }

    #[test]
    fn values_of_the_wrong_type_are_errors_not_panics() {
        assert!(matches!(run("need + 1"), Err(EvalError::Type(..))));
        assert!(matches!(run("examples and measurable"), Err(EvalError::Type(..))));
        assert!(matches!(run("need < \"z\""), Err(EvalError::Type(..))));
    }
}
