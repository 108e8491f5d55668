//! The package reader on arbitrary bytes: opening, the layout checks, the limits and the lint
//! of the SKILL.md inside never panic, and every read stays within its limit.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use skillsmith::discover::UnitResolver;
use skillsmith::lint::{Settings, Target};
use skillsmith::package::{Package, lint_package};
use skillsmith::skill::ParseLimits;

fn scratch() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder")).path()
}

fuzz_target!(|data: &[u8]| {
    let path = scratch().join("input.skill");
    std::fs::write(&path, data).expect("scratch file written");
    let settings = Settings::new(Target::ClaudeCode);
    let (results, _) = lint_package(&path, &settings, ParseLimits::default(), &UnitResolver::new());
    assert!(!results.is_empty());
    if let Ok(package) = Package::open(&path) {
        for entry in package.entries.iter().take(8) {
            if let Ok(bytes) = package.read(entry.index, 4096) {
                assert!(bytes.len() <= 4097);
            }
        }
    }
});
