//! README's "Use it in pre-commit", "Use it in GitHub Actions" and "Editor support" sections,
//! and the lint flag table, checked against what they describe: the hook ids, the action's
//! inputs and defaults, every `lint` flag, the VS Code problem matcher (run against real
//! output) and the schema commands (run as written).

use crate::common;

use std::path::Path;

use clap::CommandFactory;
use skillsmith::yaml::{Limits, Node, parse};

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The text of README's section headed `heading` (up to the next heading of its level).
pub(crate) fn section(heading: &str) -> String {
    let readme = readme();
    let level = heading.chars().take_while(|&c| c == '#').count();
    let start = readme.find(&format!("\n{heading}\n")).unwrap_or_else(|| panic!("README has no `{heading}`"));
    let rest = &readme[start + heading.len() + 2..];
    let end = rest
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| {
            let hashes = rest[i..].chars().take_while(|&c| c == '#').count();
            (1..=level).contains(&hashes) && rest[i..].chars().nth(hashes) == Some(' ')
        })
        .unwrap_or(rest.len());
    rest[..end].to_string()
}

/// The fenced code blocks of `lang` in `text`, indentation removed.
pub(crate) fn blocks(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let indent = line.len() - line.trim_start().len();
        if line.trim_start() == format!("```{lang}") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| l.trim_start() != "```").collect();
            out.push(body.iter().map(|l| format!("{}\n", l.get(indent..).unwrap_or(""))).collect());
        }
    }
    out
}

fn yaml(text: &str) -> Node {
    parse(text, 0, Limits::default()).unwrap_or_else(|e| panic!("{e:?}\n{text}")).root.unwrap()
}

#[test]
fn the_lint_flag_table_lists_every_lint_flag() {
    let table = section("## `skillsmith lint`");
    let command = skillsmith::cli::Cli::command();
    for arg in command.find_subcommand("lint").unwrap().get_arguments() {
        let Some(long) = arg.get_long() else { continue };
        if ["help", "version"].contains(&long) {
            continue;
        }
        assert!(table.contains(&format!("| `--{long}")), "README's lint flag table misses --{long}");
    }
}

#[test]
fn the_pre_commit_snippet_names_the_shipped_hooks() {
    let hooks_text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml")).unwrap();
    let hooks = yaml(&hooks_text);
    let ids: Vec<&str> = hooks.as_seq().unwrap().iter().filter_map(|h| h.get("id")?.as_str()).collect();
    assert_eq!(ids, ["skillsmith", "skillsmith-fix", "skillsmith-test", "skillsmith-render", "skillsmith-activation"]);
    let text = section("## Use it in pre-commit");
    let snippet = &blocks(&text, "yaml")[0];
    let config = yaml(snippet);
    let repo = &config.get("repos").unwrap().as_seq().unwrap()[0];
    let used: Vec<&str> =
        repo.get("hooks").unwrap().as_seq().unwrap().iter().map(|h| h.get("id").unwrap().as_str().unwrap()).collect();
    assert_eq!(used, ["skillsmith-fix", "skillsmith-test", "skillsmith-render"]);
    assert!(snippet.contains("# - id: skillsmith "), "the check-only hook is shown too");
    for id in ids {
        assert!(text.contains(&format!("`{id}`")), "{id} is explained");
    }
}

#[test]
fn the_actions_section_shows_every_input_with_its_default_and_a_workflow_using_real_inputs() {
    let action_text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml")).unwrap();
    let action = yaml(&action_text);
    let inputs = action.get("inputs").unwrap().as_map().unwrap();
    let text = section("## Use it in GitHub Actions");
    for input in inputs {
        let name = input.key.as_str().unwrap();
        let default = input.value.get("default").unwrap().as_str().unwrap();
        let shown = if default.is_empty() { "empty".to_string() } else { format!("`{default}`") };
        assert!(text.contains(&format!("| `{name}` | {shown} |")), "README's input table misses `{name}` with {shown}");
    }
    let workflow = yaml(&blocks(&text, "yaml")[0]);
    let steps = workflow.get("jobs").unwrap().get("lint").unwrap().get("steps").unwrap().as_seq().unwrap();
    let ours = steps
        .iter()
        .find(|s| s.get("uses").and_then(Node::as_str).is_some_and(|u| u.contains("/skillsmith@")))
        .unwrap();
    for given in ours.get("with").unwrap().as_map().unwrap() {
        let name = given.key.as_str().unwrap();
        assert!(inputs.iter().any(|i| i.key.as_str() == Some(name)), "the workflow passes unknown input `{name}`");
    }
    let permissions = workflow.get("permissions").unwrap();
    assert_eq!(permissions.get("security-events").and_then(Node::as_str), Some("write"));
}

