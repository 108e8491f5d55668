//! What editors and shells read: the JSON Schemas (`skillsmith schema`), the completion
//! scripts (`skillsmith completions`) and the manual pages (`skillsmith man`). Each is checked
//! against the definitions it is generated from, so none can silently miss a key, a rule, a
//! subcommand or a flag.

use crate::common;

use clap::CommandFactory;
use serde_json::Value;
use skillsmith::config::{CONFIG_KEYS, RULE_OPTIONS};
use skillsmith::lint::fields::{FIELDS, FieldType};
use skillsmith::lint::{Group, Level, Target, rules};

fn stdout(args: &[&str]) -> String {
    let output = common::run(std::path::Path::new("."), args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn schema(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).unwrap()
}

#[test]
fn the_frontmatter_schema_has_every_key_of_its_target_and_every_enumeration() {
    for target in Target::ALL {
        let schema = schema(&["schema", "frontmatter", "--target", target.as_str()]);
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        let properties = schema["properties"].as_object().unwrap();
        for field in FIELDS {
            let property = properties.get(field.key);
            assert_eq!(property.is_some(), field.known_on(target), "{} on {}", field.key, target.as_str());
            let Some(property) = property else { continue };
            assert_eq!(property["description"], field.description);
            if let FieldType::Enum(values) = field.type_on(target) {
                assert_eq!(property["enum"], serde_json::json!(values), "{}", field.key);
            }
        }
        let closed = schema["additionalProperties"] == false;
        assert_eq!(closed, target != Target::ClaudeCode, "unknown keys are errors on spec and api only");
    }
}

#[test]
fn the_frontmatter_schema_defaults_to_claude_code() {
    assert_eq!(schema(&["schema", "frontmatter"]), schema(&["schema", "frontmatter", "--target", "claude-code"]));
}

#[test]
fn the_config_schema_has_every_key_rule_group_level_target_and_option() {
    let schema = schema(&["schema", "config"]);
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let top = schema["properties"].as_object().unwrap();
    let over = schema["definitions"]["override"]["properties"].as_object().unwrap();
    for key in CONFIG_KEYS {
        assert_eq!(top.contains_key(key.key), key.top, "{}", key.key);
        assert_eq!(over.contains_key(key.key), key.in_override, "{}", key.key);
        let shown = top.get(key.key).or_else(|| over.get(key.key)).unwrap();
        assert_eq!(shown["description"], key.doc);
    }
    let defs = &schema["definitions"];
    let targets: Vec<&str> = Target::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(defs["target"]["enum"], serde_json::json!(targets));
    let levels: Vec<&str> = Level::ALL.iter().map(|l| l.as_str()).collect();
    assert_eq!(defs["level"]["enum"], serde_json::json!(levels));

    let selector: Vec<&str> =
        defs["selector"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let rule_keys = defs["rules"]["properties"].as_object().unwrap();
    let mut expected: Vec<&str> = vec!["all"];
    expected.extend(Group::ALL.iter().map(|g| g.as_str()));
    for rule in rules() {
        expected.extend([rule.meta().code, rule.meta().name]);
    }
    for name in &expected {
        assert!(selector.contains(name), "selector enum misses {name}");
        assert!(rule_keys.contains_key(*name), "[rules] misses {name}");
    }
    assert_eq!(selector.len(), expected.len());
    assert_eq!(rule_keys.len(), expected.len());

    for option in RULE_OPTIONS {
        let code = rules().iter().find(|r| r.meta().name == option.rule).unwrap().meta().code;
        for key in [option.rule, code] {
            let table = &rule_keys[key]["anyOf"][1]["properties"];
            let kind = match (option.get)(&skillsmith::lint::RuleOptions::default()) {
                skillsmith::config::OptionValue::Count(_) => "integer",
                skillsmith::config::OptionValue::Texts(_) => "array",
            };
            assert_eq!(table[option.key]["type"], kind, "{key}.{}", option.key);
        }
    }
}

#[test]
fn every_shell_completion_names_every_subcommand_and_lint_flag() {
    let command = skillsmith::cli::Cli::command();
    let subcommands: Vec<&str> = command.get_subcommands().map(|s| s.get_name()).collect();
    let lint = command.find_subcommand("lint").unwrap();
    let flags: Vec<String> = lint.get_arguments().filter_map(|a| a.get_long()).map(|l| format!("--{l}")).collect();
    assert!(subcommands.len() >= 12 && flags.len() >= 12, "{subcommands:?} {flags:?}");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&["completions", shell]);
        for name in &subcommands {
            assert!(script.contains(name), "{shell} completion misses `{name}`");
        }
        for flag in &flags {
            // fish writes long options as `-l name`.
            let fish = format!("-l {}", flag.trim_start_matches("--"));
            assert!(script.contains(flag.as_str()) || script.contains(&fish), "{shell} completion misses `{flag}`");
        }
    }
}

#[test]
fn the_man_pages_list_every_subcommand_and_every_lint_flag() {
    let command = skillsmith::cli::Cli::command();
    // roff escapes `-` as `\-`.
    let main = stdout(&["man"]).replace("\\-", "-");
    assert!(main.starts_with(".ie") && main.contains(".TH skillsmith 1"), "{main}");
    for sub in command.get_subcommands() {
        assert!(main.contains(&format!("skillsmith-{}(1)", sub.get_name())), "main page misses {}", sub.get_name());
    }
    let lint = stdout(&["man", "lint"]).replace("\\-", "-");
    for arg in command.find_subcommand("lint").unwrap().get_arguments() {
        let shown = match arg.get_long() {
            Some(long) => format!("--{long}"),
            None => arg.get_id().as_str().to_uppercase(),
        };
        assert!(lint.contains(&shown), "skillsmith-lint(1) misses {shown}");
        if let Some(help) = arg.get_help() {
            let first_words: String = help.to_string().chars().take(20).collect();
            assert!(
                lint.contains(&first_words.replace('\'', "\\*(Aq")),
                "skillsmith-lint(1) misses the help of {shown}"
            );
        }
    }
}

#[test]
fn man_writes_every_page_and_refuses_unknown_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&["man", "--out-dir", dir.path().to_str().unwrap()]);
    let command = skillsmith::cli::Cli::command();
    for sub in command.get_subcommands() {
        assert!(dir.path().join(format!("skillsmith-{}.1", sub.get_name())).is_file(), "{}", sub.get_name());
    }
    assert!(dir.path().join("skillsmith.1").is_file());
    assert!(dir.path().join("skillsmith-schema-frontmatter.1").is_file());

    let output = common::run(dir.path(), &["man", "lnt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no subcommand `lnt`; one of: lint"));
}

#[test]
fn the_schemas_hold_only_valid_regexes() {
    let mut all = Vec::new();
    for args in [
        &["schema", "config"][..],
        &["schema", "frontmatter", "--target", "spec"],
        &["schema", "frontmatter", "--target", "api"],
        &["schema", "frontmatter", "--target", "claude-code"],
    ] {
        collect_patterns(&schema(args), &mut all);
    }
    assert!(all.len() >= 4);
    for pattern in all {
        regex::Regex::new(&pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
    }
}

fn collect_patterns(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("pattern", Value::String(p)) => out.push(p.clone()),
                    _ => collect_patterns(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_patterns(v, out)),
        _ => {}
    }
}
