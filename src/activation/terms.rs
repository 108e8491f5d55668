//! Words to terms: lowercase, split at anything that is not a letter or digit, drop stop
//! words, strip English suffixes. Listing entries and queries go through the same function,
//! so "bundling", "bundler" and "bundles" meet as `bundl`.

/// Words that carry no topic: English function words and the boilerplate of skill
/// descriptions ("This skill should be used when the user asks about ...").
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "ask",
    "asked",
    "asking",
    "asks",
    "at",
    "be",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "covers",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "e",
    "each",
    "eg",
    "either",
    "etc",
    "for",
    "from",
    "g",
    "get",
    "gets",
    "getting",
    "give",
    "go",
    "got",
    "had",
    "has",
    "have",
    "having",
    "help",
    "helps",
    "here",
    "how",
    "i",
    "ie",
    "if",
    "in",
    "includes",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "let",
    "like",
    "make",
    "me",
    "mention",
    "mentions",
    "more",
    "most",
    "my",
    "need",
    "needs",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "please",
    "should",
    "skill",
    "skills",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "too",
    "trigger",
    "triggers",
    "up",
    "us",
    "use",
    "used",
    "user",
    "users",
    "uses",
    "using",
    "via",
    "vs",
    "want",
    "wants",
    "was",
    "way",
    "we",
    "were",
    "what",
    "when",
    "whenever",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
];

/// True when `word` (lowercase) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// One term of a text: its stem and the word it came from, with the word's index among the
/// text's words (stop words included), so phrases can be matched by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The stem: what is compared.
    pub stem: String,
    /// The word as written, lowercased: what is shown.
    pub word: String,
    /// The position of the word in the text, counting every word.
    pub position: usize,
}

/// The terms of `text`, in order.
pub fn terms(text: &str) -> Vec<Term> {
    terms_at(text).into_iter().map(|(_, term)| term).collect()
}

/// The terms of `text` with the byte offset of each word in `text`, in order.
pub fn terms_at(text: &str) -> Vec<(usize, Term)> {
    let mut out = Vec::new();
    for (position, (offset, word)) in words(text).enumerate() {
        let word = word.to_lowercase();
        if word.chars().count() < 2 || is_stop_word(&word) {
            continue;
        }
        out.push((offset, Term { stem: stem(&word), word, position }));
    }
    out
}

/// The words of `text` (runs of letters and digits) with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.next_if(|(_, c)| !c.is_alphanumeric()).is_some() {}
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some((at, c)) = rest.next_if(|(_, c)| c.is_alphanumeric()) {
            end = at + c.len_utf8();
        }
        Some((start, &text[start..end]))
    })
}

/// A light English stemmer: plural and verb endings off, `-ation`/`-ization` to their verb,
/// a final `e` and a doubled final consonant dropped. Words of four letters or fewer, and
/// words with digits or non-ASCII letters, are kept as they are.
pub fn stem(word: &str) -> String {
    if word.len() <= 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut w = word.to_string();
    if let Some(base) = w.strip_suffix("ies") {
        w = format!("{base}y");
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.truncate(w.len() - 1);
    }
    for (suffix, replacement) in
        [("ization", "iz"), ("isation", "iz"), ("ation", "at"), ("ing", ""), ("ed", ""), ("er", ""), ("ly", "")]
    {
        if let Some(base) = w.strip_suffix(suffix)
            && base.len() >= 3
            && base.bytes().any(is_vowel)
        {
            w = format!("{base}{replacement}");
            break;
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.truncate(w.len() - 1);
    }
    let bytes = w.as_bytes();
    let n = bytes.len();
    if n > 3 && bytes[n - 1] == bytes[n - 2] && !is_vowel(bytes[n - 1]) && !matches!(bytes[n - 1], b'l' | b's' | b'z') {
        w.truncate(n - 1);
    }
    w
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn inflections_meet_at_one_stem() {
        for group in [
            &["bundle", "bundles", "bundling", "bundled", "bundler"][..],
            &["test", "tests", "testing", "tested"],
            &["mock", "mocks", "mocking", "mocked"],
            &["migrate", "migration", "migrations"],
            &["library", "libraries"],
            &["run", "running"],
            &["containerize", "containerization"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| s == &stems[0]), "{group:?} -> {stems:?}");
        }
        assert_ne!(stem("server"), stem("service"));
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("s3"), "s3");
    }

    #[test]
    fn terms_drop_stop_words_and_keep_positions() {
        let got: Vec<(String, usize)> = terms("Use when the user asks about bun:sqlite queries")
            .into_iter()
            .map(|t| (t.stem, t.position))
            .collect();
        assert_eq!(got, vec![("bun".to_string(), 6), (stem("sqlite"), 7), ("query".to_string(), 8)]);
    }
}
