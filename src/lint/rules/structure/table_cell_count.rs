use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a table row with more or fewer cells, as written, than the table's header.
    /// Pipes escaped as `\|` do not separate cells.
    ///
    /// ## Why is this bad?
    /// Markdown pads a short row with empty cells and silently drops the cells of a long
    /// one: the text in the extra cells never reaches the reader, and a short row shifts
    /// the meaning of the cells it has.
    ///
    /// **Level.** Warning: a rendering defect; the skill loads, but cells shift between columns.
    ///
    /// ## Example
    /// Header `| Option | Cost | Speed |` and row `| Redis | low |`: add the missing cell.
    pub struct TableCellCount {
        code: "SK305",
        name: "table-cell-count",
        group: Structure,
        summary: "A table row has a different number of cells than its header",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "GitHub Flavored Markdown specification (tables)",
    }
}

impl Rule for TableCellCount {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for table in &cx.skill.body.tables {
            let want = table.header.written_cells;
            let header_line = cx.line_of(table.header.span.start as usize);
            for row in table.rows.iter().filter(|r| r.written_cells != want) {
                let (what, help) = if row.written_cells > want {
                    ("more", "the extra cells are dropped; remove them or add columns to the header")
                } else {
                    ("fewer", "the missing cells are shown empty; add them (an empty cell is `|  |`)")
                };
                cx.report(
                    row.span,
                    format!(
                        "this row has {} cells, {what} than the {want} of the header (line {header_line})",
                        row.written_cells
                    ),
                )
                .help(help);
            }
        }
    }
}
