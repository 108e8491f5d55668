//! `--write-baseline` and `--baseline`: recorded findings are hidden even after lines move,
//! new findings show, stale entries are reported, paths are relative to the baseline file.

use crate::common;

use common::{findings, repo, run, skill};

fn body(lines_above: usize, placeholders: &[&str]) -> String {
    let mut text = String::from("# PDF tools\n\n");
    for i in 0..lines_above {
        text.push_str(&format!("Line {i} of text.\n"));
    }
    for p in placeholders {
        text.push_str(&format!("- {p}\n"));
    }
    text
}

#[test]
fn a_baseline_hides_recorded_findings_and_reports_stale_entries() {
    let repo = repo();
    let root = repo.path();
    skill(root, "skills/pdf", &body(0, &["TODO: first", "TODO: second"]));

    let written = run(root, &["lint", "--write-baseline", "skillsmith-baseline.json"]);
    assert_eq!(written.status.code(), Some(0), "{}", String::from_utf8_lossy(&written.stderr));
    assert!(written.stdout.is_empty(), "writing a baseline reports nothing");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("skillsmith-baseline.json")).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    let entries = json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["path"], "skills/pdf/SKILL.md");
    assert_eq!(entries[0]["rule"], "SK700");
    assert_eq!(entries[0]["line_hash"].as_str().unwrap().len(), 16);

    let baseline = ["--baseline", "skillsmith-baseline.json"];
    assert_eq!(findings(root, &baseline), [], "everything recorded is hidden");

    skill(root, "skills/pdf", &body(5, &["TODO: first", "TODO: second", "TODO: third"]));
    let found = findings(root, &baseline);
    assert_eq!(found.len(), 1, "lines moved down by 5 are still matched; only the new one shows: {found:?}");
    assert_eq!(found[0].1, 14);

    skill(root, "skills/pdf", &body(0, &["TODO: first"]));
    let output = run(root, &["lint", "--baseline", "skillsmith-baseline.json"]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("1 recorded findings no longer occur"), "{stderr}");
    assert!(stderr.contains("skills/pdf/SKILL.md SK700 (was line 8"), "{stderr}");
}

#[test]
fn baseline_paths_are_relative_to_the_baseline_file() {
    let repo = repo();
    let root = repo.path();
    skill(root, "skills/pdf", &body(0, &["TODO: first"]));
    let written = run(root, &["lint", "skills", "--write-baseline", "ci/baseline.json"]);
    assert_eq!(written.status.code(), Some(0), "{}", String::from_utf8_lossy(&written.stderr));
    let text = std::fs::read_to_string(root.join("ci/baseline.json")).unwrap();
    assert!(text.contains("\"path\": \"../skills/pdf/SKILL.md\""), "{text}");
    let from_elsewhere = findings(&root.join("skills"), &["pdf", "--baseline", "../ci/baseline.json"]);
    assert_eq!(from_elsewhere, [], "the same entries match when linting from another folder");
}

#[test]
fn a_broken_baseline_is_a_usage_error() {
    let repo = repo();
    let root = repo.path();
    skill(root, "skills/pdf", &body(0, &[]));
    std::fs::write(root.join("b.json"), "{\"version\": 9, \"entries\": []}").unwrap();
    let output = run(root, &["lint", "--baseline", "b.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("version 9"));
}
