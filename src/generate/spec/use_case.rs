//! The use-case file a decision skill reads (`skillsmith evaluate`): its sections and
//! fields, and how each field maps to one of the skill's facts. Kept as data in the spec so
//! that any decision skill can be evaluated, and rendered into SKILL.md so that the prose
//! and the file's format cannot drift apart.

use serde::{Deserialize, Serialize};

use crate::yaml::Located;

use super::FactValue;

/// A section of the use-case file: a top-level key holding text, or fields.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct UseCaseSection {
    /// Its key in the file (`gap-analysis`).
    pub key: Located<String>,
    /// Its heading (`Gap analysis`).
    pub title: String,
    /// What to write in it.
    #[serde(default)]
    pub hint: Option<String>,
    /// An example of a text section's content.
    #[serde(default)]
    pub example: Option<String>,
    /// Its fields; none for a section that is text (a paragraph or a list of lines).
    #[serde(default)]
    pub fields: Vec<Located<UseCaseField>>,
    /// Whether its text states facts about the project, to be searched for red flags
    /// (default yes); `false` for risks listed with their mitigations and for conditions
    /// to decide again, which say what might be, not what is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub states: Option<bool>,
    /// `false` to keep it out of SKILL.md (the figures only `evaluate` reads).
    #[serde(default)]
    pub in_body: Option<bool>,
    /// The key, when it is not the title's own (filled in by validation; see [`column_key`]).
    #[serde(skip_deserializing)]
    pub shown_key: Option<String>,
}

/// A field of a use-case section: a fact's value, a table (rows of columns) or text.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct UseCaseField {
    /// Its key in the section (default: the fact's name with `-` for `_`).
    #[serde(default)]
    pub key: Located<String>,
    /// Its name in prose (default: from the key, `total-examples` as `Total examples`).
    #[serde(default)]
    pub title: String,
    /// What to write (`skillsmith new --template use-case` falls back on the fact's question).
    #[serde(default)]
    pub hint: Option<String>,
    /// The fact it gives a value to.
    #[serde(default)]
    pub fact: Option<Located<String>>,
    /// For a table: its columns (each row is a map of these, keyed in lowercase with `-`).
    #[serde(default)]
    pub columns: Vec<String>,
    /// An example value.
    #[serde(default)]
    pub example: Option<FactValue>,
    /// Example rows of a table, one cell per column.
    #[serde(default)]
    pub example_rows: Vec<Vec<String>>,
    /// Whether the use case may leave it out.
    #[serde(default)]
    pub optional: bool,
    /// The fact's unit, filled in by validation (shown with the example).
    #[serde(skip_deserializing)]
    pub unit: Option<String>,
    /// The key, when it is not the title's own (filled in by validation).
    #[serde(skip_deserializing)]
    pub shown_key: Option<String>,
}

/// The key a title or a table column has in a use-case file: its words in lowercase,
/// joined by `-` (`Measurable target` as `measurable-target`, `Go/no-go` as `go-no-go`).
pub fn column_key(column: &str) -> String {
    column
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// A title from a key: `total-examples` as `Total examples`.
pub fn key_title(key: &str) -> String {
    let words = key.replace(['-', '_'], " ");
    let mut chars = words.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
