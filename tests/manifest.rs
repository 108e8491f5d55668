//! Plugin and marketplace manifests on hostile and unlucky input: huge, deeply nested, with a
//! byte order mark, not UTF-8, not a regular file, paths leading out; each is one located
//! finding, never a hang or a panic.

use std::path::{Path, PathBuf};

use skillsmith::lint::{Settings, Target};
use skillsmith::manifest::check_manifest;

fn manifest(root: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = root.join(".claude-plugin").join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

fn findings(path: &Path) -> Vec<(String, u32, String)> {
    check_manifest(path, &Settings::new(Target::ClaudeCode))
        .findings
        .into_iter()
        .map(|f| (f.rule.code.to_string(), f.location.start.line, f.message))
        .collect()
}

#[test]
fn oversized_nested_and_encoded_manifests_are_one_finding_each() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(2 << 20));
    let found = findings(&manifest(root, "plugin.json", huge.as_bytes()));
    assert_eq!(found.len(), 1);
    assert!(found[0].0 == "SK620" && found[0].2.contains("larger than 1 MiB"), "{found:?}");
    let unclosed = "[".repeat(100_000);
    let found = findings(&manifest(root, "plugin.json", unclosed.as_bytes()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "SK620", "{found:?}");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let found = findings(&manifest(root, "plugin.json", deep.as_bytes()));
    assert_eq!(found.len(), 1, "{found:?}");
    let message = &found[0].2;
    assert!(
        found[0].0 == "SK620" && (message.contains("nested deeper") || message.contains("recursion limit")),
        "{found:?}"
    );
    let found = findings(&manifest(root, "plugin.json", "\u{feff}{\"name\": \"a\"}".as_bytes()));
    assert_eq!(found[0].0, "SK620");
    let found = findings(&manifest(root, "plugin.json", b"{\"name\": \"\xff\"}"));
    assert!(found[0].2.contains("not UTF-8"), "{found:?}");
    let found = findings(&manifest(root, "plugin.json", b"{\n  \"name\": \"a\",\n}\n"));
    assert_eq!((found[0].0.as_str(), found[0].1), ("SK620", 3), "{found:?}");
}

#[test]
fn paths_out_of_the_manifest_folder_are_refused_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("market");
    let text = r#"{"name": "m", "owner": {"name": "o"}, "plugins": [
        {"name": "a", "source": "../../etc"},
        {"name": "b", "source": "/etc"},
        {"name": "c", "source": {"source": "github", "repo": "o/c"}},
        {"name": "d", "source": "https://example.com/d.git"}
    ]}"#;
    let found = findings(&manifest(&root, "marketplace.json", text.as_bytes()));
    let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(codes, ["SK622", "SK622"], "{found:?}");
    assert_eq!(found[0].1, 2);
}

#[cfg(unix)]
#[test]
fn a_fifo_named_plugin_json_is_reported_and_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".claude-plugin/plugin.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let status = std::process::Command::new("mkfifo").arg(&path).status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("note: mkfifo unavailable; skipped");
        return;
    }
    let found = findings(&path);
    assert!(found[0].2.contains("not a regular file"), "{found:?}");
}
