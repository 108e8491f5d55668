//! Reading a use-case file through a spec's `use-case` part: the facts its fields give and
//! the texts that state something (searched for red flags; a section marked `states: false`,
//! such as risks listed with their mitigations, is not). A field left empty or out is not
//! an error: it is listed as still to write, and the decision is made on what is there. A
//! value of the wrong type, an impossible figure or an unknown key is an error naming the
//! field and its line.

use std::collections::BTreeMap;

use crate::expr::Value;
use crate::generate::spec::{Fact, FactType, FactValue, RESERVED_KEYS, Spec, UseCaseField, UseCaseSection, column_key};
use crate::skill::LineIndex;
use crate::text::closest;
use crate::yaml::{self, Limits, Node, ScalarKind};

use super::statements::Statement;

/// Largest use-case file read.
pub const MAX_USE_CASE_BYTES: usize = 1 << 20;

/// A use case read: its title, the facts it gives, and its texts.
#[derive(Clone, Debug, PartialEq)]
pub struct UseCase {
    /// The `title`, if it has one.
    pub title: Option<String>,
    /// The facts its fields give.
    pub facts: BTreeMap<String, Value>,
    /// Every text that states something, with the field and line it is at.
    pub statements: Vec<Statement>,
    /// The fields still to write (`gap-analysis.capability-gap, line 12`).
    pub unfilled: Vec<String>,
}

/// A problem in a use-case file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UseCaseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, naming the field.
    pub message: String,
}

struct Reader<'a> {
    text: &'a str,
    lines: LineIndex,
    facts: BTreeMap<&'a str, &'a Fact>,
    errors: Vec<UseCaseError>,
    out: UseCase,
    /// Whether the section being read states facts (its text is searched for red flags).
    stating: bool,
}

/// Reads the use-case file `text` in the format of `spec`'s `use-case` part; every problem
/// found when it does not fit.
pub fn read_use_case(text: &str, spec: &Spec) -> Result<UseCase, Vec<UseCaseError>> {
    let at_start = |message: String| vec![UseCaseError { line: 1, column: 1, message }];
    let Some(part) = &spec.use_case else {
        return Err(at_start(format!(
            "the skill `{}` has no `use-case` part in its spec, so it cannot read use cases",
            spec.name()
        )));
    };
    if text.len() > MAX_USE_CASE_BYTES {
        return Err(at_start(format!("the file is {} bytes; the limit is {MAX_USE_CASE_BYTES}", text.len())));
    }
    let lines = LineIndex::new(text);
    let limits = Limits { max_bytes: MAX_USE_CASE_BYTES, ..Limits::default() };
    let document = yaml::parse(text, 0, limits).map_err(|err| {
        let at = lines.line_col(text, err.offset);
        vec![UseCaseError { line: at.line as usize, column: at.column as usize, message: err.message }]
    })?;
    let facts = spec.facts.iter().flat_map(|p| &p.items).map(|f| (f.name.as_str(), &f.value)).collect();
    let out = UseCase { title: None, facts: BTreeMap::new(), statements: Vec::new(), unfilled: Vec::new() };
    let mut reader = Reader { text, lines, facts, errors: Vec::new(), out, stating: true };
    for duplicate in &document.duplicates {
        reader.error_at(duplicate.second.start as usize, format!("`{}` is written twice", duplicate.key));
    }
    let sections: Vec<&UseCaseSection> = part.items.iter().map(|s| &s.value).collect();
    match &document.root {
        Some(root) if root.as_map().is_some() => reader.root(root, &sections),
        Some(root) => reader.error(root, format!("a use case is a map of sections, not a {}", root.type_name())),
        None => reader.errors.extend(at_start("the use case is empty".to_string())),
    }
    if reader.errors.is_empty() {
        Ok(reader.out)
    } else {
        reader.errors.sort_by_key(|e| (e.line, e.column));
        Err(reader.errors)
    }
}

