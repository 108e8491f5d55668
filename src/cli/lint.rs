//! `skillsmith lint`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::lint::{LintRun, RealFs, RunOptions, Severity, lint_discovered};
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
    /// Print how many findings each rule made (most first) instead of the findings.
    #[arg(long, conflicts_with_all = ["diff", "write_baseline"])]
    pub statistics: bool,
    /// Print only the findings: no summary line and no notes on stdout.
    #[arg(long, short)]
    pub quiet: bool,
    /// Report only findings at this level or above; what fails the run does not change.
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = LevelFloor::Info)]
    pub level: LevelFloor,
    /// Lint, then lint again whenever a file changes (the screen is cleared), until Ctrl-C.
    #[arg(long, conflicts_with_all = ["fix", "diff", "write_baseline"])]
    pub watch: bool,
    /// Threads to walk and lint with (default: one per core; 1 lints on one thread).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

/// The lowest level `--level` reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelFloor {
    /// Everything.
    #[default]
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
}

impl LevelFloor {
    /// The lowest severity shown.
    fn severity(self) -> Severity {
        match self {
            LevelFloor::Info => Severity::Info,
            LevelFloor::Warning => Severity::Warning,
            LevelFloor::Error => Severity::Error,
        }
    }
}

/// Runs `skillsmith lint`; returns the exit code.
pub fn run(args: LintArgs) -> std::io::Result<u8> {
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err(usage_error("--unsafe-fixes needs --fix or --diff"));
    }
    if args.statistics && !matches!(args.format, Format::Text | Format::Concise | Format::Json) {
        return Err(usage_error("--statistics prints a table (text, concise) or JSON (--format json)"));
    }
    if let Some(threads) = args.threads {
        // The first pool built wins; nothing has used rayon before this point.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(usize::from(threads)).build_global();
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
    let before_baseline = finding_count(&run);
    let stale = match &args.baseline {
        Some(file) => baseline::apply(&mut run, file).map_err(usage_error)?,
        None => Vec::new(),
    };
    let hidden_by_baseline = before_baseline - finding_count(&run);

    // What fails the run is decided on every finding, before --level hides any.
    let summary = report::Summary::of(&run);
    let failed = summary.errors > 0 || (args.strict && summary.warnings > 0);
    let hidden_by_level = hide_below(&mut run, args.level.severity());
    let empty = empty_paths(&args.paths, &run);

    let human = matches!(args.format, Format::Text | Format::Concise);
    let mut notes: Vec<String> = fixed_note.into_iter().collect();
    if hidden_by_baseline > 0 {
        let file = args.baseline.as_deref().unwrap_or(Path::new("")).display();
        notes.push(format!(
            "{} hidden by the baseline `{file}`.",
            report::plural(hidden_by_baseline, "finding", "findings")
        ));
    }
    if hidden_by_level > 0 {
        let level = args.level.severity().as_str();
        notes.push(format!(
            "{} below {level} not shown (--level {level}).",
            report::plural(hidden_by_level, "finding", "findings")
        ));
    }

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let style = report::Style { color: args.color.enabled(), quiet: args.quiet };
    if args.statistics && args.format == Format::Json {
        let document = serde_json::json!({
            "version": 1,
            "statistics": report::rule_counts(&run),
            "summary": report::Summary::of(&run),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&document).map_err(std::io::Error::other)?)?;
    } else if args.statistics {
        report::write_statistics(&report::rule_counts(&run), &mut out)?;
        if !args.quiet {
            writeln!(out, "{}", report::summary_line(&report::Summary::of(&run)))?;
        }
    } else if args.format == Format::Github {
        let mut github = report::Github::default();
        report::report(&run, &mut github, &mut out)?;
        write_step_summary(github.step_summary())?;
    } else {
        let mut reporter = report::reporter(args.format, style);
        report::report(&run, reporter.as_mut(), &mut out)?;
    }
    for note in &notes {
        if human && !args.quiet {
            writeln!(out, "{note}")?;
        } else {
            eprintln!("skillsmith: {note}");
        }
    }
    out.flush()?;
    if let Some(note) = args.baseline.as_deref().and_then(|file| baseline::stale_note(file, &stale)) {
        eprintln!("skillsmith: {note}");
    }
    for path in &empty {
        eprintln!("skillsmith: warning: no skills found under `{}`", report::display_path(path));
    }

    Ok(if run.has_io_errors() || write_failures > 0 || !empty.is_empty() {
        EXIT_USAGE
    } else if failed {
        1
    } else {
        0
    })
}

/// Findings in `run`.
fn finding_count(run: &LintRun) -> usize {
    run.files.iter().map(|f| f.findings.len()).sum()
}

/// Drops the findings below `floor`; returns how many. (Read errors are errors, never dropped.)
fn hide_below(run: &mut LintRun, floor: Severity) -> usize {
    let before = finding_count(run);
    for file in &mut run.files {
        file.findings.retain(|f| f.severity >= floor);
    }
    before - finding_count(run)
}

/// The folders the user named (or `.` when none) under which nothing was linted; a path
/// that does not exist is reported by discovery instead.
fn empty_paths(paths: &[PathBuf], run: &LintRun) -> Vec<PathBuf> {
    let default = [PathBuf::from(".")];
    let named = if paths.is_empty() { &default[..] } else { paths };
    let found_under = |folder: &Path| {
        // Discovery shows the files under `.` without the `./`.
        let current = folder.components().all(|c| matches!(c, std::path::Component::CurDir));
        run.files.iter().any(|f| current || f.path.starts_with(folder))
    };
    named.iter().filter(|path| path.is_dir() && !found_under(path)).cloned().collect()
}

/// Appends the GitHub step summary to `$GITHUB_STEP_SUMMARY` when the variable names a file.
fn write_step_summary(markdown: &str) -> std::io::Result<()> {
    let Some(file) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|v| !v.is_empty()) else { return Ok(()) };
    let mut summary = std::fs::OpenOptions::new().create(true).append(true).open(&file)?;
    summary.write_all(markdown.as_bytes())
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
