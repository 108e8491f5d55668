use unicode_normalization::UnicodeNormalization;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Checks `name` as the reference validator does, after trimming and NFKC
    /// normalisation: at most 64 characters; lowercase; only letters, digits and hyphens
    /// (Unicode letters and digits count, as in the reference validator); no hyphen at the
    /// start or end; no `--`. A name that is a list or a map is reported too.
    ///
    /// ## Why is this bad?
    /// The name becomes the slash command and the key skills are listed by; every platform
    /// rejects a name outside these rules.
    ///
    /// **Level.** Error on every target: the specification forbids the name, and Claude Code cannot invoke
    /// a name that is not one word of lowercase letters, digits and hyphens.
    ///
    /// ## Example
    /// ```yaml
    /// name: PDF_Tools
    /// ```
    /// Write `name: pdf-tools`.
    pub struct NameInvalid {
        code: "SK102",
        name: "name-invalid",
        group: Frontmatter,
        summary: "The name breaks the specification's naming rules",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Agent Skills specification",
    }
}

/// The most characters a name may have (after NFKC normalisation).
pub const NAME_LIMIT: usize = 64;

/// The problems of a skill name, in the reference validator's terms (empty when valid).
pub fn name_problems(name: &str) -> Vec<String> {
    let normalized: String = name.trim().nfkc().collect();
    let mut problems = Vec::new();
    if normalized.is_empty() {
        return problems;
    }
    let length = normalized.chars().count();
    if length > NAME_LIMIT {
        problems.push(format!("is {length} characters long; the limit is {NAME_LIMIT}"));
    }
    if normalized != normalized.to_lowercase() {
        problems.push("must be lowercase".to_string());
    }
    if normalized.starts_with('-') || normalized.ends_with('-') {
        problems.push("must not start or end with a hyphen".to_string());
    }
    if normalized.contains("--") {
        problems.push("must not contain two hyphens in a row".to_string());
    }
    let bad: Vec<char> = normalized.chars().filter(|&c| !(c.is_alphanumeric() || c == '-')).collect();
    if !bad.is_empty() {
        let mut shown: Vec<String> = bad.iter().map(|c| format!("`{c}`")).collect();
        shown.dedup();
        problems.push(format!("may hold only letters, digits and hyphens, not {}", shown.join(", ")));
    }
    problems
}

/// The name turned into a valid one, if it can be (lowercased, other characters to hyphens).
pub fn suggest_name(name: &str) -> Option<String> {
    let lowered: String = name.trim().nfkc().collect::<String>().to_lowercase();
    let mut out = String::new();
    for c in lowered.chars() {
        let c = if c.is_alphanumeric() { c } else { '-' };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('-').chars().take(NAME_LIMIT).collect::<String>().trim_end_matches('-').to_string();
    (!out.is_empty() && out != name).then_some(out)
}

impl Rule for NameInvalid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(entry) = cx.skill.frontmatter.entry("name") else { return };
        let Some(name) = entry.value.as_str() else {
            let found = entry.value.type_name();
            cx.report(entry.value.span, format!("`name` is a {found}; it must be a string"));
            return;
        };
        let problems = name_problems(name);
        if problems.is_empty() {
            return;
        }
        let diagnostic = cx.report(entry.value.span, format!("the name `{name}` {}", problems.join("; it ")));
        if let Some(better) = suggest_name(name) {
            diagnostic.help(format!("use `{better}`, and name the folder the same"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_the_reference_validator_accepts() {
        for name in ["pdf", "pdf-tools-2", "数据处理", "обработка", "ｐｄｆ"] {
            assert!(name_problems(name).is_empty(), "{name}: {:?}", name_problems(name));
        }
    }

    #[test]
    fn rejects_what_it_rejects() {
        for name in ["PDF", "-pdf", "pdf-", "pdf--x", "pdf_x", "pdf x", &"a".repeat(65)] {
            assert!(!name_problems(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn suggests_a_valid_name() {
        assert_eq!(suggest_name("PDF_Tools").as_deref(), Some("pdf-tools"));
        assert_eq!(suggest_name("--a  b--").as_deref(), Some("a-b"));
    }
}
