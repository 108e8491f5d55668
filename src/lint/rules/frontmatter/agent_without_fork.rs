use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// On the claude-code target, reports `agent` without `context: fork`, and an `agent`
    /// value that cannot name an agent: a built-in (`general-purpose`, `Explore`, `Plan`), a
    /// custom agent (`.claude/agents/<name>.md`: letters, digits, `-` and `_`) or a plugin's
    /// (`plugin:agent`). A built-in written in the wrong case (`explore`) gets a hint.
    ///
    /// ## Why is this bad?
    /// A warning: Claude Code uses `agent` only to pick the subagent a forked skill runs in,
    /// so without `context: fork` the key does nothing and the skill runs inline, with the
    /// whole conversation, which is not what its author wrote. A value with spaces or
    /// slashes names no agent.
    ///
    /// **Level.** Warning (claude-code only): the skill loads, but without `context: fork` Claude Code ignores `agent`, so the author's intent is lost.
    ///
    /// ## Example
    /// `agent: Explore` alone: add `context: fork`.
    pub struct AgentWithoutFork {
        code: "SK131",
        name: "agent-without-fork",
        group: Frontmatter,
        summary: "agent is set without context: fork, or names no possible agent",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation (run skills in a subagent: context and agent)",
    }
}

/// Claude Code's built-in subagents.
pub const BUILT_IN_AGENTS: &[&str] = &["general-purpose", "Explore", "Plan"];

/// True when `name` can name an agent: a built-in, `name` or `plugin:name` of letters, digits,
/// `-` and `_`.
fn can_name_agent(name: &str) -> bool {
    let part = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    match name.split_once(':') {
        Some((plugin, agent)) => part(plugin) && part(agent),
        None => part(name),
    }
}

impl Rule for AgentWithoutFork {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(agent) = cx.skill.frontmatter.str_field("agent") else { return };
        let name = agent.value.trim();
        let forked = cx.skill.frontmatter.str_field("context").is_some_and(|c| c.value.trim() == "fork");
        if !forked {
            cx.report(agent.key_span, format!("`agent: {name}` does nothing without `context: fork`"))
                .help("add `context: fork` to run the skill in that subagent, or remove `agent`");
        }
        if let Some(built_in) = BUILT_IN_AGENTS.iter().find(|b| b.eq_ignore_ascii_case(name) && **b != name) {
            cx.report(agent.span, format!("`{name}` is not a built-in agent"))
                .help(format!("did you mean `{built_in}`? agent names are case-sensitive"));
        } else if !can_name_agent(name) {
            cx.report(agent.span, format!("`{name}` cannot name an agent"))
                .help("use a built-in (general-purpose, Explore, Plan), a custom agent's name, or `plugin:agent`");
        }
    }
}
