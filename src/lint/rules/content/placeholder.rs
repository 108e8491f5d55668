use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::references::{is_output_material, referenced_docs, shown, skill_dir};
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
    /// quotes (`Any "TBD" left?` talks about placeholders). `${{ ... }}` is GitHub Actions
    /// syntax, not a placeholder; unbracketed author instructions ("Replace with description
    /// of the skill", "Insert instructions below") are. The Markdown files SKILL.md references
    /// are scanned too (outside code, and except output material such as `templates/`): one
    /// finding per file, at its reference, one level milder.
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
        self.check_bundled(cx);
    }
}

impl Placeholder {
    /// Placeholders in the Markdown files SKILL.md references (not output material, which is
    /// meant to hold them), outside code fences: one finding per file, at its reference, one
    /// level milder (the agent reads those files only sometimes).
    fn check_bundled(&self, cx: &mut Checker<'_>) {
        let dir = skill_dir(cx.skill);
        let docs = referenced_docs(cx);
        for doc in &docs.0 {
            let rel = doc.reference.target.strip_prefix(&dir).unwrap_or(&doc.reference.target);
            if is_output_material(rel) {
                continue;
            }
            let Some((line, found)) = first_prose_placeholder(&doc.text) else { continue };
            cx.report(
                doc.reference.span,
                format!(
                    "`{}` holds the template placeholder `{found}` (line {line})",
                    shown(&doc.reference.target, &dir)
                ),
            )
            .help("write the real content in that file, or delete the line")
            .milder();
        }
    }
}

/// The first certain placeholder of a Markdown text outside code fences, inline code and link
/// texts (`{{ ... }}` left out: bundled references show template languages), with its
/// 1-based line.
fn first_prose_placeholder(text: &str) -> Option<(usize, String)> {
    let mut fence: Option<&str> = None;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => {
                fence = Some(m);
                continue;
            }
            (Some(open), Some(m)) if open == m => {
                fence = None;
                continue;
            }
            (Some(_), _) => continue,
            _ => {}
        }
        // Only the certain kinds (`[TODO ...]`, `TBD`, `<your-...>`): numbered slots such as
        // `[Strength 1]` are how reference files show a table to fill in the output.
        let certain = &LINE_FILTERS[0];
        let found = placeholders(line).find(|r| {
            let p = &line[r.clone()];
            let ticks = line[..r.start].matches('`').count();
            let link_text = line[r.end..].starts_with('(');
            let marked = certain.find(p).is_some_and(|m| m.start() == 0 && m.end() == p.len());
            marked && !p.starts_with("{{") && ticks % 2 == 0 && !link_text
        });
        let found = found.map(|r| &line[r]);
        if let Some(found) = found {
            return Some((index + 1, found.to_string()));
        }
    }
    None
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

    #[test]
    fn bundled_files_give_their_first_certain_placeholder_in_prose() {
        use super::first_prose_placeholder;
        let text = "1. [Clause 4: Quality](#clause-4)\n| [Strength 1] | x |\n```\n[TODO: in code]\n```\n`[TODO: x]` and {{ v }}\n# [TODO: Reference Name]\n";
        assert_eq!(first_prose_placeholder(text), Some((7, "[TODO: Reference Name]".to_string())));
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
