//! JSON Schemas of the typed YAML files (skill specs, scenarios) read off the serde types
//! themselves, so they cannot drift from the reader: at each place, a probe document is read
//! as the type and serde's error says what belongs there. A mapping with a made-up key
//! answers "unknown field `...`, expected one of ..." for a struct (its field names), a map
//! with free keys answers about the value instead, and a value of the wrong kind answers
//! "invalid type: ..., expected a string" (or a sequence, a boolean, a number, one of some
//! variants).
//!
//! What the schema encodes: every field name (so an editor completes them and flags a
//! misspelt one) and each value's kind. What it leaves to `skillsmith render`: required
//! fields and every rule across fields (an expression naming a fact, a column count).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::generate::unknown_fields::{PROBE, Step, names_after, probe_error};
/// Nesting deeper than this is left open (`{}`).
const MAX_DEPTH: usize = 12;

/// The schema of `T` (read as the root of a document).
pub fn schema_of<T: DeserializeOwned>() -> Value {
    let mut path = Vec::new();
    shape::<T>(&mut path)
}

/// What `T` accepts at `path`: an object, an array, a scalar, or anything.
fn shape<T: DeserializeOwned>(path: &mut Vec<Step>) -> Value {
    if path.len() > MAX_DEPTH {
        return json!({});
    }
    match ask::<T>(path, json!({ PROBE: null })) {
        Answer::Fields(fields) => {
            let mut properties = Map::new();
            for field in &fields {
                path.push(Step::Key(field.clone()));
                properties.insert(field.clone(), shape::<T>(path));
                path.pop();
            }
            json!({ "type": "object", "properties": properties, "additionalProperties": false })
        }
        Answer::Variants(variants) => {
            // A variant written as a text is a unit variant; one written as a mapping's one
            // key holds data (`- text: ...`).
            let (units, data): (Vec<String>, Vec<String>) =
                variants.into_iter().partition(|v| matches!(ask::<T>(path, json!(v)), Answer::Taken));
            let mut properties = Map::new();
            for variant in &data {
                path.push(Step::Key(variant.clone()));
                properties.insert(variant.clone(), shape::<T>(path));
                path.pop();
            }
            let with_data = json!({
                "type": "object",
                "properties": properties,
                "additionalProperties": false,
                "minProperties": 1,
                "maxProperties": 1,
            });
            match (units.is_empty(), data.is_empty()) {
                (false, true) => json!({ "enum": units }),
                (true, false) => with_data,
                _ => json!({ "anyOf": [{ "enum": units }, with_data] }),
            }
        }
        Answer::Sequence => {
            path.push(Step::Index);
            let items = shape::<T>(path);
            path.pop();
            json!({ "type": "array", "items": items })
        }
        Answer::Scalar => match ask::<T>(path, json!(PROBE)) {
            Answer::Variants(names) => json!({ "enum": names }),
            Answer::Invalid(kind) => json!({ "type": kind }),
            // A text is taken; YAML reads a number or a boolean as that text too.
            _ => json!({ "type": ["string", "number", "boolean"] }),
        },
        Answer::FreeKeys => {
            path.push(Step::Key(PROBE.to_string()));
            let value = shape::<T>(path);
            path.pop();
            json!({ "type": "object", "additionalProperties": value })
        }
        Answer::Invalid(_) | Answer::Taken | Answer::Unknown => json!({}),
    }
}

/// What serde said about a probe.
enum Answer {
    /// A struct: its field names.
    Fields(Vec<String>),
    /// An enum: its variant names.
    Variants(Vec<String>),
    /// A scalar is wanted.
    Scalar,
    /// A sequence is wanted.
    Sequence,
    /// A scalar of this JSON type, which the probe text is not.
    Invalid(&'static str),
    /// A map taking any key (the probe key was accepted and its value judged).
    FreeKeys,
    /// The probe was taken as it is.
    Taken,
    /// Nothing could be learnt (an error of another kind).
    Unknown,
}

fn ask<T: DeserializeOwned>(path: &[Step], probe: Value) -> Answer {
    let Some(message) = probe_error::<T>(path, probe) else { return Answer::Taken };
    if message.starts_with("missing field") {
        // Read up to the end of a mapping: the probe itself was taken.
        return Answer::Taken;
    }
    if let Some(fields) = names_after(&message, &format!("unknown field `{PROBE}`, ")) {
        return Answer::Fields(fields);
    }
    if let Some(variants) = names_after(&message, &format!("unknown variant `{PROBE}`, ")) {
        return Answer::Variants(variants);
    }
    if message.starts_with("expected string scalar") {
        return Answer::Scalar;
    }
    if message.starts_with("expected sequence") {
        return Answer::Sequence;
    }
    if message.starts_with("cannot deserialize null") || message.starts_with("invalid type: null") {
        return Answer::FreeKeys;
    }
    match message.as_str() {
        "invalid boolean" => Answer::Invalid("boolean"),
        "invalid floating point" => Answer::Invalid("number"),
        m if m.starts_with("invalid u") || m.starts_with("invalid i") => Answer::Invalid("integer"),
        _ => Answer::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_schema_has_every_field_with_its_kind() {
        let schema = schema_of::<crate::generate::spec::Spec>();
        let properties = &schema["properties"];
        assert_eq!(properties["spec-version"], json!({ "type": "integer" }));
        assert_eq!(schema["additionalProperties"], json!(false));
        let frontmatter = &properties["frontmatter"]["properties"];
        assert_eq!(frontmatter["user-invocable"], json!({ "type": "boolean" }));
        assert_eq!(frontmatter["metadata"]["type"], "object");
        let fact = &properties["facts"]["properties"]["items"]["items"]["properties"];
        assert_eq!(fact["type"], json!({ "enum": ["number", "yes-no", "one-of", "text"] }));
        assert_eq!(fact["min"], json!({ "type": "number" }));
        let block = &properties["sections"]["items"]["properties"]["content"]["items"];
        assert_eq!(block["maxProperties"], 1);
        assert!(block["properties"]["text"].is_object(), "{block}");
    }
}
