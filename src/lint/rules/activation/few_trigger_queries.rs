use crate::activation::queries::{EVAL_QUERIES, parse_eval_queries};
use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::eval_files::{anchor, read};

/// About how many trigger queries the guides recommend per skill.
pub const ENOUGH_QUERIES: usize = 20;

declare_rule! {
    /// ## What it does
    /// Reports a skill whose `evals/eval_queries.json` holds fewer than 20 queries, or none
    /// with `should_trigger: false`. Skills without the file are not reported (they have not
    /// opted into trigger tests); a file that does not parse is `eval-queries-invalid`'s.
    ///
    /// ## Why is this bad?
    /// The guides recommend about 20 queries per skill, some of which must not trigger it: a
    /// handful of queries cannot tell a description that triggers from one that happens to
    /// match them, and without negative queries a description that wakes on everything
    /// passes. True but harmless to the skill itself, so info.
    ///
    /// **Level.** Info: true but harmless; a small trigger set only measures activation less well.
    ///
    /// ## Example
    /// Eight queries, all `should_trigger: true`: add a dozen more, among them requests close
    /// to the skill's topic that belong to another skill.
    pub struct FewTriggerQueries {
        code: "SK252",
        name: "few-trigger-queries",
        group: Activation,
        summary: "evals/eval_queries.json has fewer than about 20 queries, or none that should not trigger",
        levels: Levels::all(Level::Info),
        fixable: No,
        source: "Agent Skills guide \"Optimizing descriptions\"",
    }
}

impl Rule for FewTriggerQueries {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(Ok(queries)) = read(cx, EVAL_QUERIES).map(|t| parse_eval_queries(&t)) else { return };
        let negative = queries.iter().filter(|q| !q.should_trigger).count();
        let mut missing = Vec::new();
        if queries.len() < ENOUGH_QUERIES {
            missing.push(format!("{} queries (about {ENOUGH_QUERIES} are recommended)", queries.len()));
        }
        if negative == 0 {
            missing.push("none that should not trigger".to_string());
        }
        if missing.is_empty() {
            return;
        }
        let span = anchor(cx);
        cx.report(span, format!("`{EVAL_QUERIES}` has {}", missing.join(", and ")))
            .help("add queries until there are about 20, some close to the topic that belong to another skill");
    }
}
