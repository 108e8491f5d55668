//! Walking a parsed TOML config: each key checked, each mistake located with the nearest
//! valid name.

use globset::{GlobBuilder, GlobSetBuilder};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::lint::{Level, Target, parse_selector, rules};

use super::file::{Layer, Override, Problem};
use super::keys::{self, KeyId};
use super::options::{OptionValue, RuleOption, options_of};

/// Collects problems while walking the TOML tree.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) problems: Vec<Problem>,
    /// Each `kind = "..."` read, with its place: checked once every kind is known.
    pub(super) kind_refs: Vec<(String, std::ops::Range<usize>)>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Reader { text, problems: Vec::new(), kind_refs: Vec::new() }
    }

    pub(super) fn problem(&mut self, at: std::ops::Range<usize>, message: impl Into<String>) {
        let start = at.start.min(self.text.len());
        let before = &self.text[..crate::skill::floor_char_boundary(self.text, start)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        self.problems.push(Problem { line, column, message: message.into() });
    }

    pub(super) fn unknown_key(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>, valid: &[&str], place: &str) {
        let name = key.get_ref();
        let hint = crate::text::closest(name, valid.iter().copied())
            .map_or_else(|| format!("; valid keys: {}", valid.join(", ")), |s| format!("; did you mean `{s}`?"));
        self.problem(key.span(), format!("unknown key `{name}` {place}{hint}"));
    }

    fn string<'v>(&mut self, value: &'v Spanned<DeValue<'_>>, key: &str) -> Option<&'v str> {
        let text = value.get_ref().as_str();
        if text.is_none() {
            self.problem(value.span(), format!("`{key}` must be a string, not {}", value.get_ref().type_str()));
        }
        text
    }

    pub(super) fn count(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<usize> {
        let parsed = value.get_ref().as_integer().and_then(|i| i.as_str().replace('_', "").parse::<usize>().ok());
        if parsed.is_none() {
            self.problem(value.span(), format!("`{key}` must be a whole number of at least 0"));
        }
        parsed
    }

    /// A list of strings.
    fn texts(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<Vec<String>> {
        let items = value.get_ref().as_array().and_then(|array| {
            array.iter().map(|item| item.get_ref().as_str().map(str::to_string)).collect::<Option<Vec<String>>>()
        });
        if items.is_none() {
            self.problem(value.span(), format!("`{key}` must be a list of strings"));
        }
        items
    }

    /// A list of rule selectors: an array of strings, or one comma-separated string.
    fn selectors(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Vec<String> {
        let items: Vec<(String, std::ops::Range<usize>)> = match value.get_ref() {
            DeValue::String(s) => s.split(',').map(|p| (p.trim().to_string(), value.span())).collect(),
            DeValue::Array(array) => array
                .iter()
                .filter_map(|item| match item.get_ref().as_str() {
                    Some(s) => Some((s.to_string(), item.span())),
                    None => {
                        self.problem(item.span(), format!("`{key}` holds rule codes, names or groups as strings"));
                        None
                    }
                })
                .collect(),
            other => {
                self.problem(
                    value.span(),
                    format!("`{key}` must be a list of rule codes, names or groups, not {}", other.type_str()),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (name, span) in items.into_iter().filter(|(n, _)| !n.is_empty()) {
            match parse_selector(&name) {
                Ok(_) => out.push(name),
                Err(err) => self.problem(span, format!("in `{key}`: {err}")),
            }
        }
        out
    }

    fn target(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Target> {
        let text = self.string(value, "target")?;
        let target = Target::parse(text);
        if target.is_none() {
            let names: Vec<&str> = Target::ALL.iter().map(|t| t.as_str()).collect();
            let hint = crate::text::closest(text, names.iter().copied())
                .map_or_else(|| format!("; one of: {}", names.join(", ")), |s| format!("; did you mean `{s}`?"));
            self.problem(value.span(), format!("unknown target `{text}`{hint}"));
        }
        target
    }

    /// `[rules]`: each key a rule (or group) with a level string or a table of level and
    /// options.
    fn rules(&mut self, value: &Spanned<DeValue<'_>>, layer: &mut Layer) {
        let Some(table) = value.get_ref().as_table() else {
            self.problem(value.span(), "`rules` must be a table: `[rules.NAME]` with `level` and options");
            return;
        };
        for (key, value) in in_file_order(table) {
            let name = key.get_ref().to_string();
            if let Err(err) = parse_selector(&name) {
                self.problem(key.span(), format!("in `rules`: {err}"));
                continue;
            }
            let rule_name = crate::lint::find(&name).map(|i| rules()[i].meta().name);
            match value.get_ref() {
                DeValue::String(level) => {
                    if let Some(level) = self.level(level, value.span()) {
                        layer.selection.levels.push((name, level));
                    }
                }
                DeValue::Table(entries) => {
                    let options: Vec<&'static RuleOption> =
                        rule_name.map(|r| options_of(r).collect()).unwrap_or_default();
                    let mut valid: Vec<&str> = vec!["level"];
                    valid.extend(options.iter().map(|o| o.key));
                    for (option, value) in in_file_order(entries) {
                        if option.get_ref() == "level" {
                            let Some(text) = self.string(value, "level") else { continue };
                            if let Some(level) = self.level(text, value.span()) {
                                layer.selection.levels.push((name.clone(), level));
                            }
                        } else if let Some(found) = options.iter().find(|o| o.key == option.get_ref()) {
                            let parsed = match (found.get)(&crate::lint::RuleOptions::default()) {
                                OptionValue::Count(_) => self.count(value, found.key).map(OptionValue::Count),
                                OptionValue::Texts(_) => self.texts(value, found.key).map(OptionValue::Texts),
                            };
                            if let Some(parsed) = parsed {
                                layer.options.push((found, parsed));
                            }
                        } else {
                            self.unknown_key(option, &valid, &format!("in `[rules.{name}]`"));
                        }
                    }
                }
                other => self.problem(
                    value.span(),
                    format!("`rules.{name}` must be a level (\"warning\") or a table, not {}", other.type_str()),
                ),
            }
        }
    }

    fn level(&mut self, text: &str, at: std::ops::Range<usize>) -> Option<Level> {
        let level = Level::parse(text);
        if level.is_none() {
            let names: Vec<&str> = Level::ALL.iter().map(|l| l.as_str()).collect();
            let hint = crate::text::closest(text, names.iter().copied())
                .map_or_else(|| format!("; one of: {}", names.join(", ")), |s| format!("; did you mean `{s}`?"));
            self.problem(at, format!("unknown level `{text}`{hint}"));
        }
        level
    }

    /// Reads a key shared by the top level and overrides into `layer`. The other keys are
    /// read by the file ([`super::file::parse`]) or by [`Reader::override_entry`].
    pub(super) fn layer_key(&mut self, id: KeyId, value: &Spanned<DeValue<'_>>, layer: &mut Layer) {
        let key = keys::key(id).key;
        match id {
            KeyId::Target => layer.target = self.target(value),
            KeyId::Select => layer.selection.select = Some(self.selectors(value, key)),
            KeyId::ExtendSelect => layer.selection.extend_select = self.selectors(value, key),
            KeyId::Ignore => layer.selection.ignore = self.selectors(value, key),
            KeyId::Rules => self.rules(value, layer),
            KeyId::Kind => {
                if let Some(name) = self.string(value, key) {
                    self.kind_refs.push((name.to_string(), value.span()));
                    layer.kind = Some(name.to_string());
                }
            }
            KeyId::ListingBudget | KeyId::Overrides | KeyId::Paths | KeyId::Kinds => {}
        }
    }

    pub(super) fn override_entry(&mut self, value: &Spanned<DeValue<'_>>, index: usize) -> Option<Override> {
        let Some(table) = value.get_ref().as_table() else {
            self.problem(value.span(), "each `[[overrides]]` entry must be a table");
            return None;
        };
        let mut layer = Layer::default();
        let mut patterns = Vec::new();
        let mut builder = GlobSetBuilder::new();
        let mut has_paths = false;
        for (key, value) in in_file_order(table) {
            let name = key.get_ref().as_ref();
            let Some(found) = keys::override_key(name) else {
                if keys::top_key(name).is_some() {
                    self.problem(
                        key.span(),
                        format!("`{name}` applies to the whole run: set it at the top of the file"),
                    );
                } else {
                    self.unknown_key(key, &keys::override_names(), &format!("in `[[overrides]]` #{}", index + 1));
                }
                continue;
            };
            if found.id == KeyId::Paths {
                has_paths = true;
                for (pattern, span) in self.strings(value, name) {
                    match GlobBuilder::new(&pattern).literal_separator(true).build() {
                        Ok(glob) => {
                            builder.add(glob);
                            patterns.push(pattern);
                        }
                        Err(err) => self.problem(span, format!("bad glob `{pattern}`: {}", err.kind())),
                    }
                }
            } else {
                self.layer_key(found.id, value, &mut layer);
            }
        }
        if !has_paths {
            self.problem(value.span(), "this `[[overrides]]` entry has no `paths`: say which files it applies to");
            return None;
        }
        let globs = builder.build().ok()?;
        Some(Override { patterns, globs, layer })
    }

    pub(super) fn strings(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Vec<(String, std::ops::Range<usize>)> {
        match value.get_ref() {
            DeValue::String(s) => vec![(s.to_string(), value.span())],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref().as_str() {
                    Some(s) => Some((s.to_string(), item.span())),
                    None => {
                        self.problem(item.span(), format!("`{key}` holds strings"));
                        None
                    }
                })
                .collect(),
            other => {
                self.problem(value.span(), format!("`{key}` must be a list of strings, not {}", other.type_str()));
                Vec::new()
            }
        }
    }
}

/// The entries of `table` in the order they are written (the parser keeps them sorted).
pub(super) fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(&'t Spanned<std::borrow::Cow<'i, str>>, &'t Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}
