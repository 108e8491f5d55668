//! Diagnostics located for output: line and column, the source lines they point at, and
//! their fix with positions. Once located, a finding no longer needs the file's text.

use serde::Serialize;

use crate::skill::{LineCol, Skill, Span};

use super::diagnostic::{Diagnostic, Fix, Severity};
use super::rule::RuleMeta;

/// The source lines a finding points at, cut to a window around long lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// 1-based number of the first line shown.
    pub line: u32,
    /// The lines shown (without the final line break).
    pub text: String,
    /// The bytes of `text` the finding points at.
    pub start: usize,
    /// End of those bytes.
    pub end: usize,
}

/// Where a finding is: start and end as lines and columns, and the lines to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Byte span in the file.
    pub span: Span,
    /// 1-based start.
    pub start: LineCol,
    /// 1-based end.
    pub end: LineCol,
    /// The lines to show.
    pub snippet: Snippet,
}

/// One edit of a fix, located.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LocatedEdit {
    /// Start of the replaced text.
    pub start: LineCol,
    /// End of the replaced text.
    pub end: LineCol,
    /// The new text.
    pub content: String,
}

/// A fix with its edits located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedFix {
    /// The fix as the rule made it (byte spans).
    pub fix: Fix,
    /// Its edits as lines and columns.
    pub located: Vec<LocatedEdit>,
}

/// A diagnostic ready for a reporter.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The rule.
    pub rule: &'static RuleMeta,
    /// Severity after configuration.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Where.
    pub location: Location,
    /// A fix, if the rule offers one.
    pub fix: Option<LocatedFix>,
    /// In a SKILL.md rendered from a spec: the spec field that wrote the text, to edit instead.
    pub origin: Option<SpecOrigin>,
}

/// The place in a skill's spec (`skill.yaml`) that a finding in its rendered SKILL.md came
/// from: the file to edit instead of the generated one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpecOrigin {
    /// The spec file, as shown.
    pub path: std::path::PathBuf,
    /// The field's path in the spec (`red-flags.items[2].why`); `template` for text the
    /// template wrote.
    pub field: String,
    /// 1-based start in the spec.
    pub start: LineCol,
    /// 1-based end in the spec.
    pub end: LineCol,
    /// The spec's line shown with the finding.
    pub snippet: Snippet,
    /// What to do, in one sentence naming the field and the spec.
    pub message: String,
}

/// All findings of one file.
#[derive(Clone, Debug)]
pub struct FileResult {
    /// The file as shown.
    pub path: std::path::PathBuf,
    /// Its findings, by position then code.
    pub findings: Vec<Finding>,
    /// For a skill or command file: its install unit and invocation name (`None` for files
    /// that are not skills, such as manifests and packages).
    pub placement: Option<crate::discover::Placement>,
}

/// Lines longer than this are cut to a window around the finding before they reach a
/// reporter (the text reporter trims further to the terminal's width, around the underline).
const WIDE_LINE: usize = 480;
/// At most this many lines are shown per finding.
const MAX_LINES: usize = 4;

/// Locates `span` in `skill`.
pub fn locate_span(skill: &Skill, span: Span) -> Location {
    let text = skill.text();
    let start = skill.line_col(span.start as usize);
    let end = skill.line_col(span.end as usize);
    let first = start.line as usize;
    let last = (end.line as usize).min(first + MAX_LINES - 1).max(first);
    let from = skill.line_span(first).start as usize;
    let to = skill.line_span(last).end as usize;
    let mut a = (span.start as usize).clamp(from, to);
    let mut b = (span.end as usize).clamp(a, to);
    let mut shown = &text[from..to];
    let mut offset = from;
    let too_wide = if first == last { shown.len() > WIDE_LINE } else { shown.len() > WIDE_LINE * MAX_LINES };
    if too_wide {
        // One window of the first line, centred on the span (its start when the span is
        // wider than the window).
        let line_end = (skill.line_span(first).end as usize).min(to);
        let b_in_line = b.min(line_end);
        let middle = if b_in_line - a <= WIDE_LINE / 2 { a + (b_in_line - a) / 2 } else { a + WIDE_LINE / 4 };
        let lo = crate::skill::floor_char_boundary(text, middle.saturating_sub(WIDE_LINE / 2).max(from));
        let hi = crate::skill::floor_char_boundary(text, (lo + WIDE_LINE).min(line_end)).max(lo);
        shown = &text[lo..hi];
        offset = lo;
        a = a.clamp(lo, hi);
        b = b.clamp(a, hi);
    }
    Location {
        span,
        start,
        end,
        snippet: Snippet { line: start.line, text: shown.to_string(), start: a - offset, end: b - offset },
    }
}

/// Turns a diagnostic into a finding.
pub fn locate(skill: &Skill, diagnostic: Diagnostic) -> Finding {
    let location = locate_span(skill, diagnostic.span);
    let fix = diagnostic.fix.map(|fix| {
        let located = fix
            .edits
            .iter()
            .map(|e| LocatedEdit {
                start: skill.line_col(e.span.start as usize),
                end: skill.line_col(e.span.end as usize),
                content: e.replacement.clone(),
            })
            .collect();
        LocatedFix { fix, located }
    });
    Finding {
        rule: diagnostic.rule,
        severity: diagnostic.severity,
        message: diagnostic.message,
        help: diagnostic.help,
        location,
        fix,
        origin: None,
    }
}

impl FileResult {
    /// Sorts findings by position, then code, then message.
    pub fn sort(&mut self) {
        self.findings.sort_by(|a, b| {
            (a.location.span.start, a.location.span.end, a.rule.code, &a.message).cmp(&(
                b.location.span.start,
                b.location.span.end,
                b.rule.code,
                &b.message,
            ))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_shown_as_a_window() {
        let text = format!("---\nname: x\n---\n{}TARGET{}\n", "a".repeat(10_000), "b".repeat(10_000));
        let skill = Skill::parse("x/SKILL.md", text.clone().into_bytes());
        let at = text.find("TARGET").unwrap();
        let location = locate_span(&skill, Span::new(at, at + 6));
        let snippet = &location.snippet;
        assert!(snippet.text.len() <= 2 * WIDE_LINE, "{}", snippet.text.len());
        assert_eq!(&snippet.text[snippet.start..snippet.end], "TARGET");
        let whole_line = skill.line_span(4);
        let location = locate_span(&skill, whole_line);
        assert!(location.snippet.text.len() <= 2 * WIDE_LINE);
    }

    #[test]
    fn short_spans_show_their_lines() {
        let text = "---\nname: x\n---\nline one\nline two\n";
        let skill = Skill::parse("x/SKILL.md", text.as_bytes().to_vec());
        let location = locate_span(&skill, Span::new(16, 28));
        assert_eq!(location.snippet.text, "line one\nline two");
        assert_eq!(location.snippet.line, 4);
    }
}
