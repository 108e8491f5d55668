//! What people say, searched for the patterns of red flags and green lights.
//!
//! A pattern is words separated by spaces, matched case-insensitively on whole words,
//! ignoring punctuation and apostrophes (`don't` is `dont`):
//! - `a|b` is either word; a word ending in `*` may continue (`change*` is "changes",
//!   "changing"); the last word of a pattern always may (`fix our prompt` is "prompts");
//! - a word may be several joined by `_` or `-` (`do_not|dont`, `fine-tun*`);
//! - `[a|b]` is a word that may be left out; `...` is up to four words of anything;
//! - `#` is any number; `%` is a percent sign, as in `100 %|percent`.
//!
//! A match never crosses the end of a sentence, and a negation inside it or shortly before
//! it in the same clause cancels it ("we never need 100% accuracy", "requirements do not
//! change every month"), unless the pattern itself is negative ("no time to write
//! examples").

/// A statement: its text and, when known, where it was read (a use case's field and line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The words.
    pub text: String,
    /// Where it was read, for messages.
    pub place: Option<String>,
}

impl Statement {
    /// A statement read from nowhere in particular (a scenario's list).
    pub fn new(text: impl Into<String>) -> Statement {
        Statement { text: text.into(), place: None }
    }
}

/// How many words `...` may stand for.
const MAX_GAP: usize = 4;

/// How many words before a match a negation cancels it from.
const NEGATION_REACH: usize = 5;

/// Words that deny what follows them in their clause.
const NEGATIONS: [&str; 17] = [
    "not", "no", "never", "dont", "doesnt", "didnt", "wont", "cannot", "cant", "isnt", "arent", "without", "nor",
    "neither", "nobody", "nothing", "hardly",
];

/// Words that end a clause for negation (and a match never spans a sentence end).
const CLAUSE_BREAKS: [&str; 3] = ["but", "however", "although"];

/// A word of a statement: lowercase, without apostrophes, with where it is in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Word {
    text: String,
    start: usize,
    end: usize,
    /// The word begins a new sentence (after `.`, `!`, `?`, `;` or a line break).
    sentence_start: bool,
}

fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current: Option<Word> = None;
    let mut boundary = true;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let apostrophe = (c == '\'' || c == '\u{2019}') && current.is_some();
        if c.is_alphanumeric() || apostrophe {
            let word = current.get_or_insert_with(|| Word {
                text: String::new(),
                start: at,
                end: at,
                sentence_start: std::mem::take(&mut boundary),
            });
            if !apostrophe {
                word.text.extend(c.to_lowercase());
            }
            word.end = at + c.len_utf8();
            continue;
        }
        let decimal_point = c == '.'
            && current.as_ref().is_some_and(|w| w.text.chars().all(|d| d.is_ascii_digit()))
            && chars.peek().is_some_and(|(_, next)| next.is_ascii_digit());
        if decimal_point {
            if let Some(word) = current.as_mut() {
                word.text.push('.');
            }
            continue;
        }
        out.extend(current.take());
        match c {
            '.' | '!' | '?' | ';' | '\n' => boundary = true,
            '%' => out.push(Word {
                text: "%".into(),
                start: at,
                end: at + 1,
                sentence_start: std::mem::take(&mut boundary),
            }),
            _ => {}
        }
    }
    out.extend(current);
    out
}

/// One place of a pattern.
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    /// One of these words (each a sequence of words with a may-continue flag on the last).
    Words { options: Vec<Vec<(String, bool)>>, optional: bool },
    /// Any number.
    Number,
    /// Up to [`MAX_GAP`] words.
    Gap,
}

/// A pattern read from its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    slots: Vec<Slot>,
    negative: bool,
}

