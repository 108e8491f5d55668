//! The JSON Schemas checked by an independent validator: Python's `jsonschema` (PyPI),
//! installed into a virtual environment kept in Cargo's target folder. Skips, saying so,
//! when python3 or PyPI is not available.
//!
//! - Frontmatter: every skill of `../shared/corpus` that lints without error on a target
//!   validates against that target's schema (skipped when `../shared` is absent), and every
//!   skill with an error the schema encodes (an unknown key on spec, a missing name, ...) is
//!   rejected by it; hand-written frontmatter checks the same both ways without the corpus.
//! - Config: the schema and skillsmith's own config reader agree on which files are valid
//!   (the `init` template, docs/configuration.md's example, and broken ones).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use serde_json::{Value, json};
use skillsmith::Skill;
use skillsmith::lint::{RealFs, RunOptions, Settings, Severity, Target, Uniform, lint_paths};

/// Reads `{"schema": S, "instances": {name: instance}}` from stdin; prints
/// `{name: [error, ...]}` for every instance (empty list when valid).
const VALIDATE: &str = r#"
import json, sys
import jsonschema
job = json.load(sys.stdin)
jsonschema.Draft7Validator.check_schema(job["schema"])
validator = jsonschema.Draft7Validator(job["schema"])
out = {}
for name, instance in job["instances"].items():
    out[name] = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]
print(json.dumps(out))
"#;

/// The venv's python, with `jsonschema` installed; `None` (with a note) when that fails.
fn python() -> Option<&'static Path> {
    static PYTHON: OnceLock<Option<PathBuf>> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("jsonschema-venv");
            let python = venv.join("bin/python");
            let ready = |python: &Path| {
                Command::new(python).args(["-c", "import jsonschema"]).output().is_ok_and(|o| o.status.success())
            };
            if ready(&python) {
                return Some(python);
            }
            let made = Command::new("python3").args(["-m", "venv"]).arg(&venv).output();
            if !made.as_ref().is_ok_and(|o| o.status.success()) {
                eprintln!("note: python3 -m venv failed; schema validation skipped: {made:?}");
                return None;
            }
            let pip = Command::new(venv.join("bin/pip")).args(["install", "--quiet", "jsonschema>=4.18,<5"]).output();
            if !pip.as_ref().is_ok_and(|o| o.status.success()) || !ready(&python) {
                eprintln!("note: jsonschema could not be installed from PyPI; schema validation skipped: {pip:?}");
                return None;
            }
            Some(python)
        })
        .as_deref()
}

/// The validator's errors for each instance.
fn validate(python: &Path, schema: &Value, instances: &serde_json::Map<String, Value>) -> Vec<(String, Vec<String>)> {
    use std::io::Write;
    let job = json!({ "schema": schema, "instances": instances });
    let mut child = Command::new(python)
        .args(["-c", VALIDATE])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(job.to_string().as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "the validator failed");
    let result: serde_json::Map<String, Value> = serde_json::from_slice(&output.stdout).unwrap();
    result
        .into_iter()
        .map(|(name, errors)| {
            let errors = errors.as_array().unwrap().iter().map(|e| e.as_str().unwrap().to_string()).collect();
            (name, errors)
        })
        .collect()
}

fn frontmatter_schema(target: Target) -> Value {
    skillsmith::schema::frontmatter(target)
}

/// Codes whose errors the frontmatter schema encodes on `target` (where they are errors):
/// a skill with one of these errors must be rejected.
fn encoded(target: Target) -> Vec<&'static str> {
    let codes = ["SK100", "SK101", "SK107", "SK108", "SK111", "SK112", "SK114", "SK115"];
    codes
        .into_iter()
        .filter(|code| {
            let index = skillsmith::lint::find(code).unwrap();
            skillsmith::lint::rules()[index].meta().levels.on(target) == skillsmith::lint::Level::Error
        })
        .collect()
}

