use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a plugin whose `skills/` folder (or a skill path its manifest names) holds no
    /// `SKILL.md`, in the folder or up to three levels below.
    ///
    /// ## Why is this bad?
    /// The plugin loads, but the skills its author meant to ship are not there (often a skill
    /// file named `skill.md` or `README.md`): a warning.
    ///
    /// **Level.** Warning: the plugin loads, but offers none of the skills it promises.
    ///
    /// ## Example
    /// `plugins/pdf/skills/fill/README.md` and no `SKILL.md`: rename the file.
    pub struct PluginWithoutSkills {
        code: "SK624",
        name: "plugin-without-skills",
        group: File,
        summary: "A plugin's skills folder holds no skill",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Claude Code plugins reference",
    }
}

/// Reported by `crate::manifest`, which reads the file; no check on skills.
impl Rule for PluginWithoutSkills {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
