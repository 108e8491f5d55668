use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::scan::{in_link, prose_matches};
use crate::lint::{Checker, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports template placeholders left in the description or the body: `[TODO ...]`,
    /// `TODO:`, `FIXME:`, `TBD`, numbered slots such as `[Gap 1: ...]` or `[Category 1]`,
    /// instructions to the author such as `[Paste ...]`, `[Insert ...]`, `[Describe ...]`,
    /// `[Your ... here]`, and `{{ ... }}`, `<your-...>`, `<insert ...>`. Task boxes
    /// (`- [ ]`), links, code and HTML comments are not looked at, nor a placeholder in
    /// quotes (`Any "TBD" left?` talks about placeholders).
    ///
    /// ## Why is this bad?
    /// The skill was generated from a template and never finished: the agent reads
    /// "[Insert criteria here]" as the criteria.
    ///
    /// ## Example
    /// `- Data sources: [List]` and `[Gap 1: What the skill didn't answer]`: write the
    /// actual sources and gaps, or delete the lines.
    pub struct Placeholder {
        code: "SK700",
        name: "placeholder",
        group: Content,
        summary: "A template placeholder was left in ([TODO], [Insert ...], {{ ... }}, <your-...>)",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "skillsmith (template leftovers)",
    }
}

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \[[\ \t]*(?:TODO|TBD|FIXME|XXX)(?-u:\b)[^\]\n]*\]
        | (?-u:\b)(?:TODO|FIXME):
        | (?-u:\b)TBD(?-u:\b)
        | \[[A-Z][a-z]+[\ \t][0-9]+(?::[^\]\n]*)?\]
        | \[(?:Paste|Insert|Describe|Fill\ in|Enter|Replace|Specify|Provide|Placeholder|Add\ your|Write\ your)(?-u:\b)[^\]\n]*\]
        | \[Your(?-u:\b)[^\]\n]*(?-u:\b)here(?-u:\b)[^\]\n]*\]
        | \{\{[^}\n]*\}\}
        | <(?:your|YOUR)[-_][^>\s]*>
        | <(?i:insert|placeholder)[^>\n]*>
        ",
    )
    .expect("valid pattern")
});

/// Every placeholder in `text`, as byte ranges.
pub fn placeholders(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    PLACEHOLDER.find_iter(text).map(|m| m.range())
}

impl Rule for Placeholder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let mut found: Vec<Span> = Vec::new();
        if let Some(description) = cx.skill.frontmatter.description() {
            let raw = description.span.text(cx.text());
            found.extend(placeholders(raw).map(|r| Span::new(r.start, r.end).shifted(description.span.start as usize)));
        }
        let text = cx.text();
        let quoted = |s: Span| {
            let before = text[..s.start as usize].chars().next_back();
            let after = text[s.end as usize..].chars().next();
            matches!((before, after), (Some('"' | '\'' | '“'), Some('"' | '\'' | '”')))
        };
        found
            .extend(prose_matches(cx.skill, &PLACEHOLDER).into_iter().filter(|&s| !in_link(cx.skill, s) && !quoted(s)));
        for span in found {
            let shown = span.text(cx.text()).to_string();
            cx.report(span, format!("`{shown}` is a template placeholder"))
                .help("write the real content here, or delete the line");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    fn found(text: &str) -> Vec<&str> {
        placeholders(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_placeholders() {
        assert_eq!(found("- [Gap 1: What was missing]"), ["[Gap 1: What was missing]"]);
        assert_eq!(found("[Category 1]: [%]"), ["[Category 1]"]);
        assert_eq!(found("[TODO: fill] and TODO: this"), ["[TODO: fill]", "TODO:"]);
        assert_eq!(found("[Paste your spec here]"), ["[Paste your spec here]"]);
        assert_eq!(found("Hello {{ name }}, see <your-project>"), ["{{ name }}", "<your-project>"]);
    }

    #[test]
    fn leaves_tasks_and_ordinary_brackets() {
        assert!(found("- [ ] task\n- [x] done\n[1] citation, [optional] value, a TODO list").is_empty());
    }
}
