//! The SKILL.md model: a file's text, its frontmatter and its Markdown body, every piece with
//! its exact place in the file. Parsing never fails; what is wrong is recorded for the rules.

mod body;
mod frontmatter;
mod quick;
mod source;
mod span;
mod split;
mod tools;

use std::path::{Path, PathBuf};

pub use body::{
    Body, Cell, CodeBlock, Html, Link, LinkKind, List, ListItem, Paragraph, Row, Section, Table, count_written_cells,
};
pub use frontmatter::{Frontmatter, FrontmatterError, StrField, claude_code_bool};
pub use quick::{QuickDoc, QuickHeading, QuickLink, quick_scan};
pub use source::{DecodeIssue, SourceText, guess_foreign_encoding};
pub use span::{LineCol, LineIndex, Span, SpanIndex, floor_char_boundary};
pub use split::{Split, split};
pub use tools::{ToolsShape, allowed_tools, tools_shape};

use crate::yaml;

/// Limits on what is read from one file; reaching one is a finding, never a silent cut.
#[derive(Clone, Copy, Debug)]
pub struct ParseLimits {
    /// Files larger than this have their frontmatter read but their body left unmodelled.
    pub max_file_bytes: usize,
    /// Limits on the frontmatter's YAML.
    pub yaml: yaml::Limits,
    /// False to read only the frontmatter (the body is left empty).
    pub model_body: bool,
}

impl Default for ParseLimits {
    fn default() -> Self {
        ParseLimits { max_file_bytes: 8 << 20, yaml: yaml::Limits::default(), model_body: true }
    }
}

/// One SKILL.md file, modelled.
#[derive(Clone, Debug)]
pub struct Skill {
    /// The path as it is shown to the user.
    pub path: PathBuf,
    /// The name of the folder holding the file, if known.
    pub dir_name: Option<String>,
    /// The decoded text and what decoding noticed.
    pub source: SourceText,
    /// Line starts, for turning spans into lines and columns.
    pub lines: LineIndex,
    /// Where the frontmatter and body lie.
    pub split: Split,
    /// The frontmatter.
    pub frontmatter: Frontmatter,
    /// The Markdown body (empty when the file is binary or over the size limit).
    pub body: Body,
    /// `Some(size)` when the file was larger than [`ParseLimits::max_file_bytes`] and its
    /// body was not modelled.
    pub oversize: Option<usize>,
}

