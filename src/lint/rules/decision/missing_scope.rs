use crate::declare_rule;
use crate::lint::parts::Part;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::check_part;

declare_rule! {
    /// ## What it does
    /// Reports a decision skill that never says when not to use it: no heading such as
    /// "When not to use", "Do not use", "Not for", "Out of scope", and no paragraph or list
    /// item opening with "Do not use ..." (a bold lead such as `**Do not use this skill
    /// for**:` counts).
    ///
    /// ## Why is this bad?
    /// Decision skills attract neighbouring questions. Saying which ones belong to another
    /// skill (implementation, operations) keeps the agent from stretching the framework.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// ```markdown
    /// **Do not use this skill for**:
    /// - Writing the migration itself (see the migration skill)
    /// ```
    pub struct MissingScope {
        code: "SK501",
        name: "missing-scope",
        group: Decision,
        summary: "A decision skill does not say when not to use it",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (What makes a good decision skill)",
    }
}

impl Rule for MissingScope {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        check_part(
            cx,
            Part::Scope,
            "a `**Do not use this skill for**:` list naming the neighbouring tasks it does not cover,",
        );
    }
}
