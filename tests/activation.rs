//! `skillsmith activation` and `skillsmith listing` as a user meets them, and the queries
//! file of `tests/activation/` against the corpus repository it was written for.

use crate::common;

use std::path::{Path, PathBuf};

fn skillsmith(args: &[&str]) -> (String, String, i32) {
    let output = common::run(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/activation"), args);
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (stdout, stderr, output.status.code().unwrap_or(-1))
}

fn snapshot(name: &str, value: String) {
    insta::with_settings!({ snapshot_path => "snapshots/activation", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn activation_text_reports_queries_skills_and_confusions() {
    let (out, err, code) = skillsmith(&["activation", "skills", "--queries", "queries.json"]);
    assert_eq!(code, 1, "a left-out skill cannot be activated: one expectation fails\n{err}");
    snapshot("activation-text", out);
}

#[test]
fn activation_json_is_the_documented_document() {
    let (out, _, code) = skillsmith(&["activation", "skills", "--queries", "queries.json", "--format", "json"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in ["query", "expected", "predicted", "ranked", "met"] {
        assert!(value["queries"][0].get(key).is_some(), "missing queries[].{key}");
    }
    for key in ["skill", "score", "matched"] {
        assert!(value["queries"][0]["ranked"][0].get(key).is_some(), "missing ranked[].{key}");
    }
    for key in ["name", "queries", "recall", "precision"] {
        assert!(value["skills"][0].get(key).is_some(), "missing skills[].{key}");
    }
    snapshot("activation-json", out);
}

#[test]
fn eval_queries_alone_pass_and_a_query_flag_only_ranks() {
    let (out, _, code) = skillsmith(&["activation", "skills"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("top-1 accuracy: 2/2"), "{out}");
    let (out, _, code) = skillsmith(&["activation", "skills/csv-clean", "--query", "merge csv files"]);
    assert_eq!(code, 0);
    snapshot("activation-query-flag", out);
}

#[test]
fn the_threshold_is_configurable() {
    let (out, _, code) = skillsmith(&["activation", "skills", "--threshold", "1000"]);
    assert_eq!(code, 1, "nothing passes, so the should-trigger query fails\n{out}");
    assert!(out.contains("pdf-forms -> (nothing)"), "{out}");
}

#[test]
fn bad_queries_files_and_unknown_skills_are_usage_errors() {
    let (_, err, code) = skillsmith(&["activation", "skills", "--queries", "bad-queries.json"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "skillsmith: bad-queries.json: line 1 column 22: unknown field `skil`, expected `query` or `skill`\n"
    );
    let (_, err, code) = skillsmith(&["activation", "skills/csv-clean", "--queries", "queries.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("expects `pdf-forms`, which is not among the skills given"), "{err}");
}

#[test]
fn listing_shows_cuts_left_out_skills_and_overflow() {
    let (out, _, code) = skillsmith(&["listing", "skills"]);
    assert_eq!(code, 0);
    snapshot("listing", out);
    let (out, _, code) = skillsmith(&["listing", "skills", "--context-window", "40000"]);
    assert_eq!(code, 0);
    snapshot("listing-overflow", out);
    let (out, _, code) = skillsmith(&["listing", "skills", "--context-window", "40000", "--format", "json"]);
    assert_eq!(code, 0);
    snapshot("listing-json", out);
}

/// `../shared` (the corpus), or `SKILLSMITH_SHARED` when the checkout lives elsewhere.
fn shared() -> Option<PathBuf> {
    let candidates = [
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")),
        std::env::var_os("SKILLSMITH_SHARED").map(PathBuf::from),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.join("corpus").is_dir());
    if found.is_none() {
        eprintln!("note: ../shared/corpus is absent; the activation queries tests are skipped");
    }
    found
}

fn corpus_run(unit: &str, queries: &str) -> Option<(String, i32)> {
    let shared = shared()?;
    let queries = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/activation").join(queries);
    let queries = queries.to_str().expect("the queries path is UTF-8");
    let output = common::run(&shared.join("corpus"), &["activation", "--queries", queries, unit]);
    Some((String::from_utf8(output.stdout).unwrap(), output.status.code().unwrap_or(-1)))
}

fn accuracy(out: &str) -> (usize, usize) {
    let line = out.lines().find_map(|l| l.strip_prefix("top-1 accuracy: ")).expect("an accuracy line");
    let (met, rest) = line.split_once('/').unwrap();
    (met.parse().unwrap(), rest.split_once(' ').unwrap().0.parse().unwrap())
}

#[test]
fn the_bun_plugin_queries_are_mostly_met() {
    let Some((out, code)) = corpus_run("secondsky+claude-skills/plugins/bun", "bun-queries.json") else { return };
    let (met, total) = accuracy(&out);
    assert!(total >= 60, "the tuning set holds 60+ queries");
    assert!(met * 100 >= total * 95, "top-1 accuracy fell to {met}/{total}\n{out}");
    assert_eq!(code, i32::from(met < total));
    snapshot("corpus-bun", out);
}

#[test]
fn the_held_out_superpowers_queries_are_mostly_met() {
    let Some((out, _)) = corpus_run("obra+superpowers", "superpowers-queries.json") else { return };
    let (met, total) = accuracy(&out);
    assert!(met * 100 >= total * 90, "held-out top-1 accuracy fell to {met}/{total}\n{out}");
}
