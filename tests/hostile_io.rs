//! Hostile and unlucky file systems: FIFOs and devices where files belong, files edited
//! during `--fix`, symbolic and hard links, read-only files and folders, control characters
//! in names. Every hostile input is made here, never committed. A command that could hang
//! runs as a child process under a hang guard: killed after [`HANG_GUARD`], the test fails
//! instead of stalling CI (a guard, not a timing assertion: any finish in time passes).
#![cfg(unix)]

use crate::common;

use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{repo, skill, write};
use skillsmith::lint::{RealFs, RunOptions, Settings, Target, Uniform};

/// How long a command may run before it is taken for hung.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// A FIFO at `path`.
fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

/// Runs `skillsmith args` in `cwd`, killing it if it outlives the hang guard.
fn run_guarded(cwd: &Path, args: &[&str]) -> Output {
    run_command(Command::new(env!("CARGO_BIN_EXE_skillsmith")).current_dir(cwd).args(args), args)
}

fn run_command(command: &mut Command, shown: &[&str]) -> Output {
    let mut child =
        command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn skillsmith");
    // Drained as the child writes, so a full pipe never stalls it.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG_GUARD {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("`skillsmith {}` hung: killed after {HANG_GUARD:?}", shown.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A skill without a final newline: `--fix` has work (one safe fix).
const FIXABLE: &str =
    "---\nname: pdf\ndescription: Extracts tables from PDF files. Use when a PDF is attached.\n---\n# PDF\n\nRead it.";

#[test]
fn a_fifo_in_references_is_named_and_lint_finishes() {
    let dir = repo();
    skill(dir.path(), "pdf", "# PDF\n\nFor the options, read [the notes](references/notes.md).\n");
    std::fs::create_dir_all(dir.path().join("pdf/references")).unwrap();
    mkfifo(&dir.path().join("pdf/references/notes.md"));
    mkfifo(&dir.path().join("pdf/references/unlinked.md"));
    let out = run_guarded(dir.path(), &["lint", "."]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("`references/notes.md` is a named pipe (FIFO), not a regular file"), "{stdout}");
    assert!(stdout.contains("`references/unlinked.md` is a named pipe (FIFO)"), "{stdout}");
    assert_eq!(out.status.code(), Some(1), "{stdout}");
}

#[test]
fn a_fifo_or_device_given_as_any_input_is_named_and_skipped() {
    let dir = repo();
    let root = dir.path();
    skill(root, "pdf", "# PDF\n\nRead it.\n");
    mkfifo(&root.join("pipe"));
    std::fs::create_dir_all(root.join("fifo-skill")).unwrap();
    mkfifo(&root.join("fifo-skill/SKILL.md"));
    write(root, "decide/skill.yaml", "not: [a spec\n");
    // Each command and the input it is given that is not a regular file.
    let cases: &[(&[&str], &str)] = &[
        (&["lint", "pipe"], "pipe` is a named pipe (FIFO), not a regular file"),
        (&["lint", "."], "fifo-skill/SKILL.md` is a named pipe (FIFO), not a regular file"),
        (&["lint", "pdf", "--baseline", "pipe"], "named pipe (FIFO), not a regular file"),
        (&["lint", "pdf", "--baseline", "/dev/zero"], "a device, not a regular file"),
        (&["lint", "pdf", "--config", "pipe"], "named pipe (FIFO), not a regular file"),
        (&["render", "pipe"], "named pipe (FIFO), not a regular file"),
        (&["evaluate", "llmops-decision-framework", "--use-case", "pipe"], "named pipe (FIFO), not a regular file"),
        (&["evaluate", "llmops-decision-framework", "--use-case", "/dev/zero"], "a device, not a regular file"),
        (&["install", "pipe", "--into", "."], "named pipe (FIFO), not a regular file"),
    ];
    for (args, expected) in cases {
        let out = run_guarded(root, args);
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(all.contains(expected), "`skillsmith {}`: expected `{expected}` in:\n{all}", args.join(" "));
        assert_eq!(out.status.code(), Some(2), "`skillsmith {}`:\n{all}", args.join(" "));
    }
}

#[test]
fn a_fifo_among_scenarios_and_config_files_is_named() {
    let dir = repo();
    let root = dir.path();
    // A config that is a FIFO, found by discovery rather than named.
    skill(root, "pdf", "# PDF\n\nRead it.\n");
    mkfifo(&root.join("skillsmith.toml"));
    let out = run_guarded(root, &["lint", "pdf"]);
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(all.contains("skillsmith.toml") && all.contains("named pipe (FIFO)"), "{all}");
    assert_eq!(out.status.code(), Some(2), "{all}");

    // A scenario that is a FIFO, beside a shipped decision skill's spec.
    let dir = repo();
    let root = dir.path();
    let installed = run_guarded(root, &["install", "llmops-decision-framework", "--into", "."]);
    assert_eq!(installed.status.code(), Some(0), "{}", text(&installed.stderr));
    let folder = root.join(".claude/skills/llmops-decision-framework");
    std::fs::create_dir_all(folder.join("scenarios")).unwrap();
    mkfifo(&folder.join("scenarios/stuck.yaml"));
    let out = run_guarded(root, &["test", ".claude/skills/llmops-decision-framework"]);
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(all.contains("stuck.yaml") && all.contains("named pipe (FIFO)"), "{all}");
}

/// Lints `root` with default settings and computes the fixes (nothing written).
fn outcomes(root: &Path) -> Vec<skillsmith::fix::FixOutcome> {
    let found = skillsmith::discover::discover(&[root.to_path_buf()]);
    let settings = Uniform(Arc::new(Settings::new(Target::ClaudeCode)));
    skillsmith::fix::fix_candidates(&found.files, &settings, &RealFs, RunOptions::default(), false)
        .into_iter()
        .filter(|o| o.changes())
        .collect()
}

#[test]
fn a_file_edited_while_fixing_is_left_alone_and_said() {
    let dir = repo();
    let path = write(dir.path(), "pdf/SKILL.md", FIXABLE);
    let found = outcomes(dir.path());
    assert_eq!(found.len(), 1, "the file has a fix");
    // The user saves an edit after the fixes were worked out, before they are written.
    let edited = format!("{FIXABLE}\nA line the user just typed.");
    std::fs::write(&path, &edited).unwrap();
    let err = skillsmith::fix::write_outcome(&found[0]).unwrap_err();
    assert!(err.to_string().contains("changed since it was read"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited, "the user's edit survives");
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().flatten().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn fixing_through_a_symbolic_link_fixes_the_target_and_keeps_the_link() {
    let dir = repo();
    let target = write(dir.path(), "shared/pdf.md", FIXABLE);
    std::fs::create_dir_all(dir.path().join("skills/pdf")).unwrap();
    let link = dir.path().join("skills/pdf/SKILL.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = run_guarded(dir.path(), &["lint", "--fix", "skills"]);
    assert!(text(&out.stdout).contains("Fixed 1 finding"), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is kept");
    assert!(std::fs::read_to_string(&target).unwrap().ends_with("Read it.\n"), "the target is fixed");
}

#[test]
fn hard_linked_and_read_only_files_are_refused_and_the_others_still_fixed() {
    let dir = repo();
    let root = dir.path();
    let linked = write(root, "linked/SKILL.md", &FIXABLE.replace("name: pdf", "name: linked"));
    std::fs::hard_link(&linked, root.join("linked-copy.md")).unwrap();
    let locked = write(root, "locked/SKILL.md", &FIXABLE.replace("name: pdf", "name: locked"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    let open = write(root, "open/SKILL.md", &FIXABLE.replace("name: pdf", "name: open"));
    let out = run_guarded(root, &["lint", "--fix", "linked", "locked", "open"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(stderr.contains("linked/SKILL.md` was not rewritten: it has 2 hard links"), "{stderr}");
    assert!(stderr.contains("locked/SKILL.md` was not rewritten: it is read-only"), "{stderr}");
    assert!(stdout.contains("Fixed 1 finding in 1 of 3 files. 2 files could not be written."), "{stdout}");
    // The refused files' findings are still reported; exit 2 says something was not done.
    assert!(stdout.contains("linked/SKILL.md") && stdout.contains("locked/SKILL.md"), "{stdout}");
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_to_string(&open).unwrap().ends_with('\n'));
    assert!(!std::fs::read_to_string(&linked).unwrap().ends_with('\n'), "hard link not split nor changed");
    assert_eq!(std::fs::metadata(&linked).unwrap().nlink(), 2);
    assert!(!std::fs::read_to_string(&locked).unwrap().ends_with('\n'));
}

#[test]
fn owner_group_and_mode_survive_a_fix() {
    let dir = repo();
    let path = write(dir.path(), "pdf/SKILL.md", FIXABLE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    // As root, give the file to another user, as on a shared checkout.
    let is_root = unsafe { libc::geteuid() } == 0;
    if is_root {
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    } else {
        eprintln!("not root: the owner is checked to stay ours, not to stay another user's");
    }
    let before = std::fs::metadata(&path).unwrap();
    let out = run_guarded(dir.path(), &["lint", "--fix", "pdf"]);
    assert!(text(&out.stdout).contains("Fixed 1 finding"), "{}", text(&out.stderr));
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!((after.uid(), after.gid(), after.mode() & 0o7777), (before.uid(), before.gid(), 0o640));
    assert_ne!(after.ino(), before.ino(), "replaced by a rename, not rewritten in place");
}

/// `setpriv` runs a command as `nobody`, when we are root and it is installed.
fn as_nobody() -> Option<Command> {
    if unsafe { libc::geteuid() } != 0 {
        return None;
    }
    let ok = Command::new("setpriv").args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"]).status();
    if !ok.is_ok_and(|s| s.success()) {
        return None;
    }
    let mut command = Command::new("setpriv");
    command.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_skillsmith")]);
    Some(command)
}

#[test]
fn a_read_only_folder_fails_that_file_only_run_as_an_unprivileged_user() {
    let Some(mut command) = as_nobody() else {
        eprintln!("SKIPPED: cannot drop privileges (not root, or no setpriv); a read-only folder stops nobody as root");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    let locked = write(root, "locked/SKILL.md", &FIXABLE.replace("name: pdf", "name: locked"));
    let open = write(root, "open/SKILL.md", &FIXABLE.replace("name: pdf", "name: open"));
    for path in [&locked, &open] {
        std::os::unix::fs::chown(path, Some(65534), Some(65534)).unwrap();
        std::os::unix::fs::chown(path.parent().unwrap(), Some(65534), Some(65534)).unwrap();
    }
    // The file is writable by its owner, but its folder takes no new file (the rename's).
    std::fs::set_permissions(locked.parent().unwrap(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let args = ["lint", "--fix", "locked", "open"];
    let out = run_command(command.current_dir(root).args(args), &args);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(stderr.contains("locked/SKILL.md") && stderr.contains("ermission denied"), "{stderr}");
    assert!(stdout.contains("Fixed 1 finding in 1 of 2 files. 1 file could not be written."), "{stdout}");
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_to_string(&open).unwrap().ends_with('\n'));
    assert_eq!(std::fs::read_to_string(&locked).unwrap(), FIXABLE.replace("name: pdf", "name: locked"));
}

#[test]
fn a_folder_name_with_spaces_gets_no_growing_fix() {
    let dir = repo();
    let path = write(dir.path(), "my skill/SKILL.md", &FIXABLE.replace("name: pdf", "name: other"));
    for _ in 0..3 {
        let out = run_guarded(dir.path(), &["lint", "--fix", "--unsafe-fixes", "."]);
        let stdout = text(&out.stdout);
        assert!(stdout.contains("`my skill` cannot be the name"), "{stdout}");
    }
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("name: other\n"), "{after}");
    assert!(dir.path().join("my skill").is_dir());
}

#[test]
fn control_characters_in_names_and_content_never_reach_the_terminal() {
    let dir = repo();
    let folder = "evil\x1b]0;owned\x07name";
    write(
        dir.path(),
        &format!("{folder}/SKILL.md"),
        "---\nname: evil\ndescription: Use when \x1b[2J clearing\n---\n# Evil \x1b[31m red\n\nSee [x](missing\x1b[0m.md).\n",
    );
    let out = run_guarded(dir.path(), &["lint", "."]);
    let stdout = text(&out.stdout);
    assert!(!stdout.contains('\x1b') && !stdout.contains('\x07'), "{stdout:?}");
    assert!(stdout.contains("evil\\x1b]0;owned\\x07name"), "{stdout}");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{stdout}");
}

/// Every command, on inputs made to break it: none may end in a panic (exit 101).
#[test]
fn no_command_panics_on_hostile_input() {
    let dir = repo();
    let root = dir.path();
    let huge_number = "9".repeat(400);
    skill(root, "pdf", &format!("# PDF\n\n<!-- skillsmith-disable {} -->\n", "SK001 ".repeat(5_000)));
    skill(root, "wide", &format!("# Wide\n\n{}\n", "x".repeat(300_000)));
    write(
        root,
        "bad-config/skillsmith.toml",
        &format!("[rules]\nSK101 = {huge_number}\nline-length = {huge_number}\n"),
    );
    write(root, "bad-spec/skill.yaml", &format!("spec-version: {huge_number}\nname: [[[[[[[[[[\n"));
    write(root, "deep.yaml", &format!("{}x{}", "[".repeat(10_000), "]".repeat(10_000)));
    write(root, "baseline.json", &format!("{{\"version\": {huge_number}, \"entries\": [{{\"count\": -1}}]}}"));
    write(root, "utf16.yaml", &text(&"a: 1\n".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()));
    mkfifo(&root.join("pipe"));
    let runs: &[&[&str]] = &[
        &["lint", "."],
        &["lint", "--format", "json", "."],
        &["lint", "--format", "sarif", "--strict", "."],
        &["lint", "--diff", "--unsafe-fixes", "."],
        &["lint", "--fix", "."],
        &["lint", "--baseline", "baseline.json", "pdf"],
        &["lint", "--baseline", "pipe", "pdf"],
        &["lint", "--write-baseline", "pipe", "pdf"],
        &["lint", "--config", "bad-config/skillsmith.toml", "pdf"],
        &["lint", "--select", &huge_number, "pdf"],
        &["lint", "bad-config"],
        &["render", "bad-spec"],
        &["render", "deep.yaml"],
        &["render", "utf16.yaml"],
        &["render", "pipe"],
        &["new", &"a".repeat(5000)],
        &["new", "x", "--dir", "pipe"],
        &["install", "bad-spec", "--into", "."],
        &["install", "pdf", "--into", "pipe"],
        &["install", "pdf", "--into", ".", "--check"],
        &["test", "bad-spec"],
        &["test", "pipe"],
        &["evaluate", "bad-spec", "--use-case", "deep.yaml"],
        &["evaluate", "llmops-decision-framework", "--use-case", "deep.yaml"],
        &["evaluate", "llmops-decision-framework", "--use-case", "utf16.yaml"],
        &["outline", "."],
        &["config", "pdf/SKILL.md"],
        &["config", "pipe"],
        &["explain", &huge_number],
        &["schema", "nonsense"],
        &["man", "--out-dir", "pipe"],
        &["init", "--help"],
    ];
    for args in runs {
        let out = run_guarded(root, args);
        assert_ne!(
            out.status.code(),
            Some(101),
            "`skillsmith {}` panicked:\n{}",
            args.join(" ").chars().take(200).collect::<String>(),
            text(&out.stderr)
        );
        assert!(out.status.code().is_some(), "`skillsmith {}` was killed by a signal", args[0]);
    }
}

#[test]
fn a_file_that_cannot_be_decoded_offers_no_fix_and_fix_says_why() {
    let dir = repo();
    let path = dir.path().join("pdf/SKILL.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let latin1 = FIXABLE.replace("Extracts", "Extr\u{e4}cts").replace('\u{e4}', "\u{1}");
    let bytes: Vec<u8> = latin1.bytes().map(|b| if b == 1 { 0xE4 } else { b }).collect();
    std::fs::write(&path, &bytes).unwrap();
    let out = run_guarded(dir.path(), &["lint", "pdf"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("not UTF-8") && !stdout.contains("fixable"), "{stdout}");
    let out = run_guarded(dir.path(), &["lint", "--fix", "pdf"]);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("not fixed `pdf/SKILL.md`: the file is not UTF-8 text"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "left as it was");
}

#[test]
fn all_and_group_names_in_suppressions_are_refused_by_name() {
    let dir = repo();
    skill(
        dir.path(),
        "pdf",
        "# PDF\n\n<!-- skillsmith-disable-next-line all -->\nSee [x](a.md).\n<!-- skillsmith-disable-next-line links -->\nSee [y](b.md).\n",
    );
    let stdout = text(&run_guarded(dir.path(), &["lint", "pdf"]).stdout);
    assert!(stdout.contains("`all` is a group of rules; a suppression names single rules"), "{stdout}");
    assert!(stdout.contains("`links` is a group of rules"), "{stdout}");
    assert_eq!(stdout.matches("error[SK400]").count(), 2, "nothing was hidden: {stdout}");
}

/// A SKILL.md over the size limit: what is said and what is linted agree. Its body is not
/// linted (the placeholders and the table the cut slices in half give no finding), and the
/// one finding says so, with the size.
#[test]
fn an_oversized_skill_is_one_finding_and_its_body_is_not_linted() {
    let dir = repo();
    let row = "| TODO | fill in | TBD |\n";
    let body = format!("# Big\n\n| a | b | c |\n|---|---|---|\n{}", row.repeat((9 << 20) / row.len()));
    let path = skill(dir.path(), ".claude/skills/big", &body);
    let size = std::fs::metadata(&path).unwrap().len();
    let out = run_guarded(dir.path(), &["lint", "--format", "json-lines", "--extend-select", "all"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let found: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let codes: Vec<&str> = found.iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["SK009"], "{stdout}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains(&size.to_string()) && message.contains("not linted"), "{message}");
}