/// Lints `paths` on `target`; returns (frontmatter JSON, error codes) of every file whose
/// frontmatter could be read.
fn linted(paths: &[PathBuf], target: Target) -> Vec<(String, Value, Vec<&'static str>)> {
    let run = lint_paths(paths, &Uniform(Arc::new(Settings::new(target))), &RealFs, RunOptions::default());
    let mut out = Vec::new();
    for file in &run.files {
        let Ok(bytes) = std::fs::read(&file.path) else { continue };
        let Some(json) = Skill::parse(&file.path, bytes).frontmatter.to_json() else { continue };
        let errors = file.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.rule.code).collect();
        out.push((file.path.display().to_string(), json, errors));
    }
    out
}

/// Validates each linted file: those without errors must pass, those with an encoded error
/// must fail. Returns (passed, rejected) counts.
fn check_both_ways(python: &Path, target: Target, files: &[(String, Value, Vec<&'static str>)]) -> (usize, usize) {
    let codes = encoded(target);
    let mut instances = serde_json::Map::new();
    for (path, json, _) in files {
        instances.insert(path.clone(), json.clone());
    }
    let verdicts: std::collections::HashMap<String, Vec<String>> =
        validate(python, &frontmatter_schema(target), &instances).into_iter().collect();
    let (mut passed, mut rejected, mut wrong) = (0, 0, Vec::new());
    for (path, _, errors) in files {
        let schema_errors = &verdicts[path];
        if errors.is_empty() {
            if schema_errors.is_empty() {
                passed += 1;
            } else {
                wrong.push(format!("{path}: lints without error but the schema says {schema_errors:?}"));
            }
        } else if let Some(code) = errors.iter().find(|c| codes.contains(c)) {
            if schema_errors.is_empty() {
                wrong.push(format!("{path}: has error {code} but the schema accepts it"));
            } else {
                rejected += 1;
            }
        }
    }
    assert!(wrong.is_empty(), "{} target:\n{}", target.as_str(), wrong.join("\n"));
    (passed, rejected)
}

#[test]
fn corpus_skills_validate_against_the_schema_of_every_target_they_lint_clean_on() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("note: ../shared/corpus is absent; corpus schema validation skipped");
        return;
    }
    let Some(python) = python() else { return };
    for target in Target::ALL {
        let files = linted(std::slice::from_ref(&corpus), target);
        let (passed, rejected) = check_both_ways(python, target, &files);
        eprintln!(
            "{} target: {passed} skills lint without error and validate; {rejected} with an encoded error are rejected",
            target.as_str()
        );
        assert!(passed >= 300, "too few clean skills on {}: {passed}", target.as_str());
        if target != Target::ClaudeCode {
            assert!(rejected > 0, "the {} schema rejected nothing", target.as_str());
        }
    }
}

#[test]
fn hand_written_frontmatter_validates_exactly_when_it_lints_without_error() {
    let Some(python) = python() else { return };
    let repo = common::repo();
    let cases = [
        ("plain", "name: plain\ndescription: Cleans CSV files. Use when a CSV will not load.\n"),
        (
            "numbers",
            "name: numbers\ndescription: Counts rows. Use when asked.\nmetadata:\n  version: 1.0\n  tags: [a, b]\n",
        ),
        (
            "tools-list",
            "name: tools-list\ndescription: Reads files. Use when asked.\nallowed-tools:\n  - Read\n  - Grep\n",
        ),
        (
            "cc-keys",
            "name: cc-keys\ndescription: Runs tests. Use when asked.\neffort: high\ncontext: fork\nuser-invocable: false\nshell: bash\npaths: ['src/**']\n",
        ),
        ("bad-effort", "name: bad-effort\ndescription: Runs tests. Use when asked.\neffort: extreme\n"),
        ("bad-bool", "name: bad-bool\ndescription: Runs tests. Use when asked.\ndisable-model-invocation: maybe\n"),
        (
            "yes-bool",
            "name: yes-bool\ndescription: Runs tests. Use when asked.\nuser-invocable: no\ndisable-model-invocation: 1\n",
        ),
        ("no-name", "description: Runs tests. Use when asked.\n"),
        ("empty-description", "name: empty-description\ndescription: ''\n"),
        ("top-version", "name: top-version\ndescription: Runs tests. Use when asked.\nversion: '1.0'\n"),
        ("typo", "name: typo\ndescripton: Runs tests. Use when asked.\n"),
        ("Upper-Name", "name: Upper-Name\ndescription: Runs tests. Use when asked.\n"),
        ("hooks-list", "name: hooks-list\ndescription: Runs tests. Use when asked.\nhooks: [a]\n"),
        ("long", &format!("name: long\ndescription: {}\n", "Checks. ".repeat(130))),
        ("claude-helper", "name: claude-helper\ndescription: Helps <b>Claude</b>. Use when asked.\n"),
    ];
    let mut paths = Vec::new();
    for (folder, frontmatter) in cases {
        paths.push(common::write(
            repo.path(),
            &format!("{folder}/SKILL.md"),
            &format!("---\n{frontmatter}---\n# T\n\nText.\n"),
        ));
    }
    for target in Target::ALL {
        let files = linted(&paths, target);
        assert_eq!(files.len(), cases.len());
        check_both_ways(python, target, &files);
    }
}

