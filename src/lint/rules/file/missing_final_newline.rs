use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports a non-empty file whose last line has no line break.
    ///
    /// ## Why is this bad?
    /// Tools that append to or concatenate files join the last line with whatever comes next,
    /// and diffs show a "no newline at end of file" change on every edit. The safe fix adds
    /// one line break, in the file's own style (`\n` or `\r\n`).
    ///
    /// **Level.** Info: true but harmless; every target reads the file the same with or without the final
    /// line break.
    ///
    /// ## Example
    /// A file ending in `Run the tests.` with no line break after it.
    pub struct MissingFinalNewline {
        code: "SK011",
        name: "missing-final-newline",
        group: File,
        summary: "The file does not end with a line break",
        levels: Levels::all(Level::Info),
        fixable: Safe,
        source: "POSIX text file convention",
    }
}

impl Rule for MissingFinalNewline {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        if text.is_empty() || text.ends_with(['\n', '\r']) || cx.skill.source.is_binary() || cx.skill.oversize.is_some()
        {
            return;
        }
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let last_line = cx.skill.lines.line_count();
        let at = Span::empty(text.len());
        cx.report(cx.skill.line_span(last_line), "the file does not end with a line break")
            .help("end the last line with a line break")
            .fix(Fix::safe("add a final line break", vec![Edit { span: at, replacement: newline.into() }]));
    }
}
