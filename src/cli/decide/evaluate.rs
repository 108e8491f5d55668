//! `skillsmith evaluate SKILL_DIR --use-case FILE`: run a use case through a decision skill.

use std::path::PathBuf;

use clap::Args;

/// Arguments of `skillsmith evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The skill folder holding a skill.yaml (or the spec file), or a shipped skill's name.
    #[arg(value_name = "SKILL_DIR")]
    pub skill: String,
    /// The use-case file (YAML).
    #[arg(long, value_name = "FILE")]
    pub use_case: PathBuf,
}

/// Runs `skillsmith evaluate`.
pub fn run(_args: EvaluateArgs) -> std::io::Result<u8> {
    Ok(0)
}
