//! `skillsmith audit`: what each skill can make the agent do, and its risk.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::audit::render::{AuditFormat, render};
use crate::audit::{Risk, audit};
use crate::lint::RealFs;

use super::EXIT_USAGE;

/// Arguments of `skillsmith audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// SKILL.md files, skill folders, or folders to search (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
    pub format: AuditFormat,
}

/// Runs `skillsmith audit`; returns 1 when a skill is dangerous, 2 when a path could not be
/// read, else 0.
pub fn run(args: AuditArgs) -> std::io::Result<u8> {
    let (skills, failed) = super::read_skills(&args.paths);
    let audits: Vec<_> = skills.into_iter().map(|(path, skill)| audit(&skill, path, &RealFs)).collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render(&audits, args.format, &mut out)?;
    out.flush()?;
    Ok(if failed {
        EXIT_USAGE
    } else if audits.iter().any(|a| a.risk == Risk::Dangerous) {
        1
    } else {
        0
    })
}
