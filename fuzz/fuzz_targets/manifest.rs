//! Manifest parsing on arbitrary text: the span parser accepts whatever serde_json accepts,
//! its spans lie inside the text on character boundaries, and checking a plugin or
//! marketplace manifest never panics.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use skillsmith::lint::{Settings, Target};
use skillsmith::manifest::{self, json};

fn scratch() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir_all(dir.path().join(".claude-plugin")).expect("manifest folder");
        dir
    })
    .path()
}

fn check_spans(node: &json::Node, text: &str) {
    let (start, end) = (node.span.start as usize, node.span.end as usize);
    assert!(start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end));
    match &node.value {
        json::Value::Object(members) => members.iter().for_each(|(_, key, value)| {
            assert!(text.is_char_boundary(key.start as usize) && (key.end as usize) <= text.len());
            check_spans(value, text);
        }),
        json::Value::Array(items) => items.iter().for_each(|item| check_spans(item, text)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    if let Ok(text) = std::str::from_utf8(rest) {
        let valid = serde_json::from_str::<serde_json::Value>(text).is_ok();
        let parsed = json::parse(text);
        if valid {
            check_spans(parsed.as_ref().expect("the span parser accepts what serde_json accepts"), text);
        }
    }
    let name = if selector % 2 == 0 { "plugin.json" } else { "marketplace.json" };
    let path = scratch().join(".claude-plugin").join(name);
    std::fs::write(&path, rest).expect("scratch file written");
    let result = manifest::check_manifest(&path, &Settings::new(Target::ClaudeCode));
    for finding in &result.findings {
        assert!(finding.location.start.line >= 1);
    }
});
