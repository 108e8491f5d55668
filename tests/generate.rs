//! The generator's output: snapshots of every shipped skill and of each template rendered
//! from a fixture spec, the shipped skills in sync with their specs, and everything rendered
//! lint-clean with every rule enabled on every target.

use std::path::{Path, PathBuf};

use skillsmith::Skill;
use skillsmith::generate::load::{SPEC_FILE, load_spec_text};
use skillsmith::generate::render::render;
use skillsmith::generate::shipped;
use skillsmith::generate::templates::Templates;
use skillsmith::lint::{MemoryFs, Selection, Settings, Target, check_skill};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The skill folders holding a spec under `dir/*/` (or `dir/*/*/`).
fn spec_folders(dir: &Path, depth: usize) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_dir() {
            continue;
        }
        if depth > 1 {
            found.extend(spec_folders(&path, depth - 1));
        } else if path.join(SPEC_FILE).is_file() {
            found.push(path);
        }
    }
    found.sort();
    found
}

fn rendered(folder: &Path) -> String {
    let templates = Templates::builtin();
    let (spec, text) = load_spec_text(folder, &templates).unwrap_or_else(|e| panic!("{e}"));
    render(&spec, &templates, SPEC_FILE, &text).unwrap()
}

/// Every finding with every rule on (the decision group included), on each target.
fn findings(name: &str, text: &str) -> Vec<String> {
    let skill = Skill::parse(Path::new(name).join("SKILL.md"), text.as_bytes().to_vec());
    let mut out = Vec::new();
    for target in Target::ALL {
        let mut settings = Settings::new(target);
        settings.apply(&Selection { select: Some(vec!["all".into()]), ..Selection::default() }).unwrap();
        for diagnostic in check_skill(&skill, &settings, &MemoryFs::default()) {
            out.push(format!("{target:?}: {} {}", diagnostic.rule.code, diagnostic.message));
        }
    }
    out
}

#[test]
fn every_shipped_skill_matches_its_snapshot_and_lints_clean() {
    let folders = spec_folders(&root().join("skills"), 1);
    assert!(!folders.is_empty());
    for folder in folders {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let text = rendered(&folder);
        assert_eq!(findings(&name, &text), Vec::<String>::new(), "{name}");
        insta::with_settings!({ snapshot_path => "snapshots/generate", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("shipped-{name}"), text);
        });
    }
}

#[test]
fn every_shipped_skill_is_in_sync_with_its_spec() {
    for folder in spec_folders(&root().join("skills"), 1) {
        let on_disk = std::fs::read_to_string(folder.join("SKILL.md")).unwrap_or_default();
        assert!(
            on_disk == rendered(&folder),
            "{} is out of sync: run `skillsmith render {}`",
            folder.join("SKILL.md").display(),
            folder.display()
        );
    }
}

#[test]
fn the_binary_embeds_every_shipped_skill_as_on_disk() {
    let folders = spec_folders(&root().join("skills"), 1);
    let names: Vec<String> = folders.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
    let embedded: Vec<&str> = shipped::all().iter().map(|s| s.name).collect();
    assert_eq!(embedded, names);
    for skill in shipped::all() {
        for (path, bytes) in skill.files {
            let on_disk = std::fs::read(root().join("skills").join(skill.name).join(path)).unwrap();
            assert_eq!(*bytes, on_disk.as_slice(), "{}/{path}: rebuild to embed the current file", skill.name);
        }
    }
}

#[test]
fn each_template_renders_its_fixture_spec_lint_clean() {
    let folders = spec_folders(&root().join("tests/fixtures/generate"), 2);
    let templates: Vec<String> =
        folders.iter().map(|f| f.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(templates, ["decision", "minimal", "procedural"]);
    for (folder, template) in folders.iter().zip(templates) {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let text = rendered(folder);
        assert_eq!(findings(&name, &text), Vec::<String>::new(), "{name}");
        insta::with_settings!({ snapshot_path => "snapshots/generate", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("template-{template}"), text);
        });
    }
}

#[test]
fn rendering_is_deterministic() {
    let folder = root().join("skills/llmops-decision-framework");
    let first = rendered(&folder);
    assert_eq!(first, rendered(&folder));
    assert!(!first.contains('\r') && first.ends_with('\n') && !first.ends_with("\n\n"));
    assert!(first.lines().all(|l| l == l.trim_end()), "no trailing whitespace");
}

#[test]
fn the_shipped_decision_skill_carries_the_lessons_numbers() {
    let text = rendered(&root().join("skills/llmops-decision-framework"));
    for needle in [
        "kind: decision",
        "`examples_total >= 500`",
        "`stable_months >= 6`",
        "`team_hours >= 40`",
        "8-16 GB (consumer GPU) | QLoRA | 7-13B",
        "24-48 GB (professional GPU) | LoRA or full fine-tuning | 13-70B with LoRA",
        "80+ GB (cloud cluster) | Any method",
        "| under 3 months | **Strong**",
        "| 3-12 months | **Good**",
        "| over 12 months | **Reconsider**",
        "| under 100K queries a month | **API**",
        "| 100K-1M queries a month | **Calculate**",
        "| over 1M queries a month | **Self-host**",
        "`fixed_costs / (api_cost_per_query - self_host_cost_per_query)`",
        "Data preparation: 40-100 hours",
        "Evaluation development: 20-40 hours",
        "Infrastructure setup: 5-20 hours",
        "Iteration multiplier: 3-10 times the base estimate",
        "Ongoing maintenance: 5-10 hours a month",
        "### 7. Go/no-go criteria",
        "| Safety alignment | Not used | Primary | Most powerful | Enabler |",
        "### Test case 3: Edge case",
        "### Identify gaps",
    ] {
        assert!(text.contains(needle), "missing: {needle}");
    }
    assert_eq!(
        text.matches("**Instead:**").count(),
        6,
        "the lesson's five red flags and the contradiction, each with what to do instead"
    );
    assert_eq!(text.matches("Holds when").count(), 5, "five green lights");
}

