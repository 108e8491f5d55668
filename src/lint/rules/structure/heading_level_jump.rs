use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a heading more than one level deeper than the heading before it (`#` then
    /// `###`). The first heading of the body may have any level.
    ///
    /// ## Why is this bad?
    /// Heading levels are the skill's outline: a skipped level makes a subsection look like
    /// it belongs to a section that does not exist, for readers and for tools that fold or
    /// index by heading.
    ///
    /// **Level.** Warning: the skill loads, but a skipped level breaks the outline the agent navigates by.
    ///
    /// ## Example
    /// `## Workflow` followed by `#### Step 1`: make it `### Step 1`.
    pub struct HeadingLevelJump {
        code: "SK302",
        name: "heading-level-jump",
        group: Structure,
        summary: "A heading skips a level (## followed by ####)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "CommonMark conventions (markdownlint MD001)",
    }
}

impl Rule for HeadingLevelJump {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let sections = &cx.skill.body.sections;
        for pair in sections.windows(2) {
            let (previous, heading) = (&pair[0], &pair[1]);
            if heading.level > previous.level + 1 {
                let line = cx.line_of(previous.heading.start as usize);
                let want = "#".repeat(previous.level as usize + 1);
                cx.report(
                    heading.heading,
                    format!("heading level {} follows a level-{} heading (line {line})", heading.level, previous.level),
                )
                .help(format!("use `{want}` here, or add the missing level between them"));
            }
        }
    }
}
