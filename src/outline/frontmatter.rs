//! The frontmatter, normalised: keys sorted, scalars as their text, `allowed-tools` as a list
//! of tools, and why it could not be read when it could not.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::skill::{FrontmatterError, Skill, allowed_tools};
use crate::yaml::{Node, ScalarKind, Value};

/// A frontmatter value, normalised: a scalar is its text (`1.0`, `"1.0"` and `'1.0'` are all
/// `1.0`; `true` is `true`), an empty or `null` value is null, a mapping has its keys sorted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// `key:` with nothing, `~` or `null`.
    Null,
    /// A scalar's text.
    Text(String),
    /// A sequence.
    List(Vec<FieldValue>),
    /// A mapping, keys sorted (the first of a duplicated key wins).
    Map(BTreeMap<String, FieldValue>),
}

impl FieldValue {
    fn of(node: &Node) -> FieldValue {
        match &node.value {
            Value::Scalar(_) if node.scalar_kind() == Some(ScalarKind::Null) => FieldValue::Null,
            Value::Scalar(text) => FieldValue::Text(text.clone()),
            Value::Seq(items) => FieldValue::List(items.iter().map(FieldValue::of).collect()),
            Value::Map(entries) => {
                let mut map = BTreeMap::new();
                for entry in entries {
                    map.entry(key_text(&entry.key)).or_insert_with(|| FieldValue::of(&entry.value));
                }
                FieldValue::Map(map)
            }
        }
    }
}

/// A key's text; a key that is itself a list or a map (rare, legal YAML) is named by its type.
fn key_text(key: &Node) -> String {
    key.as_str().map_or_else(|| format!("({})", key.type_name()), str::to_string)
}

/// The top-level fields, normalised; `allowed-tools` written as a string (space- or
/// comma-separated) or as a list becomes the list of its tools.
pub fn fields(skill: &Skill) -> BTreeMap<String, FieldValue> {
    let mut out = BTreeMap::new();
    for entry in skill.frontmatter.entries() {
        let key = key_text(&entry.key);
        let value = match (key.as_str(), allowed_tools(&entry.value)) {
            ("allowed-tools", Some(tools)) => FieldValue::List(tools.into_iter().map(FieldValue::Text).collect()),
            _ => FieldValue::of(&entry.value),
        };
        out.entry(key).or_insert(value);
    }
    out
}

/// What kept part of the file from being read, in words that do not depend on the machine.
pub fn problems(skill: &Skill) -> Vec<String> {
    let mut out = Vec::new();
    if skill.source.is_binary() {
        out.push("the file is binary (it holds a NUL byte); only its text before the NUL was read".to_string());
    }
    if let Some(size) = skill.oversize {
        out.push(format!("the file is {size} bytes, over the size limit; its body was not read"));
    }
    match &skill.frontmatter.error {
        None => {}
        Some(FrontmatterError::Missing) => out.push("no frontmatter: the file does not start with a `---` line".into()),
        Some(FrontmatterError::Unclosed) => out.push("the frontmatter's `---` line is never closed".into()),
        Some(FrontmatterError::Yaml(err)) => {
            let line = skill.line_col(err.offset).line;
            out.push(format!("the frontmatter is not valid YAML (line {line}): {}", err.message));
        }
        Some(FrontmatterError::NotMapping { found, .. }) => {
            out.push(format!("the frontmatter is a {found}, not a mapping of keys to values"));
        }
    }
    out
}
