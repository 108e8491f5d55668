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

/// The commands of the CI recipe, as README writes them (the `sh` block after the
/// `<!-- ci-recipe -->` marker; README or, once moved, a page of docs/).
fn ci_recipe() -> Vec<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = vec![root.join("README.md")];
    let mut docs: Vec<_> =
        std::fs::read_dir(root.join("docs")).into_iter().flatten().flatten().map(|e| e.path()).collect();
    docs.sort();
    pages.extend(docs);
    let text = pages
        .iter()
        .filter_map(|page| std::fs::read_to_string(page).ok())
        .find(|text| text.contains("<!-- ci-recipe -->"))
        .expect("README or docs/ holds the CI recipe");
    let after = &text[text.find("<!-- ci-recipe -->").unwrap()..];
    let block = after.split("```sh\n").nth(1).unwrap().split("```").next().unwrap();
    block
        .lines()
        .map(|line| line.split('#').next().unwrap().split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|words| !words.is_empty())
        .collect()
}

#[test]
fn the_readme_ci_recipe_passes_in_a_repository_mixing_rendered_and_hand_written_skills() {
    let recipe = ci_recipe();
    assert!(recipe.len() >= 3, "{recipe:?}");
    let spec = SPEC.replace(", then ask for the [TODO: ticket system]", "").replace('"', "");
    let repo = rendered_repo(&spec);
    common::skill(repo.path(), ".claude/skills/csv-cleaner", "\n# CSV cleaner\n\nRe-save the file as UTF-8.\n");
    let install = common::run(repo.path(), &["install", "llmops-decision-framework", "--into", "."]);
    assert_eq!(install.status.code(), Some(0), "{}", String::from_utf8_lossy(&install.stderr));
    let run_recipe = || -> Vec<(String, Option<i32>, String)> {
        recipe
            .iter()
            .map(|words| {
                assert_eq!(words[0], "skillsmith", "{words:?}");
                let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
                let output = common::run(repo.path(), &args);
                let shown = format!("{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
                (words.join(" "), output.status.code(), shown)
            })
            .collect()
    };
    for (command, code, output) in run_recipe() {
        assert_eq!(code, Some(0), "`{command}` failed:\n{output}");
        if command.contains("render") || command.contains("test") {
            assert!(output.contains("note: skipped .claude/skills/csv-cleaner"), "`{command}`:\n{output}");
        }
    }

    // A spec edited and never rendered fails lint and render --check.
    let spec_file = repo.path().join(".claude/skills/release-notes/skill.yaml");
    std::fs::write(&spec_file, spec.replace("Release notes", "Writing release notes")).unwrap();
    let checks =
        run_recipe().into_iter().filter(|(command, _, _)| command.contains(" lint") || command.contains("--check"));
    assert_eq!(checks.clone().count(), 2);
    for (command, code, output) in checks {
        assert_eq!(code, Some(1), "`{command}` must fail on the stale spec:\n{output}");
    }
}

/// Every `[TODO: hint]` of a scaffold filled with its hint, as an author would fill it.
fn filled(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("[TODO: ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 7..];
        let end = after.find(']').unwrap();
        let mut hint = after[..end].to_string();
        hint[..1].make_ascii_uppercase();
        out.push_str(&hint);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn a_filled_decision_scaffold_lints_clean_and_its_help_speaks_of_the_spec() {
    let repo = common::repo();
    let description = "Chooses a message queue for a service. Use when a team must pick between Kafka and SQS.";
    let made =
        common::run(repo.path(), &["new", "choosing-a-queue", "--template", "decision", "--description", description]);
    assert_eq!(made.status.code(), Some(0), "{}", String::from_utf8_lossy(&made.stderr));
    let folder = repo.path().join(".claude/skills/choosing-a-queue");
    let spec = std::fs::read_to_string(folder.join("skill.yaml")).unwrap();
    assert!(spec.starts_with("# A decision skill's spec: edit this file, never the SKILL.md"), "{spec}");

    // Unfilled: the placeholders are sent to the spec.
    let lint = common::run(repo.path(), &["lint", "--format", "json", ".claude/skills"]);
    let value: serde_json::Value = serde_json::from_slice(&lint.stdout).unwrap();
    let findings = value["diagnostics"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        assert_eq!(finding["spec"]["path"], ".claude/skills/choosing-a-queue/skill.yaml", "{finding}");
        assert!(finding["help"].as_str().unwrap().contains("spec"), "{finding}");
    }

    std::fs::write(folder.join("skill.yaml"), filled(&spec)).unwrap();
    let render = common::run(repo.path(), &["render", ".claude/skills/choosing-a-queue"]);
    assert_eq!(render.status.code(), Some(0), "{}", String::from_utf8_lossy(&render.stderr));
    let lint = common::run(repo.path(), &["lint", "--extend-select", "ALL", ".claude/skills"]);
    assert_eq!(stdout(&lint), "All checks passed: 1 skill, no findings.\n");
}
