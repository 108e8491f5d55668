//! Reading an expression into its parsed form, by recursive descent over the tokens, one
//! function per precedence level (lowest first): `or`, `and`, `not`, comparisons and `in`,
//! `+ -`, `* /`, unary `-`, then values and parentheses.

use std::ops::Range;

use super::ExprError;
use super::ast::{ArithOp, CompareOp, Expr, ExprKind, LogicOp};
use super::lex::{KEYWORDS, Spanned, Token, tokenize};
#[cfg(test)]
use super::number::Number;

/// Deepest nesting accepted (parentheses, `not`, unary minus), so hostile input cannot
/// exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// Most tokens in one expression: a check or a formula is a line, not a program.
pub const MAX_TOKENS: usize = 1_000;

/// Parses `text` into an expression.
pub fn parse(text: &str) -> Result<Expr, ExprError> {
    let tokens = tokenize(text)?;
    if tokens.len() > MAX_TOKENS {
        return Err(ExprError::new(
            0..text.len(),
            format!("the expression has over {MAX_TOKENS} words; split it into formulas"),
        ));
    }
    let mut parser = Parser { tokens, next: 0, end: text.len(), depth: 0 };
    let expr = parser.or()?;
    if let Some((span, token)) = parser.peek() {
        let message = match token {
            Token::Symbol(")") => "this `)` closes nothing".to_string(),
            Token::Symbol(".." | "..=") => "a range follows `in`: write `x in low..high`".to_string(),
            _ => format!("expected an operator (`and`, `or`, a comparison, arithmetic), found {}", token.describe()),
        };
        return Err(ExprError::new(span.clone(), message));
    }
    Ok(expr)
}

