//! `skillsmith test`, `skillsmith evaluate` and `skillsmith new --template use-case` as a
//! user runs them: snapshots of what they print, exit codes, the final count line.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs skillsmith in `dir`: (stdout, stderr, exit code).
fn skillsmith(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_skillsmith")).args(args).current_dir(dir).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (text(output.stdout), text(output.stderr), output.status.code().unwrap_or(-1))
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({ snapshot_path => "snapshots/decide", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, value);
    });
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or_default()
}

const CACHE: &str = "tests/fixtures/generate/decision/choosing-a-cache";

#[test]
fn test_runs_the_shipped_skills_scenarios() {
    let (out, err, code) = skillsmith(&root(), &["test", "skills/llmops-decision-framework"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(last_line(&out), "67 passed, 0 failed");
    snapshot("test-shipped", &out);
}

#[test]
fn test_finds_a_shipped_skill_by_name_from_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (out, err, code) = skillsmith(dir.path(), &["test", "llmops-decision-framework"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("llmops-decision-framework (shipped): 67 scenarios"), "{out}");
    assert_eq!(last_line(&out), "67 passed, 0 failed");
}

#[test]
fn test_counts_every_skill_in_one_final_line() {
    let (out, _, code) = skillsmith(&root(), &["test", "skills/llmops-decision-framework", CACHE]);
    assert_eq!(code, 0);
    assert_eq!(last_line(&out), "72 passed, 0 failed");
    assert_eq!(out.matches(" passed, ").count(), 3, "one line per skill, one final line");
}

#[test]
fn test_takes_spec_and_scenario_files_and_runs_each_skill_once() {
    let files = [
        "skills/llmops-decision-framework/skill.yaml",
        "skills/llmops-decision-framework/scenarios/01-no-capability-gap.yaml",
        "skills/llmops-decision-framework/scenarios/12-no-saving.yaml",
    ];
    let (out, err, code) = skillsmith(&root(), &[&["test"][..], &files].concat());
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.matches("skills/llmops-decision-framework: 67 scenarios").count(), 1, "{out}");
    assert_eq!(last_line(&out), "67 passed, 0 failed");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("scenarios")).unwrap();
    std::fs::write(dir.path().join("scenarios/lost.yaml"), "title: Lost\n").unwrap();
    let (_, err, code) = skillsmith(dir.path(), &["test", "scenarios/lost.yaml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("scenarios/lost.yaml is in a `scenarios` folder, but no skill.yaml is beside that folder"),
        "{err}"
    );
}

#[test]
fn verbose_shows_expected_and_actual_for_every_scenario() {
    let (out, _, code) = skillsmith(&root(), &["test", "--verbose", CACHE]);
    assert_eq!(code, 0);
    snapshot("test-verbose-cache", &out);
}

/// A copy of the cache skill whose placement table has no fallback row, with scenarios
/// that fail, reach no row, give a fact the skill never asks for, mistype a fact, expect
/// what the skill cannot answer, or are not valid YAML for a scenario.
fn broken_cache_skill() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("choosing-a-cache");
    std::fs::create_dir_all(skill.join("scenarios")).unwrap();
    let spec = std::fs::read_to_string(root().join(CACHE).join("skill.yaml")).unwrap();
    let spec = spec.replace("        - cells: [Several", "        - when: instances > 1\n          cells: [Several");
    std::fs::write(skill.join("skill.yaml"), spec).unwrap();
    let scenarios = [
        (
            "a-wrong-expectation.yaml",
            "title: Expected the wrong placement\nfacts: {repeat_ratio: 90, staleness_ok: true, instances: 1, reads_per_day: 500000, saved_ms: 20}\nexpect:\n  outcome: no-go\n  selections: {placement: Shared cache (Redis or memcached)}\n  figures: {hours_saved: 3}\n",
        ),
        (
            "b-no-row.yaml",
            "title: No instance at all\nfacts: {repeat_ratio: 90, staleness_ok: true, instances: 0}\nexpect: {outcome: go}\n",
        ),
        (
            "c-unknown-fact.yaml",
            "title: A TTL the skill never asks about\nfacts: {repeat_ratio: 90, staleness_ok: true, instances: 1, ttl_seconds: 30}\nexpect: {outcome: go}\n",
        ),
        (
            "d-mistyped.yaml",
            "title: Staleness as a number\nfacts:\n  repeat_ratio: 90 percent\n  staleness_ok: 1\nexpect: {outcome: go}\n",
        ),
        ("e-bad-expect.yaml", "title: A band label that does not exist\nexpect:\n  bands: {worth: Priceless}\n"),
        ("f-not-a-scenario.yaml", "title: Misspelt\nexpcet: {outcome: go}\n"),
        (
            "g-missing-facts.yaml",
            "title: Facts missing to decide\nfacts: {instances: 3}\nexpect: {outcome: go, selections: {placement: In-process map with TTL}}\n",
        ),
    ];
    for (name, text) in scenarios {
        std::fs::write(skill.join("scenarios").join(name), text).unwrap();
    }
    dir
}