/// The config files for the agreement test: (name, text).
fn configs() -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    common::run(dir.path(), &["init"]);
    let template = std::fs::read_to_string(dir.path().join("skillsmith.toml")).unwrap();
    let uncommented: String = template
        .lines()
        .filter(|l| l.starts_with("# ") && (l.contains(" = ") || l.starts_with("# [")))
        .map(|l| format!("{}\n", l.trim_start_matches("# ").split("  #").next().unwrap_or("")))
        .collect();
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/configuration.md")).unwrap();
    let example = readme
        .split("```toml\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().to_string())
        .find(|block| block.contains("[[overrides]]"))
        .expect("docs/configuration.md shows a config with overrides");
    let mut out = vec![
        ("template".to_string(), template),
        ("template-uncommented".to_string(), uncommented),
        ("readme".to_string(), example),
    ];
    for (name, text) in [
        ("comma-string", "ignore = \"SK405, decision ,\"\nselect = [\"all\"]\n"),
        ("group-level", "[rules]\nlinks = \"off\"\nall = { level = \"info\" }\nSK301 = { max-lines = 10 }\n"),
        ("unknown-key", "extend-selct = [\"SK700\"]\n"),
        ("unknown-rule", "ignore = [\"SK999\"]\n"),
        ("unknown-rule-in-string", "ignore = \"SK405, nope\"\n"),
        ("bad-level", "[rules.body-too-long]\nlevel = \"loud\"\n"),
        ("bad-option", "[rules.body-too-long]\nmax-line = 3\n"),
        ("option-of-another-rule", "[rules.placeholder]\nmax-lines = 3\n"),
        ("negative-option", "[rules.body-too-long]\nmax-lines = -3\n"),
        ("bad-target", "target = \"claude\"\n"),
        ("override-without-paths", "[[overrides]]\nignore = [\"SK700\"]\n"),
        ("budget-in-override", "[[overrides]]\npaths = [\"a/**\"]\nlisting-budget = 3\n"),
        ("override-string-path", "[[overrides]]\npaths = \"a/**\"\ntarget = \"spec\"\n"),
        ("kind-built-in", "kind = \"procedural\"\n"),
        (
            "kind-declared",
            "[kinds.x]\nsections = [{ title = \"A\", holds = \"table\", min-items = 2 }]\n[[overrides]]\npaths = [\"a/**\"]\nkind = \"x\"\n",
        ),
        ("kind-bad-holds", "[kinds.x]\nsections = [{ title = \"A\", holds = \"tabel\" }]\n"),
        ("kind-without-sections", "[kinds.x]\ndoc = \"d\"\n"),
        ("kind-section-unknown-key", "[kinds.x]\nsections = [{ title = \"A\", alias = [\"B\"] }]\n"),
    ] {
        out.push((name.to_string(), text.to_string()));
    }
    out
}

