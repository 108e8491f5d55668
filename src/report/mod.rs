//! Reporters: they print findings in one format and never judge them. All share one small
//! trait, fed file by file in path order, then the summary.

mod concise;
mod github;
mod json;
mod sarif;
mod statistics;
mod text;

use std::io::{self, Write};

use serde::Serialize;

use crate::lint::{FileResult, LintRun, Severity};

pub use concise::Concise;
pub use github::{ANNOTATIONS_PER_KIND, Github};
pub use json::{Json, JsonLines};
pub use sarif::Sarif;
pub use statistics::{RuleCount, rule_counts, write_statistics};
pub use text::{Text, plural, summary_line};

/// Totals of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Skill files linted.
    pub skills: usize,
    /// Paths reported on: skills linted plus paths that could not be read.
    pub files: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    /// Findings that are errors.
    pub errors: usize,
    /// Findings that are warnings.
    pub warnings: usize,
    /// Findings that are infos.
    pub infos: usize,
    /// Findings with a safe fix (applied by `--fix`).
    pub fixable: usize,
    /// Findings with only an unsafe fix (applied with `--unsafe-fixes`).
    pub unsafe_fixable: usize,
}

impl Summary {
    /// Counts a run.
    pub fn of(run: &LintRun) -> Summary {
        let mut summary = Summary { skills: run.skills, files: run.files.len(), ..Summary::default() };
        for file in &run.files {
            if !file.findings.is_empty() {
                summary.files_with_findings += 1;
            }
            for finding in &file.findings {
                match finding.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                    Severity::Info => summary.infos += 1,
                }
                match finding.fix.as_ref().map(|f| f.fix.applicability) {
                    Some(crate::lint::Applicability::Safe) => summary.fixable += 1,
                    Some(crate::lint::Applicability::Unsafe) => summary.unsafe_fixable += 1,
                    None => {}
                }
            }
        }
        summary
    }
}

/// Prints findings in one format.
pub trait Reporter {
    /// Called once per file, in path order.
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> io::Result<()>;

    /// Called once at the end.
    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()>;
}

/// Output formats of `skillsmith lint`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style text with source snippets.
    #[default]
    Text,
    /// One line per finding: `path:line:col: CODE [level] message`.
    Concise,
    /// One JSON document (a stable interface; see README).
    Json,
    /// One JSON object per finding per line, for streaming tools.
    JsonLines,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// How the human-readable reporters (text, concise) print.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// ANSI colour.
    pub color: bool,
    /// Only the findings: no summary line.
    pub quiet: bool,
}

/// Makes the reporter for `format`; `style` applies to text and concise only.
pub fn reporter(format: Format, style: Style) -> Box<dyn Reporter> {
    match format {
        Format::Text => Box::new(Text::new(style)),
        Format::Concise => Box::new(Concise::new(style)),
        Format::Json => Box::new(Json::default()),
        Format::JsonLines => Box::new(JsonLines),
        Format::Sarif => Box::new(Sarif::default()),
        Format::Github => Box::new(Github::default()),
    }
}

/// Feeds a whole run to a reporter.
pub fn report(run: &LintRun, reporter: &mut dyn Reporter, out: &mut dyn Write) -> io::Result<()> {
    for file in &run.files {
        reporter.file(file, out)?;
    }
    reporter.finish(&Summary::of(run), out)
}

/// A path for output: forward slashes on every platform, control characters escaped (an
/// escape sequence in a folder name must not reach the terminal).
pub fn display_path(path: &std::path::Path) -> String {
    let shown = path.display().to_string();
    let shown = if cfg!(windows) { shown.replace('\\', "/") } else { shown };
    escape_all_controls(&shown)
}

/// True for a character that a terminal would act on rather than show: C0 controls, DEL and
/// C1 controls.
fn is_control(c: char) -> bool {
    c.is_control()
}

/// `c` as text a terminal shows as is: `\x1b`, `\u{9b}`.
fn escaped(c: char, out: &mut String) {
    use std::fmt::Write as _;
    if (c as u32) < 0x80 {
        let _ = write!(out, "\\x{:02x}", c as u32);
    } else {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    }
}

/// `text` with every control character but newline and tab escaped, as `ls` and `git` do,
/// for text shown on a terminal: messages and quoted file content.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(|c| is_control(c) && c != '\n' && c != '\t') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) && c != '\n' && c != '\t' { escaped(c, &mut out) } else { out.push(c) }
    }
    out
}

/// `text` with every control character escaped, newline and tab too (for one-line things
/// such as paths).
pub fn escape_all_controls(text: &str) -> String {
    if !text.chars().any(is_control) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) { escaped(c, &mut out) } else { out.push(c) }
    }
    out
}

/// Lines of file content with their control characters escaped (newlines and tabs kept), and the byte
/// range `start..end` of the original moved to where it lands in the escaped text.
pub fn escape_line(text: &str, start: usize, end: usize) -> (String, usize, usize) {
    // A carriage return that ends a line (CRLF) is part of the line ending, not content.
    let shown_as_is =
        |at: usize, c: char| !is_control(c) || c == '\t' || c == '\n' || c == '\r' && text[at + 1..].starts_with('\n');
    if text.char_indices().all(|(at, c)| shown_as_is(at, c)) {
        return (text.to_string(), start, end);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let (mut new_start, mut new_end) = (None, None);
    for (at, c) in text.char_indices() {
        if at >= start && new_start.is_none() {
            new_start = Some(out.len());
        }
        if at >= end && new_end.is_none() {
            new_end = Some(out.len());
        }
        if shown_as_is(at, c) { out.push(c) } else { escaped(c, &mut out) }
    }
    let len = out.len();
    (out, new_start.unwrap_or(len), new_end.unwrap_or(len))
}
