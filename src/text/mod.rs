//! Small text helpers shared by rules, config and the generator.

pub mod hash;
pub mod words;

/// The candidate closest to `given` by edit distance, if close enough to be a typo
/// (normalised Damerau-Levenshtein similarity of at least 0.7, or a case-only difference).
pub fn closest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let lower = given.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::normalized_damerau_levenshtein(&lower, &candidate.to_lowercase());
        // Ties go to the earlier candidate (registry order: the lower code).
        if score >= 0.7 && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c.to_string())
}

/// Text as one line: runs of whitespace (line breaks included) become one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` for quoting in a message: on one line, and when longer than `max` characters its
/// start, an ellipsis and how long it is (`12345678901234567890... (100,000 characters)`).
pub fn quotable(text: &str, max: usize) -> String {
    let line = one_line(text);
    let count = line.chars().count();
    if count <= max {
        return line;
    }
    let start: String = line.chars().take(max.saturating_sub(1)).collect();
    format!("{start}... ({} characters)", thousands(count as u64))
}

/// Estimated tokens of `text`: one per CJK character (Chinese, Japanese kana, Korean
/// Hangul: about one token each, so four characters to a token would undercount Chinese by
/// two to three times), and the other characters divided by 4, rounded up: the usual rule of
/// thumb for English prose. Code takes more tokens per character, so treat the figure as a
/// floor. A CRLF line break counts as one character, so a checkout with Windows line endings
/// gives the same figure. The body-too-long rule and the outline both count with it.
pub fn estimate_tokens(text: &str) -> usize {
    let counts = TokenCounts::of(text);
    TokenCounts { other: counts.other - text.matches("\r\n").count(), ..counts }.tokens()
}

/// Characters counted for [`estimate_tokens`]: CJK ones (a token each) and the others (four
/// to a token). Counts add up line by line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokenCounts {
    /// CJK characters.
    pub cjk: usize,
    /// Every other character.
    pub other: usize,
}

impl TokenCounts {
    /// The counts of `text` (a CRLF counts as two characters here).
    pub fn of(text: &str) -> TokenCounts {
        let cjk = text.chars().filter(|&c| is_cjk(c)).count();
        TokenCounts { cjk, other: text.chars().count() - cjk }
    }

    /// Adds the counts of `text`.
    pub fn add(&mut self, text: &str) {
        let more = TokenCounts::of(text);
        self.cjk += more.cjk;
        self.other += more.other;
    }

    /// The estimated tokens.
    pub fn tokens(self) -> usize {
        self.cjk + self.other.div_ceil(4)
    }
}

/// True for a character of CJK scripts: ideographs, kana, Hangul and CJK punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x2FA1F)
}

/// `n` with its digits grouped by commas: `1,536`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The number of lines of `text`, as `str::lines` counts them, at memchr speed.
pub fn line_count(text: &str) -> usize {
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    breaks + usize::from(!text.is_empty() && !text.ends_with('\n'))
}

/// The byte length of the first `lines` lines of `text`, line breaks included.
pub fn head_len(text: &str, lines: usize) -> usize {
    if lines == 0 {
        return 0;
    }
    memchr::memchr_iter(b'\n', text.as_bytes()).nth(lines - 1).map_or(text.len(), |i| i + 1)
}

/// Phrases that tell an agent when to use a skill ("Use when ...", "Triggers on ...").
const TRIGGER_PHRASES: &[&str] = &[
    "use when",
    "use this ",
    "use it ",
    "must use",
    "preferred for",
    "recommended for",
    "intended for",
    "reach for",
    "use for",
    "use to ",
    "use whenever",
    "use before",
    "use after",
    "use during",
    "use if",
    "use on ",
    "used when",
    "used for",
    "used to ",
    "should be used",
    "invoke when",
    "invoke this",
    "when the user",
    "when a user",
    "when users",
    "when you",
    "when working",
    "when asked",
    "when building",
    "when creating",
    "when writing",
    "when implementing",
    "when designing",
    "when debugging",
    "when handling",
    "when dealing",
    "when setting",
    "when analyzing",
    "when analysing",
    "when reviewing",
    "when planning",
    "when deciding",
    "whenever",
    "trigger",
    "activate",
    "apply when",
    "applies when",
    "helpful when",
    "useful when",
    "for use when",
    "best for",
    "ideal for",
    "call when",
    "run when",
    "when claude needs",
    "when claude should",
    "activates when",
    // Triggers written in other languages.
    "当用户",
    "时使用",
    "时调用",
    "使用场景",
    "适用于",
    "場合に使用",
    "ときに使用",
    "時に使用",
    "場合に使う",
    "úsalo cuando",
    "usar cuando",
    "úsala cuando",
    "utilízalo cuando",
    "use quando",
    "usar quando",
    "utiliser quand",
    "utiliser lorsque",
    "à utiliser",
    "verwenden, wenn",
    "verwende diesen",
    "verwenden wenn",
];

