//! The rule-choice flags shared by `lint` and `config`, and the config provider they build.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::config::{ConfigError, ConfigProvider, Flags};
use crate::lint::{Selection, Target};

/// `--target`, `--select`, `--extend-select`, `--ignore`, `--config`.
#[derive(Debug, Args)]
pub struct SelectionArgs {
    /// Whose rules to apply (default: the config's `target`, else claude-code).
    #[arg(long, value_enum)]
    pub target: Option<Target>,
    /// Run only these rules (codes, names or groups, comma-separated; `all` for every rule).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Run these rules as well as the defaults.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Do not run these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Use this config file for every path instead of looking for skillsmith.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

impl SelectionArgs {
    /// The flags as config-layer choices.
    pub fn flags(&self) -> Flags {
        Flags {
            target: self.target,
            selection: Selection {
                select: self.select.clone(),
                extend_select: self.extend_select.clone(),
                ignore: self.ignore.clone(),
                levels: Vec::new(),
            },
        }
    }

    /// A provider for `paths`: the flags checked, the explicit config read, run-wide settings
    /// taken from the config of the paths' common folder.
    pub fn provider(&self, paths: &[PathBuf]) -> Result<ConfigProvider, String> {
        let flags = self.flags();
        let mut probe = crate::lint::Settings::new(Target::ClaudeCode);
        probe.apply(&flags.selection).map_err(|e| e.to_string())?;
        let provider = ConfigProvider::new(flags, self.config.as_deref()).map_err(|e: ConfigError| e.to_string())?;
        Ok(provider.with_run_root(&common_folder(paths)))
    }
}

/// The deepest folder holding all `paths` (the current folder when there are none).
pub fn common_folder(paths: &[PathBuf]) -> PathBuf {
    let folders: Vec<PathBuf> = paths
        .iter()
        .map(|p| {
            let p = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            if p.is_dir() { p } else { p.parent().map_or_else(|| p.clone(), Path::to_path_buf) }
        })
        .collect();
    let Some(first) = folders.first() else { return PathBuf::from(".") };
    let mut common = first.clone();
    for folder in &folders[1..] {
        while !folder.starts_with(&common) {
            if !common.pop() {
                return PathBuf::from("/");
            }
        }
    }
    common
}
