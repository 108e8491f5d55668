use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::LinkKind;

use super::local::{local_links, skill_dir};

declare_rule! {
    /// ## What it does
    /// Reports a relative link or image whose file does not exist, resolved from the folder
    /// holding the SKILL.md (`#fragments` and `?queries` are ignored, `%20` is decoded,
    /// backslashes are read as slashes). URLs, anchors and absolute paths are not checked,
    /// nor links that leave the skill's folder (`link-outside-skill` reports those, saying
    /// whether their target exists).
    ///
    /// ## Why is this bad?
    /// The agent follows the link to read the reference or run the script, finds nothing,
    /// and has to guess. Usually a file was renamed or never added to the skill folder.
    ///
    /// ## Example
    /// `[API](references/api.md)` where the file is `reference/api.md`: fix the path.
    pub struct LinkTargetMissing {
        code: "SK400",
        name: "link-target-missing",
        group: Links,
        summary: "A relative link or image points to a file that does not exist",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Agent Skills specification (file references)",
    }
}

impl Rule for LinkTargetMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let dir = skill_dir(cx.skill);
        for (link, path, target) in local_links(cx.skill, &dir) {
            if !target.starts_with(&dir) || cx.fs.exists(&target) {
                continue;
            }
            let what = if link.kind == LinkKind::Image { "image" } else { "link" };
            cx.report(link.span, format!("the {what} target `{path}` does not exist"))
                .help("fix the path (relative to the folder holding SKILL.md), or add the file to the skill");
        }
    }
}
