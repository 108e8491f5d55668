//! The command line as a user meets it: every output format, every exit code.

use std::path::Path;
use std::process::Command;

fn skillsmith(args: &[&str]) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_skillsmith"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli"))
        .env_remove("NO_COLOR")
        .output()
        .expect("skillsmith runs");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (stdout, stderr, output.status.code().unwrap_or(-1))
}

fn snapshot(name: &str, value: String) {
    insta::with_settings!({ snapshot_path => "snapshots/cli", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn text_format_with_errors_exits_1() {
    let (out, _, code) = skillsmith(&["lint", "mixed"]);
    assert_eq!(code, 1);
    snapshot("text", out);
}

#[test]
fn clean_skills_exit_0() {
    let (out, _, code) = skillsmith(&["lint", "clean"]);
    assert_eq!(code, 0);
    assert_eq!(out, "All checks passed: 1 skill, no findings.\n");
}

#[test]
fn warnings_pass_unless_strict() {
    assert_eq!(skillsmith(&["lint", "warn"]).2, 0);
    assert_eq!(skillsmith(&["lint", "--strict", "warn"]).2, 1);
}

#[test]
fn json_format() {
    let (out, _, code) = skillsmith(&["lint", "--format", "json", "mixed"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let first = &value["diagnostics"][0];
    for key in ["path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "help"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    snapshot("json", out);
}

#[test]
fn json_lines_format() {
    let (out, _, _) = skillsmith(&["lint", "--format", "json-lines", "mixed"]);
    for line in out.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(value["code"].as_str().unwrap().starts_with("SK"));
    }
    snapshot("json-lines", out);
}

#[test]
fn sarif_format() {
    let (out, _, code) = skillsmith(&["lint", "--format", "sarif", "mixed"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["version"], "2.1.0");
    let run = &value["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), skillsmith::lint::rules().len());
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    snapshot("sarif-results", serde_json::to_string_pretty(&run["results"]).unwrap());
}

#[test]
fn github_format() {
    let (out, _, code) = skillsmith(&["lint", "--format", "github", "mixed"]);
    assert_eq!(code, 1);
    let (summary, annotations) =
        out.trim_end().lines().collect::<Vec<_>>().split_last().map(|(l, a)| (*l, a.to_vec())).unwrap();
    assert!(summary.starts_with("Found "), "{out}");
    assert!(
        annotations
            .iter()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "))
    );
    snapshot("github", out);
}

#[test]
fn missing_path_exits_2_and_still_lints_the_others() {
    let (out, _, code) = skillsmith(&["lint", "no/such/skill", "mixed"]);
    assert_eq!(code, 2);
    assert!(out.contains("cannot read `no/such/skill`"), "{out}");
    assert!(out.contains("SK006"), "the other path is still linted: {out}");
}

#[test]
fn output_order_ignores_argument_order() {
    let a = skillsmith(&["lint", "mixed/.claude/skills/pdf-tools", "mixed/.claude/skills/forms"]).0;
    let b = skillsmith(&["lint", "mixed/.claude/skills/forms", "mixed/.claude/skills/pdf-tools"]).0;
    assert_eq!(a, b);
}

#[test]
fn usage_errors_exit_2() {
    let (_, err, code) = skillsmith(&["lint", "--select", "name-mismatch", "clean"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `name-dir-mismatch`"), "{err}");
    assert_eq!(skillsmith(&["lint", "--format", "xml"]).2, 2);
}

#[test]
fn color_only_when_asked_and_never_with_no_color() {
    let (out, _, _) = skillsmith(&["lint", "--color", "always", "mixed"]);
    assert!(out.contains('\x1b'));
    let (out, _, _) = skillsmith(&["lint", "mixed"]);
    assert!(!out.contains('\x1b'), "not a terminal: no colour");
}

#[test]
fn rules_and_explain() {
    let (out, _, code) = skillsmith(&["rules"]);
    assert_eq!(code, 0);
    for rule in skillsmith::lint::rules() {
        assert!(out.contains(rule.meta().code) && out.contains(rule.meta().name));
    }
    let (by_code, _, _) = skillsmith(&["explain", "SK103"]);
    let (by_name, _, _) = skillsmith(&["explain", "name-dir-mismatch"]);
    assert_eq!(by_code, by_name);
    snapshot("explain-SK103", by_code);
    let (_, err, code) = skillsmith(&["explain", "SK999"]);
    assert_eq!(code, 2);
    assert!(err.contains("no rule `SK999`"));
}

#[test]
fn docs_rule_table_matches_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find("<!-- rules:start -->\n").expect("docs/rules.md has a rules:start marker")
        + "<!-- rules:start -->\n".len();
    let end = readme.find("<!-- rules:end -->").expect("docs/rules.md has a rules:end marker");
    if std::env::var_os("SKILLSMITH_BLESS").is_some() {
        let updated = format!("{}{}{}", &readme[..start], skillsmith::cli::markdown_table(), &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        skillsmith::cli::markdown_table(),
        "docs/rules.md's rule table is stale: run `SKILLSMITH_BLESS=1 cargo test --test suite cli::docs_rule_table`"
    );
}

#[test]
fn machine_formats_are_valid_documents_without_findings() {
    let (json, _, _) = skillsmith(&["lint", "--format", "json", "clean"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(value["summary"]["skills"], 1);
    let (sarif, _, _) = skillsmith(&["lint", "--format", "sarif", "clean"]);
    let value: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(value["runs"][0]["results"].as_array().unwrap().len(), 0);
    assert_eq!(skillsmith(&["lint", "--format", "json-lines", "clean"]).0, "");
}
