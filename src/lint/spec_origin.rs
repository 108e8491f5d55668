//! Findings in a SKILL.md rendered from a spec, sent back to the spec: the stamp names the
//! spec, [`SpecMap`] names the field that wrote the text, and each finding gets that field's
//! place as its [`SpecOrigin`]. Reporters show it beside the SKILL.md location.

use std::path::PathBuf;

use crate::generate::origin::{SpecField, SpecMap};
use crate::generate::stamp::{self, Stamp};
use crate::skill::{LineCol, Skill};

use super::finding::{Finding, Snippet, SpecOrigin};
use super::fs::FileSystem;
use super::references::skill_dir;

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

/// Gives each finding of `skill` (a rendered SKILL.md) the spec field that wrote its text.
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
        }
    }
}

fn origin(path: &std::path::Path, text: &str, field: &SpecField) -> SpecOrigin {
    let start = line_col(text, field.span.start);
    let end = line_col(text, field.span.end);
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

/// 1-based line and column (in characters) of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> LineCol {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    LineCol { line: before.matches('\n').count() as u32 + 1, column: before[line_start..].chars().count() as u32 + 1 }
}
