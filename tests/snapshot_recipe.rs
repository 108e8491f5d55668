//! README's "Pinning your skills in your own tests", followed as written: a scratch crate
//! gets README's dev-dependencies (skillsmith's path pointed at this checkout) and README's
//! `tests/skills.rs`, beside a `.claude/skills/` folder, and README's commands run in it:
//! the first run writes the snapshots README names, the next passes, and an edited red flag
//! fails with insta's diff.
//!
//! Builds a crate, so ignored by a plain `cargo test`; `.ci/run` runs it with
//! `cargo test --locked --test suite snapshot_recipe:: -- --ignored`. The scratch crate builds
//! into this checkout's target folder with this crate's Cargo.lock and profile settings, so
//! the dependencies already built for the tests are reused.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::pre_commit::text;
use crate::readme_sections::{blocks, section};

const SKILL: &str = "---
name: reviewing-migrations
description: Reviews database migrations for locking and rollback risks. Use when a pull request adds or changes a migration.
---
# Reviewing migrations

## When to use this skill

- A pull request adds or changes a migration.

## Red flags

- Adding a column with a default on a large table
- Renaming a column in one step

## Checklist

1. Check each statement's lock.
2. Check the rollback.
";

/// skillsmith as a dependency is built as it is as this workspace's member, not as `"*"`.
const SAME_AS_MEMBER: &str = "[profile.dev.package.skillsmith]\nopt-level = 0\ndebug = \"line-tables-only\"\n";

/// The profile sections of this crate's Cargo.toml (build speed only: they make the scratch
/// crate's build reuse what the test build compiled).
fn profiles(manifest: &str) -> String {
    let start = manifest.find("\n[profile.").expect("Cargo.toml has profiles");
    let rest = &manifest[start..];
    let end = rest.find("\n[[").unwrap_or(rest.len());
    rest[..end].to_string()
}

#[test]
#[ignore = "slow: builds a scratch crate that depends on skillsmith (.ci/run runs it)"]
fn the_snapshot_recipe_works_as_written() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let recipe = section("### Pinning your skills in your own tests");
    let toml = &blocks(&recipe, "toml")[0];
    let test = &blocks(&recipe, "rust")[0];
    let commands = &blocks(&recipe, "sh")[0];
    assert!(toml.contains("skillsmith = { path = \"../skillsmith\" }"), "{toml}");

    let work = tempfile::tempdir().unwrap();
    let krate = work.path();
    let dependencies = toml.replace("\"../skillsmith\"", &format!("{:?}", project.display().to_string()));
    let manifest = std::fs::read_to_string(project.join("Cargo.toml")).unwrap();
    std::fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"skill-tests\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n{dependencies}\n{}\n{SAME_AS_MEMBER}",
            profiles(&manifest)
        ),
    )
    .unwrap();
    std::fs::copy(project.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    std::fs::create_dir_all(krate.join("src")).unwrap();
    std::fs::write(krate.join("src/lib.rs"), "").unwrap();
    std::fs::create_dir_all(krate.join("tests")).unwrap();
    std::fs::write(krate.join("tests/skills.rs"), test).unwrap();
    let skill = krate.join(".claude/skills/reviewing-migrations/SKILL.md");
    std::fs::create_dir_all(skill.parent().unwrap()).unwrap();
    std::fs::write(&skill, SKILL).unwrap();

    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| project.join("target"), PathBuf::from);
    let cargo = |line: &str| {
        // README's command line: optional VAR=value words, then `cargo test ...`, then a comment.
        let line = line.split('#').next().unwrap().trim();
        let mut words = line.split_whitespace().peekable();
        let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        command.current_dir(krate).env("CARGO_TARGET_DIR", &target).env_remove("INSTA_UPDATE").env_remove("CI");
        while let Some((name, value)) = words.peek().and_then(|w| w.split_once('=')) {
            command.env(name, value);
            words.next();
        }
        assert_eq!(words.next(), Some("cargo"), "{line}");
        command.args(words);
        command.output().unwrap()
    };
    let lines: Vec<&str> = commands.lines().collect();
    assert!(lines[0].starts_with("INSTA_UPDATE=always cargo test --test skills"), "{commands}");
    let first = cargo(lines[0]);
    assert!(first.status.success(), "README's first run fails:\n{}", text(&first));
    // It writes the snapshots README names.
    let snapshots = krate.join("tests/snapshots");
    for name in ["skills__outline@reviewing-migrations.snap", "skills__outline-text@reviewing-migrations.snap"] {
        assert!(snapshots.join(name).is_file(), "no {name} in {:?}", std::fs::read_dir(&snapshots).map(|d| d.count()));
    }
    let named = lines[0].split('#').nth(1).unwrap_or_default();
    assert!(named.contains("tests/snapshots/skills__outline@NAME.snap"), "{named}");

    let later = lines.iter().find(|l| l.trim_start().starts_with("cargo test ")).expect("README's later run");
    let again = cargo(later);
    assert!(again.status.success(), "the second run passes:\n{}", text(&again));

    std::fs::write(&skill, SKILL.replace("Renaming a column in one step", "Renaming a column")).unwrap();
    let changed = cargo(later);
    let output = text(&changed);
    assert!(!changed.status.success(), "a renamed red flag fails the test:\n{output}");
    assert!(
        output.contains("Renaming a column in one step") && output.contains("+    - Renaming a column"),
        "{output}"
    );
}
