//! Splitting a SKILL.md into its frontmatter and body, by hand, keeping every offset.

use super::span::Span;

/// Where the frontmatter and body lie in the file, and what went wrong finding them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The opening `---` line (without its line break), if the file has one.
    pub open: Option<Span>,
    /// The closing `---` line (without its line break), if found.
    pub close: Option<Span>,
    /// The YAML between the fences (empty when there is no closed frontmatter).
    pub yaml: Span,
    /// The Markdown body: after the closing fence's line, or the whole file (after a BOM)
    /// when there is no closed frontmatter.
    pub body: Span,
}

impl Split {
    /// True when the file has both fences.
    pub fn has_frontmatter(&self) -> bool {
        self.open.is_some() && self.close.is_some()
    }
}

/// Finds the frontmatter: the file must start (after an optional BOM) with a line that is
/// exactly `---`; it ends at the next line that is exactly `---`. `\n`, `\r\n` and `\r` all
/// end lines. Never fails: a missing fence shows as `None`.
pub fn split(text: &str) -> Split {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let whole_body = Span::new(start, text.len());
    let mut lines = Lines { text, pos: start };
    let Some((first, _)) = lines.next() else {
        return Split { open: None, close: None, yaml: Span::empty(start), body: whole_body };
    };
    if first.text(text) != "---" {
        return Split { open: None, close: None, yaml: Span::empty(start), body: whole_body };
    }
    let yaml_start = lines.pos;
    for (line, next) in lines {
        if line.text(text) == "---" {
            return Split {
                open: Some(first),
                close: Some(line),
                yaml: Span::new(yaml_start, line.start as usize),
                body: Span::new(next, text.len()),
            };
        }
    }
    Split { open: Some(first), close: None, yaml: Span::empty(yaml_start), body: whole_body }
}

/// Iterates lines as (span without the break, offset after the break).
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Lines<'_> {
    type Item = (Span, usize);

    fn next(&mut self) -> Option<(Span, usize)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let bytes = &self.text.as_bytes()[self.pos..];
        let (len, brk) = match memchr::memchr2(b'\n', b'\r', bytes) {
            Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => (i, 2),
            Some(i) => (i, 1),
            None => (bytes.len(), 0),
        };
        let line = Span::new(self.pos, self.pos + len);
        self.pos += len + brk;
        Some((line, self.pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (Option<&str>, &str) {
        let s = split(text);
        (s.has_frontmatter().then(|| s.yaml.text(text)), s.body.text(text))
    }

    #[test]
    fn splits_lf_and_crlf() {
        assert_eq!(parts("---\na: b\n---\nbody\n"), (Some("a: b\n"), "body\n"));
        assert_eq!(parts("---\r\na: b\r\n---\r\nbody"), (Some("a: b\r\n"), "body"));
    }

    #[test]
    fn ends_only_at_a_whole_line() {
        let (yaml, _) = parts("---\ndescription: a --- b\n---\n");
        assert_eq!(yaml, Some("description: a --- b\n"));
        let (yaml, _) = parts("---\na: b\n--- \n----\n");
        assert_eq!(yaml, None);
    }

    #[test]
    fn tolerates_bom() {
        assert_eq!(parts("\u{feff}---\na: 1\n---\n"), (Some("a: 1\n"), ""));
    }

    #[test]
    fn missing_fences() {
        let s = split("# Title\n");
        assert_eq!(s.open, None);
        let s = split("---\na: b\n");
        assert!(s.open.is_some() && s.close.is_none());
        assert_eq!(s.body.text("---\na: b\n"), "---\na: b\n");
        assert_eq!(split("---").close, None);
        assert_eq!(parts("---\n---"), (Some(""), ""));
    }
}
