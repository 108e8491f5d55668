use crate::declare_rule;
use crate::lint::parts::Part;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::check_part;

declare_rule! {
    /// ## What it does
    /// Reports a decision skill without green lights: a heading such as "Green lights",
    /// "Signs you should proceed", "Proceed if" or "Go signals" with items under it.
    ///
    /// ## Why is this bad?
    /// Red flags say when to stop; green lights say when the evidence is enough to go
    /// ahead. Without them the agent keeps asking questions it does not need answered.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// ```markdown
    /// ## Green lights
    /// - Read/write ratio measured over a week of production traffic
    /// ```
    pub struct MissingGreenLights {
        code: "SK507",
        name: "missing-green-lights",
        group: Decision,
        summary: "A decision skill has no green lights (signals to proceed)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (What makes a good decision skill)",
    }
}

impl Rule for MissingGreenLights {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        check_part(
            cx,
            Part::GreenLights,
            "a `## Green lights` section listing the signals that say it is safe to proceed",
        );
    }
}
