//! The words of an expression: names, numbers, quoted text and symbols, each with its byte
//! range in the expression.

use std::ops::Range;

use super::ExprError;
use super::number::Number;

/// A piece of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Token<'a> {
    /// A name: a fact, a formula, or a keyword.
    Name(&'a str),
    /// A number, exactly as written.
    Number(Number),
    /// Quoted text, without its quotes.
    Text(&'a str),
    /// An operator or punctuation (`>=`, `(`, `..`).
    Symbol(&'static str),
}

impl Token<'_> {
    /// The token as written in messages: `` `>=` ``, `` `need` ``, `a number`.
    pub fn describe(&self) -> String {
        match self {
            Token::Name(name) => format!("`{}`", crate::text::quotable(name, 40)),
            Token::Number(_) => "a number".to_string(),
            Token::Text(text) => format!("the text \"{}\"", crate::text::quotable(text, 40)),
            Token::Symbol(symbol) => format!("`{symbol}`"),
        }
    }
}

/// Words that are not names.
pub const KEYWORDS: [&str; 6] = ["and", "or", "not", "in", "true", "false"];

/// Longest first, so that `..=` is not read as `..` then `=`.
const SYMBOLS: [&str; 19] =
    ["..=", "..", ">=", "<=", "==", "!=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", "=", "!"];

/// A token and its byte range in the expression.
pub type Spanned<'a> = (Range<usize>, Token<'a>);

/// Splits an expression into tokens.
pub fn tokenize(expr: &str) -> Result<Vec<Spanned<'_>>, ExprError> {
    let bytes = expr.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push((start..i, Token::Name(&expr[start..i])));
        } else if c.is_ascii_digit() {
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || bytes[i] == b'_'
                    || (bytes[i] == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            let written = &expr[start..i];
            let number = Number::parse_decimal(written).ok_or_else(|| {
                ExprError::new(start..i, format!("`{}` is not a number that fits", crate::text::quotable(written, 40)))
            })?;
            if bytes.get(i).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_') {
                let end =
                    i + expr[i..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(expr.len() - i);
                return Err(ExprError::new(
                    start..end,
                    format!(
                        "`{}` is not a number; units belong to facts, not to numbers",
                        crate::text::quotable(&expr[start..end], 40)
                    ),
                ));
            }
            out.push((start..i, Token::Number(number)));
        } else if c == b'"' || c == b'\'' {
            let Some(length) = expr[i + 1..].find(c as char) else {
                return Err(ExprError::new(start..expr.len(), "the quoted text is not closed"));
            };
            i += length + 2;
            out.push((start..i, Token::Text(&expr[start + 1..i - 1])));
        } else if let Some(symbol) = SYMBOLS.iter().find(|s| expr[i..].starts_with(**s)) {
            i += symbol.len();
            if matches!(*symbol, "=" | "!") {
                return Err(ExprError::new(
                    start..i,
                    format!("`{symbol}` alone is not an operator; write `==`, `!=` or `not`"),
                ));
            }
            out.push((start..i, Token::Symbol(symbol)));
        } else {
            let found = expr[i..].chars().next().unwrap_or('?');
            return Err(ExprError::new(start..start + found.len_utf8(), format!("unexpected `{found}`")));
        }
    }
    if out.is_empty() {
        return Err(ExprError::new(0..expr.len(), "the expression is empty"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_literal_is_quoted_in_part() {
        let err = tokenize(&"9".repeat(100_000)).unwrap_err();
        assert!(err.message.len() < 120, "{}", err.message);
        assert!(err.message.contains("(100,000 characters)"), "{}", err.message);
    }

    fn kinds(expr: &str) -> Vec<Token<'_>> {
        tokenize(expr).unwrap().into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn splits_comparisons_ranges_and_lists() {
        assert_eq!(
            kinds("vram_gb in 8..16 and need != 'x'"),
            [
                Token::Name("vram_gb"),
                Token::Name("in"),
                Token::Number(Number::integer(8)),
                Token::Symbol(".."),
                Token::Number(Number::integer(16)),
                Token::Name("and"),
                Token::Name("need"),
                Token::Symbol("!="),
                Token::Text("x"),
            ]
        );
        assert_eq!(kinds("1_000_000 >= 0.5")[0], Token::Number(Number::integer(1_000_000)));
        assert_eq!(kinds("a in 1..=2")[3], Token::Symbol("..="));
    }

    #[test]
    fn spans_are_byte_ranges() {
        let tokens = tokenize("ab >= \"x y\"").unwrap();
        assert_eq!(tokens[0].0, 0..2);
        assert_eq!(tokens[1].0, 3..5);
        assert_eq!(tokens[2].0, 6..11);
    }

    #[test]
    fn bad_words_say_why_and_where() {
        assert_eq!(tokenize("").unwrap_err().message, "the expression is empty");
        let err = tokenize("a = 1").unwrap_err();
        assert!(err.message.contains("`==`"), "{}", err.message);
        assert_eq!(err.span, 2..3);
        let err = tokenize("a == \"open").unwrap_err();
        assert!(err.message.contains("not closed"));
        assert_eq!(err.span.start, 5);
        let err = tokenize("a ≥ 1").unwrap_err();
        assert_eq!(err.message, "unexpected `≥`");
        assert_eq!(err.span, 2..5);
        let err = tokenize("vram >= 8GB").unwrap_err();
        assert!(err.message.contains("units belong to facts"), "{}", err.message);
        assert_eq!(err.span, 8..11);
    }
}
