//! Finding skills: paths given on the command line become the SKILL.md files to lint.
//!
//! Folders are walked in parallel with ripgrep's walker: `.gitignore`d paths and folders
//! named `.git`, `node_modules` and `target` are skipped, hidden folders such as `.claude`
//! are not, symlinks are followed (loops are reported, a file reached twice is kept once).

pub mod unit;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use ignore::{WalkBuilder, WalkState};
use rayon::prelude::*;

pub use unit::{InstallUnit, Placement, UnitKind, UnitResolver, comparison_key, is_reserved_folder};

/// Folder names never searched.
pub const SKIPPED_DIRS: &[&str] = &[".git", "node_modules", "target"];

/// A file to lint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The path as shown to the user.
    pub path: PathBuf,
    /// The name of the folder holding it, as Claude Code would see it (symlinks not resolved).
    pub dir_name: Option<String>,
}

/// A path that could not be searched or read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathProblem {
    /// The path.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files to lint, sorted by path, each once.
    pub files: Vec<Candidate>,
    /// Paths that do not exist or could not be searched.
    pub problems: Vec<PathProblem>,
    /// True when only files were named (no folder): the shape of a pre-commit call, where
    /// repository-wide checks must still see the repository's other skills.
    pub files_only: bool,
    /// Plugin and marketplace manifests (`.claude-plugin/plugin.json`, `marketplace.json`),
    /// sorted, each once.
    pub manifests: Vec<PathBuf>,
    /// Skill packages (`*.skill`, and `*.zip` when named), sorted, each once.
    pub packages: Vec<PathBuf>,
}

/// What a found file is, by its name and place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A `SKILL.md` or a command file (`.claude/commands/**/*.md`): linted as a skill.
    Skill,
    /// A `.claude-plugin/plugin.json` or `.claude-plugin/marketplace.json`.
    Manifest,
    /// A `.skill` package.
    Package,
}

/// The manifest file names Claude Code reads in a `.claude-plugin` folder.
pub const MANIFEST_FILE_NAMES: &[&str] = &["plugin.json", "marketplace.json"];

/// What a file met while walking is, if it is anything to lint: a skill file, a command file,
/// a manifest in a `.claude-plugin` folder, or a `.skill` package.
pub fn kind_of(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    if is_skill_file_name(name) || is_command_file(path) {
        Some(FileKind::Skill)
    } else if MANIFEST_FILE_NAMES.contains(&name)
        && path.parent().and_then(Path::file_name).is_some_and(|p| p == ".claude-plugin")
    {
        Some(FileKind::Manifest)
    } else if path.extension().is_some_and(|e| e == "skill") {
        Some(FileKind::Package)
    } else {
        None
    }
}

/// True for a command file: a `.md` file anywhere below a `.claude/commands` folder.
pub fn is_command_file(path: &Path) -> bool {
    if path.extension().is_none_or(|e| e != "md")
        || path.file_name().and_then(|n| n.to_str()).is_some_and(is_skill_file_name)
    {
        return false;
    }
    let folders: Vec<_> = path.parent().map(|p| p.components().map(|c| c.as_os_str()).collect()).unwrap_or_default();
    folders.windows(2).any(|pair| pair[0] == ".claude" && pair[1] == "commands")
}

/// Spec files a skill is rendered from; naming one lints the SKILL.md beside it.
pub const SPEC_FILE_NAMES: &[&str] = &["skill.yaml", "skill.yml", "skill.toml"];

/// Config file names; naming one lints the skills under its folder.
pub const CONFIG_FILE_NAMES: &[&str] = &["skillsmith.toml", ".skillsmith.toml"];

/// True for a file name Claude Code or a person would take for a skill file, in any case.
pub fn is_skill_file_name(name: &str) -> bool {
    name.eq_ignore_ascii_case("SKILL.md")
}

