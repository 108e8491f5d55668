use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Applicability, Checker, Fix, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports a skill file whose name is not exactly `SKILL.md`, such as `skill.md` or
    /// `Skill.md`.
    ///
    /// ## Why is this bad?
    /// Claude Code looks for `SKILL.md` exactly; on a case-sensitive file system a
    /// `skill.md` is never loaded, and nothing tells you. (The reference validator accepts
    /// the lowercase name, so it passes there and fails in use.)
    ///
    /// **Level.** Error on every target: a skill file not named `SKILL.md` is not discovered, so the skill
    /// does not load.
    ///
    /// ## Example
    /// `.claude/skills/pdf/skill.md`: rename it to `SKILL.md` (an unsafe fix, since it
    /// renames a file).
    pub struct SkillFileName {
        code: "SK003",
        name: "skill-file-name",
        group: File,
        summary: "The skill file is not named exactly SKILL.md",
        levels: Levels::all(Level::Error),
        fixable: Unsafe,
        source: "Claude Code skills documentation",
    }
}

impl Rule for SkillFileName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(name) = cx.skill.path.file_name().and_then(|n| n.to_str()) else {
            return;
        };
        if name != "SKILL.md" && name.eq_ignore_ascii_case("skill.md") {
            cx.report(Span::empty(0), format!("the file is named `{name}`; Claude Code only loads `SKILL.md`"))
                .help("rename the file to SKILL.md")
                .fix(Fix {
                    message: "rename the file to SKILL.md".into(),
                    applicability: Applicability::Unsafe,
                    edits: Vec::new(),
                    rename_to: Some("SKILL.md".into()),
                });
        }
    }
}
