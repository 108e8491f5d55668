//! `skillsmith lint`.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;

use crate::lint::{RealFs, RunOptions, Selection, Settings, Target, Uniform, lint_paths};
use crate::report::{self, Format};

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
    let run = lint_paths(&args.paths, &provider, &RealFs, RunOptions::default());

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut reporter = report::reporter(args.format, args.color.enabled());
    report::report(&run, reporter.as_mut(), &mut out)?;
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
