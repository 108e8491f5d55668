use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// On Claude Code, reports a description that calls the skill user-invoked or manual only
    /// ("User-invoked: ...", "invoke manually with /deploy", "not triggered automatically")
    /// when the frontmatter does not set `disable-model-invocation: true`.
    ///
    /// ## Why is this bad?
    /// Saying so in the description does not stop the model: Claude Code still lists the
    /// skill and may fire it on its own. Only `disable-model-invocation: true` keeps it to the
    /// user's `/name`.
    ///
    /// **Level.** Warning on `claude-code`: the skill loads, but it may run when its author
    /// meant it never to run unasked. Off on the other targets, which have no such key.
    ///
    /// ## Example
    /// `description: User-invoked only. Deploys to production.` without
    /// `disable-model-invocation: true`: add the key.
    pub struct UserInvokedWithoutKey {
        code: "SK202",
        name: "user-invoked-without-key",
        group: Activation,
        summary: "The description says the skill is user-invoked, but the model may still invoke it",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation (disable-model-invocation)",
    }
}

/// Phrases by which a description says only the user starts the skill.
const USER_ONLY: &[&str] = &[
    "user-invoked",
    "user invoked",
    "user-triggered",
    "manually invoked",
    "invoked manually",
    "invoke manually",
    "only invoked by the user",
    "only when invoked",
    "only when the user invokes",
    "not triggered automatically",
    "never triggered automatically",
    "do not invoke automatically",
    "don't invoke automatically",
    "manual invocation only",
    "manual-only",
];

impl Rule for UserInvokedWithoutKey {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let fm = &cx.skill.frontmatter;
        if fm.disables_model_invocation() {
            return;
        }
        let Some(description) = fm.description() else { return };
        let lower = description.value.to_lowercase();
        let Some(phrase) = USER_ONLY.iter().find(|p| lower.contains(*p)) else { return };
        cx.report(
            description.span,
            format!("the description says \"{phrase}\", but without `disable-model-invocation: true` the model may still invoke the skill"),
        )
        .help("add `disable-model-invocation: true` to the frontmatter");
    }
}
