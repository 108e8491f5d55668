use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::security::shell::load_commands;
use crate::security::tools::side_effect;

declare_rule! {
    /// ## What it does
    /// Warns when a skill that acts on the world can be invoked by the model on its own:
    /// `disable-model-invocation` is not true and its name holds a verb such as deploy,
    /// publish, send, delete, destroy, ship, tweet (`deploy-app`), its description opens with
    /// one in the third person, saying what the skill itself does ("Publishes the package
    /// ..."), `allowed-tools` grants such a command (`Bash(git push:*)`, `Bash(npm
    /// publish:*)`), or a load-time command runs one. Words that are usually nouns in a name
    /// (`push-notification-setup`, `release-notes`, `email-routing`) and imperative topic
    /// lines ("Deploy ML models with Docker") pass. Only on the claude-code target.
    ///
    /// ## Why is this bad?
    /// A warning: the skill works, but the model decides to use a skill from its
    /// description alone, so "the tests pass, let me ship it" can deploy, publish or push
    /// without anyone asking. Claude Code's documentation recommends
    /// `disable-model-invocation: true` for exactly these workflows, so only a person starts
    /// them with the slash command.
    ///
    /// **Level.** Warning (claude-code only): the skill loads, but the model may fire a side effect on its own.
    ///
    /// ## Example
    /// `name: deploy` without `disable-model-invocation`: add `disable-model-invocation: true`.
    pub struct ModelInvocableSideEffect {
        code: "SK809",
        name: "model-invocable-side-effect",
        group: Security,
        summary: "A skill that deploys, publishes or sends can be invoked by the model on its own",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation (control who invokes a skill: disable-model-invocation)",
    }
}

impl Rule for ModelInvocableSideEffect {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        if cx.skill.frontmatter.disables_model_invocation() {
            return;
        }
        let commands: Vec<String> = load_commands(cx.skill).into_iter().map(|c| c.command).collect();
        let Some(why) = side_effect(cx.skill, &commands) else { return };
        let span = cx.skill.frontmatter.name().map_or_else(|| cx.line_at(0), |n| n.span);
        cx.report(span, format!("the model may invoke this skill on its own, and {why}"))
            .help("add `disable-model-invocation: true` so only a person starts it, with its slash command");
    }
}
