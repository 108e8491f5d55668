use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::scan::{link_index, prose_spans};
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
    /// **Level.** Error on every target: a placeholder that is certainly one means the skill was never
    /// finished, and the agent reads the placeholder as instructions.
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

/// Placeholders marked by a word or by their brackets: `[TODO ...]`, `TODO:`, `TBD`,
/// `{{ ... }}`, `<your-...>`, `<insert ...>`.
const MARKED: &str = r"
    \[[\ \t]*(?:TODO|TBD|FIXME|XXX)(?-u:\b)[^\]\n]*\]
    | (?-u:\b)(?:TODO|FIXME):
    | (?-u:\b)TBD(?-u:\b)
    | \{\{[^}\n]*\}\}
    | <(?:your|YOUR)[-_][^>\s]*>
    | <(?i:insert|placeholder)[^>\n]*>
    | (?-u:\b)Replace\ (?:this\ )?with\ (?:a\ |the\ |your\ )?(?:description|summary|name|instructions)(?-u:\b)
    | (?-u:\b)Insert\ (?:your\ |the\ )?(?:instructions|content|steps|description)\ (?:here|below)(?-u:\b)
";

/// Placeholders that are an instruction in square brackets: `[Gap 1: ...]`, `[Insert ...]`,
/// `[Your ... here]`.
const BRACKETED: &str = r"
    \[[A-Z][a-z]+[\ \t][0-9]+(?::[^\]\n]*)?\]
    | \[(?:Paste|Insert|Describe|Fill\ in|Enter|Replace|Specify|Provide|Placeholder|Add\ your|Write\ your)(?-u:\b)[^\]\n]*\]
    | \[Your(?-u:\b)[^\]\n]*(?-u:\b)here(?-u:\b)[^\]\n]*\]
";

/// Both kinds, as one pattern: what a placeholder is. No two of its branches can match at
/// the same place, so their order does not matter.
static PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?x:{MARKED})|(?x:{BRACKETED})")).expect("valid pattern"));

/// Each kind on its own: the regex engine finds the literal start of each far faster than
/// that of the whole alternation, so these find the lines worth searching with the whole.
static LINE_FILTERS: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [MARKED, BRACKETED].map(|branches| Regex::new(&format!("(?x:{branches})")).expect("valid pattern"))
});

/// Every placeholder in `text`, as byte ranges. No placeholder spans a line break, so the
/// whole pattern runs only over the lines where one of its kinds matches.
pub fn placeholders(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for filter in LINE_FILTERS.iter() {
        // Matches come in order: the line of the last one serves the next ones on it, so a
        // long line is measured once, not once per match.
        let mut line: Option<(usize, usize)> = None;
        for m in filter.find_iter(text) {
            if line.is_some_and(|(start, end)| start <= m.start() && m.start() <= end) {
                continue;
            }
            let start = memchr::memrchr(b'\n', &bytes[..m.start()]).map_or(0, |i| i + 1);
            let end = memchr::memchr(b'\n', &bytes[m.end()..]).map_or(text.len(), |i| m.end() + i);
            line = Some((start, end));
            lines.push((start, end));
        }
    }
    lines.sort_unstable();
    lines.dedup();
    lines.into_iter().flat_map(move |(start, end)| {
        PLACEHOLDER
            .find_iter(&text[start..end])
            .map(move |m| start + m.start()..start + m.end())
            // `${{ github.token }}` is GitHub Actions syntax, not a placeholder.
            .filter(move |r| !(text[r.clone()].starts_with("{{") && text[..r.start].ends_with('$')))
    })
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
        let body = cx.skill.body.span;
        let in_body = placeholders(body.text(text)).map(|r| Span::new(r.start, r.end).shifted(body.start as usize));
        let links = link_index(cx.skill);
        found.extend(prose_spans(cx.skill, in_body).into_iter().filter(|&s| !links.holds(s) && !quoted(s)));
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
        assert_eq!(found("token: ${{ secrets.GITHUB_TOKEN }} and {{ x }}"), ["{{ x }}"]);
        assert_eq!(found("Replace with description of the skill."), ["Replace with description"]);
        assert_eq!(found("Insert instructions below"), ["Insert instructions below"]);
        assert!(found("Replace with care; insert the key below the line").is_empty());
    }

    proptest::proptest! {
        /// Searching only the lines a kind matches finds exactly what the whole pattern finds
        /// in the whole text, even where the kinds overlap.
        #[test]
        fn the_line_filter_loses_nothing(parts in proptest::collection::vec(proptest::sample::select(vec![
            "[TODO x]", "TODO:", "TBD", "[Gap 1: y]", "[Insert z]", "[Your a here]", "{{ b }}", "<your-c>",
            "<insert d>", "[Describe TBD here]", "[Fill in {{ e ]", "}}", "[", "]", "{{", "<", ">", "\n", " ", "x",
            "é", "TODO", "[ FIXME ]", "<YOUR_f>",
        ]), 0..40)) {
            let text: String = parts.concat();
            let whole: Vec<_> = super::PLACEHOLDER.find_iter(&text).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(placeholders(&text).collect::<Vec<_>>(), whole);
        }
    }

    #[test]
    fn leaves_tasks_and_ordinary_brackets() {
        assert!(found("- [ ] task\n- [x] done\n[1] citation, [optional] value, a TODO list").is_empty());
    }
}
