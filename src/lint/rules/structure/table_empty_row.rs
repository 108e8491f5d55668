use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a table data row whose cells are all empty (`| | | |`).
    ///
    /// ## Why is this bad?
    /// An empty row is a template leftover: a row the author meant to fill in. The agent
    /// reads the table as having an entry with no content.
    ///
    /// **Level.** Warning: the skill loads, but an empty row is a template leftover the agent has to read
    /// past.
    ///
    /// ## Example
    /// `| Metric | Target |` over `| | |`: fill the row in or delete it.
    pub struct TableEmptyRow {
        code: "SK306",
        name: "table-empty-row",
        group: Structure,
        summary: "A table row has only empty cells (a template leftover)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "skillsmith (template leftovers)",
    }
}

impl Rule for TableEmptyRow {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for table in &cx.skill.body.tables {
            for row in table.rows.iter().filter(|r| r.cells.iter().all(|c| c.text.is_empty())) {
                cx.report(row.span, "this table row is empty").help("fill the row in, or delete it");
            }
        }
    }
}
