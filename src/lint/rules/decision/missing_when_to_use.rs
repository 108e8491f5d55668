use crate::declare_rule;
use crate::lint::parts::Part;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::check_part;

declare_rule! {
    /// ## What it does
    /// Reports a decision skill with no section saying when to use it. Accepted headings
    /// include "When to use", "When to use this skill", "Use cases", "Triggers", "When to
    /// apply", "Activation criteria"; a paragraph opening with "Use this skill when" counts
    /// too. The finding points where to add it: after the title, or at the body's start.
    ///
    /// ## Why is this bad?
    /// Activation criteria are the first thing an agent checks once the skill is loaded:
    /// is this the situation the skill was written for? Without them it applies the
    /// framework to problems it does not fit.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// ```markdown
    /// ## When to use
    /// - Choosing a primary database for a new service
    /// - Deciding whether to split a database that outgrew one node
    /// ```
    pub struct MissingWhenToUse {
        code: "SK500",
        name: "missing-when-to-use",
        group: Decision,
        summary: "A decision skill has no \"When to use\" section",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (What makes a good decision skill)",
    }
}

impl Rule for MissingWhenToUse {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        check_part(cx, Part::WhenToUse, "a `## When to use` section listing the situations the skill decides");
    }
}
