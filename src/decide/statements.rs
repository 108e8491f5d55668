//! What people say, searched for the phrases of red flags and green lights.

use crate::text::words::{has_phrase, normalize};

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

/// The first of `phrases` found in the first statement holding one: (statement, phrase).
/// A phrase matches case-insensitively, from the start of a word, ignoring punctuation and
/// apostrophes; its last word may continue (`fix our prompt` matches "fix our prompts").
pub fn find_phrase<'a>(statements: &'a [Statement], phrases: &'a [String]) -> Option<(&'a Statement, &'a str)> {
    let wanted: Vec<(String, &str)> =
        phrases.iter().map(|p| (normalize(p), p.as_str())).filter(|(n, _)| !n.is_empty()).collect();
    statements.iter().find_map(|statement| {
        let text = normalize(&statement.text);
        wanted.iter().find(|(n, _)| has_phrase(&text, &format!("{n}*"))).map(|(_, p)| (statement, *p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_words_not_fragments() {
        let phrases = vec!["fix our prompt".to_string(), "100% accuracy".to_string()];
        let found = |text: &str| find_phrase(&[Statement::new(text)], &phrases).map(|(_, p)| p.to_string());
        assert_eq!(found("Training will FIX our prompts."), Some("fix our prompt".into()));
        assert_eq!(found("We need 100 % accuracy"), Some("100% accuracy".into()));
        assert_eq!(found("prefix our prompt"), None);
        assert_eq!(found("nothing here"), None);
        let dont = vec!["don't have time".to_string()];
        assert!(find_phrase(&[Statement::new("We don\u{2019}t have time")], &dont).is_some());
    }
}
