//! A quick scan of a Markdown file for the little the link rules need from the files SKILL.md
//! references: link destinations (inline links, images, reference definitions) and headings,
//! with fenced code and inline code skipped. It reads each line once and builds no tree, so
//! it costs a fraction of a full parse; SKILL.md itself is always fully modelled.

use super::span::Span;

/// A link destination found by the quick scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickLink {
    /// The destination as written (angle brackets removed).
    pub dest: String,
    /// The destination's bytes in the text.
    pub span: Span,
}

/// An ATX heading found by the quick scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickHeading {
    /// Its level, 1 to 6.
    pub level: u8,
    /// Its text, with the closing `#`s removed.
    pub title: String,
    /// The heading line.
    pub span: Span,
}

/// What the quick scan found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuickDoc {
    /// Link destinations, in order.
    pub links: Vec<QuickLink>,
    /// Headings, in order.
    pub headings: Vec<QuickHeading>,
}

/// Scans `text` for links and headings outside code.
pub fn quick_scan(text: &str) -> QuickDoc {
    let mut doc = QuickDoc::default();
    let mut fence: Option<(u8, usize)> = None;
    let bytes = text.as_bytes();
    // Where the next `](` is: lines before it that open with none of the bytes that start a
    // fence, heading or reference definition hold nothing to find, and are skipped unread.
    let mut next_link = memchr::memmem::find(bytes, b"](").unwrap_or(text.len());
    let mut start = 0;
    while start < text.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
        if next_link < start {
            next_link = memchr::memmem::find(&bytes[start..], b"](").map_or(text.len(), |i| start + i);
        }
        let first = bytes[start..end].iter().find(|&&b| b != b' ' && b != b'\t').copied();
        let plain = |b: u8| b.is_ascii_graphic() && !matches!(b, b'`' | b'~' | b'#' | b'[');
        if next_link >= end && fence.is_none() && first.is_none_or(plain) {
            start = end + 1;
            continue;
        }
        let line = text[start..end].trim_end_matches('\r');
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = &line[indent..];
        if let Some((ch, width)) = fence {
            let run = body.bytes().take_while(|&b| b == ch).count();
            if indent < 4 && run >= width && body[run..].trim().is_empty() {
                fence = None;
            }
        } else if indent < 4
            && let Some(opened) = fence_opening(body)
        {
            fence = Some(opened);
        } else if indent < 4
            && let Some(heading) = heading(body, start, line.len())
        {
            doc.headings.push(heading);
        } else {
            scan_line(line, start, &mut doc.links);
        }
        start = end + 1;
    }
    doc
}

/// `(fence character, width)` when `body` opens a fenced code block.
fn fence_opening(body: &str) -> Option<(u8, usize)> {
    let ch = *body.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let width = body.bytes().take_while(|&b| b == ch).count();
    (width >= 3 && !(ch == b'`' && body[width..].contains('`'))).then_some((ch, width))
}

fn heading(body: &str, line_start: usize, line_len: usize) -> Option<QuickHeading> {
    let level = body.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) || !(body.len() == level || body.as_bytes()[level] == b' ') {
        return None;
    }
    let title = body[level..].trim().trim_end_matches('#').trim_end().to_string();
    Some(QuickHeading { level: level as u8, title, span: Span::new(line_start, line_start + line_len) })
}

/// Finds link destinations on one line: `](dest)` outside inline code, and a reference
/// definition `[label]: dest` opening the line.
fn scan_line(line: &str, line_start: usize, out: &mut Vec<QuickLink>) {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    if trimmed.starts_with('[')
        && let Some(close) = trimmed.find("]:")
        && !trimmed[1..close].contains(']')
    {
        let rest = &trimmed[close + 2..];
        let skip = rest.len() - rest.trim_start().len();
        if let Some((dest, len)) = destination(&rest[skip..]) {
            let at = line_start + lead + close + 2 + skip;
            out.push(QuickLink { dest, span: Span::new(at, at + len) });
        }
        return;
    }
    if memchr::memchr(b']', line.as_bytes()).is_none() {
        return;
    }
    let mut code: Option<Vec<(usize, usize)>> = None;
    let mut from = 0;
    while let Some(found) = line[from..].find("](") {
        let at = from + found;
        from = at + 2;
        if code.get_or_insert_with(|| code_spans(line)).iter().any(|&(a, b)| a <= at && at < b) {
            continue;
        }
        let rest = &line[at + 2..];
        let skip = rest.len() - rest.trim_start().len();
        if let Some((dest, len)) = destination(&rest[skip..]) {
            let start = line_start + at + 2 + skip;
            out.push(QuickLink { dest, span: Span::new(start, start + len) });
        }
    }
}

