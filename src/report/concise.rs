//! `--format concise`: one line per finding, `path:line:col: CODE [level] message`, then
//! the summary line.

use std::io::{self, Write};

use crate::lint::{Applicability, FileResult, Finding};

use super::{Reporter, Style, Summary, display_path, escape_all_controls, text::write_summary};

/// The concise reporter.
pub struct Concise {
    style: Style,
}

impl Concise {
    /// A concise reporter, with ANSI colour or without, with a summary or without.
    pub fn new(style: Style) -> Self {
        Concise { style }
    }
}

/// One finding on one line (no colour): `path:line:col: CODE [level] message [fixable]`.
pub fn concise_line(path: &str, finding: &Finding) -> String {
    let fix = match finding.fix.as_ref().map(|f| f.fix.applicability) {
        Some(Applicability::Safe) => " [fixable]",
        Some(Applicability::Unsafe) => " [unsafe fix]",
        None => "",
    };
    let l = &finding.location.start;
    format!(
        "{path}:{}:{}: {} [{}] {}{fix}",
        l.line,
        l.column,
        finding.rule.code,
        finding.severity.as_str(),
        escape_all_controls(&finding.message)
    )
}

impl Reporter for Concise {
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        let path = display_path(&file.path);
        for finding in &file.findings {
            writeln!(out, "{}", concise_line(&path, finding))?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        write_summary(summary, self.style, out)
    }
}