struct Parser<'a> {
    tokens: Vec<Spanned<'a>>,
    next: usize,
    end: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&Spanned<'a>> {
        self.tokens.get(self.next)
    }

    fn peek_is(&self, token: &Token<'_>) -> bool {
        self.peek().is_some_and(|(_, t)| t == token)
    }

    fn eat(&mut self, token: &Token<'_>) -> Option<Range<usize>> {
        if self.peek_is(token) {
            self.next += 1;
            Some(self.tokens[self.next - 1].0.clone())
        } else {
            None
        }
    }

    /// `not` followed by `in` (the `not in` operator).
    fn peek_not_in(&self) -> bool {
        self.peek_is(&Token::Name("not"))
            && self.tokens.get(self.next + 1).is_some_and(|(_, t)| *t == Token::Name("in"))
    }

    fn deeper(&mut self, at: Range<usize>) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::new(at, format!("the expression nests deeper than {MAX_DEPTH} levels")));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.and()?;
        while self.eat(&Token::Name("or")).is_some() {
            let right = self.and()?;
            left = join(ExprKind::Logic(LogicOp::Or, Box::new(left), Box::new(right)));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.not()?;
        while self.eat(&Token::Name("and")).is_some() {
            let right = self.not()?;
            left = join(ExprKind::Logic(LogicOp::And, Box::new(left), Box::new(right)));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, ExprError> {
        if let Some(at) = self.eat(&Token::Name("not")) {
            self.deeper(at.clone())?;
            let inner = self.not()?;
            self.depth -= 1;
            let span = at.start..inner.span.end;
            return Ok(Expr { kind: ExprKind::Not(Box::new(inner)), span });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, ExprError> {
        let left = self.sum()?;
        let negated = self.peek_not_in();
        if negated {
            self.next += 1;
        }
        if self.eat(&Token::Name("in")).is_some() {
            return self.membership(left, negated);
        }
        let Some(op) = self.peek().and_then(|(_, t)| compare_op(t)) else { return Ok(left) };
        self.next += 1;
        let right = self.sum()?;
        if let Some((span, Token::Symbol(symbol))) = self.peek()
            && compare_op(&Token::Symbol(symbol)).is_some()
        {
            return Err(ExprError::new(
                span.clone(),
                "comparisons do not chain: write `low <= x and x < high`, or `x in low..high`",
            ));
        }
        Ok(join(ExprKind::Compare(op, Box::new(left), Box::new(right))))
    }

    /// After `in`: a list `[a, b]` or a range `low..high` / `low..=high`.
    fn membership(&mut self, value: Expr, negated: bool) -> Result<Expr, ExprError> {
        if let Some(open) = self.eat(&Token::Symbol("[")) {
            let mut items = Vec::new();
            loop {
                if let Some(close) = self.eat(&Token::Symbol("]")) {
                    if items.is_empty() {
                        return Err(ExprError::new(open.start..close.end, "the list is empty"));
                    }
                    let span = value.span.start..close.end;
                    let kind = ExprKind::InList { value: Box::new(value), items, negated };
                    return Ok(Expr { kind, span });
                }
                if !items.is_empty() && self.eat(&Token::Symbol(",")).is_none() {
                    return Err(self.expected("`,` or `]` in the list"));
                }
                items.push(self.sum()?);
            }
        }
        let low = self.sum()?;
        let inclusive = match self.peek() {
            Some((_, Token::Symbol(".."))) => false,
            Some((_, Token::Symbol("..="))) => true,
            _ => return Err(self.expected("a range (`low..high`) or a list (`[\"a\", \"b\"]`) after `in`")),
        };
        self.next += 1;
        let high = self.sum()?;
        let span = value.span.start..high.span.end;
        let kind =
            ExprKind::InRange { value: Box::new(value), low: Box::new(low), high: Box::new(high), inclusive, negated };
        Ok(Expr { kind, span })
    }

    fn sum(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Some((_, Token::Symbol("+"))) => ArithOp::Add,
                Some((_, Token::Symbol("-"))) => ArithOp::Subtract,
                _ => return Ok(left),
            };
            self.next += 1;
            let right = self.product()?;
            left = join(ExprKind::Arithmetic(op, Box::new(left), Box::new(right)));
        }
    }

    fn product(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Some((_, Token::Symbol("*"))) => ArithOp::Multiply,
                Some((_, Token::Symbol("/"))) => ArithOp::Divide,
                _ => return Ok(left),
            };
            self.next += 1;
            let right = self.unary()?;
            left = join(ExprKind::Arithmetic(op, Box::new(left), Box::new(right)));
        }
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        if let Some(at) = self.eat(&Token::Symbol("-")) {
            self.deeper(at.clone())?;
            let inner = self.unary()?;
            self.depth -= 1;
            let span = at.start..inner.span.end;
            return Ok(Expr { kind: ExprKind::Negate(Box::new(inner)), span });
        }
        self.value()
    }

    fn value(&mut self) -> Result<Expr, ExprError> {
        let Some((span, token)) = self.peek().cloned() else {
            return Err(ExprError::new(self.end..self.end, "the expression ends where a value is expected"));
        };
        self.next += 1;
        let kind = match token {
            Token::Number(n) => ExprKind::Number(n),
            Token::Text(text) => ExprKind::Text(text.to_string()),
            Token::Name("true") => ExprKind::YesNo(true),
            Token::Name("false") => ExprKind::YesNo(false),
            Token::Name(word) if KEYWORDS.contains(&word) => {
                return Err(ExprError::new(span, format!("expected a value, found the keyword `{word}`")));
            }
            Token::Name(name) => ExprKind::Name(name.to_string()),
            Token::Symbol("(") => {
                self.deeper(span.clone())?;
                let inner = self.or()?;
                self.depth -= 1;
                let Some(close) = self.eat(&Token::Symbol(")")) else {
                    return Err(ExprError::new(span, "this `(` is not closed"));
                };
                return Ok(Expr { kind: ExprKind::Group(Box::new(inner)), span: span.start..close.end });
            }
            Token::Symbol("[") => {
                return Err(ExprError::new(span, "a list follows `in`: write `x in [\"a\", \"b\"]`"));
            }
            other => return Err(ExprError::new(span, format!("expected a value, found {}", other.describe()))),
        };
        Ok(Expr { kind, span })
    }

    fn expected(&self, what: &str) -> ExprError {
        match self.peek() {
            Some((span, token)) => ExprError::new(span.clone(), format!("expected {what}, found {}", token.describe())),
            None => ExprError::new(self.end..self.end, format!("expected {what} at the end")),
        }
    }
}

fn compare_op(token: &Token<'_>) -> Option<CompareOp> {
    Some(match token {
        Token::Symbol("<") => CompareOp::Less,
        Token::Symbol("<=") => CompareOp::LessOrEqual,
        Token::Symbol(">") => CompareOp::Greater,
        Token::Symbol(">=") => CompareOp::GreaterOrEqual,
        Token::Symbol("==") => CompareOp::Equal,
        Token::Symbol("!=") => CompareOp::NotEqual,
        _ => return None,
    })
}

