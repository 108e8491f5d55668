//! The generator's commands: `render`, `new`, `install`, `list`. Registered in the parent
//! command enum by one flattened variant.

mod install;
mod list;
mod new;
mod render;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::generate::diff::unified_diff;
use crate::generate::templates::Templates;
use crate::generate::write::{Change, Planned};

use super::usage_error;

/// The generator's subcommands.
#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    /// Render SKILL.md from a skill spec (skill.yaml).
    Render(render::RenderArgs),
    /// Scaffold a new skill: a spec full of [TODO: ...] placeholders and its SKILL.md.
    New(new::NewArgs),
    /// Install a shipped skill, a spec or a skill folder into a repository.
    Install(install::InstallArgs),
    /// List the skills shipped with skillsmith.
    List(list::ListArgs),
}

/// Runs a generator command; returns the exit code.
pub fn run(command: GenerateCommand) -> std::io::Result<u8> {
    match command {
        GenerateCommand::Render(args) => render::run(args),
        GenerateCommand::New(args) => new::run(args),
        GenerateCommand::Install(args) => install::run(args),
        GenerateCommand::List(args) => list::run(args),
    }
}

/// The templates: built-in, or with overrides from `--templates DIR`.
fn templates(dir: Option<&Path>) -> std::io::Result<Templates> {
    Templates::new(dir).map_err(usage_error)
}

/// Prints the diff from a planned file's current bytes to its new ones (from nothing when it
/// does not exist yet).
fn print_diff(out: &mut impl Write, file: &Planned) -> std::io::Result<()> {
    let old = file.old_text().unwrap_or_default();
    let new = String::from_utf8_lossy(&file.contents);
    let shown = file.path.display();
    let old_label = if file.change == Change::Create { "/dev/null".to_string() } else { format!("{shown} (on disk)") };
    out.write_all(unified_diff(&old, &new, &old_label, &format!("{shown} (new)")).as_bytes())
}

/// A path for messages: relative to the current folder when it is inside it, without `./`.
fn shown(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().ok();
    let path =
        cwd.and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf)).unwrap_or_else(|| path.to_path_buf());
    path.strip_prefix(".").map(Path::to_path_buf).unwrap_or(path)
}
