//! The judged set keeps rules honest: findings on the shared corpus judged by hand, in
//! `tests/judged/*.tsv` (columns `verdict code path line message reason`; verdict RIGHT,
//! DEBATABLE or WRONG; path relative to the corpus; message a distinctive part of the
//! finding's message). The corpus is linted with the default settings (claude-code target) and
//! the test fails when a WRONG finding comes back at warning or error, or a RIGHT one
//! disappears. Skips (with a note) when `../shared/corpus` is not beside the checkout (`SKILLSMITH_SHARED`
//! names another place for `shared`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use skillsmith::lint::{RealFs, RunOptions, Settings, Severity, Target, Uniform, lint_paths};

/// One judged finding, as written in a judged file.
#[derive(Debug)]
struct Judged {
    /// The file and line it was read from, for messages.
    origin: String,
    verdict: Verdict,
    code: String,
    path: String,
    line: u32,
    message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Right,
    Debatable,
    Wrong,
}

/// A finding of the lint run: code, path relative to the corpus, line, message, severity.
type Found = (String, String, u32, String, Severity);

fn judged_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/judged")
}

/// Every row of every `tests/judged/*.tsv`, checked for form.
fn read_judged() -> Vec<Judged> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(judged_dir())
        .expect("tests/judged exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        let mut lines = text.lines().enumerate();
        let (_, header) = lines.next().unwrap_or_else(|| panic!("{name} is empty"));
        assert_eq!(header, "verdict\tcode\tpath\tline\tmessage\treason", "{name}: header");
        for (index, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            let origin = format!("{name}:{}", index + 1);
            let columns: Vec<&str> = line.split('\t').collect();
            assert_eq!(columns.len(), 6, "{origin}: six tab-separated columns");
            let verdict = match columns[0] {
                "RIGHT" => Verdict::Right,
                "DEBATABLE" => Verdict::Debatable,
                "WRONG" => Verdict::Wrong,
                other => panic!("{origin}: verdict `{other}` is not RIGHT, DEBATABLE or WRONG"),
            };
            assert!(!columns[5].trim().is_empty(), "{origin}: a reason is required");
            assert!(!columns[4].trim().is_empty(), "{origin}: a message is required");
            let line = columns[3].parse().unwrap_or_else(|_| panic!("{origin}: line `{}`", columns[3]));
            out.push(Judged {
                origin,
                verdict,
                code: columns[1].to_string(),
                path: columns[2].to_string(),
                line,
                message: columns[4].to_string(),
            });
        }
    }
    out
}

/// The corpus linted with the default settings, findings grouped by (path, code).
fn lint_corpus(corpus: &Path) -> HashMap<(String, String), Vec<Found>> {
    let settings = Uniform(Arc::new(Settings::new(Target::ClaudeCode)));
    let run = lint_paths(&[corpus.to_path_buf()], &settings, &RealFs, RunOptions::default());
    let mut out: HashMap<(String, String), Vec<Found>> = HashMap::new();
    for file in &run.files {
        let path = file.path.strip_prefix(corpus).unwrap_or(&file.path).to_string_lossy().replace('\\', "/");
        for finding in &file.findings {
            let code = finding.rule.code.to_string();
            out.entry((path.clone(), code.clone())).or_default().push((
                code,
                path.clone(),
                finding.location.start.line,
                finding.message.clone(),
                finding.severity,
            ));
        }
    }
    out
}

#[test]
fn judged_findings_hold_on_the_corpus() {
    // `../shared` beside the checkout, or where `SKILLSMITH_SHARED` says (a git worktree).
    let shared = std::env::var_os("SKILLSMITH_SHARED")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"), PathBuf::from);
    let corpus = shared.join("corpus");
    if !corpus.is_dir() {
        eprintln!("note: ../shared/corpus is absent; the judged-set test is skipped");
        return;
    }
    let judged = read_judged();
    assert!(judged.len() >= 150, "the judged set holds {} findings; at least 150 are needed", judged.len());
    let found = lint_corpus(&corpus);
    let mut failures = Vec::new();
    let (mut right, mut debatable, mut wrong) = (0, 0, 0);
    for j in &judged {
        let matching: Vec<&Found> = found
            .get(&(j.path.clone(), j.code.clone()))
            .into_iter()
            .flatten()
            .filter(|(_, _, line, message, _)| *line == j.line && message.contains(&j.message))
            .collect();
        match j.verdict {
            Verdict::Right => {
                right += 1;
                if matching.is_empty() {
                    failures
                        .push(format!("{}: RIGHT {} {}:{} `{}` is gone", j.origin, j.code, j.path, j.line, j.message));
                }
            }
            Verdict::Wrong => {
                wrong += 1;
                if let Some(f) = matching.iter().find(|f| f.4 >= Severity::Warning) {
                    failures.push(format!(
                        "{}: WRONG {} {}:{} `{}` is back as {}",
                        j.origin,
                        j.code,
                        j.path,
                        j.line,
                        j.message,
                        f.4.as_str()
                    ));
                }
            }
            Verdict::Debatable => debatable += 1,
        }
    }
    eprintln!("judged: {right} right, {debatable} debatable, {wrong} wrong");
    assert!(failures.is_empty(), "{} judged findings changed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn judged_files_are_well_formed() {
    // Runs without the corpus: a malformed row fails here, not only where ../shared exists.
    let judged = read_judged();
    assert!(!judged.is_empty(), "tests/judged holds no findings");
    for j in &judged {
        assert!(j.code.len() == 5 && j.code.starts_with("SK"), "{}: code `{}`", j.origin, j.code);
        assert!(j.line >= 1, "{}: line", j.origin);
        assert!(!j.path.starts_with('/'), "{}: path is relative to the corpus", j.origin);
    }
}
