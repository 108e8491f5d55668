//! Findings in a SKILL.md rendered from a spec, sent back to the spec: the stamp names the
//! spec, [`SpecMap`] names the field that wrote the text, and each finding gets that field's
//! place as its [`SpecOrigin`]. Reporters show it beside the SKILL.md location.

use std::path::PathBuf;

use crate::generate::origin::{SpecField, SpecMap};
use crate::generate::stamp::{self, Stamp};
use crate::skill::Skill;

use super::finding::{Finding, Snippet, SpecOrigin};
use super::fs::FileSystem;
use super::references::skill_dir;

/// What to write in the spec instead of the SKILL.md, for the rules whose help speaks of
/// the Markdown: by rule name, the help a finding in a rendered file gets instead.
const SPEC_HELP: &[(&str, &str)] = &[
    ("placeholder", "write the real content in the spec field named above, or delete it, then render"),
    ("missing-when-to-use", "fill `when-to-use` in the spec (a list of situations), then render"),
    ("missing-scope", "fill `do-not-use` in the spec (what the skill does not cover, and what does), then render"),
    (
        "missing-decision-table",
        "add a table under `selections` in the spec (rows with `when` and `cells`), then render",
    ),
    ("missing-decision-flow", "fill `flow` in the spec (the ordered steps of the decision), then render"),
    ("missing-trade-offs", "fill `trade-offs` in the spec (`options` with `choice`, `gains`, `costs`), then render"),
    ("missing-red-flags", "fill `red-flags` in the spec (each with `signal`, `why` and `instead`), then render"),
    ("red-flag-without-alternative", "give the red flag an `instead` in the spec, then render"),
    ("missing-green-lights", "fill `green-lights` in the spec (each with `signal` and `meaning`), then render"),
    ("missing-examples", "fill `examples` in the spec (worked examples with their outcomes), then render"),
    ("too-few-test-cases", "add `test-cases` in the spec (with `expect`, so `skillsmith test` runs them), then render"),
];

/// Specs larger than this are not read.
pub const MAX_SPEC_BYTES: u64 = crate::fsio::MAX_INPUT_BYTES;

/// The spec a stamped SKILL.md was rendered from, when it lies beside it: the stamp, the
/// spec's path and its text.
pub fn rendered_from(skill: &Skill, fs: &dyn FileSystem) -> Option<(Stamp, PathBuf, String)> {
    let stamp = stamp::read(skill.text())?;
    // The stamp names a file beside SKILL.md; anything else is not followed.
    let name = std::path::Path::new(&stamp.spec_file);
    if name.file_name() != Some(name.as_os_str()) {
        return None;
    }
    let path = skill_dir(skill).join(name);
    let text = fs.read_text(&path, MAX_SPEC_BYTES)?;
    Some((stamp, path, text))
}

/// Gives each finding of `skill` (a rendered SKILL.md) the spec field that wrote its text,
/// and to the findings whose help speaks of the Markdown, help that speaks of the spec.
/// Does nothing for a file without a stamp or whose spec is not beside it.
pub fn attach(skill: &Skill, fs: &dyn FileSystem, findings: &mut [Finding]) {
    if findings.is_empty() {
        return;
    }
    let Some((_, path, spec_text)) = rendered_from(skill, fs) else { return };
    let map = SpecMap::build(&spec_text, skill.text());
    for finding in findings {
        let span = &finding.location.span;
        if let Some(field) = map.lookup(span.start as usize..span.end as usize) {
            finding.origin = Some(origin(&path, &spec_text, &field));
            if let Some((_, help)) = SPEC_HELP.iter().find(|(name, _)| *name == finding.rule.name) {
                finding.help = Some((*help).to_string());
            }
        }
    }
}

fn origin(path: &std::path::Path, text: &str, field: &SpecField) -> SpecOrigin {
    let lines = crate::skill::LineIndex::new(text);
    let start = lines.line_col(text, field.span.start);
    let end = lines.line_col(text, field.span.end);
    let line_start = text[..field.span.start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[field.span.start..].find('\n').map_or(text.len(), |at| field.span.start + at);
    let line = &text[line_start..line_end];
    let snippet = Snippet {
        line: start.line,
        text: line.to_string(),
        start: field.span.start - line_start,
        end: field.span.end.min(line_end) - line_start,
    };
    let shown = path.strip_prefix(".").unwrap_or(path).to_path_buf();
    let message = if field.field == "template" {
        format!(
            "the template named in {} wrote this text: fill the spec or use another template, then run `skillsmith render`",
            shown.display()
        )
    } else {
        format!("written from `{}` in {}: edit the spec, then run `skillsmith render`", field.field, shown.display())
    };
    SpecOrigin { path: shown, field: field.field.clone(), start, end, snippet, message }
}

#[cfg(test)]
mod tests {
    use super::SPEC_HELP;

    #[test]
    fn spec_help_names_registered_rules() {
        for (name, help) in SPEC_HELP {
            assert!(crate::lint::rules().iter().any(|r| r.meta().name == *name), "no rule `{name}`");
            assert!(help.contains("spec"), "{name}: {help}");
        }
    }
}
