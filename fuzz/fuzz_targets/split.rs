//! The frontmatter splitter on arbitrary text: spans in order, inside the text, and the YAML
//! and body never overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillsmith::skill::split;

fuzz_target!(|text: &str| {
    let s = split(text);
    assert!(s.yaml.end as usize <= text.len() && s.body.end as usize == text.len());
    assert!(text.is_char_boundary(s.yaml.start as usize) && text.is_char_boundary(s.body.start as usize));
    if s.has_frontmatter() {
        let (open, close) = (s.open.unwrap(), s.close.unwrap());
        assert_eq!(open.text(text), "---");
        assert_eq!(close.text(text), "---");
        assert!(open.end <= s.yaml.start && s.yaml.end <= close.start && close.end <= s.body.start);
    }
});
