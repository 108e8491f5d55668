//! The frontmatter schema of one target, from the field catalogue ([`crate::lint::fields`])
//! and the default levels of the rules that judge each constraint: a constraint is in the
//! schema exactly when its rule is an error on the target.

use serde_json::{Map, Value, json};

use crate::lint::fields::{FIELDS, Field, FieldType};
use crate::lint::rules::frontmatter::{
    compatibility_too_long::{COMPATIBILITY_LIMIT, CompatibilityTooLong},
    description_missing::DescriptionMissing,
    description_too_long::{DESCRIPTION_LIMIT, DescriptionTooLong},
    field_type::FieldTypeRule,
    metadata_not_map::MetadataNotMap,
    name_ascii::NameNotAscii,
    name_invalid::{NAME_LIMIT, NameInvalid},
    name_missing::NameMissing,
    name_reserved_word::{NameReservedWord, RESERVED},
    scalar_not_string::ScalarNotString,
    unknown_key::UnknownKey,
    version_top_level::VersionTopLevel,
    xml_in_frontmatter::XmlInFrontmatter,
};
use crate::lint::{Level, RuleMeta, Target};

/// A name as the specification allows it, in ASCII terms: lowercase letters, digits and
/// single inner hyphens. Other characters are let through (the linter judges Unicode
/// letters after NFKC normalisation); surrounding spaces are trimmed by the linter too.
const NAME_PATTERN: &str = r"^\s*(?:[a-z0-9]|[^\x00-\x7F])+(?:-(?:[a-z0-9]|[^\x00-\x7F])+)*\s*$";
/// The same for the API, which takes ASCII only.
const ASCII_NAME_PATTERN: &str = r"^\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*$";
/// `true` or `false` written as a string, in any letter case.
/// The texts Claude Code reads as a boolean (any case): true/false, yes/no, on/off, 1/0.
const BOOL_TEXT_PATTERN: &str = "^(?i:true|false|yes|no|on|off|1|0)$";

/// A `pattern` with the message VS Code and yaml-language-server show when it fails
/// (`patternErrorMessage`, a keyword other validators ignore), naming the rule.
fn pattern(regex: &str, message: &str, rules: &[&RuleMeta]) -> Value {
    let named: Vec<String> = rules.iter().map(|r| format!("{} {}", r.code, r.name)).collect();
    json!({ "pattern": regex, "patternErrorMessage": format!("{message} ({})", named.join(", ")) })
}

/// True when `rule` reports an error by default on `target`.
fn errors(rule: &RuleMeta, target: Target) -> bool {
    rule.levels.on(target) == Level::Error
}

/// The JSON Schema of SKILL.md frontmatter on `target`.
pub fn frontmatter(target: Target) -> Value {
    let mut schema = super::header(
        &format!("SKILL.md frontmatter ({} target)", target.as_str()),
        &format!(
            "The YAML frontmatter of a Claude skill, as `skillsmith lint --target {}` judges it: what it reports as an error is invalid here; what it only warns about is valid.",
            target.as_str()
        ),
    );
    schema.insert("type".into(), json!("object"));
    let mut properties = Map::new();
    for field in FIELDS.iter().filter(|f| f.known_on(target)) {
        properties.insert(field.key.into(), property(field, target));
    }
    let unknown_is_error = errors(&UnknownKey::META, target);
    if unknown_is_error && !errors(&VersionTopLevel::META, target) {
        properties.insert(
            "version".into(),
            json!({ "description": "Tolerated here; it belongs under `metadata` (skillsmith warns: version-top-level)." }),
        );
    }
    schema.insert("properties".into(), Value::Object(properties));
    let required: Vec<&str> = [("name", &NameMissing::META), ("description", &DescriptionMissing::META)]
        .into_iter()
        .filter(|(_, rule)| errors(rule, target))
        .map(|(key, _)| key)
        .collect();
    if !required.is_empty() {
        schema.insert("required".into(), json!(required));
    }
    schema.insert("additionalProperties".into(), json!(!unknown_is_error));
    Value::Object(schema)
}

/// The JSON types a scalar string field takes without an error.
fn scalar_types(target: Target, blank_is_error: bool) -> Value {
    let mut types = vec!["string"];
    if !errors(&ScalarNotString::META, target) {
        types.extend(["number", "boolean"]);
    }
    if !blank_is_error {
        types.push("null");
    }
    json!(types)
}

