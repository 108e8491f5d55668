//! A spanned YAML node tree built from parser events.

use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, StructureStyle};

use crate::skill::Span;

/// Limits that keep hostile YAML from hanging or exhausting memory.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Deepest nesting of collections.
    pub max_depth: usize,
    /// Most nodes in the tree, counting every node an alias expands to.
    pub max_nodes: usize,
    /// Largest YAML text, in bytes.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_depth: 64, max_nodes: 100_000, max_bytes: 1 << 20 }
    }
}

/// How a scalar or collection was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A plain scalar (`a`).
    Plain,
    /// A quoted scalar (`'a'` or `"a"`).
    Quoted,
    /// A block scalar (`|` or `>`).
    Block,
    /// A block collection.
    BlockCollection,
    /// A flow collection (`[a, b]`, `{a: b}`).
    Flow,
}

/// A YAML node and where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The node's content.
    pub value: Value,
    /// Its bytes in the file (for a collection, from its first to its last byte).
    pub span: Span,
    /// How it was written.
    pub style: Style,
    /// An explicit tag (`!!str`), if any.
    pub tag: Option<String>,
}

/// The content of a node.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar, as text after YAML escapes.
    Scalar(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, entries in source order (duplicates kept).
    Map(Vec<Entry>),
}

/// One key and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key node.
    pub key: Node,
    /// The value node.
    pub value: Node,
}

/// What a plain scalar means under the YAML 1.2 core schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarKind {
    /// `null`, `~` or empty.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int,
    /// A float (including `.inf`, `.nan`).
    Float,
    /// Anything else, and every quoted or block scalar.
    Str,
}

/// A comment in the YAML, with its span (from `#` to the end of the line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// Text after `#`.
    pub text: String,
    /// Where the comment is.
    pub span: Span,
}

/// A key written twice in one mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The key's text.
    pub key: String,
    /// Its first occurrence.
    pub first: Span,
    /// The later occurrence.
    pub second: Span,
}

/// A parsed YAML document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The root node; `None` for an empty document.
    pub root: Option<Node>,
    /// Every comment, in order.
    pub comments: Vec<Comment>,
    /// Keys repeated within one mapping.
    pub duplicates: Vec<Duplicate>,
}

/// Why a YAML text could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YamlErrorKind {
    /// The text is not valid YAML.
    Syntax,
    /// A limit of [`Limits`] was reached.
    Limit,
}

/// A YAML error at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// What went wrong, in the parser's words.
    pub message: String,
    /// Byte offset in the file.
    pub offset: usize,
    /// Syntax or limit.
    pub kind: YamlErrorKind,
}

impl Node {
    /// The scalar text, if this is a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(text) => Some(text),
            _ => None,
        }
    }

    /// The entries, if this is a mapping.
    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The items, if this is a sequence.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// The first value under `key`, if this is a mapping holding it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|entry| &entry.value)
    }

    /// The first entry under `key`.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_map()?.iter().find(|entry| entry.key.as_str() == Some(key))
    }

    /// What a scalar means under the YAML 1.2 core schema (quoted and block scalars, and
    /// tagged `!!str`, are strings). `None` for collections.
    pub fn scalar_kind(&self) -> Option<ScalarKind> {
        let text = self.as_str()?;
        if self.style != Style::Plain || self.tag.as_deref().is_some_and(|t| t.ends_with("str")) {
            return Some(ScalarKind::Str);
        }
        Some(plain_kind(text))
    }

    /// A short word for the node's type, for messages: "string", "number", "boolean",
    /// "null", "list" or "map".
    pub fn type_name(&self) -> &'static str {
        match (&self.value, self.scalar_kind()) {
            (Value::Seq(_), _) => "list",
            (Value::Map(_), _) => "map",
            (_, Some(ScalarKind::Null)) => "null",
            (_, Some(ScalarKind::Bool(_))) => "boolean",
            (_, Some(ScalarKind::Int | ScalarKind::Float)) => "number",
            _ => "string",
        }
    }
}

fn plain_kind(text: &str) -> ScalarKind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => ScalarKind::Null,
        "true" | "True" | "TRUE" => ScalarKind::Bool(true),
        "false" | "False" | "FALSE" => ScalarKind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN"
        | ".NAN" => ScalarKind::Float,
        _ if is_int(text) => ScalarKind::Int,
        _ if is_float(text) => ScalarKind::Float,
        _ => ScalarKind::Str,
    }
}

