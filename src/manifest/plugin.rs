//! `.claude-plugin/plugin.json`: the plugin's `name` (its skills' namespace) and the skill
//! folders it names.

use std::path::Path;

use crate::lint::external::FileFindings;
use crate::lint::rules::plugin::plugin_without_skills::PluginWithoutSkills;

use super::json::Node;
use super::{check_skill_paths, holds_skill, named_object, skill_paths};

/// Checks a plugin manifest whose plugin lives in `root`.
pub fn check(manifest: &Node, root: &Path, out: &mut FileFindings<'_>) {
    if !named_object(manifest, "the plugin", out) {
        return;
    }
    let paths = skill_paths(manifest, out);
    check_skill_paths(&paths, root, out);
    let default = root.join("skills");
    if default.is_dir() && !holds_skill(&default) {
        let span = manifest.member("name").map_or(manifest.span, |(key, _)| key);
        let message = format!("the plugin's skills folder `{}` holds no skill", default.display());
        out.report(
            &PluginWithoutSkills::META,
            span,
            message,
            Some("add a <name>/SKILL.md to it, or remove the folder"),
        );
    }
}
