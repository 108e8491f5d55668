use crate::declare_rule;
use crate::kinds::{Holds, SectionCheck};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::{required, shown};

declare_rule! {
    /// ## What it does
    /// Reports a required section that does not hold what its kind asks for with `holds`:
    /// `"table"` (a Markdown table), `"list"` (a list, numbered or not), `"ordered-list"` (a
    /// numbered list) or `"code-block"` (a fenced or indented code block), in the section or
    /// one of its subsections. The finding is at the section's heading.
    ///
    /// ## Why is this bad?
    /// A warning: the skill loads. The kind asks for the shape because the agent uses it:
    /// numbered steps are followed in order and can be referred to by number, a table lines
    /// options up against criteria, a code block is copied as it stands. Prose in their place
    /// serves the agent worse.
    ///
    /// **Level.** Warning: the skill loads, but a required section lacks what its team requires of it.
    ///
    /// ## Example
    /// ```markdown
    /// ## Steps
    /// 1. Drain the node: `kubectl drain NODE --ignore-daemonsets`
    /// 2. Upgrade it, then `kubectl uncordon NODE`
    /// ```
    pub struct SectionLacksContent {
        code: "SK521",
        name: "section-lacks-content",
        group: Sections,
        summary: "A required section does not hold what its kind asks for (a table, a list, a code block)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "The skill's kind: `holds` of a section in skillsmith.toml `[kinds.NAME]` or src/kinds/builtin.toml",
    }
}

impl Rule for SectionLacksContent {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some((kind, located)) = required(cx) else { return };
        for found in &located {
            let (Some(index), Some(holds)) = (found.at, found.required.holds) else { continue };
            let check = SectionCheck::new(cx.skill, index);
            if check.holds(holds) {
                continue;
            }
            let instead = match holds {
                Holds::OrderedList if check.holds(Holds::List) => " (its list is bulleted, not numbered)",
                _ => "",
            };
            let heading = cx.skill.body.sections[index].heading;
            let message = format!("the {} holds no {}{instead}", shown(cx, found), &holds.label()[2..]);
            cx.report(heading, message).help(format!(
                "the {} kind wants {} under \"{}\" (kind from {})",
                kind.name,
                holds.label(),
                found.required.title,
                kind.source_shown()
            ));
        }
    }
}
