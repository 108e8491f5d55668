//! Byte spans into a skill file and their mapping to lines and columns.

use serde::Serialize;

/// A half-open byte range `start..end` into the whole file's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start: start as u32, end: end as u32 }
    }

    /// An empty span at `offset`.
    pub fn empty(offset: usize) -> Self {
        Span::new(offset, offset)
    }

    /// The span as a `Range<usize>`.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `source`.
    pub fn text(self, source: &str) -> &str {
        &source[self.range()]
    }

    /// The span shifted right by `offset` bytes.
    pub fn shifted(self, offset: usize) -> Self {
        Span::new(self.start as usize + offset, self.end as usize + offset)
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Self {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// True when `offset` lies in `start..end`.
    pub fn contains(self, offset: usize) -> bool {
        (self.start as usize) <= offset && offset < self.end as usize
    }
}

/// A set of spans that answers "does one of them hold (or overlap) this span?" in
/// logarithmic time, so a rule asking it for every match stays linear in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanIndex {
    /// The spans' starts, sorted.
    starts: Vec<u32>,
    /// For each start, the furthest end among the spans up to it.
    reach: Vec<u32>,
}

impl SpanIndex {
    /// Indexes `spans`, in any order, nested or overlapping.
    pub fn new(spans: impl IntoIterator<Item = Span>) -> SpanIndex {
        let mut sorted: Vec<Span> = spans.into_iter().collect();
        sorted.sort_unstable();
        let starts = sorted.iter().map(|s| s.start).collect();
        let reach = sorted
            .iter()
            .scan(0, |furthest: &mut u32, s| {
                *furthest = (*furthest).max(s.end);
                Some(*furthest)
            })
            .collect();
        SpanIndex { starts, reach }
    }

    /// True when one of the spans holds all of `span`.
    pub fn holds(&self, span: Span) -> bool {
        let before = self.starts.partition_point(|&start| start <= span.start);
        before > 0 && self.reach[before - 1] >= span.end
    }

    /// True when one of the spans shares a byte with `span`.
    pub fn overlaps(&self, span: Span) -> bool {
        let before = self.starts.partition_point(|&start| start < span.end);
        before > 0 && self.reach[before - 1] > span.start
    }
}

/// A 1-based line and column; columns count characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LineCol {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in characters from the start of the line.
    pub column: u32,
}

/// Maps byte offsets to lines and columns. Line breaks are `\n`, `\r\n` and a lone `\r`.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first is always 0.
    starts: Vec<u32>,
    /// Total length of the text.
    len: u32,
    /// Characters before each [`CHAR_BLOCK`]-byte block of the text, counted the first time a
    /// column far into a long line is asked for: without them every finding on a
    /// megabyte-long line would count the characters from the line's start again.
    char_marks: std::sync::OnceLock<Vec<u32>>,
}

/// The block size of [`LineIndex`]'s character marks.
const CHAR_BLOCK: usize = 4096;

/// Characters in `bytes` of UTF-8 that start and end on character boundaries: the bytes that
/// are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    /// Builds the index of `text` in one pass.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
        starts.push(0);
        let mut i = 0;
        while let Some(pos) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + pos;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') { at + 2 } else { at + 1 };
            starts.push(next as u32);
            i = next;
        }
        LineIndex { starts, len: bytes.len() as u32, char_marks: std::sync::OnceLock::new() }
    }

    /// Number of lines (a final line break does not start a counted line of its own
    /// unless text follows it).
    pub fn line_count(&self) -> usize {
        match self.starts.last() {
            Some(&last) if last == self.len && self.starts.len() > 1 => self.starts.len() - 1,
            _ => self.starts.len(),
        }
    }

    /// 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&(offset as u32)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len).min(self.len) as usize
    }

    /// Byte span of 0-based `line`, without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_start(line);
        let mut end = self.line_start(line + 1);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// 1-based line and character column of byte `offset`.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let column = if offset - start <= CHAR_BLOCK {
            text[start..offset].chars().count() + 1
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start) + 1
        };
        LineCol { line: line as u32 + 1, column: column as u32 }
    }

    /// Characters in `text` before byte `offset` (a character boundary), from the marks.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let bytes = text.as_bytes();
        let marks = self.char_marks.get_or_init(|| {
            let mut total = 0u32;
            let mut marks = vec![0];
            for block in bytes.chunks(CHAR_BLOCK) {
                total += count_chars(block) as u32;
                marks.push(total);
            }
            marks
        });
        let block = offset / CHAR_BLOCK;
        marks[block] as usize + count_chars(&bytes[block * CHAR_BLOCK..offset])
    }

    /// Byte offset of 1-based `line` and character `column`, clamped to the line.
    pub fn offset(&self, text: &str, at: LineCol) -> usize {
        let line = (at.line.max(1) - 1) as usize;
        let span = self.line_span(text, line);
        let line_text = span.text(text);
        let skip = (at.column.max(1) - 1) as usize;
        span.start as usize + line_text.char_indices().nth(skip).map_or(line_text.len(), |(i, _)| i)
    }
}

/// The largest char boundary of `text` at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_far_into_long_lines_count_characters() {
        let text = format!("x\n{}{}é\n", "é".repeat(5000), "a".repeat(7000));
        let index = LineIndex::new(&text);
        for offset in [2, 2 + 2 * 4999, 2 + 2 * 5000 + 6999, 2 + 2 * 5000 + 7000, 2 + 2 * 5000 + 7002] {
            let expected = text[2..offset].chars().count() as u32 + 1;
            assert_eq!(index.line_col(&text, offset), LineCol { line: 2, column: expected }, "{offset}");
        }
    }

    #[test]
    fn span_index_answers_as_a_scan_does() {
        // Nested (an image in a link), overlapping and disjoint spans, given out of order.
        let spans = [Span::new(10, 40), Span::new(12, 20), Span::new(50, 60), Span::new(55, 70), Span::new(0, 2)];
        let index = SpanIndex::new(spans);
        for start in 0..75usize {
            for end in start..76 {
                let probe = Span::new(start, end);
                let holds = spans.iter().any(|s| s.start <= probe.start && probe.end <= s.end);
                let overlaps = spans.iter().any(|s| s.start < probe.end && probe.start < s.end);
                assert_eq!(index.holds(probe), holds, "holds {probe:?}");
                assert_eq!(index.overlaps(probe), overlaps, "overlaps {probe:?}");
            }
        }
        assert!(!SpanIndex::default().holds(Span::new(0, 0)));
    }

    #[test]
    fn maps_lf_crlf_and_lone_cr() {
        let text = "ab\ncd\r\nef\rgh";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 4), LineCol { line: 2, column: 2 });
        assert_eq!(index.line_col(text, 7), LineCol { line: 3, column: 1 });
        assert_eq!(index.line_col(text, 10), LineCol { line: 4, column: 1 });
        assert_eq!(index.line_span(text, 1).text(text), "cd");
    }

    #[test]
    fn columns_count_characters() {
        let text = "é✓x";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 5).column, 3);
        assert_eq!(index.offset(text, LineCol { line: 1, column: 3 }), 5);
    }

    #[test]
    fn final_newline_does_not_count_as_a_line() {
        assert_eq!(LineIndex::new("a\nb\n").line_count(), 2);
        assert_eq!(LineIndex::new("a\nb").line_count(), 2);
        assert_eq!(LineIndex::new("").line_count(), 1);
    }
}
