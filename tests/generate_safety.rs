//! The generator keeps data safe under concurrency and hostile layouts.

use std::path::Path;
use std::process::Command;

fn install(repo: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_skillsmith"))
        .args(["install", "llmops-decision-framework", "--force", "--into"])
        .arg(repo)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn concurrent_installs_never_leave_a_mixed_or_truncated_file() {
    let shipped =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("skills/llmops-decision-framework/SKILL.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join(".claude/skills/llmops-decision-framework/SKILL.md");
    for round in 0..10 {
        if target.exists() {
            // An edited copy, so every install really rewrites the file.
            std::fs::write(&target, format!("edited {round}\n")).unwrap();
        }
        let (mut a, mut b) = (install(dir.path()), install(dir.path()));
        a.wait().unwrap();
        b.wait().unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), shipped, "round {round}: the file is whole");
    }
    let leftovers: Vec<_> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left: {leftovers:?}");
}

#[cfg(unix)]
#[test]
fn install_refuses_a_symlinked_folder_that_leads_outside_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    let (repo, outside) = (dir.path().join("repo"), dir.path().join("outside"));
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::os::unix::fs::symlink(&outside, repo.join(".claude")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_skillsmith"))
        .args(["install", "llmops-decision-framework", "--into"])
        .arg(&repo)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("leads outside"));
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0, "nothing written outside");
}
