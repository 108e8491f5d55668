use crate::declare_rule;
use crate::lint::parts::Parts;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::List;
use crate::text::words::{has_any, normalize};

use super::instructions::{ACTION_COLUMNS, ACTION_LEADS, is_instruction, names_alternative};

declare_rule! {
    /// ## What it does
    /// Reports an item of a decision skill's red-flags section that names a signal but not
    /// what to do instead. An item says what to do when it has an arrow (`→`, `->`, `=>`),
    /// the words "instead" or "rather than", when it is itself an instruction ("Use ...",
    /// "Ensure ..."), or when a part after ` — `, ` – `, ` - `, `: ` or a full stop is one
    /// (opens with a verb such as "use", "switch", "stop", or says "do not", "never",
    /// "always", "must"). In a table, a row says it when a column headed "Instead", "Do",
    /// "Action", "Fix", "Alternative" or similar is filled in, or when a cell after the
    /// first is an instruction. Lists that are not red flags but a remedy or an explanation
    /// are left alone: a list with a "Fix: ..." or "Solution: ..." item, numbered steps that
    /// are mostly instructions, a list under a "**Fix:**", "**Why:**" or "**Benefits:**"
    /// paragraph, under a directive such as "❌ **Don't mix A and B**", or under a pointer to
    /// another file ("See `references/a11y.md` for:"), and a list followed by a paragraph
    /// that answers all its items ("**All of these mean: delete the code and start over.**").
    /// A section whose heading says what to do ("Red flags - stop and start over") is
    /// answered as a whole.
    ///
    /// ## Why is this bad?
    /// A red flag without a way out stops the agent without telling it where to go. "We
    /// need 100% accuracy" is a warning; "We need 100% accuracy → add a validation layer"
    /// is guidance.
    ///
    /// **Level.** Warning: only on decision skills; it loads, but the agent is served a weaker decision
    /// aid.
    ///
    /// ## Example
    /// `- Requirements change weekly` becomes `- Requirements change weekly → use prompt
    /// engineering until they settle`.
    pub struct RedFlagWithoutAlternative {
        code: "SK506",
        name: "red-flag-without-alternative",
        group: Decision,
        summary: "A red flag names the signal but not what to do instead",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (red flags)",
    }
}

impl Rule for RedFlagWithoutAlternative {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let parts = Parts::of(cx);
        let text = cx.text();
        let mut lacking = Vec::new();
        for section in parts.red_flag_sections() {
            if names_alternative(&cx.skill.body.sections[section].title) {
                continue;
            }
            let mut in_subtree = vec![false; cx.skill.body.sections.len()];
            for index in cx.skill.body.subtree(section) {
                in_subtree[index] = true;
            }
            let within = |s: Option<usize>| s.is_some_and(|s| in_subtree[s]);
            for list in cx
                .skill
                .body
                .lists
                .iter()
                .filter(|l| l.depth == 0 && within(l.section) && !explains_something_else(cx, l))
            {
                for item in list.items.iter().filter(|i| i.task.is_none()) {
                    if !names_alternative(item.span.text(text)) {
                        lacking.push(item.span);
                    }
                }
            }
            for table in cx.skill.body.tables.iter().filter(|t| within(t.section)) {
                let action_columns: Vec<usize> = (0..table.header.cells.len())
                    .filter(|&i| i > 0 && has_any(&normalize(&table.header.cells[i].text), ACTION_COLUMNS))
                    .collect();
                for row in &table.rows {
                    let filled = action_columns.iter().any(|&i| row.cells.get(i).is_some_and(|c| !c.text.is_empty()));
                    let cells: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
                    if !filled && !names_alternative(&cells.join(" — ")) {
                        lacking.push(row.span);
                    }
                }
            }
        }
        lacking.sort_by_key(|s| s.start);
        lacking.dedup();
        for span in lacking {
            let first_line = cx.line_at(span.start as usize);
            cx.report(first_line, "this red flag does not say what to do instead")
                .help("write it as `signal → what to do instead`");
        }
    }
}

