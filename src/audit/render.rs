//! Prints audits as text, Markdown or JSON. Renderers only lay out what [`super::audit`]
//! found and weighed; they never judge.

use std::io::{self, Write};

use serde::Serialize;

use super::{Audit, Risk};

/// Output formats of `skillsmith audit`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    /// One block per skill: the verdict line, then what it can do.
    #[default]
    Text,
    /// A JSON object: `skills` (one audit each) and `summary` (skills per risk).
    Json,
    /// A Markdown report: a table of verdicts, then a section per skill.
    Markdown,
}

/// Skills per risk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AuditSummary {
    /// Skills audited.
    pub skills: usize,
    /// Skills with nothing to review.
    pub none: usize,
    /// Skills a person should read first.
    pub review: usize,
    /// Skills that hide text or run harmful commands.
    pub dangerous: usize,
}

impl AuditSummary {
    /// Counts `audits`.
    pub fn of(audits: &[Audit]) -> AuditSummary {
        let mut summary = AuditSummary { skills: audits.len(), ..AuditSummary::default() };
        for audit in audits {
            match audit.risk {
                Risk::None => summary.none += 1,
                Risk::Review => summary.review += 1,
                Risk::Dangerous => summary.dangerous += 1,
            }
        }
        summary
    }
}

/// Writes `audits` in `format`.
pub fn render(audits: &[Audit], format: AuditFormat, out: &mut dyn Write) -> io::Result<()> {
    let summary = AuditSummary::of(audits);
    match format {
        AuditFormat::Text => text(audits, summary, out),
        AuditFormat::Markdown => markdown(audits, summary, out),
        AuditFormat::Json => {
            #[derive(Serialize)]
            struct Report<'a> {
                skills: &'a [Audit],
                summary: AuditSummary,
            }
            serde_json::to_writer_pretty(&mut *out, &Report { skills: audits, summary })?;
            writeln!(out)
        }
    }
}

/// The facts of one audit as (label, lines), in the order a reviewer reads them.
fn facts(audit: &Audit) -> Vec<(&'static str, Vec<String>)> {
    let tools = audit
        .tools
        .iter()
        .map(|t| {
            let note = match (t.scoped, t.known) {
                (_, false) => " (not a Claude Code tool: grants nothing)",
                (false, true) => " (unscoped: any command)",
                (true, true) => "",
            };
            format!("{}{note}", t.pattern)
        })
        .collect();
    let commands = audit
        .load_commands
        .iter()
        .map(|c| {
            let risks: Vec<&str> = c.risks.iter().map(|r| r.describe()).collect();
            let note = if risks.is_empty() { String::new() } else { format!(" ({})", risks.join(", ")) };
            format!("line {}: {}{note}", c.line, crate::text::one_line(&c.command))
        })
        .collect();
    let scripts = audit
        .scripts
        .iter()
        .map(|s| {
            if s.mentioned_by.is_empty() {
                format!("{} (mentioned nowhere)", s.path)
            } else {
                format!("{} (mentioned by {})", s.path, s.mentioned_by.join(", "))
            }
        })
        .collect();
    let invocation = if audit.model_invocable {
        match &audit.side_effect {
            Some(why) => format!("yes, and {why}"),
            None => "yes".to_string(),
        }
    } else {
        "no (disable-model-invocation: true)".to_string()
    };
    let hidden = audit.hidden.iter().map(|h| format!("line {}: {}", h.line, h.detail)).collect();
    vec![
        ("tools", tools),
        ("runs at load", commands),
        ("bundled scripts", scripts),
        ("network hosts", audit.hosts.clone()),
        ("writes outside the project", audit.writes.clone()),
        ("model may invoke it", vec![invocation]),
        ("hidden text", hidden),
    ]
}

fn text(audits: &[Audit], summary: AuditSummary, out: &mut dyn Write) -> io::Result<()> {
    for audit in audits {
        let name = audit.name.as_deref().unwrap_or("(unnamed)");
        writeln!(out, "{}: {} ({})", audit.risk.as_str(), audit.path, name)?;
        for reason in &audit.reasons {
            writeln!(out, "  ! {reason}")?;
        }
        for (label, lines) in facts(audit) {
            if lines.is_empty() {
                writeln!(out, "  {label}: none")?;
            } else if lines.len() == 1 {
                writeln!(out, "  {label}: {}", lines[0])?;
            } else {
                writeln!(out, "  {label}:")?;
                for line in lines {
                    writeln!(out, "    - {line}")?;
                }
            }
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "Audited {} skill(s): {} dangerous, {} to review, {} with nothing to review.",
        summary.skills, summary.dangerous, summary.review, summary.none
    )
}

/// `text` with Markdown table cell separators and line breaks escaped.
fn cell(text: &str) -> String {
    crate::text::one_line(text).replace('|', "\\|")
}

fn markdown(audits: &[Audit], summary: AuditSummary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Skill audit\n")?;
    writeln!(
        out,
        "{} skill(s): {} dangerous, {} to review, {} with nothing to review.\n",
        summary.skills, summary.dangerous, summary.review, summary.none
    )?;
    writeln!(out, "| risk | skill | reasons |")?;
    writeln!(out, "|---|---|---|")?;
    for audit in audits {
        let reasons = if audit.reasons.is_empty() {
            "-".to_string()
        } else {
            audit.reasons.iter().map(|r| cell(r)).collect::<Vec<_>>().join("; ")
        };
        writeln!(out, "| {} | `{}` | {reasons} |", audit.risk.as_str(), cell(&audit.path))?;
    }
    for audit in audits {
        writeln!(out, "\n## {} ({})\n", audit.name.as_deref().unwrap_or("(unnamed)"), audit.risk.as_str())?;
        writeln!(out, "`{}`\n", audit.path)?;
        for (label, lines) in facts(audit) {
            if lines.is_empty() {
                writeln!(out, "- **{label}**: none")?;
            } else {
                writeln!(out, "- **{label}**:")?;
                for line in lines {
                    writeln!(out, "  - `{}`", line.replace('`', "'"))?;
                }
            }
        }
    }
    Ok(())
}
