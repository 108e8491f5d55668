//! Type checking: every name known, every operator given the types it works on, numbers in
//! different units never added or compared, a one-of fact compared only with its options.
//! A spec's expressions are checked when it is read, so evaluating them later cannot meet
//! a type error on valid input.

use super::ExprError;
use super::ast::{ArithOp, Expr, ExprKind};

/// The type of a fact, a formula or an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Type {
    /// A number, in a unit when known.
    Number {
        /// The unit (`GB`, `USD a month`), `None` for plain numbers and mixed products.
        unit: Option<String>,
    },
    /// Yes or no.
    YesNo,
    /// Text; with `options`, one of them (a one-of fact).
    Text {
        /// The allowed values; empty for free text.
        options: Vec<String>,
    },
}

impl Type {
    /// A plain number.
    pub fn number() -> Type {
        Type::Number { unit: None }
    }

    /// "a number in GB", "yes/no", "text", "one of: a, b": for messages.
    pub fn describe(&self) -> String {
        match self {
            Type::Number { unit: Some(unit) } => format!("a number in {unit}"),
            Type::Number { unit: None } => "a number".to_string(),
            Type::YesNo => "yes/no".to_string(),
            Type::Text { options } if options.is_empty() => "text".to_string(),
            Type::Text { options } => format!("one of: {}", options.join(", ")),
        }
    }

    fn same_kind(&self, other: &Type) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// How a name resolves: its type, or the message and help for an unknown name.
pub type Resolve<'a> = dyn Fn(&str) -> Result<Type, (String, Option<String>)> + 'a;

/// Checks `expr`; `want` is the type the place needs (yes/no for a check, a number for a
/// formula), `None` for any. Returns every error found.
pub fn check(expr: &Expr, resolve: &Resolve<'_>, want: Option<&Type>) -> Result<Type, Vec<ExprError>> {
    let mut checker = Checker { resolve, errors: Vec::new() };
    let found = checker.infer(expr);
    if let (Some(found), Some(want)) = (&found, want)
        && !found.same_kind(want)
    {
        checker.errors.push(ExprError::new(
            expr.span.clone(),
            format!("this expression gives {}, but {} is needed here", found.describe(), want.describe()),
        ));
    }
    match found {
        Some(found) if checker.errors.is_empty() => Ok(found),
        _ => Err(checker.errors),
    }
}

struct Checker<'r, 'a> {
    resolve: &'r Resolve<'a>,
    errors: Vec<ExprError>,
}

impl Checker<'_, '_> {
    /// The expression's type; `None` after an error inside it (reported once).
    fn infer(&mut self, expr: &Expr) -> Option<Type> {
        match &expr.kind {
            ExprKind::Number(_) => Some(Type::number()),
            ExprKind::Text(_) => Some(Type::Text { options: Vec::new() }),
            ExprKind::YesNo(_) => Some(Type::YesNo),
            ExprKind::Name(name) => match (self.resolve)(name) {
                Ok(found) => Some(found),
                Err((message, help)) => {
                    let mut error = ExprError::new(expr.span.clone(), message);
                    error.help = help;
                    self.errors.push(error);
                    None
                }
            },
            ExprKind::Group(inner) => self.infer(inner),
            ExprKind::Negate(inner) => {
                let found = self.infer(inner)?;
                self.expect_number(inner, &found, "`-`").then_some(found)
            }
            ExprKind::Not(inner) => {
                let found = self.infer(inner)?;
                self.expect(inner, &found, &Type::YesNo, "`not`").then_some(Type::YesNo)
            }
            ExprKind::Logic(op, left, right) => {
                let (l, r) = (self.infer(left), self.infer(right));
                let what = format!("`{}`", op.word());
                let ok_left = l.is_some_and(|l| self.expect(left, &l, &Type::YesNo, &what));
                let ok_right = r.is_some_and(|r| self.expect(right, &r, &Type::YesNo, &what));
                (ok_left && ok_right).then_some(Type::YesNo)
            }
            ExprKind::Arithmetic(op, left, right) => {
                let (l, r) = (self.infer(left), self.infer(right));
                let what = format!("`{}`", op.symbol());
                let (l, r) = (l?, r?);
                let ok = self.expect_number(left, &l, &what) & self.expect_number(right, &r, &what);
                if !ok {
                    return None;
                }
                let (lu, ru) = (unit(&l), unit(&r));
                let unit = match op {
                    ArithOp::Add | ArithOp::Subtract => {
                        if !self.same_units(expr, &l, &r, &what) {
                            return None;
                        }
                        lu.or(ru)
                    }
                    ArithOp::Multiply => match (lu, ru) {
                        (Some(u), None) | (None, Some(u)) => Some(u),
                        _ => None,
                    },
                    ArithOp::Divide => match (lu, ru) {
                        (Some(u), None) => Some(u),
                        _ => None,
                    },
                };
                Some(Type::Number { unit: unit.map(str::to_string) })
            }
            ExprKind::Compare(op, left, right) => {
                let (l, r) = (self.infer(left), self.infer(right));
                let (l, r) = (l?, r?);
                let what = format!("`{}`", op.symbol());
                if op.orders() {
                    let ok = self.expect_number(left, &l, &what) & self.expect_number(right, &r, &what);
                    return (ok && self.same_units(expr, &l, &r, &what)).then_some(Type::YesNo);
                }
                self.comparable(expr, left, &l, right, &r, &what).then_some(Type::YesNo)
            }
            ExprKind::InRange { value, low, high, .. } => {
                let found: Vec<Option<Type>> = [value, low, high].iter().map(|e| self.infer(e)).collect();
                let [Some(v), Some(lo), Some(hi)] = [&found[0], &found[1], &found[2]] else { return None };
                let ok = self.expect_number(value, v, "a range")
                    & self.expect_number(low, lo, "a range")
                    & self.expect_number(high, hi, "a range");
                (ok && self.same_units(expr, v, lo, "`in`") && self.same_units(expr, v, hi, "`in`"))
                    .then_some(Type::YesNo)
            }
            ExprKind::InList { value, items, .. } => {
                let v = self.infer(value);
                let mut ok = v.is_some();
                for item in items {
                    let found = self.infer(item);
                    if let (Some(v), Some(found)) = (&v, found) {
                        ok &= self.comparable(expr, value, v, item, &found, "`in`");
                    } else {
                        ok = false;
                    }
                }
                ok.then_some(Type::YesNo)
            }
        }
    }

