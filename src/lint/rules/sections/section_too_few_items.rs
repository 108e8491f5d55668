use crate::declare_rule;
use crate::kinds::SectionCheck;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::{required, shown};

declare_rule! {
    /// ## What it does
    /// Reports a required section holding fewer entries than its kind's `min-items`: of what
    /// its `holds` names (table rows that are not empty, items of lists not nested in other
    /// lists, code blocks); without `holds`, its subsections, or when it has none, its list
    /// items and table rows. The finding is at the section's heading.
    ///
    /// ## Why is this bad?
    /// A warning: the skill loads. A team asks for "at least three examples" or "at least two
    /// steps" because one is not enough for the agent to generalise from or to follow; a
    /// section that holds fewer is a stub.
    ///
    /// **Level.** Warning: the skill loads, but a required section holds fewer items than its team requires.
    ///
    /// ## Example
    /// ```toml
    /// { title = "Examples", min-items = 2 }
    /// ```
    /// is met by an "Examples" section with two `###` subsections, or two list items.
    pub struct SectionTooFewItems {
        code: "SK522",
        name: "section-too-few-items",
        group: Sections,
        summary: "A required section holds fewer entries than its kind asks for",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "The skill's kind: `min-items` of a section in skillsmith.toml `[kinds.NAME]` or src/kinds/builtin.toml",
    }
}

impl Rule for SectionTooFewItems {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some((kind, located)) = required(cx) else { return };
        for found in &located {
            let (Some(index), Some(min)) = (found.at, found.required.min_items) else { continue };
            let holds = found.required.holds;
            let check = SectionCheck::new(cx.skill, index);
            // A section without what it must hold is the content rule's finding, not this one's.
            if holds.is_some_and(|h| !check.holds(h)) {
                continue;
            }
            let count = check.count(holds);
            if count >= min {
                continue;
            }
            let what = match holds {
                Some(h) => h.entries(),
                None if cx.skill.body.sections[index].children.is_empty() => "list items and table rows",
                None => "subsections",
            };
            let heading = cx.skill.body.sections[index].heading;
            cx.report(heading, format!("the {} holds {count} of the {min} {what} its kind asks for", shown(cx, found)))
                .help(format!(
                    "the {} kind wants at least {min} {what} under \"{}\" (kind from {})",
                    kind.name,
                    found.required.title,
                    kind.source_shown()
                ));
        }
    }
}