#[test]
fn invalid_specs_get_every_problem_at_its_line() {
    use skillsmith::generate::load::{LoadError, parse_spec};
    let path = root().join("tests/fixtures/generate/decision/choosing-a-cache/skill.yaml");
    let good = std::fs::read_to_string(path).unwrap();
    let line_of = |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let cases = [
        ("check: repeat_ratio >= 30", "check: repeat_rate >= 30", "`repeat_rate` is not a declared fact"),
        ("when: instances == 1", "when: instances = 1", "cannot read the expression"),
        ("name: staleness_ok", "name: Staleness OK", "is not a usable name"),
        (
            "cells: [One instance, In-process map with TTL]",
            "cells: [One instance]",
            "the row has 1 cells; the table has 2 columns",
        ),
        ("result: Cache", "result: Kache", "`result: Kache` is not one of the columns"),
        ("        - below: 1", "        - below: -1\n          up-to: 3", "ends at `below` or at `up-to`, not both"),
        (
            "repeat_ratio: 5, staleness_ok: true",
            "repeat_ratio: five, staleness_ok: true",
            "`repeat_ratio` must be a number (percent), not text",
        ),
        ("bands: {worth: Worth it}", "bands: {worth: Worthy}", "the band `worth` has no row labelled `Worthy`"),
        ("red-flags: [cache-everything]", "red-flags: [cache-all]", "no red flag has the id `cache-all`"),
        ("  name: choosing-a-cache", "  name: Choosing_A_Cache", "the name `Choosing_A_Cache` must be lowercase"),
        ("    kind: decision", "    kind: procedure", "needs `metadata.kind: decision`"),
    ];
    for (from, to, expected) in cases {
        assert!(good.contains(from), "fixture lacks {from}");
        let bad = good.replacen(from, to, 1);
        match parse_spec(&bad, "skill.yaml", &Templates::builtin()) {
            Err(LoadError::Invalid { errors, .. }) => {
                let found = errors.iter().find(|e| e.message.contains(expected));
                let found = found.unwrap_or_else(|| panic!("{expected}: got {errors:?}"));
                // A row's problems point at the row, one line above its cells.
                let at = if to.starts_with("cells:") { "when: instances == 1" } else { to.lines().next().unwrap() };
                let want = line_of(&bad, at);
                if !expected.contains("metadata.kind") {
                    assert_eq!(found.line, want, "{expected}");
                }
            }
            other => panic!("{expected}: got {other:?}"),
        }
    }
}

#[test]
fn expression_errors_point_at_the_character_at_fault() {
    use skillsmith::generate::load::{LoadError, parse_spec};
    let path = root().join("tests/fixtures/generate/decision/choosing-a-cache/skill.yaml");
    let good = std::fs::read_to_string(path).unwrap();
    // (line as written, expected message, the text the column must point at)
    let cases = [
        ("      check: repeat_ratio >= 30 and", "ends where a value is expected", "\n"),
        ("      check: \"repeat_ratio >= staleness_ok\"", "`>=` needs a number, but this is yes/no", "staleness_ok"),
        ("      check: repeat_ratio >= (30", "`(` is not closed", "(30"),
        ("      check: repeat_ratio >= 30 % 2", "unexpected `%`", "% 2"),
        (
            "      check: repeat_ratio + instances >= 30",
            "mixes units: one side is in percent, the other in instances",
            "repeat_ratio +",
        ),
        ("      check: repeat_ratio * 2", "gives a number in percent, but yes/no is needed", "repeat_ratio *"),
        (
            "      check: >-\n        repeat_ratio >= 30 and\n        staleness_ok > 1",
            "`>` needs a number",
            "staleness_ok > 1",
        ),
    ];
    for (line, expected, pointed) in cases {
        let bad = good.replacen("      check: repeat_ratio >= 30", line, 1);
        let Err(LoadError::Invalid { errors, .. }) = parse_spec(&bad, "skill.yaml", &Templates::builtin()) else {
            panic!("{line}: accepted");
        };
        let found =
            errors.iter().find(|e| e.message.contains(expected)).unwrap_or_else(|| panic!("{expected}: {errors:?}"));
        let text_line = bad.lines().nth(found.line - 1).unwrap();
        let at: String = text_line.chars().skip(found.column - 1).collect();
        if pointed == "\n" {
            assert_eq!(at, "", "{line}: the end of the line");
        } else {
            assert!(at.starts_with(pointed), "{line}: points at `{at}`, wanted `{pointed}`");
        }
    }
}
