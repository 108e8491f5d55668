use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a suppression directive (or one rule of it) that hid no finding although its
    /// rule ran on the file. Suppressions of rules that did not run (turned off, or decision
    /// rules on a skill that is not a decision skill) are not reported. The engine checks
    /// this after all other rules, repository rules included.
    ///
    /// ## Why is this bad?
    /// A stale suppression hides the next real finding on that line. Once the problem it was
    /// written for is fixed, remove it.
    ///
    /// **Level.** Warning: the skill is unaffected, but a stale suppression would hide a future finding.
    ///
    /// ## Example
    /// `<!-- skillsmith-disable-next-line SK700 -->` above a line that no longer holds a
    /// placeholder: delete the comment.
    pub struct UnusedSuppression {
        code: "SK900",
        name: "unused-suppression",
        group: Meta,
        summary: "A suppression directive hides no finding",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "skillsmith (suppressions)",
    }
}

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
