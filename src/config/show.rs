//! `skillsmith config [PATH]`: the effective settings of one path, written as a config file
//! that would produce them.

use std::fmt::Write;

use crate::lint::rules;

use super::keys::{KeyId, key};
use super::options::RULE_OPTIONS;
use super::provider::Resolved;

/// The effective settings of `shown` (a path as the user wrote it), as commented TOML.
pub fn render_effective(shown: &str, resolved: &Resolved) -> String {
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
    let _ = writeln!(out, "\n{} = \"{}\"", key(KeyId::Target).key, settings.target.as_str());
    let _ = writeln!(out, "{} = {}", key(KeyId::ListingBudget).key, settings.options.listing_budget);
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
    out
}
