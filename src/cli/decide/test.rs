//! `skillsmith test SKILL_DIR...`: run decision skills' scenarios.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::usage_error;
use crate::decide::report::{counts, skill_text, summary_line};
use crate::decide::suite::open;
use crate::generate::folders::{SpecTarget, expand, skipped_note};
use crate::generate::templates::Templates;

/// Arguments of `skillsmith test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Skill folders holding a skill.yaml, their specs or scenario files (each skill runs
    /// once), names of shipped skills, or folders of skills (every spec below runs; skills
    /// without a spec are skipped with a note).
    #[arg(required = true, value_name = "SKILL_DIR")]
    pub skills: Vec<String>,
    /// Show the expected and actual values of every scenario, not only of those that fail.
    #[arg(short, long)]
    pub verbose: bool,
    /// A folder of templates overriding the built-in ones (for specs using its templates).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// The skills `given` names: itself, or for a folder of skills each spec folder below it
/// (the hand-written skills skipped with a note on standard error).
fn specs_of(given: &str) -> Vec<String> {
    let path = Path::new(given);
    if !path.is_dir() {
        return vec![given.to_string()];
    }
    let targets = expand(path);
    if targets.is_empty() {
        // Let `open` say what is missing.
        return vec![given.to_string()];
    }
    let mut specs = Vec::new();
    for target in targets {
        match target {
            SpecTarget::Spec(dir) => specs.push(dir.display().to_string()),
            SpecTarget::HandWritten(dir) => eprintln!("{}", skipped_note(&dir)),
        }
    }
    specs
}

/// Runs `skillsmith test`: 0 when every scenario passes, 1 when any fails, 2 when a skill
/// cannot be read.
pub fn run(args: TestArgs) -> std::io::Result<u8> {
    let templates = Templates::new(args.templates.as_deref()).map_err(usage_error)?;
    let mut reports = Vec::new();
    let mut seen = Vec::new();
    for given in args.skills.iter().flat_map(|given| specs_of(given)) {
        let source = open(&given).map_err(usage_error)?;
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
