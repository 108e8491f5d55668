//! Finding each file's config (walking up to the repository root, the nearest wins), caching
//! configs per folder, and turning config plus flags into each file's [`Settings`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::kinds::AssignedKind;
use crate::lint::references::normalize_path;
use crate::lint::{Selection, Settings, SettingsProvider, Target, UnknownSelector};

use super::file::{ConfigError, ConfigFile, parse};

/// Config file names, in the order they are looked for in each folder.
pub const CONFIG_NAMES: [&str; 2] = ["skillsmith.toml", ".skillsmith.toml"];

/// What the command line chose; it overrides every config.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    /// `--target`.
    pub target: Option<Target>,
    /// `--select`, `--extend-select`, `--ignore`.
    pub selection: Selection,
}

/// The effective settings of one file and where they came from.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The settings.
    pub settings: Arc<Settings>,
    /// The config file used, if any.
    pub config: Option<Arc<ConfigFile>>,
    /// Indices of the `[[overrides]]` that apply, in file order.
    pub overrides: Vec<usize>,
}

type Found = Result<Option<Arc<ConfigFile>>, ConfigError>;
/// A config (by address; `0` for none) and the overrides that apply.
type SettingsKey = (usize, Vec<usize>);

/// Gives each file the settings of its nearest config, with the flags on top. Configs are
/// read once and cached per folder; settings are cached per config and set of overrides.
pub struct ConfigProvider {
    flags: Flags,
    explicit: Option<Arc<ConfigFile>>,
    folders: Mutex<HashMap<PathBuf, Found>>,
    settings: Mutex<HashMap<SettingsKey, Arc<Settings>>>,
    run: Mutex<Option<Arc<Settings>>>,
    root: PathBuf,
}

impl ConfigProvider {
    /// A provider that discovers configs; `explicit` (`--config FILE`) replaces discovery.
    pub fn new(flags: Flags, explicit: Option<&Path>) -> Result<ConfigProvider, ConfigError> {
        let explicit = match explicit {
            Some(path) => Some(Arc::new(read(path)?)),
            None => None,
        };
        Ok(ConfigProvider {
            flags,
            explicit,
            folders: Mutex::new(HashMap::new()),
            settings: Mutex::new(HashMap::new()),
            run: Mutex::new(None),
            root: PathBuf::from("."),
        })
    }

    /// Sets the folder whose config gives the run-wide settings (repository rules such as
    /// `listing-budget`): usually the common folder of the linted paths.
    pub fn with_run_root(mut self, root: &Path) -> Self {
        self.root = root.to_path_buf();
        self
    }

    /// The config that applies to files in folder `dir`.
    pub fn config_for_dir(&self, dir: &Path) -> Found {
        if let Some(explicit) = &self.explicit {
            return Ok(Some(explicit.clone()));
        }
        let start = absolute(dir);
        let mut visited = Vec::new();
        let mut current = Some(start.as_path());
        let found = loop {
            let Some(folder) = current else { break Ok(None) };
            if let Some(cached) = self.folders.lock().expect("not poisoned").get(folder) {
                break cached.clone();
            }
            visited.push(folder.to_path_buf());
            if let Some(path) = CONFIG_NAMES.iter().map(|n| folder.join(n)).find(|p| is_present_file(p)) {
                break read(&path).map(|c| Some(Arc::new(c)));
            }
            if folder.join(".git").exists() {
                break Ok(None);
            }
            current = folder.parent();
        };
        let mut folders = self.folders.lock().expect("not poisoned");
        for folder in visited {
            folders.insert(folder, found.clone());
        }
        found
    }

    /// Reads every config that applies to `files`, so mistakes are reported before linting;
    /// returns each broken config once.
    pub fn check(&self, files: &[PathBuf]) -> Vec<ConfigError> {
        let mut errors: Vec<ConfigError> = Vec::new();
        let mut dirs: Vec<PathBuf> = files.iter().map(|f| parent(f)).collect();
        dirs.push(self.root.clone());
        dirs.sort();
        dirs.dedup();
        // In parallel: each folder costs a few system calls, and there is one per skill.
        let found: Vec<Found> = dirs.par_iter().map(|dir| self.config_for_dir(dir)).collect();
        for err in found.into_iter().filter_map(Result::err) {
            if !errors.contains(&err) {
                errors.push(err);
            }
        }
        errors
    }

