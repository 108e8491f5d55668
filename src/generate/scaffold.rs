//! What `skillsmith new` writes: a spec started from the template's scaffold (every text a
//! marked `[TODO: ...]` placeholder, so the skill fails lint until it is written) and the
//! SKILL.md it renders to.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crate::yaml;

use super::install::check_name;
use super::load::{LoadError, SPEC_FILE, parse_spec};
use super::render::{RenderError, normalize_markdown, render};
use super::templates::{SCAFFOLDS, Templates};
use crate::kinds::{Kind, section_body};

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
    let skill_md = render(&spec, templates, SPEC_FILE, &text).map_err(ScaffoldError::Render)?;
    Ok(vec![(SPEC_FILE.to_string(), text.into_bytes()), ("SKILL.md".to_string(), skill_md.into_bytes())])
}

/// What `templates/kind.md.j2` is given.
#[derive(serde::Serialize)]
struct KindContext<'a> {
    name: &'a str,
    title: String,
    kind: &'a str,
    doc: Option<&'a str>,
    sections: Vec<SectionContext<'a>>,
}

/// One section in [`KindContext`].
#[derive(serde::Serialize)]
struct SectionContext<'a> {
    title: &'a str,
    body: String,
}

/// The frontmatter of a skill of a kind: name, description, and the kind in `metadata`.
#[derive(serde::Serialize)]
struct KindFrontmatter<'a> {
    name: &'a str,
    description: &'a str,
    metadata: BTreeMap<&'a str, &'a str>,
}

/// The `SKILL.md` (relative to the skill's folder) of a new skill `name` of `kind`: its
/// `metadata.kind` set, and exactly the kind's sections, laid out by the `kind` template,
/// each a `[TODO: ...]` placeholder shaped as the section's constraints ask.
pub fn scaffold_kind(
    name: &str,
    kind: &Kind,
    description: Option<&str>,
    templates: &Templates,
) -> Result<Vec<(String, Vec<u8>)>, ScaffoldError> {
    check_name(name).map_err(|err| ScaffoldError::BadName(err.to_string()))?;
    let mut title = name.replace('-', " ");
    if let Some(first) = title.get(..1) {
        title = format!("{}{}", first.to_uppercase(), &title[1..]);
    }
    let context = KindContext {
        name,
        title,
        kind: &kind.name,
        doc: kind.doc.as_deref(),
        sections: kind.sections.iter().map(|s| SectionContext { title: &s.title, body: section_body(s) }).collect(),
    };
    let body = templates.render_kind(&context).map_err(|err| ScaffoldError::Render(RenderError::Template(err)))?;
    let frontmatter = KindFrontmatter {
        name,
        description: description.unwrap_or(DESCRIPTION_PLACEHOLDER),
        metadata: BTreeMap::from([("kind", kind.name.as_str())]),
    };
    let frontmatter = yaml::to_string(&frontmatter).map_err(|err| ScaffoldError::Render(RenderError::Yaml(err)))?;
    let text = format!("---\n{frontmatter}---\n\n{}", normalize_markdown(&body));
    Ok(vec![("SKILL.md".to_string(), text.into_bytes())])
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
    fn a_scaffold_of_a_kind_has_exactly_its_sections_meeting_their_constraints() {
        use crate::kinds::{Kinds, SectionCheck, locate};
        let templates = Templates::builtin();
        for kind in Kinds::builtin().iter() {
            let files = scaffold_kind("my-skill", kind, None, &templates).unwrap();
            let skill = crate::Skill::parse("my-skill/SKILL.md", files[0].1.clone());
            assert_eq!(skill.frontmatter.kind(), Some(kind.name.as_str()));
            let titles: Vec<&str> = skill.body.sections.iter().skip(1).map(|s| s.title.as_str()).collect();
            let expected: Vec<&str> = kind.sections.iter().map(|s| s.title.as_str()).collect();
            assert_eq!(titles, expected, "{}: the title, then exactly the kind's sections", kind.name);
            for found in locate(&skill, kind) {
                let check = SectionCheck::new(&skill, found.at.unwrap());
                if let Some(holds) = found.required.holds {
                    assert!(check.holds(holds), "{}: {}", kind.name, found.required.title);
                }
                if let Some(min) = found.required.min_items {
                    assert!(check.count(found.required.holds) >= min, "{}: {}", kind.name, found.required.title);
                }
            }
        }
    }

    #[test]
    fn the_procedural_and_decision_templates_meet_their_kinds() {
        use crate::lint::{RealFs, Settings, Target, check_skill};
        let templates = Templates::builtin();
        for template in ["procedural", "decision"] {
            let files = scaffold("my-skill", template, None, &templates).unwrap();
            let skill = crate::Skill::parse("my-skill/SKILL.md", files[1].1.clone());
            let mut settings = Settings::new(Target::ClaudeCode);
            settings.assigned_kind =
                Some(crate::kinds::AssignedKind { name: template.to_string(), from: "a test".to_string() });
            let findings: Vec<String> = check_skill(&skill, &settings, &RealFs)
                .into_iter()
                .filter(|d| d.rule.group.as_str() == "sections")
                .map(|d| format!("{}: {}", d.rule.code, d.message))
                .collect();
            assert!(findings.is_empty(), "{template}: {findings:?}");
            let kind = settings.kinds.get(template).unwrap();
            for found in crate::kinds::locate(&skill, kind) {
                assert!(found.at.is_some(), "{template}: no heading for {}", found.required.title);
            }
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
