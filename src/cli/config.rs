//! `skillsmith init` and `skillsmith config`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::config::{CONFIG_NAMES, render_effective, template};

use super::selection::SelectionArgs;
use super::usage_error;

/// Arguments of `skillsmith init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to write `skillsmith.toml` in (default: the current folder).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Arguments of `skillsmith config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The file or folder whose settings to show (default: the current folder).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Rule choice and config, as for `lint`.
    #[command(flatten)]
    pub selection: SelectionArgs,
}

/// Writes a commented `skillsmith.toml`, refusing to replace an existing config.
pub fn init(args: InitArgs) -> std::io::Result<u8> {
    if let Some(existing) = CONFIG_NAMES.iter().map(|n| args.dir.join(n)).find(|p| p.exists()) {
        return Err(usage_error(format!("`{}` already exists; not overwriting it", existing.display())));
    }
    let path = args.dir.join(CONFIG_NAMES[0]);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|err| std::io::Error::new(err.kind(), format!("cannot write `{}`: {err}", path.display())))?;
    file.write_all(template().as_bytes())?;
    println!("wrote {} (every key commented out; `skillsmith config` shows the effective settings)", path.display());
    Ok(0)
}

/// Prints the effective settings for a path.
pub fn show(args: ConfigArgs) -> std::io::Result<u8> {
    let provider = args.selection.provider(std::slice::from_ref(&args.path)).map_err(usage_error)?;
    let probe = if args.path.is_dir() { args.path.join("SKILL.md") } else { args.path.clone() };
    let resolved = provider.resolve(&probe).map_err(|err| usage_error(format!("error in config:\n{err}")))?;
    // The skill's own `metadata.kind`, when the path is a skill that can be read.
    // Only a regular file is opened (a FIFO named SKILL.md must not hang `config`), and only
    // as much as a SKILL.md may hold.
    let limit = crate::skill::ParseLimits::default().max_file_bytes as u64;
    let declared = crate::fsio::read_bounded(&probe, limit)
        .ok()
        .map(|bytes| crate::skill::Skill::parse(&probe, bytes))
        .and_then(|skill| skill.frontmatter.kind().map(str::to_string));
    let mut out = std::io::stdout().lock();
    out.write_all(render_effective(&args.path.display().to_string(), &resolved, declared.as_deref()).as_bytes())?;
    Ok(0)
}
