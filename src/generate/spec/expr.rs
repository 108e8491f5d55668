//! The words of spec expressions: enough to check that an expression names only facts and
//! formulas the spec declares, and compares a `one-of` fact only with its options. Evaluating
//! expressions is not done here.
//!
//! Expressions are written with names (`examples`), numbers (`500`, `0.5`), quoted text
//! (`"output-format"`), `true`/`false`, comparisons (`<`, `<=`, `>`, `>=`, `==`, `!=`),
//! arithmetic (`+`, `-`, `*`, `/`, parentheses), `and`, `or`, `not`, lists (`["a", "b"]`)
//! and ranges (`8..16`) with `in`.

/// A piece of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Token<'a> {
    /// A name: a fact, a formula, or a keyword.
    Name(&'a str),
    /// A number.
    Number(f64),
    /// Quoted text, without its quotes.
    Text(&'a str),
    /// An operator or punctuation (`>=`, `(`, `..`).
    Symbol(&'static str),
}

/// Words that are not names.
pub const KEYWORDS: [&str; 6] = ["and", "or", "not", "in", "true", "false"];

const SYMBOLS: [&str; 18] =
    ["..", ">=", "<=", "==", "!=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", "=", "!"];

/// Splits an expression into tokens, each with its byte offset.
pub fn tokenize(expr: &str) -> Result<Vec<(usize, Token<'_>)>, String> {
    let bytes = expr.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push((start, Token::Name(&expr[start..i])));
        } else if c.is_ascii_digit() {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || bytes[i] == b'_'
                    || (bytes[i] == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            let digits: String = expr[start..i].chars().filter(|&c| c != '_').collect();
            let number = digits.parse().map_err(|_| format!("`{}` is not a number", &expr[start..i]))?;
            out.push((start, Token::Number(number)));
        } else if c == b'"' || c == b'\'' {
            let start = i;
            let end = expr[i + 1..]
                .find(c as char)
                .ok_or_else(|| format!("the text starting at `{}` is not closed", &expr[start..]))?;
            out.push((start, Token::Text(&expr[i + 1..i + 1 + end])));
            i += end + 2;
        } else if let Some(symbol) = SYMBOLS.iter().find(|s| expr[i..].starts_with(**s)) {
            if matches!(*symbol, "=" | "!") {
                return Err(format!("`{symbol}` alone is not an operator; write `==`, `!=` or `not`"));
            }
            out.push((i, Token::Symbol(symbol)));
            i += symbol.len();
        } else {
            let found = expr[i..].chars().next().unwrap_or('?');
            return Err(format!("unexpected `{found}`"));
        }
    }
    if out.is_empty() {
        return Err("the expression is empty".to_string());
    }
    Ok(out)
}

/// A name an expression uses, with the texts it is compared with (`need == "a"`,
/// `need in ["a", "b"]`).
#[derive(Clone, Debug, PartialEq)]
pub struct NameUse<'a> {
    /// The name.
    pub name: &'a str,
    /// Texts compared with it.
    pub compared_with: Vec<&'a str>,
}

/// The names an expression uses (keywords excluded), in order of first use.
pub fn names(expr: &str) -> Result<Vec<NameUse<'_>>, String> {
    let tokens = tokenize(expr)?;
    let mut uses: Vec<NameUse<'_>> = Vec::new();
    for (index, (_, token)) in tokens.iter().enumerate() {
        let Token::Name(name) = token else { continue };
        if KEYWORDS.contains(name) {
            continue;
        }
        let compared = compared_texts(&tokens[index + 1..]);
        match uses.iter_mut().find(|u| u.name == *name) {
            Some(existing) => existing.compared_with.extend(compared),
            None => uses.push(NameUse { name, compared_with: compared }),
        }
    }
    Ok(uses)
}

/// The texts right after a name: `== "a"`, `!= "a"`, `in ["a", "b"]`.
fn compared_texts<'a>(after: &[(usize, Token<'a>)]) -> Vec<&'a str> {
    match after {
        [(_, Token::Symbol("==" | "!=")), (_, Token::Text(text)), ..] => vec![*text],
        [(_, Token::Name("in")), (_, Token::Symbol("[")), rest @ ..] => rest
            .iter()
            .take_while(|(_, t)| *t != Token::Symbol("]"))
            .filter_map(|(_, t)| if let Token::Text(text) = t { Some(*text) } else { None })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_comparisons_ranges_and_lists() {
        let tokens = tokenize("vram_gb in 8..16 and need != 'x'").unwrap();
        let shown: Vec<Token<'_>> = tokens.into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            shown,
            [
                Token::Name("vram_gb"),
                Token::Name("in"),
                Token::Number(8.0),
                Token::Symbol(".."),
                Token::Number(16.0),
                Token::Name("and"),
                Token::Name("need"),
                Token::Symbol("!="),
                Token::Text("x"),
            ]
        );
        assert_eq!(tokenize("1_000_000 >= 0.5").unwrap()[0].1, Token::Number(1_000_000.0));
    }

    #[test]
    fn names_exclude_keywords_and_note_compared_texts() {
        let uses = names("need in [\"a\", \"b\"] or need == \"c\" and not safety").unwrap();
        assert_eq!(uses.len(), 2);
        assert_eq!(uses[0], NameUse { name: "need", compared_with: vec!["a", "b", "c"] });
        assert_eq!(uses[1].name, "safety");
    }

    #[test]
    fn bad_expressions_say_why() {
        assert_eq!(tokenize("").unwrap_err(), "the expression is empty");
        assert!(tokenize("a = 1").unwrap_err().contains("`==`"));
        assert!(tokenize("a == \"open").unwrap_err().contains("not closed"));
        assert!(tokenize("a ≥ 1").unwrap_err().contains("unexpected `≥`"));
    }
}
