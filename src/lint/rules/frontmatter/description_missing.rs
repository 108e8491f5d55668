use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::Span;
use crate::yaml::ScalarKind;

declare_rule! {
    /// ## What it does
    /// Reports a frontmatter without `description`, or with an empty or blank one.
    ///
    /// ## Why is this bad?
    /// The description is what the agent reads to decide whether to load the skill. The
    /// specification requires it; Claude Code falls back to the first paragraph of the body,
    /// which rarely says when to use the skill.
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
        let fm = &cx.skill.frontmatter;
        if !fm.is_usable() || fm.document.is_none() {
            return;
        }
        const HELP: &str = "say what the skill does and when to use it, such as `description: Extracts tables from PDFs. Use when a PDF is attached.`";
        match fm.entry("description") {
            None => {
                let at = cx.skill.split.open.unwrap_or(Span::empty(0));
                cx.report(at, "the frontmatter has no `description`").help(HELP);
            }
            Some(entry) => {
                let empty = matches!(entry.value.scalar_kind(), Some(ScalarKind::Null))
                    || entry.value.as_str().is_some_and(|s| s.trim().is_empty());
                if empty {
                    cx.report(entry.key.span, "`description` is empty").help(HELP);
                }
            }
        }
    }
}
