use crate::declare_rule;
use crate::lint::outline::Outline;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::text::words::{has_any, normalize};

use super::instructions::{ACTION_COLUMNS, ACTION_LEADS, names_alternative};

declare_rule! {
    /// ## What it does
    /// Reports an item of a decision skill's red-flags section that names a signal but not
    /// what to do instead. An item says what to do when it has an arrow (`→`, `->`, `=>`),
    /// the words "instead" or "rather than", when it is itself an instruction ("Use ...",
    /// "Ensure ..."), or when a part after ` — `, ` – `, ` - `, `: ` or a full stop is one
    /// (opens with a verb such as "use", "switch", "stop", or says "do not", "never",
    /// "always", "must"). In a table, a row says it when a column headed "Instead", "Do",
    /// "Action", "Fix", "Alternative" or similar is filled in, or when a cell after the
    /// first is an instruction. An item followed by a "Solution: ..." or "Fix: ..." item, and
    /// a list right under a "**Fix:**" paragraph, count as answered.
    ///
    /// ## Why is this bad?
    /// A red flag without a way out stops the agent without telling it where to go. "We
    /// need 100% accuracy" is a warning; "We need 100% accuracy → add a validation layer"
    /// is guidance.
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
        let outline = Outline::new(cx.skill);
        let text = cx.text();
        let mut lacking = Vec::new();
        for section in outline.red_flag_sections() {
            let subtree = cx.skill.body.subtree(section);
            let within = |s: Option<usize>| s.is_some_and(|s| subtree.contains(&s));
            for list in cx
                .skill
                .body
                .lists
                .iter()
                .filter(|l| l.depth == 0 && within(l.section) && !under_action_lead(cx, l.span))
            {
                for (at, item) in list.items.iter().enumerate().filter(|(_, i)| i.task.is_none()) {
                    let next_is_remedy = list.items.get(at + 1).is_some_and(|next| {
                        ACTION_LEADS.contains(&normalize(&next.text).split(' ').next().unwrap_or(""))
                    });
                    if !next_is_remedy && !names_alternative(item.span.text(text)) {
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
        for span in lacking {
            let first_line = cx.line_at(span.start as usize);
            cx.report(first_line, "this red flag does not say what to do instead")
                .help("write it as `signal → what to do instead`");
        }
    }
}

/// True when the paragraph right above the list at `span` opens with "Fix:", "Solution:" or
/// the like: the list is the remedy, not a list of signals.
fn under_action_lead(cx: &Checker<'_>, span: crate::skill::Span) -> bool {
    let above = cx.skill.body.paragraphs.iter().rev().find(|p| p.span.end <= span.start);
    above.is_some_and(|p| {
        let gap = &cx.text()[p.span.end as usize..span.start as usize];
        let opening = normalize(p.lead.as_deref().unwrap_or(&p.text));
        gap.matches('\n').count() <= 2 && ACTION_LEADS.contains(&opening.split(' ').next().unwrap_or(""))
    })
}
