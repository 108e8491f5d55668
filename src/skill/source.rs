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
        /// The text encoding the bytes look like (UTF-16 without a byte-order mark, UTF-32),
        /// when they look like one.
        encoding: Option<&'static str>,
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
            if utf16.is_none() || is_utf32(&bytes) {
                // The text keeps what precedes the NUL; the NUL's place is the text's end.
                let text = String::from_utf8_lossy(&bytes[..offset]).into_owned();
                let encoding = guess_foreign_encoding(&bytes);
                issues.push(DecodeIssue::Binary { offset: text.len(), encoding });
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

/// The name of the text encoding `bytes` look like when they are not UTF-8: UTF-32 (by its
/// byte-order mark or its runs of three NULs), UTF-16 (by its byte-order mark, or without one
/// when every other byte is NUL, as ASCII text in UTF-16 is).
pub fn guess_foreign_encoding(bytes: &[u8]) -> Option<&'static str> {
    if is_utf32(bytes) {
        return Some("UTF-32");
    }
    if utf16_bom(bytes).is_some() {
        return Some("UTF-16");
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    // ASCII text in UTF-16 has a NUL in nearly every pair, on the same side.
    (zeros_at(0).max(zeros_at(1)) * 10 >= pairs * 9).then_some("UTF-16 without a byte-order mark")
}

/// True for bytes starting with a UTF-32 byte-order mark, or shaped like ASCII in UTF-32.
fn is_utf32(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(4096) & !3];
    sample.len() >= 8
        && sample.chunks_exact(4).all(|c| (c[1], c[2]) == (0, 0) && (c[0] == 0) != (c[3] == 0) || c == [0, 0, 0, 0])
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
        let Some(DecodeIssue::Binary { offset, .. }) = src.issues.last().cloned() else { panic!() };
        assert!(src.text.is_char_boundary(offset));
        assert_eq!(offset, src.text.len());
    }

    #[test]
    fn foreign_encodings_are_named() {
        let utf16: Vec<u8> = "---\nname: x\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(guess_foreign_encoding(&utf16), Some("UTF-16 without a byte-order mark"));
        let src = SourceText::decode(utf16);
        assert!(matches!(
            src.issues[..],
            [DecodeIssue::Binary { encoding: Some("UTF-16 without a byte-order mark"), .. }]
        ));
        let utf32: Vec<u8> = "---\nname: x\n".chars().flat_map(|c| (c as u32).to_be_bytes()).collect();
        assert_eq!(guess_foreign_encoding(&utf32), Some("UTF-32"));
        let mut with_bom = vec![0xFF, 0xFE, 0, 0];
        with_bom.extend("hi".chars().flat_map(|c| (c as u32).to_le_bytes()));
        assert!(matches!(
            SourceText::decode(with_bom).issues[..],
            [DecodeIssue::Binary { encoding: Some("UTF-32"), .. }]
        ));
        assert_eq!(guess_foreign_encoding(b"plain text, no NULs"), None);
        assert_eq!(guess_foreign_encoding(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
    }

    #[test]
    fn nul_means_binary() {
        let src = SourceText::decode(b"abc\0def".to_vec());
        assert!(src.is_binary());
        assert_eq!(src.text, "abc");
    }
}
