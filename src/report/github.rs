//! `--format github`: GitHub Actions workflow commands, one annotation per finding, most
//! severe first and no more per kind than GitHub shows; a summary lists the rest.

use std::io::{self, Write};

use crate::lint::{FileResult, Finding, Severity};

use super::concise::concise_line;
use super::{Reporter, Summary, display_path, summary_line};

/// Annotations of one kind (error, warning, notice) GitHub shows per step; it drops the rest
/// (actions/toolkit, docs/problem-matchers.md, "Limitations").
pub const ANNOTATIONS_PER_KIND: usize = 10;

/// Findings listed in the step summary at most (GitHub caps a step summary at 1 MiB).
const SUMMARY_LIST: usize = 500;

/// Writes `::error file=...,line=...::message` lines, then a summary of what was not annotated.
#[derive(Default)]
pub struct Github {
    /// Every finding, with its path as shown, in path order.
    findings: Vec<(String, Finding)>,
    /// Markdown for `$GITHUB_STEP_SUMMARY`, made by `finish`.
    step_summary: String,
}

impl Github {
    /// The Markdown summary for `$GITHUB_STEP_SUMMARY` (empty before `finish`).
    pub fn step_summary(&self) -> &str {
        &self.step_summary
    }
}

/// The workflow command for a severity.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a workflow command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One annotation.
fn annotation(path: &str, finding: &Finding) -> String {
    let l = &finding.location;
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        command(finding.severity),
        escape_property(path),
        l.start.line,
        l.start.column,
        l.end.line,
        l.end.column,
        escape_property(&format!("{} {}", finding.rule.code, finding.rule.name)),
        escape_data(&message),
    )
}

impl Reporter for Github {
    fn file(&mut self, file: &FileResult, _out: &mut dyn Write) -> io::Result<()> {
        let path = display_path(&file.path);
        self.findings.extend(file.findings.iter().map(|f| (path.clone(), f.clone())));
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        // Most severe first; path order within a severity (the sort is stable).
        self.findings.sort_by_key(|(_, f)| std::cmp::Reverse(f.severity));
        let mut shown = [0usize; 3];
        let mut rest = Vec::new();
        for (path, finding) in &self.findings {
            let kind = &mut shown[finding.severity as usize];
            if *kind < ANNOTATIONS_PER_KIND {
                *kind += 1;
                writeln!(out, "{}", annotation(path, finding))?;
            } else {
                rest.push(concise_line(path, finding));
            }
        }
        let line = summary_line(summary);
        let mut markdown = format!("### skillsmith\n\n{line}\n");
        if !rest.is_empty() {
            let why = format!(
                "{} not annotated (GitHub shows {ANNOTATIONS_PER_KIND} errors, {ANNOTATIONS_PER_KIND} warnings and \
                 {ANNOTATIONS_PER_KIND} notices per step):",
                super::plural(rest.len(), "finding is", "findings are")
            );
            writeln!(out, "{why}")?;
            for entry in &rest {
                writeln!(out, "{entry}")?;
            }
            markdown.push_str(&format!("\n{why}\n\n```text\n"));
            for entry in rest.iter().take(SUMMARY_LIST) {
                markdown.push_str(entry);
                markdown.push('\n');
            }
            markdown.push_str("```\n");
            if rest.len() > SUMMARY_LIST {
                markdown.push_str(&format!("\n... and {} more in the step's log.\n", rest.len() - SUMMARY_LIST));
            }
        }
        writeln!(out, "{line}")?;
        self.step_summary = markdown;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
