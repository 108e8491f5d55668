//! The command line: a thin shell that parses arguments, calls the library and prints.

mod activation;
mod audit;
mod baseline;
mod config;
mod decide;
mod docs;
mod generate;
mod lint;
mod lsp;
mod outline;
mod package;
mod rules;
mod schema;
mod selection;
mod watch;

pub use rules::markdown_table;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Generate, lint and test Claude skills (SKILL.md).
#[derive(Debug, Parser)]
#[command(name = "skillsmith", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint skills: SKILL.md files, skill folders, or folders searched for skills.
    Lint(lint::LintArgs),
    /// List every rule: code, name, group, default level per target, fix.
    Rules(rules::RulesArgs),
    /// Print a rule's documentation.
    Explain(rules::ExplainArgs),
    /// The generator's commands: render, new, install, list.
    #[command(flatten)]
    Generate(generate::GenerateCommand),
    /// Write a commented skillsmith.toml.
    Init(config::InitArgs),
    /// Print the effective settings for a path (config, overrides and flags applied).
    Config(config::ConfigArgs),
    /// Print a JSON Schema for editors: SKILL.md frontmatter or skillsmith.toml.
    Schema(schema::SchemaArgs),
    /// Print a shell completion script.
    Completions(docs::CompletionsArgs),
    /// Print a manual page (roff), or write them all with --out-dir.
    Man(docs::ManArgs),
    /// Run decision skills' scenarios: the spec's test cases and SKILL_DIR/scenarios/*.yaml.
    Test(decide::TestArgs),
    /// Run a use case through a decision skill: criteria, method, ROI, red flags, GO/NO-GO.
    Evaluate(decide::EvaluateArgs),
    /// Print each skill's outline (frontmatter, size, decision parts, sections), stable for diffs and snapshots.
    Outline(outline::OutlineArgs),
    /// Review skills before installing them: what each can do (tools, load-time commands, scripts, hosts, hidden text) and its risk.
    Audit(audit::AuditArgs),
    /// Build the `.skill` package claude.ai and the Skills API accept, after checking the skill on the api target.
    Package(package::PackageArgs),
    /// Rank queries against the skill listing: which skill each would wake, recall and
    /// precision per skill, confusions (a lexical proxy for the model, offline).
    Activation(activation::ActivationArgs),
    /// Print Claude Code's skill listing per install unit: entry lengths, cuts, skills left
    /// out, the total against the budget, and what overflows.
    Listing(activation::ListingArgs),
    /// Run the language server (LSP over standard input and output) for editors.
    Lsp(lsp::LspArgs),
}

/// Exit code for usage and I/O errors.
pub const EXIT_USAGE: u8 = 2;

/// Runs the command line; returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lint(args) => lint::run(args),
        Command::Rules(args) => rules::list(args),
        Command::Explain(args) => rules::explain(args),
        Command::Generate(command) => generate::run(command),
        Command::Init(args) => config::init(args),
        Command::Config(args) => config::show(args),
        Command::Schema(args) => schema::run(args),
        Command::Completions(args) => docs::completions(args),
        Command::Man(args) => docs::man(args),
        Command::Test(args) => decide::test(args),
        Command::Evaluate(args) => decide::evaluate(args),
        Command::Outline(args) => outline::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Package(args) => package::run(args),
        Command::Activation(args) => activation::run(args),
        Command::Listing(args) => activation::listing(args),
        Command::Lsp(args) => lsp::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed pipe (`skillsmith lint | head`) is not an error worth a message.
            if err.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("skillsmith: {err}");
            }
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Whether to colour output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// True when output should be coloured.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
            }
        }
    }
}

/// The skills found under `paths`, each with its path as shown, read with default limits;
/// paths that do not exist and files that cannot be read are reported on stderr, and the
/// second value is true when there was one. Says so when no SKILL.md was found at all.
pub(crate) fn read_skills(paths: &[std::path::PathBuf]) -> (Vec<(String, crate::Skill)>, bool) {
    let found = crate::discover::discover(paths);
    let mut failed = false;
    for problem in &found.problems {
        eprintln!("skillsmith: {}", problem.message);
        failed = true;
    }
    let mut skills = Vec::with_capacity(found.files.len());
    for candidate in &found.files {
        match crate::lint::read_skill(candidate, crate::skill::ParseLimits::default()) {
            Ok(skill) => skills.push((crate::report::display_path(&candidate.path), skill)),
            Err(message) => {
                eprintln!("skillsmith: {message}");
                failed = true;
            }
        }
    }
    if found.files.is_empty() && found.problems.is_empty() {
        eprintln!("skillsmith: no SKILL.md found");
    }
    (skills, failed)
}

/// A usage error (exit code 2) with a message.
pub fn usage_error(message: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message.to_string())
}
