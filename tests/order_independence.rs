//! pre-commit passes the staged files in whatever order git lists them, a few at a time.
//! Findings (and the config each file gets) must not depend on that order, nor on which
//! other files share the call: the nearest config is found per file, and repository-wide
//! checks still see the skills that were not passed.

use crate::common;

use std::path::Path;

use common::{repo, run, write};

const PDF: &str = ".claude/skills/pdf/SKILL.md";
const FORMS: &str = "team/skills/forms/SKILL.md";
const CSV: &str = "team/skills/csv/SKILL.md";

/// A repository with a config at its root (spec target, a small listing budget) and another
/// in `team/` (Claude Code, time-sensitive on, a short body limit), skills under each, an
/// unpassed skill of the same `.claude/skills` whose name duplicates a passed one, and one of
/// another install unit (`vendor/`) that shares the name without colliding.
fn repository() -> tempfile::TempDir {
    let dir = repo();
    let root = dir.path();
    write(
        root,
        "skillsmith.toml",
        "target = \"spec\"\nlisting-budget = 100\n\n[rules]\nlisting-budget = \"warning\"\n",
    );
    write(
        root,
        "team/skillsmith.toml",
        "target = \"claude-code\"\nextend-select = [\"time-sensitive\"]\n\n[rules.body-too-long]\nmax-lines = 3\n",
    );
    let claude_key = "effort: high\n";
    write(
        root,
        PDF,
        &format!(
            "---\nname: pdf\ndescription: Fills PDF forms. Use when a PDF form is attached.\n{claude_key}---\n# PDF\n\nFill it.\n"
        ),
    );
    write(
        root,
        FORMS,
        &format!(
            "---\nname: forms\ndescription: Checks web forms. Use when a form misbehaves.\n{claude_key}---\n# Forms\n\nAs of 2024 the latest version is 4.2.\n\nOne.\n\nTwo.\n"
        ),
    );
    write(
        root,
        CSV,
        "---\nname: csv\ndescription: Cleans CSV exports. Use when a CSV will not load.\n---\n# CSV\n\nRe-save it.\n",
    );
    write(
        root,
        ".claude/skills/pdf-reader/SKILL.md",
        "---\nname: pdf\ndescription: Reads PDF files and extracts their tables. Use when a PDF is attached.\n---\n# PDF\n\nRead it.\n",
    );
    write(
        root,
        "vendor/pdf/SKILL.md",
        "---\nname: pdf\ndescription: Reads PDF files. Use when a PDF is attached.\n---\n# PDF\n\nRead it.\n",
    );
    dir
}

fn lint(root: &Path, format: &str, files: &[&str]) -> (String, Option<i32>) {
    let mut args = vec!["lint", "--format", format];
    args.extend_from_slice(files);
    let output = run(root, &args);
    (String::from_utf8(output.stdout).unwrap(), output.status.code())
}

fn permutations(items: &[&'static str]) -> Vec<Vec<&'static str>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for (i, first) in items.iter().enumerate() {
        let mut rest = items.to_vec();
        rest.remove(i);
        for mut tail in permutations(&rest) {
            tail.insert(0, first);
            out.push(tail);
        }
    }
    out
}

#[test]
fn every_order_of_the_files_gives_the_same_findings_and_exit_code() {
    let dir = repository();
    let root = dir.path();
    for format in ["json-lines", "text", "sarif"] {
        let orders = permutations(&[PDF, FORMS, CSV]);
        assert_eq!(orders.len(), 6);
        let first = lint(root, format, &orders[0]);
        assert_eq!(first.1, Some(1), "{}", first.0);
        for order in &orders[1..] {
            assert_eq!(lint(root, format, order), first, "{format}: {order:?} differs from {:?}", orders[0]);
        }
    }
}

#[test]
fn each_file_gets_its_nearest_config_and_the_repository_context() {
    let dir = repository();
    let found = common::findings(dir.path(), &[FORMS, CSV, PDF]);
    let pdf = common::codes_in(&found, PDF);
    // Root config, spec target: Claude Code's `effort` is unknown; the unpassed pdf-reader of
    // the same `.claude/skills` shares its name (vendor/pdf does too, but loads apart).
    assert!(pdf.contains(&"SK100".to_string()) && pdf.contains(&"SK600".to_string()), "{pdf:?}");
    let forms = common::codes_in(&found, FORMS);
    // team/ config: claude-code knows `effort`; time-sensitive is on; the body limit is 3.
    assert!(!forms.contains(&"SK100".to_string()), "{forms:?}");
    assert!(forms.contains(&"SK702".to_string()) && forms.contains(&"SK301".to_string()), "{forms:?}");
    assert!(common::codes_in(&found, CSV).is_empty(), "{found:?}");
    // The run-wide listing budget comes from the config of the files' common folder (the
    // root) and counts the unpassed skill of the same unit too: `.claude/skills` is over it,
    // `team/skills` is not.
    let budget = found.iter().filter(|(_, _, c)| c == "SK601").count();
    assert_eq!(budget, 1, "{found:?}");
    let duplicate = found.iter().find(|(p, _, c)| p == PDF && c == "SK600").unwrap();
    assert_eq!(duplicate.1, 2, "at the name's line");
}

#[test]
fn a_file_linted_alone_or_with_others_gets_the_same_findings() {
    let dir = repository();
    let root = dir.path();
    let together = common::findings(root, &[CSV, PDF, FORMS]);
    for file in [PDF, FORMS, CSV] {
        let alone = common::findings(root, &[file]);
        // The listing budget is a run-wide setting taken from the config of the files'
        // common folder, so it alone may differ with the set of files passed.
        let per_file = |found: &[(String, u32, String)]| {
            let mut kept: Vec<(String, u32, String)> =
                found.iter().filter(|(p, _, c)| p == file && c != "SK601").cloned().collect();
            kept.sort();
            kept
        };
        assert_eq!(per_file(&alone), per_file(&together), "{file}");
    }
}

#[test]
fn the_settings_shown_for_a_file_do_not_depend_on_where_it_is_asked_from() {
    let dir = repository();
    let root = dir.path();
    let from_root = run(root, &["config", FORMS]);
    let from_team = run(&root.join("team"), &["config", "skills/forms/SKILL.md"]);
    let body = |o: &std::process::Output| {
        String::from_utf8_lossy(&o.stdout).lines().skip(2).map(|l| format!("{l}\n")).collect::<String>()
    };
    assert!(from_root.status.success());
    assert_eq!(body(&from_root), body(&from_team));
    assert!(body(&from_root).contains("target = \"claude-code\""), "{}", body(&from_root));
    assert!(String::from_utf8_lossy(&from_root.stdout).contains("# config: team/skillsmith.toml"));
}
