//! The commented config `skillsmith init` writes, generated from the key catalogue and the
//! rule options so it lists every key with its default.

use std::fmt::Write;

use crate::lint::{RuleOptions, Target, find, rules};

use super::keys::{CONFIG_KEYS, KeyId};
use super::options::RULE_OPTIONS;

const INTRO: &str = "\
# skillsmith configuration.
# skillsmith lint finds the nearest skillsmith.toml (or .skillsmith.toml) by walking up from
# each linted file to the repository root; flags on the command line override it.
# `skillsmith config PATH` shows the settings that apply to PATH; `skillsmith rules` lists
# every rule's code, name, group and default level.
";

/// A starting `skillsmith.toml`: every top-level key documented and commented out, with
/// its default or an example.
pub fn template() -> String {
    let mut out = String::from(INTRO);
    for key in CONFIG_KEYS.iter().filter(|k| k.top) {
        out.push('\n');
        comment_wrapped(&mut out, key.doc);
        let example = match key.id {
            KeyId::ListingBudget => format!("{} = {}", key.key, RuleOptions::default().listing_budget),
            KeyId::Rules => rules_example(),
            _ => key.example.to_string(),
        };
        for line in example.lines() {
            out.push_str(&commented(line));
        }
    }
    out
}

/// Each rule that has options as a `[rules.NAME]` table with its default level and
/// option values, then a level written alone.
fn rules_example() -> String {
    let defaults = RuleOptions::default();
    let mut out = String::new();
    let mut seen: Vec<&str> = Vec::new();
    for option in RULE_OPTIONS {
        if !seen.contains(&option.rule) {
            seen.push(option.rule);
            if seen.len() > 1 {
                out.push('\n');
            }
            let _ = writeln!(out, "[rules.{}]", option.rule);
            if let Some(index) = find(option.rule) {
                let level = rules()[index].meta().levels.on(Target::default());
                let _ = writeln!(out, "level = \"{}\"", level.as_str());
            }
        }
        let _ = writeln!(out, "{} = {}  # {}", option.key, (option.get)(&defaults), option.doc);
    }
    out.push_str("\n# A level alone may be written in one line:\n[rules]\ndescription-person = \"off\"\n");
    out
}

fn commented(line: &str) -> String {
    if line.is_empty() {
        "#\n".to_string()
    } else if line.starts_with('#') {
        format!("{line}\n")
    } else {
        format!("# {line}\n")
    }
}

/// Writes `text` as `# ` comment lines of at most about 92 characters.
fn comment_wrapped(out: &mut String, text: &str) {
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + 1 + word.len() > 92 && line.len() > 1 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::template;
    use crate::config::{CONFIG_KEYS, RULE_OPTIONS};

    /// The template with every example line uncommented.
    fn uncommented(text: &str) -> String {
        text.lines()
            .filter(|l| l.starts_with("# ") && (l.contains(" = ") || l.starts_with("# [")))
            .map(|l| format!("{}\n", l.trim_start_matches("# ").split("  #").next().unwrap_or("")))
            .collect()
    }

    #[test]
    fn the_template_is_a_valid_config_and_so_is_it_uncommented() {
        let text = template();
        assert!(super::super::parse(std::path::Path::new("skillsmith.toml"), &text).is_ok());
        let uncommented = uncommented(&text);
        let config = super::super::parse(std::path::Path::new("skillsmith.toml"), &uncommented);
        assert!(config.is_ok(), "{uncommented}\n{:?}", config.err());
    }

    #[test]
    fn the_template_shows_every_top_level_key_and_rule_option() {
        let uncommented = uncommented(&template());
        for key in CONFIG_KEYS.iter().filter(|k| k.top) {
            let shown = uncommented.lines().any(|l| l.starts_with(&format!("{} = ", key.key)))
                || uncommented.contains(&format!("[{}", key.key))
                || uncommented.contains(&format!("[[{}]]", key.key));
            assert!(shown, "`{}` is not in the template:\n{uncommented}", key.key);
        }
        for option in RULE_OPTIONS {
            assert!(uncommented.contains(&format!("{} = ", option.key)), "{option:?}");
        }
    }
}
