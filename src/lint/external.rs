//! Findings about files that are not skills (plugin manifests, `.skill` packages). They are
//! reported as rules of the registry, so selection, levels and `explain` work as for any rule,
//! and are located in the file's text when it has one.

use std::path::{Path, PathBuf};

use crate::skill::{LineCol, Skill, Span};

use super::finding::{FileResult, Finding, Location, Snippet, locate_span};
use super::registry::find;
use super::rule::RuleMeta;
use super::settings::Settings;

/// Collects the findings of one non-skill file.
pub struct FileFindings<'a> {
    settings: &'a Settings,
    path: PathBuf,
    text: Option<Skill>,
    findings: Vec<Finding>,
}

impl<'a> FileFindings<'a> {
    /// Findings for the file at `path`, located in `text` when given (the file's bytes).
    pub fn new(settings: &'a Settings, path: &Path, text: Option<Vec<u8>>) -> Self {
        let text = text.map(|bytes| Skill::parse(path.to_path_buf(), bytes));
        FileFindings { settings, path: path.to_path_buf(), text, findings: Vec::new() }
    }

    /// True when `rule` runs in these settings.
    pub fn enabled(&self, rule: &'static RuleMeta) -> bool {
        find(rule.code).and_then(|i| self.settings.level(i).severity()).is_some()
    }

    /// Reports a finding of `rule` at `span` (of the file's text; line 1 without one), if the
    /// rule runs.
    pub fn report(&mut self, rule: &'static RuleMeta, span: Span, message: impl Into<String>, help: Option<&str>) {
        let Some(severity) = find(rule.code).and_then(|i| self.settings.level(i).severity()) else {
            return;
        };
        let location = match &self.text {
            Some(skill) => locate_span(skill, clamp(span, skill.text().len())),
            None => line_one(),
        };
        let help = help.map(str::to_string);
        self.findings.push(Finding {
            rule,
            severity,
            message: message.into(),
            help,
            location,
            fix: None,
            origin: None,
        });
    }

    /// The byte offset of 1-based `line` and `column` (in characters) in the text.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(skill) = &self.text else { return 0 };
        let text = skill.text();
        let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
        let rest = &text[start.min(text.len())..];
        start + rest.char_indices().nth(column.saturating_sub(1)).map_or(rest.len(), |(i, _)| i)
    }

    /// The 1-based line of byte `offset` of the text (1 without a text).
    pub fn line_of(&self, offset: usize) -> u32 {
        self.text.as_ref().map_or(1, |skill| skill.line_col(offset).line)
    }

    /// The collected findings as the file's result.
    pub fn into_result(self) -> FileResult {
        let mut result = FileResult { path: self.path, findings: self.findings, placement: None };
        result.sort();
        result
    }
}

fn clamp(span: Span, len: usize) -> Span {
    let end = (span.end as usize).min(len) as u32;
    Span { start: span.start.min(end), end }
}

/// Line 1, column 1, no snippet: where findings about a file as a whole go.
pub fn line_one() -> Location {
    let start = LineCol { line: 1, column: 1 };
    Location {
        span: Span::empty(0),
        start,
        end: start,
        snippet: Snippet { line: 1, text: String::new(), start: 0, end: 0 },
    }
}
