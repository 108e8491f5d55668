//! Generators stay inside the repository: `new` and `install` never write, read or show a
//! file through a symbolic link leading out of it; an interrupted install leaves one version
//! of the folder whole, and the next puts back or clears what it left; two installs at once cannot both succeed.
#![cfg(unix)]

use crate::common;

use std::path::Path;

use common::{repo, run};

const SHIPPED: &str = "llmops-decision-framework";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn new_refuses_a_skills_folder_linking_out_of_the_repository() {
    let dir = repo();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".claude")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join(".claude/skills")).unwrap();
    let out = run(dir.path(), &["new", "pdf-tools"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("leads outside"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0, "nothing written outside");
}

#[test]
fn install_check_never_shows_a_file_outside_the_repository() {
    let dir = repo();
    let installed = run(dir.path(), &["install", SHIPPED, "--into", "."]);
    assert_eq!(installed.status.code(), Some(0), "{}", text(&installed.stderr));
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(secret.path(), "root:x:0:0:secret-marker\n").unwrap();
    let skill_md = dir.path().join(".claude/skills").join(SHIPPED).join("SKILL.md");
    std::fs::remove_file(&skill_md).unwrap();
    std::os::unix::fs::symlink(secret.path(), &skill_md).unwrap();
    for args in [&["--check"][..], &["--dry-run"], &["--force"], &[]] {
        let mut all = vec!["install", SHIPPED, "--into", "."];
        all.extend_from_slice(args);
        let out = run(dir.path(), &all);
        let shown = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(!shown.contains("secret-marker"), "{args:?} showed the file outside:\n{shown}");
        assert!(shown.contains("leads outside"), "{args:?}:\n{shown}");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert_eq!(std::fs::read_to_string(secret.path()).unwrap(), "root:x:0:0:secret-marker\n");
}

#[test]
fn what_an_interrupted_install_left_is_put_back_or_removed_and_said_by_the_next() {
    let dir = repo();
    let installed = run(dir.path(), &["install", SHIPPED, "--into", "."]);
    assert_eq!(installed.status.code(), Some(0), "{}", text(&installed.stderr));
    // What a kill between the two renames leaves: the installed folder set aside, none in
    // place; and an unfinished new folder.
    let skills = dir.path().join(".claude/skills");
    let aside = skills.join(format!(".skillsmith-install-old-{SHIPPED}-9f3a"));
    std::fs::rename(skills.join(SHIPPED), &aside).unwrap();
    std::fs::write(aside.join("my-notes.md"), "kept").unwrap();
    let unfinished = skills.join(format!(".skillsmith-install-new-{SHIPPED}-77b0"));
    std::fs::create_dir(&unfinished).unwrap();
    std::fs::write(unfinished.join("SKILL.md"), "half").unwrap();
    let check = run(dir.path(), &["install", SHIPPED, "--into", ".", "--check"]);
    assert!(aside.exists() && unfinished.exists(), "--check writes (and removes) nothing");
    assert_eq!(check.status.code(), Some(1), "{}", text(&check.stdout));
    let out = run(dir.path(), &["install", SHIPPED, "--into", "."]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("put back the folder an interrupted install had set aside"), "{stdout}");
    assert!(stdout.contains("removed the unfinished folder of an interrupted install"), "{stdout}");
    assert!(stdout.contains("unchanged:"), "the folder put back is the installed copy: {stdout}");
    assert_eq!(std::fs::read_to_string(skills.join(SHIPPED).join("my-notes.md")).unwrap(), "kept");
    let names: Vec<_> = std::fs::read_dir(&skills).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, [SHIPPED], "nothing else is left");
    assert_eq!(out.status.code(), Some(0));
}

/// `install --force` killed at many moments: the installed folder is always one version
/// whole, the old or the new, never a mix of the two.
#[test]
fn an_install_killed_at_any_moment_leaves_one_version_whole() {
    let dir = repo();
    let source = tempfile::tempdir().unwrap();
    let write_version = |version: &str| {
        let body =
            format!("---\nname: many\ndescription: Version {version}. Use when testing installs.\n---\n# Many\n");
        std::fs::write(source.path().join("SKILL.md"), body).unwrap();
        std::fs::create_dir_all(source.path().join("references")).unwrap();
        for n in 0..400 {
            std::fs::write(source.path().join(format!("references/r{n}.md")), format!("{version}\n")).unwrap();
        }
    };
    let source_arg = source.path().to_str().unwrap();
    write_version("one");
    assert_eq!(run(dir.path(), &["install", source_arg, "--into", "."]).status.code(), Some(0));
    let folder = dir.path().join(".claude/skills/many");
    let versions = |folder: &Path| -> std::collections::BTreeSet<String> {
        (0..400).map(|n| std::fs::read_to_string(folder.join(format!("references/r{n}.md"))).unwrap()).collect()
    };
    let mut current = "one";
    for (round, delay) in [0u64, 1, 2, 4, 6, 8, 12, 16, 24, 32].into_iter().enumerate() {
        let next = if round % 2 == 0 { "two" } else { "one" };
        write_version(next);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_skillsmith"))
            .args(["install", source_arg, "--into", ".", "--force"])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        let skills = dir.path().join(".claude/skills");
        let aside: Vec<_> = std::fs::read_dir(&skills)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".skillsmith-install-old-"))
            .collect();
        let seen = if folder.exists() { versions(&folder) } else { versions(&aside[0].path()) };
        assert_eq!(seen.len(), 1, "round {round} (killed after {delay} ms) mixed versions: {seen:?}");
        let seen = seen.into_iter().next().unwrap();
        assert!(seen == format!("{current}\n") || seen == format!("{next}\n"), "round {round}: {seen}");
        // The next install clears what was left and finishes.
        let out = run(dir.path(), &["install", source_arg, "--into", ".", "--force"]);
        assert_eq!(out.status.code(), Some(0), "round {round}: {}", text(&out.stderr));
        assert_eq!(versions(&folder).into_iter().collect::<Vec<_>>(), [format!("{next}\n")], "finished {finished}");
        current = next;
    }
}

#[test]
fn an_install_while_another_holds_the_repository_fails_with_a_message() {
    let dir = repo();
    let held = skillsmith::generate::lock::lock_repository(dir.path()).unwrap();
    let out = run(dir.path(), &["install", SHIPPED, "--into", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("another `skillsmith install` is writing into this repository"));
    assert!(!dir.path().join(".claude").exists(), "nothing was written");
    drop(held);
    let out = run(dir.path(), &["install", SHIPPED, "--into", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(Path::new(&dir.path().join(".claude/skills").join(SHIPPED).join("SKILL.md")).is_file());
}
