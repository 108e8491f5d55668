//! The frontmatter: a YAML mapping with every key and value located in the file.

use crate::yaml::{self, Document, Entry, Node, ScalarKind, YamlError};

use super::span::Span;
use super::split::Split;

/// Why a skill has no readable frontmatter.
#[derive(Clone, Debug, PartialEq)]
pub enum FrontmatterError {
    /// The file does not start with a `---` line.
    Missing,
    /// The opening `---` has no closing `---` line.
    Unclosed,
    /// The YAML could not be read (syntax, or a limit reached).
    Yaml(YamlError),
    /// The YAML is not a mapping; `found` names what it is.
    NotMapping {
        /// Where the YAML value is.
        span: Span,
        /// "list", "string", ...
        found: &'static str,
    },
}

/// The frontmatter of a skill.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frontmatter {
    /// The parsed YAML, when it could be read (even when it is not a mapping).
    pub document: Option<Document>,
    /// Why it could not be used, if so.
    pub error: Option<FrontmatterError>,
}

/// A string field's value with its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrField<'a> {
    /// The value after YAML processing.
    pub value: &'a str,
    /// The value's bytes in the file.
    pub span: Span,
    /// The key's bytes in the file.
    pub key_span: Span,
}

impl StrField<'_> {
    /// The bytes in the file of `piece`, a part of the value, when the file holds it as
    /// written (the first occurrence inside the value's bytes); `None` when YAML changed it
    /// on the way (a line fold, an escape). Lets a rule point at the phrase it is about.
    pub fn source_span_of(&self, text: &str, piece: &str) -> Option<Span> {
        let raw = text.get(self.span.start as usize..self.span.end as usize)?;
        if piece.is_empty() {
            return None;
        }
        let at = raw.find(piece)? + self.span.start as usize;
        Some(Span::new(at, at + piece.len()))
    }
}

impl Frontmatter {
    /// Reads the frontmatter found by `split` in `text`.
    pub fn parse(text: &str, split: &Split, limits: yaml::Limits) -> Frontmatter {
        if split.open.is_none() {
            return Frontmatter { document: None, error: Some(FrontmatterError::Missing) };
        }
        if split.close.is_none() {
            return Frontmatter { document: None, error: Some(FrontmatterError::Unclosed) };
        }
        match yaml::parse(split.yaml.text(text), split.yaml.start as usize, limits) {
            Err(err) => Frontmatter { document: None, error: Some(FrontmatterError::Yaml(err)) },
            Ok(document) => {
                let error = match &document.root {
                    Some(root) if root.as_map().is_none() => {
                        Some(FrontmatterError::NotMapping { span: root.span, found: root.type_name() })
                    }
                    _ => None,
                };
                Frontmatter { document: Some(document), error }
            }
        }
    }

    /// The root mapping, when the frontmatter is a readable mapping.
    pub fn root(&self) -> Option<&Node> {
        self.document.as_ref()?.root.as_ref().filter(|r| r.as_map().is_some())
    }

    /// The frontmatter as JSON typed as an editor's YAML server types it (see
    /// [`yaml::to_json`]); an empty frontmatter is an empty object. `None` when the YAML
    /// could not be read.
    pub fn to_json(&self) -> Option<serde_json::Value> {
        let document = self.document.as_ref()?;
        Some(document.root.as_ref().map_or_else(|| serde_json::Value::Object(Default::default()), yaml::to_json))
    }

    /// True when the frontmatter was read and is a mapping (or empty).
    pub fn is_usable(&self) -> bool {
        self.error.is_none()
    }

    /// All top-level entries in source order (empty when unusable).
    pub fn entries(&self) -> &[Entry] {
        self.root().and_then(Node::as_map).unwrap_or(&[])
    }

    /// The first top-level entry named `key`.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.root()?.entry(key)
    }

    /// The value of top-level `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// A top-level scalar field as text (numbers and booleans as written).
    pub fn str_field(&self, key: &str) -> Option<StrField<'_>> {
        let entry = self.entry(key)?;
        Some(StrField { value: entry.value.as_str()?, span: entry.value.span, key_span: entry.key.span })
    }

    /// The `name` field.
    pub fn name(&self) -> Option<StrField<'_>> {
        self.str_field("name")
    }

    /// The `description` field.
    pub fn description(&self) -> Option<StrField<'_>> {
        self.str_field("description")
    }

    /// True when `disable-model-invocation` is set to true, in any form Claude Code reads as
    /// true (see [`claude_code_bool`]).
    pub fn disables_model_invocation(&self) -> bool {
        self.flag("disable-model-invocation") == Some(true)
    }

    /// A boolean key as Claude Code reads it: `None` when absent or not a boolean form.
    pub fn flag(&self, key: &str) -> Option<bool> {
        self.get(key).and_then(claude_code_bool)
    }

    /// The skill's declared kind, `metadata.kind` (`decision`, `procedural`, `reference`).
    pub fn kind(&self) -> Option<&str> {
        self.get("metadata")?.get("kind")?.as_str()
    }

    /// Comments in the frontmatter, in order.
    pub fn comments(&self) -> &[yaml::Comment] {
        self.document.as_ref().map_or(&[], |d| &d.comments)
    }
}

/// A value as Claude Code reads a boolean key: YAML booleans, and the strings `true`, `false`,
/// `yes`, `no`, `on`, `off`, `1`, `0` in any case, quoted or not (accepted since v2.1.218
/// [FACTS 7, Claude Code changelog]; Claude Code reads the key's text, so a quoted `"true"`
/// is the same as `true`). `None` for anything else.
pub fn claude_code_bool(node: &Node) -> Option<bool> {
    if let Some(ScalarKind::Bool(value)) = node.scalar_kind() {
        return Some(value);
    }
    let text = node.as_str()?.trim().to_ascii_lowercase();
    match text.as_str() {
        "true" | "yes" | "on" | "1" => Some(true),
        "false" | "no" | "off" | "0" => Some(false),
        _ => None,
    }
}
