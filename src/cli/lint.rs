//! `skillsmith lint`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::lint::{RealFs, RunOptions, lint_discovered};
use crate::report::{self, Format};
use crate::{discover, fix};

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
    /// Apply safe fixes, then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff: apply unsafe fixes too (renames, meaning changes).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing (exit 1 when there is any).
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Hide the findings recorded in this baseline file; report entries that no longer match.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and report nothing).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Lint, then lint again whenever a file changes (the screen is cleared), until Ctrl-C.
    #[arg(long, conflicts_with_all = ["fix", "diff", "write_baseline"])]
    pub watch: bool,
}

/// Runs `skillsmith lint`; returns the exit code.
pub fn run(args: LintArgs) -> std::io::Result<u8> {
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err(usage_error("--unsafe-fixes needs --fix or --diff"));
    }
    if args.watch {
        return super::watch::run(&args);
    }
    let provider = args.selection.provider(&args.paths).map_err(usage_error)?;
    let mut found = discover::discover(&args.paths);
    let files: Vec<PathBuf> = found.files.iter().map(|c| c.path.clone()).collect();
    let errors = provider.check(&files);
    if !errors.is_empty() {
        for error in errors {
            eprintln!("skillsmith: error in config:\n{error}");
        }
        return Ok(EXIT_USAGE);
    }

    let mut fixed_note = None;
    let mut write_failures = 0;
    if args.fix || args.diff {
        let outcomes = fix::fix_candidates(&found.files, &provider, &RealFs, RunOptions::default(), args.unsafe_fixes);
        let changed: Vec<&fix::FixOutcome> = outcomes.iter().filter(|o| o.changes()).collect();
        let count: usize = changed.iter().map(|o| o.applied).sum();
        if args.diff {
            return print_diff(&changed, count);
        }
        // One file that cannot be written is said, and the others are still fixed.
        let mut written = 0;
        let mut fixed = 0;
        for outcome in &changed {
            match fix::write_outcome(outcome) {
                Ok(()) => {
                    written += 1;
                    fixed += outcome.applied;
                }
                Err(err) => {
                    write_failures += 1;
                    eprintln!("skillsmith: {}", report::escape_controls(&err.to_string()));
                }
            }
        }
        for outcome in outcomes.iter().filter(|o| o.skipped.is_some() && o.applied == 0) {
            let why = outcome.skipped.as_deref().unwrap_or_default();
            eprintln!("skillsmith: not fixed `{}`: {why}", report::display_path(&outcome.path));
        }
        fixed_note = Some(if changed.is_empty() {
            "Nothing to fix.".to_string()
        } else {
            let findings = report::plural(fixed, "finding", "findings");
            let files = report::plural(outcomes.len(), "file", "files");
            let mut note = format!("Fixed {findings} in {written} of {files}.");
            if write_failures > 0 {
                note.push_str(&format!(" {} could not be written.", report::plural(write_failures, "file", "files")));
            }
            note
        });
        // Fixes may have renamed files: look again.
        found = discover::discover(&args.paths);
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
    if let Some(note) = fixed_note {
        if args.format == Format::Text {
            writeln!(out, "{note}")?;
        } else {
            eprintln!("skillsmith: {note}");
        }
    }
    out.flush()?;
    if let Some(note) = args.baseline.as_deref().and_then(|file| baseline::stale_note(file, &stale)) {
        eprintln!("skillsmith: {note}");
    }

    let summary = report::Summary::of(&run);
    Ok(if run.has_io_errors() || write_failures > 0 {
        EXIT_USAGE
    } else if summary.errors > 0 || (args.strict && summary.warnings > 0) {
        1
    } else {
        0
    })
}

/// `--diff`: every change as a unified diff, then a count; exit 1 when there is any.
fn print_diff(changed: &[&fix::FixOutcome], count: usize) -> std::io::Result<u8> {
    let mut out = std::io::stdout().lock();
    for outcome in changed {
        write!(out, "{}", fix::unified_diff(outcome))?;
    }
    let fixes = report::plural(count, "fix", "fixes");
    writeln!(out, "{fixes} would change {}.", report::plural(changed.len(), "file", "files"))?;
    Ok(u8::from(!changed.is_empty()))
}
