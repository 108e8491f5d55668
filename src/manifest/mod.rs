//! Plugin and marketplace manifests, as far as they concern skills: `.claude-plugin/plugin.json`
//! (a plugin's name and the skill folders it adds) and `.claude-plugin/marketplace.json` (the
//! plugins a marketplace lists and where they are). What is checked: the JSON itself (errors at
//! line and column), the required fields and their types, that local paths named exist inside
//! the manifest's folder, that no plugin is listed twice, and that a plugin's skills folder
//! holds a skill. Remote sources (GitHub, git URLs, npm) and fields that do not concern skills
//! (hooks, MCP and LSP servers, agents, versions, authors) are not checked.

pub mod json;
mod marketplace;
mod plugin;

use std::path::{Component, Path, PathBuf};

use crate::lint::external::FileFindings;
use crate::lint::rules::plugin::manifest_json::ManifestJson;
use crate::lint::{FileResult, Settings};
use crate::skill::Span;

pub use json::Node;

/// A manifest larger than this is not read (real ones are a few kilobytes).
pub const MAX_MANIFEST_BYTES: u64 = 1 << 20;

/// Checks the manifest at `path` (`plugin.json` or `marketplace.json` in a `.claude-plugin`
/// folder).
pub fn check_manifest(path: &Path, settings: &Settings) -> FileResult {
    let bytes = match read(path) {
        Ok(bytes) => bytes,
        Err(message) => {
            let mut out = FileFindings::new(settings, path, None);
            out.report(&ManifestJson::META, Span::empty(0), message, None);
            return out.into_result();
        }
    };
    let mut out = FileFindings::new(settings, path, Some(bytes.clone()));
    let Some(root) = parse(&bytes, &mut out) else { return out.into_result() };
    // The folder holding `.claude-plugin`: plugin root or marketplace root.
    let base = path.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default();
    let base = if base.as_os_str().is_empty() { PathBuf::from(".") } else { base };
    if path.file_name().is_some_and(|n| n == "marketplace.json") {
        marketplace::check(&root, &base, &mut out);
    } else {
        plugin::check(&root, &base, &mut out);
    }
    out.into_result()
}

/// The manifest's bytes: a regular file of at most [`MAX_MANIFEST_BYTES`].
fn read(path: &Path) -> Result<Vec<u8>, String> {
    let cannot = |err: std::io::Error| format!("cannot read `{}`: {}", path.display(), crate::discover::describe(&err));
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(format!("`{}` is not a regular file; not read", path.display()));
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    let bytes = crate::fsio::read_up_to(&file, meta.len(), MAX_MANIFEST_BYTES + 1).map_err(cannot)?;
    if bytes.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(format!("`{}` is larger than 1 MiB; not read", path.display()));
    }
    Ok(bytes)
}

/// Parses the manifest, reporting invalid JSON where serde_json stopped.
pub fn parse(bytes: &[u8], out: &mut FileFindings<'_>) -> Option<Node> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.valid_up_to();
            out.report(&ManifestJson::META, Span { start: at as u32, end: at as u32 }, "not UTF-8 text", None);
            return None;
        }
    };
    if let Err(err) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let at = out.offset_of(err.line(), err.column());
        let message = format!("invalid JSON at line {}, column {}: {}", err.line(), err.column(), json_error(&err));
        let before = text[..at.min(text.len())].trim_end();
        let help = if text.starts_with('\u{feff}') {
            Some("remove the byte order mark; JSON parsers refuse it")
        } else if before.ends_with(',') && text[at.min(text.len())..].trim_start().starts_with(['}', ']']) {
            Some("remove the trailing comma; JSON allows none")
        } else {
            None
        };
        out.report(&ManifestJson::META, Span { start: at as u32, end: at as u32 }, message, help);
        return None;
    }
    let root = json::parse(text);
    if root.is_none() {
        // serde_json accepted it, so only the nesting limit of the span parser can refuse it.
        out.report(&ManifestJson::META, Span::empty(0), "nested deeper than 128 levels; not read", None);
    }
    root
}

/// serde_json's message without its own "at line L column C" tail.
fn json_error(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// A local path as a manifest writes it (`./skills/extra`), resolved against `base`; `Err`
/// with the reason when it is absolute or leaves `base`.
pub fn local_path(base: &Path, written: &str) -> Result<PathBuf, &'static str> {
    let rel = Path::new(written);
    if rel.is_absolute() || written.starts_with('\\') || written.get(1..2) == Some(":") {
        return Err("an absolute path; manifest paths are relative to the manifest's folder");
    }
    let mut depth = 0i32;
    for component in rel.components() {
        match component {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            _ => {}
        }
        if depth < 0 {
            return Err("a path leading out of the manifest's folder, which installs do not copy");
        }
    }
    Ok(crate::discover::unit::normalize(&base.join(rel)))
}

