use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// On the claude-code target, reports a skill whose folder is named `synced`, in any
    /// capitalisation.
    ///
    /// ## Why is this bad?
    /// An error: Claude Code reserves the folder name `synced` in the enterprise, personal
    /// and project skill locations, so a skill there is not loaded as the skill its author
    /// wrote: the target refuses it.
    ///
    /// ## Example
    /// `.claude/skills/synced/SKILL.md`: rename the folder (and `name`) to what the skill
    /// does, such as `sync-notes`.
    pub struct ReservedFolderName {
        code: "SK133",
        name: "reserved-folder-name",
        group: Frontmatter,
        summary: "The skill's folder is named synced, which Claude Code reserves",
        levels: Levels { spec: Level::Off, claude_code: Level::Error, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation (skill locations: the reserved name synced)",
    }
}

impl Rule for ReservedFolderName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(dir) = cx.skill.dir_name.as_deref() else { return };
        if !dir.trim().eq_ignore_ascii_case("synced") {
            return;
        }
        let span = cx.skill.frontmatter.name().map_or_else(|| cx.line_at(0), |n| n.span);
        cx.report(span, format!("the folder name `{dir}` is reserved by Claude Code"))
            .help("rename the folder to what the skill does, such as `sync-notes`");
    }
}
