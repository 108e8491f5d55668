//! Fixes on arbitrary bytes: every fix stays inside its edits, fixing is idempotent, and a
//! file that parsed keeps parsing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillsmith::Skill;
use skillsmith::fix::{apply, fix_skill};
use skillsmith::lint::{MemoryFs, Selection, Settings, Target, check_skill};

fuzz_target!(|data: &[u8]| {
    let mut settings = Settings::new(Target::ClaudeCode);
    settings.apply(&Selection { select: Some(vec!["all".into(), "decision".into()]), ..Selection::default() }).unwrap();
    let skill = Skill::parse("fuzz/pdf/SKILL.md", data.to_vec());
    let text = skill.text().to_string();
    for diagnostic in check_skill(&skill, &settings, &MemoryFs::new()) {
        let Some(fix) = &diagnostic.fix else { continue };
        let (fixed, _) = apply(&text, &[fix]);
        let first = fix.edits.iter().map(|e| e.span.start as usize).min().unwrap_or(0);
        let last = fix.edits.iter().map(|e| e.span.end as usize).max().unwrap_or(0);
        assert_eq!(&fixed[..first], &text[..first]);
        assert_eq!(&fixed[fixed.len() - (text.len() - last)..], &text[last..]);
    }
    let once = fix_skill(skill, &settings, &MemoryFs::new(), true);
    if once.skipped.is_some() {
        return;
    }
    let twice = fix_skill(Skill::parse("fuzz/pdf/SKILL.md", once.fixed.clone().into_bytes()), &settings, &MemoryFs::new(), true);
    assert_eq!(twice.fixed, once.fixed, "fixing twice changed more");
});