/// Finds the skill files named by `paths` (the current folder when empty).
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    let mut found = Discovered::default();
    let mut walk_roots = Vec::new();
    let mut named_folder = false;
    for path in paths {
        match std::fs::metadata(path) {
            Err(err) => {
                let message = match std::fs::symlink_metadata(path) {
                    Ok(_) => link_problem(path, &err),
                    Err(_) => format!("cannot read `{}`: {}", path.display(), describe(&err)),
                };
                found.problems.push(PathProblem { path: path.clone(), message });
            }
            Ok(meta) if crate::fsio::special_kind(&meta).is_some() => {
                found.problems.push(PathProblem { path: path.clone(), message: special_problem(path, &meta) });
            }
            Ok(meta) if meta.is_dir() => {
                named_folder = true;
                walk_roots.push(path.clone());
            }
            Ok(_) => {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if SPEC_FILE_NAMES.contains(&name) {
                    let beside = path.with_file_name("SKILL.md");
                    if beside.is_file() {
                        found.files.push(candidate(beside));
                    } else {
                        let message = format!(
                            "`{}` has no SKILL.md beside it; run `skillsmith render {}`",
                            path.display(),
                            path.display()
                        );
                        found.problems.push(PathProblem { path: path.clone(), message });
                    }
                } else if CONFIG_FILE_NAMES.contains(&name) {
                    named_folder = true;
                    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                    walk_roots.push(folder.to_path_buf());
                } else if kind_of(path) == Some(FileKind::Manifest) {
                    found.manifests.push(path.clone());
                } else if path.extension().is_some_and(|e| e == "skill" || e == "zip") {
                    found.packages.push(path.clone());
                } else {
                    found.files.push(candidate(path.clone()));
                }
            }
        }
    }
    found.files_only = !named_folder && !found.files.is_empty();
    let named_files = found.files.len();
    let followed_link = !walk_roots.is_empty() && walk(&walk_roots, &mut found);
    // Two paths can name one file only through a symbolic link or when the paths given overlap.
    dedupe(&mut found.files, followed_link || walk_roots.len() + named_files > 1);
    found.problems.sort_by(|a, b| a.path.cmp(&b.path));
    found.problems.dedup();
    for list in [&mut found.manifests, &mut found.packages] {
        list.sort();
        list.dedup();
    }
    found
}

/// Walks `roots` in parallel, adding what it finds to `found`; true when it followed a symbolic
/// link.
fn walk(roots: &[PathBuf], found: &mut Discovered) -> bool {
    let mut builder = WalkBuilder::new(&roots[0]);
    for root in &roots[1..] {
        builder.add(root);
    }
    // As many walkers as the run has lint threads (`lint --threads`).
    builder.threads(rayon::current_num_threads());
    builder.hidden(false).git_global(false).follow_links(true).filter_entry(|entry| {
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        !(is_dir && entry.depth() > 0 && entry.file_name().to_str().is_some_and(|n| SKIPPED_DIRS.contains(&n)))
    });
    let files = Mutex::new(Vec::new());
    let others = Mutex::new(Vec::new());
    let problems = Mutex::new(Vec::new());
    let followed_link = AtomicBool::new(false);
    builder.build_parallel().run(|| {
        Box::new(|entry| {
            match entry {
                Ok(entry) => {
                    if entry.path_is_symlink() {
                        followed_link.store(true, Ordering::Relaxed);
                    }
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    let named = entry.file_name().to_str().is_some_and(is_skill_file_name);
                    let kind = if is_file { kind_of(entry.path()) } else { None };
                    if kind == Some(FileKind::Skill) {
                        files.lock().expect("no panics while locked").push(candidate(clean(entry.into_path())));
                    } else if let Some(kind) = kind {
                        others.lock().expect("no panics while locked").push((kind, clean(entry.into_path())));
                    } else if named && entry.file_type().is_some_and(|t| t.is_dir()) {
                        let path = clean(entry.into_path());
                        let message = format!("`{}` is a folder, not a skill file", path.display());
                        problems.lock().expect("no panics while locked").push(PathProblem { path, message });
                    } else if named && let Ok(meta) = std::fs::metadata(entry.path()) {
                        // A FIFO, device or socket named SKILL.md: said, never opened.
                        let path = clean(entry.into_path());
                        let message = special_problem(&path, &meta);
                        problems.lock().expect("no panics while locked").push(PathProblem { path, message });
                    }
                }
                Err(err) => {
                    if let Some(problem) = walk_problem(&err) {
                        problems.lock().expect("no panics while locked").push(problem);
                    }
                }
            }
            WalkState::Continue
        })
    });
    found.files.extend(files.into_inner().expect("walk finished"));
    for (kind, path) in others.into_inner().expect("walk finished") {
        match kind {
            FileKind::Manifest => found.manifests.push(path),
            _ => found.packages.push(path),
        }
    }
    found.problems.extend(problems.into_inner().expect("walk finished"));
    followed_link.into_inner()
}

