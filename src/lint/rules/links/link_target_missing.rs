use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::LinkKind;

use crate::lint::references::{local_links, missing_mentions, skill_dir};

declare_rule! {
    /// ## What it does
    /// Reports a relative link or image whose file does not exist, resolved from the folder
    /// holding the SKILL.md (`#fragments` and `?queries` are ignored, `%20` is decoded,
    /// backslashes are read as slashes), and a bundled file SKILL.md names without a link
    /// that does not exist: a path under `scripts/`, `references/`, `assets/` or `templates/`
    /// in prose or inline code, such a path run by a command in a code block
    /// (`python scripts/check.py`), any path behind `${CLAUDE_SKILL_DIR}/`, and paths in
    /// `allowed-tools` Bash patterns (the one reference resolver, `crate::lint::references`,
    /// decides what is a reference). URLs, anchors and absolute paths are not checked, nor
    /// links that leave the skill's folder (`link-outside-skill` reports those, saying whether
    /// their target exists).
    ///
    /// ## Why is this bad?
    /// The agent follows the link to read the reference or run the script, finds nothing,
    /// and has to guess. Usually a file was renamed or never added to the skill folder.
    ///
    /// **Level.** Error on every target: the agent is sent to a bundled file that is not there.
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
        for mention in missing_mentions(cx.skill, cx.fs) {
            cx.report(mention.span, format!("`{}` is named here but is not in the skill", mention.written))
                .help("fix the path (relative to the folder holding SKILL.md), or add the file to the skill");
        }
    }
}
