//! Word-level matching for headings and prose: normalise to lowercase words, then look for
//! phrases on word boundaries ("use case" matches "Use cases" but not "abuse cases").

/// `text` in lowercase with every run of characters other than letters and digits turned
/// into one space, trimmed; apostrophes are dropped so "don't" becomes "dont".
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c == '\'' || c == '\u{2019}' {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            pending_space = true;
        }
    }
    out
}

/// True when normalised `haystack` holds normalised `phrase` as whole words; a phrase ending
/// in `*` matches any word starting with its last word ("example*" matches "examples").
pub fn has_phrase(haystack: &str, phrase: &str) -> bool {
    let (phrase, prefix) = match phrase.strip_suffix('*') {
        Some(p) => (p, true),
        None => (phrase, false),
    };
    if phrase.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(phrase) {
        let start = from + pos;
        let end = start + phrase.len();
        let before_ok = start == 0 || haystack.as_bytes()[start - 1] == b' ';
        let after_ok = prefix || end == haystack.len() || haystack.as_bytes()[end] == b' ';
        if before_ok && after_ok {
            return true;
        }
        from = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// True when normalised `haystack` holds any of `phrases` (see [`has_phrase`]).
pub fn has_any(haystack: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_phrase(haystack, p))
}

/// True when normalised `haystack` starts with one of `phrases` as whole words.
pub fn starts_with_any(haystack: &str, phrases: &[&str]) -> bool {
    phrases
        .iter()
        .any(|p| haystack.starts_with(p) && (haystack.len() == p.len() || haystack.as_bytes()[p.len()] == b' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_punctuation_case_and_apostrophes() {
        assert_eq!(normalize("## When *NOT* to use — don't!"), "when not to use dont");
        assert_eq!(normalize("Trade-offs"), "trade offs");
        assert_eq!(normalize("🚩 Red Flags"), "red flags");
    }

    #[test]
    fn matches_whole_words_and_prefixes() {
        assert!(has_phrase("when to use this skill", "when to use"));
        assert!(!has_phrase("abuse cases", "use case"));
        assert!(has_phrase("use cases", "use case*"));
        assert!(!has_phrase("use cases", "use case"));
        assert!(has_any("worked examples", &["example*"]));
        assert!(starts_with_any("do not use this skill for", &["do not use"]));
        assert!(!starts_with_any("do nothing", &["do no"]));
    }
}
