//! The outline: snapshots of the shipped skills (the README's recipe, run on this
//! repository's own skills) and of fixtures covering every kind of content; the same outline
//! on every run, from any folder and with any line endings; the command's formats; and every
//! skill of the shared corpus outlined twice, identically.

use crate::common;

use crate::hostile_inputs;

use std::path::{Path, PathBuf};

use skillsmith::{Outline, Skill};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn outline_of(path: &Path) -> Outline {
    skillsmith::outline(&Skill::parse(path, std::fs::read(path).unwrap()))
}

/// The README's recipe ("Snapshot-testing your skills"), pointed at the shipped skills.
#[test]
fn shipped_skill_outlines() {
    insta::glob!("../skills", "*/SKILL.md", |path| {
        let skill = Skill::parse(path, std::fs::read(path).unwrap());
        let outline = skillsmith::outline(&skill);
        let folder = outline.folder.clone().unwrap_or_default();
        insta::with_settings!({ snapshot_suffix => folder, snapshot_path => "snapshots/outline", prepend_module_to_snapshot => false }, {
            insta::assert_yaml_snapshot!("shipped", outline);
            insta::assert_snapshot!("shipped-text", outline.to_string());
        });
    });
}

/// Fixtures with every kind of content: tables, lists (nested, ordered, tasks), code blocks
/// (with and without a language, indented, unclosed), links (existing, missing, outside the
/// folder, URLs, anchors, images, autolinks, absolute, templated), a preamble, frontmatter
/// forms, decision parts in several shapes, and unreadable or missing frontmatter.
#[test]
fn fixture_outlines() {
    insta::glob!("fixtures", "{outline/*,decision/choosing-a-cache-strategy}/SKILL.md", |path| {
        let outline = outline_of(path);
        let folder = outline.folder.clone().unwrap_or_default();
        insta::with_settings!({ snapshot_suffix => folder, snapshot_path => "snapshots/outline", prepend_module_to_snapshot => false }, {
            insta::assert_yaml_snapshot!("fixture", outline);
            insta::assert_snapshot!("fixture-text", outline.to_string());
        });
    });
}

fn fixture_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/outline"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("SKILL.md").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 6, "the outline fixtures are missing");
    dirs
}

fn copy_tree(from: &Path, to: &Path, crlf: bool) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target, crlf);
        } else {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&target, if crlf { text.replace('\n', "\r\n") } else { text }).unwrap();
        }
    }
}

#[test]
fn the_outline_is_the_same_from_any_folder_and_with_crlf_line_endings() {
    let scratch = tempfile::tempdir().unwrap();
    let near = scratch.path().join("a");
    let far = scratch.path().join("b/deeper/still");
    copy_tree(&root().join("tests/fixtures/outline"), &near, false);
    copy_tree(&root().join("tests/fixtures/outline"), &far, true);
    for dir in fixture_dirs() {
        let name = dir.file_name().unwrap();
        let here = outline_of(&Path::new("tests/fixtures/outline").join(name).join("SKILL.md"));
        assert_eq!(here, outline_of(&dir.join("SKILL.md")), "{name:?}: relative and absolute paths");
        assert_eq!(here, outline_of(&near.join(name).join("SKILL.md")), "{name:?}: another folder");
        assert_eq!(here, outline_of(&far.join(name).join("SKILL.md")), "{name:?}: CRLF line endings");
        let json = serde_json::to_string(&here).unwrap();
        assert!(!json.contains(root().to_str().unwrap()), "{name:?}: no absolute path in {json}");
    }
}

