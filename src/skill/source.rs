//! Turning a file's bytes into text, noting everything about the encoding a user should know.

/// What decoding found wrong or notable in a file's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeIssue {
    /// The file starts with a UTF-8 byte-order mark (kept in the text at offset 0).
    Bom,
    /// The file is UTF-16 (by its byte-order mark); the text was converted.
    Utf16 {
        /// True for big-endian.
        big_endian: bool,
    },
    /// Bytes that are not UTF-8; each run became U+FFFD in the text.
    InvalidUtf8 {
        /// Byte offset, in the decoded text, of the first replacement character.
        offset: usize,
        /// How many invalid runs the file holds.
        count: usize,
    },
    /// The file holds a NUL byte: it is binary, and is not modelled further.
    Binary {
        /// Where the first NUL was, in the decoded text (its end: text after a NUL is dropped).
        offset: usize,
    },
}

/// A file's text, with what decoding had to do to get it.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// The text; byte-for-byte the file when [`SourceText::is_exact`].
    pub text: String,
    /// Encoding findings, in the order found.
    pub issues: Vec<DecodeIssue>,
}

impl SourceText {
    /// Decodes `bytes`: UTF-8 (with or without a BOM) as is, UTF-16 by its BOM, anything else
    /// lossily with the first bad offset recorded.
    pub fn decode(bytes: Vec<u8>) -> SourceText {
        let mut issues = Vec::new();
        if let Some(offset) = memchr::memchr(0, &bytes) {
            let utf16 = utf16_bom(&bytes);
            if utf16.is_none() {
                // The text keeps what precedes the NUL; the NUL's place is the text's end.
                let text = String::from_utf8_lossy(&bytes[..offset]).into_owned();
                issues.push(DecodeIssue::Binary { offset: text.len() });
                return SourceText { text, issues };
            }
        }
        if let Some(big_endian) = utf16_bom(&bytes) {
            issues.push(DecodeIssue::Utf16 { big_endian });
            let units: Vec<u16> = bytes[2..]
                .chunks_exact(2)
                .map(|pair| {
                    if big_endian {
                        u16::from_be_bytes([pair[0], pair[1]])
                    } else {
                        u16::from_le_bytes([pair[0], pair[1]])
                    }
                })
                .collect();
            let text = String::from_utf16_lossy(&units);
            return SourceText { text, issues };
        }
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            issues.push(DecodeIssue::Bom);
        }
        match String::from_utf8(bytes) {
            Ok(text) => SourceText { text, issues },
            Err(err) => {
                let bytes = err.into_bytes();
                let (text, offset, count) = lossy_with_offset(&bytes);
                issues.push(DecodeIssue::InvalidUtf8 { offset, count });
                SourceText { text, issues }
            }
        }
    }

    /// True when the text is byte-for-byte the file, so edits can be written back.
    pub fn is_exact(&self) -> bool {
        self.issues.iter().all(|issue| matches!(issue, DecodeIssue::Bom))
    }

    /// True when the file is binary and nothing more should be read from it.
    pub fn is_binary(&self) -> bool {
        self.issues.iter().any(|issue| matches!(issue, DecodeIssue::Binary { .. }))
    }
}

fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// Lossy UTF-8 decoding that also says where the first bad byte landed and how many runs
/// were replaced.
fn lossy_with_offset(bytes: &[u8]) -> (String, usize, usize) {
    let mut text = String::with_capacity(bytes.len());
    let mut first = None;
    let mut count = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            first.get_or_insert(text.len());
            count += 1;
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    (text, first.unwrap_or(0), count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_is_exact() {
        let src = SourceText::decode(b"\xEF\xBB\xBF---\n".to_vec());
        assert_eq!(src.issues, vec![DecodeIssue::Bom]);
        assert!(src.is_exact());
        assert_eq!(src.text, "\u{feff}---\n");
    }

    #[test]
    fn invalid_utf8_is_located() {
        let src = SourceText::decode(b"ab\xFFcd\xFE".to_vec());
        assert_eq!(src.issues, vec![DecodeIssue::InvalidUtf8 { offset: 2, count: 2 }]);
        assert!(!src.is_exact());
    }

    #[test]
    fn utf16_is_converted() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "hi".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let src = SourceText::decode(bytes);
        assert_eq!(src.text, "hi");
        assert_eq!(src.issues, vec![DecodeIssue::Utf16 { big_endian: false }]);
    }

    #[test]
    fn binary_offset_is_a_char_boundary_of_the_text() {
        // Found by fuzzing: invalid bytes before a NUL grow when replaced.
        let src = SourceText::decode(vec![0xC0, 0xC0, 0]);
        let Some(DecodeIssue::Binary { offset }) = src.issues.last().cloned() else { panic!() };
        assert!(src.text.is_char_boundary(offset));
        assert_eq!(offset, src.text.len());
    }

    #[test]
    fn nul_means_binary() {
        let src = SourceText::decode(b"abc\0def".to_vec());
        assert!(src.is_binary());
        assert_eq!(src.text, "abc");
    }
}
