use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a fenced code block (```` ``` ```` or `~~~`) that is never closed, at its
    /// opening line.
    ///
    /// ## Why is this bad?
    /// An unclosed fence turns the rest of the file into code: every heading, list and
    /// instruction after it is shown to the agent as one code sample.
    ///
    /// **Level.** Warning: a rendering defect; the skill loads, but everything after the fence reads as
    /// code.
    ///
    /// ## Example
    /// ```` ```bash ```` at line 40 with no closing ```` ``` ````: close it after the last
    /// command.
    pub struct UnclosedCodeFence {
        code: "SK304",
        name: "unclosed-code-fence",
        group: Structure,
        summary: "A fenced code block is never closed",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "CommonMark specification",
    }
}

impl Rule for UnclosedCodeFence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for block in cx.skill.body.code_blocks.iter().filter(|b| b.fenced && !b.closed) {
            let opening = cx.line_at(block.span.start as usize);
            let fence: Vec<char> = opening
                .text(cx.text())
                .trim_start_matches(['>', ' ', '\t'])
                .chars()
                .take_while(|&c| c == '`' || c == '~')
                .collect();
            let kind = if fence.first() == Some(&'~') { "tildes" } else { "backticks" };
            let lines = cx.skill.line_col(block.span.end as usize).line - cx.line_of(block.span.start as usize);
            cx.report(opening, "this code block is never closed").help(format!(
                "close it with a line of {} {kind}; the {lines} lines after this one are read as code",
                fence.len().max(3)
            ));
        }
    }
}
