//! Fixes, per fixable rule: the rule's `hit` fixtures are copied, fixed with only that rule
//! selected, and the result must (1) be snapshotted as a diff, (2) no longer trigger the rule,
//! (3) change nothing when fixed again.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use skillsmith::config::{ConfigProvider, Flags};
use skillsmith::discover::discover;
use skillsmith::fix::{fix_candidates, unified_diff, write_outcome};
use skillsmith::lint::{
    Fixable, RealFs, RunOptions, Selection, Settings, SettingsProvider, Target, Uniform, lint_paths, rules,
};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Only `code` selected on `target`; with the case's own `skillsmith.toml` when it has one
/// (as `tests/rules.rs` lints it).
fn settings(code: &str, target: Target, root: &Path) -> Box<dyn SettingsProvider> {
    let selection = Selection { select: Some(vec![code.to_string()]), ..Selection::default() };
    let config = root.join("skillsmith.toml");
    if config.is_file() {
        return Box::new(ConfigProvider::new(Flags { target: Some(target), selection }, Some(&config)).unwrap());
    }
    let mut settings = Settings::new(target);
    settings.apply(&selection).unwrap();
    Box::new(Uniform(Arc::new(settings)))
}

#[test]
fn every_fixable_rule_fixes_its_hits_once_and_for_all() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    for rule in rules() {
        let meta = rule.meta();
        if meta.fixable == Fixable::No {
            continue;
        }
        let unsafe_fixes = meta.fixable == Fixable::Unsafe;
        let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures.join(meta.code))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("hit"))
            .collect();
        cases.sort();
        let mut fixed_cases = 0;
        for case in cases {
            let case_name = case.file_name().unwrap().to_string_lossy().into_owned();
            let target = case_name.split_once('-').and_then(|(_, t)| Target::parse(t)).unwrap_or(Target::ClaudeCode);
            let work = tempfile::tempdir().unwrap();
            let root = work.path().join(&case_name);
            copy_dir(&case, &root);
            let provider = settings(meta.code, target, &root);
            let provider = &*provider;
            let roots = vec![root.clone()];
            let before = lint_paths(&roots, provider, &RealFs, RunOptions::default());
            if before.files.iter().flat_map(|f| &f.findings).all(|f| f.fix.is_none()) {
                continue; // this case shows a finding the rule cannot fix
            }
            fixed_cases += 1;

            let found = discover(&roots);
            let outcomes = fix_candidates(&found.files, provider, &RealFs, RunOptions::default(), unsafe_fixes);
            let mut diff = String::new();
            for outcome in outcomes.iter().filter(|o| o.changes()) {
                diff.push_str(&unified_diff(outcome).replace(&root.display().to_string(), ""));
                write_outcome(outcome).unwrap();
            }
            assert!(!diff.is_empty(), "{}/{case_name}: the fix changed nothing", meta.code);
            insta::with_settings!({ snapshot_path => "snapshots/fixes", prepend_module_to_snapshot => false, omit_expression => true }, {
                insta::assert_snapshot!(format!("{}-{case_name}", meta.code), diff);
            });

            let after = lint_paths(&roots, provider, &RealFs, RunOptions::default());
            let left: Vec<_> =
                after.files.iter().flat_map(|f| &f.findings).filter(|f| f.rule.code == meta.code).collect();
            assert!(left.is_empty(), "{}/{case_name}: still fires after fixing: {left:?}", meta.code);

            let again = fix_candidates(&discover(&roots).files, provider, &RealFs, RunOptions::default(), unsafe_fixes);
            assert!(again.iter().all(|o| !o.changes()), "{}/{case_name}: fixing twice changed more", meta.code);
        }
        assert!(fixed_cases > 0, "{}: no hit fixture shows its fix", meta.code);
    }
}
