//! Typed YAML through serde: reading structured files (skill specs) with located errors and
//! size budgets, and writing values (the frontmatter) with the serializer, never by hand.
//!
//! The engine is `serde-saphyr` (built on the same parser as [`parse`](super::parse)); no
//! other module names it.

use std::fmt;
use std::ops::{Deref, DerefMut};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A YAML file that could not be read into the expected type: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlDeError {
    /// 1-based line of the offending node (0 when unknown).
    pub line: usize,
    /// 1-based column, in characters (0 when unknown).
    pub column: usize,
    /// What is wrong, without the place (e.g. "unknown field `rowz`, expected one of ...").
    pub message: String,
    /// The message with the file name, line, column and a source snippet, ready to print.
    pub rendered: String,
}

impl fmt::Display for YamlDeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rendered)
    }
}

impl std::error::Error for YamlDeError {}

/// A value that could not be written as YAML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlSerError(pub String);

impl fmt::Display for YamlSerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not write YAML: {}", self.0)
    }
}

impl std::error::Error for YamlSerError {}

/// Largest YAML text [`from_str`] accepts (a spec is a few KiB).
pub const MAX_TYPED_BYTES: usize = 4 * 1024 * 1024;

/// Reads one YAML document into `T`. Unknown fields (with `deny_unknown_fields`), wrong
/// types, duplicate keys and budget breaches are errors located in `source_name`.
pub fn from_str<T: DeserializeOwned>(text: &str, source_name: &str) -> Result<T, YamlDeError> {
    if text.len() > MAX_TYPED_BYTES {
        return Err(YamlDeError {
            line: 0,
            column: 0,
            message: format!("the file is {} bytes; the limit is {MAX_TYPED_BYTES}", text.len()),
            rendered: format!("{source_name}: the file is {} bytes; the limit is {MAX_TYPED_BYTES}", text.len()),
        });
    }
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_documents: 1,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: 250_000,
        },
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|err| located(&err, source_name))
}

fn located(err: &serde_saphyr::Error, source_name: &str) -> YamlDeError {
    let (line, column) = err.location().map_or((0, 0), |l| (l.line() as usize, l.column() as usize));
    let plain = serde_saphyr::render_options! { snippets: serde_saphyr::SnippetMode::Off };
    let raw = strip_location_suffix(&err.render_with_options(plain));
    let message = translate(&raw);
    let named = serde_saphyr::render_options! { source_name: Some(source_name) };
    let full = err.render_with_options(named);
    // Lead with `file:line:column: message`, then the snippet below the engine's own header.
    let mut rendered = format!("{source_name}:{line}:{column}: {message}");
    if let Some((_, snippet)) = full.split_once(" --> ").and_then(|(_, rest)| rest.split_once('\n')) {
        rendered.push('\n');
        rendered.push_str(snippet.trim_end().replace(&raw, &message).as_str());
    }
    YamlDeError { line, column, message, rendered }
}

/// The YAML library's words for a user: advice to its programmer ("set DuplicateKeyPolicy
/// in Options") and its debug output ("budget breached: Depth { depth: 65 }") never reach
/// someone who only wrote a file.
fn translate(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set DuplicateKeyPolicy").next().unwrap_or(rest);
        return format!("the key `{key}` is written twice in one mapping");
    }
    if let Some(rest) = message.strip_prefix("budget breached: ") {
        let what = rest.split([' ', '{', '(']).next().unwrap_or(rest);
        return match what {
            "Depth" => "nested more than 64 levels deep (a limit against hostile input)".to_string(),
            "Aliases" | "Anchors" => "more than 1,000 aliases or anchors (a limit against hostile input)".to_string(),
            "Nodes" => "more than 250,000 values (a limit against hostile input)".to_string(),
            "Documents" => "more than one YAML document (`---` starts a second one)".to_string(),
            _ => "too large or too deeply nested (a limit against hostile input)".to_string(),
        };
    }
    // "..., use Option<String>" and the like: the library's advice to the programmer.
    match message.find(", use Option<") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// "msg at line 3, column 4" -> "msg"; the place is kept in fields of its own.