/// Paragraph leads that introduce an explanation, not signals.
#[rustfmt::skip]
const EXPLANATION_LEADS: &[&str] = &[
    "why", "benefits", "benefit", "symptom", "symptoms", "cause", "causes", "consequences", "impact", "because",
    "reasons", "when", "problems", "problem", "pros", "cons", "advantages", "drawbacks", "note", "notes", "example",
    "examples",
];

/// True when `list` is not a list of red flags but a remedy or an explanation of one: a list
/// holding a "Fix: ..." or "Solution: ..." item, a procedure (numbered steps that are mostly
/// instructions), or a list right under a paragraph that is a directive ("❌ **Don't ...**"),
/// a remedy lead ("**Fix:**") or an explanation lead ("**Why:**", "**Benefits:**").
fn explains_something_else(cx: &Checker<'_>, list: &List) -> bool {
    let text = cx.text();
    let first_word = |t: &str| normalize(t).split(' ').next().unwrap_or("").to_string();
    if list.items.iter().any(|i| ACTION_LEADS.contains(&first_word(&i.text).as_str())) {
        return true;
    }
    let instructions = list.items.iter().filter(|i| is_instruction(&normalize(&i.text))).count();
    if list.ordered && instructions * 2 >= list.items.len() {
        return true;
    }
    // Paragraphs never nest, so they come in order: the neighbours are binary searches.
    let paragraphs = &cx.skill.body.paragraphs;
    let below = paragraphs.get(paragraphs.partition_point(|p| p.span.start < list.span.end));
    let answered_below = below.is_some_and(|p| {
        let gap = &text[list.span.end as usize..p.span.start as usize];
        gap.matches('\n').count() <= 2 && p.section == list.section && names_alternative(p.span.text(text))
    });
    if answered_below {
        return true;
    }
    let above = paragraphs.partition_point(|p| p.span.end <= list.span.start).checked_sub(1).map(|i| &paragraphs[i]);
    above.is_some_and(|p| {
        let gap = &text[p.span.end as usize..list.span.start as usize];
        let opening = first_word(p.lead.as_deref().unwrap_or(&p.text));
        let raw = p.span.text(text);
        gap.matches('\n').count() <= 2
            && (ACTION_LEADS.contains(&opening.as_str())
                || EXPLANATION_LEADS.contains(&opening.as_str())
                || raw.starts_with(['❌', '✅'])
                || raw.contains(".md")
                || normalize(raw).split(' ').any(|w| w == "see")
                || names_alternative(raw))
    })
}

#[cfg(test)]
mod tests {
    use crate::Skill;
    use crate::lint::{MemoryFs, Selection, Settings, Target, check_skill};

    fn lines_flagged(body: &str) -> Vec<u32> {
        let text = format!("---\nname: x\ndescription: d\nmetadata:\n  kind: decision\n---\n{body}");
        let skill = Skill::parse("s/x/SKILL.md", text.into_bytes());
        let mut settings = Settings::new(Target::ClaudeCode);
        settings.apply(&Selection { select: Some(vec!["SK506".into()]), ..Selection::default() }).unwrap();
        check_skill(&skill, &settings, &MemoryFs::new())
            .iter()
            .map(|d| skill.line_col(d.span.start as usize).line)
            .collect()
    }

    #[test]
    fn flags_only_the_signals_without_a_way_out() {
        assert_eq!(
            lines_flagged("## Red flags\n\n- Hit rate under 50% → drop the cache\n- Invalidation by hand\n"),
            [10]
        );
    }

    #[test]
    fn leaves_remedies_explanations_and_answered_lists_alone() {
        let explained = "## Never do\n\n❌ **Don't mix A and B**\n- Incompatible APIs\n- Imports fail\n";
        assert_eq!(lines_flagged(explained), Vec::<u32>::new());
        let answered = "## Red flags\n\n- Code before test\n- Tests added later\n\n**All of these mean: delete the code and start over.**\n";
        assert_eq!(lines_flagged(answered), Vec::<u32>::new());
        let titled = "## Red flags - stop and start over\n\n- Code before test\n";
        assert_eq!(lines_flagged(titled), Vec::<u32>::new());
        let remedy = "## Gotchas\n\n- **SYMPTOM:** out of memory\n- **FIX:** drop the page cache\n";
        assert_eq!(lines_flagged(remedy), Vec::<u32>::new());
    }
}
