//! The Markdown body of a skill: sections, tables, lists, links, code blocks, paragraphs and
//! HTML comments, each with its byte span in the whole file.

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::span::Span;

/// A heading and everything under it up to the next heading of the same or a higher level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Heading level, 1 to 6.
    pub level: u8,
    /// The heading's text, inline markup removed.
    pub title: String,
    /// The heading line(s).
    pub heading: Span,
    /// From the heading to the end of the section.
    pub span: Span,
    /// Index of the enclosing section in [`Body::sections`].
    pub parent: Option<usize>,
    /// Indices of the direct subsections.
    pub children: Vec<usize>,
}

/// A cell of a table, with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The cell's text, inline markup removed, trimmed.
    pub text: String,
    /// Where the cell is.
    pub span: Span,
}

/// A table row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The row's line.
    pub span: Span,
    /// Cells as the Markdown parser gives them (padded or cut to the header's count).
    pub cells: Vec<Cell>,
    /// How many cells the row has as written in the source.
    pub written_cells: usize,
}

/// A GFM table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The whole table.
    pub span: Span,
    /// The header row.
    pub header: Row,
    /// The data rows.
    pub rows: Vec<Row>,
    /// Innermost section holding the table.
    pub section: Option<usize>,
}

/// An item of a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListItem {
    /// The item, nested lists included.
    pub span: Span,
    /// The item's own text (not its nested lists'), inline markup removed.
    pub text: String,
    /// `Some(checked)` for a task item (`- [ ]`, `- [x]`).
    pub task: Option<bool>,
}

/// A list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct List {
    /// The whole list.
    pub span: Span,
    /// True for a numbered list.
    pub ordered: bool,
    /// Nesting depth: 0 for a top-level list.
    pub depth: usize,
    /// Its items.
    pub items: Vec<ListItem>,
    /// Innermost section holding the list.
    pub section: Option<usize>,
}

/// Whether a link is a link or an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// `[text](dest)` and its reference forms.
    Link,
    /// `![alt](dest)`.
    Image,
    /// `<https://...>` or a bare e-mail autolink.
    Autolink,
}

/// A link or image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Link, image or autolink.
    pub kind: LinkKind,
    /// The destination as written (after reference resolution).
    pub dest: String,
    /// The link text or image alt text.
    pub text: String,
    /// The whole link.
    pub span: Span,
    /// Innermost section holding the link.
    pub section: Option<usize>,
}

/// A code block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeBlock {
    /// The info string's first word, if any.
    pub lang: Option<String>,
    /// True for a fenced block, false for an indented one.
    pub fenced: bool,
    /// False when a fenced block runs to the end of the file without its closing fence.
    pub closed: bool,
    /// The whole block, fences included.
    pub span: Span,
    /// Innermost section holding the block.
    pub section: Option<usize>,
}

/// A paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Where it is.
    pub span: Span,
    /// Its text, inline markup removed.
    pub text: String,
    /// The text of a bold run that opens the paragraph (`**Do not use for**:`), if any.
    pub lead: Option<String>,
    /// Innermost section holding the paragraph.
    pub section: Option<usize>,
}

/// A piece of HTML in the body (block or inline), such as a comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Html {
    /// Where it is.
    pub span: Span,
}

/// The Markdown body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Body {
    /// The body's bytes in the file.
    pub span: Span,
    /// Every section, in document order.
    pub sections: Vec<Section>,
    /// Every table.
    pub tables: Vec<Table>,
    /// Every list, nested ones included, in the order they start.
    pub lists: Vec<List>,
    /// Every link and image.
    pub links: Vec<Link>,
    /// Every code block.
    pub code_blocks: Vec<CodeBlock>,
    /// Every paragraph (those inside list items and quotes included).
    pub paragraphs: Vec<Paragraph>,
    /// Every HTML block and inline HTML run.
    pub html: Vec<Html>,
    /// Every inline code span.
    pub inline_code: Vec<Span>,
    /// Every HTML comment, from its `<!--` (in an HTML block or inline HTML) to the end of
    /// its `-->`, or to the end of the body when it is never closed; in document order.
    pub comments: Vec<Span>,
}

