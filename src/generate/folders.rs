//! Skill folders named as a folder of skills: the commands that work from specs (`render`,
//! `test`) accept `.claude/skills/` or `.claude/skills/*/` in a repository that mixes
//! rendered and hand-written skills, running each spec and skipping, with a note, each skill
//! that has no spec.

use std::path::{Path, PathBuf};

use super::load::SPEC_FILE;

/// Folders deeper than this below a named folder are not searched.
const MAX_DEPTH: usize = 8;

/// What a path given to a spec command stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecTarget {
    /// A spec, a folder holding one, or anything that is not a folder (left to the command).
    Spec(PathBuf),
    /// A skill folder (a SKILL.md) without a spec: written by hand, skipped.
    HandWritten(PathBuf),
}

/// Folders never searched: version control and build output.
const SKIPPED: &[&str] = &[".git", ".hg", ".svn", "node_modules", "target"];

/// Expands `path`: itself when it is a spec, a folder holding one, or not a folder; a
/// SKILL.md stands for its folder (as pre-commit passes it); a skill folder without a spec is
/// [`SpecTarget::HandWritten`]; any other folder is searched for the skill folders below it
/// (version control and build folders skipped), in path order. A folder holding no skill at
/// all gives nothing.
pub fn expand(path: &Path) -> Vec<SpecTarget> {
    let is_skill_md = path.file_name().is_some_and(|n| n.eq_ignore_ascii_case("SKILL.md"));
    if is_skill_md && path.is_file() {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        return vec![if dir.join(SPEC_FILE).is_file() {
            SpecTarget::Spec(dir.to_path_buf())
        } else {
            SpecTarget::HandWritten(dir.to_path_buf())
        }];
    }
    if !path.is_dir() || path.join(SPEC_FILE).is_file() {
        return vec![SpecTarget::Spec(path.to_path_buf())];
    }
    let mut found = Vec::new();
    search(path, 0, &mut found);
    found
}

fn search(dir: &Path, depth: usize, found: &mut Vec<SpecTarget>) {
    if dir.join(SPEC_FILE).is_file() {
        found.push(SpecTarget::Spec(dir.to_path_buf()));
        return;
    }
    if dir.join("SKILL.md").is_file() {
        found.push(SpecTarget::HandWritten(dir.to_path_buf()));
        return;
    }
    if depth >= MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut children: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !SKIPPED.iter().any(|skip| e.file_name() == *skip))
        .map(|e| e.path())
        .collect();
    children.sort();
    for child in children {
        search(&child, depth + 1, found);
    }
}

/// The note printed for a skipped hand-written skill.
pub fn skipped_note(dir: &Path) -> String {
    format!("note: skipped {}: no {SPEC_FILE} (a hand-written skill)", dir.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_skills_gives_its_specs_and_hand_written_skills() {
        let root = tempfile::tempdir().unwrap();
        let made = |rel: &str, file: &str| {
            std::fs::create_dir_all(root.path().join(rel)).unwrap();
            std::fs::write(root.path().join(rel).join(file), "x").unwrap();
        };
        made("skills/b-rendered", SPEC_FILE);
        made("skills/b-rendered/scenarios", "s.yaml");
        made("skills/a-hand", "SKILL.md");
        made("skills/.git", SPEC_FILE);
        let skills = root.path().join("skills");
        assert_eq!(
            expand(&skills),
            vec![SpecTarget::HandWritten(skills.join("a-hand")), SpecTarget::Spec(skills.join("b-rendered"))]
        );
        assert_eq!(expand(&skills.join("a-hand")), vec![SpecTarget::HandWritten(skills.join("a-hand"))]);
        assert_eq!(expand(&skills.join("b-rendered")), vec![SpecTarget::Spec(skills.join("b-rendered"))]);
        assert_eq!(expand(&skills.join("none")), vec![SpecTarget::Spec(skills.join("none"))]);
        assert_eq!(expand(&skills.join("b-rendered/scenarios")), vec![]);
        assert_eq!(expand(&skills.join("a-hand/SKILL.md")), vec![SpecTarget::HandWritten(skills.join("a-hand"))]);
    }
}
