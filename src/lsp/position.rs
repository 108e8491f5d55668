//! Byte offsets in a document to the protocol's line and character positions and back, in
//! the encoding the client and the server agreed on (UTF-16 unless the client offers UTF-8).

use lsp_types::{Position, Range};

use crate::skill::{LineCol, LineIndex, Span, floor_char_boundary};

/// How the protocol counts characters within a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units: the protocol's default, what every client supports.
    #[default]
    Utf16,
    /// Bytes of UTF-8, when the client offers it.
    Utf8,
}

/// A document's text with its line starts, for converting positions.
#[derive(Clone, Debug)]
pub struct LineMap<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    encoding: Encoding,
}

impl<'a> LineMap<'a> {
    /// A map over `text`, whose line index is `lines`.
    pub fn new(text: &'a str, lines: &'a LineIndex, encoding: Encoding) -> Self {
        LineMap { text, lines, encoding }
    }

    /// The protocol position of byte `offset` (clamped to the text, moved back to a character
    /// boundary).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line).min(offset);
        let before = &self.text[start..offset];
        let character = match self.encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        Position { line: line as u32, character: character as u32 }
    }

    /// The protocol range of `span`.
    pub fn range(&self, span: Span) -> Range {
        Range { start: self.position(span.start as usize), end: self.position(span.end as usize) }
    }

    /// The byte offset of `position`, clamped to its line (a line past the end is the end of
    /// the text).
    pub fn offset(&self, position: Position) -> usize {
        let span = self.lines.line_span(self.text, position.line as usize);
        let line_text = span.text(self.text);
        let wanted = position.character as usize;
        let mut counted = 0;
        for (at, ch) in line_text.char_indices() {
            if counted >= wanted {
                return span.start as usize + at;
            }
            counted += match self.encoding {
                Encoding::Utf8 => ch.len_utf8(),
                Encoding::Utf16 => ch.len_utf16(),
            };
        }
        span.end as usize
    }

    /// The byte offset of a 1-based line and character column, as the library's messages
    /// give them.
    pub fn offset_of_line_col(&self, line: usize, column: usize) -> usize {
        let at = LineCol { line: line.max(1) as u32, column: column.max(1) as u32 };
        self.lines.offset(self.text, at)
    }

    /// From a 1-based line and column to the end of that line: the range shown for a
    /// problem the library locates by a point only.
    pub fn range_to_line_end(&self, line: usize, column: usize) -> Range {
        let start = self.offset_of_line_col(line, column);
        let line_end = self.lines.line_span(self.text, self.lines.line_of(start)).end as usize;
        let end = if line_end > start { line_end } else { start };
        Range { start: self.position(start), end: self.position(end) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(text: &str, encoding: Encoding) -> (String, LineIndex, Encoding) {
        (text.to_string(), LineIndex::new(text), encoding)
    }

    #[test]
    fn utf16_positions_count_surrogate_pairs_twice() {
        let (text, lines, enc) = map("a\u{1F600}b\nx", Encoding::Utf16);
        let m = LineMap::new(&text, &lines, enc);
        let b = text.find('b').unwrap();
        assert_eq!(m.position(b), Position { line: 0, character: 3 });
        assert_eq!(m.offset(Position { line: 0, character: 3 }), b);
        assert_eq!(m.position(text.len()), Position { line: 1, character: 1 });
    }

    #[test]
    fn utf8_positions_count_bytes() {
        let (text, lines, enc) = map("\u{e9}t\u{e9}\r\nnext", Encoding::Utf8);
        let m = LineMap::new(&text, &lines, enc);
        assert_eq!(m.position(3), Position { line: 0, character: 3 });
        assert_eq!(m.offset(Position { line: 1, character: 2 }), text.find("xt").unwrap());
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let (text, lines, enc) = map("one\ntwo", Encoding::Utf16);
        let m = LineMap::new(&text, &lines, enc);
        assert_eq!(m.offset(Position { line: 0, character: 99 }), 3);
        assert_eq!(m.offset(Position { line: 99, character: 0 }), text.len());
        assert_eq!(m.position(999), Position { line: 1, character: 3 });
        // Inside a multi-byte character: moved back to its start.
        let (text, lines, enc) = map("\u{e9}", Encoding::Utf16);
        assert_eq!(LineMap::new(&text, &lines, enc).position(1), Position { line: 0, character: 0 });
    }
}
