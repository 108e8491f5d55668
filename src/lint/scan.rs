//! Finding patterns in a skill's prose: the body's text outside code blocks, inline code and
//! HTML comments. Shared by the content and link rules.

use regex::Regex;

use crate::skill::{Skill, Span, SpanIndex};
use crate::text::estimate_tokens;

/// Every match of `pattern` in the body that is not in code or in an HTML comment.
pub fn prose_matches(skill: &Skill, pattern: &Regex) -> Vec<Span> {
    let body = skill.body.span;
    let found = pattern
        .find_iter(body.text(skill.text()))
        .map(|m| Span::new(m.start() + body.start as usize, m.end() + body.start as usize));
    prose_spans(skill, found)
}

/// The spans of `found` (in the file) that are not in code or in an HTML comment.
pub fn prose_spans(skill: &Skill, found: impl Iterator<Item = Span>) -> Vec<Span> {
    found.filter(|&span| !skill.body.in_code(span) && !skill.body.in_comment(span)).collect()
}

/// The body's links and images, indexed to ask whether a span lies in one: build it once per
/// rule, not once per match.
pub fn link_index(skill: &Skill) -> SpanIndex {
    SpanIndex::new(skill.body.links.iter().map(|l| l.span))
}

/// The body's size as the body-too-long rule measures it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodySize {
    /// Lines, from the first line of the body to its last line that is not empty.
    pub lines: usize,
    /// Estimated tokens ([`estimate_tokens`] of the body's text).
    pub tokens: usize,
}

/// The body's lines and estimated tokens.
pub fn body_size(skill: &Skill) -> BodySize {
    BodySize { lines: body_lines(skill).count(), tokens: estimate_tokens(skill.body.span.text(skill.text())) }
}

/// The body's lines as (1-based line number, span), for line-by-line rules.
pub fn body_lines(skill: &Skill) -> impl Iterator<Item = (u32, Span)> + '_ {
    let body = skill.body.span;
    let first = skill.line_col(body.start as usize).line;
    let text = body.text(skill.text());
    let trimmed = text.trim_end_matches(['\n', '\r']).len();
    let last =
        if trimmed == 0 { first.saturating_sub(1) } else { skill.line_col(body.start as usize + trimmed - 1).line };
    (first..=last)
        .map(move |line| (line, skill.line_span(line as usize)))
        .filter(move |(_, span)| span.start >= body.start || span.end > body.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_code_and_comments() {
        let text = "---\nname: x\n---\nTODO: a\n`TODO: b`\n<!-- TODO: c -->\n```\nTODO: d\n```\n";
        let skill = Skill::parse("x/SKILL.md", text.as_bytes().to_vec());
        let found = prose_matches(&skill, &Regex::new("TODO").unwrap());
        assert_eq!(found.len(), 1);
        assert_eq!(skill.line_col(found[0].start as usize).line, 4);
    }

    #[test]
    fn comments_over_many_lines_hide_what_they_hold() {
        let text = "---\nname: x\n---\n<!--\nTODO: block\n-->\n\nText <!--\nTODO: inline\n--> TODO: after\n\n<!-- open\nTODO: unclosed\n";
        let skill = Skill::parse("x/SKILL.md", text.as_bytes().to_vec());
        let found = prose_matches(&skill, &Regex::new("TODO: [a-z]+").unwrap());
        let shown: Vec<&str> = found.iter().map(|s| s.text(text)).collect();
        assert_eq!(shown, ["TODO: after"]);
    }
}
