//! A YAML node as JSON, typed by the YAML 1.2 core schema as editors' YAML servers type
//! it: what a JSON Schema for the frontmatter is checked against.

use serde_json::{Map, Number, Value as Json};

use super::tree::{Node, ScalarKind, Value};

/// `node` as JSON. Plain scalars become `null`, booleans and numbers by the YAML 1.2 core
/// schema; quoted and block scalars are strings. Numbers JSON cannot hold (`.inf`, `.nan`,
/// integers beyond 64 bits) stay strings. Map keys are their text; of a key written twice
/// the first wins, as it does for the linter.
pub fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::Scalar(text) => scalar(text, node.scalar_kind().unwrap_or(ScalarKind::Str)),
        Value::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => {
            let mut map = Map::new();
            for entry in entries {
                let key = match entry.key.as_str() {
                    Some(text) => text.to_string(),
                    None => to_json(&entry.key).to_string(),
                };
                map.entry(key).or_insert_with(|| to_json(&entry.value));
            }
            Json::Object(map)
        }
    }
}

fn scalar(text: &str, kind: ScalarKind) -> Json {
    let number = match kind {
        ScalarKind::Null => return Json::Null,
        ScalarKind::Bool(b) => return Json::Bool(b),
        ScalarKind::Str => None,
        ScalarKind::Int => integer(text).map(Number::from),
        ScalarKind::Float => text.parse::<f64>().ok().and_then(Number::from_f64),
    };
    number.map_or_else(|| Json::String(text.to_string()), Json::Number)
}

fn integer(text: &str) -> Option<i64> {
    if let Some(hex) = text.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()
    } else if let Some(octal) = text.strip_prefix("0o") {
        i64::from_str_radix(octal, 8).ok()
    } else {
        text.strip_prefix('+').unwrap_or(text).parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Limits, parse};

    fn json(yaml: &str) -> Json {
        to_json(&parse(yaml, 0, Limits::default()).unwrap().root.unwrap())
    }

    #[test]
    fn types_scalars_as_an_editor_would() {
        let found = json("a: 1.0\nb: yes\nc: true\nd: '1'\ne:\nf: 0x1F\ng: .inf\nh: 99999999999999999999\ni: |\n  x\n");
        let expected = serde_json::json!({
            "a": 1.0, "b": "yes", "c": true, "d": "1", "e": null, "f": 31, "g": ".inf",
            "h": "99999999999999999999", "i": "x\n"
        });
        assert_eq!(found, expected);
    }

    #[test]
    fn keeps_nesting_order_and_the_first_of_duplicate_keys() {
        let found = json("z: [a, {b: c}]\nm:\n  k: v\n  k: w\n1: one\n");
        assert_eq!(found.to_string(), r#"{"z":["a",{"b":"c"}],"m":{"k":"v"},"1":"one"}"#);
    }
}