impl Reader<'_> {
    fn error(&mut self, node: &Node, message: String) {
        self.error_at(node.span.start as usize, message);
    }

    fn error_at(&mut self, offset: usize, message: String) {
        let at = self.lines.line_col(self.text, offset);
        self.errors.push(UseCaseError { line: at.line as usize, column: at.column as usize, message });
    }

    fn line(&self, node: &Node) -> usize {
        self.lines.line_col(self.text, node.span.start as usize).line as usize
    }

    /// Notes `path` (at `node`'s line) as still to write.
    fn unfilled(&mut self, path: &str, node: &Node) {
        let line = self.line(node);
        self.out.unfilled.push(format!("`{path}` (line {line})"));
    }

    fn root(&mut self, root: &Node, sections: &[&UseCaseSection]) {
        let keys: Vec<&str> = sections.iter().map(|s| s.key.as_str()).chain(RESERVED_KEYS).collect();
        for entry in root.as_map().unwrap_or_default() {
            let key = entry.key.as_str().unwrap_or_default();
            if !keys.contains(&key) {
                let near =
                    closest(key, keys.iter().copied()).map(|n| format!("; did you mean `{n}`?")).unwrap_or_default();
                self.error(&entry.key, format!("`{key}` is not a section of this use case{near}"));
            }
        }
        if let Some(title) = root.get("title") {
            self.out.title = title.as_str().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
        }
        for section in sections {
            self.stating = section.states.unwrap_or(true);
            match root.get(&section.key) {
                None => self.out.unfilled.push(format!("`{}` ({}, not written)", section.key.value, section.title)),
                Some(node) if section.fields.is_empty() => self.text(node, &section.key, true),
                Some(node) => self.fields(node, section),
            }
        }
    }

    /// Every scalar under `node` becomes a statement; `required` text left empty is noted
    /// as still to write.
    fn text(&mut self, node: &Node, path: &str, required: bool) {
        if required && !has_text(node) {
            self.unfilled(path, node);
        }
        self.collect_text(node, path);
    }

    /// The texts under `node` as statements, when the section states facts.
    fn collect_text(&mut self, node: &Node, path: &str) {
        if !self.stating {
            return;
        }
        if let Some(text) = node.as_str() {
            if node.scalar_kind() != Some(ScalarKind::Null) && !text.trim().is_empty() {
                let place = format!("{path}, line {}", self.line(node));
                self.out.statements.push(Statement { text: text.to_string(), place: Some(place) });
            }
        } else if let Some(items) = node.as_seq() {
            for item in items {
                self.collect_text(item, path);
            }
        } else if let Some(entries) = node.as_map() {
            for entry in entries {
                let key = entry.key.as_str().unwrap_or_default();
                self.collect_text(&entry.value, &format!("{path}.{key}"));
            }
        }
    }

    fn fields(&mut self, node: &Node, section: &UseCaseSection) {
        if node.scalar_kind() == Some(ScalarKind::Null) {
            return self.unfilled(&section.key, node);
        }
        let Some(entries) = node.as_map() else {
            let keys: Vec<&str> = section.fields.iter().map(|f| f.key.as_str()).collect();
            let message = format!(
                "`{}` must hold the fields {}, but it is {}",
                section.key.value,
                keys.join(", "),
                node.type_name()
            );
            return self.error(node, message);
        };
        let keys: Vec<&str> = section.fields.iter().map(|f| f.key.as_str()).collect();
        for entry in entries {
            let key = entry.key.as_str().unwrap_or_default();
            if !keys.contains(&key) {
                let near =
                    closest(key, keys.iter().copied()).map(|n| format!("; did you mean `{n}`?")).unwrap_or_default();
                self.error(&entry.key, format!("`{}.{key}` is not a field of this use case{near}", section.key.value));
            }
        }
        for field in &section.fields {
            let path = format!("{}.{}", section.key.value, field.key.value);
            match node.get(&field.key) {
                None if field.optional => {}
                None => self.unfilled(&path, node),
                Some(value) => self.field(value, field, &path),
            }
        }
    }

    fn field(&mut self, node: &Node, field: &UseCaseField, path: &str) {
        let empty = node.scalar_kind() == Some(ScalarKind::Null)
            || node.as_str().is_some_and(|t| t.trim().is_empty())
            || node.as_seq().is_some_and(<[Node]>::is_empty)
            || node.as_map().is_some_and(<[_]>::is_empty);
        if empty {
            if !field.optional {
                self.unfilled(path, node);
            }
            return;
        }
        if !field.columns.is_empty() {
            return self.table(node, field, path);
        }
        let Some(fact) = field.fact.as_ref().and_then(|name| self.facts.get(name.as_str()).copied()) else {
            return self.text(node, path, !field.optional);
        };
        let Some(text) = node.as_str() else {
            return self.error(node, format!("`{path}` must be a single value{}", describe(field, &self.facts)));
        };
        let given = match node.scalar_kind() {
            Some(ScalarKind::Bool(b)) => FactValue::YesNo(b),
            Some(ScalarKind::Int | ScalarKind::Float) => {
                text.parse().map_or_else(|_| FactValue::Text(text.to_string()), FactValue::Number)
            }
            _ => FactValue::Text(text.to_string()),
        };
        match fact.read(&given) {
            Ok(value) => {
                if fact.kind == FactType::Text {
                    self.collect_text(node, path);
                }
                self.out.facts.insert(fact.name.value.clone(), value);
            }
            Err(err) => {
                let help = err.help.map(|h| format!(" ({h})")).unwrap_or_default();
                self.error(node, format!("`{path}`: {}{help}", err.message));
            }
        }
    }

    fn table(&mut self, node: &Node, field: &UseCaseField, path: &str) {
        let Some(rows) = node.as_seq() else {
            return self.error(node, format!("`{path}` must be a list of rows{}", describe(field, &self.facts)));
        };
        let columns: Vec<String> = field.columns.iter().map(|c| column_key(c)).collect();
        for (index, row) in rows.iter().enumerate() {
            let row_path = format!("{path}[{}]", index + 1);
            let Some(entries) = row.as_map() else {
                self.error(row, format!("`{row_path}` must be a map of {}", columns.join(", ")));
                continue;
            };
            for entry in entries {
                let key = entry.key.as_str().unwrap_or_default();
                if !columns.iter().any(|c| c == key) {
                    let near = closest(key, columns.iter().map(String::as_str))
                        .map(|n| format!("; did you mean `{n}`?"))
                        .unwrap_or_default();
                    self.error(&entry.key, format!("`{row_path}.{key}` is not a column of `{path}`{near}"));
                }
            }
            self.collect_text(row, &row_path);
        }
        if !has_text(node) && !field.optional {
            self.unfilled(path, node);
        }
    }
}

