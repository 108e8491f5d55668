//! Reading kinds of skill: `[kinds.NAME]` tables in a config, and the shipped definition of
//! the built-in kinds (the same shape, read by the same code).

use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::kinds::{Holds, Kind, RequiredSection};

use super::file::{ConfigError, Problem};
use super::reader::{Reader, in_file_order};

/// The keys of one `[kinds.NAME]` table.
const KIND_KEYS: [&str; 2] = ["doc", "sections"];
/// The keys of one required section; `checked-by` only in the shipped definition.
const SECTION_KEYS: [&str; 5] = ["title", "aliases", "holds", "min-items", "before"];

/// Reads `text`, a file of `[kinds.NAME]` tables only (the shipped definition when `builtin`).
pub fn parse_kinds(name: &str, text: &str, builtin: bool) -> Result<Vec<Kind>, ConfigError> {
    let mut reader = Reader::new(text);
    let error = |problems| ConfigError { path: Path::new(name).to_path_buf(), problems };
    let root: Spanned<DeTable<'_>> = DeTable::parse(text).map_err(|err| {
        error(vec![Problem { line: 1, column: 1, message: format!("invalid TOML: {}", err.message().trim()) }])
    })?;
    let mut kinds = Vec::new();
    for (key, value) in in_file_order(root.get_ref()) {
        if key.get_ref() == "kinds" {
            kinds.extend(reader.kinds(value, builtin));
        } else {
            reader.unknown_key(key, &["kinds"], "in a kinds file");
        }
    }
    if reader.problems.is_empty() { Ok(kinds) } else { Err(error(reader.problems)) }
}

impl Reader<'_> {
    /// `kinds`: a table of kind tables.
    pub(super) fn kinds(&mut self, value: &Spanned<DeValue<'_>>, builtin: bool) -> Vec<Kind> {
        let Some(table) = value.get_ref().as_table() else {
            self.problem(value.span(), "`kinds` must be tables: `[kinds.NAME]` with `sections = [...]`");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (name, value) in in_file_order(table) {
            let text = name.get_ref().to_string();
            if !is_kind_name(&text) {
                self.problem(name.span(), format!("kind name `{text}`: use lowercase letters, digits and `-`"));
                continue;
            }
            if !builtin && text == "decision" {
                self.problem(
                    name.span(),
                    "the `decision` kind is built in and checked by the decision rules: tune them under `[rules]`, or declare a kind of another name",
                );
                continue;
            }
            if let Some(kind) = self.kind(&text, value, builtin) {
                out.push(kind);
            }
        }
        out
    }

    fn kind(&mut self, name: &str, value: &Spanned<DeValue<'_>>, builtin: bool) -> Option<Kind> {
        let Some(table) = value.get_ref().as_table() else {
            self.problem(value.span(), format!("`kinds.{name}` must be a table with `sections = [...]`"));
            return None;
        };
        let mut kind = Kind { name: name.to_string(), doc: None, sections: Vec::new(), builtin };
        let mut spans: Vec<Range<usize>> = Vec::new();
        let mut has_sections = false;
        for (key, value) in in_file_order(table) {
            match key.get_ref().as_ref() {
                "doc" => kind.doc = self.text_value(value, "doc"),
                "sections" => {
                    has_sections = true;
                    let Some(items) = value.get_ref().as_array() else {
                        self.problem(value.span(), format!("`kinds.{name}.sections` must be a list of tables"));
                        continue;
                    };
                    for item in items {
                        if let Some(section) = self.section(name, item, builtin) {
                            spans.push(item.span());
                            kind.sections.push(section);
                        }
                    }
                }
                _ => self.unknown_key(key, &KIND_KEYS, &format!("in `[kinds.{name}]`")),
            }
        }
        if !has_sections {
            self.problem(value.span(), format!("the kind `{name}` has no `sections`: list the sections it requires"));
            return None;
        }
        self.check_kind(&kind, &spans);
        Some(kind)
    }

    /// Titles told apart, and each `before` naming a later section of the same kind.
    fn check_kind(&mut self, kind: &Kind, spans: &[Range<usize>]) {
        for (i, section) in kind.sections.iter().enumerate() {
            let same = |other: &RequiredSection| other.headings().any(|h| crate::kinds::matches_heading(h, section));
            if kind.sections[..i].iter().any(same) {
                self.problem(
                    spans[i].clone(),
                    format!(
                        "in the kind `{}`: the section \"{}\" shares a heading with an earlier one",
                        kind.name, section.title
                    ),
                );
            }
            let Some(before) = &section.before else { continue };
            let later = kind.sections[i + 1..].iter().any(|s| s.headings().any(|h| h == before || s.title == *before));
            if !later {
                let titles: Vec<&str> = kind.sections[i + 1..].iter().map(|s| s.title.as_str()).collect();
                let hint = crate::text::closest(before, titles.iter().copied())
                    .map_or_else(String::new, |t| format!("; did you mean `{t}`?"));
                self.problem(
                    spans[i].clone(),
                    format!(
                        "in the kind `{}`: `before = \"{before}\"` must name the title of a section listed after \"{}\"{hint}",
                        kind.name, section.title
                    ),
                );
            }
        }
    }

    fn section(&mut self, kind: &str, value: &Spanned<DeValue<'_>>, builtin: bool) -> Option<RequiredSection> {
        let Some(table) = value.get_ref().as_table() else {
            self.problem(
                value.span(),
                format!("each section of `kinds.{kind}` must be a table: `{{ title = \"...\" }}`"),
            );
            return None;
        };
        let mut section = RequiredSection::titled("");
        let mut valid: Vec<&str> = SECTION_KEYS.to_vec();
        if builtin {
            valid.push("checked-by");
        }
        for (key, value) in in_file_order(table) {
            match key.get_ref().as_ref() {
                "title" => section.title = self.text_value(value, "title").unwrap_or_default(),
                "aliases" => section.aliases = self.string_list(value, "aliases"),
                "holds" => {
                    let Some(text) = self.text_value(value, "holds") else { continue };
                    section.holds = Holds::parse(&text);
                    if section.holds.is_none() {
                        let names: Vec<&str> = Holds::ALL.iter().map(|h| h.as_str()).collect();
                        let hint = crate::text::closest(&text, names.iter().copied()).map_or_else(
                            || format!("; one of: {}", names.join(", ")),
                            |s| format!("; did you mean `{s}`?"),
                        );
                        self.problem(value.span(), format!("unknown `holds` value `{text}`{hint}"));
                    }
                }
                "min-items" => section.min_items = self.count(value, "min-items"),
                "before" => section.before = self.text_value(value, "before"),
                "checked-by" if builtin => section.checked_by = self.text_value(value, "checked-by"),
                _ => self.unknown_key(key, &valid, &format!("in a section of `kinds.{kind}`")),
            }
        }
        if crate::text::words::normalize(&section.title).is_empty() {
            self.problem(
                value.span(),
                format!("a section of `kinds.{kind}` has no `title`: the heading it is written under"),
            );
            return None;
        }
        Some(section)
    }

    fn text_value(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<String> {
        match value.get_ref().as_str() {
            Some(text) => Some(text.to_string()),
            None => {
                self.problem(value.span(), format!("`{key}` must be a string, not {}", value.get_ref().type_str()));
                None
            }
        }
    }

    fn string_list(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Vec<String> {
        self.strings(value, key).into_iter().map(|(s, _)| s).collect()
    }
}

/// A kind's name: lowercase ASCII letters, digits and `-`, starting with a letter.
fn is_kind_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
