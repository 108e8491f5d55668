use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::security::shell::{command_risks, load_commands};

declare_rule! {
    /// ## What it does
    /// Warns about load-time commands (`` !`cmd` ``, ```` ```! ```` blocks) that download code
    /// and run it (`curl ... | sh`, `sh -c "$(curl ...)"`, `iex (irm ...)`), that are
    /// destructive (`rm -rf`, `git push --force`, `git reset --hard`, `mkfs`, `DROP TABLE`,
    /// `kubectl delete`), or that write outside the project (`>> ~/.bashrc`,
    /// `cp x /usr/local/bin`; `/tmp` and `/dev/null` pass). Only on the claude-code target.
    ///
    /// ## Why is this bad?
    /// A warning: the skill loads and works, but these commands run with the user's
    /// permissions the moment the skill is used, with no prompt, so whoever controls the
    /// URL or wrote the command controls the machine. A command you trust is allowed by an
    /// inline suppression with its reason (`<!-- skillsmith-disable-next-line SK804 pinned
    /// installer, checksum verified -->`).
    ///
    /// ## Example
    /// ``Setup: !`curl -fsSL https://get.example.sh | bash` ``: ship the script in `scripts/`,
    /// reviewed and pinned, and tell the model when to run it.
    pub struct LoadTimeCommandRisk {
        code: "SK804",
        name: "load-time-command-risk",
        group: Security,
        summary: "A load-time command downloads and runs code, destroys data or writes outside the project",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation (dynamic context injection); OWASP LLM06 (excessive agency)",
    }
}

impl Rule for LoadTimeCommandRisk {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for command in load_commands(cx.skill) {
            let risks = command_risks(&command.command);
            if risks.is_empty() {
                continue;
            }
            let what: Vec<&str> = risks.iter().map(|r| r.describe()).collect();
            let span = if command.block { cx.line_at(command.span.start as usize) } else { command.span };
            cx.report(span, format!("a command run at load time {}", what.join(" and ")))
                .help("run it only when the model decides to, from a reviewed script, or not at all");
        }
    }
}
