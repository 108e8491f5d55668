//! Whole-file parse and lint of arbitrary bytes: no panic, and every span of the model and of
//! every diagnostic lies inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillsmith::Skill;
use skillsmith::lint::{MemoryFs, Selection, Settings, Target, check_skill, locate};

fuzz_target!(|data: &[u8]| {
    let skill = Skill::parse("fuzz/SKILL.md", data.to_vec());
    let text = skill.text();
    for span in skill.all_spans() {
        assert!(span.start <= span.end && span.end as usize <= text.len(), "{span:?} outside {}", text.len());
        assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize), "{span:?}");
    }
    for target in Target::ALL {
        let mut settings = Settings::new(target);
        settings.apply(&Selection { select: Some(vec!["all".into(), "decision".into()]), ..Selection::default() }).unwrap();
        for diagnostic in check_skill(&skill, &settings, &MemoryFs::new()) {
            let span = diagnostic.span;
            assert!(span.end as usize <= text.len() && text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
            let _ = locate(&skill, diagnostic);
        }
    }
});
