//! The PyPI package (pyproject.toml, maturin `bindings = "bin"`): the wheel is built from this
//! checkout, installed into a fresh virtual environment, and its `skillsmith` is run directly
//! and as a pre-commit `language: python` hook, the set-up README shows.
//!
//! Installs maturin and pre-commit from PyPI, so ignored by a plain `cargo test`; `.ci/run`
//! runs it with `cargo test --locked --test suite wheel:: -- --ignored`. The wheel is built
//! with the dev profile into this checkout's target folder, reusing the test build (a release
//! wheel is the same command with `--release`). Skips, saying so, when PyPI cannot be reached.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BROKEN: &str = "---\nname: broken\ndescription: Fills PDF forms. Use when: a form must be completed\n---\n# Broken\n\nFill each field.\n";
const SOUND: &str = "---\nname: sound\ndescription: Cleans CSV exports. Use when a CSV file will not load.\n---\n# Sound\n\nRe-save as UTF-8.\n";

fn run(command: &mut Command) -> Output {
    command.output().unwrap_or_else(|err| panic!("cannot run {command:?}: {err}"))
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// A fresh virtual environment at `path`.
fn venv(path: &Path) -> PathBuf {
    let made = run(Command::new("python3").args(["-m", "venv"]).arg(path));
    assert!(made.status.success(), "python3 -m venv failed: {}", text(&made));
    path.join("bin")
}

#[test]
#[ignore = "slow: installs maturin and pre-commit from PyPI and builds the wheel (.ci/run runs it)"]
fn the_wheel_installs_and_runs_as_a_pre_commit_python_hook() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    let tools = venv(&work.path().join("tools"));
    let pip = run(Command::new(tools.join("pip")).args(["install", "--quiet", "maturin>=1.5,<2", "pre-commit"]));
    if !pip.status.success() {
        eprintln!("note: maturin and pre-commit could not be installed from PyPI; wheel test skipped:\n{}", text(&pip));
        return;
    }

    let wheels = work.path().join("wheels");
    let built = run(Command::new(tools.join("maturin"))
        .args(["build", "--profile", "dev", "--locked", "--compatibility", "linux", "--out"])
        .arg(&wheels)
        .arg("--manifest-path")
        .arg(project.join("Cargo.toml")));
    assert!(built.status.success(), "maturin build failed:\n{}", text(&built));
    let wheel: Vec<PathBuf> = std::fs::read_dir(&wheels).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(wheel.len(), 1, "one wheel: {wheel:?}");
    let wheel = &wheel[0];
    let name = wheel.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with(&format!("skillsmith-{}-py3-none-", env!("CARGO_PKG_VERSION"))), "{name}");

    // Installed into a fresh environment with no index: the wheel alone is enough.
    let app = venv(&work.path().join("app"));
    let installed = run(Command::new(app.join("pip")).args(["install", "--quiet", "--no-index"]).arg(wheel));
    assert!(installed.status.success(), "{}", text(&installed));
    let version = run(Command::new(app.join("skillsmith")).arg("--version"));
    assert_eq!(text(&version).trim(), format!("skillsmith {}", env!("CARGO_PKG_VERSION")));

    let repo = work.path().join("repo");
    for (name, body) in [("broken", BROKEN), ("sound", SOUND)] {
        std::fs::create_dir_all(repo.join(".claude/skills").join(name)).unwrap();
        std::fs::write(repo.join(".claude/skills").join(name).join("SKILL.md"), body).unwrap();
    }
    let broken = ".claude/skills/broken/SKILL.md";
    let sound = ".claude/skills/sound/SKILL.md";
    let linted = run(Command::new(app.join("skillsmith")).args(["lint", broken]).current_dir(&repo));
    assert_eq!(linted.status.code(), Some(1), "{}", text(&linted));
    assert!(text(&linted).contains("SK006"), "{}", text(&linted));

    // README's pre-commit set-up for the PyPI package, with the wheel in place of the
    // published version.
    let config = format!(
        "repos:\n  - repo: local\n    hooks:\n      - id: skillsmith\n        name: skillsmith\n        entry: skillsmith lint\n        language: python\n        additional_dependencies: [\"{}\"]\n        files: (^|/)((?i:skill\\.md)|skill\\.(ya?ml|toml)|\\.?skillsmith\\.toml)$\n        require_serial: true\n",
        wheel.display()
    );
    std::fs::write(repo.join(".pre-commit-config.yaml"), config).unwrap();
    let git = |args: &[&str]| run(Command::new("git").args(args).current_dir(&repo));
    assert!(git(&["init", "-q"]).status.success());
    git(&["add", "-A"]);
    let hook = |files: &[&str]| {
        run(Command::new(tools.join("pre-commit"))
            .args(["run", "skillsmith", "--files"])
            .args(files)
            .current_dir(&repo)
            .env("PRE_COMMIT_HOME", work.path().join("cache"))
            .env("NO_COLOR", "1"))
    };
    let check = hook(&[broken, sound]);
    let output = text(&check);
    assert!(!check.status.success(), "the hook fails on the broken skill:\n{output}");
    assert!(output.contains("SK006") && output.contains(&format!("{broken}:3:")), "names the rule and line:\n{output}");
    let check = hook(&[sound]);
    assert!(check.status.success(), "the sound skill passes:\n{}", text(&check));
}
