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
];

/// The personal phrase in `description`, if any: one of the personal phrases at the start of a
/// sentence, or "Your"/"You" opening the description.
pub fn personal_phrase(description: &str) -> Option<String> {
    let lower = description.to_lowercase();
    for sentence in lower.split(['.', '!', '?', '\n']).map(str::trim_start) {
        if let Some(p) = PERSONAL.iter().find(|p| sentence.starts_with(*p)) {
            return Some(p.trim().to_string());
        }
    }
    let first = lower.split_whitespace().next()?;
    matches!(first, "your" | "you" | "my" | "i").then(|| first.to_string())
}

impl Rule for DescriptionPerson {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(description) = cx.skill.frontmatter.description() else { return };
        if let Some(phrase) = personal_phrase(description.value) {
            cx.report(description.span, format!("the description speaks in the first or second person (\"{phrase}\")"))
                .help("describe the skill in the third person (\"Extracts ...\"), then say when to use it (\"Use when ...\")");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::personal_phrase;

    #[test]
    fn finds_personal_openings_only() {
        assert_eq!(personal_phrase("I can help with PDFs").as_deref(), Some("i can"));
        assert_eq!(personal_phrase("Reads PDFs. You can ask it anything.").as_deref(), Some("you can"));
        assert_eq!(personal_phrase("Your PDF assistant").as_deref(), Some("your"));
        assert_eq!(personal_phrase("Reads PDFs. Use when you need a table."), None);
    }
}
