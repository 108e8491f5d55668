//! `skillsmith activation` and `skillsmith listing`: thin shells over [`crate::activation`].

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::activation::listing::{DEFAULT_CONTEXT_WINDOW, budget_for_context_window};
use crate::activation::load::{eval_queries, load, queries_file};
use crate::activation::queries::{Expectation, Query, Source};
use crate::activation::{Activation, Model, report};

use super::{EXIT_USAGE, usage_error};

/// Arguments of `skillsmith activation`.
#[derive(Debug, Args)]
pub struct ActivationArgs {
    /// SKILL.md files, skill folders, or folders to search (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// A JSON list of `{"query": ..., "skill": NAME or null}` (null: no skill should wake).
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    /// A query to rank, with no expectation (repeatable).
    #[arg(long = "query", value_name = "TEXT")]
    pub query: Vec<String>,
    /// The score the best-ranked skill needs to be activated.
    #[arg(long, value_name = "SCORE", default_value_t = Model::default().threshold)]
    pub threshold: f64,
    /// The context window in tokens; the listing gets 1% of it.
    #[arg(long, value_name = "TOKENS", default_value_t = DEFAULT_CONTEXT_WINDOW)]
    pub context_window: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ActivationFormat::Text)]
    pub format: ActivationFormat,
}

/// How `activation` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ActivationFormat {
    /// Per query, per skill, confusions, accuracy.
    #[default]
    Text,
    /// The stable JSON document described in the README.
    Json,
}

/// Arguments of `skillsmith listing`.
#[derive(Debug, Args)]
pub struct ListingArgs {
    /// SKILL.md files, skill folders, or folders to search (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// The context window in tokens; the listing gets 1% of it.
    #[arg(long, value_name = "TOKENS", default_value_t = DEFAULT_CONTEXT_WINDOW)]
    pub context_window: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListingFormat::Text)]
    pub format: ListingFormat,
}

/// How `listing` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ListingFormat {
    /// A table per install unit, with cuts, left-out skills and the budget.
    #[default]
    Text,
    /// The stable JSON document described in the README.
    Json,
}

fn report_problems(problems: &[String]) -> bool {
    for problem in problems {
        eprintln!("skillsmith: {problem}");
    }
    !problems.is_empty()
}

/// Runs `skillsmith activation`: 0 when every expectation is met, 1 when one is not, 2 on
/// usage or read errors.
pub fn run(args: ActivationArgs) -> std::io::Result<u8> {
    let loaded = load(&args.paths, budget_for_context_window(args.context_window));
    let mut failed = report_problems(&loaded.problems);
    if loaded.listings.is_empty() {
        return Err(usage_error("no SKILL.md found"));
    }
    let (mut queries, problems) = eval_queries(&loaded.listings);
    failed |= report_problems(&problems);
    if let Some(path) = &args.queries {
        queries.extend(queries_file(path).map_err(usage_error)?);
    }
    queries.extend(args.query.iter().map(|text| Query {
        text: text.clone(),
        expect: Expectation::Unstated,
        source: Source::Flag,
        pool: None,
    }));
    if queries.is_empty() {
        return Err(usage_error(
            "no queries: add evals/eval_queries.json to a skill, or give --queries FILE or --query TEXT",
        ));
    }
    let activation = Activation::new(loaded.listings, Model { threshold: args.threshold, ..Model::default() });
    for query in &queries {
        if let Expectation::Skill(name) = &query.expect
            && !activation.knows(name)
        {
            return Err(usage_error(format!(
                "query {:?} expects `{name}`, which is not among the skills given",
                query.text
            )));
        }
    }
    let outcome = activation.run(&queries);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ActivationFormat::Text => write!(out, "{}", report::to_text(&activation, &outcome))?,
        ActivationFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report::to_json(&activation, &outcome))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if failed {
        EXIT_USAGE
    } else if outcome.all_met() {
        0
    } else {
        1
    })
}

/// Runs `skillsmith listing`: 0, or 2 when a path could not be read.
pub fn listing(args: ListingArgs) -> std::io::Result<u8> {
    let loaded = load(&args.paths, budget_for_context_window(args.context_window));
    let failed = report_problems(&loaded.problems);
    if loaded.listings.is_empty() {
        return Err(usage_error("no SKILL.md found"));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ListingFormat::Text => write!(out, "{}", report::listing_text(&loaded.listings))?,
        ListingFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report::listing_json(&loaded.listings))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if failed { EXIT_USAGE } else { 0 })
}