#[test]
fn the_config_schema_and_the_config_reader_agree() {
    let Some(python) = python() else { return };
    let mut instances = serde_json::Map::new();
    let mut reader_accepts = std::collections::HashMap::new();
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in configs() {
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, &text).unwrap();
        let parsed: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        instances.insert(name.clone(), serde_json::to_value(parsed).unwrap());
        let shown = common::run(dir.path(), &["config", "--config", path.to_str().unwrap()]);
        reader_accepts.insert(name, shown.status.success());
    }
    let mut disagreements = Vec::new();
    for (name, errors) in validate(python, &skillsmith::schema::config(), &instances) {
        if errors.is_empty() != reader_accepts[&name] {
            disagreements.push(format!("{name}: reader accepts: {}; schema errors: {errors:?}", reader_accepts[&name]));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    let valid = reader_accepts.values().filter(|v| **v).count();
    assert!(valid >= 5 && reader_accepts.len() - valid >= 8, "both kinds are tested");
}

/// The `taplo` CLI (npm `@taplo/cli`, the engine of the Even Better TOML editor extension),
/// installed into Cargo's target folder; `None` (with a note) when npm cannot install it.
fn taplo() -> Option<&'static Path> {
    static TAPLO: OnceLock<Option<PathBuf>> = OnceLock::new();
    TAPLO
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("taplo");
            let taplo = dir.join("node_modules/.bin/taplo");
            let ready = |taplo: &Path| Command::new(taplo).arg("--version").output().is_ok_and(|o| o.status.success());
            if ready(&taplo) {
                return Some(taplo);
            }
            std::fs::create_dir_all(&dir).ok()?;
            let npm = Command::new("npm")
                .args(["install", "--silent", "--no-audit", "--no-fund", "--prefix"])
                .arg(&dir)
                .arg("@taplo/cli@0.7")
                .output();
            if !npm.as_ref().is_ok_and(|o| o.status.success()) || !ready(&taplo) {
                eprintln!("note: @taplo/cli could not be installed from npm; taplo check skipped: {npm:?}");
                return None;
            }
            Some(taplo)
        })
        .as_deref()
}

