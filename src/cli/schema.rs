//! `skillsmith schema`: the JSON Schemas editors use to check SKILL.md frontmatter,
//! `skillsmith.toml`, skill specs, scenarios and use cases.

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
    /// A skill spec, skill.yaml (JSON Schema draft-07).
    Spec,
    /// A decision skill's scenario file, scenarios/*.yaml (JSON Schema draft-07).
    Scenario,
    /// A use-case file for one decision skill, as `skillsmith evaluate` reads it.
    UseCase {
        /// The decision skill: a folder holding skill.yaml, a spec, or a shipped skill's name.
        #[arg(long, value_name = "SKILL")]
        skill: String,
    },
}

/// Prints the chosen schema as JSON.
pub fn run(args: SchemaArgs) -> std::io::Result<u8> {
    let schema = match args.which {
        SchemaKind::Frontmatter { target } => crate::schema::frontmatter(target),
        SchemaKind::Config => crate::schema::config(),
        SchemaKind::Spec => crate::schema::spec(),
        SchemaKind::Scenario => crate::schema::scenario(),
        SchemaKind::UseCase { skill } => {
            let templates = crate::generate::templates::Templates::builtin();
            let source = crate::decide::suite::open(&skill).map_err(crate::cli::usage_error)?;
            let spec = source.spec(&templates).map_err(crate::cli::usage_error)?;
            let Some(schema) = crate::schema::use_case(&spec) else {
                let message = format!("the skill `{}` has no `use-case` part in its spec", spec.name());
                return Err(crate::cli::usage_error(message));
            };
            schema
        }
    };
    let text = serde_json::to_string_pretty(&schema).map_err(std::io::Error::other)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(0)
}
