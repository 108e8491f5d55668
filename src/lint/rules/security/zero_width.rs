use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::security::invisible::{Invisible, invisible_runs};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF after the first
    /// character, U+180E) in prose: the frontmatter and the body outside code. Joiners inside
    /// emoji sequences and between letters of scripts that use them (Persian, Indic) pass.
    /// The safe fix deletes them.
    ///
    /// ## Why is this bad?
    /// A warning: the skill loads and reads the same to a person, but a word with a
    /// zero-width space in it is another word to the model and to search (`de\u200Bploy` is
    /// not `deploy`), which can slip a trigger word or a command past a reviewer. They are
    /// usually pasted in by accident; in code they may be deliberate, so only prose is fixed.
    ///
    /// **Level.** Warning: the skill loads and works, but invisible characters hide text from its reviewer.
    ///
    /// ## Example
    /// `Use when the user asks to de<U+200B>ploy`: `skillsmith lint --fix` removes the
    /// character.
    pub struct ZeroWidth {
        code: "SK801",
        name: "zero-width-character",
        group: Security,
        summary: "A zero-width character in prose",
        levels: Levels::all(Level::Warning),
        fixable: Safe,
        source: "Unicode TR36 (security considerations)",
    }
}

impl Rule for ZeroWidth {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for run in invisible_runs(cx.text()) {
            let span = Span::new(run.range.start, run.range.end);
            if run.kind != Invisible::ZeroWidth || cx.skill.body.in_code(span) {
                continue;
            }
            cx.report(span, format!("{} zero-width character(s) in prose", run.count))
                .help("delete them: they split words for the model but not for the reader")
                .fix(Fix::safe("delete the zero-width characters", vec![Edit { span, replacement: String::new() }]));
        }
    }
}
