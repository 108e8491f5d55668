//! What the server knows beyond the open documents: the workspace folders, the configs that
//! apply in them, and a summary of every skill on disk there (for the repository rules).
//! Nothing outside the workspace folders is read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{ConfigProvider, Flags};
use crate::discover::{self, UnitResolver};
use crate::lint::references::normalize_path;
use crate::lint::{FileSystem, RealFs, Settings, SettingsProvider, SkillSummary, read_skill};
use crate::skill::ParseLimits;

/// The workspace folders, their configs and the skills on disk in them.
pub struct Workspace {
    roots: Vec<PathBuf>,
    provider: ConfigProvider,
    /// Summaries of the skills on disk, by normalised path.
    on_disk: BTreeMap<PathBuf, SkillSummary>,
    /// Places skills in install units (what the repository rules compare within).
    units: UnitResolver,
}

impl Workspace {
    /// A workspace of `roots` (absolute folders); reads every skill's frontmatter in them.
    pub fn new(roots: Vec<PathBuf>) -> Workspace {
        let roots: Vec<PathBuf> = roots.into_iter().map(|r| normalize_path(&r)).collect();
        let mut workspace =
            Workspace { provider: provider_for(&roots), roots, on_disk: BTreeMap::new(), units: UnitResolver::new() };
        workspace.rescan();
        workspace
    }

    /// The workspace folders.
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// True when `path` lies inside a workspace folder.
    pub fn contains(&self, path: &Path) -> bool {
        let path = normalize_path(path);
        self.roots.iter().any(|root| path.starts_with(root))
    }

    /// Reads the configs again (a config changed).
    pub fn reload_configs(&mut self) {
        self.provider = provider_for(&self.roots);
    }

    /// The install-unit resolver the workspace's skills are placed with.
    pub fn units(&self) -> &UnitResolver {
        &self.units
    }

    /// Finds and summarises every skill on disk again (plugin manifests read again too).
    pub fn rescan(&mut self) {
        self.units = UnitResolver::new();
        if self.roots.is_empty() {
            self.on_disk.clear();
            return;
        }
        let found = discover::discover(&self.roots);
        let units = &self.units;
        self.on_disk = found
            .files
            .par_iter()
            .filter_map(|candidate| {
                let skill = read_skill(candidate, frontmatter_only()).ok()?;
                Some((normalize_path(&candidate.path), context_summary(&skill, units)))
            })
            .collect();
    }

    /// Reads the skill at `path` from disk again (saved, created or deleted).
    pub fn refresh(&mut self, path: &Path) {
        let key = normalize_path(path);
        if !self.contains(&key) {
            return;
        }
        let candidate = discover::Candidate { path: key.clone(), dir_name: dir_name(&key) };
        match read_skill(&candidate, frontmatter_only()) {
            Ok(skill) => {
                self.on_disk.insert(key, context_summary(&skill, &self.units));
            }
            Err(_) => {
                self.on_disk.remove(&key);
            }
        }
    }

    /// Summaries of the skills on disk in the install units of `open` (the open skills'
    /// summaries), except the open ones themselves (their editor text counts): the context
    /// `lint` gives the repository rules, which compare skills within an install unit.
    pub fn others(&self, open: &[&SkillSummary]) -> Vec<SkillSummary> {
        let open_paths: Vec<PathBuf> = open.iter().map(|s| normalize_path(&s.path)).collect();
        self.on_disk
            .iter()
            .filter(|(path, summary)| {
                !open_paths.contains(path) && open.iter().any(|o| o.placement.unit == summary.placement.unit)
            })
            .map(|(_, summary)| summary.clone())
            .collect()
    }

    /// The settings of the file at `path`: its nearest config, as `lint` finds it.
    pub fn settings_for(&self, path: &Path) -> Arc<Settings> {
        self.provider.settings_for(path)
    }

    /// The settings of the repository rules.
    pub fn run_settings(&self) -> Arc<Settings> {
        self.provider.run_settings()
    }

