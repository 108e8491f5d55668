//! Reading one config file: TOML parsed with spans, every key checked, mistakes located.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::lint::{Level, Selection, Target, parse_selector, rules};

use super::options::{RuleOption, options_of};

/// Choices made at one level of a config: the top of the file, or one override.
#[derive(Clone, Debug, Default)]
pub struct Layer {
    /// `target`, if set.
    pub target: Option<Target>,
    /// `select`, `extend-select`, `ignore` and `[rules.NAME] level`.
    pub selection: Selection,
    /// Rule options set, in file order.
    pub options: Vec<(&'static RuleOption, usize)>,
}

/// An `[[overrides]]` entry: a layer that applies to the files its globs match.
#[derive(Clone, Debug)]
pub struct Override {
    /// The globs as written, relative to the config's folder.
    pub patterns: Vec<String>,
    globs: GlobSet,
    /// What it sets.
    pub layer: Layer,
}

impl Override {
    /// True when the override applies to the file at `relative` (relative to the config's
    /// folder, forward slashes): the globs match the file or one of its folders.
    pub fn matches(&self, relative: &Path) -> bool {
        relative.ancestors().filter(|p| !p.as_os_str().is_empty()).any(|p| self.globs.is_match(p))
    }
}

/// A config file, read and checked.
#[derive(Clone, Debug)]
pub struct ConfigFile {
    /// The file.
    pub path: PathBuf,
    /// The folder holding it (override globs are relative to it).
    pub dir: PathBuf,
    /// The top-level choices.
    pub base: Layer,
    /// `listing-budget`, if set.
    pub listing_budget: Option<usize>,
    /// The `[[overrides]]`, in file order.
    pub overrides: Vec<Override>,
}

/// One mistake in a config file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What is wrong, with the nearest valid name when there is one.
    pub message: String,
}

/// A config file that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// Its mistakes, in file order.
    pub problems: Vec<Problem>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = shown_path(&self.path);
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{path}:{}:{}: {}", p.line, p.column, p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// `path` relative to the current folder when it lies under it, for messages.
pub fn shown_path(path: &Path) -> String {
    let relative = std::env::current_dir().ok().and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    crate::report::display_path(relative.as_deref().unwrap_or(path))
}

const TOP_KEYS: &[&str] = &["target", "select", "extend-select", "ignore", "rules", "overrides", "listing-budget"];
const OVERRIDE_KEYS: &[&str] = &["paths", "target", "select", "extend-select", "ignore", "rules"];
const LEVELS: &[&str] = &["off", "info", "warning", "error"];

