use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::QuickDoc;
use crate::text::words::{has_any, normalize};

use crate::lint::references::{is_output_material, referenced_docs, shown, skill_dir};

declare_rule! {
    /// ## What it does
    /// Reports a Markdown file that SKILL.md references (except output material: files under
    /// `assets/` or `templates/` or named `*template*`, which are copied, not read) and that is over 100 lines (option
    /// `min-lines`) without a table of contents near its top: a heading such as "Contents"
    /// or "Table of contents", or a list of at least three links to its own `#sections`,
    /// within its first 50 lines. Reported once per file, where SKILL.md first references it.
    ///
    /// ## Why is this bad?
    /// The agent often previews a long file by its first lines. A table of contents there
    /// shows everything the file covers, so the agent knows what to read further.
    ///
    /// **Level.** Info: true but harmless; the file is still read, only a preview of it shows less.
    ///
    /// ## Example
    /// A 400-line `references/api.md` starting straight with `## Authentication`: add a
    /// `## Contents` list of its sections at the top.
    pub struct ReferenceWithoutToc {
        code: "SK405",
        name: "reference-without-toc",
        group: Links,
        summary: "A long referenced file has no table of contents at its top",
        levels: Levels::all(Level::Info),
        fixable: No,
        source: "Anthropic skill authoring best practices",
    }
}

/// Lines from the top in which a table of contents is looked for.
const TOP_LINES: usize = 50;

/// True when `body` (of `text`) has a table of contents in its first lines.
pub fn has_toc(scan: &QuickDoc, text: &str) -> bool {
    let top = crate::text::head_len(text, TOP_LINES);
    let titled = scan.headings.iter().any(|h| {
        (h.span.start as usize) < top
            && has_any(
                &normalize(&h.title),
                &["contents", "table of contents", "toc", "index", "in this file", "sections"],
            )
    });
    let anchors = scan.links.iter().filter(|l| (l.span.start as usize) < top && l.dest.starts_with('#')).count();
    titled || anchors >= 3
}

impl Rule for ReferenceWithoutToc {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let dir = skill_dir(cx.skill);
        let min_lines = cx.settings.options.toc_min_lines;
        let docs = referenced_docs(cx);
        for doc in &docs.0 {
            let target = &doc.reference.target;
            let rel = target.strip_prefix(&dir).unwrap_or(target);
            if is_output_material(rel) {
                continue;
            }
            let lines = crate::text::line_count(&doc.text);
            if lines <= min_lines || has_toc(&doc.scan, &doc.text) {
                continue;
            }
            cx.report(
                doc.reference.span,
                format!("`{}` is {lines} lines long and has no table of contents", shown(target, &dir)),
            )
            .help("add a `## Contents` list of its sections at its top, so a preview of the file shows what it covers");
        }
    }
}
