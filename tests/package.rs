//! `.skill` packages: building (reproducible, junk left out, refusals, never a partial file),
//! the round trip (package, then lint the package: clean), and hostile archives refused
//! within limits: zip bombs, `..` and absolute names, symbolic links, 100,000 entries.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use skillsmith::discover::UnitResolver;
use skillsmith::lint::{FileResult, RealFs, RunOptions, Settings, Target, Uniform, lint_paths};
use skillsmith::package::{self, Package, PackageError};
use skillsmith::skill::ParseLimits;

const SKILL: &str = "---\nname: pdf\ndescription: Extracts text and tables from PDF files. Use when a PDF is attached or mentioned.\n---\n# PDF tools\n\nRead the file with `pdftotext`, then check [the notes](notes.md), run [the filler](scripts/fill.py) and read [the evals guide](references/evals.md).\n";

fn write(root: &Path, rel: &str, text: &str) -> PathBuf {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn skill_dir(root: &Path) -> PathBuf {
    write(root, "pdf/SKILL.md", SKILL);
    write(root, "pdf/notes.md", "Notes.\n");
    write(root, "pdf/scripts/fill.py", "print('fill')\n");
    write(root, "pdf/scripts/__pycache__/fill.cpython-312.pyc", "\0");
    write(root, "pdf/.DS_Store", "\0");
    write(root, "pdf/evals/evals.json", "[]\n");
    write(root, "pdf/references/evals.md", "Kept: only a top-level evals/ is left out.\n");
    root.join("pdf")
}

fn codes(results: &[FileResult]) -> Vec<&'static str> {
    results.iter().flat_map(|f| &f.findings).map(|f| f.rule.code).collect()
}

fn lint_package(path: &Path) -> Vec<FileResult> {
    package::lint_package(path, &Settings::new(Target::ClaudeCode), ParseLimits::default(), &UnitResolver::new()).0
}

/// A zip written entry by entry: (name, bytes, unix mode).
fn zip_of(path: &Path, entries: &[(&str, &[u8], u32)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes, mode) in entries {
        let options = zip::write::SimpleFileOptions::default().unix_permissions(*mode);
        if mode & 0o170000 == 0o120000 {
            zip.add_symlink(*name, std::str::from_utf8(bytes).unwrap(), options).unwrap();
        } else {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
    }
    zip.finish().unwrap();
}

#[test]
fn packages_are_reproducible_leave_junk_out_and_lint_clean() {
    let dir = tempfile::tempdir().unwrap();
    let skill = skill_dir(dir.path());
    let first = package::build(&skill).unwrap();
    // Touching every file (new mtimes) changes nothing.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(skill.join("notes.md"), "Notes.\n").unwrap();
    let second = package::build(&skill).unwrap();
    assert_eq!(first.bytes, second.bytes, "same skill, same bytes");
    assert_eq!(first.folder, "pdf");
    assert_eq!(first.entries, ["pdf/SKILL.md", "pdf/notes.md", "pdf/references/evals.md", "pdf/scripts/fill.py"]);
    assert_eq!(first.left_out, [".DS_Store", "evals", "scripts/__pycache__"]);
    let out = dir.path().join("pdf.skill");
    package::write_package(&first, &out).unwrap();
    let results = lint_package(&out);
    assert_eq!(codes(&results), Vec::<&str>::new(), "the round trip is clean");
    assert_eq!(results[1].path, out.join("pdf/SKILL.md"));
    // Linting the package through discovery counts its skill.
    let settings = Uniform(Arc::new(Settings::new(Target::ClaudeCode)));
    let run = lint_paths(std::slice::from_ref(&out), &settings, &RealFs, RunOptions::default());
    assert_eq!(run.skills, 1);
}

#[test]
fn links_inside_the_package_are_checked_against_its_entries() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pdf.skill");
    zip_of(&out, &[("pdf/SKILL.md", SKILL.as_bytes(), 0o644)]);
    let results = lint_package(&out);
    assert!(codes(&results).contains(&"SK400"), "notes.md is missing from the package: {:?}", codes(&results));
}

#[test]
fn packaging_refuses_api_errors_and_never_overwrites_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let skill = skill_dir(dir.path());
    std::fs::write(skill.join("SKILL.md"), SKILL.replace("name: pdf\n", "name: pdf\nwhen_to_use: always\n")).unwrap();
    match package::build(&skill) {
        Err(PackageError::Refused(run)) => assert!(run.count(skillsmith::lint::Severity::Error) > 0),
        other => panic!("expected a refusal, got {other:?}"),
    }
    std::fs::write(skill.join("SKILL.md"), SKILL).unwrap();
    let built = package::build(&skill).unwrap();
    let mine = write(dir.path(), "notes.txt", "mine");
    assert!(package::write_package(&built, &mine).is_err());
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "mine", "not overwritten");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left");
}

