//! Properties of the expression language: any text parses or fails with an error inside it,
//! never a panic; a parsed expression written out again parses to the same expression; an
//! evaluation never panics and never yields NaN or an infinity.

use proptest::prelude::*;
use skillsmith::expr::{Number, Value, eval, parse};

/// Texts made of the language's own words, so that many of them parse.
fn expression_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "a", "b", "need", "0", "1", "2.5", "1_000", "\"x\"", "'y'", "true", "false", "and", "or", "not", "in", "..",
        "..=", "<", "<=", ">", ">=", "==", "!=", "+", "-", "*", "/", "(", ")", "[", "]", ",", "=", "%", "é",
    ]);
    prop::collection::vec(word, 0..24).prop_map(|words| words.join(" "))
}

fn lookup(name: &str) -> Option<Value> {
    match name {
        "a" => Some(Value::Number(Number::ZERO)),
        "b" => Some(Value::Number(Number::parse_decimal("1e37").unwrap())),
        "need" => Some(Value::Text("x".into())),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn parsing_never_panics_and_errors_stay_inside_the_text(text in expression_text()) {
        if let Err(err) = parse(&text) {
            prop_assert!(err.span.start <= err.span.end && err.span.end <= text.len(), "{err:?}");
            prop_assert!(text.is_char_boundary(err.span.start));
        }
    }

    #[test]
    fn written_out_again_it_parses_the_same(text in expression_text()) {
        if let Ok(parsed) = parse(&text) {
            let again = parsed.rewrite(&|_| None, &|n: Number| n.to_string());
            let reparsed = parse(&again).unwrap_or_else(|e| panic!("{again}: {}", e.message));
            let written = |e: &skillsmith::expr::Expr| e.rewrite(&|_| None, &|n: Number| n.to_string());
            prop_assert_eq!(written(&reparsed), again);
        }
    }

    #[test]
    fn evaluation_never_panics_nor_gives_nan(text in expression_text()) {
        if let Ok(parsed) = parse(&text)
            && let Ok(Value::Number(n)) = eval(&parsed, &lookup)
        {
            prop_assert!(n.to_f64().is_finite(), "{text} gave {n}");
        }
    }
}