fn is_int(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if let Some(hex) = text.strip_prefix("0x") {
        return !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return !oct.is_empty() && oct.bytes().all(|b| (b'0'..=b'7').contains(&b));
    }
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_float(text: &str) -> bool {
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let s = text.strip_prefix(['-', '+']).unwrap_or(text).as_bytes();
    let mut i = 0;
    let int_digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if s.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == s.len()
}

/// Parses `yaml`, which starts at byte `base` of the file, into a spanned tree.
pub fn parse(yaml: &str, base: usize, limits: Limits) -> Result<Document, YamlError> {
    if yaml.len() > limits.max_bytes {
        return Err(YamlError {
            message: format!(
                "the frontmatter is {} bytes, over the limit of {} bytes; it was not read",
                yaml.len(),
                limits.max_bytes
            ),
            offset: base,
            kind: YamlErrorKind::Limit,
        });
    }
    let options = granit_parser::options! {
        flow_nesting_limit: limits.max_depth,
        block_nesting_limit: limits.max_depth,
    };
    let mut builder = Builder {
        limits,
        nodes: 0,
        stack: Vec::new(),
        anchors: HashMap::new(),
        doc: Document::default(),
        documents: 0,
    };
    for next in Parser::new_from_str_with_options(yaml, options) {
        let (event, span) = next.map_err(|err| {
            let limit = matches!(err.kind(), granit_parser::ErrorKind::RecursionLimitExceeded);
            YamlError {
                message: if limit {
                    format!("the YAML nests deeper than the limit of {} levels; it was not read", limits.max_depth)
                } else {
                    err.info()
                },
                offset: base + byte_offset(yaml, err.marker()),
                kind: if limit { YamlErrorKind::Limit } else { YamlErrorKind::Syntax },
            }
        })?;
        let start = base + byte_offset(yaml, &span.start);
        let end = base + byte_offset(yaml, &span.end).max(start - base);
        builder.event(event, Span::new(start, end))?;
    }
    Ok(builder.doc)
}

fn byte_offset(yaml: &str, marker: &granit_parser::Marker) -> usize {
    marker.byte_offset().unwrap_or_else(|| yaml.char_indices().nth(marker.index()).map_or(yaml.len(), |(i, _)| i))
}

enum Open {
    Seq { start: Span, items: Vec<Node>, style: Style, tag: Option<String>, anchor: usize },
    Map { start: Span, entries: Vec<Entry>, pending: Option<Node>, style: Style, tag: Option<String>, anchor: usize },
}

struct Builder {
    limits: Limits,
    nodes: usize,
    stack: Vec<Open>,
    anchors: HashMap<usize, Node>,
    doc: Document,
    documents: usize,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(YamlError {
                        message: "the frontmatter holds more than one YAML document".into(),
                        offset: span.start as usize,
                        kind: YamlErrorKind::Syntax,
                    });
                }
            }
            #[allow(unreachable_patterns)]
            Event::Comment(text, _) => self.doc.comments.push(Comment { text: text.into_owned(), span }),
            Event::Scalar(text, style, anchor, tag) => {
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => Style::Quoted,
                    _ => Style::Block,
                };
                let node =
                    Node { value: Value::Scalar(text.into_owned()), span, style, tag: tag.map(|t| tag_text(&t)) };
                self.count(1, span)?;
                self.finish(node, anchor)?;
            }
            Event::SequenceStart(style, anchor, tag) => {
                self.depth(span)?;
                self.stack.push(Open::Seq {
                    start: span,
                    items: Vec::new(),
                    style: structure(style),
                    tag: tag.map(|t| tag_text(&t)),
                    anchor,
                });
            }
            Event::MappingStart(style, anchor, tag) => {
                self.depth(span)?;
                self.stack.push(Open::Map {
                    start: span,
                    entries: Vec::new(),
                    pending: None,
                    style: structure(style),
                    tag: tag.map(|t| tag_text(&t)),
                    anchor,
                });
            }
            Event::SequenceEnd => {
                if let Some(Open::Seq { start, items, style, tag, anchor }) = self.stack.pop() {
                    let end = collection_end(style, items.last().map(|n| n.span.end), span);
                    let node = Node { value: Value::Seq(items), span: collection_span(start, end, style), style, tag };
                    self.count(1, span)?;
                    self.finish(node, anchor)?;
                }
            }
            Event::MappingEnd => {
                if let Some(Open::Map { start, entries, style, tag, anchor, .. }) = self.stack.pop() {
                    let end = collection_end(style, entries.last().map(|e| e.value.span.end), span);
                    let node =
                        Node { value: Value::Map(entries), span: collection_span(start, end, style), style, tag };
                    self.count(1, span)?;
                    self.finish(node, anchor)?;
                }
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    return Err(self.error(
                        "an alias names an anchor that is not defined",
                        span,
                        YamlErrorKind::Syntax,
                    ));
                };
                let mut node = target.clone();
                let size = count_nodes(&node);
                self.count(size, span)?;
                node.span = span;
                self.finish(node, 0)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn error(&self, message: &str, span: Span, kind: YamlErrorKind) -> YamlError {
        YamlError { message: message.to_string(), offset: span.start as usize, kind }
    }

    fn depth(&self, span: Span) -> Result<(), YamlError> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(self.error(
                &format!("the YAML nests deeper than the limit of {} levels", self.limits.max_depth),
                span,
                YamlErrorKind::Limit,
            ));
        }
        Ok(())
    }

    fn count(&mut self, added: usize, span: Span) -> Result<(), YamlError> {
        self.nodes = self.nodes.saturating_add(added);
        if self.nodes > self.limits.max_nodes {
            return Err(self.error(
                &format!(
                    "the YAML expands to more than {} nodes (aliases included); it was not read",
                    self.limits.max_nodes
                ),
                span,
                YamlErrorKind::Limit,
            ));
        }
        Ok(())
    }

    fn finish(&mut self, node: Node, anchor: usize) -> Result<(), YamlError> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.doc.root = Some(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, pending, .. }) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => {
                    if let Some(text) = key.as_str()
                        && let Some(first) = entries.iter().find(|e| e.key.as_str() == Some(text))
                    {
                        self.doc.duplicates.push(Duplicate {
                            key: text.to_string(),
                            first: first.key.span,
                            second: key.span,
                        });
                    }
                    entries.push(Entry { key, value: node });
                }
            },
        }
        Ok(())
    }
}

