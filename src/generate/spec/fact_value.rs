//! A fact's value as written in a test case, a scenario or a use case, and its reading as
//! a value of the fact's type: numbers may carry the fact's unit (`16 GB`) and group digits
//! (`1,500`), yes/no may be written `yes`/`no`, a one-of value must be an option.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::expr::{Number, Value};
use crate::generate::quantity::format_figure;
use crate::text::closest;

use super::decision::{Fact, FactType};

/// A fact's value in a test case: a number, yes/no (`true`/`false`) or text.
#[derive(Clone, Debug, PartialEq)]
pub enum FactValue {
    /// A number.
    Number(f64),
    /// Yes (`true`) or no (`false`).
    YesNo(bool),
    /// Text, or one option of a `one-of` fact.
    Text(String),
}

impl FactValue {
    /// "a number", "yes/no", "text": for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            FactValue::Number(_) => "a number",
            FactValue::YesNo(_) => "yes/no (true or false)",
            FactValue::Text(_) => "text",
        }
    }
}

impl Serialize for FactValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FactValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => serializer.serialize_i64(*n as i64),
            FactValue::Number(n) => serializer.serialize_f64(*n),
            FactValue::YesNo(b) => serializer.serialize_bool(*b),
            FactValue::Text(s) => serializer.serialize_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl Visitor<'_> for ValueVisitor {
            type Value = FactValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, true/false, or text")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<FactValue, E> {
                Ok(FactValue::YesNo(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FactValue, E> {
                Ok(FactValue::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FactValue, E> {
                Ok(FactValue::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<FactValue, E> {
                if v.is_finite() { Ok(FactValue::Number(v)) } else { Err(E::custom("a fact's number must be finite")) }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FactValue, E> {
                Ok(FactValue::Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl Fact {
    /// Reads `value` as a value of this fact's type; the reason when it is not one, naming
    /// the fact.
    pub fn read(&self, value: &FactValue) -> Result<Value, FactError> {
        let name = self.name.as_str();
        let wrong = |wanted: String| {
            let shown = match value {
                FactValue::Text(text) => format!(" (`{text}`)"),
                _ => String::new(),
            };
            Err(FactError {
                message: format!("`{name}` must be {wanted}, not {}{shown}", value.type_name()),
                help: None,
            })
        };
        match (self.kind, value) {
            (FactType::Number, FactValue::Number(n)) => match Number::from_f64(*n) {
                Some(n) => self.within_bounds(n),
                None => Err(FactError { message: format!("`{name}` is too large: {n}"), help: None }),
            },
            (FactType::Number, FactValue::Text(text)) => match read_number(text, self.unit.as_deref()) {
                Some(n) => self.within_bounds(n),
                None => wrong(number_type(self.unit.as_deref())),
            },
            (FactType::Number, _) => wrong(number_type(self.unit.as_deref())),
            (FactType::YesNo, FactValue::YesNo(b)) => Ok(Value::YesNo(*b)),
            (FactType::YesNo, FactValue::Text(text)) => match text.trim().to_ascii_lowercase().as_str() {
                "yes" | "true" => Ok(Value::YesNo(true)),
                "no" | "false" => Ok(Value::YesNo(false)),
                _ => wrong("yes/no (true or false)".to_string()),
            },
            (FactType::YesNo, _) => wrong("yes/no (true or false)".to_string()),
            (FactType::OneOf, FactValue::Text(text)) if self.options.contains(text) => Ok(Value::Text(text.clone())),
            (FactType::OneOf, FactValue::Text(text)) => Err(FactError {
                message: format!("`{name}` is never `{text}`"),
                help: Some(match closest(text, self.options.iter().map(String::as_str)) {
                    Some(near) => format!("did you mean `{near}`? its options are: {}", self.options.join(", ")),
                    None => format!("its options are: {}", self.options.join(", ")),
                }),
            }),
            (FactType::OneOf, _) => wrong(format!("one of: {}", self.options.join(", "))),
            (FactType::Text, FactValue::Text(text)) => Ok(Value::Text(text.clone())),
            (FactType::Text, FactValue::Number(n)) => Ok(Value::Text(n.to_string())),
            (FactType::Text, FactValue::YesNo(b)) => Ok(Value::Text(if *b { "yes" } else { "no" }.to_string())),
        }
    }
}

impl Fact {
    /// `value` when it lies within the fact's `min` and `max`; an impossible figure (a
    /// negative cost, a percentage over 100) is an error naming the bound.
    fn within_bounds(&self, value: Number) -> Result<Value, FactError> {
        let name = self.name.as_str();
        let unit = self.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        let shown = |n: Number| format!("{}{unit}", format_figure(n.to_f64()));
        if let Some(min) = self.min.and_then(Number::from_f64)
            && value < min
        {
            return Err(FactError {
                message: format!("`{name}` cannot be {}: the lowest possible value is {}", shown(value), shown(min)),
                help: None,
            });
        }
        if let Some(max) = self.max.and_then(Number::from_f64)
            && value > max
        {
            return Err(FactError {
                message: format!("`{name}` cannot be {}: the highest possible value is {}", shown(value), shown(max)),
                help: None,
            });
        }
        Ok(Value::Number(value))
    }
}

/// Why a value does not fit its fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactError {
    /// What is wrong, naming the fact.
    pub message: String,
    /// How to fix it, when known.
    pub help: Option<String>,
}

fn number_type(unit: Option<&str>) -> String {
    match unit {
        Some(unit) => format!("a number ({unit})"),
        None => "a number".to_string(),
    }
}

/// A number written as text: digits grouped with `,` or `_`, optionally followed by the
/// fact's unit (`16 GB`, `1,500 examples`; the unit compared case-insensitively).
pub fn read_number(text: &str, unit: Option<&str>) -> Option<Number> {
    let text = text.trim();
    let split =
        text.find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '_' | '.' | '-' | '+'))).unwrap_or(text.len());
    let (digits, rest) = text.split_at(split);
    let rest = rest.trim();
    if !rest.is_empty() && !unit.is_some_and(|u| u.trim().eq_ignore_ascii_case(rest)) {
        return None;
    }
    let digits: String = digits.chars().filter(|c| !matches!(c, ',' | '_')).collect();
    Number::parse_decimal(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::Located;

    fn fact(kind: FactType, unit: Option<&str>, options: &[&str]) -> Fact {
        Fact {
            name: Located::new("x".to_string()),
            kind,
            unit: unit.map(str::to_string),
            options: options.iter().map(|o| o.to_string()).collect(),
            question: "?".to_string(),
            min: None,
            max: None,
            default: None,
        }
    }

    fn num(value: i64) -> Value {
        Value::Number(Number::integer(value))
    }

    #[test]
    fn numbers_may_carry_their_unit_and_group_digits() {
        let gb = fact(FactType::Number, Some("GB"), &[]);
        assert_eq!(gb.read(&FactValue::Number(16.0)), Ok(num(16)));
        assert_eq!(gb.read(&FactValue::Text("16 GB".into())), Ok(num(16)));
        assert_eq!(gb.read(&FactValue::Text("16 gb".into())), Ok(num(16)));
        assert_eq!(gb.read(&FactValue::Text("1,500".into())), Ok(num(1500)));
        assert_eq!(gb.read(&FactValue::Number(0.3)), Ok(Value::Number(Number::parse_decimal("0.3").unwrap())));
        let err = gb.read(&FactValue::Text("24 hours".into())).unwrap_err();
        assert_eq!(err.message, "`x` must be a number (GB), not text (`24 hours`)");
        let err = gb.read(&FactValue::Text("16 TB".into())).unwrap_err();
        assert_eq!(err.message, "`x` must be a number (GB), not text (`16 TB`)");
        assert!(gb.read(&FactValue::YesNo(true)).is_err());
        assert!(gb.read(&FactValue::Text("many".into())).is_err());
    }

    #[test]
    fn impossible_figures_are_errors_naming_the_bound() {
        let mut share = fact(FactType::Number, Some("%"), &[]);
        (share.min, share.max) = (Some(0.0), Some(100.0));
        assert_eq!(share.read(&FactValue::Number(100.0)), Ok(num(100)));
        assert_eq!(share.read(&FactValue::Number(0.0)), Ok(num(0)));
        let err = share.read(&FactValue::Number(100.5)).unwrap_err();
        assert_eq!(err.message, "`x` cannot be 100.5 %: the highest possible value is 100 %");
        let err = share.read(&FactValue::Text("-2".into())).unwrap_err();
        assert_eq!(err.message, "`x` cannot be -2 %: the lowest possible value is 0 %");
    }

    #[test]
    fn yes_no_and_options() {
        let yes_no = fact(FactType::YesNo, None, &[]);
        assert_eq!(yes_no.read(&FactValue::Text("Yes".into())), Ok(Value::YesNo(true)));
        assert_eq!(yes_no.read(&FactValue::YesNo(false)), Ok(Value::YesNo(false)));
        assert!(yes_no.read(&FactValue::Number(1.0)).is_err());
        let one_of = fact(FactType::OneOf, None, &["output-format", "style-change"]);
        assert_eq!(one_of.read(&FactValue::Text("style-change".into())), Ok(Value::Text("style-change".into())));
        let err = one_of.read(&FactValue::Text("output-fromat".into())).unwrap_err();
        assert_eq!(err.message, "`x` is never `output-fromat`");
        assert!(err.help.unwrap().starts_with("did you mean `output-format`?"));
    }
}
