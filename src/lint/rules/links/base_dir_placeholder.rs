use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports `{baseDir}` in the body, wherever it is written (prose, code, links).
    ///
    /// ## Why is this bad?
    /// `{baseDir}` is not a substitution in Claude Code: it reaches the agent as the literal
    /// text `{baseDir}`, so `python {baseDir}/scripts/run.py` runs nothing. Claude Code
    /// replaces `${CLAUDE_SKILL_DIR}` with the skill's folder; the unsafe fix writes that.
    ///
    /// **Level.** Warning: the skill loads, but every command or path built on `{baseDir}`
    /// leaves the agent to guess where the skill lies.
    ///
    /// ## Example
    /// `python {baseDir}/scripts/fill.py`: write `python ${CLAUDE_SKILL_DIR}/scripts/fill.py`.
    pub struct BaseDirPlaceholder {
        code: "SK407",
        name: "base-dir-placeholder",
        group: Links,
        summary: "`{baseDir}`, which Claude Code does not substitute (write `${CLAUDE_SKILL_DIR}`)",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: Unsafe,
        source: "Claude Code skills documentation (body substitutions)",
    }
}

/// What is written, and what Claude Code substitutes instead.
const WRITTEN: &str = "{baseDir}";
const SUBSTITUTED: &str = "${CLAUDE_SKILL_DIR}";

impl Rule for BaseDirPlaceholder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let body = cx.skill.body.span;
        let text = body.text(cx.text());
        let found: Vec<Span> = memchr::memmem::find_iter(text.as_bytes(), WRITTEN)
            .filter(|&at| !text[..at].ends_with('$'))
            .map(|at| Span::new(body.start as usize + at, body.start as usize + at + WRITTEN.len()))
            .collect();
        for span in found {
            cx.report(span, format!("`{WRITTEN}` is not substituted by Claude Code; write `{SUBSTITUTED}`"))
                .help(format!("`{SUBSTITUTED}` is replaced by the skill's folder when the skill runs"))
                .fix(Fix::unsafe_(
                    format!("write `{SUBSTITUTED}`"),
                    vec![Edit { span, replacement: SUBSTITUTED.to_string() }],
                ));
        }
    }
}
