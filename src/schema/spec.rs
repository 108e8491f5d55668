//! The schemas of the generator's and the decision engine's files: `skill.yaml` and
//! scenario files read off their serde types ([`super::reflect`]), and a decision skill's
//! use-case file from its spec's `use-case` part and facts.

use serde_json::{Map, Value, json};

use crate::generate::spec::{Fact, FactType, Spec, column_key};

/// The JSON Schema of a skill spec (`skill.yaml`).
pub fn spec() -> Value {
    with_header(
        "skillsmith skill spec (skill.yaml)",
        "The spec `skillsmith render` lays out into SKILL.md: every field with its kind. Required fields and the rules across fields (an expression naming a fact, a template's parts) are checked by `skillsmith render`.",
        super::reflect::schema_of::<Spec>(),
    )
}

/// The JSON Schema of a decision skill's scenario file (`scenarios/*.yaml`).
pub fn scenario() -> Value {
    with_header(
        "skillsmith scenario (scenarios/*.yaml)",
        "A scenario `skillsmith test` runs against a decision skill: facts, statements and what to expect. Whether the facts and answers exist in the skill is checked by `skillsmith test`.",
        super::reflect::schema_of::<crate::decide::scenario::ScenarioFile>(),
    )
}

/// The JSON Schema of a use-case file for the decision skill `spec` (what `skillsmith
/// evaluate --use-case` reads); `None` when the spec has no `use-case` part.
pub fn use_case(spec: &Spec) -> Option<Value> {
    let part = spec.use_case.as_ref()?;
    let facts: Vec<&Fact> = spec.facts.iter().flat_map(|p| p.items.iter().map(|f| &f.value)).collect();
    let mut properties = Map::new();
    properties.insert("title".into(), json!({ "type": ["string", "null"], "description": "The use case's title." }));
    for section in &part.items {
        let mut value = if section.fields.is_empty() {
            json!({ "type": ["string", "array", "null"], "items": { "type": "string" } })
        } else {
            let mut fields = Map::new();
            for field in &section.fields {
                let fact = field.fact.as_ref().and_then(|name| facts.iter().find(|f| *f.name == **name).copied());
                let mut schema = if field.columns.is_empty() {
                    fact.map_or_else(|| json!({ "type": ["string", "null"] }), fact_schema)
                } else {
                    let columns: Map<String, Value> = field
                        .columns
                        .iter()
                        .map(|c| (column_key(c), json!({ "type": ["string", "number", "boolean", "null"] })))
                        .collect();
                    json!({ "type": ["array", "null"], "items": { "type": "object", "properties": columns, "additionalProperties": false } })
                };
                let hint = field
                    .hint
                    .clone()
                    .or_else(|| fact.map(|f| f.question.clone()))
                    .unwrap_or_else(|| field.title.clone());
                schema["description"] = json!(hint);
                fields.insert(field.key.value.clone(), schema);
            }
            json!({ "type": ["object", "null"], "properties": fields, "additionalProperties": false })
        };
        value["description"] = json!(section.hint.clone().unwrap_or_else(|| section.title.clone()));
        properties.insert(section.key.value.clone(), value);
    }
    let body = json!({ "type": "object", "properties": properties, "additionalProperties": false });
    Some(with_header(
        &format!("use case for the decision skill {}", spec.name()),
        &format!(
            "A use-case file `skillsmith evaluate {} --use-case FILE` reads: its sections and fields, each typed by the fact it gives. A field may be left empty (it is listed as still to write).",
            spec.name()
        ),
        body,
    ))
}

/// A fact's value as a use case writes it (numbers may carry separators or a unit, so as
/// text too; empty is allowed).
fn fact_schema(fact: &Fact) -> Value {
    match fact.kind {
        FactType::Number => json!({ "type": ["number", "string", "null"] }),
        FactType::YesNo => json!({ "type": ["boolean", "string", "null"] }),
        FactType::OneOf => {
            let mut options: Vec<Value> = fact.options.iter().map(|o| json!(o)).collect();
            options.push(Value::Null);
            json!({ "enum": options })
        }
        FactType::Text => json!({ "type": ["string", "array", "null"], "items": { "type": "string" } }),
    }
}

fn with_header(title: &str, description: &str, body: Value) -> Value {
    let mut schema = super::header(title, description);
    if let Value::Object(body) = body {
        schema.extend(body);
    }
    Value::Object(schema)
}
