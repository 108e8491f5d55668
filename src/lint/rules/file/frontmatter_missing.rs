use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::{FrontmatterError, Span};

declare_rule! {
    /// ## What it does
    /// Reports a SKILL.md whose first line is not exactly `---`, so it has no frontmatter.
    ///
    /// ## Why is this bad?
    /// Without frontmatter the skill has no name or description for the agent to match
    /// against: Claude Code falls back to the folder name and the first paragraph, and the
    /// specification rejects the skill.
    ///
    /// **Level.** Error on every target: without frontmatter the skill has no name or description to be
    /// listed and triggered by.
    ///
    /// ## Example
    /// ```markdown
    /// # PDF tools
    /// ```
    /// Start the file with:
    /// ```markdown
    /// ---
    /// name: pdf-tools
    /// description: Extracts text and tables from PDFs. Use when a PDF is attached.
    /// ---
    /// ```
    pub struct FrontmatterMissing {
        code: "SK004",
        name: "frontmatter-missing",
        group: File,
        summary: "The file does not start with a `---` frontmatter",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Agent Skills specification",
    }
}

impl Rule for FrontmatterMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        if cx.skill.source.is_binary() || cx.skill.frontmatter.error != Some(FrontmatterError::Missing) {
            return;
        }
        let first = cx.skill.line_span(1);
        let start = cx.skill.split.body.start as usize;
        let first_line = first.text(cx.text()).trim_start_matches('\u{feff}');
        let help = if first_line.trim() == "---" {
            "the first line must be exactly `---`, with nothing before or after it".to_string()
        } else {
            "start the file with a `---` line, the YAML frontmatter (name, description), and another `---` line"
                .to_string()
        };
        cx.report(Span::new(start, first.end as usize), "the file has no frontmatter: its first line is not `---`")
            .help(help);
    }
}
