use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a key written twice in one mapping of the frontmatter, at its second
    /// occurrence.
    ///
    /// ## Why is this bad?
    /// YAML parsers disagree about duplicates: the reference validator rejects the file,
    /// others keep the first or the last value silently. Which description Claude sees
    /// depends on the tool.
    ///
    /// **Level.** Error on every target: YAML parsers refuse or silently pick one of two equal keys, so the
    /// skill misloads.
    ///
    /// ## Example
    /// ```yaml
    /// name: pdf
    /// description: Reads PDFs.
    /// description: Reads and writes PDFs.
    /// ```
    pub struct DuplicateKey {
        code: "SK008",
        name: "duplicate-key",
        group: File,
        summary: "A frontmatter key is written twice",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "YAML 1.2 specification",
    }
}

impl Rule for DuplicateKey {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(document) = &cx.skill.frontmatter.document else { return };
        for duplicate in &document.duplicates {
            let first = cx.skill.line_col(duplicate.first.start as usize).line;
            cx.report(
                duplicate.second,
                format!("the key `{}` is written twice (first at line {first})", duplicate.key),
            )
            .help("keep one of the two and delete the other");
        }
    }
}
