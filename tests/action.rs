//! The GitHub Action (`action.yml`): its structure is checked (a composite action whose
//! steps reference only inputs and step outputs that exist, every input used, every `run`
//! step with a shell), and its lint step's script is run here with bash as the runner would
//! run it, against a scratch repository, with the freshly built binary on PATH.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use skillsmith::yaml::{Limits, Node, parse};

fn action_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml")).unwrap()
}

fn action() -> Node {
    let text = action_text();
    let document = parse(&text, 0, Limits::default()).expect("action.yml is valid YAML");
    assert!(document.duplicates.is_empty(), "duplicate keys: {:?}", document.duplicates);
    document.root.expect("action.yml is not empty")
}

fn str_of<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Node::as_str)
}

fn inputs(action: &Node) -> BTreeMap<String, String> {
    let inputs = action.get("inputs").and_then(Node::as_map).expect("inputs");
    inputs
        .iter()
        .map(|entry| {
            let name = entry.key.as_str().unwrap().to_string();
            assert!(str_of(&entry.value, "description").is_some_and(|d| !d.is_empty()), "{name} has no description");
            let default = str_of(&entry.value, "default").expect("every input has a default").to_string();
            (name, default)
        })
        .collect()
}

fn steps(action: &Node) -> &[Node] {
    action.get("runs").and_then(|r| r.get("steps")).and_then(Node::as_seq).expect("runs.steps")
}

/// Every `${{ ... }}` expression in `text`.
fn expressions(text: &str) -> Vec<String> {
    text.split("${{").skip(1).map(|rest| rest.split("}}").next().unwrap().trim().to_string()).collect()
}

