use crate::activation::queries::{EVAL_QUERIES, parse_eval_queries};
use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::eval_files::{anchor, read};

declare_rule! {
    /// ## What it does
    /// Checks the skill's `evals/eval_queries.json` against the shape of the Agent Skills
    /// guide: a JSON list of objects, each with a `query` (non-empty text) and a
    /// `should_trigger` (true or false). Reports the first error with its line and column in
    /// the JSON file, at the skill's `description`.
    ///
    /// ## Why is this bad?
    /// Trigger tests (`skillsmith activation`, skill-creator's `run_eval.py`) cannot run from
    /// a file they cannot read, and the skill then goes untested without anyone noticing.
    /// The skill itself still loads, so this is a warning.
    ///
    /// **Level.** Warning: the skill loads; only its trigger tests are unreadable, which serves its authors worse.
    ///
    /// ## Example
    /// `{"query": "fill this form", "should_trigger": "yes"}`: write `true`.
    pub struct EvalQueriesInvalid {
        code: "SK250",
        name: "eval-queries-invalid",
        group: Activation,
        summary: "evals/eval_queries.json does not have the documented shape",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Agent Skills guide \"Optimizing descriptions\"; skill-creator run_eval.py",
    }
}

impl Rule for EvalQueriesInvalid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(text) = read(cx, EVAL_QUERIES) else { return };
        if let Err(err) = parse_eval_queries(&text) {
            let span = anchor(cx);
            cx.report(span, format!("`{EVAL_QUERIES}` {err}"))
                .help("the file holds a list of {\"query\": \"...\", \"should_trigger\": true or false}");
        }
    }
}
