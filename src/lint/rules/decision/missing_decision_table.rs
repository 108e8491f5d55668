use crate::declare_rule;
use crate::lint::parts::Part;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::check_part;

declare_rule! {
    /// ## What it does
    /// Reports a decision skill without a decision table: a Markdown table with a header of
    /// at least two columns and at least two data rows that are not empty.
    ///
    /// ## Why is this bad?
    /// A table lines the options up against the criteria, so the agent compares them on
    /// the same terms instead of recalling each option separately.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// ```markdown
    /// | Need | Choose | Because |
    /// |---|---|---|
    /// | Joins across entities | PostgreSQL | relational model |
    /// | Key lookups at 50k/s | Redis | in-memory |
    /// ```
    pub struct MissingDecisionTable {
        code: "SK502",
        name: "missing-decision-table",
        group: Decision,
        summary: "A decision skill has no decision table",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (What makes a good decision skill)",
    }
}

impl Rule for MissingDecisionTable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        check_part(cx, Part::DecisionTable, "a table with one row per situation or option and a column per criterion");
    }
}