#[test]
fn the_command_prints_the_library_outline_in_each_format_identically_on_every_run() {
    let dir = root().join("tests/fixtures/outline");
    let run = |format: &str| {
        let output = common::run(root(), &["outline", "--format", format, "tests/fixtures/outline"]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    let (text, json, yaml) = (run("text"), run("json"), run("yaml"));
    assert_eq!((run("text"), run("json"), run("yaml")), (text.clone(), json.clone(), yaml.clone()));

    let mut expected_text = Vec::new();
    let mut expected_json = serde_json::Map::new();
    // The command adds each skill's invocation name and install unit to the library's outline.
    let units = skillsmith::discover::UnitResolver::new();
    for fixture in fixture_dirs() {
        let shown = format!("tests/fixtures/outline/{}/SKILL.md", fixture.file_name().unwrap().to_str().unwrap());
        let path = dir.join(fixture.file_name().unwrap()).join("SKILL.md");
        let outline = outline_of(&path).placed(&units.place(&path));
        expected_text.push(format!("==> {shown} <==\n{outline}"));
        expected_json.insert(shown, serde_json::to_value(&outline).unwrap());
    }
    assert_eq!(text, expected_text.join("\n"));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json, serde_json::Value::Object(expected_json));
    let from_yaml: serde_json::Value = skillsmith::yaml::from_str(&yaml, "outline.yaml").unwrap();
    assert_eq!(from_yaml, json, "the YAML holds what the JSON holds");
}

#[test]
fn the_command_reports_unreadable_paths_and_outlines_the_rest() {
    let output = common::run(root(), &["outline", "no/such/folder", "tests/fixtures/outline/empty-body"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read `no/such/folder`"));
    assert!(
        String::from_utf8_lossy(&output.stdout).starts_with("==> tests/fixtures/outline/empty-body/SKILL.md <==\n")
    );
}

/// Hostile and broken inputs (binary, huge, 3,000-deep lists, unclosed fences, YAML bombs):
/// outlined and serialized without a panic, read as the command reads them.
#[test]
fn every_hostile_input_is_outlined() {
    let dir = tempfile::tempdir().unwrap();
    for input in hostile_inputs::inputs() {
        let path = dir.path().join(input.name).join("SKILL.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &input.bytes).unwrap();
        let candidate = skillsmith::discover::Candidate { path, dir_name: Some(input.name.to_string()) };
        let skill = skillsmith::lint::read_skill(&candidate, Default::default()).unwrap();
        let outline = skillsmith::outline(&skill);
        assert!(outline.to_string().starts_with(&format!("skill: {}\n", input.name)));
        assert!(skillsmith::yaml::to_string(&outline).is_ok(), "{}", input.name);
    }
}

fn corpus() -> Option<PathBuf> {
    let corpus = root().join("../shared/corpus");
    if corpus.is_dir() {
        Some(corpus)
    } else {
        eprintln!("note: ../shared/corpus is absent; the corpus outline test is skipped");
        None
    }
}

/// Every skill of the shared corpus: outlined without a panic or a serialization error, and
/// identical (value, text, JSON and YAML) across two runs in this process, and as text across
/// two runs of the command.
#[test]
fn every_corpus_skill_is_outlined_identically_twice() {
    let Some(corpus) = corpus() else { return };
    let found = skillsmith::discover::discover(std::slice::from_ref(&corpus));
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    assert!(found.files.len() >= 500, "only {} skills in the corpus", found.files.len());
    let mut failures = Vec::new();
    for candidate in &found.files {
        let rendered = |outline: &Outline| {
            let yaml = skillsmith::yaml::to_string(outline).map_err(|e| e.to_string())?;
            let json = serde_json::to_string(outline).map_err(|e| e.to_string())?;
            Ok::<_, String>((outline.to_string(), json, yaml))
        };
        let once = || {
            let skill = skillsmith::lint::read_skill(candidate, Default::default()).unwrap();
            let outline = skillsmith::outline(&skill);
            let rendered = rendered(&outline);
            (outline, rendered)
        };
        let path = candidate.path.display();
        match (std::panic::catch_unwind(once), std::panic::catch_unwind(once)) {
            (Ok((first, Ok(a))), Ok((second, Ok(b)))) => {
                if first != second || a != b {
                    failures.push(format!("{path}: two runs differ"));
                }
                if a.1.contains(corpus.to_str().unwrap()) {
                    failures.push(format!("{path}: an absolute path in the outline"));
                }
            }
            (Ok((_, Err(e))), _) | (_, Ok((_, Err(e)))) => failures.push(format!("{path}: {e}")),
            _ => failures.push(format!("{path}: panicked")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let run = |format: &str| {
        let output = common::run(root(), &["outline", "--format", format, corpus.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
        output.stdout
    };
    assert!(run("text") == run("text"), "`skillsmith outline` differs between two runs");
    eprintln!("outlined {} corpus skills twice, identically", found.files.len());
}
