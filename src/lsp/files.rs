//! What kind of file a document is, and the problems the library finds in the files that are
//! not SKILL.md: a spec (`skill.yaml`), a scenario, a use case, a config. Each problem keeps
//! the line and column the library gave it.

use std::path::{Path, PathBuf};

use crate::decide::scenario::read_scenario;
use crate::decide::use_case::read_use_case;
use crate::discover::{CONFIG_FILE_NAMES, is_skill_file_name};
use crate::generate::load::{LoadError, SPEC_FILE, parse_spec};
use crate::generate::spec::Spec;
use crate::generate::templates::Templates;
use crate::lint::Severity;

/// What a document is, by its path (and, for a use case, its first lines).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// A SKILL.md.
    Skill,
    /// A skill's spec, `skill.yaml` or `skill.yml`.
    Spec,
    /// A scenario: YAML under a `scenarios/` folder of a skill with a spec.
    Scenario,
    /// A use case: YAML whose first comment names its decision skill, as `skillsmith new
    /// --template use-case` writes it.
    UseCase,
    /// `skillsmith.toml` or `.skillsmith.toml`.
    Config,
    /// Anything else: not checked.
    Other,
}

/// The kind of the document at `path` whose text is `text`.
pub fn kind_of(path: &Path, text: &str) -> DocKind {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    if is_skill_file_name(&name) {
        return DocKind::Skill;
    }
    if name == SPEC_FILE || name == "skill.yml" {
        return DocKind::Spec;
    }
    if CONFIG_FILE_NAMES.contains(&name.as_ref()) {
        return DocKind::Config;
    }
    let yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
    if yaml && scenario_spec(path).is_some() {
        return DocKind::Scenario;
    }
    if yaml && use_case_skill(text).is_some() {
        return DocKind::UseCase;
    }
    DocKind::Other
}

/// One problem in a data file: a 1-based line and column, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    /// 1-based line (0 when the library does not know: shown on line 1).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// Error for a file that cannot be used, info for a note about what was not checked.
    pub severity: Severity,
}

impl FileProblem {
    fn error(line: usize, column: usize, message: impl Into<String>) -> FileProblem {
        FileProblem { line, column, message: message.into(), severity: Severity::Error }
    }

    fn note(message: impl Into<String>) -> FileProblem {
        FileProblem { line: 1, column: 1, message: message.into(), severity: Severity::Info }
    }
}

/// Reads the spec text `text` of the file `path` and returns it, or every problem in it.
pub fn check_spec(path: &Path, text: &str) -> Result<Spec, Vec<FileProblem>> {
    // A skill's own templates folder is a `render --templates` choice the server cannot know.
    let templates = Templates::builtin();
    parse_spec(text, &path.display().to_string(), &templates).map_err(|err| match err {
        LoadError::Yaml(err) => vec![FileProblem::error(err.line, err.column, err.message)],
        LoadError::Invalid { errors, .. } => errors
            .into_iter()
            .map(|e| {
                let message = match e.help {
                    Some(help) => format!("{}\nhelp: {help}", e.message),
                    None => e.message,
                };
                FileProblem::error(e.line, e.column, message)
            })
            .collect(),
        LoadError::Read { source, .. } => vec![FileProblem::error(1, 1, source.to_string())],
    })
}

/// The problems of a config file's text.
pub fn check_config(path: &Path, text: &str) -> Vec<FileProblem> {
    match crate::config::parse(path, text) {
        Ok(_) => Vec::new(),
        Err(err) => err.problems.into_iter().map(|p| FileProblem::error(p.line, p.column, p.message)).collect(),
    }
}

/// The problems of a scenario's text, read against the spec of its skill (`open_spec`: the
/// editor's text of that spec when it is open).
pub fn check_scenario(path: &Path, text: &str, open_spec: Option<&str>) -> Vec<FileProblem> {
    let Some(spec_file) = scenario_spec(path) else { return Vec::new() };
    let spec = match load(&spec_file, open_spec) {
        Ok(spec) => spec,
        Err(note) => return vec![note],
    };
    let label = path.display().to_string();
    match read_scenario(text, &label, &spec) {
        Ok(_) => Vec::new(),
        Err(unreadable) => unreadable.problems.iter().map(|p| located(&label, p)).collect(),
    }
}

