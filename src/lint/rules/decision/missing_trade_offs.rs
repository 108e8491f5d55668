use crate::declare_rule;
use crate::lint::parts::Part;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::check_part;

declare_rule! {
    /// ## What it does
    /// Reports a decision skill that never states trade-offs: no section titled
    /// "Trade-offs", "Pros and cons", "Costs and benefits" and the like, and no table whose
    /// header names both gains (pros, benefits, advantages, "best for") and costs (cons,
    /// drawbacks, limitations).
    ///
    /// ## Why is this bad?
    /// Every option costs something. A skill that lists only strengths makes the agent
    /// recommend without saying what the user gives up.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// ```markdown
    /// | Option | Gains | Costs |
    /// |---|---|---|
    /// | Read replicas | read throughput | replication lag |
    /// ```
    pub struct MissingTradeOffs {
        code: "SK504",
        name: "missing-trade-offs",
        group: Decision,
        summary: "A decision skill does not state what each option gains and costs",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (What makes a good decision skill)",
    }
}

impl Rule for MissingTradeOffs {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        check_part(
            cx,
            Part::TradeOffs,
            "a `## Trade-offs` section (or a table with Gains and Costs columns) saying what each option gains and costs",
        );
    }
}