    /// A file system that answers only inside the workspace folders (or, with none, inside
    /// `fallback`, the document's own folder).
    pub fn file_system(&self, fallback: &Path) -> ScopedFs {
        let roots = if self.roots.is_empty() { vec![normalize_path(fallback)] } else { self.roots.clone() };
        ScopedFs::new(roots)
    }
}

/// A skill on disk as the repository rules see it beside the open ones: context, not linted.
fn context_summary(skill: &crate::skill::Skill, units: &UnitResolver) -> SkillSummary {
    SkillSummary { linted: false, ..SkillSummary::of(skill, units) }
}

/// A config provider whose run-wide settings come from the first workspace folder.
fn provider_for(roots: &[PathBuf]) -> ConfigProvider {
    let provider = ConfigProvider::new(Flags::default(), None).expect("no explicit config to read");
    match roots.first() {
        Some(root) => provider.with_run_root(root),
        None => provider,
    }
}

/// Limits for reading only a skill's frontmatter, as the repository rules need.
fn frontmatter_only() -> ParseLimits {
    let limits = ParseLimits::default();
    ParseLimits { max_file_bytes: limits.yaml.max_bytes + 4096, model_body: false, ..limits }
}

/// The name of the folder holding `path`.
pub fn dir_name(path: &Path) -> Option<String> {
    path.parent().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned())
}

/// The real file system seen through the workspace folders: a path outside them (after
/// following symbolic links) does not exist, so no rule reads or reports on it.
pub struct ScopedFs {
    roots: Vec<PathBuf>,
    real_roots: Vec<PathBuf>,
}

impl ScopedFs {
    /// Answers inside `roots` only.
    pub fn new(roots: Vec<PathBuf>) -> ScopedFs {
        let real_roots = roots.iter().filter_map(|r| std::fs::canonicalize(r).ok()).collect();
        ScopedFs { roots, real_roots }
    }

    /// True when `path`, and the file it really is, lie inside the roots.
    pub fn allows(&self, path: &Path) -> bool {
        let path = normalize_path(path);
        if !self.roots.iter().any(|root| path.starts_with(root)) {
            return false;
        }
        match std::fs::canonicalize(&path) {
            Ok(real) => self.real_roots.iter().any(|root| real.starts_with(root)),
            // A path that does not exist is inside as written.
            Err(_) => true,
        }
    }
}

impl FileSystem for ScopedFs {
    fn exists(&self, path: &Path) -> bool {
        self.allows(path) && RealFs.exists(path)
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.allows(path) && RealFs.is_dir(path)
    }

    fn kind(&self, path: &Path) -> Option<bool> {
        if self.allows(path) { RealFs.kind(path) } else { None }
    }

    fn read_text(&self, path: &Path, max_bytes: u64) -> Option<String> {
        if self.allows(path) { RealFs.read_text(path, max_bytes) } else { None }
    }

    fn files_under(&self, dir: &Path, limit: usize) -> Vec<PathBuf> {
        if !self.allows(dir) {
            return Vec::new();
        }
        RealFs.files_under(dir, limit).into_iter().filter(|rel| self.allows(&dir.join(rel))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoped_fs_hides_what_lies_outside_even_through_a_link() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let inside = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(inside.path()).unwrap();
        std::fs::write(root.join("ok.txt"), "ok").unwrap();
        let fs = ScopedFs::new(vec![root.clone()]);
        assert_eq!(fs.read_text(&root.join("ok.txt"), 100).as_deref(), Some("ok"));
        assert!(!fs.exists(&outside.path().join("secret.txt")));
        assert!(!fs.exists(&root.join("../../../../../../etc/passwd")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("link.txt")).unwrap();
            assert_eq!(fs.read_text(&root.join("link.txt"), 100), None);
            assert_eq!(fs.files_under(&root, 10), vec![PathBuf::from("ok.txt")]);
        }
    }
}
