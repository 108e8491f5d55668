use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use crate::lint::references::{local_links, skill_dir};

declare_rule! {
    /// ## What it does
    /// Reports a relative link or image that leaves the skill's folder (`../shared/x.md`),
    /// saying when its target does not exist either.
    ///
    /// ## Why is this bad?
    /// A skill is installed, zipped and uploaded as its folder: a file outside it is missing
    /// wherever the skill is used without the repository around it (Claude.ai uploads, the
    /// Skills API, plugin installs).
    ///
    /// **Level.** Warning when the target is missing here (the agent is sent to nothing); info when it
    /// exists, since it works where the whole repository or plugin is installed and only a skill copied
    /// alone loses it.
    ///
    /// ## Example
    /// `[style](../docs/style.md)`: copy the file into `references/` and link
    /// `references/style.md`.
    pub struct LinkOutsideSkill {
        code: "SK401",
        name: "link-outside-skill",
        group: Links,
        summary: "A relative link leaves the skill's folder",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Agent Skills specification (skill folder layout)",
    }
}

impl Rule for LinkOutsideSkill {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let dir = skill_dir(cx.skill);
        for (link, path, target) in local_links(cx.skill, &dir) {
            if target.starts_with(&dir) {
                continue;
            }
            let exists = cx.fs.exists(&target);
            let missing = if exists { "" } else { " (and does not exist here)" };
            let diagnostic = cx.report(link.span, format!("`{path}` is outside the skill's folder{missing}"));
            diagnostic.help("copy the file into the skill (for example under `references/`) and link it there");
            if exists {
                diagnostic.milder();
            }
        }
    }
}
