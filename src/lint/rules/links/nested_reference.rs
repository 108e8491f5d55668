use crate::declare_rule;
use crate::lint::references::{
    is_markdown, is_output_material, normalize_path, referenced_docs, references, shown, skill_dir,
};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a Markdown file that SKILL.md references (by a link or by naming its path)
    /// and that in turn references other Markdown files of the skill which SKILL.md does not
    /// reference itself: references two or more levels deep. Output material (`templates/`,
    /// `assets/`, `*template*`) is copied, not read, and is left alone.
    ///
    /// ## Why is this bad?
    /// The agent reads SKILL.md fully but files it reaches from other files often only in
    /// part (the first lines), so what sits two levels down is easily missed. Link every
    /// reference file from SKILL.md directly.
    ///
    /// **Level.** Warning: the skill loads, but files two levels down are often read only in part.
    ///
    /// ## Example
    /// SKILL.md links `references/guide.md`, which links `references/advanced.md`: link
    /// `references/advanced.md` from SKILL.md too.
    pub struct NestedReference {
        code: "SK402",
        name: "nested-reference",
        group: Links,
        summary: "A referenced file leads on to files SKILL.md does not reference (more than one level deep)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Agent Skills specification; Anthropic skill authoring best practices",
    }
}

impl Rule for NestedReference {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let dir = skill_dir(cx.skill);
        let direct = references(cx);
        let direct: std::collections::HashSet<&std::path::Path> = direct.0.iter().map(|d| d.target.as_path()).collect();
        let docs = referenced_docs(cx);
        let skill_file = normalize_path(&cx.skill.path);
        for doc in &docs.0 {
            let reference = &doc.reference;
            if is_output_material(reference.target.strip_prefix(&dir).unwrap_or(&reference.target)) {
                continue;
            }
            let deeper: Vec<String> = doc
                .markdown_references(&dir, cx.fs)
                .into_iter()
                .filter(|r| is_markdown(&r.target) && r.target != reference.target && r.target != skill_file)
                .filter(|r| !direct.contains(r.target.as_path()))
                .filter(|r| !is_output_material(r.target.strip_prefix(&dir).unwrap_or(&r.target)))
                .map(|r| format!("`{}`", shown(&r.target, &dir)))
                .collect();
            if deeper.is_empty() {
                continue;
            }
            cx.report(
                reference.span,
                format!(
                    "`{}` leads on to {}, which SKILL.md does not reference",
                    shown(&reference.target, &dir),
                    deeper.join(", ")
                ),
            )
            .help("reference those files from SKILL.md directly, so every reference is one level deep");
        }
    }
}
