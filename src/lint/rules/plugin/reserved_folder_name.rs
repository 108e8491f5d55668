use crate::declare_rule;
use crate::discover::{UnitKind, is_reserved_folder};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a skill whose folder is named `synced`, in any capitalisation, in a project's
    /// `.claude/skills` or in the personal `~/.claude/skills`.
    ///
    /// ## Why is this bad?
    /// Claude Code reserves the name `synced` in the enterprise, personal and project
    /// locations: a skill folder of that name is not loaded as the skill it holds, so the agent
    /// is sent to something that is not there. An error by the severity policy.
    ///
    /// **Level.** Error: Claude Code reserves the folder name, so the skill misloads.
    ///
    /// ## Example
    /// `.claude/skills/synced/SKILL.md`: name the folder for what the skill does.
    pub struct ReservedFolderName {
        code: "SK631",
        name: "reserved-folder-name",
        group: Repository,
        summary: "A skill folder uses the reserved name `synced`",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Claude Code skills documentation",
    }
}

impl Rule for ReservedFolderName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_all(&self, cx: &mut CrossChecker<'_>) {
        let found: Vec<usize> = cx
            .skills
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s.placement.unit.kind, UnitKind::Project | UnitKind::Personal))
            .filter(|(_, s)| !s.placement.is_command && is_reserved_folder(s.placement.name()))
            .map(|(index, _)| index)
            .collect();
        for index in found {
            let span = cx.skills[index].description_span;
            let name = cx.skills[index].placement.name().to_string();
            cx.report(index, span, format!("the folder name `{name}` is reserved by Claude Code"))
                .help("rename the skill's folder (and its `name`)");
        }
    }
}
