use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::skill::{DecodeIssue, Span};

declare_rule! {
    /// ## What it does
    /// Reports a UTF-8 byte-order mark at the start of the file. The rest of the file is
    /// then read as if it were not there.
    ///
    /// ## Why is this bad?
    /// The frontmatter must start on the very first line with `---`; a tool that does not
    /// skip the invisible mark sees `\u{feff}---` and finds no frontmatter at all.
    ///
    /// **Level.** Warning: Claude Code reads a file starting with a byte-order mark since v2.1.239; older
    /// versions and other tools silently ignore it, so it loads only sometimes.
    ///
    /// ## Example
    /// A file saved by an editor set to "UTF-8 with BOM". The safe fix removes the mark.
    pub struct Utf8Bom {
        code: "SK002",
        name: "utf8-bom",
        group: File,
        summary: "The file starts with a byte-order mark",
        levels: Levels::all(Level::Warning),
        fixable: Safe,
        source: "skillsmith",
    }
}

impl Rule for Utf8Bom {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        if cx.skill.source.issues.contains(&DecodeIssue::Bom) {
            let bom = Span::new(0, 3);
            cx.report(bom, "the file starts with a UTF-8 byte-order mark")
                .help("save the file as UTF-8 without BOM")
                .fix(Fix::safe("remove the byte-order mark", vec![Edit { span: bom, replacement: String::new() }]));
        }
    }
}
