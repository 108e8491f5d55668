//! `.claude-plugin/marketplace.json`: the marketplace's `name` and `owner`, and its `plugins`,
//! each with a `name` and a `source`; local sources are looked up.

use std::collections::HashMap;
use std::path::Path;

use crate::lint::external::FileFindings;
use crate::lint::rules::plugin::duplicate_plugin::DuplicatePlugin;
use crate::lint::rules::plugin::manifest_field::ManifestField;
use crate::lint::rules::plugin::manifest_path_missing::ManifestPathMissing;
use crate::lint::rules::plugin::plugin_without_skills::PluginWithoutSkills;

use super::json::{Node, Value};
use super::{check_skill_paths, holds_skill, local_path, named_object, required_string, skill_paths};

/// Checks a marketplace manifest whose marketplace lives in `root`.
pub fn check(manifest: &Node, root: &Path, out: &mut FileFindings<'_>) {
    if !named_object(manifest, "the marketplace", out) {
        return;
    }
    match manifest.member("owner") {
        None => {
            required_string(manifest, "owner", "the marketplace", out);
        }
        Some((_, owner)) if matches!(owner.value, Value::Object(_)) => {
            required_string(owner, "name", "the marketplace's owner", out);
        }
        Some((_, owner)) => out.report(
            &ManifestField::META,
            owner.span,
            format!("`owner` is {}, not an object with a `name`", owner.kind()),
            None,
        ),
    }
    let plugin_root = manifest
        .member("metadata")
        .and_then(|(_, m)| m.member("pluginRoot"))
        .and_then(|(_, r)| r.as_str())
        .unwrap_or("");
    let plugins = match manifest.member("plugins") {
        None => {
            let span = crate::skill::Span { start: manifest.span.start, end: manifest.span.start + 1 };
            out.report(&ManifestField::META, span, "the marketplace has no `plugins`, which is required", None);
            return;
        }
        Some((_, node)) => match &node.value {
            Value::Array(items) => items,
            _ => {
                out.report(&ManifestField::META, node.span, format!("`plugins` is {}, not a list", node.kind()), None);
                return;
            }
        },
    };
    let mut seen: HashMap<&str, &Node> = HashMap::new();
    for entry in plugins {
        if !matches!(entry.value, Value::Object(_)) {
            out.report(
                &ManifestField::META,
                entry.span,
                format!("a plugin entry is {}, not an object", entry.kind()),
                None,
            );
            continue;
        }
        let name = required_string(entry, "name", "a plugin entry", out);
        if let Some(name) = name {
            if let Some(first) = seen.get(name) {
                let line = out.line_of(first.span.start as usize);
                let span = entry.member("name").map_or(entry.span, |(_, v)| v.span);
                let message = format!("the plugin `{name}` is listed twice (first at line {line})");
                out.report(&DuplicatePlugin::META, span, message, Some("keep one entry per plugin"));
            } else {
                seen.insert(name, entry);
            }
        }
        check_source(entry, name.unwrap_or("?"), root, plugin_root, out);
    }
}

/// Checks a plugin entry's `source`: required; when it is a local path, the folder must exist,
/// the skill paths the entry names must exist in it, and its skills folder must hold a skill.
fn check_source(entry: &Node, name: &str, root: &Path, plugin_root: &str, out: &mut FileFindings<'_>) {
    let Some((_, source)) = entry.member("source") else {
        let span = entry.member("name").map_or(entry.span, |(key, _)| key);
        out.report(&ManifestField::META, span, format!("the plugin `{name}` has no `source`, which is required"), None);
        return;
    };
    let written = match &source.value {
        Value::String(text) => text.as_str(),
        // `{"source": "github", ...}`, `{"source": "url", ...}`: remote, not checked.
        Value::Object(_) => return,
        _ => {
            let message = format!("the plugin `{name}`'s `source` is {}, not a path or an object", source.kind());
            out.report(&ManifestField::META, source.span, message, None);
            return;
        }
    };
    if written.contains("://") || written.starts_with("git@") {
        return;
    }
    let joined = if written.starts_with("./") || written.starts_with("../") || plugin_root.is_empty() {
        written.to_string()
    } else {
        format!("{}/{written}", plugin_root.trim_end_matches('/'))
    };
    let folder = match local_path(root, &joined) {
        Ok(folder) => folder,
        Err(reason) => {
            out.report(&ManifestPathMissing::META, source.span, format!("the source `{written}` is {reason}"), None);
            return;
        }
    };
    if !folder.is_dir() {
        let message =
            format!("the plugin `{name}`'s source `{written}` does not exist (looked for `{}`)", folder.display());
        out.report(&ManifestPathMissing::META, source.span, message, Some("fix the path or add the plugin's folder"));
        return;
    }
    let paths = skill_paths(entry, out);
    check_skill_paths(&paths, &folder, out);
    // A plugin with its own plugin.json gets that manifest checked on its own.
    let skills = folder.join("skills");
    if !folder.join(".claude-plugin/plugin.json").is_file() && skills.is_dir() && !holds_skill(&skills) {
        let message = format!("the plugin `{name}`'s skills folder `{}` holds no skill", skills.display());
        out.report(&PluginWithoutSkills::META, source.span, message, None);
    }
}
