use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a description written in the first or second person: "I can", "I will",
    /// "I'm", "We can", "You can", "You will", "Your ..." at the start.
    ///
    /// ## Why is this bad?
    /// The description is injected into the agent's system prompt, where "I" and "you" are
    /// ambiguous. Authoring guides ask for the third person ("Extracts tables from PDFs")
    /// followed by the trigger ("Use when ..."); "Use when you ..." is fine.
    ///
    /// **Level.** Warning: the skill loads, but a first- or second-person description reads badly in the
    /// system prompt and triggers worse.
    ///
    /// ## Example
    /// `description: I can help you fill PDF forms.` becomes
    /// `description: Fills PDF forms. Use when a form needs completing.`
    pub struct DescriptionPerson {
        code: "SK110",
        name: "description-person",
        group: Frontmatter,
        summary: "The description is in the first or second person",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Anthropic skill authoring best practices",
    }
}

/// Phrases that put a description in the first or second person.
const PERSONAL: &[&str] = &[
    "i can ",
    "i will ",
    "i'll ",
    "i'm ",
    "i am ",
    "i help ",
    "i'd ",
    "we can ",
    "we will ",
    "we'll ",
    "let me ",
    "you can ",
    "you will ",
    "you'll ",
    "you should ",
    "you must ",
    "you need ",
    "you want ",
    "you have ",
];

/// The personal phrase in `description`, if any, as written with the words that follow it
/// (up to six): one of the personal phrases at the start of any sentence of the whole
/// description, or "Your"/"You" opening it.
pub fn personal_phrase(description: &str) -> Option<String> {
    personal_phrase_at(description).map(|at| shown_from(description, at))
}

/// Where in `description` the personal phrase starts (see [`personal_phrase`]).
fn personal_phrase_at(description: &str) -> Option<usize> {
    // ASCII lowercasing keeps byte offsets, so the phrase can be shown as written.
    let lower = description.to_ascii_lowercase();
    let mut start = 0;
    for piece in lower.split_inclusive(['.', '!', '?', '\n']) {
        let trimmed = piece.trim_start();
        let at = start + piece.len() - trimmed.len();
        start += piece.len();
        if PERSONAL.iter().any(|p| trimmed.starts_with(*p)) {
            return Some(at);
        }
    }
    let first = lower.split_whitespace().next()?;
    matches!(first, "your" | "you" | "my" | "i").then(|| lower.len() - lower.trim_start().len())
}

/// The sentence of `text` from byte `at`, without its full stop.
fn sentence_from(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    rest.split(['.', '!', '?', '\n']).next().unwrap_or(rest).trim_end()
}

/// Up to six words of `text` from byte `at`, within one sentence.
fn shown_from(text: &str, at: usize) -> String {
    let sentence = sentence_from(text, at);
    let words: Vec<&str> = sentence.split_whitespace().take(6).collect();
    let more = sentence.split_whitespace().count() > words.len();
    format!("{}{}", words.join(" "), if more { " ..." } else { "" })
}

impl Rule for DescriptionPerson {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(description) = cx.skill.frontmatter.description() else { return };
        if let Some(at) = personal_phrase_at(description.value) {
            let phrase = shown_from(description.value, at);
            // The sentence as the file holds it, or its first word, or else the whole value.
            let sentence = sentence_from(description.value, at);
            let first_word = sentence.split_whitespace().next().unwrap_or_default();
            let text = cx.skill.text();
            let span = description
                .source_span_of(text, sentence)
                .or_else(|| description.source_span_of(text, first_word))
                .unwrap_or(description.span);
            cx.report(span, format!("the description speaks in the first or second person (\"{phrase}\")")).help(
                "describe the skill in the third person (\"Extracts ...\"), then say when to use it (\"Use when ...\")",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::personal_phrase;

    #[test]
    fn finds_personal_openings_only() {
        assert_eq!(personal_phrase("I can help with PDFs").as_deref(), Some("I can help with PDFs"));
        assert_eq!(personal_phrase("Reads PDFs. You can ask it anything.").as_deref(), Some("You can ask it anything"));
        assert_eq!(personal_phrase("Your PDF assistant").as_deref(), Some("Your PDF assistant"));
        assert_eq!(
            personal_phrase("You MUST use this before any creative work - creating features").as_deref(),
            Some("You MUST use this before any ...")
        );
        assert_eq!(personal_phrase("Reads PDFs. Use when you need a table."), None);
    }
}
