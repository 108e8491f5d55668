//! Kinds of skill and their required sections: each way a skill gets its kind (its
//! `metadata.kind`, `kind` at the top of the config, `kind` in an override, none), what
//! `skillsmith config` shows of it, config mistakes, and `--fix` inserting a missing section.

use crate::common;

use common::{codes_in, findings, repo, run, write};

/// A skill with `When to use` and `Notes` but no `Steps` or `Examples`; `metadata` is written
/// under the frontmatter when given.
fn unfinished(root: &std::path::Path, folder: &str, metadata: &str) -> std::path::PathBuf {
    let name = std::path::Path::new(folder).file_name().unwrap().to_str().unwrap();
    let text = format!(
        "---\nname: {name}\ndescription: Restarts the queue workers. Use when jobs pile up.\n{metadata}---\n\n# Restarting workers\n\n## When to use\n\n- Jobs wait for more than 10 minutes\n\n## Notes\n\nWorkers restart in about 30 seconds.\n"
    );
    write(root, &format!("{folder}/SKILL.md"), &text)
}

const RUNBOOK: &str = "[kinds.runbook]\nsections = [\n  { title = \"When to use\", aliases = [\"Use when\"] },\n  { title = \"Steps\", aliases = [\"Procedure\"], holds = \"ordered-list\" },\n]\n";

