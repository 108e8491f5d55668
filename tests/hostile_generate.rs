//! Generators stay inside the repository: `new` and `install` never write, read or show a
//! file through a symbolic link leading out of it; an interrupted install's temporary files
//! are cleared and said by the next; two installs at once cannot both succeed.
#![cfg(unix)]

mod common;

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
fn an_interrupted_installs_temporary_files_are_cleared_and_said_by_the_next() {
    let dir = repo();
    let installed = run(dir.path(), &["install", SHIPPED, "--into", "."]);
    assert_eq!(installed.status.code(), Some(0), "{}", text(&installed.stderr));
    // What a kill -9 between staging and renaming leaves: temporary files beside the targets.
    let folder = dir.path().join(".claude/skills").join(SHIPPED);
    let leftover = folder.join(".skillsmith-install-Xy12ab.tmp");
    std::fs::write(&leftover, "half a SKILL.md").unwrap();
    let unrelated = folder.join(".skillsmith-Zz99zz.tmp");
    std::fs::write(&unrelated, "a lint --fix in progress").unwrap();
    let check = run(dir.path(), &["install", SHIPPED, "--into", ".", "--check"]);
    assert!(leftover.exists(), "--check writes (and removes) nothing");
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let out = run(dir.path(), &["install", SHIPPED, "--into", "."]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("removed a temporary file left by an interrupted install"), "{stdout}");
    assert!(stdout.contains(".skillsmith-install-Xy12ab.tmp"), "{stdout}");
    assert!(!leftover.exists());
    assert!(unrelated.exists(), "another command's temporary file is not an install's to remove");
    assert_eq!(out.status.code(), Some(0));
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
