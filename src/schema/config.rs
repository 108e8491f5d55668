//! The `skillsmith.toml` schema, from the config key catalogue ([`crate::config::CONFIG_KEYS`]),
//! the rule registry (codes, names, groups) and the rule options.

use serde_json::{Map, Value, json};

use crate::config::{CONFIG_KEYS, ConfigKey, KeyKind, OptionValue, RULE_OPTIONS};
use crate::kinds::{Holds, Kinds};
use crate::lint::{Group, Level, RuleOptions, Target, rules};

/// Every selector spelling the schema offers: `all`, the groups, each rule's code and name.
fn selectors() -> Vec<String> {
    let mut out = vec!["all".to_string()];
    out.extend(Group::ALL.iter().map(|g| g.as_str().to_string()));
    for rule in rules() {
        out.push(rule.meta().code.to_string());
        out.push(rule.meta().name.to_string());
    }
    out
}

/// The JSON Schema of `skillsmith.toml` (and `.skillsmith.toml`).
///
/// It offers codes, `all` and levels in their canonical spelling; the reader also takes
/// codes in lower case, `ALL`, and `warn` for `warning`.
pub fn config() -> Value {
    let mut schema = super::header(
        "skillsmith.toml",
        "Configuration of skillsmith, the linter for Claude skills: `skillsmith init` writes a commented one; `skillsmith config PATH` prints the settings that apply to PATH.",
    );
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), properties(|k| k.top));
    schema.insert("additionalProperties".into(), json!(false));
    schema.insert("definitions".into(), definitions());
    Value::Object(schema)
}

/// The properties of the keys `allowed` picks (top level or override).
fn properties(allowed: impl Fn(&ConfigKey) -> bool) -> Value {
    let mut properties = Map::new();
    for key in CONFIG_KEYS.iter().filter(|k| allowed(k)) {
        let mut p = match key.kind {
            KeyKind::Target => json!({ "$ref": "#/definitions/target" }),
            KeyKind::Selectors => json!({ "$ref": "#/definitions/selectors" }),
            KeyKind::Count => json!({ "type": "integer", "minimum": 0 }),
            KeyKind::Rules => json!({ "$ref": "#/definitions/rules" }),
            KeyKind::Overrides => json!({ "type": "array", "items": { "$ref": "#/definitions/override" } }),
            KeyKind::Globs => json!({
                "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }]
            }),
            KeyKind::Kind => json!({ "$ref": "#/definitions/kind-name" }),
            KeyKind::Kinds => json!({
                "type": "object",
                "propertyNames": { "$ref": "#/definitions/kind-name" },
                "additionalProperties": { "$ref": "#/definitions/kind" }
            }),
        };
        if key.kind == KeyKind::Count {
            p["default"] = json!(RuleOptions::default().listing_budget);
        }
        // Beside a `$ref`, draft-07 ignores other keywords: wrap it so the description shows.
        if p.get("$ref").is_some() {
            p = json!({ "allOf": [p] });
        }
        p["description"] = json!(key.doc);
        properties.insert(key.key.into(), p);
    }
    Value::Object(properties)
}

fn definitions() -> Value {
    let selectors = selectors();
    let one = format!("(?:{})", selectors.join("|"));
    let mut defs = Map::new();
    defs.insert("target".into(), json!({ "enum": Target::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>() }));
    defs.insert(
        "level".into(),
        json!({
            "description": "off: the rule does not run; info, warning, error: the severity of its findings (only errors fail a run, warnings too with --strict).",
            "enum": Level::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>()
        }),
    );
    defs.insert(
        "selector".into(),
        json!({ "description": "A rule code, rule name, group name or `all`.", "enum": selectors }),
    );
    defs.insert(
        "selectors".into(),
        json!({
            "anyOf": [
                { "type": "array", "items": { "$ref": "#/definitions/selector" } },
                {
                    "type": "string",
                    "description": "Rule codes, names or groups separated by commas.",
                    "pattern": format!(r"^\s*(?:{one}\s*)?(?:,\s*(?:{one}\s*)?)*$")
                }
            ]
        }),
    );
    defs.insert("rules".into(), rules_definition());
    kind_definitions(&mut defs);
    let mut entry = Map::new();
    entry.insert("type".into(), json!("object"));
    entry.insert("properties".into(), properties(|k| k.in_override));
    entry.insert("required".into(), json!(["paths"]));
    entry.insert("additionalProperties".into(), json!(false));
    defs.insert("override".into(), Value::Object(entry));
    Value::Object(defs)
}

