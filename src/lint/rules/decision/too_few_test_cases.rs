use crate::declare_rule;
use crate::lint::parts::{Part, Parts};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a decision skill with fewer than three test cases that state an expected
    /// result. Test cases live in sections titled "Test cases", "Test scenarios",
    /// "Scenarios", "Testing this skill", or exactly "Tests", "Testing", "Evaluation(s)",
    /// "Evals"; each subsection, list item or table row there counts when it says what is
    /// expected ("Expected: ...", "should recommend ...", `→`).
    ///
    /// ## Why is this bad?
    /// A skill is tested like code: three scenarios with known answers (a clear case, a
    /// case where the skill must say no, an edge case) show whether it gives the right
    /// advice, and catch regressions when it is edited.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// ```markdown
    /// ## Test cases
    /// 1. Session store for 2M users, 5 ms budget → expected: Redis with persistence off.
    /// 2. Ledger with audits → expected: PostgreSQL; red flag "eventual consistency".
    /// 3. 50 GB analytics, nightly batch → expected: a column store, not the OLTP database.
    /// ```
    pub struct TooFewTestCases {
        code: "SK509",
        name: "too-few-test-cases",
        group: Decision,
        summary: "A decision skill has fewer than three test cases with expected results",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (Testing your skill); Anthropic best practices (three evaluations)",
    }
}

/// Test cases a decision skill needs.
const NEEDED: usize = 3;

impl Rule for TooFewTestCases {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let parts = Parts::of(cx);
        let count = parts.test_case_count();
        if count >= NEEDED {
            return;
        }
        let missing = NEEDED - count;
        if let Some(&section) = parts.test_sections().first() {
            let heading = cx.skill.body.sections[section].heading;
            let have = match count {
                0 => "no test case states".to_string(),
                1 => "only 1 test case states".to_string(),
                n => format!("only {n} test cases state"),
            };
            cx.report(heading, format!("{have} an expected result ({NEEDED} needed)")).help(format!(
                "add {missing} more, each a scenario with its expected result (`Expected: ...`), in this section"
            ));
            return;
        }
        let (span, place) = parts.insertion_point(Part::TestCases);
        cx.report(span, "this decision skill has no test cases").help(format!(
            "add a `## Test cases` section {place} with at least {NEEDED} scenarios, each with its expected result"
        ));
    }
}