/// Collects problems while walking the TOML tree.
struct Reader<'a> {
    text: &'a str,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, at: std::ops::Range<usize>, message: impl Into<String>) {
        let start = at.start.min(self.text.len());
        let before = &self.text[..crate::skill::floor_char_boundary(self.text, start)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        self.problems.push(Problem { line, column, message: message.into() });
    }

    fn unknown_key(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>, valid: &[&str], place: &str) {
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

    fn count(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<usize> {
        let parsed = value.get_ref().as_integer().and_then(|i| i.as_str().replace('_', "").parse::<usize>().ok());
        if parsed.is_none() {
            self.problem(value.span(), format!("`{key}` must be a whole number of at least 0"));
        }
        parsed
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
                            if let Some(n) = self.count(value, found.key) {
                                layer.options.push((found, n));
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
            let hint = crate::text::closest(text, LEVELS.iter().copied())
                .map_or_else(|| format!("; one of: {}", LEVELS.join(", ")), |s| format!("; did you mean `{s}`?"));
            self.problem(at, format!("unknown level `{text}`{hint}"));
        }
        level
    }

    /// Reads the keys shared by the top level and overrides into `layer`; returns false for
    /// a key it does not know.
    fn layer_key(&mut self, key: &str, value: &Spanned<DeValue<'_>>, layer: &mut Layer) -> bool {
        match key {
            "target" => layer.target = self.target(value),
            "select" => layer.selection.select = Some(self.selectors(value, key)),
            "extend-select" => layer.selection.extend_select = self.selectors(value, key),
            "ignore" => layer.selection.ignore = self.selectors(value, key),
            "rules" => self.rules(value, layer),
            _ => return false,
        }
        true
    }

    fn override_entry(&mut self, value: &Spanned<DeValue<'_>>, index: usize) -> Option<Override> {
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
            if name == "paths" {
                has_paths = true;
                for (pattern, span) in self.strings(value, "paths") {
                    match GlobBuilder::new(&pattern).literal_separator(true).build() {
                        Ok(glob) => {
                            builder.add(glob);
                            patterns.push(pattern);
                        }
                        Err(err) => self.problem(span, format!("bad glob `{pattern}`: {}", err.kind())),
                    }
                }
            } else if name == "listing-budget" {
                self.problem(key.span(), "`listing-budget` applies to the whole run: set it at the top of the file");
            } else if !self.layer_key(name, value, &mut layer) {
                self.unknown_key(key, OVERRIDE_KEYS, &format!("in `[[overrides]]` #{}", index + 1));
            }
        }
        if !has_paths {
            self.problem(value.span(), "this `[[overrides]]` entry has no `paths`: say which files it applies to");
            return None;
        }
        let globs = builder.build().ok()?;
        Some(Override { patterns, globs, layer })
    }

    fn strings(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Vec<(String, std::ops::Range<usize>)> {
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
fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(&'t Spanned<std::borrow::Cow<'i, str>>, &'t Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// Reads the config file at `path` whose text is `text`.
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    let dir = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut reader = Reader { text, problems: Vec::new() };
    let root: Spanned<DeTable<'_>> = match DeTable::parse(text) {
        Ok(root) => root,
        Err(err) => {
            let message = err.message().trim().to_string();
            reader.problem(err.span().unwrap_or(0..0), format!("invalid TOML: {message}"));
            return Err(ConfigError { path: path.to_path_buf(), problems: reader.problems });
        }
    };
    let mut config = ConfigFile {
        path: path.to_path_buf(),
        dir,
        base: Layer::default(),
        listing_budget: None,
        overrides: Vec::new(),
    };
    for (key, value) in in_file_order(root.get_ref()) {
        let name = key.get_ref().as_ref();
        match name {
            "listing-budget" => config.listing_budget = reader.count(value, name),
            "overrides" => match value.get_ref().as_array() {
                Some(entries) => {
                    for (index, entry) in entries.iter().enumerate() {
                        config.overrides.extend(reader.override_entry(entry, index));
                    }
                }
                None => reader.problem(value.span(), "`overrides` must be written as `[[overrides]]` tables"),
            },
            _ => {
                if !reader.layer_key(name, value, &mut config.base) {
                    reader.unknown_key(key, TOP_KEYS, "at the top level");
                }
            }
        }
    }
    if reader.problems.is_empty() {
        Ok(config)
    } else {
        reader.problems.sort_by_key(|p| (p.line, p.column));
        Err(ConfigError { path: path.to_path_buf(), problems: reader.problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        match parse(Path::new("skillsmith.toml"), text) {
            Ok(_) => Vec::new(),
            Err(err) => err.to_string().lines().map(str::to_string).collect(),
        }
    }

    #[test]
    fn reads_a_full_config() {
        let text = "target = \"spec\"\nselect = [\"all\"]\nignore = \"SK405, decision\"\nlisting-budget = 12_000\n\n[rules.body-too-long]\nlevel = \"error\"\nmax-lines = 300\n\n[rules]\nSK700 = \"warning\"\n\n[[overrides]]\npaths = [\"legacy/**\"]\nextend-select = [\"time-sensitive\"]\n";
        let config = parse(Path::new("x/skillsmith.toml"), text).unwrap();
        assert_eq!(config.base.target, Some(Target::Spec));
        assert_eq!(config.listing_budget, Some(12_000));
        assert_eq!(config.base.selection.ignore, ["SK405", "decision"]);
        assert_eq!(config.base.options.len(), 1);
        assert_eq!(config.base.options[0].1, 300);
        assert_eq!(config.overrides.len(), 1);
        assert!(config.overrides[0].matches(Path::new("legacy/a/SKILL.md")));
        assert!(!config.overrides[0].matches(Path::new("skills/a/SKILL.md")));
    }

    #[test]
    fn locates_mistakes_with_the_nearest_name() {
        let found = problems("selct = [\"all\"]\n\n[rules.body-to-long]\nlevel = \"eror\"\n");
        assert_eq!(
            found,
            [
                "skillsmith.toml:1:1: unknown key `selct` at the top level; did you mean `select`?",
                "skillsmith.toml:3:8: in `rules`: unknown rule or group `body-to-long`; did you mean `body-too-long`?"
            ]
        );
        let found = problems("[rules.body-too-long]\nmax-line = 3\n");
        assert_eq!(
            found,
            ["skillsmith.toml:2:1: unknown key `max-line` in `[rules.body-too-long]`; did you mean `max-lines`?"]
        );
        let found = problems("ignore = [\"SK70O\"]\n");
        assert_eq!(found, ["skillsmith.toml:1:11: in `ignore`: unknown rule or group `SK70O`; did you mean `SK700`?"]);
        let found = problems("target = 3\n");
        assert_eq!(found, ["skillsmith.toml:1:10: `target` must be a string, not integer"]);
        let found = problems("[[overrides]]\nignore = [\"SK700\"]\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("no `paths`"), "{found:?}");
        assert!(problems("target = \n").iter().any(|p| p.contains("invalid TOML")));
    }
}
