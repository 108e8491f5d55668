//! The pre-commit hooks, proven with the real pre-commit framework: it is installed from
//! PyPI into a temporary virtual environment, a git repository with one broken and one sound
//! skill is made, and `pre-commit try-repo` runs the hooks from this checkout.
//!
//! Slow (pre-commit builds skillsmith in its own environment), so ignored by a plain
//! `cargo test`; `.ci/run` runs it with `cargo test --locked --test suite pre_commit:: -- --ignored`.
//! Skips, saying so, when PyPI cannot be reached.

use std::path::Path;
use std::process::{Command, Output};

/// A skill with a YAML error on line 3 (SK006).
pub(crate) const BROKEN: &str = "---\nname: broken\ndescription: Fills PDF forms. Use when: a form must be completed\n---\n# Broken\n\nFill each field.\n";
/// A skill with no finding.
pub(crate) const SOUND: &str = "---\nname: sound\ndescription: Cleans CSV exports. Use when a CSV file will not load.\n---\n# Sound\n\nRe-save as UTF-8.\n";

/// Runs `command`, panicking with it when it cannot start.
pub(crate) fn run(command: &mut Command) -> Output {
    command.output().unwrap_or_else(|err| panic!("cannot run {command:?}: {err}"))
}

/// stdout then stderr of `output`, as text.
pub(crate) fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
#[ignore = "slow: installs pre-commit and builds skillsmith in its environment (.ci/run runs it)"]
fn pre_commit_hooks_check_and_fix() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    let venv = work.path().join("venv");
    let made = run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    assert!(made.status.success(), "python3 -m venv failed: {}", text(&made));
    let pip = run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", "pre-commit"]));
    if !pip.status.success() {
        eprintln!("note: pre-commit could not be installed from PyPI; hook test skipped:\n{}", text(&pip));
        return;
    }
    let pre_commit = venv.join("bin/pre-commit");

    let repo = work.path().join("repo");
    for (name, body) in [("broken", BROKEN), ("sound", SOUND)] {
        std::fs::create_dir_all(repo.join(".claude/skills").join(name)).unwrap();
        std::fs::write(repo.join(".claude/skills").join(name).join("SKILL.md"), body).unwrap();
    }
    let git = |args: &[&str]| run(Command::new("git").args(args).current_dir(&repo));
    assert!(git(&["init", "-q"]).status.success());
    git(&["add", "-A"]);
    let hook = |id: &str, files: &[&str]| {
        run(Command::new(&pre_commit)
            .arg("try-repo")
            .arg(project)
            .arg(id)
            .arg("--files")
            .args(files)
            .current_dir(&repo)
            .env("PRE_COMMIT_HOME", work.path().join("cache"))
            // try-repo makes a fresh store (so a fresh `cargo install`) on every call: one
            // target folder for all of them compiles the dependencies once, not once a hook.
            .env("CARGO_TARGET_DIR", work.path().join("cargo-target"))
            .env("NO_COLOR", "1")
            // pre-commit builds the hook with `cargo install` (release); an unoptimised build
            // behaves the same and keeps CI within its time.
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256"))
    };
    let broken = ".claude/skills/broken/SKILL.md";
    let sound = ".claude/skills/sound/SKILL.md";

    let check = hook("skillsmith", &[broken, sound]);
    let output = text(&check);
    assert!(!check.status.success(), "the check hook must fail on the broken skill:\n{output}");
    assert!(output.contains("SK006") && output.contains(&format!("{broken}:3:")), "names the rule and line:\n{output}");

    let check = hook("skillsmith", &[sound]);
    assert!(check.status.success(), "the sound skill passes:\n{}", text(&check));

    let fix = hook("skillsmith-fix", &[broken]);
    assert!(!fix.status.success(), "the fix hook fails when it changed a file:\n{}", text(&fix));
    let fixed = std::fs::read_to_string(repo.join(broken)).unwrap();
    assert!(fixed.contains("description: 'Fills PDF forms. Use when: a form must be completed'"), "{fixed}");

    let again = hook("skillsmith", &[sound, broken]);
    assert!(again.status.success(), "after the fix both pass:\n{}", text(&again));

    // The scenario hook: the shipped decision skill's scenarios pass; a wrong expectation fails.
    let installed = run(Command::new(env!("CARGO_BIN_EXE_skillsmith"))
        .args(["install", "llmops-decision-framework", "--into"])
        .arg(&repo));
    assert!(installed.status.success(), "{}", text(&installed));
    git(&["add", "-A"]);
    let spec = ".claude/skills/llmops-decision-framework/skill.yaml";
    let tested = hook("skillsmith-test", &[spec]);
    let output = text(&tested);
    assert!(tested.status.success(), "the shipped scenarios pass:\n{output}");
    let spec_path = repo.join(spec);
    let original = std::fs::read_to_string(&spec_path).unwrap();
    std::fs::write(&spec_path, original.replacen(">= 500", ">= 5000", 1)).unwrap();
    let tested = hook("skillsmith-test", &[spec]);
    let output = text(&tested);
    assert!(!tested.status.success(), "a raised threshold fails a scenario:\n{output}");
    assert!(output.contains(" passed, ") && !output.contains(" passed, 0 failed"), "the summary counts it:\n{output}");

    // The render hook: the edited spec was never rendered, so its SKILL.md is out of sync;
    // the hand-written skill is skipped.
    let skill_md = ".claude/skills/llmops-decision-framework/SKILL.md";
    let rendered = hook("skillsmith-render", &[spec, skill_md, sound]);
    let output = text(&rendered);
    assert!(!rendered.status.success(), "a spec never rendered fails:\n{output}");
    assert!(output.contains("out of sync: ") && output.contains("skipped .claude/skills/sound"), "{output}");
    std::fs::write(&spec_path, original).unwrap();
    let rendered = hook("skillsmith-render", &[spec, skill_md]);
    assert!(rendered.status.success(), "the spec put back is in sync:\n{}", text(&rendered));
}
