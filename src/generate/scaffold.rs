//! What `skillsmith new` writes: a spec started from the template's scaffold (every text a
//! marked `[TODO: ...]` placeholder, so the skill fails lint until it is written) and the
//! SKILL.md it renders to.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crate::yaml;

use super::install::check_name;
use super::load::{LoadError, SPEC_FILE, parse_spec};
use super::render::{RenderError, render};
use super::templates::{SCAFFOLDS, Templates};

/// The description a scaffold gets when none is given.
pub const DESCRIPTION_PLACEHOLDER: &str = "[TODO: say what the skill does, then when to use it: Use when ...]";

/// Why a scaffold could not be made.
#[derive(Debug)]
pub enum ScaffoldError {
    /// The name is not a valid skill name or would leave the folder.
    BadName(String),
    /// No scaffold for this template.
    UnknownTemplate(String),
    /// The folder exists already.
    Exists(std::path::PathBuf),
    /// The scaffold did not load (a bug, or a description the spec refuses).
    Spec(LoadError),
    /// The scaffold did not render.
    Render(RenderError),
}

impl fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScaffoldError::BadName(message) => f.write_str(message),
            ScaffoldError::UnknownTemplate(name) => {
                let names: Vec<&str> = SCAFFOLDS.iter().map(|(n, _)| *n).collect();
                write!(f, "no scaffold for the template `{name}`; `new` knows: {}", names.join(", "))
            }
            ScaffoldError::Exists(path) => {
                write!(f, "{} already exists; choose another name or folder", path.display())
            }
            ScaffoldError::Spec(err) => err.fmt(f),
            ScaffoldError::Render(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for ScaffoldError {}

/// The files of a new skill `name` from the scaffold of `template`: `skill.yaml` and
/// `SKILL.md`, relative to the skill's folder.
pub fn scaffold(
    name: &str,
    template: &str,
    description: Option<&str>,
    templates: &Templates,
) -> Result<Vec<(String, Vec<u8>)>, ScaffoldError> {
    check_name(name).map_err(|err| ScaffoldError::BadName(err.to_string()))?;
    let Some((_, text)) = SCAFFOLDS.iter().find(|(n, _)| *n == template) else {
        return Err(ScaffoldError::UnknownTemplate(template.to_string()));
    };
    let text = set_scalar(text, "name", name);
    let text = set_scalar(&text, "description", description.unwrap_or(DESCRIPTION_PLACEHOLDER));
    let source_name = Path::new(name).join(SPEC_FILE).display().to_string();
    let spec = parse_spec(&text, &source_name, templates).map_err(ScaffoldError::Spec)?;
    let skill_md = render(&spec, templates, SPEC_FILE).map_err(ScaffoldError::Render)?;
    Ok(vec![(SPEC_FILE.to_string(), text.into_bytes()), ("SKILL.md".to_string(), skill_md.into_bytes())])
}

/// Replaces the scaffold's `  key: __KEY__` line by `key` set to `value`, written by the
/// YAML serializer (so any text, quotes and `: ` included, reads back unchanged).
fn set_scalar(text: &str, key: &str, value: &str) -> String {
    let marker = format!("  {key}: __{}__", key.to_uppercase());
    let line = yaml::to_string(&BTreeMap::from([(key, value)])).expect("a string map always serializes");
    text.replace(&marker, &format!("  {}", line.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scaffold_loads_renders_and_keeps_odd_descriptions() {
        let templates = Templates::builtin();
        for (template, _) in SCAFFOLDS {
            let description = "Drafts \"things\": a #1 tool. Use when asked.";
            let files = scaffold("my-skill", template, Some(description), &templates).unwrap();
            let skill_md = String::from_utf8(files[1].1.clone()).unwrap();
            assert!(skill_md.contains("[TODO:"), "{template}: a scaffold must hold placeholders");
            let skill = crate::Skill::parse("my-skill/SKILL.md", skill_md.into_bytes());
            assert_eq!(skill.frontmatter.description().unwrap().value, description, "{template}");
            assert_eq!(skill.frontmatter.name().unwrap().value, "my-skill");
        }
    }

    #[test]
    fn bad_names_are_refused() {
        let templates = Templates::builtin();
        for name in ["../up", "a/b", "/abs", "Caps"] {
            assert!(matches!(scaffold(name, "minimal", None, &templates), Err(ScaffoldError::BadName(_))), "{name}");
        }
    }
}
