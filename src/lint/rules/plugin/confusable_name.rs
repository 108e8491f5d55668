use std::collections::HashMap;

use crate::declare_rule;
use crate::discover::{InstallUnit, comparison_key};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

declare_rule! {
    /// ## What it does
    /// Reports two skills (or two commands) of one install unit whose names differ as written
    /// but are one name as Claude Code compares names: ignoring case, spacing and invisible
    /// characters, with fullwidth letters and every dash variant folded (`PDF`, `pdf`,
    /// `ｐｄｆ`; `pdf-tools` written with a non-breaking hyphen and with `-`). A command and a skill of one name are
    /// `command-shadowed` instead.
    ///
    /// ## Why is this bad?
    /// To Claude Code they are one name: one of the two shadows the other, so the agent is
    /// sent to a skill other than the one listed. An error, as for `duplicate-name`.
    ///
    /// **Level.** Error: Claude Code compares names folding case, spacing and look-alike characters, so the two skills really collide.
    ///
    /// ## Example
    /// `.claude/skills/pdf-tools/` and `.claude/skills/PDF-Tools/`: keep one.
    pub struct ConfusableName {
        code: "SK632",
        name: "confusable-name",
        group: Repository,
        summary: "Two skills' names are one name to Claude Code",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Claude Code skills documentation",
    }
}

impl Rule for ConfusableName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_all(&self, cx: &mut CrossChecker<'_>) {
        let mut groups: HashMap<(&InstallUnit, bool, String), Vec<usize>> = HashMap::new();
        for (index, skill) in cx.skills.iter().enumerate() {
            let placement = &skill.placement;
            let key = (placement.unit.as_ref(), placement.is_command, comparison_key(placement.name()));
            groups.entry(key).or_default().push(index);
        }
        let mut found = Vec::new();
        for indices in groups.into_values().filter(|v| v.len() > 1) {
            for &index in &indices {
                let mine = cx.skills[index].placement.name();
                if let Some(&other) = indices.iter().find(|&&i| cx.skills[i].placement.name() != mine) {
                    found.push((index, other));
                }
            }
        }
        found.sort();
        for (index, other) in found {
            let (mine, theirs) = (&cx.skills[index], &cx.skills[other]);
            let message = format!(
                "the name `{}` is the same to Claude Code as `{}` ({})",
                mine.placement.name(),
                theirs.placement.name(),
                theirs.path.display()
            );
            let span = mine.description_span;
            cx.report(index, span, message).help("keep one of the two, or give them names that differ in letters");
        }
    }
}
