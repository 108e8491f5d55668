use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::suppress::directives;
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a suppression directive that cannot work: an unknown directive word
    /// (`skillsmith-disabel`), a rule code or name that does not exist, or a directive that
    /// names no rule. Says the nearest valid name.
    ///
    /// ## Why is this bad?
    /// A mistyped directive suppresses nothing, silently: the finding it was meant to hide
    /// still shows, or worse, the author believes a rule is off that is not.
    ///
    /// **Level.** Warning: the skill is unaffected, but the suppression does not do what its author meant.
    ///
    /// ## Example
    /// `<!-- skillsmith-disable-next-line SK7O0 -->` (a letter O): write `SK700`.
    pub struct InvalidSuppression {
        code: "SK901",
        name: "invalid-suppression",
        group: Meta,
        summary: "A suppression directive names an unknown rule or directive, or no rule",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "skillsmith (suppressions)",
    }
}

impl Rule for InvalidSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let (_, problems) = directives(cx.skill);
        for problem in problems {
            cx.report(problem.span, problem.message).help(problem.help);
        }
    }
}
