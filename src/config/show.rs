//! `skillsmith config [PATH]`: the effective settings of one path, written as a config file
//! that would produce them.

use std::fmt::Write;

use crate::kinds::{Kind, KindSource, SkillKind, resolve_kind};
use crate::lint::rules;

use super::keys::{KeyId, key};
use super::options::RULE_OPTIONS;
use super::provider::Resolved;

/// The effective settings of `shown` (a path as the user wrote it), as commented TOML;
/// `declared` is the `metadata.kind` of the skill there, if it declares one.
pub fn render_effective(shown: &str, resolved: &Resolved, declared: Option<&str>) -> String {
    let settings = &resolved.settings;
    let mut out = String::new();
    let _ = writeln!(out, "# Effective settings for {shown}");
    match &resolved.config {
        Some(config) => {
            let _ = writeln!(out, "# config: {}", super::file::shown_path(&config.path));
            for &index in &resolved.overrides {
                let patterns = config.overrides[index].patterns.join(", ");
                let _ = writeln!(out, "# override #{} applies (paths: {patterns})", index + 1);
            }
        }
        None => {
            let _ = writeln!(out, "# config: none found (defaults)");
        }
    }
    if settings.decision_everywhere() {
        let _ = writeln!(out, "# decision rules apply to every skill (the decision group is selected)");
    }
    let kind = resolve_kind(declared, &settings.kinds, settings.assigned_kind.as_ref());
    write_kind(&mut out, kind.as_ref());
    let _ = writeln!(out, "\n{} = \"{}\"", key(KeyId::Target).key, settings.target.as_str());
    let _ = writeln!(out, "{} = {}", key(KeyId::ListingBudget).key, settings.options.listing_budget);
    if let Some(assigned) = &settings.assigned_kind {
        let wins = match kind.as_ref().map(|k| &k.source) {
            Some(KindSource::Metadata) => "; the skill's `metadata.kind` wins",
            _ => "",
        };
        let _ = writeln!(out, "{} = \"{}\"  # from {}{wins}", key(KeyId::Kind).key, assigned.name, assigned.from);
    }
    let _ = writeln!(out, "\n[{}]", key(KeyId::Rules).key);
    let width = rules().iter().map(|r| r.meta().name.len()).max().unwrap_or(0);
    for (index, rule) in rules().iter().enumerate() {
        let meta = rule.meta();
        let level = settings.level(index).as_str();
        let options: Vec<String> = RULE_OPTIONS
            .iter()
            .filter(|o| o.rule == meta.name)
            .map(|o| format!("{} = {}", o.key, (o.get)(&settings.options)))
            .collect();
        let value = if options.is_empty() {
            format!("\"{level}\"")
        } else {
            format!("{{ level = \"{level}\", {} }}", options.join(", "))
        };
        let _ = writeln!(out, "{:<width$} = {value}  # {} {}", meta.name, meta.code, meta.group.as_str());
    }
    for kind in settings.kinds.iter().filter(|k| !k.builtin) {
        write_declared_kind(&mut out, kind);
    }
    out
}

/// A kind the config declares, as the `[kinds.NAME]` table that declares it.
fn write_declared_kind(out: &mut String, kind: &Kind) {
    let string = |text: &str| toml::Value::String(text.to_string()).to_string();
    let _ = writeln!(out, "\n[{}.{}]", key(KeyId::Kinds).key, kind.name);
    if let Some(doc) = &kind.doc {
        let _ = writeln!(out, "doc = {}", string(doc));
    }
    let _ = writeln!(out, "sections = [");
    for section in &kind.sections {
        let mut fields = vec![format!("title = {}", string(&section.title))];
        if !section.aliases.is_empty() {
            let aliases: Vec<String> = section.aliases.iter().map(|a| string(a)).collect();
            fields.push(format!("aliases = [{}]", aliases.join(", ")));
        }
        if let Some(holds) = section.holds {
            fields.push(format!("holds = {}", string(holds.as_str())));
        }
        if let Some(n) = section.min_items {
            fields.push(format!("min-items = {n}"));
        }
        if let Some(before) = &section.before {
            fields.push(format!("before = {}", string(before)));
        }
        let _ = writeln!(out, "  {{ {} }},", fields.join(", "));
    }
    let _ = writeln!(out, "]");
}

/// The skill's kind, where it came from and its required sections, as comments.
fn write_kind(out: &mut String, kind: Option<&SkillKind<'_>>) {
    let Some(kind) = kind else {
        let _ = writeln!(out, "# kind: none (no `metadata.kind` in the skill, no `kind` in the config)");
        return;
    };
    let _ = writeln!(out, "# kind: {}, from {}", kind.name, kind.source_shown());
    match kind.definition {
        Some(definition) => {
            for section in &definition.sections {
                let constraints = section.constraints_shown();
                let constraints = if constraints.is_empty() { String::new() } else { format!(" ({constraints})") };
                let _ = writeln!(out, "#   requires \"{}\"{constraints}", section.title);
            }
        }
        None => {
            let _ = writeln!(out, "#   `{}` is not a known kind: no sections are required", kind.name);
        }
    }
}