impl Pattern {
    /// Reads `text`; `None` when it has no word to match.
    pub fn new(text: &str) -> Option<Pattern> {
        let mut slots = Vec::new();
        for piece in text.split_whitespace() {
            if piece == "..." {
                slots.push(Slot::Gap);
                continue;
            }
            if piece == "#" {
                slots.push(Slot::Number);
                continue;
            }
            let (piece, optional) = match piece.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
                Some(inner) => (inner, true),
                None => (piece, false),
            };
            let mut options = Vec::new();
            for option in piece.split('|') {
                let (option, continues) = match option.strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (option, false),
                };
                let mut parts: Vec<(String, bool)> =
                    words(&option.replace(['_', '-'], " ")).into_iter().map(|w| (w.text, false)).collect();
                if let Some(last) = parts.last_mut() {
                    last.1 = continues;
                    options.push(parts);
                }
            }
            if !options.is_empty() {
                slots.push(Slot::Words { options, optional });
            }
        }
        // The last word of a pattern may continue ("prompt" matches "prompts").
        if let Some(Slot::Words { options, .. }) = slots.iter_mut().rev().find(|s| matches!(s, Slot::Words { .. })) {
            for option in options.iter_mut() {
                if let Some(last) = option.last_mut() {
                    last.1 = true;
                }
            }
        }
        let negative = slots.iter().any(|slot| match slot {
            Slot::Words { options, .. } => options.iter().flatten().any(|(word, _)| NEGATIONS.contains(&word.as_str())),
            _ => false,
        });
        slots.iter().any(|s| matches!(s, Slot::Words { .. } | Slot::Number)).then_some(Pattern { slots, negative })
    }

    /// The first match in `text` that no negation cancels: its byte range.
    fn find(&self, text: &str) -> Option<(usize, usize)> {
        let words = words(text);
        (0..words.len()).find_map(|start| {
            let end = self.match_at(&words, start, start, 0)?;
            let denied = negated(&words, start) || words[start..end].iter().any(|w| is_negation(&w.text));
            if end == start || !self.negative && denied {
                return None;
            }
            Some((words[start].start, words[end - 1].end))
        })
    }

    /// Matches the slots from `slot` on at word `at`, in a match that began at word
    /// `start`; the index after the last word matched.
    fn match_at(&self, words: &[Word], start: usize, at: usize, slot: usize) -> Option<usize> {
        let Some(current) = self.slots.get(slot) else { return Some(at) };
        // A word continues the match unless it begins another sentence.
        let usable = |index: usize| index < words.len() && (index == start || !words[index].sentence_start);
        match current {
            Slot::Gap => (0..=MAX_GAP)
                .take_while(|skip| (at..at + skip).all(usable))
                .find_map(|skip| self.match_at(words, start, at + skip, slot + 1)),
            Slot::Number => {
                let is_number = usable(at) && words[at].text.chars().all(|c| c.is_ascii_digit() || c == '.');
                is_number.then(|| self.match_at(words, start, at + 1, slot + 1)).flatten()
            }
            Slot::Words { options, optional } => {
                let found = options.iter().find_map(|option| {
                    let fits = option.iter().enumerate().all(|(offset, (word, continues))| {
                        let index = at + offset;
                        usable(index)
                            && if *continues {
                                words[index].text.starts_with(word.as_str())
                            } else {
                                words[index].text == *word
                            }
                    });
                    fits.then(|| self.match_at(words, start, at + option.len(), slot + 1)).flatten()
                });
                found.or_else(|| optional.then(|| self.match_at(words, start, at, slot + 1)).flatten())
            }
        }
    }
}

/// Whether a negation stands within [`NEGATION_REACH`] words before `start`, in its clause.
fn negated(words: &[Word], start: usize) -> bool {
    let mut index = start;
    while index > 0 && start - index < NEGATION_REACH {
        if words[index].sentence_start {
            return false;
        }
        index -= 1;
        let word = words[index].text.as_str();
        if CLAUSE_BREAKS.contains(&word) {
            return false;
        }
        if is_negation(word) {
            return true;
        }
    }
    false
}

fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word)
}

/// A pattern found: the statement, the words it matched as written there, and the pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    /// The statement holding it.
    pub statement: &'a Statement,
    /// The words matched, exactly as the statement has them.
    pub quote: &'a str,
    /// The pattern that matched, as the spec writes it.
    pub pattern: &'a str,
}

