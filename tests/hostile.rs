//! Hostile and broken inputs: each is linted with a sound skill beside it; the linter must not
//! panic, must report what the input deserves at the right file, and must still lint the
//! sound skill. The inputs are generated here, never committed. Timing lives in
//! `bench/hostile.sh`, not in tests.

use crate::hostile_inputs;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use skillsmith::lint::{LintRun, RealFs, RunOptions, Settings, Target, Uniform, lint_paths};

const SOUND: &str = "---\nname: sound\ndescription: Cleans CSV exports. Use when a CSV will not load.\n---\n# Sound\n\nRe-save as UTF-8.\n";

fn lint(paths: &[PathBuf]) -> LintRun {
    lint_paths(paths, &Uniform(Arc::new(Settings::new(Target::ClaudeCode))), &RealFs, RunOptions::default())
}

fn codes_for(run: &LintRun, folder: &str) -> Vec<&'static str> {
    run.files
        .iter()
        .filter(|f| f.path.components().any(|c| c.as_os_str() == folder))
        .flat_map(|f| f.findings.iter().map(|x| x.rule.code))
        .collect()
}

fn write_sound(root: &Path) {
    std::fs::create_dir_all(root.join("sound")).unwrap();
    std::fs::write(root.join("sound/SKILL.md"), SOUND).unwrap();
}

#[test]
fn every_hostile_input_is_reported_and_the_run_goes_on() {
    for input in hostile_inputs::inputs() {
        let dir = tempfile::tempdir().unwrap();
        write_sound(dir.path());
        let folder = dir.path().join(input.name);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("SKILL.md"), &input.bytes).unwrap();
        let run = lint(&[dir.path().to_path_buf()]);
        assert_eq!(run.skills, 2, "{}: both files linted", input.name);
        assert!(codes_for(&run, "sound").is_empty(), "{}: the sound skill is untouched", input.name);
        let codes = codes_for(&run, input.name);
        for expected in input.expect {
            assert!(codes.contains(expected), "{}: expected {expected}, got {codes:?}", input.name);
        }
        for finding in run.files.iter().flat_map(|f| &f.findings) {
            assert!(finding.location.start.line >= 1, "{}: located", input.name);
            assert!(finding.location.snippet.text.len() <= 4 * 1024, "{}: snippets stay small", input.name);
        }
    }
}

#[test]
fn the_model_survives_deep_lists_when_the_size_limit_is_raised() {
    let text = format!("---\nname: deep\n---\n{}", hostile_inputs::lists_3000_deep());
    let limits = skillsmith::skill::ParseLimits { max_file_bytes: 64 << 20, ..Default::default() };
    let skill = skillsmith::Skill::parse_with("deep/SKILL.md", text.into_bytes(), limits);
    assert!(skill.oversize.is_none());
    assert!(skill.body.lists.len() >= 3000, "{} lists", skill.body.lists.len());
}

#[test]
fn a_skill_with_hundreds_of_cross_linked_reference_files_is_linted_whole() {
    // SKILL.md links the first 100 of 400 reference files; each links the next one and names
    // another: every file is reached, most only two or more levels down.
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("refs");
    std::fs::create_dir_all(skill.join("references")).unwrap();
    let links: String = (0..100).map(|i| format!("- [r{i}](references/r{i}.md)\n")).collect();
    let text =
        format!("---\nname: refs\ndescription: Cross-linked references. Use when testing.\n---\n# Refs\n\n{links}");
    std::fs::write(skill.join("SKILL.md"), text).unwrap();
    for i in 0..400 {
        let body = format!("# R{i}\n\nNext: [r](r{}.md). See references/r{}.md.\n", (i + 1) % 400, (i * 7 + 3) % 400);
        std::fs::write(skill.join(format!("references/r{i}.md")), body).unwrap();
    }
    let run = lint(&[skill]);
    let codes = codes_for(&run, "refs");
    let nested = codes.iter().filter(|c| **c == "SK402").count();
    assert!(nested > 0 && nested <= 100, "{nested} nested-reference findings, one per directly linked file at most");
    assert!(!codes.contains(&"SK406"), "every file is named by another: {codes:?}");
}

#[cfg(unix)]
mod file_system {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_folder_named_skill_md_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        write_sound(dir.path());
        std::fs::create_dir_all(dir.path().join("odd/SKILL.md")).unwrap();
        let run = lint(&[dir.path().to_path_buf()]);
        assert!(run.has_io_errors());
        assert_eq!(codes_for(&run, "odd"), ["SK000"]);
        assert_eq!(run.skills, 1);
    }

    #[test]
    fn dangling_symlinks_and_loops_are_reported_not_followed_forever() {
        let dir = tempfile::tempdir().unwrap();
        write_sound(dir.path());
        std::fs::create_dir_all(dir.path().join("dangling")).unwrap();
        symlink(dir.path().join("nowhere/SKILL.md"), dir.path().join("dangling/SKILL.md")).unwrap();
        std::fs::create_dir_all(dir.path().join("loop")).unwrap();
        symlink(dir.path().join("loop"), dir.path().join("loop/again")).unwrap();
        let run = lint(&[dir.path().to_path_buf()]);
        assert_eq!(run.skills, 1, "only the sound skill is a skill");
        let messages: Vec<&str> =
            run.files.iter().flat_map(|f| f.findings.iter().map(|x| x.message.as_str())).collect();
        assert!(messages.iter().any(|m| m.contains("loop")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("dangling symbolic link")), "{messages:?}");
    }

    #[test]
    fn a_skill_reached_twice_through_links_is_linted_once() {
        let dir = tempfile::tempdir().unwrap();
        write_sound(dir.path());
        std::fs::create_dir_all(dir.path().join("plugins")).unwrap();
        symlink(dir.path().join("sound"), dir.path().join("plugins/sound")).unwrap();
        let run = lint(&[dir.path().to_path_buf()]);
        assert_eq!(run.skills, 1);
    }

    #[test]
    fn a_skill_named_twice_through_overlapping_paths_is_linted_once() {
        let dir = tempfile::tempdir().unwrap();
        write_sound(dir.path());
        let run = lint(&[dir.path().to_path_buf(), dir.path().join("sound/../sound")]);
        assert_eq!(run.skills, 1);
    }

    #[test]
    fn unusual_names_are_fine() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["with space", "données", "new\nline"] {
            let folder = dir.path().join(name);
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("SKILL.md"), SOUND).unwrap();
        }
        let run = lint(&[dir.path().to_path_buf()]);
        assert_eq!(run.skills, 3);
        assert!(!run.has_io_errors());
    }

    #[test]
    fn unreadable_files_and_folders_are_reported() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        write_sound(dir.path());
        let locked = dir.path().join("locked");
        std::fs::create_dir_all(&locked).unwrap();
        std::fs::write(locked.join("SKILL.md"), SOUND).unwrap();
        std::fs::set_permissions(locked.join("SKILL.md"), std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(locked.join("SKILL.md")).is_ok() {
            eprintln!("note: running with permission to read anything (root); unreadable-file test skipped");
            return;
        }
        let run = lint(&[dir.path().to_path_buf()]);
        std::fs::set_permissions(locked.join("SKILL.md"), std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(run.has_io_errors());
        assert_eq!(codes_for(&run, "locked"), ["SK000"]);
        assert_eq!(run.skills, 1);
    }
}