impl Body {
    /// Top-level sections (those without a parent).
    pub fn roots(&self) -> impl Iterator<Item = (usize, &Section)> {
        self.sections.iter().enumerate().filter(|(_, s)| s.parent.is_none())
    }

    /// The innermost section holding byte `offset`.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.sections.iter().rposition(|s| s.span.contains(offset) || s.heading.contains(offset))
    }

    /// True when `span` lies inside a code block or an inline code span.
    pub fn in_code(&self, span: Span) -> bool {
        self.in_code_block(span) || within(&self.inline_code, span, |s| *s)
    }

    /// True when `span` lies inside a fenced or indented code block.
    pub fn in_code_block(&self, span: Span) -> bool {
        within(&self.code_blocks, span, |b| b.span)
    }

    /// True when `span` lies inside an HTML comment.
    pub fn in_comment(&self, span: Span) -> bool {
        within(&self.comments, span, |c| *c)
    }

    /// True when `span` lies on a heading line.
    pub fn on_heading(&self, span: Span) -> bool {
        within(&self.sections, span, |s| s.heading)
    }

    /// The section and all its subsections' indices, depth first.
    pub fn subtree(&self, index: usize) -> Vec<usize> {
        let mut out = vec![index];
        let mut i = 0;
        while i < out.len() {
            out.extend(self.sections[out[i]].children.iter().copied());
            i += 1;
        }
        out
    }
}

/// True when `span` lies inside the span of one of `items`, whose spans come in document
/// order and never overlap: a binary search, not a scan, so rules may ask it for every match.
fn within<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> bool {
    let after = items.partition_point(|item| span_of(item).start <= span.start);
    after > 0 && span.end <= span_of(&items[after - 1]).end
}

/// Parses the body, which is `text[span]`, keeping offsets in the whole file.
pub fn parse(text: &str, span: Span) -> Body {
    let mut builder = Builder::new(text, span);
    let source = span.text(text);
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        let at = Span::new(range.start + span.start as usize, range.end + span.start as usize);
        builder.event(event, at);
    }
    builder.finish()
}

/// Something open while walking the events.
enum Frame {
    Heading { level: u8, start: usize, text: String },
    Paragraph { start: usize, text: String, lead: Option<String> },
    Cell { start: usize, text: String },
    Row { start: usize, cells: Vec<Cell> },
    Table { start: usize, header: Option<Row>, rows: Vec<Row>, section: Option<usize> },
    List { index: usize },
    Item { start: usize, text: String, task: Option<bool> },
    Link { kind: LinkKind, dest: String, start: usize, text: String },
    Strong { start_len: Option<usize> },
    Code { index: usize },
    Other,
}

