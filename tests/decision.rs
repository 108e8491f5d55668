//! The complete decision skill in `tests/fixtures/decision/` lints with no finding with every
//! rule enabled, and breaking any one decision requirement in it is caught by exactly one
//! rule at the line where the fix belongs.

use std::path::{Path, PathBuf};
use std::process::Command;

use skillsmith::Skill;
use skillsmith::lint::{MemoryFs, Selection, Settings, Target, check_skill};

fn fixture() -> (PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/decision/choosing-a-cache-strategy/SKILL.md");
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

fn all_rules() -> Settings {
    let mut settings = Settings::new(Target::ClaudeCode);
    settings.apply(&Selection { select: Some(vec!["all".into()]), ..Selection::default() }).unwrap();
    settings
}

/// (rule code, 1-based line) of every finding on `text`.
fn findings(text: &str) -> Vec<(&'static str, u32)> {
    let skill = Skill::parse("skills/choosing-a-cache-strategy/SKILL.md", text.as_bytes().to_vec());
    check_skill(&skill, &all_rules(), &MemoryFs::new())
        .into_iter()
        .map(|d| (d.rule.code, skill.line_col(d.span.start as usize).line))
        .collect()
}

/// The 1-based line of the first line of `text` that starts with `marker`.
fn line_of(text: &str, marker: &str) -> u32 {
    let index = text.lines().position(|l| l.starts_with(marker)).unwrap_or_else(|| panic!("no line `{marker}`"));
    index as u32 + 1
}

/// `text` with the lines from the one starting with `from` up to (not including) the one
/// starting with `to` removed.
fn without(text: &str, from: &str, to: &str) -> String {
    let start = text.find(&format!("\n{from}")).unwrap_or_else(|| panic!("no `{from}`")) + 1;
    let end = start + text[start..].find(&format!("\n{to}")).unwrap_or_else(|| panic!("no `{to}`")) + 1;
    format!("{}{}", &text[..start], &text[end..])
}

fn replaced(text: &str, old: &str, new: &str) -> String {
    assert!(text.contains(old), "the fixture no longer holds `{old}`");
    text.replacen(old, new, 1)
}

#[test]
fn the_complete_skill_has_no_finding_with_every_rule() {
    let (path, text) = fixture();
    assert_eq!(findings(&text), []);
    let output = Command::new(env!("CARGO_BIN_EXE_skillsmith"))
        .args(["lint", "--select", "all", "--strict", "--color", "never"])
        .arg(path.parent().unwrap())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("no findings"), "{stdout}");
}

#[test]
fn breaking_each_requirement_is_caught_at_the_right_line() {
    let (_, text) = fixture();
    // (what is broken, the broken text, the rule expected, the line it must point at)
    let mut cases: Vec<(&str, String, &str, u32)> = Vec::new();

    let broken = replaced(&text, "## When to use this skill", "## Context");
    cases.push(("no when-to-use section", broken.clone(), "SK500", line_of(&broken, "# Choosing a cache strategy")));

    let broken = without(&text, "**Do not use this skill for**", "## Decision table");
    cases.push(("no scope", broken.clone(), "SK501", line_of(&broken, "- Choosing between an in-process cache")));

    let broken = without(&text, "| Situation |", "## Decision flow");
    cases.push(("no decision table", broken.clone(), "SK502", line_of(&broken, "- HTTP caching headers")));

    let broken = without(&text, "1. Measure reads per write", "## Trade-offs");
    cases.push(("no decision flow", broken.clone(), "SK503", line_of(&broken, "| Fewer than 3 reads per write")));

    let broken = replaced(&text, "## Trade-offs", "## Notes");
    cases.push(("no trade-offs", broken.clone(), "SK504", line_of(&broken, "5. Write bursts over 1,000")));

    let broken = without(&text, "## Red flags", "## Green lights");
    cases.push(("no red flags", broken.clone(), "SK505", line_of(&broken, "- **In-process LRU**")));

    let broken = replaced(
        &text,
        "- Invalidation written by hand in several services → move to write-through in the service that owns the data",
        "- Invalidation written by hand in several services",
    );
    cases.push((
        "a red flag with no way out",
        broken.clone(),
        "SK506",
        line_of(&broken, "- Invalidation written by hand"),
    ));

    let broken = without(&text, "## Green lights", "## Examples");
    cases.push(("no green lights", broken.clone(), "SK507", line_of(&broken, "- Write-behind for payments")));

    let broken = without(&text, "## Examples", "## Test cases");
    cases.push(("no examples", broken.clone(), "SK508", line_of(&broken, "- A cache outage has a tested fallback")));

    let broken = without(&text, "### Case 3", "Expected: write-behind");
    let broken = replaced(
        &broken,
        "Expected: write-behind in Redis with AOF every second, with the loss budget stated to the owner.\n",
        "",
    );
    cases.push(("two test cases", broken.clone(), "SK509", line_of(&broken, "## Test cases")));

    let broken = replaced(&text, "## Decision flow\n\n", "## Decision flow\n\nSize the cache as appropriate.\n\n");
    cases.push(("vague advice", broken.clone(), "SK510", line_of(&broken, "Size the cache as appropriate.")));

    for (what, broken, code, line) in cases {
        let found = findings(&broken);
        assert_eq!(found, [(code, line)], "{what}: expected {code} at line {line}");
    }
}
