//! `--statistics`: how many findings each rule made, most first.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::lint::{Applicability, LintRun, Severity};

/// One rule's findings in a run, at one severity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The rule's code, `SK405`.
    pub code: &'static str,
    /// The rule's name, `reference-without-toc`.
    pub name: &'static str,
    /// The severity its findings have (a rule configured per path may have two rows).
    pub severity: Severity,
    /// Findings.
    pub count: usize,
    /// Of those, findings with a safe fix.
    pub fixable: usize,
}

/// Findings per rule and severity, most first, then by code.
pub fn rule_counts(run: &LintRun) -> Vec<RuleCount> {
    let mut counts: BTreeMap<(&'static str, Severity), RuleCount> = BTreeMap::new();
    for finding in run.files.iter().flat_map(|f| &f.findings) {
        let row = counts.entry((finding.rule.code, finding.severity)).or_insert(RuleCount {
            code: finding.rule.code,
            name: finding.rule.name,
            severity: finding.severity,
            count: 0,
            fixable: 0,
        });
        row.count += 1;
        if finding.fix.as_ref().is_some_and(|f| f.fix.applicability == Applicability::Safe) {
            row.fixable += 1;
        }
    }
    let mut rows: Vec<RuleCount> = counts.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)).then(b.severity.cmp(&a.severity)));
    rows
}

/// Writes the rows as an aligned table: count, code, severity, name, and how many `--fix` fixes.
pub fn write_statistics(rows: &[RuleCount], out: &mut dyn Write) -> io::Result<()> {
    let width = rows.iter().map(|r| r.count.to_string().len()).max().unwrap_or(1);
    let name_width = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for row in rows {
        let fixable = if row.fixable > 0 { format!("  ({} fixable)", row.fixable) } else { String::new() };
        let line = format!(
            "{:>width$}  {}  {:<7}  {:<name_width$}{fixable}",
            row.count,
            row.code,
            row.severity.as_str(),
            row.name
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
