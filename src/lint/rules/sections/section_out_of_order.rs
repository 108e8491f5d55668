use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::{required, shown};

declare_rule! {
    /// ## What it does
    /// Reports a required section that comes after the section its kind's `before` names,
    /// when the skill has both. The finding is at the heading of the section that should come
    /// first.
    ///
    /// ## Why is this bad?
    /// A warning: the skill loads. The agent reads the body top to bottom: "When to use"
    /// after the steps means it has started the procedure before reading whether it applies.
    ///
    /// **Level.** Warning: the skill loads, but its required sections are not in the order its team requires.
    ///
    /// ## Example
    /// ```toml
    /// { title = "When to use", before = "Steps" }
    /// ```
    pub struct SectionOutOfOrder {
        code: "SK523",
        name: "section-out-of-order",
        group: Sections,
        summary: "A required section comes after the section its kind puts it before",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "The skill's kind: `before` of a section in skillsmith.toml `[kinds.NAME]` or src/kinds/builtin.toml",
    }
}

impl Rule for SectionOutOfOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some((kind, located)) = required(cx) else { return };
        for found in &located {
            let (Some(index), Some(before)) = (found.at, found.required.before.as_deref()) else { continue };
            let Some(later) =
                located.iter().find(|l| l.required.title == before || l.required.aliases.iter().any(|a| a == before))
            else {
                continue;
            };
            let Some(other) = later.at else { continue };
            let sections = &cx.skill.body.sections;
            if sections[index].heading.start < sections[other].heading.start {
                continue;
            }
            let line = cx.skill.line_col(sections[other].heading.start as usize).line;
            cx.report(
                sections[index].heading,
                format!("the {} comes after the {} (line {line})", shown(cx, found), shown(cx, later)),
            )
            .help(format!(
                "move it above \"{}\": the {} kind puts \"{}\" first (kind from {})",
                sections[other].title.trim(),
                kind.name,
                found.required.title,
                kind.source_shown()
            ));
        }
    }
}
