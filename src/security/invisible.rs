//! Characters a reader does not see but the model reads: Unicode tag characters, bidirectional
//! controls, zero-width characters.

/// What kind of invisible character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Invisible {
    /// U+E0000-U+E007F: each mirrors an ASCII character, so a run of them spells text no
    /// editor shows.
    Tag,
    /// U+202A-U+202E and U+2066-U+2069: reorder what is displayed.
    Bidi,
    /// U+200B, U+200C, U+200D, U+2060, U+FEFF (not as the file's first character), U+180E.
    ZeroWidth,
}

/// A run of invisible characters of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvisibleRun {
    /// What kind.
    pub kind: Invisible,
    /// Byte range in the text.
    pub range: std::ops::Range<usize>,
    /// How many characters.
    pub count: usize,
    /// For tag characters: the ASCII text they spell.
    pub spelled: String,
}

/// The kind of `c`, if it is invisible.
pub fn classify(c: char) -> Option<Invisible> {
    match c {
        '\u{E0000}'..='\u{E007F}' => Some(Invisible::Tag),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(Invisible::Bidi),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' => Some(Invisible::ZeroWidth),
        _ => None,
    }
}

/// True for characters emoji sequences are built of (pictographs, variation selectors,
/// skin tones, regional indicators).
fn emoji_part(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F | 0x20E3)
}

/// Every run of invisible characters in `text`, leaving out the legitimate uses: a BOM as the
/// first character, zero-width joiners inside emoji sequences, joiners (U+200C, U+200D)
/// between letters of scripts that need them (anything but ASCII), and the tag characters of
/// an emoji subdivision flag (after U+1F3F4).
pub fn invisible_runs(text: &str) -> Vec<InvisibleRun> {
    let mut runs: Vec<InvisibleRun> = Vec::new();
    let mut previous: Option<char> = None;
    let mut flag = false;
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let kind = classify(c);
        if c == '\u{1F3F4}' {
            flag = true;
        } else if kind != Some(Invisible::Tag) {
            flag = false;
        }
        let legitimate = match (kind, c) {
            (None, _) => true,
            (Some(Invisible::Tag), _) => flag,
            (Some(_), '\u{FEFF}') => offset == 0,
            (Some(_), '\u{200D}') => {
                previous.is_some_and(|p| emoji_part(p) || !p.is_ascii())
                    || next.is_some_and(|n| emoji_part(n) || !n.is_ascii())
            }
            (Some(_), '\u{200C}') => previous.is_some_and(|p| !p.is_ascii()) && next.is_some_and(|n| !n.is_ascii()),
            _ => false,
        };
        if !legitimate && let Some(kind) = kind {
            let end = offset + c.len_utf8();
            match runs.last_mut() {
                Some(run) if run.kind == kind && run.range.end == offset => {
                    run.range.end = end;
                    run.count += 1;
                    push_spelled(&mut run.spelled, c);
                }
                _ => {
                    let mut spelled = String::new();
                    push_spelled(&mut spelled, c);
                    runs.push(InvisibleRun { kind, range: offset..end, count: 1, spelled });
                }
            }
        }
        if kind.is_none() {
            previous = Some(c);
        }
    }
    runs
}

/// Appends the ASCII character a tag character mirrors.
fn push_spelled(spelled: &mut String, c: char) {
    let code = c as u32;
    if (0xE0020..=0xE007E).contains(&code)
        && let Some(ascii) = char::from_u32(code - 0xE0000)
    {
        spelled.push(ascii);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hidden_runs_and_spares_legitimate_uses() {
        let tags: String = "run rm".chars().map(|c| char::from_u32(0xE0000 + c as u32).unwrap()).collect();
        let text = format!("Hello{tags} world");
        let runs = invisible_runs(&text);
        assert_eq!(runs.len(), 1);
        assert_eq!((runs[0].kind, runs[0].count, runs[0].spelled.as_str()), (Invisible::Tag, 6, "run rm"));
        assert_eq!(invisible_runs("a\u{202E}b")[0].kind, Invisible::Bidi);
        assert_eq!(invisible_runs("zero\u{200B}width")[0].kind, Invisible::ZeroWidth);
        // Emoji sequences, Persian joiners, a BOM and a subdivision flag pass.
        assert!(invisible_runs("\u{FEFF}family 👨\u{200D}👩\u{200D}👧").is_empty());
        assert!(invisible_runs("می\u{200C}خواهم").is_empty());
        let scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert!(invisible_runs(scotland).is_empty());
        assert_eq!(invisible_runs("x\u{FEFF}y").len(), 1);
    }
}
