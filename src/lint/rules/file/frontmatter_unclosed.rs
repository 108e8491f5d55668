use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::FrontmatterError;

declare_rule! {
    /// ## What it does
    /// Reports a frontmatter that opens with `---` but has no closing line that is exactly
    /// `---`. A line such as `--- ` (trailing space) or `----` does not close it.
    ///
    /// ## Why is this bad?
    /// Without the closing fence the whole file is one unreadable frontmatter: the skill has
    /// no name, no description and no body.
    ///
    /// **Level.** Error on every target: an unclosed frontmatter swallows the body, so the skill misloads.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// name: pdf-tools
    /// description: Extracts text from PDFs.
    /// # PDF tools
    /// ```
    /// Add a `---` line after the description.
    pub struct FrontmatterUnclosed {
        code: "SK005",
        name: "frontmatter-unclosed",
        group: File,
        summary: "The frontmatter has no closing `---` line",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Agent Skills specification",
    }
}

impl Rule for FrontmatterUnclosed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        if cx.skill.frontmatter.error != Some(FrontmatterError::Unclosed) {
            return;
        }
        let Some(open) = cx.skill.split.open else { return };
        cx.report(open, "the frontmatter opened here is never closed")
            .help("end the frontmatter with a line that is exactly `---` (no spaces around it)");
    }
}
