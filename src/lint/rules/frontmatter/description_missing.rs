use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::report_missing_or_empty;

declare_rule! {
    /// ## What it does
    /// Reports a frontmatter without `description`, or with an empty or blank one.
    ///
    /// ## Why is this bad?
    /// The description is what the agent reads to decide whether to load the skill. The
    /// specification requires it; Claude Code falls back to the first paragraph of the body,
    /// which rarely says when to use the skill.
    ///
    /// **Level.** Error on `spec` and `api`, which refuse it; a warning on `claude-code`, which falls back
    /// to the first body paragraph, a poor trigger.
    ///
    /// ## Example
    /// ```yaml
    /// name: pdf
    /// description: ""
    /// ```
    /// Say what the skill does and when to use it.
    pub struct DescriptionMissing {
        code: "SK107",
        name: "description-missing",
        group: Frontmatter,
        summary: "The frontmatter has no description, or an empty one",
        levels: Levels { spec: Level::Error, claude_code: Level::Warning, api: Level::Error },
        fixable: No,
        source: "Agent Skills specification",
    }
}

impl Rule for DescriptionMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        const HELP: &str = "say what the skill does and when to use it, such as `description: Extracts tables from PDFs. Use when a PDF is attached.`";
        report_missing_or_empty(cx, "description", HELP.to_string(), HELP.to_string());
    }
}