struct Builder<'a> {
    text: &'a str,
    body: Body,
    stack: Vec<Frame>,
    open_sections: Vec<usize>,
    list_depth: usize,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, span: Span) -> Self {
        Builder {
            text,
            body: Body { span, ..Body::default() },
            stack: Vec::new(),
            open_sections: Vec::new(),
            list_depth: 0,
        }
    }

    fn section(&self) -> Option<usize> {
        self.open_sections.last().copied()
    }

    fn event(&mut self, event: Event<'_>, at: Span) {
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(tag, at),
            Event::Text(t) => self.push_text(&t),
            Event::Code(t) => {
                self.body.inline_code.push(at);
                self.push_text(&t);
            }
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::Html(_) | Event::InlineHtml(_) => self.body.html.push(Html { span: at }),
            Event::TaskListMarker(checked) => {
                if let Some(Frame::Item { task, .. }) =
                    self.stack.iter_mut().rev().find(|f| matches!(f, Frame::Item { .. }))
                {
                    *task = Some(checked);
                }
            }
            _ => {}
        }
    }

    /// Appends text to every open text holder up to the nearest list boundary, so an item's
    /// text excludes its nested lists.
    fn push_text(&mut self, piece: &str) {
        for frame in self.stack.iter_mut().rev() {
            match frame {
                Frame::Heading { text, .. }
                | Frame::Paragraph { text, .. }
                | Frame::Cell { text, .. }
                | Frame::Item { text, .. }
                | Frame::Link { text, .. } => text.push_str(piece),
                Frame::List { .. } => break,
                _ => {}
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, at: Span) {
        let start = at.start as usize;
        let frame = match tag {
            Tag::Heading { level, .. } => {
                let level = level as u8;
                self.close_sections(level, start);
                Frame::Heading { level, start, text: String::new() }
            }
            Tag::Paragraph => Frame::Paragraph { start, text: String::new(), lead: None },
            Tag::Table(_) => Frame::Table { start, header: None, rows: Vec::new(), section: self.section() },
            Tag::TableHead | Tag::TableRow => Frame::Row { start, cells: Vec::new() },
            Tag::TableCell => Frame::Cell { start, text: String::new() },
            Tag::List(first) => {
                let index = self.body.lists.len();
                self.body.lists.push(List {
                    span: at,
                    ordered: first.is_some(),
                    depth: self.list_depth,
                    items: Vec::new(),
                    section: self.section(),
                });
                self.list_depth += 1;
                Frame::List { index }
            }
            Tag::Item => Frame::Item { start, text: String::new(), task: None },
            Tag::Link { link_type, dest_url, .. } => {
                let kind = if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    LinkKind::Autolink
                } else {
                    LinkKind::Link
                };
                Frame::Link { kind, dest: dest_url.into_string(), start, text: String::new() }
            }
            Tag::Image { dest_url, .. } => {
                Frame::Link { kind: LinkKind::Image, dest: dest_url.into_string(), start, text: String::new() }
            }
            Tag::Strong => {
                let start_len = match self.stack.last() {
                    Some(Frame::Paragraph { text, .. }) if text.trim().is_empty() => Some(text.len()),
                    _ => None,
                };
                Frame::Strong { start_len }
            }
            Tag::CodeBlock(kind) => {
                let (fenced, lang) = match kind {
                    CodeBlockKind::Fenced(info) => {
                        let lang = info.split_whitespace().next().map(str::to_string);
                        (true, lang)
                    }
                    CodeBlockKind::Indented => (false, None),
                };
                let index = self.body.code_blocks.len();
                self.body.code_blocks.push(CodeBlock { lang, fenced, closed: true, span: at, section: self.section() });
                Frame::Code { index }
            }
            _ => Frame::Other,
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd, at: Span) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let end = at.end as usize;
        match frame {
            Frame::Heading { level, start, text } => {
                let parent = self.open_sections.last().copied();
                let index = self.body.sections.len();
                let heading = trim_span(self.text, Span::new(start, end));
                self.body.sections.push(Section {
                    level,
                    title: text.trim().to_string(),
                    heading,
                    span: Span::new(start, self.body.span.end as usize),
                    parent,
                    children: Vec::new(),
                });
                if let Some(parent) = parent {
                    self.body.sections[parent].children.push(index);
                }
                self.open_sections.push(index);
            }
            Frame::Paragraph { start, text, lead, .. } => self.body.paragraphs.push(Paragraph {
                span: Span::new(start, end),
                text,
                lead,
                section: self.section(),
            }),
            Frame::Cell { start, text } => {
                if let Some(Frame::Row { cells, .. }) = self.stack.last_mut() {
                    cells.push(Cell { text: text.trim().to_string(), span: Span::new(start, end) });
                }
            }
            Frame::Row { start, cells } => {
                let span = trim_span(self.text, Span::new(start, end));
                let written_cells = count_written_cells(span.text(self.text));
                let row = Row { span, cells, written_cells };
                if let Some(Frame::Table { header, rows, .. }) = self.stack.last_mut() {
                    if matches!(tag, TagEnd::TableHead) {
                        *header = Some(row);
                    } else {
                        rows.push(row);
                    }
                }
            }
            Frame::Table { start, header, rows, section } => {
                if let Some(header) = header {
                    self.body.tables.push(Table { span: Span::new(start, end), header, rows, section });
                }
            }
            Frame::List { index } => {
                self.list_depth -= 1;
                self.body.lists[index].span = Span::new(self.body.lists[index].span.start as usize, end);
            }
            Frame::Item { start, text, task } => {
                let index = self.stack.iter().rev().find_map(|f| match f {
                    Frame::List { index } => Some(*index),
                    _ => None,
                });
                if let Some(index) = index {
                    self.body.lists[index].items.push(ListItem {
                        span: trim_span(self.text, Span::new(start, end)),
                        text: text.trim().to_string(),
                        task,
                    });
                }
            }
            Frame::Link { kind, dest, start, text } => {
                let section = self.section();
                self.body.links.push(Link { kind, dest, text, span: Span::new(start, end), section });
            }
            Frame::Strong { start_len: Some(from) } => {
                if let Some(Frame::Paragraph { text, lead, .. }) = self.stack.last_mut()
                    && lead.is_none()
                {
                    *lead = Some(text[from..].trim().to_string());
                }
            }
            Frame::Code { index } => {
                let block = &mut self.body.code_blocks[index];
                block.span = trim_span(self.text, Span::new(block.span.start as usize, end));
                if block.fenced {
                    block.closed = fence_is_closed(block.span.text(self.text));
                }
            }
            Frame::Strong { start_len: None } | Frame::Other => {}
        }
    }

    /// Closes every open section of `level` or deeper, ending it at `at`.
    fn close_sections(&mut self, level: u8, at: usize) {
        while let Some(&open) = self.open_sections.last() {
            if self.body.sections[open].level < level {
                break;
            }
            let start = self.body.sections[open].span.start as usize;
            self.body.sections[open].span = Span::new(start, at);
            self.open_sections.pop();
        }
    }

    fn finish(mut self) -> Body {
        let end = self.body.span.end as usize;
        self.close_sections(0, end);
        for section in &mut self.body.sections {
            section.span = trim_span(self.text, section.span);
        }
        self.body.comments = comments(self.text, &self.body.html, end);
        self.body
    }
}

