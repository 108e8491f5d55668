//! `skillsmith lint`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::discover;
use crate::lint::{RealFs, RunOptions, lint_discovered};
use crate::report::{self, Format};

use super::selection::SelectionArgs;
use super::{ColorChoice, EXIT_USAGE, baseline, usage_error};

/// Arguments of `skillsmith lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// SKILL.md files, skill folders, or folders to search (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Rule choice and config.
    #[command(flatten)]
    pub selection: SelectionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// When to colour the text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Hide the findings recorded in this baseline file; report entries that no longer match.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and report nothing).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

/// Runs `skillsmith lint`; returns the exit code.
pub fn run(args: LintArgs) -> std::io::Result<u8> {
    let provider = args.selection.provider(&args.paths).map_err(usage_error)?;
    let found = discover::discover(&args.paths);
    let files: Vec<PathBuf> = found.files.iter().map(|c| c.path.clone()).collect();
    let errors = provider.check(&files);
    if !errors.is_empty() {
        for error in errors {
            eprintln!("skillsmith: error in config:\n{error}");
        }
        return Ok(EXIT_USAGE);
    }
    let mut run = lint_discovered(found, &provider, &RealFs, RunOptions::default());

    if let Some(file) = &args.write_baseline {
        eprintln!("skillsmith: {}", baseline::write(&run, file)?);
        return Ok(if run.has_io_errors() { EXIT_USAGE } else { 0 });
    }
    let stale = match &args.baseline {
        Some(file) => baseline::apply(&mut run, file).map_err(usage_error)?,
        None => Vec::new(),
    };

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut reporter = report::reporter(args.format, args.color.enabled());
    report::report(&run, reporter.as_mut(), &mut out)?;
    out.flush()?;
    if let Some(note) = args.baseline.as_deref().and_then(|file| baseline::stale_note(file, &stale)) {
        eprintln!("skillsmith: {note}");
    }

    let summary = report::Summary::of(&run);
    Ok(if run.has_io_errors() {
        EXIT_USAGE
    } else if summary.errors > 0 || (args.strict && summary.warnings > 0) {
        1
    } else {
        0
    })
}
