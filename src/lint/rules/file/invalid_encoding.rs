use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::{DecodeIssue, Span};

declare_rule! {
    /// ## What it does
    /// Reports a SKILL.md that is not UTF-8: bytes that are not valid UTF-8 (located at the
    /// first bad byte), a UTF-16 file, or a binary file (one holding a NUL byte).
    ///
    /// ## Why is this bad?
    /// Claude Code reads skills as UTF-8. Invalid bytes become replacement characters in
    /// what the model sees, a UTF-16 file reads as noise, and a binary file is not a skill.
    /// What can still be read is linted; fixes are not applied to such a file.
    ///
    /// **Level.** Error on every target: text that is not UTF-8 is not read as the skill its author wrote.
    ///
    /// ## Example
    /// A file saved as UTF-16 by an editor on Windows:
    /// ```text
    /// error[SK001]: the file is UTF-16 (little-endian); save it as UTF-8
    /// ```
    pub struct InvalidEncoding {
        code: "SK001",
        name: "invalid-encoding",
        group: File,
        summary: "The file is not UTF-8 text",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Agent Skills specification",
    }
}

impl Rule for InvalidEncoding {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for issue in &cx.skill.source.issues {
            match *issue {
                DecodeIssue::Bom => {}
                DecodeIssue::Utf16 { big_endian } => {
                    let order = if big_endian { "big-endian" } else { "little-endian" };
                    cx.report(Span::empty(0), format!("the file is UTF-16 ({order}); save it as UTF-8"))
                        .help("Claude Code reads SKILL.md as UTF-8; re-save the file with UTF-8 encoding");
                }
                DecodeIssue::InvalidUtf8 { offset, count } => {
                    let runs = if count == 1 { "1 place".to_string() } else { format!("{count} places") };
                    cx.report(
                        Span::new(offset, offset + char::REPLACEMENT_CHARACTER.len_utf8()),
                        format!("bytes that are not UTF-8, in {runs} (the first is here)"),
                    )
                    .help("re-save the file as UTF-8; the bad bytes are shown as U+FFFD");
                }
                DecodeIssue::Binary { offset, encoding: Some(encoding) } => {
                    cx.report(Span::empty(offset), format!("the file is {encoding}, not UTF-8; save it as UTF-8"))
                        .help("Claude Code reads SKILL.md as UTF-8; re-save the file with UTF-8 encoding");
                }
                DecodeIssue::Binary { offset, encoding: None } => {
                    cx.report(Span::empty(offset), "the file is binary (it holds a NUL byte); it is not a skill")
                        .help("a SKILL.md must be UTF-8 text");
                }
            }
        }
    }
}