impl Skill {
    /// Models the file at `path` from its bytes, with default limits.
    pub fn parse(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Skill {
        Skill::parse_with(path, bytes, ParseLimits::default())
    }

    /// Models the file at `path` from its bytes.
    pub fn parse_with(path: impl Into<PathBuf>, bytes: Vec<u8>, limits: ParseLimits) -> Skill {
        let path = path.into();
        let dir_name = dir_name_of(&path);
        let size = bytes.len();
        let source = SourceText::decode(bytes);
        let text = &source.text;
        let lines = LineIndex::new(text);
        let split = split(text);
        let oversize = (size > limits.max_file_bytes).then_some(size);
        let frontmatter =
            if source.is_binary() { Frontmatter::default() } else { Frontmatter::parse(text, &split, limits.yaml) };
        let body = if source.is_binary() || oversize.is_some() || !limits.model_body {
            Body { span: split.body, ..Body::default() }
        } else {
            body::parse(text, split.body)
        };
        Skill { path, dir_name, source, lines, split, frontmatter, body, oversize }
    }

    /// Models a file larger than [`ParseLimits::max_file_bytes`] from the bytes read of it
    /// (`size` being its whole size): only the part up to the last line break within the
    /// limit is kept, so no line is cut in half, and the body is not modelled, so no finding
    /// is made from it; `oversize` says so.
    pub fn parse_oversize(path: impl Into<PathBuf>, mut bytes: Vec<u8>, limits: ParseLimits, size: usize) -> Skill {
        bytes.truncate(limits.max_file_bytes);
        let keep = match memchr::memrchr(b'\n', &bytes) {
            Some(at) => at + 1,
            None => utf8_cut(&bytes),
        };
        bytes.truncate(keep);
        let mut skill = Skill::parse_with(path, bytes, ParseLimits { model_body: false, ..limits });
        skill.oversize = Some(size);
        skill
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// 1-based line and column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(self.text(), offset)
    }

    /// The span of the 1-based `line` (without its line break).
    pub fn line_span(&self, line: usize) -> Span {
        self.lines.line_span(self.text(), line.saturating_sub(1))
    }

    /// Every span the model holds (frontmatter nodes, comments, body elements), for checking
    /// that each lies inside the file on character boundaries.
    pub fn all_spans(&self) -> Vec<Span> {
        let mut spans = vec![self.split.yaml, self.split.body];
        spans.extend(self.split.open);
        spans.extend(self.split.close);
        if let Some(document) = &self.frontmatter.document {
            spans.extend(document.comments.iter().map(|c| c.span));
            spans.extend(document.duplicates.iter().flat_map(|d| [d.first, d.second]));
            if let Some(root) = &document.root {
                collect_node_spans(root, &mut spans);
            }
        }
        let body = &self.body;
        spans.push(body.span);
        spans.extend(body.sections.iter().flat_map(|s| [s.heading, s.span]));
        for table in &body.tables {
            spans.push(table.span);
            for row in std::iter::once(&table.header).chain(&table.rows) {
                spans.push(row.span);
                spans.extend(row.cells.iter().map(|c| c.span));
            }
        }
        for list in &body.lists {
            spans.push(list.span);
            spans.extend(list.items.iter().map(|i| i.span));
        }
        spans.extend(body.links.iter().map(|l| l.span));
        spans.extend(body.code_blocks.iter().map(|c| c.span));
        spans.extend(body.paragraphs.iter().map(|p| p.span));
        spans.extend(body.html.iter().map(|h| h.span));
        spans.extend(body.inline_code.iter().copied());
        spans
    }

    /// Sets the folder name (when the path alone does not show it).
    pub fn with_dir_name(mut self, dir_name: Option<String>) -> Skill {
        self.dir_name = dir_name;
        self
    }
}

fn collect_node_spans(node: &yaml::Node, out: &mut Vec<Span>) {
    out.push(node.span);
    match &node.value {
        yaml::Value::Scalar(_) => {}
        yaml::Value::Seq(items) => items.iter().for_each(|n| collect_node_spans(n, out)),
        yaml::Value::Map(entries) => entries.iter().for_each(|e| {
            collect_node_spans(&e.key, out);
            collect_node_spans(&e.value, out);
        }),
    }
}

/// Models a Markdown document that is not a SKILL.md (a reference file): the whole text is
/// body, spans are offsets into `text`.
pub fn parse_markdown(text: &str) -> Body {
    body::parse(text, Span::new(0, text.len()))
}

fn dir_name_of(path: &Path) -> Option<String> {
    let parent = path.parent()?;
    let name = parent.file_name()?;
    Some(name.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_a_small_skill() {
        let text = "---\nname: pdf\ndescription: Reads PDFs. Use when a PDF is given.\n---\n# PDF\n\n## When to use\n- a PDF\n";
        let skill = Skill::parse("skills/pdf/SKILL.md", text.as_bytes().to_vec());
        assert_eq!(skill.dir_name.as_deref(), Some("pdf"));
        let name = skill.frontmatter.name().unwrap();
        assert_eq!(name.value, "pdf");
        assert_eq!(skill.line_col(name.span.start as usize), LineCol { line: 2, column: 7 });
        assert_eq!(skill.body.sections.len(), 2);
        assert_eq!(skill.line_col(skill.body.sections[1].heading.start as usize).line, 7);
    }

    #[test]
    fn records_yaml_errors_in_file_lines() {
        let text = "---\nname: x\ndescription: Use when: a thing\n---\n";
        let skill = Skill::parse("x/SKILL.md", text.as_bytes().to_vec());
        let Some(FrontmatterError::Yaml(err)) = &skill.frontmatter.error else {
            panic!("expected a YAML error, got {:?}", skill.frontmatter.error);
        };
        assert_eq!(skill.line_col(err.offset).line, 3);
    }

    #[test]
    fn not_a_mapping() {
        let skill = Skill::parse("x/SKILL.md", b"---\n- a\n---\n".to_vec());
        assert!(matches!(skill.frontmatter.error, Some(FrontmatterError::NotMapping { found: "list", .. })));
    }
}

/// The length of `bytes` without a UTF-8 sequence cut short at its end.
fn utf8_cut(bytes: &[u8]) -> usize {
    let len = bytes.len();
    let mut i = len;
    while i > 0 && len - i < 3 && bytes[i - 1] & 0xC0 == 0x80 {
        i -= 1;
    }
    let Some(&lead) = i.checked_sub(1).and_then(|at| bytes.get(at)) else { return len };
    let need = match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    };
    if len - (i - 1) < need { i - 1 } else { len }
}

#[cfg(test)]
mod oversize_tests {
    use super::*;

    #[test]
    fn cuts_only_incomplete_sequences() {
        let text = "a\u{e9}\u{2713}".as_bytes();
        assert_eq!(utf8_cut(text), text.len());
        assert_eq!(utf8_cut(&text[..text.len() - 1]), 3);
        assert_eq!(utf8_cut(&text[..2]), 1);
    }

    #[test]
    fn an_oversized_file_keeps_whole_lines_and_models_no_body() {
        let text = "---\nname: big\ndescription: Big. Use when testing.\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let limits = ParseLimits { max_file_bytes: text.len() - 3, ..ParseLimits::default() };
        let skill = Skill::parse_oversize("SKILL.md", text.as_bytes().to_vec(), limits, 10_000);
        assert!(skill.text().ends_with("|---|---|\n"), "the half row is dropped: {:?}", skill.text());
        assert_eq!(skill.oversize, Some(10_000));
        assert!(skill.body.tables.is_empty(), "the body is not modelled");
        assert_eq!(skill.frontmatter.name().map(|n| n.value.to_string()).as_deref(), Some("big"));
    }
}
