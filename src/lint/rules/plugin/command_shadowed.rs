use std::collections::HashMap;

use crate::declare_rule;
use crate::discover::{InstallUnit, comparison_key};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a command file (`.claude/commands/**/<name>.md`) whose name a skill of the same
    /// project already has (`.claude/skills/<name>/SKILL.md`), compared as Claude Code compares
    /// names (case, spacing, invisible characters, fullwidth forms and dash variants ignored).
    ///
    /// ## Why is this bad?
    /// Commands are skills now, and when both exist the skill wins: the command is never
    /// invoked. Nothing fails to load and the skill still serves, so it is a warning on the
    /// command.
    ///
    /// **Level.** Warning: both files load, but the command is hidden by the skill of the same name, so it never runs.
    ///
    /// ## Example
    /// `.claude/commands/deploy.md` beside `.claude/skills/deploy/SKILL.md`: merge the command
    /// into the skill, or rename it.
    pub struct CommandShadowed {
        code: "SK630",
        name: "command-shadowed",
        group: Repository,
        summary: "A command file is hidden by a skill of the same name",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Claude Code skills documentation",
    }
}

impl Rule for CommandShadowed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_all(&self, cx: &mut CrossChecker<'_>) {
        let mut skills: HashMap<(&InstallUnit, String), usize> = HashMap::new();
        for (index, skill) in cx.skills.iter().enumerate().filter(|(_, s)| !s.placement.is_command) {
            skills.entry((skill.placement.unit.as_ref(), comparison_key(skill.placement.name()))).or_insert(index);
        }
        let mut found = Vec::new();
        for (index, command) in cx.skills.iter().enumerate().filter(|(_, s)| s.placement.is_command) {
            let key = (command.placement.unit.as_ref(), comparison_key(command.placement.name()));
            if let Some(&skill) = skills.get(&key) {
                found.push((index, skill));
            }
        }
        for (index, skill) in found {
            let shadow = &cx.skills[skill];
            let span = cx.skills[index].description_span;
            let message = format!(
                "the command `{}` is hidden by the skill {} ({}), which wins",
                cx.skills[index].placement.invocation,
                shadow.placement.invocation,
                shadow.path.display()
            );
            cx.report(index, span, message).help("merge the command into the skill, or rename one of them");
        }
    }
}
