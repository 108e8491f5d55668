use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::report_missing_or_empty;

declare_rule! {
    /// ## What it does
    /// Reports a frontmatter without `name`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// The specification requires a name. Claude Code falls back to the folder's name, so
    /// there it is a warning; on `spec` and `api` an error.
    ///
    /// **Level.** Error on `spec` and `api`, which refuse a skill without a name; info on `claude-code`,
    /// which takes the name from the folder.
    ///
    /// ## Example
    /// ```yaml
    /// description: Reads PDFs. Use when a PDF is attached.
    /// ```
    /// Add `name: pdf` (the folder's name).
    pub struct NameMissing {
        code: "SK101",
        name: "name-missing",
        group: Frontmatter,
        summary: "The frontmatter has no name",
        levels: Levels { spec: Level::Error, claude_code: Level::Info, api: Level::Error },
        fixable: No,
        source: "Agent Skills specification",
    }
}

impl Rule for NameMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let suggestion =
            cx.skill.dir_name.as_deref().map_or(String::new(), |d| format!(" (the folder's name: `name: {d}`)"));
        report_missing_or_empty(cx, "name", format!("add a name{suggestion}"), format!("set a name{suggestion}"));
    }
}
