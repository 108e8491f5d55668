use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a table that has a header but no data row at all. (Rows of empty cells are
    /// reported one by one by `table-empty-row`.)
    ///
    /// ## Why is this bad?
    /// A header with nothing under it is a template leftover: the columns were planned and
    /// never filled.
    ///
    /// **Level.** Warning: the skill loads, but a table without rows promises data that is not there.
    ///
    /// ## Example
    /// `| Risk | Impact | Mitigation |` and its `|---|---|---|` line, then nothing: add the
    /// rows or remove the table.
    pub struct TableNoData {
        code: "SK307",
        name: "table-no-data",
        group: Structure,
        summary: "A table has a header but no data rows (a template leftover)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "skillsmith (template leftovers)",
    }
}

impl Rule for TableNoData {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for table in &cx.skill.body.tables {
            if table.rows.is_empty() {
                let columns: Vec<&str> = table.header.cells.iter().map(|c| c.text.as_str()).collect();
                cx.report(table.header.span, "this table has no data rows")
                    .help(format!("add rows under `{}`, or remove the table", columns.join(" | ")));
            }
        }
    }
}
