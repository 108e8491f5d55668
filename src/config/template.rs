//! The commented config `skillsmith init` writes.

/// A starting `skillsmith.toml`: every key, commented, with the defaults.
pub const TEMPLATE: &str = r#"# skillsmith configuration.
# skillsmith lint finds the nearest skillsmith.toml (or .skillsmith.toml) by walking up from
# each linted file to the repository root; flags on the command line override it.
# `skillsmith config PATH` shows the settings that apply to PATH; `skillsmith rules` lists
# every rule's code, name, group and default level.

# Whose rules apply: "claude-code" (default), "spec" (the Agent Skills specification) or
# "api" (claude.ai uploads and the Skills API).
# target = "claude-code"

# Rules are named by code ("SK301"), name ("body-too-long"), group ("decision",
# "structure", "links", "content", ...) or "all".
# select = ["all"]                  # run only these (replaces the defaults)
# extend-select = ["time-sensitive"]  # run these as well as the defaults
# ignore = []                       # never run these

# Characters all skills' descriptions (plus when_to_use) may take in Claude Code's listing.
# listing-budget = 8000

# Per rule: a level ("off", "info", "warning", "error") and the rule's options.
# [rules.body-too-long]
# level = "warning"
# max-lines = 500
# max-tokens = 5000
#
# [rules.reference-without-toc]
# min-lines = 100
#
# A level alone may be written in one line:
# [rules]
# description-person = "off"

# Different choices for some files; `paths` are globs relative to this file's folder
# (a glob that names a skill folder applies to its SKILL.md).
# [[overrides]]
# paths = ["skills/legacy/**"]
# ignore = ["decision"]
"#;

#[cfg(test)]
mod tests {
    use super::TEMPLATE;

    #[test]
    fn the_template_is_a_valid_config_and_so_is_it_uncommented() {
        assert!(super::super::parse(std::path::Path::new("skillsmith.toml"), TEMPLATE).is_ok());
        let uncommented: String = TEMPLATE
            .lines()
            .filter(|l| l.starts_with("# ") && (l.contains(" = ") || l.starts_with("# [")))
            .map(|l| format!("{}\n", l.trim_start_matches("# ").split("  #").next().unwrap_or("")))
            .collect();
        let config = super::super::parse(std::path::Path::new("skillsmith.toml"), &uncommented);
        assert!(config.is_ok(), "{uncommented}\n{:?}", config.err());
    }
}
