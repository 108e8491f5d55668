//! Helpers for the CLI tests: scratch repositories and running the binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch folder holding a `.git` folder, so config discovery stops there.
pub fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

/// Writes `text` to `root/rel`, creating folders.
pub fn write(root: &Path, rel: &str, text: &str) -> PathBuf {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// A SKILL.md named after its folder, with `body` under a valid frontmatter.
pub fn skill(root: &Path, folder: &str, body: &str) -> PathBuf {
    let name = Path::new(folder).file_name().unwrap().to_str().unwrap();
    let text = format!(
        "---\nname: {name}\ndescription: Extracts tables from PDF files. Use when a PDF is attached.\n---\n{body}"
    );
    write(root, &format!("{folder}/SKILL.md"), &text)
}

/// Runs `skillsmith` in `cwd` with `args`.
pub fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillsmith")).current_dir(cwd).args(args).output().unwrap()
}

/// (path, line, code) of every finding of `skillsmith lint --format json-lines` in `cwd`.
pub fn findings(cwd: &Path, args: &[&str]) -> Vec<(String, u32, String)> {
    let mut all = vec!["lint", "--format", "json-lines"];
    all.extend_from_slice(args);
    let output = run(cwd, &all);
    assert!(output.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                v["path"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap() as u32,
                v["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The codes found in the file whose path ends with `suffix`, sorted.
pub fn codes_in(found: &[(String, u32, String)], suffix: &str) -> Vec<String> {
    let mut codes: Vec<String> =
        found.iter().filter(|(p, _, _)| p.ends_with(suffix)).map(|(_, _, c)| c.clone()).collect();
    codes.sort();
    codes
}
