//! `skillsmith schema`: the JSON Schemas editors use to check SKILL.md frontmatter and
//! `skillsmith.toml`.

use std::io::Write;

use clap::{Args, Subcommand};

use crate::lint::Target;

/// Arguments of `skillsmith schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema.
    #[command(subcommand)]
    pub which: SchemaKind,
}

/// The schemas.
#[derive(Debug, Subcommand)]
pub enum SchemaKind {
    /// The frontmatter of SKILL.md on one target (JSON Schema draft-07).
    Frontmatter {
        /// Whose rules the schema encodes.
        #[arg(long, value_enum, default_value_t = Target::ClaudeCode)]
        target: Target,
    },
    /// skillsmith.toml (JSON Schema draft-07).
    Config,
}

/// Prints the chosen schema as JSON.
pub fn run(args: SchemaArgs) -> std::io::Result<u8> {
    let schema = match args.which {
        SchemaKind::Frontmatter { target } => crate::schema::frontmatter(target),
        SchemaKind::Config => crate::schema::config(),
    };
    let text = serde_json::to_string_pretty(&schema).map_err(std::io::Error::other)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(0)
}
