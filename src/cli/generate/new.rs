//! `skillsmith new`: scaffold a skill folder.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::generate::scaffold::{ScaffoldError, scaffold};
use crate::generate::write::{apply, plan};

use super::{shown, templates};
use crate::cli::usage_error;

/// The templates `new` can scaffold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ScaffoldTemplate {
    /// Criteria, flow, selection tables, red flags, green lights, test cases.
    Decision,
    /// Steps, checklists, examples, pitfalls.
    Procedural,
    /// A title, a summary and free sections.
    Minimal,
}

/// Arguments of `skillsmith new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The skill's name: lowercase letters, digits and hyphens (also its folder's name).
    pub name: String,
    /// The template to start from.
    #[arg(long, value_enum, default_value_t = ScaffoldTemplate::Minimal)]
    pub template: ScaffoldTemplate,
    /// The description (default: a [TODO: ...] placeholder).
    #[arg(long)]
    pub description: Option<String>,
    /// The folder to create the skill in.
    #[arg(long, default_value = ".claude/skills")]
    pub dir: PathBuf,
    /// A folder of templates overriding the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs `skillsmith new`; returns the exit code.
pub fn run(args: NewArgs) -> std::io::Result<u8> {
    let templates = templates(args.templates.as_deref())?;
    let template = match args.template {
        ScaffoldTemplate::Decision => "decision",
        ScaffoldTemplate::Procedural => "procedural",
        ScaffoldTemplate::Minimal => "minimal",
    };
    let files = match scaffold(&args.name, template, args.description.as_deref(), &templates) {
        Ok(files) => files,
        Err(ScaffoldError::BadName(message)) => return Err(usage_error(message)),
        Err(err) => return Err(usage_error(err)),
    };
    let folder = args.dir.join(&args.name);
    if std::fs::symlink_metadata(&folder).is_ok() {
        return Err(usage_error(ScaffoldError::Exists(folder)));
    }
    let planned = plan(files.into_iter().map(|(relative, bytes)| (folder.join(relative), bytes)).collect())
        .map_err(usage_error)?;
    apply(&planned).map_err(usage_error)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in &planned {
        writeln!(out, "created {}", shown(&file.path).display())?;
    }
    writeln!(
        out,
        "next: replace every [TODO: ...] in {}, then run `skillsmith render {}` and `skillsmith lint {}`",
        shown(&folder.join("skill.yaml")).display(),
        shown(&folder).display(),
        shown(&folder).display()
    )?;
    Ok(0)
}
