//! Reporters: they print findings in one format and never judge them. All share one small
//! trait, fed file by file in path order, then the summary.

mod github;
mod json;
mod sarif;
mod text;

use std::io::{self, Write};

use serde::Serialize;

use crate::lint::{FileResult, LintRun, Severity};

pub use github::Github;
pub use json::{Json, JsonLines};
pub use sarif::Sarif;
pub use text::{Text, plural};

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
    /// One JSON document (a stable interface; see README).
    Json,
    /// One JSON object per finding per line, for streaming tools.
    JsonLines,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Makes the reporter for `format`; `color` applies to text only.
pub fn reporter(format: Format, color: bool) -> Box<dyn Reporter> {
    match format {
        Format::Text => Box::new(Text::new(color)),
        Format::Json => Box::new(Json::default()),
        Format::JsonLines => Box::new(JsonLines),
        Format::Sarif => Box::new(Sarif::default()),
        Format::Github => Box::new(Github),
    }
}

/// Feeds a whole run to a reporter.
pub fn report(run: &LintRun, reporter: &mut dyn Reporter, out: &mut dyn Write) -> io::Result<()> {
    for file in &run.files {
        reporter.file(file, out)?;
    }
    reporter.finish(&Summary::of(run), out)
}

/// A path for output: forward slashes on every platform.
pub fn display_path(path: &std::path::Path) -> String {
    let shown = path.display().to_string();
    if cfg!(windows) { shown.replace('\\', "/") } else { shown }
}