fn strip_location_suffix(message: &str) -> String {
    let message = message.trim().trim_start_matches("error: ");
    let message = match message.split_once("line ") {
        Some(("", after)) => after.split_once(": ").map_or(message, |(_, m)| m),
        _ => message,
    };
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// Writes `value` as a YAML document: block style, keys in declaration order, strings quoted
/// whenever plain style would change their meaning, long strings on one line (no folding),
/// LF line endings, one trailing newline.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, YamlSerError> {
    let options = serde_saphyr::ser_options! { prefer_block_scalars: false };
    let mut out = serde_saphyr::to_string_with_options(value, options).map_err(|e| YamlSerError(e.to_string()))?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// A value read from YAML together with the place it was written (1-based line and
/// column; 0 when the value was built in code). Derefs to the value; serializes as the value
/// alone.
#[derive(Clone, Debug, Default)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
}

impl<T> Located<T> {
    /// A value with no place (built in code).
    pub fn new(value: T) -> Located<T> {
        Located { value, line: 0, column: 0 }
    }
}

impl<T> Deref for Located<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for Located<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T> From<T> for Located<T> {
    fn from(value: T) -> Located<T> {
        Located::new(value)
    }
}

/// Equality ignores the place: two values read from different lines are the same value.
impl<T: PartialEq> PartialEq for Located<T> {
    fn eq(&self, other: &Located<T>) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Located<T> {}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(Located {
            value: spanned.value,
            line: spanned.referenced.line() as usize,
            column: spanned.referenced.column() as usize,
        })
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    #[serde(deny_unknown_fields, rename_all = "kebab-case")]
    struct Doc {
        spec_version: u32,
        title: Located<String>,
        #[serde(default)]
        items: Vec<Located<String>>,
    }

    #[test]
    fn reads_values_with_their_places() {
        let doc: Doc = from_str("spec-version: 1\ntitle: Hello\nitems:\n  - a\n  - b\n", "x.yaml").unwrap();
        assert_eq!((doc.title.line, doc.title.column), (2, 8));
        assert_eq!(doc.items[1].line, 5);
        assert_eq!(*doc.items[1], "b");
    }

    #[test]
    fn unknown_field_names_the_file_line_and_valid_names() {
        let err = from_str::<Doc>("spec-version: 1\ntitle: a\ntitel: b\n", "skills/x/skill.yaml").unwrap_err();
        assert_eq!((err.line, err.column), (3, 1));
        assert!(err.message.contains("unknown field `titel`"), "{}", err.message);
        assert!(err.message.contains("spec-version, title, items"), "{}", err.message);
        assert!(!err.message.contains("line"), "{}", err.message);
        assert!(err.rendered.starts_with("skills/x/skill.yaml:3:1: unknown field `titel`"), "{}", err.rendered);
        assert!(err.rendered.contains("3 | titel: b"), "{}", err.rendered);
    }

    #[test]
    fn wrong_types_and_duplicates_are_located() {
        let err = from_str::<Doc>("spec-version: one\ntitle: a\n", "s.yaml").unwrap_err();
        assert_eq!(err.line, 1);
        let err = from_str::<Doc>("spec-version: 1\ntitle: a\ntitle: b\n", "s.yaml").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("duplicate") || err.message.contains("written twice"), "{}", err.message);
        assert!(!err.rendered.contains("DuplicateKeyPolicy"), "{}", err.rendered);
    }

    #[test]
    fn writes_strings_that_read_back_unchanged() {
        for text in ["a: b", "it's \"quoted\"", "# hash", "x #y", "yes", "123", "- dash", "two\nlines", "", "~"] {
            let mut map = BTreeMap::new();
            map.insert("description", text);
            let yaml = to_string(&map).unwrap();
            let back: BTreeMap<String, String> = from_str(&yaml, "t").unwrap();
            assert_eq!(back["description"], text, "{yaml}");
        }
    }

    #[test]
    fn hostile_input_hits_a_budget_not_the_stack() {
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let err = from_str::<serde::de::IgnoredAny>(&deep, "deep.yaml").unwrap_err();
        assert_eq!(err.line, 1, "{}", err.rendered);
        let huge = "a".repeat(MAX_TYPED_BYTES + 1);
        assert!(from_str::<String>(&huge, "huge.yaml").unwrap_err().message.contains("limit"));
        let deep = format!("{}{}", "[".repeat(70), "]".repeat(70));
        let err = from_str::<serde_json::Value>(&deep, "deep.yaml").unwrap_err();
        assert!(err.message.contains("nested more than 64 levels"), "{}", err.message);
        assert!(!err.rendered.contains("Depth {"), "{}", err.rendered);
    }

    #[test]
    fn long_strings_stay_on_one_line() {
        let long = "word ".repeat(60);
        let yaml = to_string(&BTreeMap::from([("d", long.trim())])).unwrap();
        assert_eq!(yaml.lines().count(), 1, "{yaml}");
    }
}
