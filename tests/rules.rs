//! One fixture folder per rule case, one insta snapshot of its text output each.
//!
//! Layout: `tests/fixtures/rules/<CODE>/<case>/...` where `<case>` is `hit` or `miss`,
//! optionally followed by `-<target>` (`hit-spec`, `miss-api`); default target
//! `claude-code`. The case folder is linted as a whole (so repository rules see all its
//! skills) with only that rule selected, plus the rules named in an optional `extend-select`
//! file of the case folder (for rules about other rules, such as `unused-suppression`). A
//! case folder holding a `skillsmith.toml` is linted with that config (for rules that read
//! what a config declares, such as the kinds of the `sections` rules), the selection on top.
//! A `hit` case must produce the rule at least once, a `miss` case (a near miss) never.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use skillsmith::config::{ConfigProvider, Flags};
use skillsmith::lint::{RealFs, RunOptions, Selection, Settings, Target, Uniform, lint_paths, rules};
use skillsmith::report::{self, Text};

fn case_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut cases = Vec::new();
    for rule in std::fs::read_dir(&root).unwrap() {
        let rule = rule.unwrap().path();
        for case in std::fs::read_dir(&rule).unwrap() {
            cases.push(case.unwrap().path());
        }
    }
    cases.sort();
    cases
}

fn target_of(case: &str) -> Target {
    case.split_once('-').and_then(|(_, t)| Target::parse(t)).unwrap_or(Target::ClaudeCode)
}

/// Lints `dir` with only `code` selected; returns the text output and how often `code` fired.
fn lint_case(dir: &Path, code: &str, target: Target) -> (String, usize) {
    let mut select = vec![code.to_string()];
    if let Ok(extra) = std::fs::read_to_string(dir.join("extend-select")) {
        select.extend(extra.split([',', ' ', '\n']).filter(|s| !s.is_empty()).map(str::to_string));
    }
    let selection = Selection { select: Some(select), ..Selection::default() };
    let rel = dir.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().to_path_buf();
    // Fixtures the tests make are git-ignored, and discovery honours .gitignore: name them.
    let mut paths = vec![rel.clone()];
    paths.extend(GENERATED.iter().map(|name| rel.join(name)).filter(|path| path.is_file()));
    let config = dir.join("skillsmith.toml");
    let run = if config.is_file() {
        let flags = Flags { target: Some(target), selection };
        let provider = ConfigProvider::new(flags, Some(&config)).unwrap();
        lint_paths(&paths, &provider, &RealFs, RunOptions::default())
    } else {
        let mut settings = Settings::new(target);
        settings.apply(&selection).unwrap();
        lint_paths(&paths, &Uniform(Arc::new(settings)), &RealFs, RunOptions::default())
    };
    let hits = run.files.iter().flat_map(|f| &f.findings).filter(|f| f.rule.code == code).count();
    let mut out = Vec::new();
    report::report(&run, &mut Text::new(report::Style::default()), &mut out).unwrap();
    (String::from_utf8(out).unwrap(), hits)
}

/// File names of the fixtures [`generate_large_fixtures`] makes.
const GENERATED: &[&str] = &["large.skill"];

/// Makes the fixtures too large to commit: `SK025/hit/large.skill` is a package padded past
/// the upload limit with a hole (a sparse file, costing no disk), made once and ignored by
/// git. A regular file, not a link into `target/`: a link that dangles until this test runs
/// breaks every other test that walks the fixtures first.
fn generate_large_fixtures() {
    use std::io::{Seek, SeekFrom, Write};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/fixtures/rules/SK025/hit");
    let large = dir.join("large.skill");
    if large.exists() {
        return;
    }
    std::fs::create_dir_all(&dir).unwrap();
    let small = std::fs::read(root.join("tests/fixtures/rules/SK025/miss/pdf.skill")).unwrap();
    let temp = dir.join(format!("large.skill.{}", std::process::id()));
    let mut file = std::fs::File::create(&temp).unwrap();
    file.seek(SeekFrom::Start(skillsmith::package::UPLOAD_LIMIT)).unwrap();
    file.write_all(&small).unwrap();
    drop(file);
    std::fs::rename(&temp, &large).unwrap();
}

#[test]
fn every_rule_case_matches_its_snapshot() {
    generate_large_fixtures();
    let cwd = std::env::current_dir().unwrap();
    assert_eq!(cwd, Path::new(env!("CARGO_MANIFEST_DIR")), "run from the crate root");
    for dir in case_dirs() {
        let case = dir.file_name().unwrap().to_str().unwrap().to_string();
        let code = dir.parent().unwrap().file_name().unwrap().to_str().unwrap().to_string();
        let (output, hits) = lint_case(&dir, &code, target_of(&case));
        if case.starts_with("hit") {
            assert!(hits > 0, "{code}/{case}: expected the rule to fire\n{output}");
        } else {
            assert_eq!(hits, 0, "{code}/{case}: a near miss must not fire\n{output}");
        }
        insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("{code}-{case}"), output);
        });
    }
}

#[test]
fn every_rule_has_a_hit_and_a_near_miss() {
    let cases = case_dirs();
    for rule in rules() {
        let code = rule.meta().code;
        let names: Vec<String> = cases
            .iter()
            .filter(|c| c.parent().unwrap().file_name().unwrap() == code)
            .map(|c| c.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().any(|n| n.starts_with("hit")), "{code} has no hit fixture");
        assert!(names.iter().any(|n| n.starts_with("miss")), "{code} has no near-miss fixture");
    }
}