    /// Reports `found` at `at` unless it is the kind of `want`.
    fn expect(&mut self, at: &Expr, found: &Type, want: &Type, what: &str) -> bool {
        if found.same_kind(want) {
            return true;
        }
        self.errors.push(ExprError::new(
            at.span.clone(),
            format!("{what} needs {}, but this is {}", want.describe(), found.describe()),
        ));
        false
    }

    fn expect_number(&mut self, at: &Expr, found: &Type, what: &str) -> bool {
        self.expect(at, found, &Type::number(), what)
    }

    /// Numbers in two different known units cannot be added, subtracted or compared.
    fn same_units(&mut self, whole: &Expr, l: &Type, r: &Type, what: &str) -> bool {
        match (unit(l), unit(r)) {
            (Some(a), Some(b)) if !a.trim().eq_ignore_ascii_case(b.trim()) => {
                self.errors.push(ExprError::new(
                    whole.span.clone(),
                    format!("{what} mixes units: one side is in {a}, the other in {b}"),
                ));
                false
            }
            _ => true,
        }
    }

    /// `==`, `!=` and list membership: the same kind on both sides, numbers in the same
    /// unit, and a one-of value compared only with its options.
    fn comparable(&mut self, whole: &Expr, left: &Expr, l: &Type, right: &Expr, r: &Type, what: &str) -> bool {
        if !l.same_kind(r) {
            self.errors.push(ExprError::new(
                whole.span.clone(),
                format!("{what} compares {} with {}", l.describe(), r.describe()),
            ));
            return false;
        }
        if let Type::Number { .. } = l {
            return self.same_units(whole, l, r, what);
        }
        for (named, other) in [(left, right), (right, left)] {
            let (ExprKind::Name(name), ExprKind::Text(text)) = (&named.kind, &other.kind) else { continue };
            let Type::Text { options } = (if std::ptr::eq(named, left) { l } else { r }) else { continue };
            if !options.is_empty() && !options.contains(text) {
                let mut error = ExprError::new(
                    other.span.clone(),
                    format!("`{name}` is never `{}`", crate::text::quotable(text, 40)),
                );
                error.help = Some(format!("its options are: {}", options.join(", ")));
                self.errors.push(error);
                return false;
            }
        }
        true
    }
}

fn unit(found: &Type) -> Option<&str> {
    match found {
        Type::Number { unit } => unit.as_deref(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn resolve(name: &str) -> Result<Type, (String, Option<String>)> {
        match name {
            "examples" => Ok(Type::Number { unit: Some("examples".into()) }),
            "vram_gb" => Ok(Type::Number { unit: Some("GB".into()) }),
            "months" => Ok(Type::Number { unit: Some("months".into()) }),
            "cost" | "saving" => Ok(Type::Number { unit: Some("USD".into()) }),
            "measurable" => Ok(Type::YesNo),
            "need" => Ok(Type::Text { options: vec!["format".into(), "style".into()] }),
            "notes" => Ok(Type::Text { options: vec![] }),
            _ => Err((format!("`{}` is not declared", crate::text::quotable(name, 40)), Some("declare it".into()))),
        }
    }

    fn check_text(text: &str, want: Option<&Type>) -> Result<Type, Vec<ExprError>> {
        check(&parse(text).unwrap(), &resolve, want)
    }

    #[test]
    fn well_typed_expressions_pass() {
        let yes_no = Some(&Type::YesNo);
        for text in [
            "examples >= 500",
            "measurable",
            "not measurable or vram_gb in 8..24",
            "need == \"format\" and vram_gb >= 8",
            "need in [\"format\", \"style\"]",
            "cost > saving",
            "notes == \"anything\"",
            "cost - saving > 0",
            "vram_gb * 2 >= 16",
        ] {
            check_text(text, yes_no).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        }
        assert_eq!(
            check_text("cost + saving", Some(&Type::number())).unwrap(),
            Type::Number { unit: Some("USD".into()) }
        );
        assert_eq!(check_text("cost / saving", None).unwrap(), Type::number());
        assert_eq!(check_text("cost / 2", None).unwrap(), Type::Number { unit: Some("USD".into()) });
    }

    #[test]
    fn type_errors_name_the_operand() {
        let cases = [
            ("examples + need", "`+` needs a number, but this is one of: format, style", 11..15),
            ("measurable > 1", "`>` needs a number, but this is yes/no", 0..10),
            ("examples and measurable", "`and` needs yes/no, but this is a number in examples", 0..8),
            ("not examples", "`not` needs yes/no", 4..12),
            ("need == 1", "`==` compares one of: format, style with a number", 0..9),
            ("need == \"fromat\"", "`need` is never `fromat`", 8..16),
            ("need in [\"style\", \"x\"]", "`need` is never `x`", 18..21),
            ("vram_gb > months", "`>` mixes units: one side is in GB, the other in months", 0..16),
            ("vram_gb + cost >= 1", "`+` mixes units", 0..14),
            ("vram_gb in 8..months", "`in` mixes units", 0..20),
            ("budget > 1", "`budget` is not declared", 0..6),
        ];
        for (text, message, span) in cases {
            let errors = check_text(text, None).expect_err(text);
            assert!(errors[0].message.contains(message), "{text}: {:?}", errors);
            assert_eq!(errors[0].span, span, "{text}");
        }
        let errors = check_text("budget > 1", None).unwrap_err();
        assert_eq!(errors[0].help.as_deref(), Some("declare it"));
    }

    #[test]
    fn the_place_decides_the_wanted_type() {
        let errors = check_text("examples * 2", Some(&Type::YesNo)).unwrap_err();
        assert_eq!(errors[0].message, "this expression gives a number in examples, but yes/no is needed here");
        let errors = check_text("examples > 2", Some(&Type::number())).unwrap_err();
        assert!(errors[0].message.contains("gives yes/no, but a number is needed"));
    }

    #[test]
    fn every_error_is_reported_once() {
        let errors = check_text("a > 1 and b > 2", None).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
    }
}