    /// The effective settings of the file at `path`, and where they came from.
    pub fn resolve(&self, path: &Path) -> Result<Resolved, ConfigError> {
        let config = self.config_for_dir(&parent(path))?;
        let overrides = match &config {
            Some(config) => {
                let relative = relative_to(&absolute(path), &absolute(&config.dir));
                config.overrides.iter().enumerate().filter(|(_, o)| o.matches(&relative)).map(|(i, _)| i).collect()
            }
            None => Vec::new(),
        };
        let key = (config.as_ref().map_or(0, |c| Arc::as_ptr(c) as usize), overrides.clone());
        if let Some(settings) = self.settings.lock().expect("not poisoned").get(&key) {
            return Ok(Resolved { settings: settings.clone(), config, overrides });
        }
        let settings = Arc::new(self.build(config.as_deref(), &overrides).map_err(|err| ConfigError {
            path: config.as_ref().map_or_else(PathBuf::new, |c| c.path.clone()),
            problems: vec![super::file::Problem { line: 1, column: 1, message: err.to_string() }],
        })?);
        self.settings.lock().expect("not poisoned").insert(key, settings.clone());
        Ok(Resolved { settings, config, overrides })
    }

    /// Defaults for the target, then the config's top level, its matching overrides in
    /// order, and the flags last.
    fn build(&self, config: Option<&ConfigFile>, overrides: &[usize]) -> Result<Settings, UnknownSelector> {
        let layers: Vec<&super::file::Layer> = config
            .map(|c| std::iter::once(&c.base).chain(overrides.iter().map(|&i| &c.overrides[i].layer)).collect())
            .unwrap_or_default();
        let target =
            self.flags.target.or_else(|| layers.iter().rev().find_map(|l| l.target)).unwrap_or(Target::ClaudeCode);
        let mut settings = Settings::new(target);
        for layer in &layers {
            settings.apply(&layer.selection)?;
            for (option, value) in &layer.options {
                (option.set)(&mut settings.options, value.clone());
            }
        }
        if let Some(budget) = config.and_then(|c| c.listing_budget) {
            settings.options.listing_budget = budget;
        }
        if let Some(config) = config {
            settings.kinds = std::sync::Arc::new(config.all_kinds());
            settings.assigned_kind = assigned_kind(config, overrides);
        }
        settings.apply(&self.flags.selection)?;
        Ok(settings)
    }

    /// Settings from the flags alone (when a config cannot be used).
    fn fallback(&self) -> Arc<Settings> {
        let mut settings = Settings::new(self.flags.target.unwrap_or(Target::ClaudeCode));
        let _ = settings.apply(&self.flags.selection);
        Arc::new(settings)
    }
}

impl SettingsProvider for ConfigProvider {
    fn settings_for(&self, path: &Path) -> Arc<Settings> {
        self.resolve(path).map_or_else(|_| self.fallback(), |r| r.settings)
    }

    fn run_settings(&self) -> Arc<Settings> {
        let mut run = self.run.lock().expect("not poisoned");
        run.get_or_insert_with(|| {
            let probe = self.root.join("SKILL.md");
            self.resolve(&probe).map_or_else(|_| self.fallback(), |r| r.settings)
        })
        .clone()
    }
}

/// The kind the last layer that sets one assigns, with where it is set.
fn assigned_kind(config: &ConfigFile, overrides: &[usize]) -> Option<AssignedKind> {
    let shown = super::file::shown_path(&config.path);
    let from_override = overrides.iter().rev().find_map(|&i| {
        let entry = &config.overrides[i];
        let from = format!("{shown}, override #{} (paths: {})", i + 1, entry.patterns.join(", "));
        entry.layer.kind.clone().map(|name| AssignedKind { name, from })
    });
    from_override.or_else(|| config.base.kind.clone().map(|name| AssignedKind { name, from: shown }))
}

