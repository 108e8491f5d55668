use crate::activation::queries::{EVALS, parse_evals};
use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::eval_files::{anchor, read};

declare_rule! {
    /// ## What it does
    /// Checks the skill's `evals/evals.json` (skill-creator's output-quality evals) against
    /// its documented shape: an object with an `evals` list (and optionally `skill_name`),
    /// each eval an object with a non-empty `prompt` and optionally a numeric `id`, an
    /// `expected_output` text, and `files` and `expectations` lists of text. Reports the
    /// first error with its line and column in the JSON file, at the skill's `description`.
    ///
    /// ## Why is this bad?
    /// The evaluation loop refuses a file of the wrong shape, and the skill's output goes
    /// unchecked. The skill itself still loads, so this is a warning.
    ///
    /// **Level.** Warning: the skill loads; only its output evals are unreadable, which serves its authors worse.
    ///
    /// ## Example
    /// `{"evals": [{"id": 1, "question": "..."}]}`: the field is `prompt`.
    pub struct EvalsInvalid {
        code: "SK251",
        name: "evals-invalid",
        group: Activation,
        summary: "evals/evals.json does not have the documented shape",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Agent Skills guide \"Evaluating skills\"; skill-creator schemas",
    }
}

impl Rule for EvalsInvalid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(text) = read(cx, EVALS) else { return };
        if let Err(err) = parse_evals(&text) {
            let span = anchor(cx);
            cx.report(span, format!("`{EVALS}` {err}"))
                .help("the file holds {\"skill_name\": \"...\", \"evals\": [{\"id\": 1, \"prompt\": \"...\"}]}");
        }
    }
}
