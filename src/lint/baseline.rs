//! Baselines: today's findings recorded in a file, so a repository can adopt the linter and
//! see only new findings. Entries are keyed by path, rule and a stable hash of the finding's
//! line (so they survive lines moving), with a count for repeated findings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::finding::Finding;
use super::references::normalize_path;
use super::rules::file::io_error::IoError;
use super::run::LintRun;
use crate::text::hash::fnv1a_hex;

/// The format version written in the file.
pub const BASELINE_VERSION: u32 = 1;

/// The largest baseline read: findings of a very large repository fit many times over.
pub const BASELINE_MAX_BYTES: u64 = 64 << 20;

/// A baseline file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version (1).
    pub version: u32,
    /// One entry per path, rule and line text.
    pub entries: Vec<BaselineEntry>,
}

/// Findings of one rule on lines with the same text in one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineEntry {
    /// The file, relative to the baseline file's folder (`../` where it lies outside it),
    /// forward slashes.
    pub path: String,
    /// The rule's code.
    pub rule: String,
    /// FNV-1a (64-bit, hex) of the finding's line with surrounding white space trimmed.
    pub line_hash: String,
    /// How many such findings are accepted.
    pub count: usize,
    /// Where the first was when recorded (for people; not used to match).
    #[serde(default)]
    pub line: u32,
    /// Its message when recorded (for people; not used to match).
    #[serde(default)]
    pub message: String,
}

/// A baseline entry that matched fewer findings than it accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaleEntry {
    /// The entry.
    pub entry: BaselineEntry,
    /// How many of its findings are gone.
    pub unmatched: usize,
}

type Key = (String, String, String);

/// The key of `finding` in the file at `path`, paths relative to `root`.
fn key(path: &Path, finding: &Finding, root: &Path) -> Key {
    let line = finding.location.snippet.text.lines().next().unwrap_or("").trim();
    (relative_path(path, root), finding.rule.code.to_string(), fnv1a_hex(line.as_bytes()))
}

/// `path` relative to `root` (with `..` where it lies outside it), forward slashes.
pub fn relative_path(path: &Path, root: &Path) -> String {
    let absolute = |p: &Path| normalize_path(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()));
    let (path, root) = (absolute(path), absolute(root));
    let common = path.components().zip(root.components()).take_while(|(a, b)| a == b).count();
    let mut shown = PathBuf::new();
    for _ in root.components().skip(common) {
        shown.push("..");
    }
    for part in path.components().skip(common) {
        shown.push(part);
    }
    shown.to_string_lossy().replace('\\', "/")
}

/// The folder a baseline file's paths are relative to.
pub fn baseline_root(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl Baseline {
    /// Records every finding of `run` (except unreadable paths), paths relative to `root`.
    pub fn of(run: &LintRun, root: &Path) -> Baseline {
        let mut grouped: BTreeMap<Key, BaselineEntry> = BTreeMap::new();
        for file in &run.files {
            for finding in file.findings.iter().filter(|f| f.rule.code != IoError::META.code) {
                let key = key(&file.path, finding, root);
                grouped
                    .entry(key.clone())
                    .or_insert_with(|| BaselineEntry {
                        path: key.0,
                        rule: key.1,
                        line_hash: key.2,
                        count: 0,
                        line: finding.location.start.line,
                        message: finding.message.clone(),
                    })
                    .count += 1;
            }
        }
        Baseline { version: BASELINE_VERSION, entries: grouped.into_values().collect() }
    }

    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = crate::fsio::read_text_bounded(path, BASELINE_MAX_BYTES)
            .map_err(|e| format!("cannot read baseline `{}`: {e}", path.display()))?;
        let baseline: Baseline = serde_json::from_str(&text)
            .map_err(|e| format!("`{}` is not a skillsmith baseline: {e}", path.display()))?;
        if baseline.version != BASELINE_VERSION {
            return Err(format!(
                "`{}` is a version {} baseline; this skillsmith reads version {BASELINE_VERSION}",
                path.display(),
                baseline.version
            ));
        }
        Ok(baseline)
    }

    /// Writes the baseline as pretty JSON, creating its folder if needed.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        let cannot = |err: std::io::Error| {
            std::io::Error::new(err.kind(), format!("cannot write baseline `{}`: {err}", path.display()))
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(cannot)?;
        }
        // Atomic, never through a FIFO or device: a reader sees the old baseline or the new.
        crate::fsio::write_atomic(path, text.as_bytes())
    }

    /// Hides the findings of `run` the baseline accepts; returns the entries that matched
    /// fewer findings than they accept.
    pub fn apply(&self, run: &mut LintRun, root: &Path) -> Vec<StaleEntry> {
        let mut left: BTreeMap<Key, usize> =
            self.entries.iter().map(|e| ((e.path.clone(), e.rule.clone(), e.line_hash.clone()), e.count)).collect();
        for file in &mut run.files {
            let path = file.path.clone();
            file.findings.retain(|finding| {
                if finding.rule.code == IoError::META.code {
                    return true;
                }
                match left.get_mut(&key(&path, finding, root)) {
                    Some(count) if *count > 0 => {
                        *count -= 1;
                        false
                    }
                    _ => true,
                }
            });
        }
        self.entries
            .iter()
            .filter_map(|e| {
                let unmatched = left[&(e.path.clone(), e.rule.clone(), e.line_hash.clone())];
                (unmatched > 0).then(|| StaleEntry { entry: e.clone(), unmatched })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::relative_path;
    use std::path::Path;

    #[test]
    fn paths_are_relative_to_the_baseline_folder() {
        assert_eq!(relative_path(Path::new("/r/skills/a/SKILL.md"), Path::new("/r")), "skills/a/SKILL.md");
        assert_eq!(relative_path(Path::new("/r/skills/a/SKILL.md"), Path::new("/r/ci")), "../skills/a/SKILL.md");
        assert_eq!(relative_path(Path::new("/r/./skills/../s/SKILL.md"), Path::new("/r/")), "s/SKILL.md");
    }
}