#[test]
fn the_schema_commands_run_as_written() {
    let text = section("### Schemas");
    let script = &blocks(&text, "sh")[0];
    let dir = tempfile::tempdir().unwrap();
    let binary = Path::new(env!("CARGO_BIN_EXE_skillsmith")).parent().unwrap();
    let path = format!("{}:{}", binary.display(), std::env::var("PATH").unwrap_or_default());
    let output = std::process::Command::new("bash")
        .args(["-eu", "-c", script])
        .current_dir(dir.path())
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for file in ["frontmatter.schema.json", "config.schema.json", "spec.schema.json", "scenario.schema.json"] {
        let written = std::fs::read_to_string(dir.path().join(".skillsmith").join(file)).unwrap();
        let schema: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    }
}

#[test]
fn the_vs_code_problem_matcher_reads_every_finding_of_json_lines() {
    let text = section("### SKILL.md frontmatter");
    let tasks = blocks(&text, "json").into_iter().find(|b| b.contains("problemMatcher")).expect("a tasks.json");
    let tasks: serde_json::Value = serde_json::from_str(&tasks).expect("tasks.json is valid JSON");
    let task = &tasks["tasks"][0];
    assert_eq!(task["command"], "skillsmith lint --format json-lines");
    let pattern = &task["problemMatcher"]["pattern"];
    let regex = regex::Regex::new(pattern["regexp"].as_str().unwrap()).unwrap();
    let group = |name: &str| pattern[name].as_u64().unwrap() as usize;

    let repo = common::repo();
    common::write(
        repo.path(),
        ".claude/skills/forms/SKILL.md",
        "---\nname: forms\ndescription: Checks forms. Use when: a form breaks\n---\n# Forms\n",
    );
    common::skill(
        repo.path(),
        ".claude/skills/dates",
        "# Dates\n\nAs of 2024 the latest version is 4.2 \\ \"quoted\".\n",
    );
    let output = common::run(repo.path(), &["lint", "--format", "json-lines", "--extend-select", "time-sensitive"]);
    let lines = String::from_utf8(output.stdout).unwrap();
    let mut seen = 0;
    for line in lines.lines() {
        let finding: serde_json::Value = serde_json::from_str(line).unwrap();
        let captures = regex.captures(line).unwrap_or_else(|| panic!("the matcher misses {line}"));
        let json_string =
            |index: usize| -> String { serde_json::from_str(&format!("\"{}\"", &captures[index])).unwrap() };
        assert_eq!(json_string(group("file")), finding["path"]);
        assert_eq!(captures[group("line")].parse::<u64>().unwrap(), finding["line"]);
        assert_eq!(captures[group("column")].parse::<u64>().unwrap(), finding["column"]);
        assert_eq!(captures[group("endLine")].parse::<u64>().unwrap(), finding["end_line"]);
        assert_eq!(&captures[group("code")], finding["code"]);
        assert_eq!(&captures[group("severity")], finding["severity"]);
        assert_eq!(json_string(group("message")), finding["message"]);
        seen += 1;
    }
    assert!(seen >= 3, "{lines}");
    assert!(lines.contains("\\\"As of 2024\\\""), "a message with escaped quotes is among them: {lines}");
}

#[test]
fn the_modeline_example_points_from_the_skill_to_the_schema_file() {
    let text = section("### SKILL.md frontmatter");
    let modeline = blocks(&text, "yaml").into_iter().find(|b| b.contains("$schema=")).unwrap();
    let relative = modeline.split("$schema=").nth(1).unwrap().lines().next().unwrap();
    let skill_dir = Path::new(".claude/skills/pdf-forms");
    let resolved: std::path::PathBuf =
        skill_dir.join(relative).components().fold(std::path::PathBuf::new(), |mut p, c| {
            match c {
                std::path::Component::ParentDir => {
                    p.pop();
                }
                other => p.push(other),
            }
            p
        });
    assert_eq!(resolved, Path::new(".skillsmith/frontmatter.schema.json"));
    assert!(text.contains("`.claude/skills/pdf-forms/SKILL.md`"));
    // The modeline is a comment: the example lints clean.
    let repo = common::repo();
    common::write(
        repo.path(),
        ".claude/skills/pdf-forms/SKILL.md",
        &format!("{modeline}# PDF forms\n\nFill each field.\n"),
    );
    let found = common::findings(repo.path(), &["--select", "all"]);
    assert!(found.is_empty(), "{found:?}");
}
