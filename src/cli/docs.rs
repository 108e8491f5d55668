//! `skillsmith completions` and `skillsmith man`: shell completions and manual pages
//! generated from the clap definitions, so they cannot drift from `--help`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, usage_error};

/// Arguments of `skillsmith completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Arguments of `skillsmith man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print, such as `lint` or `schema config` (default: the
    /// main page).
    pub command: Vec<String>,
    /// Write every page (skillsmith.1, skillsmith-lint.1, ...) into this folder instead.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out_dir: Option<PathBuf>,
}

/// Prints the completion script for a shell.
pub fn completions(args: CompletionsArgs) -> std::io::Result<u8> {
    let mut command = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut command, "skillsmith", &mut out);
    out.flush()?;
    Ok(0)
}

/// Prints a manual page (roff), or writes them all into a folder.
pub fn man(args: ManArgs) -> std::io::Result<u8> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    if let Some(dir) = args.out_dir {
        std::fs::create_dir_all(&dir)
            .map_err(|err| std::io::Error::new(err.kind(), format!("cannot create `{}`: {err}", dir.display())))?;
        let mut pages = vec![&command];
        let mut next = 0;
        while let Some(page) = pages.get(next) {
            pages.extend(page.get_subcommands().filter(|s| !s.is_hide_set()));
            next += 1;
        }
        for page in &pages {
            manual(page).generate_to(&dir)?;
        }
        println!("wrote {} manual pages to {}", pages.len(), dir.display());
        return Ok(0);
    }
    let mut page = &command;
    for name in &args.command {
        page = page.find_subcommand(name).ok_or_else(|| {
            let names: Vec<&str> = page.get_subcommands().map(|s| s.get_name()).collect();
            if names.is_empty() {
                usage_error(format!("`{}` has no subcommands", page.get_name()))
            } else {
                usage_error(format!("no subcommand `{name}`; one of: {}", names.join(", ")))
            }
        })?;
    }
    let mut out = std::io::stdout().lock();
    manual(page).render(&mut out)?;
    Ok(0)
}

/// The manual page of `command` (a built [`Cli`] command or one of its subcommands).
fn manual(command: &clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(command.clone()).source(format!("skillsmith {}", env!("CARGO_PKG_VERSION")))
}
