//! `skillsmith install`: a skill's files into `REPO/.claude/skills/<name>/`, never over a
//! changed file without `--force`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::generate::install::{InstallError, SKILLS_DIR, gather, plan_install};
use crate::generate::lock::lock_repository;
use crate::generate::swap::{Recovered, install_folder, recover};
use crate::generate::write::{Change, Planned};

use super::{print_diff, shown, templates};
use crate::cli::usage_error;

/// Arguments of `skillsmith install`.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// A shipped skill's name (see `skillsmith list`), a spec file, or a skill folder.
    #[arg(value_name = "NAME|SPEC|SKILL_DIR")]
    pub source: String,
    /// The repository to install into (the skill goes to REPO/.claude/skills/<name>/).
    #[arg(long, value_name = "REPO")]
    pub into: PathBuf,
    /// Replace installed files that differ.
    #[arg(long)]
    pub force: bool,
    /// Write nothing; exit 1 with a diff when the installed copy differs from the source.
    #[arg(long, conflicts_with = "dry_run")]
    pub check: bool,
    /// Write nothing; print what would be written.
    #[arg(long)]
    pub dry_run: bool,
    /// A folder of templates overriding the built-in ones (for specs given by path).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs `skillsmith install`; returns the exit code: 0 installed, unchanged or in sync, 1 a
/// difference refused (or found by `--check`), 2 a source or path that could not be used.
pub fn run(args: InstallArgs) -> std::io::Result<u8> {
    let templates = templates(args.templates.as_deref())?;
    let skill = gather(&args.source, &templates).map_err(install_error)?;
    // Held to the end: a second install into this repository meanwhile fails.
    let _lock = lock_repository(&args.into).map_err(usage_error)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let target = args.into.join(SKILLS_DIR).join(&skill.name);
    if !args.check && !args.dry_run {
        for done in recover(&args.into.join(SKILLS_DIR)) {
            let said = match done {
                Recovered::RemovedUnfinished(path) => {
                    format!("removed the unfinished folder of an interrupted install: {}", shown(&path).display())
                }
                Recovered::RemovedPrevious(path) => {
                    format!("removed the previous copy an interrupted install set aside: {}", shown(&path).display())
                }
                Recovered::Restored(path) => {
                    format!("put back the folder an interrupted install had set aside: {}", shown(&path).display())
                }
            };
            writeln!(out, "{said}")?;
        }
    }
    let planned = plan_install(&skill, &args.into).map_err(install_error)?;
    let folder = shown(&target);
    let changed: Vec<&Planned> = planned.iter().filter(|f| f.change != Change::Unchanged).collect();
    let updates = planned.iter().filter(|f| matches!(f.change, Change::Update { .. })).count();

    if args.check {
        for file in &changed {
            print_diff(&mut out, file)?;
        }
        if changed.is_empty() {
            writeln!(out, "in sync: {} matches {}", folder.display(), skill.origin)?;
            return Ok(0);
        }
        writeln!(
            out,
            "out of sync: {} of {} file(s) in {} differ from {}",
            changed.len(),
            planned.len(),
            folder.display(),
            skill.origin
        )?;
        return Ok(1);
    }
    if args.dry_run {
        for file in &planned {
            let action = match file.change {
                Change::Create => "would create",
                Change::Unchanged => "unchanged",
                Change::Update { .. } if args.force => "would update",
                Change::Update { .. } => "would refuse to overwrite (differs; --force replaces it)",
            };
            writeln!(out, "{action}: {} ({} bytes)", shown(&file.path).display(), file.contents.len())?;
            if matches!(file.change, Change::Update { .. }) {
                print_diff(&mut out, file)?;
            }
        }
        writeln!(out, "dry run: nothing was written")?;
        return Ok(0);
    }
    if updates > 0 && !args.force {
        for file in planned.iter().filter(|f| matches!(f.change, Change::Update { .. })) {
            print_diff(&mut out, file)?;
        }
        writeln!(
            out,
            "refused: {updates} installed file(s) in {} differ from {}; nothing was written.\n\
             Keep your edits, or pass --force to replace them.",
            folder.display(),
            skill.origin
        )?;
        return Ok(1);
    }
    install_folder(&target, &planned).map_err(usage_error)?;
    for file in &planned {
        let verb = match file.change {
            Change::Create => "created",
            Change::Unchanged => "unchanged",
            Change::Update { .. } => "updated",
        };
        writeln!(out, "{verb}: {}", shown(&file.path).display())?;
    }
    let summary = if changed.is_empty() { "unchanged" } else { "installed" };
    writeln!(out, "{summary}: {} from {}", folder.display(), skill.origin)?;
    Ok(0)
}

fn install_error(err: InstallError) -> std::io::Error {
    usage_error(err)
}