/// The HTML comments opened in the `html` runs of `text` (in document order), each up to the
/// end of its `-->` wherever that is, or to `end`. A comment may run over many HTML runs: an
/// HTML block reaches the parser line by line.
fn comments(text: &str, html: &[Html], end: usize) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut searched_to = 0;
    for run in html {
        let mut from = (run.span.start as usize).max(searched_to);
        while from < run.span.end as usize {
            let Some(open) = text[from..run.span.end as usize].find("<!--").map(|i| from + i) else { break };
            // `<!-->` and `<!--->` are whole comments too.
            let close = text[open + 2..end].find("-->").map_or(end, |i| open + 2 + i + 3);
            out.push(Span::new(open, close));
            from = close;
        }
        searched_to = from;
    }
    out
}

/// `span` without trailing line breaks and spaces.
fn trim_span(text: &str, span: Span) -> Span {
    let slice = span.text(text);
    let trimmed = slice.trim_end_matches([' ', '\t', '\n', '\r']);
    Span::new(span.start as usize, span.start as usize + trimmed.len())
}

/// Counts a table row's cells as written: unescaped pipes separate cells; a leading and a
/// trailing pipe are optional.
pub fn count_written_cells(line: &str) -> usize {
    let line = line.trim();
    let body = line.strip_prefix('|').unwrap_or(line);
    let bytes = body.as_bytes();
    let mut pipes = 0;
    let mut last_pipe = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'|' => {
                pipes += 1;
                last_pipe = Some(i);
            }
            _ => {}
        }
        i += 1;
    }
    let trailing = last_pipe.is_some_and(|p| body[p + 1..].trim().is_empty());
    if body.trim().is_empty() {
        return usize::from(!line.is_empty() && line != "|");
    }
    pipes + 1 - usize::from(trailing)
}

