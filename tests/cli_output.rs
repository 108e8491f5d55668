//! Output that scales to a repository: `--format concise`, `--statistics`, `--quiet`,
//! `--level`, GitHub's annotation limits, long-line snippets, and the empty and baseline notes.

use std::path::Path;

use crate::common;

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli")
}

/// (stdout, stderr, exit code) of skillsmith in `cwd`.
fn run(cwd: &Path, args: &[&str]) -> (String, String, i32) {
    let output = common::run(cwd, args);
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap_or(-1),
    )
}

fn snapshot(name: &str, value: String) {
    insta::with_settings!({ snapshot_path => "snapshots/cli", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn concise_prints_one_line_per_finding_then_the_summary() {
    let (out, _, code) = run(&fixtures(), &["lint", "--format", "concise", "mixed"]);
    assert_eq!(code, 1);
    snapshot("concise", out);
}

#[test]
fn quiet_prints_only_the_findings() {
    let (out, _, code) = run(&fixtures(), &["lint", "--format", "concise", "--quiet", "mixed"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.lines().all(|l| l.starts_with("mixed/")), "{out}");
    let (text, _, _) = run(&fixtures(), &["lint", "-q", "mixed"]);
    assert!(!text.contains("Found "), "{text}");
    assert!(text.contains("error[SK006]"), "{text}");
}

#[test]
fn statistics_counts_findings_per_rule_most_first() {
    let root = common::repo();
    for name in ["alpha", "beta", "gamma"] {
        // Each skill: a `version` key (SK115, info) and a first-person description (SK110).
        common::write(
            root.path(),
            &format!(".claude/skills/{name}/SKILL.md"),
            &format!(
                "---\nname: {name}\ndescription: I can help with {name} files. Use when one is attached.\nversion: 1\n---\n# {name}\n\nRead the file.\n"
            ),
        );
    }
    common::write(
        root.path(),
        ".claude/skills/delta/SKILL.md",
        "---\nname: delta\ndescription: Reads delta files. Use when one is attached.\nversion: 1\n---\n# Delta\n\nRead it.\n",
    );
    let (out, _, code) = run(root.path(), &["lint", "--statistics"]);
    assert_eq!(code, 0);
    snapshot("statistics", out);
    let (json, _, _) = run(root.path(), &["lint", "--statistics", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = value["statistics"].as_array().unwrap();
    assert_eq!(
        (rows[0]["code"].as_str(), rows[0]["count"].as_u64(), rows[0]["fixable"].as_u64()),
        (Some("SK115"), Some(4), Some(4))
    );
    assert_eq!((rows[1]["name"].as_str(), rows[1]["severity"].as_str()), (Some("description-person"), Some("warning")));
    assert_eq!(value["summary"]["infos"], 4);
    assert_eq!(run(root.path(), &["lint", "--statistics", "--format", "sarif"]).2, 2);
}

#[test]
fn level_hides_lower_findings_but_not_what_fails() {
    let (all, _, _) = run(&fixtures(), &["lint", "--format", "concise", "mixed"]);
    assert!(all.contains("[info]"), "{all}");
    let (out, _, code) = run(&fixtures(), &["lint", "--format", "concise", "--level", "warning", "mixed"]);
    assert_eq!(code, 1);
    assert!(!out.contains("[info]"), "{out}");
    assert!(out.contains("[error]"), "{out}");
    assert!(out.contains("1 finding below warning not shown (--level warning)."), "{out}");
    // The warn fixture has warnings only: --strict fails on them even when --level hides them.
    let (shown, _, strict) = run(&fixtures(), &["lint", "--format", "concise", "--strict", "--level", "error", "warn"]);
    assert_eq!(strict, 1, "{shown}");
    assert!(!shown.contains("[warning]"), "{shown}");
    assert_eq!(run(&fixtures(), &["lint", "--level", "error", "warn"]).2, 0);
    // Machine formats are filtered too; the note goes to stderr.
    let (json, err, _) = run(&fixtures(), &["lint", "--format", "json", "--level", "error", "mixed"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value["diagnostics"].as_array().unwrap().iter().all(|d| d["severity"] == "error"), "{json}");
    assert!(err.contains("below error not shown"), "{err}");
}

#[test]
fn no_skills_under_a_named_folder_is_a_warning_and_exit_2() {
    let root = common::repo();
    std::fs::create_dir_all(root.path().join("docs")).unwrap();
    common::skill(root.path(), ".claude/skills/pdf", "# PDF\n\nRead it.\n");
    let (out, err, code) = run(root.path(), &["lint", "docs"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("warning: no skills found under `docs`"), "{err}");
    assert!(out.contains("No skills found"), "{out}");
    assert!(!out.contains("All checks passed"), "{out}");
    // One empty folder among others still fails, and the others are still linted.
    let (out, err, code) = run(root.path(), &["lint", "docs", ".claude/skills"]);
    assert_eq!(code, 2);
    assert!(err.contains("under `docs`") && !err.contains("under `.claude/skills`"), "{err}");
    assert!(out.contains("1 skill"), "{out}");
    // The current folder with skills in it is fine.
    assert_eq!(run(root.path(), &["lint"]).2, 0);
    let empty = common::repo();
    let (_, err, code) = run(empty.path(), &["lint"]);
    assert_eq!(code, 2);
    assert!(err.contains("no skills found under `.`"), "{err}");
}

#[test]
fn baseline_says_how_many_findings_it_hid() {
    let root = common::repo();
    common::write(
        root.path(),
        ".claude/skills/pdf/SKILL.md",
        "---\nname: pdf\ndescription: Reads PDF files. Use when a PDF is attached.\nversion: 1\nlicence: MIT\n---\n# PDF\n\nRead it.\n",
    );
    let (_, err, code) = run(root.path(), &["lint", "--write-baseline", "base.json"]);
    assert_eq!(code, 0, "{err}");
    let (out, _, code) = run(root.path(), &["lint", "--baseline", "base.json"]);
    assert_eq!(code, 0);
    assert!(out.contains("2 findings hidden by the baseline `base.json`."), "{out}");
    let (_, err, _) = run(root.path(), &["lint", "--baseline", "base.json", "--format", "json"]);
    assert!(err.contains("2 findings hidden by the baseline"), "{err}");
}

/// A repository with `errors` skills that each have a YAML error, and `warnings` skills that
/// each have a first-person description.
fn noisy_repo(errors: usize, warnings: usize) -> tempfile::TempDir {
    let root = common::repo();
    for i in 0..errors {
        common::write(
            root.path(),
            &format!(".claude/skills/broken-{i:02}/SKILL.md"),
            &format!(
                "---\nname: broken-{i:02}\ndescription: Fills forms. Use when: a form is due\n---\n# Broken\n\nFill it.\n"
            ),
        );
    }
    for i in 0..warnings {
        common::write(
            root.path(),
            &format!(".claude/skills/personal-{i:02}/SKILL.md"),
            &format!(
                "---\nname: personal-{i:02}\ndescription: I can fill forms. Use when a form is due.\n---\n# Personal\n\nFill it.\n"
            ),
        );
    }
    root
}

#[test]
fn github_annotates_the_most_severe_first_within_the_limits() {
    let root = noisy_repo(12, 13);
    let summary_file = root.path().join("step-summary.md");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_skillsmith"))
        .current_dir(root.path())
        .args(["lint", "--format", "github", "--select", "yaml-syntax,description-person", ".claude"])
        .env("GITHUB_STEP_SUMMARY", &summary_file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let errors = lines.iter().filter(|l| l.starts_with("::error ")).count();
    let warnings = lines.iter().filter(|l| l.starts_with("::warning ")).count();
    assert_eq!((errors, warnings), (10, 10), "{out}");
    // Errors come first, then warnings.
    let first_warning = lines.iter().position(|l| l.starts_with("::warning ")).unwrap();
    assert!(lines[..first_warning].iter().all(|l| l.starts_with("::error ")), "{out}");
    // The rest are listed, one line each, after the annotations.
    assert!(
        out.contains("5 findings are not annotated (GitHub shows 10 errors, 10 warnings and 10 notices per step):"),
        "{out}"
    );
    assert_eq!(lines.iter().filter(|l| l.contains(": SK006 [error] ")).count(), 2, "{out}");
    assert_eq!(lines.iter().filter(|l| l.contains(": SK110 [warning] ")).count(), 3, "{out}");
    assert!(lines.last().unwrap().starts_with("Found 12 errors, 13 warnings"), "{out}");
    let markdown = std::fs::read_to_string(&summary_file).unwrap();
    assert!(markdown.starts_with("### skillsmith\n\nFound 12 errors, 13 warnings"), "{markdown}");
    assert!(markdown.contains(".claude/skills/personal-12/SKILL.md:3:14: SK110 [warning]"), "{markdown}");
}

#[test]
fn github_under_the_limits_annotates_everything_and_lists_nothing() {
    let root = noisy_repo(2, 3);
    let (out, _, code) =
        run(root.path(), &["lint", "--format", "github", "--select", "yaml-syntax,description-person"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().filter(|l| l.starts_with("::")).count(), 5, "{out}");
    assert!(!out.contains("not annotated"), "{out}");
}

#[test]
fn a_phrase_in_a_long_description_is_shown_centred_with_the_column_of_the_file() {
    let root = common::repo();
    let filler = "Formats and validates quarterly financial report spreadsheets for the accounting team. ".repeat(6);
    let description = format!(
        "{filler}You can ask it about budgets. {}Use when reports are due.",
        "It covers ledgers too. ".repeat(8)
    );
    let text = format!("---\nname: ledger\ndescription: {description}\n---\n# Ledger\n\nCheck the totals.\n");
    common::write(root.path(), ".claude/skills/ledger/SKILL.md", &text);
    let (out, _, _) = run(root.path(), &["lint", "--select", "description-person", "--color", "never"]);
    let column = text.lines().nth(2).unwrap().find("You can").unwrap() + 1;
    assert!(out.contains(&format!("SKILL.md:3:{column}\n")), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    let source = lines.iter().position(|l| l.starts_with("3 | ")).expect("the line is shown");
    let (shown, carets) = (lines[source], lines[source + 1]);
    let underline = &shown[carets.find('^').unwrap()..carets.rfind('^').unwrap() + 1];
    assert_eq!(underline, "You can ask it about budgets", "{out}");
    assert!(carets.trim_end().len() <= shown.len(), "the underline stops at the end of the line:\n{out}");
    snapshot("long-description-phrase", out);
}