/// A kind's name, a `[kinds.NAME]` table and one required section.
fn kind_definitions(defs: &mut Map<String, Value>) {
    let builtin = Kinds::builtin();
    defs.insert(
        "kind-name".into(),
        json!({
            "description": format!("A kind of skill: built in ({}) or declared under `kinds`.", builtin.names().join(", ")),
            "type": "string",
            "pattern": "^[a-z][a-z0-9-]*$",
            "examples": builtin.names()
        }),
    );
    defs.insert(
        "kind".into(),
        json!({
            "type": "object",
            "properties": {
                "doc": { "type": "string", "description": "What skills of this kind are for." },
                "sections": {
                    "type": "array",
                    "description": "The required sections, in the order they should appear.",
                    "items": { "$ref": "#/definitions/section" }
                }
            },
            "required": ["sections"],
            "additionalProperties": false
        }),
    );
    defs.insert(
        "section".into(),
        json!({
            "type": "object",
            "properties": {
                "title": { "type": "string", "minLength": 1, "description": "The section's heading, as `--fix` and `new --kind` write it." },
                "aliases": { "type": "array", "items": { "type": "string" }, "description": "Other headings that count as it (case, punctuation and a leading number ignored)." },
                "holds": { "enum": Holds::ALL.iter().map(|h| h.as_str()).collect::<Vec<_>>(), "description": "What the section (with its subsections) must hold." },
                "min-items": { "type": "integer", "minimum": 0, "description": "The fewest entries of what `holds` names; without `holds`, subsections, else list items and table rows." },
                "before": { "type": "string", "description": "The title of a later section of the same kind this one must come before." }
            },
            "required": ["title"],
            "additionalProperties": false
        }),
    );
}

/// `[rules]`: every rule by name and by code, every group and `all`; each a level, or a
/// table of `level` and the rule's own options.
fn rules_definition() -> Value {
    let defaults = RuleOptions::default();
    let mut properties = Map::new();
    let table = |options: Map<String, Value>| {
        let mut props = Map::new();
        props.insert("level".into(), json!({ "$ref": "#/definitions/level" }));
        props.extend(options);
        json!({ "type": "object", "properties": props, "additionalProperties": false })
    };
    for rule in rules() {
        let meta = rule.meta();
        let mut options = Map::new();
        for option in RULE_OPTIONS.iter().filter(|o| o.rule == meta.name) {
            let schema = match (option.get)(&defaults) {
                OptionValue::Count(n) => {
                    json!({ "type": "integer", "minimum": 0, "default": n, "description": option.doc })
                }
                OptionValue::Texts(items) => json!({
                    "type": "array", "items": { "type": "string" }, "default": items, "description": option.doc
                }),
            };
            options.insert(option.key.into(), schema);
        }
        let levels = Target::ALL
            .iter()
            .map(|&t| format!("{} on {}", meta.levels.on(t).as_str(), t.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let description = format!(
            "{} {} ({} group): {}. Default: {levels}.",
            meta.code,
            meta.name,
            meta.group.as_str(),
            meta.summary
        );
        let value = json!({
            "description": description,
            "anyOf": [{ "$ref": "#/definitions/level" }, table(options)]
        });
        properties.insert(meta.name.into(), value.clone());
        properties.insert(meta.code.into(), value);
    }
    let selectors = std::iter::once("all").chain(Group::ALL.iter().map(|g| g.as_str()));
    for name in selectors {
        let description =
            if name == "all" { "Every rule.".to_string() } else { format!("Every rule of the {name} group.") };
        properties.insert(
            name.into(),
            json!({ "description": description, "anyOf": [{ "$ref": "#/definitions/level" }, table(Map::new())] }),
        );
    }
    json!({ "type": "object", "properties": properties, "additionalProperties": false })
}
