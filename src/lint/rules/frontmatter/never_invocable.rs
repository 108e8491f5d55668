use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// On the claude-code target, reports a skill with both `disable-model-invocation: true`
    /// and `user-invocable: false` (in any boolean form Claude Code reads).
    ///
    /// ## Why is this bad?
    /// A warning: the first keeps the model from invoking the skill, the second hides it from
    /// the slash-command menu, so nobody can ever start it. The skill loads and costs nothing,
    /// which is why it is not an error, but it never runs. (A skill only preloaded into a
    /// subagent through its `skills:` list needs neither key.)
    ///
    /// **Level.** Warning (claude-code only): the skill loads but can never run, so it only costs listing space.
    ///
    /// ## Example
    /// ```yaml
    /// disable-model-invocation: true
    /// user-invocable: false
    /// ```
    /// Keep one: `disable-model-invocation: true` for a skill only a person starts,
    /// `user-invocable: false` for background knowledge only the model loads.
    pub struct NeverInvocable {
        code: "SK132",
        name: "never-invocable",
        group: Frontmatter,
        summary: "disable-model-invocation: true with user-invocable: false: nobody can invoke it",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation (control who invokes a skill)",
    }
}

impl Rule for NeverInvocable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let fm = &cx.skill.frontmatter;
        if fm.flag("disable-model-invocation") != Some(true) || fm.flag("user-invocable") != Some(false) {
            return;
        }
        let Some(entry) = fm.entry("user-invocable") else { return };
        let span = entry.key.span.cover(entry.value.span);
        cx.report(span, "neither the model nor a person can invoke this skill").help(
            "remove `user-invocable: false` (a person starts it) or `disable-model-invocation: true` (the model may)",
        );
    }
}
