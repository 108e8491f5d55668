//! The library's findings and problems as protocol diagnostics.

use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString};

use crate::lint::{Finding, Severity};

use super::files::FileProblem;
use super::position::LineMap;

/// The `source` every diagnostic carries.
pub const SOURCE: &str = "skillsmith";

/// The protocol severity of a finding's severity.
fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A lint finding as a diagnostic: its span, level, code (and name), message and help.
pub fn finding(map: &LineMap<'_>, finding: &Finding) -> Diagnostic {
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    Diagnostic {
        range: map.range(finding.location.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.code.to_string())),
        source: Some(SOURCE.to_string()),
        message: format!("{message} ({})", finding.rule.name),
        ..Diagnostic::default()
    }
}

/// A problem of a spec, scenario, use case or config as a diagnostic, from its place to the
/// end of its line.
pub fn problem(map: &LineMap<'_>, problem: &FileProblem) -> Diagnostic {
    Diagnostic {
        range: map.range_to_line_end(problem.line, problem.column),
        severity: Some(severity(problem.severity)),
        source: Some(SOURCE.to_string()),
        message: problem.message.clone(),
        ..Diagnostic::default()
    }
}