/// Turns a walker error into a problem with a path, where it names one.
fn walk_problem(err: &ignore::Error) -> Option<PathProblem> {
    match err {
        ignore::Error::WithPath { path, err } => {
            let shown = clean(path.clone());
            let message = match (std::fs::symlink_metadata(path), std::fs::metadata(path)) {
                (Ok(_), Err(target)) => link_problem(&shown, &target),
                _ => format!("cannot read `{}`: {}", shown.display(), inner_message(err)),
            };
            Some(PathProblem { path: shown, message })
        }
        ignore::Error::Loop { child, .. } => {
            let path = clean(child.clone());
            Some(PathProblem { message: format!("`{}` is a symbolic link loop; not followed", path.display()), path })
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => walk_problem(err),
        ignore::Error::Partial(errs) => errs.iter().find_map(walk_problem),
        // Problems inside .gitignore files themselves do not stop linting.
        _ => None,
    }
}

/// What is wrong with a symbolic link whose target cannot be reached: a loop, or dangling.
fn link_problem(path: &Path, err: &std::io::Error) -> String {
    if is_loop(err) {
        format!("`{}` is a symbolic link loop; not followed", path.display())
    } else if err.kind() == std::io::ErrorKind::NotFound {
        format!("`{}` is a dangling symbolic link (its target does not exist)", path.display())
    } else {
        format!("cannot read `{}`: {}", path.display(), describe(err))
    }
}

/// The problem for a path that is a FIFO, a device or a socket: named, skipped, never opened.
fn special_problem(path: &Path, meta: &std::fs::Metadata) -> String {
    match crate::fsio::special_kind(meta) {
        Some(kind) if kind != "not a regular file" => {
            format!("`{}` is {kind}, not a regular file; skipped", path.display())
        }
        _ => format!("`{}` is not a regular file; skipped", path.display()),
    }
}

fn inner_message(err: &ignore::Error) -> String {
    let text = match err {
        ignore::Error::Io(io) => describe(io),
        other => other.to_string(),
    };
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// An I/O error in words, without the "(os error N)" tail; a symbolic link loop is called one.
pub fn describe(err: &std::io::Error) -> String {
    if is_loop(err) {
        return "a symbolic link loop".to_string();
    }
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// True when `err` is the system's "too many levels of symbolic links".
pub fn is_loop(err: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        err.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = err;
        false
    }
}

/// The candidate for the skill file at `path`, with the name of the folder holding it.
pub fn candidate(path: PathBuf) -> Candidate {
    let dir_name = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && p.file_name().is_some())
        .map(Path::to_path_buf)
        .or_else(|| std::path::absolute(&path).ok().and_then(|a| a.parent().map(Path::to_path_buf)))
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    Candidate { path, dir_name }
}

/// `./a/b` shown as `a/b`.
fn clean(path: PathBuf) -> PathBuf {
    match path.strip_prefix(".") {
        Ok(rest) if !rest.as_os_str().is_empty() => rest.to_path_buf(),
        _ => path,
    }
}

/// Sorts by path and keeps one candidate per path; when two paths `may_alias` one file, also
/// one per real file (a skill reached through two links is linted once, under the first path
/// in order).
fn dedupe(files: &mut Vec<Candidate>, may_alias: bool) {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    if !may_alias {
        return;
    }
    let real: Vec<Option<PathBuf>> = files.par_iter().map(|c| std::fs::canonicalize(&c.path).ok()).collect();
    let mut seen = HashSet::new();
    let mut real = real.into_iter();
    files.retain(|_| match real.next().flatten() {
        Some(real) => seen.insert(real),
        None => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skill_file_names() {
        assert!(is_skill_file_name("SKILL.md"));
        assert!(is_skill_file_name("skill.md"));
        assert!(!is_skill_file_name("SKILL.markdown"));
    }

    #[test]
    fn finds_skills_in_hidden_folders_and_skips_ignored_ones() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in
            [".claude/skills/a/SKILL.md", "node_modules/x/SKILL.md", "plugins/p/skills/b/skill.md", "target/c/SKILL.md"]
        {
            std::fs::create_dir_all(root.join(rel).parent().unwrap()).unwrap();
            std::fs::write(root.join(rel), "x").unwrap();
        }
        let found = discover(&[root.to_path_buf()]);
        let names: Vec<_> = found.files.iter().map(|c| c.path.strip_prefix(root).unwrap().to_path_buf()).collect();
        assert_eq!(names, [PathBuf::from(".claude/skills/a/SKILL.md"), PathBuf::from("plugins/p/skills/b/skill.md")]);
        assert_eq!(found.files[0].dir_name.as_deref(), Some("a"));
    }

    #[test]
    fn finds_command_files_manifests_and_packages() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in [
            ".claude/commands/ops/deploy.md",
            ".claude/commands/notes.txt",
            "docs/commands/not-a-command.md",
            "tools/.claude-plugin/plugin.json",
            "tools/plugin.json",
            ".claude-plugin/marketplace.json",
            "dist/pdf.skill",
            "dist/pdf.zip",
        ] {
            std::fs::create_dir_all(root.join(rel).parent().unwrap()).unwrap();
            std::fs::write(root.join(rel), "x").unwrap();
        }
        let found = discover(&[root.to_path_buf()]);
        let rel = |p: &PathBuf| p.strip_prefix(root).unwrap().to_path_buf();
        let files: Vec<_> = found.files.iter().map(|c| rel(&c.path)).collect();
        assert_eq!(files, [PathBuf::from(".claude/commands/ops/deploy.md")]);
        let manifests: Vec<_> = found.manifests.iter().map(rel).collect();
        assert_eq!(
            manifests,
            [PathBuf::from(".claude-plugin/marketplace.json"), PathBuf::from("tools/.claude-plugin/plugin.json")]
        );
        assert_eq!(found.packages.iter().map(rel).collect::<Vec<_>>(), [PathBuf::from("dist/pdf.skill")]);
        // A `.zip` counts when named.
        assert_eq!(discover(&[root.join("dist/pdf.zip")]).packages.len(), 1);
    }

    #[test]
    fn specs_and_configs_name_the_skills_they_govern() {
        let dir = tempfile::tempdir().unwrap();
        let skill = dir.path().join("skills/a");
        std::fs::create_dir_all(&skill).unwrap();
        std::fs::write(skill.join("SKILL.md"), "x").unwrap();
        std::fs::write(skill.join("skill.yaml"), "x").unwrap();
        std::fs::write(dir.path().join("skillsmith.toml"), "").unwrap();
        let found = discover(&[skill.join("skill.yaml")]);
        assert_eq!(found.files[0].path, skill.join("SKILL.md"));
        assert!(found.files_only);
        let found = discover(&[dir.path().join("skillsmith.toml")]);
        assert_eq!(found.files.len(), 1);
        assert!(!found.files_only);
    }

    #[test]
    fn missing_paths_are_problems() {
        let found = discover(&[PathBuf::from("/definitely/not/here")]);
        assert!(found.files.is_empty());
        assert!(found.problems[0].message.contains("No such file"), "{:?}", found.problems);
    }
}
