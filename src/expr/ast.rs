//! The parsed form of an expression, and its text rebuilt with the values of its names
//! (`0.25 * 40 * 2,000`) to show the arithmetic.

use std::ops::Range;

use super::number::Number;

/// A parsed expression: what it is and the byte range it covers in its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Its bytes in the expression's text.
    pub span: Range<usize>,
}

/// The shapes of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A number (`500`, `0.5`), exact.
    Number(Number),
    /// Quoted text.
    Text(String),
    /// `true` or `false`.
    YesNo(bool),
    /// A fact or formula.
    Name(String),
    /// `-x`.
    Negate(Box<Expr>),
    /// `not x`.
    Not(Box<Expr>),
    /// `(x)`.
    Group(Box<Expr>),
    /// `a + b`, `a - b`, `a * b`, `a / b`.
    Arithmetic(ArithOp, Box<Expr>, Box<Expr>),
    /// `a < b` and the other comparisons.
    Compare(CompareOp, Box<Expr>, Box<Expr>),
    /// `a and b`, `a or b`.
    Logic(LogicOp, Box<Expr>, Box<Expr>),
    /// `x in low..high` (high excluded) or `x in low..=high` (high included); `not in`
    /// when negated.
    InRange {
        /// The value tested.
        value: Box<Expr>,
        /// The lowest value in the range.
        low: Box<Expr>,
        /// Where the range ends.
        high: Box<Expr>,
        /// Whether `high` is in the range (`..=`).
        inclusive: bool,
        /// `not in`.
        negated: bool,
    },
    /// `x in [a, b]`; `not in` when negated.
    InList {
        /// The value tested.
        value: Box<Expr>,
        /// The list.
        items: Vec<Expr>,
        /// `not in`.
        negated: bool,
    },
}

/// Arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Subtract,
    /// `*`
    Multiply,
    /// `/`
    Divide,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    /// `<`
    Less,
    /// `<=`
    LessOrEqual,
    /// `>`
    Greater,
    /// `>=`
    GreaterOrEqual,
    /// `==`
    Equal,
    /// `!=`
    NotEqual,
}

/// `and`, `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogicOp {
    /// Both hold.
    And,
    /// Either holds.
    Or,
}

impl ArithOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Subtract => "-",
            ArithOp::Multiply => "*",
            ArithOp::Divide => "/",
        }
    }
}

impl CompareOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Less => "<",
            CompareOp::LessOrEqual => "<=",
            CompareOp::Greater => ">",
            CompareOp::GreaterOrEqual => ">=",
            CompareOp::Equal => "==",
            CompareOp::NotEqual => "!=",
        }
    }

    /// Whether it orders numbers (`<`, `<=`, `>`, `>=`) rather than testing equality.
    pub fn orders(self) -> bool {
        !matches!(self, CompareOp::Equal | CompareOp::NotEqual)
    }
}

impl LogicOp {
    /// The operator as written.
    pub fn word(self) -> &'static str {
        match self {
            LogicOp::And => "and",
            LogicOp::Or => "or",
        }
    }
}

impl Expr {
    /// Every name the expression uses, in order of first use.
    pub fn names(&self) -> Vec<&str> {
        let mut names = Vec::new();
        self.walk(&mut |expr| {
            if let ExprKind::Name(name) = &expr.kind
                && !names.contains(&name.as_str())
            {
                names.push(name.as_str());
            }
        });
        names
    }

    /// Calls `visit` on this expression and every expression inside it, outermost first.
    pub fn walk<'a>(&'a self, visit: &mut dyn FnMut(&'a Expr)) {
        visit(self);
        match &self.kind {
            ExprKind::Number(_) | ExprKind::Text(_) | ExprKind::YesNo(_) | ExprKind::Name(_) => {}
            ExprKind::Negate(inner) | ExprKind::Not(inner) | ExprKind::Group(inner) => inner.walk(visit),
            ExprKind::Arithmetic(_, left, right)
            | ExprKind::Compare(_, left, right)
            | ExprKind::Logic(_, left, right) => {
                left.walk(visit);
                right.walk(visit);
            }
            ExprKind::InRange { value, low, high, .. } => {
                value.walk(visit);
                low.walk(visit);
                high.walk(visit);
            }
            ExprKind::InList { value, items, .. } => {
                value.walk(visit);
                for item in items {
                    item.walk(visit);
                }
            }
        }
    }

    /// The expression written out again, each name replaced by `name(n)` when that gives
    /// text (its value), kept otherwise; numbers as `number(x)` writes them.
    pub fn rewrite(&self, name: &dyn Fn(&str) -> Option<String>, number: &dyn Fn(Number) -> String) -> String {
        let go = |e: &Expr| e.rewrite(name, number);
        match &self.kind {
            ExprKind::Number(value) => number(*value),
            ExprKind::Text(text) => format!("\"{text}\""),
            ExprKind::YesNo(value) => value.to_string(),
            ExprKind::Name(n) => name(n).unwrap_or_else(|| n.clone()),
            ExprKind::Negate(inner) => format!("-{}", go(inner)),
            ExprKind::Not(inner) => format!("not {}", go(inner)),
            ExprKind::Group(inner) => format!("({})", go(inner)),
            ExprKind::Arithmetic(op, left, right) => format!("{} {} {}", go(left), op.symbol(), go(right)),
            ExprKind::Compare(op, left, right) => format!("{} {} {}", go(left), op.symbol(), go(right)),
            ExprKind::Logic(op, left, right) => format!("{} {} {}", go(left), op.word(), go(right)),
            ExprKind::InRange { value, low, high, inclusive, negated } => format!(
                "{} {}in {}{}{}",
                go(value),
                if *negated { "not " } else { "" },
                go(low),
                if *inclusive { "..=" } else { ".." },
                go(high)
            ),
            ExprKind::InList { value, items, negated } => format!(
                "{} {}in [{}]",
                go(value),
                if *negated { "not " } else { "" },
                items.iter().map(go).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}