fn structure(style: StructureStyle) -> Style {
    match style {
        StructureStyle::Flow => Style::Flow,
        _ => Style::BlockCollection,
    }
}

/// Where a collection ends: at its closing bracket for flow style, at its last child for
/// block style (the parser's end event may sit on a later line).
fn collection_end(style: Style, last_child: Option<u32>, end_event: Span) -> u32 {
    match (style, last_child) {
        (Style::Flow, _) | (_, None) => end_event.end,
        (_, Some(end)) => end,
    }
}

fn collection_span(start: Span, end: u32, _style: Style) -> Span {
    Span { start: start.start, end: end.max(start.end) }
}

fn tag_text(tag: &granit_parser::Tag) -> String {
    format!("{}{}", tag.handle(), tag.suffix())
}

fn count_nodes(node: &Node) -> usize {
    1 + match &node.value {
        Value::Scalar(_) => 0,
        Value::Seq(items) => items.iter().map(count_nodes).sum(),
        Value::Map(entries) => entries.iter().map(|e| count_nodes(&e.key) + count_nodes(&e.value)).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(yaml: &str) -> Document {
        parse(yaml, 0, Limits::default()).unwrap()
    }

    #[test]
    fn keeps_spans_of_keys_and_values() {
        let yaml = "name: pdf\ndescription: \"Reads: PDFs\"\n";
        let root = doc(yaml).root.unwrap();
        let entry = root.entry("description").unwrap();
        assert_eq!(entry.key.span.text(yaml), "description");
        assert_eq!(entry.value.span.text(yaml), "\"Reads: PDFs\"");
        assert_eq!(entry.value.as_str(), Some("Reads: PDFs"));
    }

    #[test]
    fn block_collections_end_at_their_last_child() {
        let yaml = "tools:\n  - Read\n  - Grep\nflow: [a, b]\nmap:\n  k: v\n";
        let root = doc(yaml).root.unwrap();
        assert_eq!(root.get("tools").unwrap().span.text(yaml), "- Read\n  - Grep");
        assert_eq!(root.get("flow").unwrap().span.text(yaml), "[a, b]");
        assert_eq!(root.get("map").unwrap().span.text(yaml), "k: v");
    }

    #[test]
    fn types_plain_scalars_by_the_core_schema() {
        let root = doc("a: 1.0\nb: yes\nc: true\nd: '1'\ne:\nf: 0x1F\n").root.unwrap();
        let kind = |k| root.get(k).unwrap().scalar_kind().unwrap();
        assert_eq!(kind("a"), ScalarKind::Float);
        assert_eq!(kind("b"), ScalarKind::Str);
        assert_eq!(kind("c"), ScalarKind::Bool(true));
        assert_eq!(kind("d"), ScalarKind::Str);
        assert_eq!(kind("e"), ScalarKind::Null);
        assert_eq!(kind("f"), ScalarKind::Int);
    }

    #[test]
    fn records_duplicates_at_the_second_key() {
        let yaml = "a: 1\nb: 2\na: 3\n";
        let d = doc(yaml);
        assert_eq!(d.duplicates.len(), 1);
        assert_eq!(d.duplicates[0].second.start, 10);
    }

    #[test]
    fn offsets_by_base_and_reports_errors_in_file_bytes() {
        let err = parse("a: b: c\n", 4, Limits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Syntax);
        assert!(err.offset >= 4, "{err:?}");
    }

    #[test]
    fn stops_alias_bombs() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            yaml.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let err = parse(&yaml, 0, Limits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Limit);
    }

    #[test]
    fn stops_deep_nesting() {
        let yaml = format!("a: {}{}", "[".repeat(20_000), "]".repeat(20_000));
        let err = parse(&yaml, 0, Limits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Limit, "{err:?}");
    }

    #[test]
    fn keeps_comments() {
        let d = doc("name: x # skillsmith-disable-line SK101\n");
        assert_eq!(d.comments[0].text, " skillsmith-disable-line SK101");
    }
}
