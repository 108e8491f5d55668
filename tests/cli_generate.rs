//! The generator's commands run as a user runs them: `install`, `render`, `new`, `list`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SKILL: &str = "llmops-decision-framework";

fn skillsmith(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillsmith")).args(args).current_dir(dir).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// An empty git repository (a plain folder when git is not installed).
fn empty_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let git = Command::new("git").args(["init", "-q"]).current_dir(dir.path()).output();
    if !git.is_ok_and(|o| o.status.success()) {
        eprintln!("note: git is not available; installing into a plain folder");
    }
    dir
}

fn installed(repo: &Path) -> PathBuf {
    repo.join(".claude/skills").join(SKILL).join("SKILL.md")
}

fn shipped_skill_md() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("skills").join(SKILL).join("SKILL.md")).unwrap()
}

#[test]
fn install_into_an_empty_repository_then_reinstall_unchanged() {
    let repo = empty_repo();
    let first = skillsmith(repo.path(), &["install", SKILL, "--into", "."]);
    assert_eq!(first.status.code(), Some(0), "{}{}", stdout(&first), stderr(&first));
    assert!(
        stdout(&first).contains("created: .claude/skills/llmops-decision-framework/SKILL.md"),
        "{}",
        stdout(&first)
    );
    assert_eq!(std::fs::read_to_string(installed(repo.path())).unwrap(), shipped_skill_md());
    assert!(installed(repo.path()).with_file_name("skill.yaml").is_file());

    let again = skillsmith(repo.path(), &["install", SKILL, "--into", "."]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout(&again).contains("unchanged: .claude/skills/llmops-decision-framework from shipped skill"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn an_edited_file_is_refused_with_a_diff_until_forced() {
    let repo = empty_repo();
    assert!(skillsmith(repo.path(), &["install", SKILL, "--into", "."]).status.success());
    let edited = format!("{}\nMy own note.\n", shipped_skill_md());
    std::fs::write(installed(repo.path()), &edited).unwrap();

    let refused = skillsmith(repo.path(), &["install", SKILL, "--into", "."]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stdout(&refused).contains("-My own note."), "the diff shows the edit: {}", stdout(&refused));
    assert!(stdout(&refused).contains("nothing was written"));
    assert_eq!(std::fs::read_to_string(installed(repo.path())).unwrap(), edited, "the edit survives");

    let check = skillsmith(repo.path(), &["install", SKILL, "--into", ".", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stdout(&check).contains("out of sync"), "{}", stdout(&check));

    let forced = skillsmith(repo.path(), &["install", SKILL, "--into", ".", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(stdout(&forced).contains("updated: .claude/skills/llmops-decision-framework/SKILL.md"));
    assert_eq!(std::fs::read_to_string(installed(repo.path())).unwrap(), shipped_skill_md());

    let in_sync = skillsmith(repo.path(), &["install", SKILL, "--into", ".", "--check"]);
    assert_eq!(in_sync.status.code(), Some(0));
    assert!(stdout(&in_sync).contains("in sync"));
}

#[test]
fn check_and_dry_run_write_nothing() {
    let repo = empty_repo();
    let check = skillsmith(repo.path(), &["install", SKILL, "--into", ".", "--check"]);
    assert_eq!(check.status.code(), Some(1), "not installed yet");
    let dry = skillsmith(repo.path(), &["install", SKILL, "--into", ".", "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0));
    assert!(
        stdout(&dry).contains("would create: .claude/skills/llmops-decision-framework/SKILL.md"),
        "{}",
        stdout(&dry)
    );
    assert!(!repo.path().join(".claude").exists(), "a dry run writes nothing");
}

#[test]
fn a_file_blocking_the_folder_is_named_and_left_untouched() {
    let repo = empty_repo();
    std::fs::write(repo.path().join(".claude"), "not a folder").unwrap();
    let blocked = skillsmith(repo.path(), &["install", SKILL, "--into", "."]);
    assert_eq!(blocked.status.code(), Some(2));
    assert!(stderr(&blocked).contains(".claude: is a file, where a folder is needed"), "{}", stderr(&blocked));
    assert_eq!(std::fs::read_to_string(repo.path().join(".claude")).unwrap(), "not a folder");
}

#[test]
fn a_name_that_leaves_the_skills_folder_is_refused() {
    let repo = empty_repo();
    let source = tempfile::tempdir().unwrap();
    let spec = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/generate/minimal/writing-commit-messages/skill.yaml"),
    )
    .unwrap()
    .replace("name: writing-commit-messages", "name: ../../escape");
    std::fs::write(source.path().join("skill.yaml"), spec).unwrap();
    let spec_path = source.path().join("skill.yaml");
    let refused = skillsmith(repo.path(), &["install", spec_path.to_str().unwrap(), "--into", "."]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("the name `../../escape`"), "{}", stderr(&refused));
    assert!(!repo.path().join(".claude").exists() && !repo.path().parent().unwrap().join("escape").exists());

    let new = skillsmith(repo.path(), &["new", "../escape"]);
    assert_eq!(new.status.code(), Some(2));
    assert!(stderr(&new).contains("would leave the skills folder"), "{}", stderr(&new));
}

#[test]
fn install_from_a_spec_folder_renders_its_skill() {
    let repo = empty_repo();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/generate/procedural/releasing-a-crate");
    let done = skillsmith(repo.path(), &["install", fixture.to_str().unwrap(), "--into", "."]);
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    let text = std::fs::read_to_string(repo.path().join(".claude/skills/releasing-a-crate/SKILL.md")).unwrap();
    assert!(text.starts_with("---\nname: releasing-a-crate\n"), "{text}");
}

#[test]
fn render_check_finds_drift_and_render_keeps_hand_edits() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("writing-commit-messages");
    std::fs::create_dir(&folder).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/generate/minimal/writing-commit-messages/skill.yaml");
    std::fs::copy(&fixture, folder.join("skill.yaml")).unwrap();

    let missing = skillsmith(dir.path(), &["render", "--check", "writing-commit-messages"]);
    assert_eq!(missing.status.code(), Some(1));
    let created = skillsmith(dir.path(), &["render", "writing-commit-messages"]);
    assert_eq!(created.status.code(), Some(0), "{}", stderr(&created));
    assert!(stdout(&created).contains("created: writing-commit-messages/SKILL.md"), "{}", stdout(&created));
    let in_sync = skillsmith(dir.path(), &["render", "--check", "writing-commit-messages"]);
    assert_eq!(in_sync.status.code(), Some(0));

    // A spec edit re-renders over the untouched generated file.
    let spec = std::fs::read_to_string(folder.join("skill.yaml")).unwrap().replace("Rules", "The rules");
    std::fs::write(folder.join("skill.yaml"), spec).unwrap();
    let drift = skillsmith(dir.path(), &["render", "--check", "writing-commit-messages"]);
    assert_eq!(drift.status.code(), Some(1));
    assert!(stdout(&drift).contains("-## Rules\n+## The rules"), "{}", stdout(&drift));
    let updated = skillsmith(dir.path(), &["render", "writing-commit-messages"]);
    assert!(stdout(&updated).contains("updated: writing-commit-messages/SKILL.md"), "{}", stdout(&updated));

    // A hand edit is refused until forced.
    let skill_md = folder.join("SKILL.md");
    let edited = std::fs::read_to_string(&skill_md).unwrap().replace("## The rules", "## My rules");
    std::fs::write(&skill_md, &edited).unwrap();
    let refused = skillsmith(dir.path(), &["render", "writing-commit-messages"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stdout(&refused).contains("edited by hand"), "{}", stdout(&refused));
    assert_eq!(std::fs::read_to_string(&skill_md).unwrap(), edited);
    let forced = skillsmith(dir.path(), &["render", "--force", "writing-commit-messages"]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(!std::fs::read_to_string(&skill_md).unwrap().contains("My rules"));
}

#[test]
fn render_to_stdout_matches_the_shipped_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = skillsmith(root, &["render", "skills/llmops-decision-framework", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), shipped_skill_md());
    let check = skillsmith(root, &["render", "--check", "skills/llmops-decision-framework"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

#[test]
fn a_wrong_spec_field_is_located_with_the_valid_names() {
    let dir = tempfile::tempdir().unwrap();
    let text = "spec-version: 1\ntemplate: minimal\ntitel: x\nfrontmatter:\n  nmae: x\n";
    std::fs::write(dir.path().join("skill.yaml"), text).unwrap();
    let out = skillsmith(dir.path(), &["render", "skill.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    // Every unknown field at once, each with the closest valid name and the valid names.
    assert!(message.starts_with("skill.yaml:3:1: unknown field `titel`\n  help: did you mean `title`?"), "{message}");
    assert!(message.contains("the fields here are: spec-version, template, frontmatter"), "{message}");
    assert!(message.contains("skill.yaml:5:3: unknown field `nmae`\n  help: did you mean `name`?"), "{message}");
}

#[test]
fn new_scaffolds_placeholders_and_refuses_an_existing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let made = skillsmith(
        dir.path(),
        &["new", "choosing-things", "--template", "decision", "--description", "Picks: \"things\" #1"],
    );
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let folder = dir.path().join(".claude/skills/choosing-things");
    let skill_md = std::fs::read_to_string(folder.join("SKILL.md")).unwrap();
    assert!(skill_md.contains("[TODO:"), "{skill_md}");
    assert!(skill_md.contains("description: \"Picks: \\\"things\\\" #1\""), "{skill_md}");
    assert!(std::fs::read_to_string(folder.join("skill.yaml")).unwrap().contains("[TODO:"));
    let check = skillsmith(dir.path(), &["render", "--check", ".claude/skills/choosing-things"]);
    assert_eq!(check.status.code(), Some(0), "the scaffold's SKILL.md is its spec's rendering");
    for template in ["decision", "procedural", "minimal"] {
        let name = format!("scaffold-{template}");
        let made = skillsmith(dir.path(), &["new", &name, "--template", template]);
        assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
        let lint = skillsmith(dir.path(), &["lint", &format!(".claude/skills/{name}")]);
        assert_eq!(lint.status.code(), Some(1), "{template}: a scaffold fails lint until it is written");
        assert!(stdout(&lint).contains("error[SK700]"), "{template}: the placeholders are flagged:\n{}", stdout(&lint));
    }

    let again = skillsmith(dir.path(), &["new", "choosing-things"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"));
    let bad = skillsmith(dir.path(), &["new", "Bad_Name"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("bad-name"), "suggests a valid name: {}", stderr(&bad));
}

#[test]
fn list_shows_the_shipped_skills() {
    let dir = tempfile::tempdir().unwrap();
    let out = skillsmith(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("llmops-decision-framework  decision"), "{}", stdout(&out));
}

#[test]
fn templates_can_be_overridden_or_added_from_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("minimal.md.j2"), "# {{ title }}\n\nOverridden for {{ frontmatter.name }}.\n")
        .unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/generate/minimal/writing-commit-messages/skill.yaml");
    let spec = fixture.to_str().unwrap();

    let out = skillsmith(dir.path(), &["render", spec, "-o", "-", "--templates", "templates"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("---\n\n# Writing Commit Messages\n\nOverridden for writing-commit-messages.\n"),
        "{}",
        stdout(&out)
    );

    let text = std::fs::read_to_string(fixture).unwrap().replace("template: minimal", "template: brief");
    std::fs::write(dir.path().join("skill.yaml"), text).unwrap();
    let unknown = skillsmith(dir.path(), &["render", "skill.yaml", "-o", "-"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown template `brief`"), "{}", stderr(&unknown));
    std::fs::write(templates.join("brief.md.j2"), "# {{ title }}\n\n{{ summary }}\n").unwrap();
    let added = skillsmith(dir.path(), &["render", "skill.yaml", "-o", "-", "--templates", "templates"]);
    assert_eq!(added.status.code(), Some(0), "{}", stderr(&added));
    assert!(stdout(&added).contains("# Writing Commit Messages\n\nGood commit messages"), "{}", stdout(&added));
}