#[test]
fn taplo_reads_the_config_schema_from_a_schema_directive_and_agrees_with_the_reader() {
    let Some(taplo) = taplo() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.schema.json"), skillsmith::schema::config().to_string()).unwrap();
    let mut disagreements = Vec::new();
    let mut checked = 0;
    for (name, text) in configs() {
        let folder = dir.path().join(&name);
        std::fs::create_dir(&folder).unwrap();
        let path = folder.join("skillsmith.toml");
        // The directive README shows, with a path relative to the config file.
        std::fs::write(&path, format!("#:schema ../config.schema.json\n{text}")).unwrap();
        let reader = common::run(dir.path(), &["config", "--config", path.to_str().unwrap()]).status.success();
        let output = Command::new(taplo).arg("check").arg(&path).current_dir(dir.path()).output().unwrap();
        let taplo_accepts = output.status.success();
        if taplo_accepts != reader {
            let said = String::from_utf8_lossy(&output.stderr)
                .lines()
                .filter(|l| l.starts_with("error"))
                .take(3)
                .collect::<Vec<_>>()
                .join("; ");
            disagreements.push(format!("{name}: reader accepts: {reader}; taplo accepts: {taplo_accepts} ({said})"));
        }
        checked += 1;
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert!(checked >= 10);
}

#[test]
fn the_taplo_config_shown_in_readme_applies_the_schema_to_every_config() {
    let Some(taplo) = taplo() else { return };
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let taplo_config = readme
        .split("```toml\n")
        .map(|block| block.split("```").next().unwrap())
        .find(|block| block.starts_with("[[rule]]"))
        .expect("README shows a .taplo.toml");
    let dir = common::repo();
    common::write(dir.path(), ".taplo.toml", taplo_config);
    let schema = serde_json::to_string_pretty(&skillsmith::schema::config()).unwrap();
    common::write(dir.path(), ".skillsmith/config.schema.json", &schema);
    common::write(dir.path(), "skillsmith.toml", "target = \"spec\"\n");
    common::write(dir.path(), "team/.skillsmith.toml", "target = \"spc\"\n");
    let output = Command::new(taplo).arg("check").current_dir(dir.path()).output().unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{said}");
    assert!(said.contains("\"spc\" is not one of") && said.contains("team/.skillsmith.toml"), "{said}");
    std::fs::write(dir.path().join("team/.skillsmith.toml"), "target = \"api\"\n").unwrap();
    let output = Command::new(taplo).arg("check").current_dir(dir.path()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// Every `name` file under `dirs` (relative to the crate), sorted.
fn files_named(dirs: &[&str], name: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut pending: Vec<PathBuf> = dirs.iter().map(|d| root.join(d)).collect();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if name(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn yaml_as_json(text: &str) -> Value {
    let document = skillsmith::yaml::parse(text, 0, skillsmith::yaml::Limits::default()).unwrap();
    skillsmith::yaml::to_json(&document.root.unwrap())
}

#[test]
fn spec_scenario_and_use_case_schemas_take_what_the_readers_take_and_reject_misspelt_fields() {
    let Some(python) = python() else { return };
    let templates = skillsmith::generate::templates::Templates::builtin();
    // Specs: every one the reader takes validates; a misspelt field or a wrong kind does not.
    let mut instances = serde_json::Map::new();
    let specs = files_named(&["skills", "tests/fixtures"], &|p| p.file_name().is_some_and(|n| n == "skill.yaml"));
    for path in &specs {
        let text = std::fs::read_to_string(path).unwrap();
        if skillsmith::generate::load::parse_spec(&text, "skill.yaml", &templates).is_ok() {
            instances.insert(path.display().to_string(), yaml_as_json(&text));
        }
    }
    assert!(instances.len() >= 5, "{instances:?}");
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("skills/llmops-decision-framework/skill.yaml"),
    )
    .unwrap();
    let broken = [
        ("misspelt top-level field", base.replacen("title:", "titel:", 1)),
        ("misspelt frontmatter field", base.replacen("  description:", "  descripton:", 1)),
        ("misspelt fact field", base.replacen("question:", "questoin:", 1)),
        ("a list where a text goes", base.replacen("title: LLMOps Decision Framework", "title: [a, b]", 1)),
    ];
    for (name, text) in &broken {
        assert!(skillsmith::generate::load::parse_spec(text, "skill.yaml", &templates).is_err(), "{name}");
        instances.insert(format!("broken: {name}"), yaml_as_json(text));
    }
    for (name, errors) in validate(python, &skillsmith::schema::spec(), &instances) {
        assert_eq!(name.starts_with("broken: "), !errors.is_empty(), "{name}: {errors:?}");
    }

    // Scenarios: those that read validate; a misspelt field does not.
    let mut instances = serde_json::Map::new();
    let scenarios = files_named(&["skills", "tests/fixtures/generate"], &|p| {
        p.parent().is_some_and(|d| d.ends_with("scenarios")) && p.extension().is_some_and(|e| e == "yaml")
    });
    let mut read = 0;
    for path in &scenarios {
        let text = std::fs::read_to_string(path).unwrap();
        let broken = text.contains("expcet:");
        if !broken {
            read += 1;
        }
        let name = if broken { format!("broken: {}", path.display()) } else { path.display().to_string() };
        instances.insert(name, yaml_as_json(&text));
    }
    assert!(read >= 10, "{scenarios:?}");
    instances.insert("broken: misspelt".into(), json!({ "title": "t", "expcet": { "outcome": "go" } }));
    for (name, errors) in validate(python, &skillsmith::schema::scenario(), &instances) {
        assert_eq!(name.starts_with("broken: "), !errors.is_empty(), "{name}: {errors:?}");
    }

    // Use cases: the empty one `new --template use-case` writes validates; an unknown key does not.
    let dir = common::repo();
    let made =
        common::run(dir.path(), &["new", "my-case", "--template", "use-case", "--skill", "llmops-decision-framework"]);
    assert_eq!(made.status.code(), Some(0), "{}", String::from_utf8_lossy(&made.stderr));
    let empty = std::fs::read_to_string(dir.path().join("my-case.yaml")).unwrap();
    let output = common::run(dir.path(), &["schema", "use-case", "--skill", "llmops-decision-framework"]);
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut instances = serde_json::Map::new();
    instances.insert("empty".into(), yaml_as_json(&empty));
    instances.insert("broken: unknown section".into(), json!({ "title": "t", "executive-sumary": "x" }));
    for (name, errors) in validate(python, &schema, &instances) {
        assert_eq!(name.starts_with("broken: "), !errors.is_empty(), "{name}: {errors:?}");
    }
}
