use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::security::tools::{KNOWN_TOOLS, grants};

declare_rule! {
    /// ## What it does
    /// Warns about names in `allowed-tools` that are not Claude Code tools: not a built-in
    /// tool (`Read`, `Grep`, `Bash`, `WebFetch`, ... and the older names `Task`,
    /// `MultiEdit`, `LS`) and not an MCP tool (`mcp__server__tool`), with "did you mean"
    /// for a typo. Only on the claude-code target.
    ///
    /// ## Why is this bad?
    /// A warning: the skill loads, but a name Claude Code does not know grants nothing, so
    /// the skill asks for permission where its author meant it not to (`Grpe` is not
    /// `Grep`), or a reviewer believes a tool is restricted when it is not.
    ///
    /// **Level.** Warning (claude-code only): the skill loads, but the misspelt tool grants nothing.
    ///
    /// ## Example
    /// `allowed-tools: Read Grpe`: write `allowed-tools: Read Grep`.
    pub struct UnknownTool {
        code: "SK808",
        name: "unknown-tool",
        group: Security,
        summary: "allowed-tools names a tool Claude Code does not know",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code documentation (tools reference: tool names are the strings used in permission rules)",
    }
}

impl Rule for UnknownTool {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(entry) = cx.skill.frontmatter.entry("allowed-tools") else { return };
        let span = entry.value.span;
        for grant in grants(cx.skill).iter().filter(|g| !g.is_known() && !g.tool.is_empty()) {
            let hint = crate::text::closest(&grant.tool, KNOWN_TOOLS.iter().copied());
            let help = match hint {
                Some(h) => format!("did you mean `{h}`? an unknown name grants nothing"),
                None => "use a Claude Code tool name (`Read`, `Grep`, `Bash(...)`) or `mcp__server__tool`".to_string(),
            };
            cx.report(span, format!("`{}` is not a Claude Code tool", grant.tool)).help(help);
        }
    }
}
