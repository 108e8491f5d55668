//! `skillsmith evaluate SKILL_DIR --use-case FILE`: run a use case through a decision skill.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::cli::usage_error;
use crate::decide::engine::Logic;
use crate::decide::memo::memo_markdown;
use crate::decide::show::{Heading, evaluation_text};
use crate::decide::suite::open;
use crate::decide::use_case::read_use_case;
use crate::generate::templates::Templates;

/// Output formats of `evaluate`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum EvaluateFormat {
    /// Sections for a reader.
    #[default]
    Text,
    /// One JSON object: the skill, the use case, and the decision with every result.
    Json,
    /// A go/no-go memo with the reasoning, to paste into a pull request or a design doc.
    Markdown,
}

/// Arguments of `skillsmith evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The skill folder holding a skill.yaml (or the spec file), or a shipped skill's name.
    #[arg(value_name = "SKILL_DIR")]
    pub skill: String,
    /// The use-case file (YAML, in the format of the skill's `use-case` part; write an empty
    /// one with `skillsmith new NAME --template use-case --skill SKILL`).
    #[arg(long, value_name = "FILE")]
    pub use_case: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvaluateFormat::Text)]
    pub format: EvaluateFormat,
    /// A folder of templates overriding the built-in ones (for specs using its templates).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs `skillsmith evaluate`: 0 when the use case was evaluated (whatever the outcome), 2
/// when the skill or the use case cannot be read, with every problem at its line.
pub fn run(args: EvaluateArgs) -> std::io::Result<u8> {
    let templates = Templates::new(args.templates.as_deref()).map_err(usage_error)?;
    let source = open(&args.skill).map_err(usage_error)?;
    let spec = source.spec(&templates).map_err(usage_error)?;
    let shown = args.use_case.display().to_string();
    let text = crate::fsio::read_text_bounded(&args.use_case, crate::fsio::MAX_INPUT_BYTES)
        .map_err(|err| usage_error(format!("cannot read the use case {shown}: {err}")))?;
    let use_case = read_use_case(&text, &spec).map_err(|errors| {
        let lines: Vec<String> =
            errors.iter().map(|e| format!("{shown}:{}:{}: {}", e.line, e.column, e.message)).collect();
        usage_error(format!("the use case does not fit the skill `{}`:\n{}", spec.name(), lines.join("\n")))
    })?;
    let logic = Logic::new(&spec).map_err(usage_error)?;
    let decision = logic.decide(&use_case.facts, &use_case.statements);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let heading =
        Heading { skill: spec.name(), file: &shown, title: use_case.title.as_deref(), unfilled: &use_case.unfilled };
    match args.format {
        EvaluateFormat::Text => out.write_all(evaluation_text(&heading, &decision).as_bytes())?,
        EvaluateFormat::Markdown => out.write_all(memo_markdown(&heading, &decision).as_bytes())?,
        EvaluateFormat::Json => {
            let value = serde_json::json!({
                "skill": spec.name(),
                "use_case": shown,
                "title": use_case.title,
                "unfilled": use_case.unfilled,
                "decision": decision,
            });
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
        }
    }
    Ok(0)
}
