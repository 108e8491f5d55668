//! Properties over arbitrary input (proptest), and every input the fuzzers ever crashed on
//! (`tests/fixtures/fuzz/`), checked the same way.

use std::path::Path;

use proptest::prelude::*;
use skillsmith::Skill;
use skillsmith::fix::{apply, fix_skill};
use skillsmith::lint::{MemoryFs, Selection, Settings, Target, check_skill, locate};

/// Parses and lints `bytes` with every rule on every target; every span must lie inside the
/// text on character boundaries, and locating every diagnostic must work.
fn check_invariants(bytes: &[u8]) {
    let skill = Skill::parse("prop/SKILL.md", bytes.to_vec());
    let text = skill.text();
    let valid = |start: u32, end: u32| {
        start <= end
            && end as usize <= text.len()
            && text.is_char_boundary(start as usize)
            && text.is_char_boundary(end as usize)
    };
    for span in skill.all_spans() {
        assert!(valid(span.start, span.end), "model span {span:?} in {} bytes", text.len());
    }
    for target in Target::ALL {
        let mut settings = Settings::new(target);
        settings
            .apply(&Selection { select: Some(vec!["all".into(), "decision".into()]), ..Selection::default() })
            .unwrap();
        for diagnostic in check_skill(&skill, &settings, &MemoryFs::new()) {
            assert!(
                valid(diagnostic.span.start, diagnostic.span.end),
                "{} at {:?}",
                diagnostic.rule.code,
                diagnostic.span
            );
            if let Some(fix) = &diagnostic.fix {
                for edit in &fix.edits {
                    assert!(valid(edit.span.start, edit.span.end), "fix of {}", diagnostic.rule.code);
                }
            }
            let finding = locate(&skill, diagnostic);
            assert!(finding.location.start <= finding.location.end);
        }
    }
}

/// Skill-shaped text: fences, keys, Markdown constructs and odd bytes mixed together.
fn skillish() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "---\n",
        "---\r\n",
        "name: x\n",
        "description: a: b\n",
        "description: 'Use when'\n",
        "metadata:\n  k: v\n",
        "  - a\n",
        "[a, {b: c}]\n",
        "# H\n",
        "### H\n",
        "| a | b |\n|---|---|\n| 1 |\n",
        "- [ ] t\n",
        "1. s\n",
        "```\n",
        "[l](r.md)\n",
        "![i](/Users/x.png)\n",
        "<!-- skillsmith-disable-next-line SK100 -->\n",
        "\t",
        "\r",
        "é",
        "\u{feff}",
        "*",
        "> ",
        "&a ",
        "*a ",
        "\\|",
        "`",
        " ",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(|p| p.as_bytes().to_vec()), any::<u8>().prop_map(|b| vec![b])],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

/// Fixing `bytes` (safe and unsafe fixes, every rule) twice: the second pass changes nothing;
/// and each fix alone changes nothing outside its edits' spans.
fn check_fixes(bytes: &[u8]) {
    let all = || {
        let mut settings = Settings::new(Target::ClaudeCode);
        settings
            .apply(&Selection { select: Some(vec!["all".into(), "decision".into()]), ..Selection::default() })
            .unwrap();
        settings
    };
    let settings = all();
    let skill = Skill::parse("prop/pdf/SKILL.md", bytes.to_vec());
    for diagnostic in check_skill(&skill, &settings, &MemoryFs::new()) {
        let Some(fix) = &diagnostic.fix else { continue };
        let (fixed, _) = apply(skill.text(), &[fix]);
        let first = fix.edits.iter().map(|e| e.span.start as usize).min().unwrap_or(0);
        let last = fix.edits.iter().map(|e| e.span.end as usize).max().unwrap_or(0);
        assert_eq!(&fixed[..first], &skill.text()[..first], "{} changed text before its span", diagnostic.rule.code);
        let tail = skill.text().len() - last;
        assert_eq!(
            &fixed[fixed.len() - tail..],
            &skill.text()[last..],
            "{} changed text after its span",
            diagnostic.rule.code
        );
    }
    let once = fix_skill(skill, &settings, &MemoryFs::new(), true);
    if once.skipped.is_some() {
        return; // not UTF-8: fixes are never applied to such a file
    }
    let again = Skill::parse("prop/pdf/SKILL.md", once.fixed.clone().into_bytes());
    let twice = fix_skill(again, &settings, &MemoryFs::new(), true);
    assert_eq!(twice.fixed, once.fixed, "fixing twice changed more");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_spans_stay_inside(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_invariants(&bytes);
    }

    #[test]
    fn skill_shaped_text_never_panics_and_spans_stay_inside(bytes in skillish()) {
        check_invariants(&bytes);
    }

    #[test]
    fn fixes_stay_in_their_span_and_fixing_is_idempotent(bytes in skillish()) {
        check_fixes(&bytes);
    }
}

#[test]
fn every_fuzz_crasher_stays_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        check_invariants(&bytes);
        check_fixes(&bytes);
    }
}
