//! The expression language of decision specs: the checks of criteria and green lights,
//! the conditions of selection rows, formulas and their preconditions.
//!
//! ```text
//! expression := or
//! or         := and ("or" and)*
//! and        := not ("and" not)*
//! not        := "not" not | comparison
//! comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum
//!                   | ["not"] "in" (sum ".." sum | sum "..=" sum | "[" sum ("," sum)* "]"))?
//! sum        := product (("+" | "-") product)*
//! product    := unary (("*" | "/") unary)*
//! unary      := "-" unary | value
//! value      := number | "text" | 'text' | true | false | name | "(" expression ")"
//! ```
//!
//! Precedence, loosest first: `or`, `and`, `not`, comparisons and `in` (which do not
//! chain), `+ -`, `* /`, unary `-`. Arithmetic is left-associative. `low..high` holds
//! `low <= x < high`; `low..=high` includes `high`. Numbers may group digits with `_`
//! (`1_000_000`) and are exact rationals ([`Number`]), not floats, so arithmetic on the
//! decimals people write is exact and a value on a threshold compares equal to it. Names are facts and formulas (lowercase letters, digits and `_`).
//!
//! Types: numbers (a fact's number carries its unit: numbers in two different units are
//! never added, subtracted or compared), yes/no, text (a one-of fact is compared only with
//! its options). [`check`] finds every type error before anything runs; [`eval`] computes
//! a value, reporting missing names, division by zero and overflow as errors.

mod ast;
mod check;
mod eval;
mod lex;
mod number;
mod parse;

use std::ops::Range;

pub use ast::{ArithOp, CompareOp, Expr, ExprKind, LogicOp};
pub use check::{Resolve, Type, check};
pub use eval::{EvalError, Value, eval};
pub use lex::{KEYWORDS, Token, tokenize};
pub use number::Number;
pub use parse::{MAX_DEPTH, MAX_TOKENS, parse};

/// An error in an expression's text: where (bytes in the expression) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExprError {
    /// The bytes at fault.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when known.
    pub help: Option<String>,
}

impl ExprError {
    /// An error at `span`.
    pub fn new(span: Range<usize>, message: impl Into<String>) -> ExprError {
        ExprError { span, message: message.into(), help: None }
    }
}