fn read(path: &Path) -> Result<ConfigFile, ConfigError> {
    let text = crate::fsio::read_text_bounded(path, crate::fsio::MAX_INPUT_BYTES).map_err(|err| ConfigError {
        path: path.to_path_buf(),
        problems: vec![super::file::Problem { line: 1, column: 1, message: format!("cannot read: {err}") }],
    })?;
    parse(path, &text)
}

/// True when something that is not a folder is at `path`: a config file, or a FIFO or
/// device named like one (which reading then refuses by name, rather than passing it over).
fn is_present_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| !meta.is_dir())
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `path` made absolute (against the current folder) and normalised, symlinks kept.
fn absolute(path: &Path) -> PathBuf {
    normalize_path(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

fn relative_to(path: &Path, dir: &Path) -> PathBuf {
    path.strip_prefix(dir).map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Level, find};

    fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn nearest_config_wins_and_overrides_and_flags_apply() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir(root.join(".git")).unwrap();
        write(
            root,
            "skillsmith.toml",
            "ignore = [\"SK700\"]\n[[overrides]]\npaths = [\"legacy/**\"]\nextend-select = [\"time-sensitive\"]\n",
        );
        write(root, "nested/.skillsmith.toml", "target = \"spec\"\n");
        let plain = write(root, "skills/a/SKILL.md", "");
        let legacy = write(root, "legacy/b/SKILL.md", "");
        let nested = write(root, "nested/c/SKILL.md", "");
        let placeholder = find("placeholder").unwrap();
        let time = find("time-sensitive").unwrap();

        let provider = ConfigProvider::new(Flags::default(), None).unwrap();
        assert!(provider.check(&[plain.clone(), legacy.clone(), nested.clone()]).is_empty());
        let a = provider.resolve(&plain).unwrap();
        assert_eq!(a.settings.level(placeholder), Level::Off);
        assert_eq!(a.settings.level(time), Level::Off);
        let b = provider.resolve(&legacy).unwrap();
        assert_eq!(b.overrides, [0]);
        assert_ne!(b.settings.level(time), Level::Off);
        let c = provider.resolve(&nested).unwrap();
        assert_eq!(c.settings.target, Target::Spec);
        assert_ne!(c.settings.level(placeholder), Level::Off, "the nearest config replaces the outer one");

        let flags = Flags {
            target: None,
            selection: Selection { extend_select: vec!["SK700".into()], ..Selection::default() },
        };
        let provider = ConfigProvider::new(flags, None).unwrap();
        assert_ne!(provider.resolve(&plain).unwrap().settings.level(placeholder), Level::Off, "flags win");
    }

    #[test]
    fn caches_configs_per_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir(root.join(".git")).unwrap();
        let config = write(root, "skillsmith.toml", "ignore = [\"SK700\"]\n");
        let a = write(root, "s/a/SKILL.md", "");
        let provider = ConfigProvider::new(Flags::default(), None).unwrap();
        let first = provider.resolve(&a).unwrap();
        std::fs::write(&config, "this is not toml").unwrap();
        let second = provider.resolve(&a).unwrap();
        assert!(Arc::ptr_eq(&first.settings, &second.settings), "the config is read once");
        let b = write(root, "s/b/SKILL.md", "");
        assert!(provider.resolve(&b).is_ok(), "the parent folder's entry is cached too");
    }

    #[test]
    fn stops_at_the_repository_root() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        write(root, "skillsmith.toml", "ignore = [\"SK700\"]\n");
        std::fs::create_dir_all(root.join("repo/.git")).unwrap();
        let file = write(root, "repo/s/SKILL.md", "");
        let provider = ConfigProvider::new(Flags::default(), None).unwrap();
        assert!(provider.resolve(&file).unwrap().config.is_none());
    }
}
