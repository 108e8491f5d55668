//! What `skillsmith install` writes: a skill's files gathered from a shipped skill, a spec
//! or a skill folder (SKILL.md rendered from the spec when there is one), placed under
//! `REPO/.claude/skills/<name>/`.

use std::fmt;
use std::path::{Component, Path, PathBuf};

use crate::lint::rules::frontmatter::name_invalid::{name_problems, suggest_name};
use crate::skill::Skill;

use super::load::{LoadError, SPEC_FILE, parse_spec};
use super::render::{RenderError, render};
use super::shipped;
use super::templates::Templates;
use super::write::{Planned, WriteError, plan_within};

/// Where skills are installed inside a repository.
pub const SKILLS_DIR: &str = ".claude/skills";

/// A skill's files, ready to install.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillFiles {
    /// The skill's name: its folder's name once installed.
    pub name: String,
    /// Where they came from, for messages (`shipped skill llmops-decision-framework`).
    pub origin: String,
    /// Each file: path relative to the skill's folder (with `/`), and bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Why a skill could not be gathered or placed.
#[derive(Debug)]
pub enum InstallError {
    /// Not a path, and no shipped skill has that name.
    NotFound {
        /// What was asked for.
        given: String,
        /// The shipped skills' names.
        shipped: Vec<String>,
    },
    /// The spec could not be used.
    Spec(LoadError),
    /// The spec could not be rendered.
    Render(RenderError),
    /// A path could not be read or written, or would leave the skill's folder.
    Path {
        /// The path at fault.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The skill's name cannot be a folder name.
    BadName {
        /// The name.
        name: String,
        /// Why.
        message: String,
    },
}

impl fmt::Display for InstallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstallError::NotFound { given, shipped } => {
                write!(f, "`{given}` is neither a file or folder nor a shipped skill (shipped: {})", shipped.join(", "))
            }
            InstallError::Spec(err) => err.fmt(f),
            InstallError::Render(err) => err.fmt(f),
            InstallError::Path { path, message } => write!(f, "{}: {message}", path.display()),
            InstallError::BadName { name, message } => write!(f, "`{name}` is not a usable skill name: {message}"),
        }
    }
}

impl std::error::Error for InstallError {}

impl From<WriteError> for InstallError {
    fn from(err: WriteError) -> InstallError {
        InstallError::Path { path: err.path, message: err.message }
    }
}

/// Gathers the skill named by `source`: an existing file (a spec) or folder (a skill
/// folder), else the name of a shipped skill. A spec's SKILL.md is rendered with `templates`.
pub fn gather(source: &str, templates: &Templates) -> Result<SkillFiles, InstallError> {
    let path = Path::new(source);
    if path.exists() {
        return if path.is_dir() { gather_folder(path, templates) } else { gather_spec_file(path, templates) };
    }
    let Some(skill) = shipped::find(source) else {
        let shipped = shipped::all().iter().map(|s| s.name.to_string()).collect();
        return Err(InstallError::NotFound { given: source.to_string(), shipped });
    };
    let files: Vec<(String, Vec<u8>)> = skill.files.iter().map(|(p, b)| (p.to_string(), b.to_vec())).collect();
    // A shipped skill is rendered as shipped: with the built-in templates.
    finish(skill.name.to_string(), format!("shipped skill {}", skill.name), files, &Templates::builtin())
}

fn gather_spec_file(path: &Path, templates: &Templates) -> Result<SkillFiles, InstallError> {
    let bytes = read(path)?;
    let files = vec![(SPEC_FILE.to_string(), bytes)];
    finish(String::new(), path.display().to_string(), files, templates)
}

fn gather_folder(dir: &Path, templates: &Templates) -> Result<SkillFiles, InstallError> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.sort();
    let folder = dir.canonicalize().ok().and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()));
    finish(folder.unwrap_or_default(), dir.display().to_string(), files, templates)
}

