use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::yaml::{Node, Value};

declare_rule! {
    /// ## What it does
    /// On the claude-code target, checks `hooks` against the shape Claude Code's hooks
    /// reference documents: a map from a known event (`PreToolUse`, `PostToolUse`, `Stop`,
    /// `SessionStart`, ...) to a list of matcher groups, each a map with an optional
    /// `matcher` string and a `hooks` list; each hook a map with a `type` (`command`,
    /// `prompt`, `agent`, `http`) and what that type needs (`command` for a command hook,
    /// `prompt` for a prompt hook, `url` for an http hook), `timeout` a number. Unknown
    /// events get "did you mean". (`field-type` already reports a `hooks` that is not a map.)
    ///
    /// ## Why is this bad?
    /// A warning: the skill loads, but a hook with an unknown event or a wrong shape never
    /// fires, so the check or clean-up its author relied on silently does not happen.
    ///
    /// **Level.** Warning (claude-code only): the skill loads, but Claude Code does not run a hook it cannot read.
    ///
    /// ## Example
    /// ```yaml
    /// hooks:
    ///   PreTooluse:
    ///     - command: ./scripts/check.sh
    /// ```
    /// Write `PreToolUse:` with `- matcher: Bash` and `hooks: [{type: command, command: ./scripts/check.sh}]`.
    pub struct HooksShape {
        code: "SK135",
        name: "hooks-shape",
        group: Frontmatter,
        summary: "hooks has an unknown event or a shape Claude Code does not read",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code documentation (hooks reference: events and configuration; skills: hooks in frontmatter)",
    }
}

/// Hook events Claude Code documents [Claude Code docs, "Hooks reference"].
pub const HOOK_EVENTS: &[&str] = &[
    "PreToolUse",
    "PostToolUse",
    "PostToolUseFailure",
    "PostToolBatch",
    "PermissionRequest",
    "Notification",
    "UserPromptSubmit",
    "UserPromptExpansion",
    "Stop",
    "StopFailure",
    "SubagentStart",
    "SubagentStop",
    "TaskCreated",
    "TaskCompleted",
    "TeammateIdle",
    "PreCompact",
    "PostCompact",
    "SessionStart",
    "SessionEnd",
    "Setup",
    "InstructionsLoaded",
    "ConfigChange",
];

/// Hook types and the key each needs.
const HOOK_TYPES: &[(&str, &str)] =
    &[("command", "command"), ("prompt", "prompt"), ("agent", "prompt"), ("http", "url")];

impl Rule for HooksShape {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(hooks) = cx.skill.frontmatter.get("hooks") else { return };
        let Some(events) = hooks.as_map() else { return };
        let mut problems: Vec<(crate::skill::Span, String, String)> = Vec::new();
        for event in events {
            let Some(name) = event.key.as_str() else { continue };
            if !HOOK_EVENTS.contains(&name) {
                let help = crate::text::closest(name, HOOK_EVENTS.iter().copied()).map_or(
                    "events are case-sensitive: PreToolUse, PostToolUse, Stop, SessionStart, ...".to_string(),
                    |h| format!("did you mean `{h}`?"),
                );
                problems.push((event.key.span, format!("`{name}` is not a hook event"), help));
                continue;
            }
            let Some(groups) = event.value.as_seq() else {
                problems.push((
                    event.value.span,
                    format!("`{name}` must be a list of matcher groups"),
                    "write `- matcher: ...` items, each with a `hooks:` list".to_string(),
                ));
                continue;
            };
            for group in groups {
                check_group(group, &mut problems);
            }
        }
        for (span, message, help) in problems {
            cx.report(span, message).help(help);
        }
    }
}

/// Checks one matcher group: `matcher` a string, `hooks` a list of hooks.
fn check_group(group: &Node, problems: &mut Vec<(crate::skill::Span, String, String)>) {
    if group.as_map().is_none() {
        problems.push((group.span, "a matcher group must be a map".into(), "write `matcher:` and `hooks:`".into()));
        return;
    }
    if let Some(matcher) = group.get("matcher")
        && matcher.as_str().is_none()
    {
        problems.push((
            matcher.span,
            "`matcher` must be a string".into(),
            "write a tool name or pattern: `Bash`, `Edit|Write`".into(),
        ));
    }
    let Some(list) = group.get("hooks") else {
        let help = if group.get("command").is_some() {
            "put the command under `hooks: [{type: command, command: ...}]`"
        } else {
            "add `hooks:` with a list of `{type: command, command: ...}`"
        };
        problems.push((group.span, "a matcher group needs a `hooks` list".into(), help.into()));
        return;
    };
    let Some(items) = list.as_seq() else {
        problems.push((list.span, "`hooks` must be a list".into(), "write `- type: command` items".into()));
        return;
    };
    for hook in items {
        check_hook(hook, problems);
    }
}

/// Checks one hook: a known `type` and the key it needs; `timeout` a number.
fn check_hook(hook: &Node, problems: &mut Vec<(crate::skill::Span, String, String)>) {
    if hook.as_map().is_none() {
        problems.push((hook.span, "a hook must be a map".into(), "write `type: command` and `command: ...`".into()));
        return;
    }
    let Some(kind) = hook.get("type").and_then(Node::as_str) else {
        problems.push((
            hook.span,
            "a hook needs a `type`".into(),
            "add `type: command` (or prompt, agent, http)".into(),
        ));
        return;
    };
    let Some((_, needs)) = HOOK_TYPES.iter().find(|(t, _)| *t == kind) else {
        let span = hook.get("type").map_or(hook.span, |t| t.span);
        problems.push((span, format!("`{kind}` is not a hook type"), "use command, prompt, agent or http".into()));
        return;
    };
    if hook.get(needs).and_then(Node::as_str).is_none() {
        problems.push((hook.span, format!("a `{kind}` hook needs a `{needs}` string"), format!("add `{needs}: ...`")));
    }
    if let Some(timeout) = hook.get("timeout")
        && !matches!(&timeout.value, Value::Scalar(_) if timeout.as_str().is_some_and(|t| t.parse::<f64>().is_ok()))
    {
        problems.push((timeout.span, "`timeout` must be a number of seconds".into(), "write `timeout: 30`".into()));
    }
}
