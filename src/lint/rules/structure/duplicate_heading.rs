use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::text::words::normalize;

declare_rule! {
    /// ## What it does
    /// Reports a heading with the same text as an earlier heading under the same parent
    /// (two `## Examples` in one document, or two `### Usage` under one `## Setup`).
    /// Headings under different parents may repeat (`### Example` in every section).
    ///
    /// ## Why is this bad?
    /// Links to `#examples` reach only the first; an agent told to "read the Examples
    /// section" cannot know which one. Usually two drafts were merged.
    ///
    /// **Level.** Warning: the skill loads, but two sections of one name are easily confused or merged.
    ///
    /// ## Example
    /// `## Usage` at lines 10 and 80: merge them, or name them `## Usage from the CLI` and
    /// `## Usage from Python`.
    pub struct DuplicateHeading {
        code: "SK303",
        name: "duplicate-heading",
        group: Structure,
        summary: "Two sibling headings have the same text",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "CommonMark conventions (markdownlint MD024 siblings_only)",
    }
}

impl Rule for DuplicateHeading {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let sections = &cx.skill.body.sections;
        // The first section of each (parent, level, normalised title): one pass, not a pass
        // over the earlier sections for each.
        let mut first_of = std::collections::HashMap::new();
        for (index, section) in sections.iter().enumerate() {
            let title = normalize(&section.title);
            if title.is_empty() {
                continue;
            }
            let first = *first_of.entry((section.parent, section.level, title)).or_insert(index);
            if first != index {
                let line = cx.line_of(sections[first].heading.start as usize);
                cx.report(section.heading, format!("the heading `{}` repeats a sibling heading", section.title))
                    .help(format!("first at line {line}; merge the two sections or name them apart"));
            }
        }
    }
}