/// The problems of a use case's text, read against the skill its first comment names
/// (a folder beside it or in `roots`, or a shipped skill).
pub fn check_use_case(path: &Path, text: &str, roots: &[PathBuf]) -> Vec<FileProblem> {
    let Some(skill) = use_case_skill(text) else { return Vec::new() };
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut places = vec![folder.join(&skill)];
    places.extend(roots.iter().map(|r| r.join(&skill)));
    let spec = match places.into_iter().map(|p| p.join(SPEC_FILE)).find(|p| p.is_file()) {
        Some(spec_file) => load(&spec_file, None),
        None => match crate::generate::shipped::find(&skill).and_then(|s| s.file(SPEC_FILE)) {
            Some(bytes) => load_text(&PathBuf::from(&skill).join(SPEC_FILE), &String::from_utf8_lossy(bytes)),
            None => {
                return vec![FileProblem::note(format!(
                    "the decision skill `{skill}` named in the first comment was not found; the use case is not checked"
                ))];
            }
        },
    };
    match spec {
        Ok(spec) => match read_use_case(text, &spec) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| FileProblem::error(e.line, e.column, e.message)).collect(),
        },
        Err(note) => vec![note],
    }
}

/// The spec a scenario at `path` belongs to: `skill.yaml` of the folder holding the nearest
/// `scenarios` folder above it.
fn scenario_spec(path: &Path) -> Option<PathBuf> {
    let scenarios = path.ancestors().skip(1).find(|dir| dir.file_name().is_some_and(|n| n == "scenarios"))?;
    let spec = scenarios.parent()?.join(SPEC_FILE);
    spec.is_file().then_some(spec)
}

/// The decision skill a use case names in its first comment, as `skillsmith new --template
/// use-case` writes it: `#   skillsmith evaluate SKILL --use-case FILE`.
fn use_case_skill(text: &str) -> Option<String> {
    let head: Vec<&str> = text.lines().take(3).collect();
    if !head.first()?.starts_with("# A use case for the decision skill") {
        return None;
    }
    let command = head.iter().find_map(|l| l.trim_start_matches(['#', ' ']).strip_prefix("skillsmith evaluate "))?;
    command.split_whitespace().next().map(str::to_string)
}

/// The spec at `spec_file` (its editor text when given), or a note that it does not load.
fn load(spec_file: &Path, open_text: Option<&str>) -> Result<Spec, FileProblem> {
    match open_text {
        Some(text) => load_text(spec_file, text),
        None => match std::fs::read_to_string(spec_file) {
            Ok(text) => load_text(spec_file, &text),
            Err(err) => Err(FileProblem::note(format!("cannot read the skill's spec {}: {err}", spec_file.display()))),
        },
    }
}

fn load_text(spec_file: &Path, text: &str) -> Result<Spec, FileProblem> {
    check_spec(spec_file, text).map_err(|problems| {
        FileProblem::note(format!(
            "the skill's spec {} has {} problem(s); fix it first, then this file is checked",
            spec_file.display(),
            problems.len()
        ))
    })
}

/// A problem given as `LABEL:LINE:COLUMN: message`, as the scenario reader writes them.
fn located(label: &str, problem: &str) -> FileProblem {
    let rest = problem.strip_prefix(label).and_then(|r| r.strip_prefix(':')).unwrap_or(problem);
    let mut parts = rest.splitn(3, ':');
    let line = parts.next().and_then(|l| l.trim().parse().ok());
    let column = parts.next().and_then(|c| c.trim().parse().ok());
    match (line, column, parts.next()) {
        (Some(line), Some(column), Some(message)) => FileProblem::error(line, column, message.trim()),
        _ => FileProblem::error(1, 1, problem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name_and_first_comment() {
        assert_eq!(kind_of(Path::new("/x/a/SKILL.md"), ""), DocKind::Skill);
        assert_eq!(kind_of(Path::new("/x/a/skill.yaml"), ""), DocKind::Spec);
        assert_eq!(kind_of(Path::new("/x/skillsmith.toml"), ""), DocKind::Config);
        assert_eq!(kind_of(Path::new("/x/notes.md"), ""), DocKind::Other);
        let use_case = "# A use case for the decision skill `d`. Fill in every field, then run:\n#   skillsmith evaluate d --use-case c.yaml\n";
        assert_eq!(kind_of(Path::new("/x/c.yaml"), use_case), DocKind::UseCase);
        assert_eq!(use_case_skill(use_case).as_deref(), Some("d"));
    }

    #[test]
    fn scenario_problems_keep_their_place() {
        let p = located("s.yaml", "s.yaml:3:5: unknown fact `x`");
        assert_eq!((p.line, p.column, p.message.as_str()), (3, 5, "unknown fact `x`"));
        assert_eq!(located("s.yaml", "garbled").line, 1);
    }

    #[test]
    fn spec_problems_are_located() {
        let problems = check_spec(Path::new("skill.yaml"), "spec-version: 1\ntemplate: nope\nname: x\n").unwrap_err();
        assert_eq!(problems[0].line, 3, "{problems:?}");
        assert!(problems[0].message.contains("unknown field `name`"), "{problems:?}");
    }
}
