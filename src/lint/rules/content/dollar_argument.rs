use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// On Claude Code, reports a `$` followed by a digit in the body (`$1.00` in prose, `$1`
    /// in a shell snippet) that is not escaped as `\$`, unless the skill declares `arguments`
    /// or an `argument-hint` (then `$1` is meant as the first argument).
    ///
    /// ## Why is this bad?
    /// When a skill runs, Claude Code replaces `$N` with its N-th argument, so `$1.00` reaches
    /// Claude as the first argument (often nothing) followed by `.00`, and `awk '{print $1}'`
    /// loses its field. Writing `\$1.00` keeps the dollar sign.
    ///
    /// **Level.** Warning on `claude-code`: the skill loads, but the text the agent reads is not
    /// the text that was written. Off on the other targets, which substitute nothing.
    ///
    /// ## Example
    /// `The plan costs $5 a month.`: write `The plan costs \$5 a month.`
    pub struct DollarArgument {
        code: "SK703",
        name: "dollar-argument",
        group: Content,
        summary: "`$` and a digit, which Claude Code replaces with an argument (`$1.00` reaches Claude as `.00`)",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: Unsafe,
        source: "Claude Code skills documentation (body substitutions)",
    }
}

impl Rule for DollarArgument {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let fm = &cx.skill.frontmatter;
        if fm.get("arguments").is_some() || fm.get("argument-hint").is_some() {
            return;
        }
        let body = cx.skill.body.span;
        let text = body.text(cx.text());
        let bytes = text.as_bytes();
        let found: Vec<Span> = memchr::memchr_iter(b'$', bytes)
            .filter(|&at| bytes.get(at + 1).is_some_and(u8::is_ascii_digit))
            .filter(|&at| at == 0 || !matches!(bytes[at - 1], b'\\' | b'$'))
            .map(|at| {
                let digits =
                    bytes[at + 1..].iter().take_while(|b| b.is_ascii_digit() || **b == b'.' || **b == b',').count();
                let end = at + 1 + digits;
                let end = text[..end].trim_end_matches(['.', ',']).len();
                Span::new(body.start as usize + at, body.start as usize + end)
            })
            .filter(|&span| !cx.skill.body.in_comment(span))
            .collect();
        for span in found {
            let written = span.text(cx.text()).to_string();
            cx.report(span, format!("Claude Code replaces `{written}` with an argument when the skill runs"))
                .help(format!("write `\\{written}` for a literal dollar sign; declare `arguments` if `$N` is meant"))
                .fix(Fix::unsafe_(
                    format!("escape it as `\\{written}`"),
                    vec![Edit { span: Span::empty(span.start as usize), replacement: "\\".to_string() }],
                ));
        }
    }
}