/// True when `dir` holds a skill: a `SKILL.md` in it or in a folder at most three levels below.
pub fn holds_skill(dir: &Path) -> bool {
    fn search(dir: &Path, depth: usize) -> bool {
        if dir.join("SKILL.md").is_file() {
            return true;
        }
        if depth == 0 {
            return false;
        }
        let Ok(entries) = std::fs::read_dir(dir) else { return false };
        entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir() || t.is_symlink()))
            .any(|e| search(&e.path(), depth - 1))
    }
    search(dir, 3)
}

/// The `skills` field of a plugin (or a marketplace's plugin entry): one path or a list of
/// paths, each with its span; a wrong type is reported and gives none.
pub fn skill_paths<'n>(entry: &'n Node, out: &mut FileFindings<'_>) -> Vec<(&'n str, Span)> {
    use crate::lint::rules::plugin::manifest_field::ManifestField;
    let Some((key, skills)) = entry.member("skills") else { return Vec::new() };
    match &skills.value {
        json::Value::String(path) => vec![(path.as_str(), skills.span)],
        json::Value::Array(items) => {
            let mut paths = Vec::new();
            for item in items {
                match item.as_str() {
                    Some(path) => paths.push((path, item.span)),
                    None => out.report(
                        &ManifestField::META,
                        item.span,
                        format!("`skills` lists {}, not a path", item.kind()),
                        None,
                    ),
                }
            }
            paths
        }
        _ => {
            let message = format!("`skills` is {}; it must be a path or a list of paths", skills.kind());
            out.report(&ManifestField::META, key, message, None);
            Vec::new()
        }
    }
}

/// Checks that each path of `skills` exists under `base` and holds a skill.
pub fn check_skill_paths(paths: &[(&str, Span)], base: &Path, out: &mut FileFindings<'_>) {
    use crate::lint::rules::plugin::manifest_path_missing::ManifestPathMissing;
    use crate::lint::rules::plugin::plugin_without_skills::PluginWithoutSkills;
    for &(written, span) in paths {
        match local_path(base, written) {
            Err(reason) => out.report(&ManifestPathMissing::META, span, format!("`{written}` is {reason}"), None),
            Ok(path) if !path.exists() => {
                let message = format!("the skill path `{written}` does not exist (looked for `{}`)", path.display());
                out.report(&ManifestPathMissing::META, span, message, Some("fix the path or create the folder"));
            }
            Ok(path) if !holds_skill(&path) => {
                let message = format!("the skill path `{written}` holds no SKILL.md");
                out.report(&PluginWithoutSkills::META, span, message, None);
            }
            Ok(_) => {}
        }
    }
}

/// Reports a missing or mistyped required string field `key` of `node`; returns its value.
pub fn required_string<'n>(node: &'n Node, key: &str, whose: &str, out: &mut FileFindings<'_>) -> Option<&'n str> {
    use crate::lint::rules::plugin::manifest_field::ManifestField;
    match node.member(key) {
        None => {
            let span = Span { start: node.span.start, end: node.span.start + 1 };
            out.report(&ManifestField::META, span, format!("{whose} has no `{key}`, which is required"), None);
            None
        }
        Some((_, value)) => match value.as_str() {
            Some(text) if !text.trim().is_empty() => Some(text),
            Some(_) => {
                out.report(&ManifestField::META, value.span, format!("{whose}'s `{key}` is empty"), None);
                None
            }
            None => {
                out.report(
                    &ManifestField::META,
                    value.span,
                    format!("{whose}'s `{key}` is {}, not a string", value.kind()),
                    None,
                );
                None
            }
        },
    }
}

/// Reports a manifest that is not an object, or lacks its required `name`; false when it is
/// not an object (nothing more can be checked).
pub fn named_object(manifest: &Node, whose: &str, out: &mut FileFindings<'_>) -> bool {
    use crate::lint::rules::plugin::manifest_field::ManifestField;
    if !matches!(manifest.value, json::Value::Object(_)) {
        let message = format!("the manifest is {}, not an object", manifest.kind());
        out.report(&ManifestField::META, manifest.span, message, None);
        return false;
    }
    required_string(manifest, "name", whose, out);
    true
}
