//! The PyPI package (pyproject.toml, maturin `bindings = "bin"`): the wheel is built from this
//! checkout, installed into a fresh virtual environment, and its `skillsmith` is run directly
//! and as a pre-commit `language: python` hook, the set-up README shows.
//!
//! Installs maturin and pre-commit from PyPI, so ignored by a plain `cargo test`; `.ci/run`
//! runs it with `cargo test --locked --test suite wheel:: -- --ignored`. The wheel is built
//! with the dev profile into this checkout's target folder, reusing the test build (a release
//! wheel is the same command with `--release`). Skips, saying so, when PyPI cannot be reached.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::pre_commit::{BROKEN, SOUND, run, text};

/// A fresh virtual environment at `path`.
fn venv(path: &Path) -> PathBuf {
    let made = run(Command::new("python3").args(["-m", "venv"]).arg(path));
    assert!(made.status.success(), "python3 -m venv failed: {}", text(&made));
    path.join("bin")
}

#[test]
#[ignore = "slow: installs maturin and pre-commit from PyPI and builds the wheel (.ci/run runs it)"]
fn the_wheel_installs_and_runs_as_readmes_pre_commit_hooks() {
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

    // README's two pre-commit set-ups that need no build, as written: the PyPI package (the
    // wheel built here in place of the published version) and the binary on PATH (the
    // wheel's environment).
    let section = crate::readme_sections::section("## Use it in pre-commit");
    let yaml = crate::readme_sections::blocks(&section, "yaml");
    let python = yaml.iter().find(|b| b.contains("language: python")).expect("README shows language: python");
    let system = yaml.iter().find(|b| b.contains("language: system")).expect("README shows language: system");
    let pinned = format!("\"skillsmith=={}\"", env!("CARGO_PKG_VERSION"));
    assert!(python.contains(&pinned), "README pins this version: {python}");
    let git = |args: &[&str]| run(Command::new("git").args(args).current_dir(&repo));
    assert!(git(&["init", "-q"]).status.success());
    let path = format!("{}:{}", app.display(), std::env::var("PATH").unwrap_or_default());
    for (config, env_path) in
        [(python.replace(&pinned, &format!("{:?}", wheel.display().to_string())), None), (system.clone(), Some(&path))]
    {
        std::fs::write(repo.join(".pre-commit-config.yaml"), &config).unwrap();
        git(&["add", "-A"]);
        let hook = |files: &[&str]| {
            let mut command = Command::new(tools.join("pre-commit"));
            command
                .args(["run", "skillsmith", "--files"])
                .args(files)
                .current_dir(&repo)
                .env("PRE_COMMIT_HOME", work.path().join("cache"))
                .env("NO_COLOR", "1");
            if let Some(path) = env_path {
                command.env("PATH", path);
            }
            run(&mut command)
        };
        let check = hook(&[broken, sound]);
        let output = text(&check);
        assert!(!check.status.success(), "the hook fails on the broken skill:\n{config}\n{output}");
        assert!(
            output.contains("SK006") && output.contains(&format!("{broken}:3:")),
            "names the rule and line:\n{output}"
        );
        let check = hook(&[sound]);
        assert!(check.status.success(), "the sound skill passes:\n{config}\n{}", text(&check));
    }
}