/// The names after `prefix` in `expression` (`inputs.` -> input names).
fn references<'a>(expression: &'a str, prefix: &str) -> Vec<&'a str> {
    expression
        .match_indices(prefix)
        .map(|(at, _)| {
            let rest = &expression[at + prefix.len()..];
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn action_yml_is_a_composite_action_whose_references_all_resolve() {
    let action = action();
    assert_eq!(str_of(&action, "name"), Some("skillsmith"));
    assert!(str_of(&action, "description").is_some());
    assert_eq!(action.get("runs").and_then(|r| str_of(r, "using")), Some("composite"));
    let inputs = inputs(&action);
    for required in ["version", "paths", "target", "config", "strict", "args", "sarif-file", "upload-sarif"] {
        assert!(inputs.contains_key(required), "input `{required}` is missing");
    }

    let step_ids: Vec<&str> = steps(&action).iter().filter_map(|s| str_of(s, "id")).collect();
    let text = action_text();
    let mut used = Vec::new();
    for expression in expressions(&text) {
        for name in references(&expression, "inputs.") {
            assert!(inputs.contains_key(name), "`${{{{ {expression} }}}}` names an input that does not exist");
            used.push(name.to_string());
        }
        for id in references(&expression, "steps.") {
            assert!(step_ids.contains(&id), "`${{{{ {expression} }}}}` names a step that does not exist");
        }
    }
    for name in inputs.keys() {
        assert!(used.contains(name), "input `{name}` is never used");
    }
    for step in steps(&action) {
        let name = str_of(step, "name").expect("every step has a name");
        match (str_of(step, "run"), str_of(step, "uses")) {
            (Some(script), None) => {
                assert_eq!(str_of(step, "shell"), Some("bash"), "{name}: composite run steps need a shell");
                assert!(expressions(script).is_empty(), "{name}: pass inputs through env, not into the script");
            }
            (None, Some(uses)) => assert!(uses.contains('@'), "{name}: pin `{uses}`"),
            _ => panic!("{name}: a step has either `run` or `uses`"),
        }
    }
    let outputs = action.get("outputs").and_then(Node::as_map).expect("outputs");
    assert!(outputs.iter().all(|o| str_of(&o.value, "value").is_some_and(|v| v.contains("steps.lint.outputs."))));
}

#[test]
fn it_installs_from_its_own_checkout_by_default_and_from_crates_io_when_given_a_version() {
    let action = action();
    let install = steps(&action).iter().find(|s| str_of(s, "name") == Some("Install skillsmith")).unwrap();
    let script = str_of(install, "run").unwrap();
    assert!(script.contains(r#"cargo install --locked --path "$GITHUB_ACTION_PATH""#), "{script}");
    assert!(script.contains(r#"cargo install --locked skillsmith --version "$SKILLSMITH_VERSION""#), "{script}");
    assert_eq!(inputs(&action)["version"], "");

    // Without cargo it stops with a workflow error that says what to add.
    let output = Command::new("/bin/bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .env("PATH", "/nonexistent")
        .env("SKILLSMITH_VERSION", "")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stdout).contains("::error title=skillsmith::cargo is not installed"));
}

/// What one run of the lint step gave: its exit code, output, `$GITHUB_OUTPUT` entries and
/// the SARIF report.
struct StepRun {
    code: Option<i32>,
    stdout: String,
    outputs: BTreeMap<String, String>,
    sarif: Option<serde_json::Value>,
}

/// Runs the lint step as the runner does: `bash -e` with the step's env, its expressions
/// filled from `given` inputs over the defaults.
fn run_lint_step(repo: &Path, given: &[(&str, &str)]) -> StepRun {
    let action = action();
    let mut values = inputs(&action);
    for (name, value) in given {
        assert!(values.contains_key(*name), "no input {name}");
        values.insert(name.to_string(), value.to_string());
    }
    let step = steps(&action).iter().find(|s| str_of(s, "id") == Some("lint")).unwrap();
    let fill = |text: &str| -> String {
        let expression = expressions(text);
        let whole = expression.len() == 1 && text.trim().starts_with("${{") && text.trim().ends_with("}}");
        assert!(whole || expression.is_empty(), "only whole-value expressions are filled in: {text}");
        match expression.first() {
            Some(e) => values[e.strip_prefix("inputs.").unwrap_or_else(|| panic!("{e}"))].clone(),
            None => text.to_string(),
        }
    };
    let cwd = repo.join(fill(str_of(step, "working-directory").unwrap()));
    let output_file = tempfile::NamedTempFile::new().unwrap();
    let binary_dir = PathBuf::from(env!("CARGO_BIN_EXE_skillsmith")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", binary_dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut command = Command::new("/bin/bash");
    command
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", str_of(step, "run").unwrap()])
        .current_dir(&cwd)
        .env("PATH", path)
        .env("GITHUB_OUTPUT", output_file.path())
        .env("NO_COLOR", "1");
    for entry in step.get("env").and_then(Node::as_map).unwrap() {
        command.env(entry.key.as_str().unwrap(), fill(entry.value.as_str().unwrap()));
    }
    let output = command.output().unwrap();
    let outputs: BTreeMap<String, String> = std::fs::read_to_string(output_file.path())
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())))
        .collect();
    let sarif = outputs
        .get("sarif-file")
        .filter(|f| !f.is_empty())
        .map(|f| serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap());
    StepRun { code: output.status.code(), stdout: String::from_utf8_lossy(&output.stdout).into_owned(), outputs, sarif }
}

fn scratch() -> tempfile::TempDir {
    let dir = common::repo();
    common::write(
        dir.path(),
        ".claude/skills/broken/SKILL.md",
        "---\nname: broken\ndescription: Fills PDF forms. Use when: a form must be completed\n---\n# Broken\n\nFill it.\n",
    );
    common::skill(dir.path(), ".claude/skills/sound", "# Sound\n\nRead it.\n");
    common::write(
        dir.path(),
        "docs/skills/odd/SKILL.md",
        "---\nname: odd\ndescription: Sorts files. Use when asked.\nversion: 1.0\n---\n# Odd\n\nSort.\n",
    );
    dir
}

#[test]
fn the_lint_step_annotates_writes_sarif_and_reports_the_exit_code() {
    let repo = scratch();
    let run = run_lint_step(repo.path(), &[]);
    assert_eq!(run.code, Some(0), "the step itself succeeds; a later step fails the job: {}", run.stdout);
    assert_eq!(run.outputs["exit-code"], "1");
    assert!(
        run.stdout.contains("::error file=.claude/skills/broken/SKILL.md,line=3,")
            && run.stdout.contains("title=SK006 yaml-syntax"),
        "{}",
        run.stdout
    );
    let sarif = run.sarif.expect("a SARIF report");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "SK006"));
    assert!(run.outputs["sarif-file"].ends_with("/skillsmith.sarif"));
}

#[test]
fn the_lint_step_passes_target_config_strict_and_extra_arguments() {
    let repo = scratch();
    let sound = ".claude/skills/sound";
    let clean = run_lint_step(repo.path(), &[("paths", sound), ("sarif-file", "")]);
    assert_eq!(clean.outputs["exit-code"], "0", "{}", clean.stdout);
    assert!(clean.sarif.is_none() && clean.outputs["sarif-file"].is_empty());

    // `version: 1.0` at the top is info on claude-code (ignored there), an error on spec.
    let odd = "docs/skills/odd";
    let noted = run_lint_step(repo.path(), &[("paths", odd), ("annotations", "false")]);
    assert_eq!(noted.outputs["exit-code"], "0", "{}", noted.stdout);
    assert!(noted.stdout.contains("info[SK115]"), "plain text when annotations are off: {}", noted.stdout);
    let strict = run_lint_step(repo.path(), &[("paths", odd), ("strict", "true")]);
    assert_eq!(strict.outputs["exit-code"], "0", "--strict fails on warnings, never on infos");
    let spec = run_lint_step(repo.path(), &[("paths", odd), ("target", "spec")]);
    assert_eq!(spec.outputs["exit-code"], "1");
    assert!(spec.stdout.contains("::error") && spec.stdout.contains("SK115"), "{}", spec.stdout);

    common::write(repo.path(), "ci.toml", "ignore = [\"version-top-level\"]\n");
    let configured = run_lint_step(repo.path(), &[("paths", odd), ("target", "spec"), ("config", "ci.toml")]);
    assert_eq!(configured.outputs["exit-code"], "0", "{}", configured.stdout);
    let extra = run_lint_step(repo.path(), &[("paths", odd), ("args", "--target spec --ignore SK115 --strict")]);
    assert_eq!(extra.outputs["exit-code"], "0", "{}", extra.stdout);
    let extra = run_lint_step(repo.path(), &[("paths", &format!("{odd}\n{sound}")), ("args", "--target spec")]);
    assert_eq!(extra.outputs["exit-code"], "1", "paths on separate lines: {}", extra.stdout);
}