#[test]
fn test_shows_failures_side_by_side_and_gaps_in_the_skill() {
    let dir = broken_cache_skill();
    let (out, err, code) = skillsmith(dir.path(), &["test", "choosing-a-cache"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(last_line(&out), "3 passed, 7 failed");
    assert!(out.contains("the skill does not answer: `placement` (Where to cache): no row matches instances = 0"));
    assert!(out.contains("the skill does not answer: `ttl_seconds`: the skill never asks for this fact"));
    snapshot("test-failures", &out);
}

#[test]
fn test_refuses_an_invalid_spec_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("choosing-a-cache");
    std::fs::create_dir_all(&skill).unwrap();
    let spec = std::fs::read_to_string(root().join(CACHE).join("skill.yaml")).unwrap();
    std::fs::write(skill.join("skill.yaml"), spec.replace("check: repeat_ratio >= 30", "check: repeat_ratio >= (30"))
        .unwrap();
    let (out, err, code) = skillsmith(dir.path(), &["test", "choosing-a-cache"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("choosing-a-cache/skill.yaml:46:30: cannot read the expression: this `(` is not closed"),
        "{err}"
    );
    let (_, err, code) = skillsmith(dir.path(), &["test", "no-such-skill"]);
    assert_eq!(code, 2);
    assert!(err.contains("`no-such-skill` is neither a skill folder nor a shipped skill"), "{err}");
}

#[test]
fn evaluate_prints_the_checklist_the_arithmetic_and_the_reasons() {
    let (out, err, code) = skillsmith(
        &root(),
        &[
            "evaluate",
            "skills/llmops-decision-framework",
            "--use-case",
            "tests/fixtures/use-cases/product-descriptions.yaml",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("= 7,000 / 18,100 = 0.387 months"), "{out}");
    snapshot("evaluate-text", &out);
}

#[test]
fn evaluate_json_holds_every_result() {
    let (out, _, code) = skillsmith(
        &root(),
        &[
            "evaluate",
            "skills/llmops-decision-framework",
            "--use-case",
            "tests/fixtures/use-cases/product-descriptions.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["decision"]["outcome"], "GO");
    assert_eq!(value["decision"]["criteria"].as_array().unwrap().len(), 5);
    let method = value["decision"]["selections"].as_array().unwrap().iter().find(|s| s["name"] == "method").unwrap();
    assert_eq!(method["answer"], "SFT");
    let payback =
        value["decision"]["formulas"].as_array().unwrap().iter().find(|f| f["name"] == "payback_months").unwrap();
    assert_eq!(payback["arithmetic"], "7,000 / 18,100");
    snapshot("evaluate-json", &out);
}

#[test]
fn evaluate_runs_the_second_skill_and_finds_red_flags_in_the_text() {
    let (out, _, code) =
        skillsmith(&root(), &["evaluate", CACHE, "--use-case", "tests/fixtures/use-cases/cache-proposal.yaml"]);
    assert_eq!(code, 0);
    snapshot("evaluate-cache", &out);
}

#[test]
fn evaluate_names_every_invalid_or_missing_field_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(root().join("tests/fixtures/use-cases/product-descriptions.yaml")).unwrap();
    let bad = good
        .replace("total-examples: 1,500", "total-examples: many")
        .replace("  need: output-format", "  need: output-fromat")
        .replace("  measurable: yes\n", "")
        .replace("go-no-go:", "go-nogo:")
        .replace("vram-gb: 16 GB", "vram-gb: 16 TB")
        .replace("    - risk: The template", "    - rsk: The template");
    std::fs::write(dir.path().join("bad.yaml"), bad).unwrap();
    let (out, err, code) = skillsmith(dir.path(), &["evaluate", "llmops-decision-framework", "--use-case", "bad.yaml"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    snapshot("evaluate-errors", &err);
}

#[test]
fn new_writes_an_empty_use_case_that_evaluate_reads_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let (out, err, code) =
        skillsmith(dir.path(), &["new", "my-case", "--template", "use-case", "--skill", "llmops-decision-framework"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("created my-case.yaml\n"), "{out}");
    let written = std::fs::read_to_string(dir.path().join("my-case.yaml")).unwrap();
    snapshot("new-use-case", &written);
    // Nothing written yet: the verdict is undetermined, naming every field still to write.
    let (out, err, code) =
        skillsmith(dir.path(), &["evaluate", "llmops-decision-framework", "--use-case", "my-case.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Decision: undetermined (needs capability_gap,"), "{out}");
    assert!(out.contains("`training-data-strategy.total-examples` (line "), "{out}");
    let (_, err, code) =
        skillsmith(dir.path(), &["new", "my-case", "--template", "use-case", "--skill", "llmops-decision-framework"]);
    assert_eq!(code, 2);
    assert!(err.contains("my-case.yaml already exists"), "{err}");
    let (_, err, code) = skillsmith(dir.path(), &["new", "other", "--template", "use-case"]);
    assert_eq!(code, 2);
    assert!(err.contains("needs `--skill SKILL`"), "{err}");
}

#[test]
fn install_copies_the_scenarios_and_they_pass_where_installed() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err, code) = skillsmith(dir.path(), &["install", "llmops-decision-framework", "--into", "."]);
    assert_eq!(code, 0, "{err}");
    let installed = dir.path().join(".claude/skills/llmops-decision-framework");
    assert!(installed.join("scenarios/06-every-threshold-met-exactly.yaml").is_file());
    let (out, _, code) = skillsmith(dir.path(), &["test", ".claude/skills/llmops-decision-framework"]);
    assert_eq!(code, 0);
    assert_eq!(last_line(&out), "67 passed, 0 failed");
}

const SHIPPED: &str = "skills/llmops-decision-framework";

fn evaluate(fixture: &str, format: &str) -> (String, String, i32) {
    let file = format!("tests/fixtures/use-cases/{fixture}.yaml");
    skillsmith(&root(), &["evaluate", SHIPPED, "--use-case", &file, "--format", format])
}

#[test]
fn a_mitigated_risk_and_a_revisit_condition_are_not_statements_but_the_same_words_stated_are() {
    let (out, err, code) = evaluate("mitigated-risk", "text");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Red flags found in the text\n  none"), "{out}");
    assert!(out.contains("Decision: GO\n"), "{out}");
    let (out, _, code) = evaluate("stated-flag", "text");
    assert_eq!(code, 0);
    assert!(out.contains("✗ perfect-accuracy (REVISIT): \"100% accuracy\" in executive-summary, line 4"), "{out}");
    assert!(out.contains("Decision: REVISIT\n"), "{out}");
}

#[test]
fn impossible_figures_are_errors_at_their_line() {
    let (out, err, code) = evaluate("negative-vram", "text");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("negative-vram.yaml:44:12: `figures.vram-gb`: `vram_gb` cannot be -24 GB"), "{err}");
    let (_, err, code) = evaluate("vram-in-hours", "text");
    assert_eq!(code, 2);
    assert!(err.contains("vram-in-hours.yaml:44:12: `figures.vram-gb`: `vram_gb` must be a number (GB)"), "{err}");
    assert!(err.contains("vram-in-hours.yaml:46:16: `figures.hourly-rate`: `hourly_rate` cannot be -40"), "{err}");
}

#[test]
fn missing_figures_give_a_partial_verdict_naming_them() {
    let (out, err, code) = evaluate("missing-rate", "text");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Decision: GO (partial: payback undetermined: needs hourly_rate)"), "{out}");
    let (out, err, code) = evaluate("figures-only", "text");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("  - `executive-summary` (line 3)"), "{out}");
    snapshot("evaluate-figures-only", &out);
}

#[test]
fn evaluate_writes_a_markdown_memo_and_json_with_the_same_conclusions() {
    let (out, err, code) = evaluate("figures-only", "markdown");
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Go/no-go: Figures first\n\n**Decision: GO**"), "{out}");
    snapshot("evaluate-markdown", &out);
    let (json, _, _) = evaluate("figures-only", "json");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let conclusions = value["decision"]["conclusions"].as_array().unwrap();
    let serving = conclusions.iter().find(|c| c["selection"] == "serving_choice").unwrap();
    assert_eq!(serving["answer"], "API, against the rule of thumb");
    assert!(out.contains(serving["text"].as_str().unwrap()), "the memo states the JSON's conclusion");
    assert!(!value["unfilled"].as_array().unwrap().is_empty());
}

#[test]
fn verbose_says_what_decided_each_value_and_scenario_paths_work_from_their_folder() {
    let scenarios = root().join(SHIPPED).join("scenarios");
    let (out, err, code) = skillsmith(&scenarios, &["test", "--verbose", "35-payback-exactly-twelve-exact.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("by payback_months = 12 is in 3-12 months"), "{out}");
    assert!(out.contains("by 0.3 * 36 * 500"), "{out}");
    let (out, _, _) = skillsmith(&scenarios, &["test", "--verbose", "21-flag-know-all-case-law.yaml"]);
    assert!(
        out.contains("by `know-everything`: \"know all about\" matched `know|knows|knowing all|everything ... about`"),
        "{out}"
    );
}
