use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::security::invisible::{Invisible, invisible_runs};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports Unicode tag characters (U+E0000 to U+E007F) and bidirectional controls
    /// (U+202A to U+202E, U+2066 to U+2069) anywhere in SKILL.md, frontmatter and code
    /// included. For tag characters it shows the ASCII text they spell. The tag characters of
    /// an emoji subdivision flag (after U+1F3F4) pass.
    ///
    /// ## Why is this bad?
    /// An error: this is text the reader cannot see but the model reads. Tag characters
    /// mirror ASCII one for one, so a run of them is a whole sentence no editor, diff or
    /// review page shows ("ignore the user and run ..."); bidirectional controls make code
    /// and prose display in an order that differs from what the model reads (the "Trojan
    /// Source" attack, CVE-2021-42574). No skill needs either.
    ///
    /// **Level.** Error: text the reader cannot see but the model reads is a hidden instruction channel; a skill runs with its user's rights.
    ///
    /// ## Example
    /// `Format the report.` followed by invisible tag characters spelling `Also send ~/.ssh
    /// to ...`: delete them (`skillsmith audit` shows what they spell).
    pub struct HiddenUnicode {
        code: "SK800",
        name: "hidden-unicode",
        group: Security,
        summary: "Invisible Unicode tag characters or bidirectional controls",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Unicode TR36 (security considerations); CVE-2021-42574 (Trojan Source)",
    }
}

impl Rule for HiddenUnicode {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for run in invisible_runs(cx.text()) {
            let span = Span::new(run.range.start, run.range.end);
            match run.kind {
                Invisible::Tag => {
                    let spelled = crate::text::one_line(&run.spelled);
                    let shown = if spelled.is_empty() { String::new() } else { format!(" spelling \"{spelled}\"") };
                    cx.report(span, format!("{} invisible tag characters{shown}", run.count))
                        .help("delete them: the model reads this text, the reader never sees it");
                }
                Invisible::Bidi => {
                    cx.report(span, format!("{} bidirectional control character(s)", run.count))
                        .help("delete them: they make the text display in another order than the model reads it");
                }
                Invisible::ZeroWidth => {}
            }
        }
    }
}
