use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports XML-style tags in the body that do not balance: an opening tag never closed
    /// (`<example>` with no `</example>`) or a closing tag that closes nothing. Only tags that
    /// are used as sections count: a name that is closed somewhere in the body, or an opening
    /// tag alone on its line; a placeholder in a sentence (`replace <name> with ...`) is left
    /// alone, and so are code, comments, self-closing tags, HTML void elements (`<br>`) and
    /// tags whose closing is optional in HTML (`<p>`, `<li>`).
    ///
    /// ## Why is this bad?
    /// A warning: Anthropic's prompting guidance uses XML tags to mark where examples,
    /// instructions and data begin and end; an unclosed `<example>` tells the model that
    /// everything after it, the real instructions included, is part of the example.
    ///
    /// **Level.** Warning: the skill loads, but an unclosed tag makes the model read the rest of the body as inside it, so the agent is served worse.
    ///
    /// ## Example
    /// ```text
    /// <example>
    /// Input: a CSV file
    /// ## Steps
    /// ```
    /// Close it with `</example>` before `## Steps`.
    pub struct UnbalancedTag {
        code: "SK308",
        name: "unbalanced-tag",
        group: Structure,
        summary: "An XML-style tag in the body is never closed, or closes nothing",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Anthropic prompt engineering guide (use XML tags to structure prompts)",
    }
}

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9_.:-]*)(?:\s[^<>]*)?(/?)>").expect("valid pattern"));

/// HTML elements that never close, and those whose closing tag HTML makes optional.
const NEVER_CLOSED: &[&str] = &[
    "br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "source", "track", "param", "p",
    "li", "td", "tr", "th", "dt", "dd", "option", "thead", "tbody",
];

/// The body's lines outside fenced code, as the model reads the raw text (a fence inside an
/// HTML block still fences), with inline code blanked out; each with its offset in the file.
fn prose_lines(cx: &Checker<'_>) -> Vec<(String, usize)> {
    let text = cx.text();
    let body = cx.skill.body.span;
    let mut out = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut offset = body.start as usize;
    for raw in text[body.range()].split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        if let Some(c) = marker {
            let run = trimmed.chars().take_while(|x| *x == c).count();
            if run >= 3 {
                match fence {
                    None => fence = Some((c, run)),
                    Some((open, len)) if open == c && run >= len && trimmed[run..].trim().is_empty() => fence = None,
                    Some(_) => {}
                }
                continue;
            }
        }
        if fence.is_some() {
            continue;
        }
        out.push((blank_inline_code(line), start));
    }
    out
}

/// `line` with every inline code span (backticks included) replaced by spaces, so offsets stay.
fn blank_inline_code(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
            out.push(' ');
        } else if in_code {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

struct Tag {
    span: Span,
    name: String,
    closing: bool,
    alone: bool,
}

impl Rule for UnbalancedTag {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let mut tags = Vec::new();
        for (line, start) in prose_lines(cx) {
            for caps in TAG.captures_iter(&line) {
                let whole = caps.get(0).expect("match");
                let span = Span::new(start + whole.start(), start + whole.end());
                let name = caps[2].to_string();
                let self_closing = !caps[3].is_empty();
                if self_closing
                    || NEVER_CLOSED.contains(&name.to_ascii_lowercase().as_str())
                    || cx.skill.body.in_comment(span)
                {
                    continue;
                }
                let alone = line.trim() == whole.as_str();
                tags.push(Tag { span, name, closing: !caps[1].is_empty(), alone });
            }
        }
        let closed: Vec<&str> = tags.iter().filter(|t| t.closing).map(|t| t.name.as_str()).collect();
        let mut open: Vec<&Tag> = Vec::new();
        let mut unmatched: Vec<(&Tag, bool)> = Vec::new();
        for tag in &tags {
            if !tag.closing {
                if tag.alone || closed.contains(&tag.name.as_str()) {
                    open.push(tag);
                }
                continue;
            }
            match open.iter().rposition(|o| o.name == tag.name) {
                Some(index) => {
                    unmatched.extend(open.drain(index..).skip(1).map(|o| (o, true)));
                }
                None => unmatched.push((tag, false)),
            }
        }
        unmatched.extend(open.into_iter().map(|o| (o, true)));
        unmatched.sort_by_key(|(t, _)| t.span.start);
        for (tag, opening) in unmatched {
            if opening {
                cx.report(tag.span, format!("`<{}>` is never closed", tag.name))
                    .help(format!("add `</{}>` where the section ends", tag.name));
            } else {
                cx.report(tag.span, format!("`</{}>` closes nothing", tag.name))
                    .help(format!("add the opening `<{}>`, or delete this line", tag.name));
            }
        }
    }
}