/// `skillsmith config PATH`'s comment lines up to the first blank line, and its `kind = ` line.
fn config_header(root: &std::path::Path, path: &str) -> String {
    let output = run(root, &["config", path]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut lines: Vec<&str> = stdout.lines().take_while(|l| !l.is_empty()).collect();
    lines.extend(stdout.lines().filter(|l| l.starts_with("kind = ")));
    lines.join("\n")
}

#[test]
fn the_kind_comes_from_metadata() {
    let repo = repo();
    let root = repo.path();
    unfinished(root, "skills/a", "metadata:\n  kind: procedural\n");
    assert_eq!(codes_in(&findings(root, &["--select", "sections"]), "a/SKILL.md"), ["SK520", "SK520"]);
    let header = config_header(root, "skills/a");
    assert!(header.contains("# kind: procedural, from the skill's `metadata.kind`"), "{header}");
}

#[test]
fn the_kind_comes_from_the_top_of_the_config() {
    let repo = repo();
    let root = repo.path();
    write(root, "skillsmith.toml", "kind = \"procedural\"\n");
    unfinished(root, "skills/a", "");
    assert_eq!(codes_in(&findings(root, &[]), "a/SKILL.md"), ["SK520", "SK520"]);
    assert!(config_header(root, "skills/a").contains("from `kind` in skillsmith.toml"));
}

#[test]
fn the_kind_comes_from_an_override_and_metadata_wins_over_it() {
    let repo = repo();
    let root = repo.path();
    write(
        root,
        "skillsmith.toml",
        &format!("{RUNBOOK}\n[[overrides]]\npaths = [\"runbooks/**\"]\nkind = \"runbook\"\n"),
    );
    unfinished(root, "runbooks/a", "");
    unfinished(root, "runbooks/b", "metadata:\n  kind: reference\n");
    unfinished(root, "skills/c", "");
    // The unfinished runbooks are templated alike, so competing-skills rightly pairs them.
    let found = findings(root, &["--ignore", "competing-skills"]);
    assert_eq!(codes_in(&found, "runbooks/a/SKILL.md"), ["SK520"], "the runbook's Steps");
    assert_eq!(codes_in(&found, "runbooks/b/SKILL.md"), ["SK520", "SK520"], "reference: Quick reference, Examples");
    assert_eq!(codes_in(&found, "skills/c/SKILL.md"), Vec::<String>::new(), "no kind: nothing required");
    insta::assert_snapshot!("config-kind-from-override", config_header(root, "runbooks/a"));
    insta::assert_snapshot!("config-kind-from-metadata", config_header(root, "runbooks/b"));
    insta::assert_snapshot!("config-kind-none", config_header(root, "skills/c"));
}

#[test]
fn a_config_assigning_decision_runs_the_decision_rules() {
    let repo = repo();
    let root = repo.path();
    write(root, "skillsmith.toml", "[[overrides]]\npaths = [\"decisions/**\"]\nkind = \"decision\"\n");
    unfinished(root, "decisions/a", "");
    let codes = codes_in(&findings(root, &[]), "a/SKILL.md");
    assert!(codes.contains(&"SK502".to_string()), "{codes:?}");
    assert!(!codes.contains(&"SK520".to_string()), "the decision rules check the decision kind: {codes:?}");
}

#[test]
fn kind_mistakes_are_located_with_the_nearest_name() {
    let repo = repo();
    let root = repo.path();
    let text = format!(
        "{RUNBOOK}\n[kinds.decision]\nsections = [{{ title = \"X\" }}]\n\n[kinds.bad]\nsections = [{{ title = \"A\", holds = \"tabel\", before = \"Z\" }}, {{ aliases = [\"B\"] }}]\n\n[[overrides]]\npaths = [\"x/**\"]\nkind = \"runbok\"\n"
    );
    write(root, "skillsmith.toml", &text);
    unfinished(root, "x/a", "");
    let output = run(root, &["lint", "x"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "skillsmith.toml:7:8: the `decision` kind is built in",
        "unknown `holds` value `tabel`; did you mean `table`?",
        "`before = \"Z\"` must name the title of a section listed after \"A\"",
        "a section of `kinds.bad` has no `title`",
        "skillsmith.toml:15:8: unknown kind `runbok`; did you mean `runbook`?",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in\n{stderr}");
    }
}

#[test]
fn fix_inserts_the_missing_section_only_with_unsafe_fixes() {
    let repo = repo();
    let root = repo.path();
    write(root, "skillsmith.toml", &format!("kind = \"runbook\"\n{RUNBOOK}"));
    let path = unfinished(root, "skills/a", "");
    let before = std::fs::read_to_string(&path).unwrap();
    run(root, &["lint", "--fix", "skills"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "the fix is unsafe: not applied by --fix alone");
    run(root, &["lint", "--fix", "--unsafe-fixes", "skills"]);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("- Jobs wait for more than 10 minutes\n\n## Steps\n\n1. [TODO: steps, item 1]\n\n## Notes\n"),
        "{after}"
    );
    assert_eq!(codes_in(&findings(root, &["--select", "sections"]), "a/SKILL.md"), Vec::<String>::new());
}

#[test]
fn docs_kind_table_matches_the_shipped_definition() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find("<!-- kinds:start -->\n").expect("docs/rules.md has a kinds:start marker")
        + "<!-- kinds:start -->\n".len();
    let end = readme.find("<!-- kinds:end -->").expect("docs/rules.md has a kinds:end marker");
    let table = skillsmith::kinds::markdown_table(&skillsmith::kinds::Kinds::builtin());
    if std::env::var_os("SKILLSMITH_BLESS").is_some() {
        std::fs::write(&path, format!("{}{table}{}", &readme[..start], &readme[end..])).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        table,
        "docs/rules.md's kind table is stale: run `SKILLSMITH_BLESS=1 cargo test --test suite cli_kinds::docs_kind_table`"
    );
}

#[test]
fn docs_team_example_reads_and_assigns_its_kinds() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md")).unwrap();
    let section = &readme[readme.find("\n### A team's kinds\n").expect("docs/rules.md has the team example")..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    let toml = &section[start..start + section[start..].find("```").unwrap()];
    let repo = repo();
    let root = repo.path();
    write(root, "skillsmith.toml", toml);
    unfinished(root, ".claude/skills/ops-restart", "");
    unfinished(root, ".claude/skills/api-users", "");
    let found = findings(root, &["--select", "sections", ".claude/skills"]);
    assert_eq!(
        codes_in(&found, "ops-restart/SKILL.md"),
        ["SK520", "SK520", "SK520"],
        "runbook: Steps, Rollback, Verification"
    );
    assert_eq!(codes_in(&found, "api-users/SKILL.md"), ["SK520", "SK520"], "reference: Reference, Examples");
}