/// "... for:" opening a list of uses ("Testing patterns for: unit tests, fixtures").
static FOR_LIST: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(?-u:\b)(?:for|in|on):\s*\S").expect("valid pattern"));

/// "Use <one word> for|when|to|if|before|after ..." ("Use rdkit for fine-grained control").
static USE_NAME_FOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?-u:\b)use [a-z0-9_.+-]+ (?:for|when|to|if|before|after|whenever)(?-u:\b)")
        .expect("valid pattern")
});

/// True when `text` says when to use the skill.
pub fn has_trigger_phrase(text: &str) -> bool {
    let lower = text.to_lowercase();
    TRIGGER_PHRASES.iter().any(|p| lower.contains(p)) || USE_NAME_FOR.is_match(&lower) || FOR_LIST.is_match(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_as_lines_does() {
        for text in ["", "a", "a\n", "a\nb", "a\n\nb\n", "\n"] {
            assert_eq!(line_count(text), text.lines().count(), "{text:?}");
            for n in 0..4 {
                let expected: usize = text.split_inclusive('\n').take(n).map(str::len).sum();
                assert_eq!(head_len(text, n), expected, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn estimates_a_token_per_four_characters() {
        assert_eq!(estimate_tokens(""), 0);
        assert_eq!(estimate_tokens("abcd"), 1);
        assert_eq!(estimate_tokens("abcde"), 2);
        assert_eq!(estimate_tokens("ééé"), 1, "characters, not bytes");
        assert_eq!(estimate_tokens("ab\r\ncd\r\n"), estimate_tokens("ab\ncd\n"), "line endings");
        assert_eq!(estimate_tokens("处理文件"), 4, "a token per CJK character");
        assert_eq!(estimate_tokens("PDF を結合"), 1 + 3);
    }

    #[test]
    fn finds_typos_only() {
        let keys = ["description", "name", "allowed-tools"];
        assert_eq!(closest("descripton", keys).as_deref(), Some("description"));
        assert_eq!(closest("allowed_tools", keys).as_deref(), Some("allowed-tools"));
        assert_eq!(closest("author", keys), None);
    }

    #[test]
    fn trigger_phrases() {
        assert!(has_trigger_phrase("Reads PDFs. Use when a PDF is attached."));
        assert!(has_trigger_phrase("Triggers on: deploy, release"));
        assert!(!has_trigger_phrase("Phylogenetic tree toolkit for evolution."));
        assert!(has_trigger_phrase("You MUST use this before any creative work."));
        assert!(has_trigger_phrase("Toolkit. Use rdkit for fine-grained control."));
        assert!(has_trigger_phrase("Wrapper around RDKit. Preferred for standard drug discovery."));
        assert!(!has_trigger_phrase("Uses pandas to load tables."));
        assert!(has_trigger_phrase("Git helpers. Applies when a repository is open."));
        assert!(has_trigger_phrase("When Claude needs to edit a spreadsheet."));
        assert!(has_trigger_phrase("Testing patterns for: unit tests, fixtures, mocks."));
        assert!(has_trigger_phrase("处理 PDF 文件。当用户需要合并 PDF 时使用。"));
        assert!(has_trigger_phrase("PDF を扱う。PDF を結合する場合に使用。"));
        assert!(has_trigger_phrase("Procesa PDF. Úsalo cuando el usuario pida unir archivos."));
        assert!(!has_trigger_phrase("处理 PDF 文件的工具。"));
    }
}
