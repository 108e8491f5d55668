use crate::declare_rule;
use crate::lint::parts::Part;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::check_part;

declare_rule! {
    /// ## What it does
    /// Reports a decision skill without a red-flags section holding items: a heading such
    /// as "Red flags", "Anti-patterns", "Warning signs", "Pitfalls", "Common mistakes",
    /// "Gotchas" or "Don'ts" with list items or table rows under it.
    ///
    /// ## Why is this bad?
    /// Red flags are the signals that the choice is going wrong. Without them the agent
    /// follows the framework straight past the evidence that it does not apply.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// ```markdown
    /// ## Red flags
    /// - "We might need to scale to millions" with no numbers → size for measured load
    /// ```
    pub struct MissingRedFlags {
        code: "SK505",
        name: "missing-red-flags",
        group: Decision,
        summary: "A decision skill has no red flags",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (What makes a good decision skill)",
    }
}

impl Rule for MissingRedFlags {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        check_part(cx, Part::RedFlags, "a `## Red flags` section of items written as `signal → what to do instead`");
    }
}