/// Renders SKILL.md from the spec when there is one; settles the name (the spec's, else the
/// SKILL.md's, else the folder's) and checks it is a valid skill name.
fn finish(
    folder_name: String,
    origin: String,
    mut files: Vec<(String, Vec<u8>)>,
    templates: &Templates,
) -> Result<SkillFiles, InstallError> {
    let spec_text = files.iter().find(|(p, _)| p == SPEC_FILE).map(|(_, b)| String::from_utf8_lossy(b).into_owned());
    let name = if let Some(text) = spec_text {
        let source_name = format!("{origin} ({SPEC_FILE})");
        let spec = parse_spec(&text, &source_name, templates).map_err(InstallError::Spec)?;
        let rendered = render(&spec, templates, SPEC_FILE, &text).map_err(InstallError::Render)?;
        files.retain(|(p, _)| p != "SKILL.md");
        files.push(("SKILL.md".to_string(), rendered.into_bytes()));
        files.sort();
        spec.name().to_string()
    } else {
        let Some((_, bytes)) = files.iter().find(|(p, _)| p == "SKILL.md") else {
            return Err(InstallError::Path {
                path: PathBuf::from(&origin),
                message: format!("has no {SPEC_FILE} and no SKILL.md"),
            });
        };
        let skill = Skill::parse("SKILL.md", bytes.clone());
        skill.frontmatter.name().map(|n| n.value.to_string()).unwrap_or(folder_name)
    };
    check_name(&name)?;
    Ok(SkillFiles { name, origin, files })
}

/// A skill name must be one valid folder name: no separators, no `..`, nothing absolute.
pub fn check_name(name: &str) -> Result<(), InstallError> {
    let bad = |message: String| Err(InstallError::BadName { name: name.to_string(), message });
    let mut components = Path::new(name).components();
    let single = matches!((components.next(), components.next()), (Some(Component::Normal(_)), None));
    if !single || name.contains(['/', '\\']) {
        return bad("it would leave the skills folder; a name is one folder name".to_string());
    }
    let problems = name_problems(name);
    if name.trim().is_empty() {
        return bad("it is empty".to_string());
    }
    if !problems.is_empty() {
        let hint = suggest_name(name).map(|better| format!("; try `{better}`")).unwrap_or_default();
        return bad(format!("{}{hint}", problems.join("; it ")));
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>, InstallError> {
    crate::fsio::read_bounded(path, crate::fsio::MAX_INPUT_BYTES)
        .map_err(|err| InstallError::Path { path: path.to_path_buf(), message: format!("cannot read: {err}") })
}

/// Every regular file under `dir`, hidden ones skipped; a symbolic link is refused (it
/// could point anywhere).
fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), InstallError> {
    let entries = std::fs::read_dir(dir).map_err(|err| InstallError::Path {
        path: dir.to_path_buf(),
        message: format!("cannot read the folder: {err}"),
    })?;
    for entry in entries {
        let entry = entry.map_err(|err| InstallError::Path { path: dir.to_path_buf(), message: err.to_string() })?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind =
            entry.file_type().map_err(|err| InstallError::Path { path: path.clone(), message: err.to_string() })?;
        if kind.is_symlink() {
            return Err(InstallError::Path {
                path,
                message: "is a symbolic link; install copies regular files only".to_string(),
            });
        } else if kind.is_dir() {
            collect(base, &path, files)?;
        } else {
            let relative = path.strip_prefix(base).expect("under base");
            let parts: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            files.push((parts.join("/"), read(&path)?));
        }
    }
    Ok(())
}

/// Plans installing `skill` into `repo`: every file under `repo/.claude/skills/<name>/`.
pub fn plan_install(skill: &SkillFiles, repo: &Path) -> Result<Vec<Planned>, InstallError> {
    if !repo.is_dir() {
        return Err(InstallError::Path { path: repo.to_path_buf(), message: "is not a folder".to_string() });
    }
    check_name(&skill.name)?;
    let folder = repo.join(SKILLS_DIR).join(&skill.name);
    let mut targets = Vec::with_capacity(skill.files.len());
    for (relative, bytes) in &skill.files {
        let relative_path = Path::new(relative);
        if !relative_path.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(InstallError::Path {
                path: folder.join(relative_path),
                message: "would leave the skill's folder".to_string(),
            });
        }
        targets.push((folder.join(relative_path), bytes.clone()));
    }
    Ok(plan_within(repo, targets)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_the_folder_are_refused() {
        for name in ["../x", "a/b", "/abs", "..", ".", "", "a\\b", "Bad_Name"] {
            assert!(check_name(name).is_err(), "{name}");
        }
        assert!(check_name("good-name").is_ok());
    }
}
