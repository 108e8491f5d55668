//! `skillsmith rules` and `skillsmith explain`.

use std::io::Write;

use clap::Args;

use crate::lint::{Group, RuleMeta, find, rules, suggest};

use super::usage_error;

/// Arguments of `skillsmith rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print JSON instead of a table.
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print the Markdown table docs/rules.md holds.
    #[arg(long)]
    pub markdown: bool,
}

/// Arguments of `skillsmith explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (`SK103`) or name (`name-dir-mismatch`).
    pub rule: String,
}

/// The rule table in Markdown, as docs/rules.md holds it.
pub fn markdown_table() -> String {
    let mut table = String::from(
        "| code | name | group | default (spec/claude-code/api) | fix | what it finds |\n|---|---|---|---|---|---|\n",
    );
    for rule in rules() {
        let meta = rule.meta();
        table.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} |\n",
            meta.code,
            meta.name,
            meta.group.as_str(),
            meta.levels_text(),
            meta.fixable.as_str(),
            meta.summary.replace('|', "\\|")
        ));
    }
    table
}

/// Prints the rule table.
pub fn list(args: RulesArgs) -> std::io::Result<u8> {
    let mut out = std::io::stdout().lock();
    if args.markdown {
        write!(out, "{}", markdown_table())?;
        return Ok(0);
    }
    if args.json {
        let metas: Vec<&RuleMeta> = rules().iter().map(|r| r.meta()).collect();
        serde_json::to_writer_pretty(&mut out, &metas)?;
        writeln!(out)?;
        return Ok(0);
    }
    let width = rules().iter().map(|r| r.meta().name.len()).max().unwrap_or(0);
    writeln!(
        out,
        "{:<6} {:<width$} {:<11} {:<27} {:<7} summary",
        "code", "name", "group", "spec/claude-code/api", "fix"
    )?;
    for rule in rules() {
        let meta = rule.meta();
        writeln!(
            out,
            "{:<6} {:<width$} {:<11} {:<27} {:<7} {}",
            meta.code,
            meta.name,
            meta.group.as_str(),
            meta.levels_text(),
            meta.fixable.as_str(),
            meta.summary
        )?;
    }
    Ok(0)
}

/// Prints one rule's documentation.
pub fn explain(args: ExplainArgs) -> std::io::Result<u8> {
    let Some(index) = find(&args.rule) else {
        let hint = suggest(&args.rule).map(|s| format!("; did you mean `{s}`?")).unwrap_or_default();
        return Err(usage_error(format!("no rule `{}`{hint} (`skillsmith rules` lists them)", args.rule)));
    };
    let meta = rules()[index].meta();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", meta.explanation())?;
    if matches!(meta.group, Group::Sections | Group::Decision) {
        writeln!(out, "\n## The built-in kinds (src/kinds/builtin.toml)\n")?;
        write!(out, "{}", crate::kinds::markdown_table(&crate::kinds::Kinds::builtin()))?;
    }
    Ok(0)
}
