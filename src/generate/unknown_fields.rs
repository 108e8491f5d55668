//! Every unknown field of a typed YAML file at once, each with "did you mean".
//!
//! serde stops at the first unknown field. To report them all, the file is walked as a YAML
//! tree, and for each mapping the valid names are asked of the type itself: a probe document
//! that reaches the same place with one made-up key is read as the type, and serde's own
//! "unknown field `...`, expected one of ..." lists the names. So the list can never drift
//! from the types; a mapping whose keys are free (metadata, fact values) is left alone.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Value as Json, json};

use crate::yaml::{self, Limits, Node, Value};

/// The key (and the text) no type knows.
pub(crate) const PROBE: &str = "__skillsmith_probe__";

/// A key the type does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownField {
    /// 1-based line of the key.
    pub line: usize,
    /// 1-based column of the key (characters).
    pub column: usize,
    /// The key as written.
    pub key: String,
    /// The valid names at that place.
    pub expected: Vec<String>,
    /// The closest valid name, when the key looks like a typo of it.
    pub suggestion: Option<String>,
}

impl UnknownField {
    /// "unknown field `nam`".
    pub fn message(&self) -> String {
        format!("unknown field `{}`", self.key)
    }

    /// "did you mean `name`? the fields here are: ...".
    pub fn help(&self) -> String {
        let names = self.expected.join(", ");
        match &self.suggestion {
            Some(s) => format!("did you mean `{s}`? the fields here are: {names}"),
            None => format!("the fields here are: {names}"),
        }
    }
}

/// One step from the root of a document to a node.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Step {
    /// The value of this key.
    Key(String),
    /// An item of a sequence.
    Index,
}

/// Every key in `text` that `T` does not know, in file order. Empty when the text is not
/// YAML (the typed reader says why).
pub fn unknown_fields<T: DeserializeOwned>(text: &str) -> Vec<UnknownField> {
    let Ok(document) = yaml::parse(text, 0, Limits::default()) else { return Vec::new() };
    let Some(root) = document.root else { return Vec::new() };
    let lines = crate::skill::LineIndex::new(text);
    let mut walk = Walk { text, lines, cache: HashMap::new(), found: Vec::new(), probe: probe::<T> };
    walk.node(&root, &mut Vec::new());
    walk.found
}

struct Walk<'a> {
    text: &'a str,
    lines: crate::skill::LineIndex,
    cache: HashMap<Vec<Step>, Option<Vec<String>>>,
    found: Vec<UnknownField>,
    probe: fn(&[Step]) -> Option<Vec<String>>,
}

impl Walk<'_> {
    fn node(&mut self, node: &Node, path: &mut Vec<Step>) {
        match &node.value {
            Value::Scalar(_) => {}
            Value::Seq(items) => {
                path.push(Step::Index);
                for item in items {
                    self.node(item, path);
                }
                path.pop();
            }
            Value::Map(entries) => {
                let probe = self.probe;
                let expected = self.cache.entry(path.clone()).or_insert_with(|| probe(path)).clone();
                for entry in entries {
                    let Some(key) = entry.key.as_str() else { continue };
                    match &expected {
                        Some(names) if !names.iter().any(|n| n == key) => {
                            let at = self.lines.line_col(self.text, entry.key.span.start as usize);
                            let (line, column) = (at.line as usize, at.column as usize);
                            let suggestion = crate::text::closest(key, names.iter().map(String::as_str));
                            self.found.push(UnknownField {
                                line,
                                column,
                                key: key.to_string(),
                                expected: names.clone(),
                                suggestion,
                            });
                        }
                        _ => {
                            path.push(Step::Key(key.to_string()));
                            self.node(&entry.value, path);
                            path.pop();
                        }
                    }
                }
            }
        }
    }
}

/// The names `T` accepts in the mapping at `path`, read from serde's error for a probe key;
/// `None` when the mapping takes any key, or the place cannot be reached.
fn probe<T: DeserializeOwned>(path: &[Step]) -> Option<Vec<String>> {
    let message = probe_error::<T>(path, json!({ PROBE: null }))?;
    names_after(&message, &format!("unknown field `{PROBE}`, "))
        .or_else(|| names_after(&message, &format!("unknown variant `{PROBE}`, ")))
}

/// serde's message when `value`, placed at `path` of an otherwise empty document, is read as
/// `T`; `None` when it reads.
pub(crate) fn probe_error<T: DeserializeOwned>(path: &[Step], value: Json) -> Option<String> {
    let mut value = value;
    for step in path.iter().rev() {
        value = match step {
            Step::Key(key) => json!({ key.as_str(): value }),
            Step::Index => Json::Array(vec![value]),
        };
    }
    yaml::from_str::<T>(&value.to_string(), "probe").err().map(|err| err.message)
}

/// The names listed after `prefix` in `message` ("expected one of `a`, `b`", "expected `a`",
/// "there are no fields"); `None` when the message does not start with `prefix`.
pub(crate) fn names_after(message: &str, prefix: &str) -> Option<Vec<String>> {
    let rest = message.strip_prefix(prefix)?;
    if rest.starts_with("there are no") {
        return Some(Vec::new());
    }
    let list = rest.strip_prefix("expected one of ").or_else(|| rest.strip_prefix("expected "))?;
    Some(list.split(", ").map(|name| name.trim().trim_matches('`').to_string()).filter(|n| !n.is_empty()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::spec::Spec;

    #[test]
    fn every_unknown_field_is_found_with_a_suggestion() {
        let text = "spec-version: 1\ntemplat: minimal\nfrontmatter:\n  nam: x\n  description: y\n  metadata:\n    anything: goes\ntitle: T\nred-flags:\n  items:\n    - signal: s\n      whyy: w\n";
        let found = unknown_fields::<Spec>(text);
        let keys: Vec<(&str, usize, Option<&str>)> =
            found.iter().map(|f| (f.key.as_str(), f.line, f.suggestion.as_deref())).collect();
        assert_eq!(keys, [("templat", 2, Some("template")), ("nam", 4, Some("name")), ("whyy", 12, Some("why"))]);
        assert!(found[1].expected.contains(&"description".to_string()), "{:?}", found[1].expected);
        assert!(found[1].help().starts_with("did you mean `name`? the fields here are: name, description"));
    }

    #[test]
    fn a_valid_file_has_none() {
        let text = "spec-version: 1\ntemplate: minimal\nfrontmatter:\n  name: x\n  description: y\ntitle: T\n";
        assert!(unknown_fields::<Spec>(text).is_empty());
    }
}