/// The first of `patterns` found in the first statement holding one.
pub fn find_phrase<'a>(statements: &'a [Statement], patterns: &'a [String]) -> Option<Found<'a>> {
    let wanted: Vec<(Pattern, &str)> =
        patterns.iter().filter_map(|p| Pattern::new(p).map(|pattern| (pattern, p.as_str()))).collect();
    statements.iter().find_map(|statement| {
        wanted.iter().find_map(|(pattern, written)| {
            let (start, end) = pattern.find(&statement.text)?;
            Some(Found { statement, quote: &statement.text[start..end], pattern: written })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(pattern: &str, text: &str) -> Option<String> {
        let patterns = vec![pattern.to_string()];
        let statements = [Statement::new(text)];
        find_phrase(&statements, &patterns).map(|f| f.quote.to_string())
    }

    #[test]
    fn phrases_match_words_not_fragments() {
        assert_eq!(quote("fix our prompt", "Training will FIX our prompts."), Some("FIX our prompts".into()));
        assert_eq!(quote("100% accuracy", "We need 100 % accuracy"), Some("100 % accuracy".into()));
        assert_eq!(quote("fix our prompt", "prefix our prompt"), None);
        assert_eq!(quote("fix our prompt", "nothing here"), None);
        assert_eq!(quote("don't have time", "We don\u{2019}t have time"), Some("don\u{2019}t have time".into()));
    }

    #[test]
    fn alternatives_inflections_gaps_and_numbers() {
        let know = "know all|everything ... about";
        assert_eq!(quote(know, "It must know all about our case law"), Some("know all about".into()));
        assert_eq!(
            quote(know, "it should know everything there is about tax"),
            Some("know everything there is about".into())
        );
        let change = "requirement*|rule*|polic* change* every|all|weekly|monthly|often|frequently";
        assert_eq!(quote(change, "Our requirements change every month."), Some("requirements change every".into()));
        assert_eq!(quote(change, "the rules changed weekly"), Some("rules changed weekly".into()));
        let accurate = "100|perfect [%|percent] accura*";
        assert_eq!(quote(accurate, "It has to be 100 percent accurate"), Some("100 percent accurate".into()));
        assert_eq!(quote(accurate, "perfect accuracy is the goal"), Some("perfect accuracy".into()));
        assert_eq!(
            quote("prompt* already ... #", "prompting already gets 99% right"),
            Some("prompting already gets 99".into())
        );
        assert_eq!(quote("[the] model", "model"), Some("model".into()));
        assert_eq!(
            quote("train*|fine-tun* ... fix* ... prompt*", "Fine-tuning will fix the prompting later"),
            Some("Fine-tuning will fix the prompting".into())
        );
        assert_eq!(quote("train*|fine-tun* ... fix* ... prompt*", "We will fix our prompting later"), None);
        assert_eq!(quote("3.5 percent", "a 3.5 percent rise"), Some("3.5 percent".into()));
    }

    #[test]
    fn negation_cancels_unless_the_pattern_is_negative() {
        assert_eq!(quote("100 % accura*", "We never need 100% accuracy."), None);
        assert_eq!(quote("know everything", "We do not want it to know everything."), None);
        assert_eq!(quote("know everything", "Nobody asked; it must know everything."), Some("know everything".into()));
        assert_eq!(
            quote("know everything", "Not a chatbot, but it should know everything"),
            Some("know everything".into())
        );
        let no_time = "no|dont|cant|cannot|not ... time ... example*";
        assert_eq!(
            quote(no_time, "We don't have time to write examples"),
            Some("don't have time to write examples".into())
        );
        assert_eq!(quote(no_time, "We can't spare time for examples"), Some("can't spare time for examples".into()));
        assert_eq!(quote(no_time, "We have time to write examples"), None);
        let change = "requirement* ... chang* every|weekly";
        assert_eq!(quote(change, "Requirements do not change every month"), None);
        assert_eq!(
            quote(change, "Requirements will change every month"),
            Some("Requirements will change every".into())
        );
    }

    #[test]
    fn matches_stay_inside_a_sentence() {
        assert_eq!(quote("know ... everything", "We know. Everything else is later."), None);
        assert_eq!(quote("requirement* change*", "The requirements. Change is hard."), None);
        assert_eq!(quote("requirement* change*", "Requirements change"), Some("Requirements change".into()));
    }
}
