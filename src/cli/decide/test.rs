//! `skillsmith test SKILL_DIR...`: run decision skills' scenarios.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::cli::usage_error;
use crate::decide::report::{counts, skill_text, summary_line};
use crate::decide::suite::open;
use crate::generate::templates::Templates;

/// Arguments of `skillsmith test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Skill folders holding a skill.yaml, their specs or scenario files (each skill runs
    /// once), or names of shipped skills.
    #[arg(required = true, value_name = "SKILL_DIR")]
    pub skills: Vec<String>,
    /// Show the expected and actual values of every scenario, not only of those that fail.
    #[arg(short, long)]
    pub verbose: bool,
    /// A folder of templates overriding the built-in ones (for specs using its templates).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs `skillsmith test`: 0 when every scenario passes, 1 when any fails, 2 when a skill
/// cannot be read.
pub fn run(args: TestArgs) -> std::io::Result<u8> {
    let templates = Templates::new(args.templates.as_deref()).map_err(usage_error)?;
    let mut reports = Vec::new();
    let mut seen = Vec::new();
    for given in &args.skills {
        let source = open(given).map_err(usage_error)?;
        // Several files of one skill (as a pre-commit hook passes them) run it once.
        let key = std::fs::canonicalize(&source.spec_name).unwrap_or_else(|_| PathBuf::from(&source.spec_name));
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let spec = source.spec(&templates).map_err(usage_error)?;
        reports.push(source.run(&spec).map_err(usage_error)?);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let (mut passed, mut failed) = (0, 0);
    for (index, report) in reports.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        out.write_all(skill_text(report, args.verbose).as_bytes())?;
        let (p, f) = counts(&report.results);
        passed += p;
        failed += f;
    }
    writeln!(out)?;
    writeln!(out, "{}", summary_line(passed, failed))?;
    Ok(u8::from(failed > 0))
}
