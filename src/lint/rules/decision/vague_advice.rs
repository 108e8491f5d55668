use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::scan::{link_index, prose_matches};
use crate::lint::{Checker, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports generic advice in a decision skill: "consider your requirements", "depending
    /// on your needs", "as appropriate", "it depends", "use your judgment", "follow best
    /// practices", "choose the right tool" and the like, when the sentence around it gives
    /// nothing concrete: no number or threshold, no named option (a capitalised name,
    /// `code`, a quoted term), no example ("e.g.", "such as"), no criterion after "based on"
    /// or "depending on", no arrow to an outcome, no list after a colon (also a list on the
    /// next lines: a sentence ending in `:`), no link. Headings and code are not looked at;
    /// "best practices" as a topic ("- Best practices and troubleshooting") is not advice.
    ///
    /// ## Why is this bad?
    /// The lesson's own rule: "Generic guidance ('consider your requirements') is useless.
    /// Replace with specific criteria ('if query volume exceeds 100K/month, calculate
    /// break-even')". The agent already knows to consider requirements; the skill is there
    /// to say which requirement decides what.
    ///
    /// **Level.** Warning: the skill loads, but vague advice gives the agent nothing to act on.
    ///
    /// ## Example
    /// "Choose a cache size as appropriate." becomes "Size the cache to hold the hot set:
    /// start at 2x the keys read in the busiest hour."
    pub struct VagueAdvice {
        code: "SK510",
        name: "vague-advice",
        group: Decision,
        summary: "Generic advice with no number, threshold or named option (\"consider your requirements\")",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (Add specificity)",
    }
}

static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?-u:\b)consider\ (?:your|the)\ (?:requirements|needs|use\ case|situation|options|context|constraints)(?-u:\b)
        | (?-u:\b)depending\ on\ (?:your|the)\ (?:needs|requirements|use\ case|situation|context)(?-u:\b)
        | (?-u:\b)(?:as|where|when|if)\ appropriate(?-u:\b)
        | (?-u:\b)it\ (?:all\ )?depends(?-u:\b)
        | (?-u:\b)use\ (?:your|good|sound|best)\ judge?ments?(?-u:\b)
        | (?-u:\b)use\ common\ sense(?-u:\b)
        | (?-u:\b)(?:follow|apply|use|adopt|observe|enforce[sd]?|adhere\ to|stick\ to)\ (?:the\ )?(?:[a-z-]+\ ){0,2}best\ practices?(?-u:\b)
        | (?-u:\b)choose\ (?:the\ )?(?:right|best|appropriate|correct)\ (?:tool|approach|option|solution|strategy|method)s?(?-u:\b)
        | (?-u:\b)whatever\ works\ best(?-u:\b)
        ",
    )
    .expect("valid pattern")
});

/// What follows "based on" or "depending on" when it names no criterion.
const VAGUE_CRITERIA: &[&str] = &[
    "your needs",
    "your requirements",
    "your use case",
    "your situation",
    "the situation",
    "the context",
    "needs",
    "requirements",
    "context",
];

/// Words after "best practices" that make it a pointer to a section, not advice.
const POINTERS: &[&str] = &["section", "below", "above", "guide", "document", "reference", "checklist", "file"];

/// The sentence of `text` around `start..end`: bounded by `.`, `!`, `?` (then a space), `|`,
/// or the line.
fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let is_stop = |s: &str| s.starts_with(". ") || s.starts_with("! ") || s.starts_with("? ") || s.starts_with('|');
    let from = (line_start..start)
        .rev()
        .find(|&i| text.is_char_boundary(i) && is_stop(&text[i..]))
        .map_or(line_start, |i| i + 1);
    let to = (end..line_end)
        .find(|&i| text.is_char_boundary(i) && (is_stop(&text[i..]) || text[i..].starts_with(".\n")))
        .unwrap_or(line_end);
    (from, to)
}

/// True when the sentence gives something concrete besides the vague phrase at
/// `phrase` (offsets within `sentence`).
fn is_specific(sentence: &str, phrase: std::ops::Range<usize>) -> bool {
    if sentence.chars().any(|c| c.is_ascii_digit())
        || sentence.contains('`')
        || sentence.contains('→')
        || sentence.contains("->")
    {
        return true;
    }
    let lower = sentence.to_lowercase();
    if lower.trim_end().ends_with(':') {
        return true;
    }
    for criterion in ["based on ", "depending on ", "according to "] {
        if let Some(at) = lower.find(criterion) {
            let rest = lower[at + criterion.len()..].trim_start();
            if !VAGUE_CRITERIA.iter().any(|v| rest.starts_with(v)) {
                return true;
            }
        }
    }
    let markers = ["e.g.", "for example", "such as", "i.e.", " vs ", " vs. ", "\"", "“"];
    if markers.iter().any(|m| lower.contains(m)) {
        return true;
    }
    let after = &lower[phrase.end.min(lower.len())..];
    if POINTERS.iter().any(|p| after.trim_start().starts_with(p) || after.split_whitespace().nth(1) == Some(*p)) {
        return true;
    }
    if let Some((_, list)) = after.split_once(':')
        && list.split_whitespace().count() >= 3
    {
        return true;
    }
    let words: Vec<(usize, &str)> =
        sentence.split_whitespace().map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w)).collect();
    words.iter().enumerate().skip(1).any(|(i, &(at, word))| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let in_phrase = phrase.contains(&at);
        let after_stop = words[i - 1].1.ends_with([':', '.']);
        word.chars().next().is_some_and(char::is_uppercase) && word != "I" && !in_phrase && !after_stop
    })
}

impl Rule for VagueAdvice {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let links = link_index(cx.skill);
        for span in prose_matches(cx.skill, &VAGUE) {
            if cx.skill.body.on_heading(span) || links.holds(span) {
                continue;
            }
            let (from, to) = sentence(text, span.start as usize, span.end as usize);
            let whole = Span::new(from, to);
            let links_in_sentence = links.overlaps(whole);
            let bold = text[from..to].trim_start_matches(['-', '*', ' ', '>', '+']);
            let phrase = (span.start as usize - from)..(span.end as usize - from);
            if links_in_sentence || bold.is_empty() || is_specific(&text[from..to], phrase) {
                continue;
            }
            let phrase = span.text(text).to_string();
            cx.report(span, format!("\"{phrase}\" is advice with nothing specific in it"))
                .help("replace it with the criterion that decides: a number, a threshold or a named option (\"if X exceeds N, choose Y\")");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vague(sentence_text: &str) -> bool {
        let m = VAGUE.find(sentence_text).expect("a vague phrase");
        let (from, to) = sentence(sentence_text, m.start(), m.end());
        !is_specific(&sentence_text[from..to], (m.start() - from)..(m.end() - from))
    }

    #[test]
    fn flags_generic_advice_only() {
        assert!(vague("Consider your requirements before choosing."));
        assert!(vague("Follow best practices."));
        assert!(!vague("Before running, follow security best practices:"));
        assert!(!vague("Choose the right strategy based on model size."));
        assert!(vague("Choose the right tool based on your needs."));
        assert!(vague("Tune the pool size as appropriate."));
        assert!(!vague("It depends on write volume: over 5,000 writes/s, shard."));
        assert!(!vague("Use Redis where appropriate, e.g. for sessions."));
        assert!(VAGUE.find("See the best practices section below.").is_none(), "a topic, not advice");
        assert!(VAGUE.find("- Best practices and troubleshooting").is_none());
        assert!(!vague("It depends on whether you need PostgreSQL features."));
    }
}
