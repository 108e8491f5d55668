use crate::declare_rule;
use crate::lint::parts::{Part, Parts};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::check_part;

declare_rule! {
    /// ## What it does
    /// Reports a decision skill without examples: a section titled "Example(s)", "Worked
    /// example", "Case study", "Walkthrough" and the like, whose text states an outcome (an
    /// arrow, or words such as "result", "outcome", "decision", "recommend", "chose"). An
    /// examples section that never says what came out (and points to no Markdown file of
    /// examples) is reported at its heading.
    ///
    /// ## Why is this bad?
    /// Abstract criteria become usable through worked cases: the agent matches the user's
    /// situation to the closest example and checks its reasoning against the outcome.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// ```markdown
    /// ## Examples
    /// **A 40-table SaaS back end, 300 writes/s** → PostgreSQL on one primary with one
    /// replica; revisit at 5,000 writes/s.
    /// ```
    pub struct MissingExamples {
        code: "SK508",
        name: "missing-examples",
        group: Decision,
        summary: "A decision skill has no worked examples with their outcome",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (Include examples)",
    }
}

impl Rule for MissingExamples {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let parts = Parts::of(cx);
        if parts.find(Part::Examples).is_some() {
            return;
        }
        let tests = parts.test_sections();
        let titled = parts.sections_titled(crate::lint::parts::EXAMPLE_TITLES).find(|i| !tests.contains(i));
        if let Some(section) = titled {
            let heading = cx.skill.body.sections[section].heading;
            cx.report(heading, "these examples do not say what came out of them")
                .help("end each example with its outcome: the option chosen and why (`→ PostgreSQL, because ...`)");
            return;
        }
        check_part(cx, Part::Examples, "a `## Examples` section of worked scenarios, each ending with its outcome,");
    }
}
