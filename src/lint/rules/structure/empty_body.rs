use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports a SKILL.md whose body (everything after the frontmatter) holds nothing but
    /// blank lines and HTML comments.
    ///
    /// ## Why is this bad?
    /// The body is what the agent reads once it has chosen the skill: the instructions. A
    /// skill with a description and no body promises help it does not give.
    ///
    /// **Level.** Warning: the skill loads but gives the agent nothing to follow.
    ///
    /// ## Example
    /// A file that ends at its closing `---`: add the instructions below it.
    pub struct EmptyBody {
        code: "SK300",
        name: "empty-body",
        group: Structure,
        summary: "The body after the frontmatter is empty",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Agent Skills specification",
    }
}

/// The text with HTML comments removed.
fn without_comments(mut text: &str) -> String {
    let mut out = String::new();
    while let Some(open) = text.find("<!--") {
        out.push_str(&text[..open]);
        match text[open..].find("-->") {
            Some(close) => text = &text[open + close + 3..],
            None => return out,
        }
    }
    out.push_str(text);
    out
}

impl Rule for EmptyBody {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let skill = cx.skill;
        if !skill.split.has_frontmatter() || skill.source.is_binary() || skill.oversize.is_some() {
            return;
        }
        if !without_comments(skill.body.span.text(cx.text())).trim().is_empty() {
            return;
        }
        let span = skill.split.close.unwrap_or(Span::empty(0));
        cx.report(span, "the skill has no body after its frontmatter")
            .help("write the instructions the agent should follow below the closing `---`");
    }
}
