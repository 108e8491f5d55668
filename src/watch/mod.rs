//! Watch mode's two mechanisms: which file changes matter (debounced events from the
//! `notify` crate, filtered as discovery filters folders), and linting again only the skills
//! that changed while the repository rules run over all of them every time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::discover::{self, CONFIG_FILE_NAMES, Candidate, SKIPPED_DIRS, UnitResolver};
use crate::lint::references::normalize_path;
use crate::lint::{
    FileSystem, LintRun, LintedFile, RunOptions, SettingsProvider, lint_candidate, lint_discovered_with,
};

/// How long changes are gathered before linting again.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// What a file looked like when it was linted: a change of either means lint it again.
type Stamp = (Option<SystemTime>, u64);

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path).map_or((None, 0), |m| (m.modified().ok(), m.len()))
}

/// True when a change at `path` can change a finding: not inside a folder discovery skips.
pub fn matters(path: &Path) -> bool {
    !path.components().any(|c| SKIPPED_DIRS.iter().any(|skip| c.as_os_str() == *skip))
}

/// True when `path` is a config file (every skill must be linted again).
pub fn is_config(path: &Path) -> bool {
    path.file_name().is_some_and(|n| CONFIG_FILE_NAMES.iter().any(|c| n == *c))
}

/// The folders to watch for `paths`: each folder itself, and a file's folder (watching the
/// folder keeps working when an editor replaces the file).
pub fn watch_roots(paths: &[PathBuf]) -> Vec<PathBuf> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    let mut roots: Vec<PathBuf> = paths
        .iter()
        .map(|p| {
            if p.is_dir() {
                p.clone()
            } else {
                p.parent().filter(|d| !d.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
            }
        })
        .collect();
    roots.sort();
    roots.dedup();
    roots
}

/// A lint run that remembers each skill's single-file result and lints again only the skills
/// whose file changed or in whose folder something changed.
#[derive(Default)]
pub struct IncrementalLint {
    cache: HashMap<PathBuf, (Stamp, LintedFile)>,
}

/// What one run did.
#[derive(Debug)]
pub struct Pass {
    /// The findings, as `lint` reports them.
    pub run: LintRun,
    /// How many skill files were read and linted again (the others came from the cache).
    pub relinted: usize,
}

impl IncrementalLint {
    /// A run with nothing cached.
    pub fn new() -> IncrementalLint {
        IncrementalLint::default()
    }

    /// Forgets everything (a config changed).
    pub fn clear(&mut self) {
        self.cache.clear();
    }

    /// Forgets the skills that `changed` can affect: a changed SKILL.md, or any file in a
    /// skill's folder (a referenced file, a renamed folder).
    pub fn invalidate(&mut self, changed: &[PathBuf]) {
        let changed: Vec<PathBuf> =
            changed.iter().map(|p| normalize_path(&std::path::absolute(p).unwrap_or_else(|_| p.clone()))).collect();
        self.cache.retain(|skill, _| {
            let folder = skill.parent().unwrap_or(Path::new("/"));
            !changed.iter().any(|c| c == skill || c.starts_with(folder))
        });
    }

    /// Lints the skills under `paths`, reusing what is cached and still current; repository
    /// rules and unused suppressions are judged again over every skill.
    pub fn run(
        &mut self,
        paths: &[PathBuf],
        settings: &dyn SettingsProvider,
        fs: &dyn FileSystem,
        options: RunOptions,
    ) -> Pass {
        let found = discover::discover(paths);
        let kept: Mutex<HashMap<PathBuf, (Stamp, LintedFile)>> = Mutex::new(HashMap::new());
        let relinted = AtomicUsize::new(0);
        let cache = &self.cache;
        let lint_one = |candidate: &Candidate, units: &UnitResolver| {
            let key = normalize_path(&std::path::absolute(&candidate.path).unwrap_or_else(|_| candidate.path.clone()));
            let now = stamp(&candidate.path);
            let linted = match cache.get(&key) {
                Some((then, linted)) if *then == now => linted.clone(),
                _ => {
                    relinted.fetch_add(1, Ordering::Relaxed);
                    lint_candidate(candidate, settings, fs, options, units)
                }
            };
            kept.lock().unwrap_or_else(|e| e.into_inner()).insert(key, (now, linted.clone()));
            linted
        };
        let run = lint_discovered_with(found, settings, options, &lint_one);
        self.cache = kept.into_inner().unwrap_or_else(|e| e.into_inner());
        Pass { run, relinted: relinted.into_inner() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{RealFs, Settings, Target, Uniform};
    use std::sync::Arc;

    #[test]
    fn only_changed_skills_are_linted_again_and_repository_rules_stay_right() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir(root.join(".git")).unwrap();
        let write = |name: &str, skill_name: &str| {
            let dir = root.join(name);
            std::fs::create_dir_all(&dir).unwrap();
            let text = format!(
                "---\nname: {skill_name}\ndescription: Does a thing. Use when a thing is asked for.\n---\n# T\n\nBody.\n"
            );
            std::fs::write(dir.join("SKILL.md"), text).unwrap();
            dir.join("SKILL.md")
        };
        write("a", "a");
        let b = write("b", "b");
        let settings = Uniform(Arc::new(Settings::new(Target::ClaudeCode)));
        let paths = vec![root.to_path_buf()];
        let mut lint = IncrementalLint::new();
        let first = lint.run(&paths, &settings, &RealFs, RunOptions::default());
        assert_eq!((first.run.skills, first.relinted), (2, 2));
        let duplicates = |pass: &Pass| -> usize {
            pass.run.files.iter().flat_map(|f| &f.findings).filter(|f| f.rule.code == "SK600").count()
        };
        assert_eq!(duplicates(&first), 0);
        let again = lint.run(&paths, &settings, &RealFs, RunOptions::default());
        assert_eq!(again.relinted, 0);
        // b now takes a's name: a repository rule (duplicate names) must see it, though a is
        // not linted again.
        write("b", "a");
        lint.invalidate(&[b]);
        let third = lint.run(&paths, &settings, &RealFs, RunOptions::default());
        assert_eq!(third.relinted, 1);
        assert!(duplicates(&third) >= 1, "{:?}", third.run.files);
    }

    #[test]
    fn skipped_folders_do_not_matter() {
        assert!(!matters(Path::new("x/target/debug/a")));
        assert!(!matters(Path::new(".git/index")));
        assert!(matters(Path::new(".claude/skills/a/SKILL.md")));
        assert!(is_config(Path::new("a/skillsmith.toml")));
    }
}
