//! Lint that knows a SKILL.md is rendered from a spec: findings name the spec field that wrote
//! the text, and a spec edited after rendering is an error.

use std::path::Path;

use crate::common;

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({ snapshot_path => "snapshots/spec_aware", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, value);
    });
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const SPEC: &str = "spec-version: 1
template: minimal
frontmatter:
  name: release-notes
  description: Writes release notes from merged pull requests. Use when preparing a release.
title: Release notes
summary: Collect the merged pull requests since the last tag and group them by area.
sections:
  - title: Steps
    content:
      - text: \"List the pull requests merged since the last tag, then ask for the [TODO: ticket system].\"
";

/// A repository with one rendered skill, `.claude/skills/release-notes`.
fn rendered_repo(spec: &str) -> tempfile::TempDir {
    let repo = common::repo();
    common::write(repo.path(), ".claude/skills/release-notes/skill.yaml", spec);
    let render = common::run(repo.path(), &["render", ".claude/skills/release-notes"]);
    assert_eq!(render.status.code(), Some(0), "{}", String::from_utf8_lossy(&render.stderr));
    repo
}

#[test]
fn a_finding_in_a_rendered_file_shows_the_spec_field_to_edit() {
    let repo = rendered_repo(SPEC);
    let text = common::run(repo.path(), &["lint", "--select", "SK700", ".claude/skills"]);
    assert_eq!(text.status.code(), Some(1));
    snapshot("placeholder-in-rendered-file", &stdout(&text));

    let json = common::run(repo.path(), &["lint", "--select", "SK700", "--format", "json", ".claude/skills"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let spec = &value["diagnostics"][0]["spec"];
    assert_eq!(spec["path"], ".claude/skills/release-notes/skill.yaml");
    assert_eq!(spec["field"], "sections[0].content[0].text");
    assert_eq!((spec["line"].as_u64(), spec["column"].as_u64()), (Some(11), Some(83)));

    let sarif = common::run(repo.path(), &["lint", "--select", "SK700", "--format", "sarif", ".claude/skills"]);
    let value: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let related = &value["runs"][0]["results"][0]["relatedLocations"][0];
    assert_eq!(related["physicalLocation"]["artifactLocation"]["uri"], ".claude/skills/release-notes/skill.yaml");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 11);
    assert!(related["message"]["text"].as_str().unwrap().contains("sections[0].content[0].text"), "{related}");
}

#[test]
fn a_hand_written_skill_has_no_spec_location() {
    let repo = common::repo();
    common::skill(repo.path(), ".claude/skills/pdf", "\n# PDF\n\nAsk for the [TODO: ticket system].\n");
    let json = common::run(repo.path(), &["lint", "--select", "SK700", "--format", "json", ".claude/skills"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["diagnostics"][0]["code"], "SK700");
    assert!(value["diagnostics"][0]["spec"].is_null());
}

#[test]
fn a_spec_edited_after_rendering_fails_lint_until_rendered() {
    let spec = SPEC.replace(", then ask for the [TODO: ticket system]", "").replace('"', "");
    let repo = rendered_repo(&spec);
    let clean = common::run(repo.path(), &["lint", ".claude/skills"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));

    let spec_file = repo.path().join(".claude/skills/release-notes/skill.yaml");
    std::fs::write(&spec_file, format!("{spec}      - text: Thank every first-time contributor by name.\n")).unwrap();
    let stale = common::run(repo.path(), &["lint", ".claude/skills"]);
    assert_eq!(stale.status.code(), Some(1), "{}", stdout(&stale));
    assert!(stdout(&stale).contains("error[SK260]"), "{}", stdout(&stale));

    let render = common::run(repo.path(), &["render", ".claude/skills/release-notes"]);
    assert_eq!(render.status.code(), Some(0));
    let again = common::run(repo.path(), &["lint", ".claude/skills"]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    assert!(Path::new(&spec_file).is_file());
}
