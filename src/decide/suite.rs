//! A skill's scenarios gathered and run: the skill from a folder (its `skill.yaml` and the
//! YAML files under `scenarios/`) or from the skills shipped with skillsmith, by name.

use std::path::{Path, PathBuf};

use crate::generate::load::{LoadError, SPEC_FILE, parse_spec, spec_path};
use crate::generate::shipped;
use crate::generate::spec::Spec;
use crate::generate::templates::Templates;

use super::engine::Logic;
use super::scenario::{ScenarioResult, read_scenario, run, test_cases};

/// The folder of scenario files inside a skill's folder.
pub const SCENARIOS_DIR: &str = "scenarios";

/// Most scenario files read from one skill.
pub const MAX_SCENARIO_FILES: usize = 10_000;

/// A skill's spec and scenario files, from disk or shipped.
#[derive(Clone, Debug)]
pub struct SkillSource {
    /// How the skill is shown (`skills/llmops-decision-framework`).
    pub shown: String,
    /// The spec's name in messages (`skills/x/skill.yaml`).
    pub spec_name: String,
    /// The spec's text.
    pub spec_text: String,
    /// Each scenario file: its path relative to the skill's folder (`scenarios/a.yaml`,
    /// with `/`), and its text or why it could not be read.
    pub scenario_files: Vec<(String, Result<String, String>)>,
}

/// A skill's results.
#[derive(Clone, Debug)]
pub struct SkillResults {
    /// How the skill is shown.
    pub shown: String,
    /// Each scenario's result: the spec's test cases first, then the files in path order.
    pub results: Vec<ScenarioResult>,
}

/// The skill folder a scenario file belongs to: the folder above the `scenarios` folder
/// holding it, when that folder has a spec.
pub fn skill_of_scenario(file: &Path) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .filter(|a| a.file_name().is_some_and(|n| n == SCENARIOS_DIR))
        .filter_map(Path::parent)
        .find(|skill| skill.join(SPEC_FILE).is_file())
        .map(Path::to_path_buf)
}

/// Opens the skill `given`: a skill folder, its spec, or one of its scenario files, else the
/// name of a shipped skill. The message says what was looked for.
pub fn open(given: &str) -> Result<SkillSource, String> {
    let path = Path::new(given);
    if path.exists() {
        // A scenario file's skill is found from its absolute path, so that `a.yaml` given
        // inside the scenarios folder (or `scenarios/a.yaml` inside the skill) works.
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let in_scenarios = absolute.ancestors().skip(1).any(|a| a.file_name().is_some_and(|n| n == SCENARIOS_DIR));
        let path = match (path.is_file(), skill_of_scenario(&absolute)) {
            (true, Some(skill)) => relative_to_current(&skill),
            (true, None) if in_scenarios => {
                return Err(format!(
                    "{given} is in a `{SCENARIOS_DIR}` folder, but no {SPEC_FILE} is beside that folder"
                ));
            }
            _ => path.to_path_buf(),
        };
        let path = path.as_path();
        let spec = spec_path(path);
        let dir =
            spec.parent().filter(|d| !d.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let spec_text = crate::fsio::read_text_bounded(&spec, crate::fsio::MAX_INPUT_BYTES).map_err(|err| {
            if path.is_dir() && !spec.exists() {
                format!("{} has no {SPEC_FILE}: a decision skill's logic must be in a spec to be run", path.display())
            } else {
                format!("cannot read {}: {err}", spec.display())
            }
        })?;
        let mut files = Vec::new();
        collect(&dir.join(SCENARIOS_DIR), &mut files);
        files.sort();
        let scenario_files = files
            .into_iter()
            .map(|file| {
                let relative = relative_label(&dir, &file);
                let text = crate::fsio::read_text_bounded(&file, crate::fsio::MAX_INPUT_BYTES)
                    .map_err(|err| format!("{relative}: cannot read: {err}"));
                (relative, text)
            })
            .collect();
        let shown = dir.display().to_string();
        return Ok(SkillSource { shown, spec_name: spec.display().to_string(), spec_text, scenario_files });
    }
    let Some(skill) = shipped::find(given) else {
        let names: Vec<&str> = shipped::all().iter().map(|s| s.name).collect();
        return Err(format!("`{given}` is neither a skill folder nor a shipped skill (shipped: {})", names.join(", ")));
    };
    let Some(spec) = skill.file(SPEC_FILE) else {
        return Err(format!("the shipped skill {given} has no {SPEC_FILE}"));
    };
    let prefix = format!("{SCENARIOS_DIR}/");
    let scenario_files = skill
        .files
        .iter()
        .filter(|(p, _)| p.starts_with(&prefix) && is_scenario_file(Path::new(p)))
        .map(|(p, bytes)| (p.to_string(), String::from_utf8(bytes.to_vec()).map_err(|_| format!("{p}: not UTF-8"))))
        .collect();
    Ok(SkillSource {
        shown: format!("{given} (shipped)"),
        spec_name: format!("{given}/{SPEC_FILE}"),
        spec_text: String::from_utf8_lossy(spec).into_owned(),
        scenario_files,
    })
}

impl SkillSource {
    /// The spec, read and validated.
    pub fn spec(&self, templates: &Templates) -> Result<Spec, LoadError> {
        parse_spec(&self.spec_text, &self.spec_name, templates)
    }

    /// Runs every scenario against `spec` (this source's, or a variant of it).
    pub fn run(&self, spec: &Spec) -> Result<SkillResults, String> {
        let logic = Logic::new(spec)?;
        let mut results: Vec<ScenarioResult> =
            test_cases(spec, SPEC_FILE).iter().map(|scenario| run(&logic, scenario)).collect();
        for (label, text) in &self.scenario_files {
            let result = match text {
                Err(message) => ScenarioResult::broken(label, String::new(), vec![message.clone()]),
                Ok(text) => match read_scenario(text, label, spec) {
                    Ok(scenario) => run(&logic, &scenario),
                    Err(unreadable) => ScenarioResult::broken(label, unreadable.title, unreadable.problems),
                },
            };
            results.push(result);
        }
        Ok(SkillResults { shown: self.shown.clone(), results })
    }
}

fn is_scenario_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    !name.starts_with('.') && (name.ends_with(".yaml") || name.ends_with(".yml"))
}

/// Scenario files under `dir`, at any depth (hidden entries skipped, links not followed).
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if files.len() >= MAX_SCENARIO_FILES {
            return;
        }
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        match entry.file_type() {
            Ok(kind) if kind.is_dir() && !hidden => collect(&path, files),
            // Not only regular files: a FIFO named like a scenario is refused by name when read.
            Ok(kind) if !kind.is_dir() && is_scenario_file(&path) => files.push(path),
            _ => {}
        }
    }
}

/// `path` relative to the current folder when it is inside it (`.` for the folder itself).
fn relative_to_current(path: &Path) -> PathBuf {
    let current = std::env::current_dir().ok().and_then(|c| std::fs::canonicalize(c).ok());
    match current.as_deref().and_then(|c| path.strip_prefix(c).ok()) {
        Some(relative) if relative.as_os_str().is_empty() => PathBuf::from("."),
        Some(relative) => relative.to_path_buf(),
        None => path.to_path_buf(),
    }
}

fn relative_label(dir: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(dir).unwrap_or(file);
    relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}
