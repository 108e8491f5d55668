//! `skillsmith lint`.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;

use crate::lint::{RealFs, RunOptions, Selection, Settings, Target, Uniform, lint_paths};
use crate::report::{self, Format};
use crate::{discover, fix};

use super::{ColorChoice, EXIT_USAGE, usage_error};

/// Arguments of `skillsmith lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// SKILL.md files, skill folders, or folders to search (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Whose rules to apply.
    #[arg(long, value_enum, default_value_t = Target::ClaudeCode)]
    pub target: Target,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Run only these rules (codes, names or groups, comma-separated; `all` for every rule).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Run these rules as well as the defaults.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Do not run these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
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
}

/// Runs `skillsmith lint`; returns the exit code.
pub fn run(args: LintArgs) -> std::io::Result<u8> {
    let mut settings = Settings::new(args.target);
    let selection = Selection {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        levels: Vec::new(),
    };
    settings.apply(&selection).map_err(usage_error)?;
    let provider = Uniform(Arc::new(settings));
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err(usage_error("--unsafe-fixes needs --fix or --diff"));
    }
    let mut fixed_note = None;
    if args.fix || args.diff {
        let found = discover::discover(&args.paths);
        let outcomes = fix::fix_candidates(&found.files, &provider, &RealFs, RunOptions::default(), args.unsafe_fixes);
        let changed: Vec<&fix::FixOutcome> = outcomes.iter().filter(|o| o.changes()).collect();
        if args.diff {
            let mut out = std::io::stdout().lock();
            for outcome in &changed {
                write!(out, "{}", fix::unified_diff(outcome))?;
            }
            let count: usize = changed.iter().map(|o| o.applied).sum();
            writeln!(out, "{count} fixes would change {} files.", changed.len())?;
            return Ok(u8::from(!changed.is_empty()));
        }
        for outcome in &changed {
            fix::write_outcome(outcome)?;
        }
        let count: usize = changed.iter().map(|o| o.applied).sum();
        fixed_note = Some(if changed.is_empty() {
            "Nothing to fix.".to_string()
        } else {
            format!("Fixed {count} findings in {} of {} files.", changed.len(), outcomes.len())
        });
    }
    let run = lint_paths(&args.paths, &provider, &RealFs, RunOptions::default());

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

    let summary = report::Summary::of(&run);
    Ok(if run.has_io_errors() {
        EXIT_USAGE
    } else if summary.errors > 0 || (args.strict && summary.warnings > 0) {
        1
    } else {
        0
    })
}
