//! Reading one config file: TOML parsed with spans, every key checked, mistakes located.

use std::path::{Path, PathBuf};

use globset::GlobSet;
use toml::Spanned;
use toml::de::DeTable;

use crate::kinds::{Kind, Kinds};
use crate::lint::{Selection, Target};

use super::keys::{self, KeyId};
use super::options::{OptionValue, RuleOption};
use super::reader::{Reader, in_file_order};

/// Choices made at one level of a config: the top of the file, or one override.
#[derive(Clone, Debug, Default)]
pub struct Layer {
    /// `target`, if set.
    pub target: Option<Target>,
    /// `select`, `extend-select`, `ignore` and `[rules.NAME] level`.
    pub selection: Selection,
    /// Rule options set, in file order.
    pub options: Vec<(&'static RuleOption, OptionValue)>,
    /// `kind`, if set: the kind of the skills it applies to.
    pub kind: Option<String>,
}

/// An `[[overrides]]` entry: a layer that applies to the files its globs match.
#[derive(Clone, Debug)]
pub struct Override {
    /// The globs as written, relative to the config's folder.
    pub patterns: Vec<String>,
    pub(super) globs: GlobSet,
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
    /// The kinds declared under `[kinds.NAME]`, in file order.
    pub kinds: Vec<Kind>,
}

impl ConfigFile {
    /// The kinds its files may have: the built-in ones with the declared ones added.
    pub fn all_kinds(&self) -> Kinds {
        Kinds::builtin().with(&self.kinds)
    }
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

/// Reads the config file at `path` whose text is `text`.
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    let dir = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut reader = Reader::new(text);
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
        kinds: Vec::new(),
    };
    for (key, value) in in_file_order(root.get_ref()) {
        let name = key.get_ref().as_ref();
        let Some(found) = keys::top_key(name) else {
            reader.unknown_key(key, &keys::top_names(), "at the top level");
            continue;
        };
        match found.id {
            KeyId::ListingBudget => config.listing_budget = reader.count(value, name),
            KeyId::Kinds => config.kinds = reader.kinds(value, false),
            KeyId::Overrides => match value.get_ref().as_array() {
                Some(entries) => {
                    for (index, entry) in entries.iter().enumerate() {
                        config.overrides.extend(reader.override_entry(entry, index));
                    }
                }
                None => reader.problem(value.span(), "`overrides` must be written as `[[overrides]]` tables"),
            },
            other => reader.layer_key(other, value, &mut config.base),
        }
    }
    let kinds = config.all_kinds();
    for (name, span) in std::mem::take(&mut reader.kind_refs) {
        if kinds.get(&name).is_none() {
            let names = kinds.names();
            let hint = crate::text::closest(&name, names.iter().copied())
                .map_or_else(|| format!("; known kinds: {}", names.join(", ")), |s| format!("; did you mean `{s}`?"));
            reader.problem(span, format!("unknown kind `{name}`{hint}"));
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
        assert_eq!(config.base.options[0].1, OptionValue::Count(300));
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
