use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::scan::{BodySize, body_lines, body_size};
use crate::lint::{Checker, Level};
use crate::skill::Span;
use crate::text::TokenCounts;

declare_rule! {
    /// ## What it does
    /// Reports a body over 500 lines (option `max-lines`) or over about 5,000 tokens (option
    /// `max-tokens`), at the first line past the limit. Tokens are estimated as the body's
    /// characters divided by 4, rounded up: the usual rule of thumb for English prose (code
    /// and non-Latin scripts take more tokens per character, so treat the figure as a floor).
    /// `skillsmith outline` shows the same figures.
    ///
    /// ## Why is this bad?
    /// The whole body enters the context window when the skill is loaded. The specification
    /// asks for under 500 lines and about 5,000 tokens; move details into `references/`
    /// files that the agent reads only when needed.
    ///
    /// **Level.** Warning: the skill loads, but a long body crowds the context and the agent reads it less
    /// well.
    ///
    /// ## Example
    /// A 900-line SKILL.md with a full API reference: keep the workflow in SKILL.md and link
    /// `references/api.md`.
    pub struct BodyTooLong {
        code: "SK301",
        name: "body-too-long",
        group: Structure,
        summary: "The body is over 500 lines or about 5,000 tokens",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Agent Skills specification; Anthropic skill authoring best practices",
    }
}

impl Rule for BodyTooLong {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let skill = cx.skill;
        let (max_lines, max_tokens) = (cx.settings.options.max_lines, cx.settings.options.max_tokens);
        let BodySize { lines: line_count, tokens } = body_size(skill);
        if line_count <= max_lines && tokens <= max_tokens {
            return;
        }
        let lines: Vec<(u32, Span)> = body_lines(skill).collect();
        let mut counts = TokenCounts::default();
        let mut token_cross = None;
        for &(line, span) in &lines {
            counts.add(span.text(cx.text()));
            counts.other += 1;
            if counts.tokens() > max_tokens {
                token_cross = Some((line, span));
                break;
            }
        }
        let line_cross = lines.get(max_lines).copied();
        let at = match (line_cross, token_cross) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or((0, skill.body.span)),
        };
        let mut over = Vec::new();
        if line_count > max_lines {
            over.push(format!("{line_count} lines (limit {max_lines})"));
        }
        if tokens > max_tokens {
            over.push(format!("about {tokens} tokens (limit {max_tokens})"));
        }
        cx.report(at.1, format!("the body is {}; the limit is passed here", over.join(" and ")))
            .help("move details the agent needs only sometimes into `references/` files and link them from SKILL.md");
    }
}