/// A binary expression spanning from its left operand to its right one.
fn join(kind: ExprKind) -> Expr {
    let span = match &kind {
        ExprKind::Arithmetic(_, l, r) | ExprKind::Compare(_, l, r) | ExprKind::Logic(_, l, r) => {
            l.span.start..r.span.end
        }
        _ => unreachable!("join builds binary expressions only"),
    };
    Expr { kind, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parse, fully parenthesised.
    fn shape(text: &str) -> String {
        fn go(e: &Expr) -> String {
            match &e.kind {
                ExprKind::Arithmetic(op, l, r) => format!("({} {} {})", go(l), op.symbol(), go(r)),
                ExprKind::Compare(op, l, r) => format!("({} {} {})", go(l), op.symbol(), go(r)),
                ExprKind::Logic(op, l, r) => format!("({} {} {})", go(l), op.word(), go(r)),
                ExprKind::Not(i) => format!("(not {})", go(i)),
                ExprKind::Negate(i) => format!("(-{})", go(i)),
                ExprKind::Group(i) => go(i),
                _ => e.rewrite(&|_| None, &|n: Number| n.to_string()),
            }
        }
        go(&parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.message)))
    }

    #[test]
    fn precedence_and_associativity() {
        assert_eq!(shape("a + b * c"), "(a + (b * c))");
        assert_eq!(shape("a - b - c"), "((a - b) - c)");
        assert_eq!(shape("a / b / c"), "((a / b) / c)");
        assert_eq!(shape("(a + b) * c"), "((a + b) * c)");
        assert_eq!(shape("-a * b"), "((-a) * b)");
        assert_eq!(shape("a or b and c"), "(a or (b and c))");
        assert_eq!(shape("not a and b"), "((not a) and b)");
        assert_eq!(shape("not a >= 1"), "(not (a >= 1))");
        assert_eq!(shape("x + 1 >= y * 2 or z"), "(((x + 1) >= (y * 2)) or z)");
        assert_eq!(shape("x in 8..16"), "x in 8..16");
        assert_eq!(shape("x not in 8..=16"), "x not in 8..=16");
        assert_eq!(shape("need in [\"a\", \"b\"]"), "need in [\"a\", \"b\"]");
    }

    #[test]
    fn spans_cover_the_written_text() {
        let text = "examples >= 500 and (a or b)";
        let expr = parse(text).unwrap();
        assert_eq!(expr.span, 0..text.len());
        let ExprKind::Logic(_, left, right) = &expr.kind else { panic!() };
        assert_eq!(&text[left.span.clone()], "examples >= 500");
        assert_eq!(&text[right.span.clone()], "(a or b)");
    }

    #[test]
    fn errors_point_at_the_offending_token() {
        let cases = [
            ("a >=", 4..4, "ends where a value is expected"),
            ("a and", 5..5, "ends where a value is expected"),
            ("(a or b", 0..1, "`(` is not closed"),
            ("a)", 1..2, "closes nothing"),
            ("0 < x < 5", 6..7, "do not chain"),
            ("a b", 2..3, "expected an operator"),
            ("x in 5", 6..6, "after `in`"),
            ("x in []", 5..7, "the list is empty"),
            ("x in [1 2]", 8..9, "`,` or `]`"),
            ("[1, 2]", 0..1, "a list follows `in`"),
            ("8..16", 1..3, "a range follows `in`"),
            ("a == and", 5..8, "keyword `and`"),
            ("a * * b", 4..5, "expected a value, found `*`"),
        ];
        for (text, span, message) in cases {
            let err = parse(text).expect_err(text);
            assert!(err.message.contains(message), "{text}: {}", err.message);
            assert_eq!(err.span, span, "{text}: {}", err.message);
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        assert!(parse(&deep).unwrap_err().message.contains("nests deeper"));
        let negations = format!("{}a", "not ".repeat(60));
        assert!(parse(&negations).is_ok());
        let negations = format!("{}a", "not ".repeat(100));
        assert!(parse(&negations).unwrap_err().message.contains("nests deeper"));
        let long = vec!["a"; 2_000].join(" + ");
        assert!(parse(&long).unwrap_err().message.contains("split it into formulas"));
    }
}
