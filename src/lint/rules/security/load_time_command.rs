use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::security::shell::load_commands;

declare_rule! {
    /// ## What it does
    /// Lists every command Claude Code runs when the skill loads: `` !`cmd` `` in the body
    /// and ```` ```! ```` blocks. Inline commands inside code blocks are examples and are left
    /// out. Only on the claude-code target, the one that runs them.
    ///
    /// ## Why is this bad?
    /// An info: it is not wrong, and often useful (`` !`git status` `` puts the current state
    /// in the prompt), but these commands run in the user's shell, with the user's
    /// permissions, as the skill is loaded: before the model sees anything, and on every
    /// use. A reviewer must know they are there; `load-time-command-risk` warns about the
    /// dangerous ones.
    ///
    /// **Level.** Info (claude-code only): true but harmless in itself; listed so a reviewer sees what runs at load.
    ///
    /// ## Example
    /// ``Current branch: !`git branch --show-current` `` is listed, so a reviewer reads it.
    pub struct LoadTimeCommand {
        code: "SK803",
        name: "load-time-command",
        group: Security,
        summary: "A command that runs when the skill loads (!`cmd` or a ```! block)",
        levels: Levels { spec: Level::Off, claude_code: Level::Info, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation (dynamic context injection)",
    }
}

impl Rule for LoadTimeCommand {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for command in load_commands(cx.skill) {
            let shown = crate::text::one_line(&command.command);
            let shown: String =
                if shown.chars().count() > 80 { shown.chars().take(77).chain("...".chars()).collect() } else { shown };
            let span = if command.block { cx.line_at(command.span.start as usize) } else { command.span };
            cx.report(span, format!("runs `{shown}` in the user's shell when the skill loads"))
                .help("make sure the command is safe to run unasked, on any machine");
        }
    }
}
