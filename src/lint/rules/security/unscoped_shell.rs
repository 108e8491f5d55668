use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::security::tools::grants;

declare_rule! {
    /// ## What it does
    /// Warns when `allowed-tools` grants a shell for every command: `Bash`, `Bash(*)`,
    /// `Bash(:*)`, `PowerShell`. The help suggests scoped patterns made from the commands the
    /// body's shell blocks run (`Bash(git:*) Bash(npm:*)`).
    ///
    /// ## Why is this bad?
    /// A warning: `allowed-tools` lets the listed tools run without a permission prompt
    /// while the skill is active, so unscoped `Bash` lets the model run any command
    /// unasked, including whatever a fetched page or a file tells it to. A scoped pattern
    /// grants what the skill needs and nothing more.
    ///
    /// **Level.** Warning (claude-code only): the skill loads, but grants every shell command without asking.
    ///
    /// ## Example
    /// `allowed-tools: Read Bash`: write `allowed-tools: Read Bash(git status:*) Bash(git diff:*)`.
    pub struct UnscopedShell {
        code: "SK807",
        name: "unscoped-shell",
        group: Security,
        summary: "allowed-tools grants Bash for every command",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code documentation (permissions: tool-specific rules; skills: allowed-tools)",
    }
}

/// Up to three scoped patterns for the commands the body's shell blocks start with.
fn suggested_scopes(cx: &Checker<'_>) -> Vec<String> {
    let text = cx.text();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for block in &cx.skill.body.code_blocks {
        if !crate::security::shell::is_shell_block(block) {
            continue;
        }
        for line in block.span.text(text).lines().skip(1) {
            let line = line.trim().trim_start_matches("$ ");
            let Some(word) = line.split_whitespace().next() else { continue };
            let plain = word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
            if !plain
                || line.starts_with("```")
                || matches!(word, "cd" | "echo" | "export" | "if" | "then" | "fi" | "do" | "done" | "for")
            {
                continue;
            }
            match counts.iter_mut().find(|(w, _)| w == word) {
                Some((_, n)) => *n += 1,
                None => counts.push((word.to_string(), 1)),
            }
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    counts.into_iter().take(3).map(|(w, _)| format!("Bash({w}:*)")).collect()
}

impl Rule for UnscopedShell {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(entry) = cx.skill.frontmatter.entry("allowed-tools") else { return };
        let span = entry.value.span;
        for grant in grants(cx.skill).iter().filter(|g| g.is_unscoped_shell()) {
            let scopes = suggested_scopes(cx);
            let help = if scopes.is_empty() {
                format!("scope it to the commands the skill needs, such as `{}(git status:*)`", grant.tool)
            } else {
                format!("scope it to the commands the skill runs, such as `{}`", scopes.join(" "))
            };
            cx.report(span, format!("`{}` lets the model run any command without asking", grant.pattern)).help(help);
        }
    }
}