/// One key's schema: its description, and the constraints its rules make errors.
fn property(field: &Field, target: Target) -> Value {
    let mut p = Map::new();
    p.insert("description".into(), json!(field.description));
    let mut patterns: Vec<Value> = Vec::new();
    match field.key {
        "name" => {
            let blank_is_error = errors(&NameMissing::META, target);
            p.insert("type".into(), scalar_types(target, blank_is_error));
            if blank_is_error {
                patterns.push(pattern(r"\S", "the name must not be empty", &[&NameMissing::META]));
            }
            if errors(&NameInvalid::META, target) {
                let ascii = errors(&NameNotAscii::META, target);
                let message = "lowercase letters, digits and single hyphens inside, such as pdf-forms";
                patterns.push(if ascii {
                    pattern(ASCII_NAME_PATTERN, &format!("ASCII {message}"), &[&NameInvalid::META, &NameNotAscii::META])
                } else {
                    pattern(NAME_PATTERN, message, &[&NameInvalid::META])
                });
                p.insert("maxLength".into(), json!(NAME_LIMIT));
            }
            if errors(&NameReservedWord::META, target) {
                let words = RESERVED.join("|");
                p.insert("not".into(), json!({ "type": "string", "pattern": format!("(?:{words})") }));
            }
        }
        "description" => {
            let blank_is_error = errors(&DescriptionMissing::META, target);
            p.insert("type".into(), scalar_types(target, blank_is_error));
            if blank_is_error {
                patterns.push(pattern(r"\S", "the description must not be empty", &[&DescriptionMissing::META]));
            }
            if errors(&DescriptionTooLong::META, target) {
                p.insert("maxLength".into(), json!(DESCRIPTION_LIMIT));
            }
        }
        "metadata" if errors(&MetadataNotMap::META, target) => {
            p.insert("type".into(), json!(["object", "null"]));
        }
        // metadata-not-map only warns: any value.
        "metadata" => {}
        _ if errors(&FieldTypeRule::META, target) => {
            typed(&mut p, field.type_on(target), field.list_tolerated_on(target), target);
        }
        _ => {}
    }
    if field.key == "compatibility" && errors(&CompatibilityTooLong::META, target) {
        p.insert("maxLength".into(), json!(COMPATIBILITY_LIMIT));
    }
    if matches!(field.key, "name" | "description") && errors(&XmlInFrontmatter::META, target) {
        patterns.push(pattern("^[^<>]*$", "no angle brackets", &[&XmlInFrontmatter::META]));
    }
    match patterns.len() {
        0 => {}
        1 => p.extend(patterns.remove(0).as_object().cloned().unwrap_or_default()),
        _ => {
            p.insert("allOf".into(), Value::Array(patterns));
        }
    }
    Value::Object(p)
}

/// The type constraints `field-type` enforces for `ty`.
fn typed(p: &mut Map<String, Value>, ty: FieldType, list_tolerated: bool, target: Target) {
    let scalar = scalar_types(target, false);
    match ty {
        FieldType::String if list_tolerated => {
            let mut types = scalar.as_array().cloned().unwrap_or_default();
            types.push(json!("array"));
            p.insert("type".into(), Value::Array(types));
        }
        FieldType::String => {
            p.insert("type".into(), scalar);
        }
        FieldType::Bool => {
            p.insert("type".into(), json!(["boolean", "string", "integer"]));
            p.insert("pattern".into(), json!(BOOL_TEXT_PATTERN));
            p.insert("minimum".into(), json!(0));
            p.insert("maximum".into(), json!(1));
            p.insert("patternErrorMessage".into(), json!("true or false (Claude Code also reads yes/no/on/off/1/0)"));
        }
        FieldType::Enum(values) => {
            p.insert("enum".into(), json!(values));
        }
        FieldType::StringOrList => {
            let mut types = scalar.as_array().cloned().unwrap_or_default();
            types.push(json!("array"));
            p.insert("type".into(), Value::Array(types));
            p.insert("items".into(), json!({ "type": scalar }));
        }
        FieldType::StringMap | FieldType::Map => {
            p.insert("type".into(), json!(["object", "null"]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_and_api_allow_only_the_six_keys_and_require_name_and_description() {
        for target in [Target::Spec, Target::Api] {
            let schema = frontmatter(target);
            assert_eq!(schema["additionalProperties"], json!(false));
            assert_eq!(schema["required"], json!(["name", "description"]));
            let keys: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
            assert_eq!(keys, ["name", "description", "license", "compatibility", "metadata", "allowed-tools"]);
        }
    }

    #[test]
    fn claude_code_knows_its_keys_and_tolerates_others() {
        let schema = frontmatter(Target::ClaudeCode);
        assert_eq!(schema["additionalProperties"], json!(true));
        assert!(schema.get("required").is_none());
        assert_eq!(schema["properties"]["effort"]["enum"], json!(["low", "medium", "high", "xhigh", "max"]));
        assert_eq!(schema["properties"].as_object().unwrap().len(), FIELDS.len());
    }

    #[test]
    fn the_name_patterns_accept_what_the_linter_accepts() {
        use crate::lint::rules::frontmatter::name_invalid::name_problems;
        let unicode = regex::Regex::new(NAME_PATTERN).unwrap();
        let ascii = regex::Regex::new(ASCII_NAME_PATTERN).unwrap();
        for name in ["pdf", "pdf-forms-2", "données", "日本語-スキル", "a", "x1-y2-z3"] {
            assert!(name_problems(name).is_empty(), "{name}");
            assert!(unicode.is_match(name), "{name}");
            assert_eq!(ascii.is_match(name), name.is_ascii(), "{name}");
        }
        for name in ["PDF", "-pdf", "pdf-", "pd--f", "pdf_forms", "pdf forms", "pdf.md"] {
            assert!(!name_problems(name).is_empty(), "{name}");
            assert!(!unicode.is_match(name) && !ascii.is_match(name), "{name}");
        }
    }
}