/// The destination at the start of `rest` and the bytes it takes: `<...>`, or a run without
/// spaces whose parentheses balance.
fn destination(rest: &str) -> Option<(String, usize)> {
    if let Some(inner) = rest.strip_prefix('<') {
        let close = inner.find('>')?;
        return Some((inner[..close].to_string(), close + 2));
    }
    let mut depth = 0i32;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => {
                end = i;
                break;
            }
            ')' => depth -= 1,
            c if c.is_whitespace() => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    (end > 0).then(|| (rest[..end].to_string(), end))
}

/// Byte ranges of inline code on a line: a backtick run up to the next run of equal length.
fn code_spans(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(open) = memchr::memchr(b'`', &bytes[i..]).map(|p| i + p) {
        let width = bytes[open..].iter().take_while(|&&b| b == b'`').count();
        let mut j = open + width;
        let mut closed = None;
        while let Some(next) = memchr::memchr(b'`', &bytes[j..]).map(|p| j + p) {
            let run = bytes[next..].iter().take_while(|&&b| b == b'`').count();
            if run == width {
                closed = Some(next + run);
                break;
            }
            j = next + run;
        }
        match closed {
            Some(end) => {
                spans.push((open, end));
                i = end;
            }
            None => i = open + width,
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dests(text: &str) -> Vec<String> {
        quick_scan(text).links.into_iter().map(|l| l.dest).collect()
    }

    #[test]
    fn finds_inline_reference_and_image_links() {
        let text = "See [a](a.md) and ![i](img/x.png \"t\"), [w](<with space.md>).\n[ref]: refs/b.md\n";
        assert_eq!(dests(text), ["a.md", "img/x.png", "with space.md", "refs/b.md"]);
        let doc = quick_scan(text);
        assert_eq!(doc.links[0].span.text(text), "a.md");
    }

    #[test]
    fn lines_skipped_unread_hold_no_links() {
        // Lines opening with tabs, Unicode spaces or punctuation, and `](` at a line's start
        // or end: the fast skip must not lose any of them.
        let text = "plain\n\t[tab]: t.md\n\u{a0}[nbsp]: n.md\n](start.md) x\nx [e](end.md)\n> [q](quote.md)\n\n   \n- [l](list.md)\n";
        assert_eq!(dests(text), ["t.md", "n.md", "start.md", "end.md", "quote.md", "list.md"]);
    }

    #[test]
    fn skips_code() {
        let text = "```md\n[x](in-fence.md)\n```\n`[y](in-code.md)` and [z](real.md(1))\n~~~~\n[q](q.md)\n~~~\n~~~~\n";
        assert_eq!(dests(text), ["real.md(1)"]);
    }

    #[test]
    fn finds_headings_outside_code() {
        let doc = quick_scan("# Title\n```\n# not\n```\n## Contents ##\n#nope\n");
        let titles: Vec<_> = doc.headings.iter().map(|h| (h.level, h.title.as_str())).collect();
        assert_eq!(titles, [(1, "Title"), (2, "Contents")]);
    }

    #[test]
    fn agrees_with_the_full_parser_on_plain_documents() {
        let text = "# Guide\n\n## Contents\n- [Setup](#setup)\n- [Use](#use)\n\nRead [api](api/ref.md), then ![d](d.png).\n\n| a | b |\n|---|---|\n| [c](c.md) | x |\n";
        let full: Vec<String> = crate::skill::parse_markdown(text).links.into_iter().map(|l| l.dest).collect();
        assert_eq!(dests(text), full);
    }
}