/// Whether some scalar under `node` holds text.
fn has_text(node: &Node) -> bool {
    if let Some(text) = node.as_str() {
        return node.scalar_kind() != Some(ScalarKind::Null) && !text.trim().is_empty();
    }
    let items = node.as_seq().unwrap_or_default().iter();
    let values = node.as_map().unwrap_or_default().iter().map(|e| &e.value);
    items.chain(values).any(has_text)
}

/// ": Quality examples ... (a number, examples)": what the field wants, for messages.
fn describe(field: &UseCaseField, facts: &BTreeMap<&str, &Fact>) -> String {
    let fact = field.fact.as_ref().and_then(|f| facts.get(f.as_str()));
    let hint = field.hint.clone().or_else(|| fact.map(|f| f.question.clone()));
    let kind = match fact {
        Some(fact) => Some(match fact.kind {
            FactType::Number => match &fact.unit {
                Some(unit) => format!("a number, in {unit}"),
                None => "a number".to_string(),
            },
            FactType::YesNo => "yes or no".to_string(),
            FactType::OneOf => format!("one of: {}", fact.options.join(", ")),
            FactType::Text => "text".to_string(),
        }),
        None if !field.columns.is_empty() => Some(format!("rows of {}", field.columns.join(", "))),
        None => None,
    };
    match (hint, kind) {
        (Some(hint), Some(kind)) => format!(": {hint} ({kind})"),
        (Some(hint), None) => format!(": {hint}"),
        (None, Some(kind)) => format!(" ({kind})"),
        (None, None) => String::new(),
    }
}