/// True when a fenced block's text ends with a fence that closes its opening one.
fn fence_is_closed(block: &str) -> bool {
    // Inside a block quote every line carries `>` markers; they are not part of the fence.
    let unquote = |line: &'_ str| -> String { line.trim_start().trim_start_matches(['>', ' ', '\t']).to_string() };
    let mut lines = block.lines();
    let Some(first) = lines.next() else {
        return false;
    };
    let open = unquote(first);
    let Some(ch) = open.chars().next() else {
        return false;
    };
    let width = open.chars().take_while(|&c| c == ch).count();
    let Some(last) = lines.last() else {
        return false;
    };
    let last = unquote(last);
    let last = last.trim();
    last.len() >= width && last.chars().all(|c| c == ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Body {
        parse(text, Span::new(0, text.len()))
    }

    #[test]
    fn builds_the_section_tree() {
        let text = "# A\nintro\n## B\nb\n### C\nc\n## D\nd\n# E\n";
        let b = body(text);
        let titles: Vec<_> = b.sections.iter().map(|s| (s.title.as_str(), s.parent)).collect();
        assert_eq!(titles, [("A", None), ("B", Some(0)), ("C", Some(1)), ("D", Some(0)), ("E", None)]);
        assert_eq!(b.sections[0].children, [1, 3]);
        assert_eq!(b.sections[1].span.text(text), "## B\nb\n### C\nc");
        assert_eq!(b.sections[4].span.text(text), "# E");
    }

    #[test]
    fn counts_cells_as_written() {
        let text = "| a | b | c |\n|---|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 | 4 |\n| x \\| y | z | w |\n";
        let b = body(text);
        let t = &b.tables[0];
        assert_eq!(t.header.written_cells, 3);
        let counts: Vec<_> = t.rows.iter().map(|r| r.written_cells).collect();
        assert_eq!(counts, [2, 4, 3]);
        assert_eq!(t.rows[0].cells.len(), 3, "the parser pads ragged rows");
        assert_eq!(t.rows[0].span.text(text), "| 1 | 2 |");
    }

    #[test]
    fn counts_cells_without_outer_pipes() {
        assert_eq!(count_written_cells("a | b"), 2);
        assert_eq!(count_written_cells("| a | b |"), 2);
        assert_eq!(count_written_cells("|  |  |"), 2);
        assert_eq!(count_written_cells("| `a|b` |"), 2);
    }

    #[test]
    fn lists_items_and_tasks() {
        let text = "- [ ] one\n- [x] two\n  - nested\n1. first\n";
        let b = body(text);
        assert_eq!(b.lists.len(), 3);
        assert_eq!(b.lists[0].items[0].task, Some(false));
        assert_eq!(b.lists[0].items[1].text, "two");
        assert_eq!(b.lists[1].depth, 1);
        assert!(b.lists[2].ordered);
    }

    #[test]
    fn links_images_code_and_leads() {
        let text =
            "**Do not use for**: x\n\nSee [ref](references/a.md) and ![i](img.png).\n\n```bash\nls\n```\n\n```\nopen\n";
        let b = body(text);
        assert_eq!(b.paragraphs[0].lead.as_deref(), Some("Do not use for"));
        assert_eq!(b.links.len(), 2);
        assert_eq!(b.links[0].dest, "references/a.md");
        assert_eq!(b.links[1].kind, LinkKind::Image);
        assert_eq!(b.code_blocks[0].lang.as_deref(), Some("bash"));
        assert!(b.code_blocks[0].closed);
        assert!(!b.code_blocks[1].closed);
    }

    #[test]
    fn fences_in_block_quotes_close() {
        let b = body("> Note:\n> ```\n> ls\n> ```\n\nafter\n");
        assert!(b.code_blocks[0].closed);
    }
}
