use crate::declare_rule;
use crate::lint::parts::Part;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::check_part;

declare_rule! {
    /// ## What it does
    /// Reports a decision skill without a decision flow: numbered steps that branch on
    /// answers (`1. If ... → ...`), a list of at least two `condition → outcome` items, a
    /// drawn tree (`├──`, `└──`), or a Mermaid flowchart.
    ///
    /// ## Why is this bad?
    /// A table says what each option is good for; the flow says in which order to ask the
    /// questions and which answer leads where. Without it the agent weighs everything at
    /// once.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// ```markdown
    /// 1. Is the data relational? No → go to step 3.
    /// 2. Over 10 TB? Yes → a distributed SQL store; no → PostgreSQL.
    /// ```
    pub struct MissingDecisionFlow {
        code: "SK503",
        name: "missing-decision-flow",
        group: Decision,
        summary: "A decision skill has no decision flow (ordered steps or a tree)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (What makes a good decision skill)",
    }
}

impl Rule for MissingDecisionFlow {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        check_part(cx, Part::Flow, "numbered steps or a tree saying which answer leads where (`1. If ... → ...`)");
    }
}