#[cfg(unix)]
#[test]
fn packaging_refuses_links_out_of_the_skill_and_stores_links_inside_as_files() {
    let dir = tempfile::tempdir().unwrap();
    let skill = skill_dir(dir.path());
    std::os::unix::fs::symlink(skill.join("notes.md"), skill.join("alias.md")).unwrap();
    let built = package::build(&skill).unwrap();
    assert!(built.entries.contains(&"pdf/alias.md".to_string()));
    write(dir.path(), "secret.txt", "secret");
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), skill.join("leak.md")).unwrap();
    let err = package::build(&skill).unwrap_err().to_string();
    assert!(err.contains("leak.md") && err.contains("outside the skill"), "{err}");
}

#[test]
fn hostile_names_and_links_are_reported_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("evil.skill");
    zip_of(
        &out,
        &[
            ("pdf/SKILL.md", SKILL.as_bytes(), 0o644),
            ("pdf/notes.md", b"Notes.\n", 0o644),
            ("pdf/../../../etc/cron.d/x", b"x", 0o644),
            ("/etc/passwd", b"x", 0o644),
            ("pdf\\..\\..\\x", b"x", 0o644),
            ("pdf/link", b"/etc/shadow", 0o120777),
        ],
    );
    let results = lint_package(&out);
    let found = codes(&results);
    assert_eq!(found.iter().filter(|c| **c == "SK023").count(), 3, "{found:?}");
    assert!(found.contains(&"SK024"), "{found:?}");
    // Links never resolve through the package's file system.
    let package = Package::open(&out).unwrap();
    let fs = package::ArchiveFs::new(&package);
    use skillsmith::lint::FileSystem;
    assert!(!fs.exists(&out.join("pdf/link")));
    assert!(!fs.exists(&out.join("etc/passwd")) && !fs.exists(Path::new("/etc/passwd")));
}

#[test]
fn zip_bombs_are_refused_before_unpacking() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bomb.skill");
    let zeros = vec![0u8; 64 << 20];
    zip_of(&out, &[("bomb/SKILL.md", SKILL.as_bytes(), 0o644), ("bomb/data", &zeros, 0o644)]);
    assert!(std::fs::metadata(&out).unwrap().len() < 1 << 20, "a small archive");
    let results = lint_package(&out);
    assert_eq!(codes(&results), ["SK026"]);
    assert!(results[0].findings[0].message.contains("zip bomb"), "{}", results[0].findings[0].message);
    // A read is cut at its limit whatever the entry claims.
    let package = Package::open(&out).unwrap();
    assert_eq!(package.read(1, 1000).unwrap().len(), 1001);
}

#[test]
fn a_hundred_thousand_entries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("many.skill");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("many/SKILL.md", options).unwrap();
    zip.write_all(SKILL.as_bytes()).unwrap();
    for i in 0..100_000 {
        zip.start_file(format!("many/f/{i}"), options).unwrap();
    }
    zip.finish().unwrap();
    let results = lint_package(&out);
    assert_eq!(codes(&results), ["SK026"]);
    assert!(results[0].findings[0].message.contains("100001 entries"), "{}", results[0].findings[0].message);
}

#[test]
fn truncated_and_foreign_files_are_unreadable_packages() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.skill");
    zip_of(&good, &[("pdf/SKILL.md", SKILL.as_bytes(), 0o644)]);
    let bytes = std::fs::read(&good).unwrap();
    for (name, content) in
        [("cut.skill", &bytes[..bytes.len() / 2]), ("text.skill", b"hello".as_slice()), ("empty.skill", b"")]
    {
        let path = write(dir.path(), name, "");
        std::fs::write(&path, content).unwrap();
        assert_eq!(codes(&lint_package(&path)), ["SK020"], "{name}");
    }
}

fn cli(args: &[&str], cwd: &Path) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_skillsmith")).args(args).current_dir(cwd).output().unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn cli_package_then_lint_the_package() {
    let dir = tempfile::tempdir().unwrap();
    skill_dir(dir.path());
    let (out, err, code) = cli(&["package", "pdf"], dir.path());
    assert_eq!(code, 0, "{err}");
    let (again, _, _) = cli(&["package", "pdf", "-o", "again.skill"], dir.path());
    assert_eq!(
        std::fs::read(dir.path().join("pdf.skill")).unwrap(),
        std::fs::read(dir.path().join("again.skill")).unwrap()
    );
    let (lint, _, lint_code) = cli(&["lint", "pdf.skill"], dir.path());
    assert_eq!(lint_code, 0, "{lint}");
    insta::with_settings!({ snapshot_path => "snapshots/package", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("package", format!("{out}---\n{again}---\n{lint}"));
    });
    std::fs::write(dir.path().join("pdf/SKILL.md"), "---\nname: pdf\n---\nNo description.\n").unwrap();
    let (refused, err, code) = cli(&["package", "pdf", "-o", "refused.skill"], dir.path());
    assert_eq!(code, 1);
    assert!(!dir.path().join("refused.skill").exists(), "nothing written");
    insta::with_settings!({ snapshot_path => "snapshots/package", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("package-refused", format!("{refused}---\n{err}"));
    });
}
