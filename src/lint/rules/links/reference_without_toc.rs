use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::{Body, parse_markdown};
use crate::text::words::{has_any, normalize};

use super::local::{MAX_REFERENCE_BYTES, is_markdown, shown, skill_dir, skill_references};

declare_rule! {
    /// ## What it does
    /// Reports a Markdown file that SKILL.md references (outside `assets/` and `templates/`,
    /// which hold material for the output, not for reading) and that is over 100 lines (option
    /// `min-lines`) without a table of contents near its top: a heading such as "Contents"
    /// or "Table of contents", or a list of at least three links to its own `#sections`,
    /// within its first 50 lines. Reported once per file, where SKILL.md first references it.
    ///
    /// ## Why is this bad?
    /// The agent often previews a long file by its first lines. A table of contents there
    /// shows everything the file covers, so the agent knows what to read further.
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
pub fn has_toc(body: &Body, text: &str) -> bool {
    let top = text.split_inclusive('\n').take(TOP_LINES).map(str::len).sum::<usize>();
    let titled = body.sections.iter().any(|s| {
        (s.heading.start as usize) < top
            && has_any(
                &normalize(&s.title),
                &["contents", "table of contents", "toc", "index", "in this file", "sections"],
            )
    });
    let anchors = body.links.iter().filter(|l| (l.span.start as usize) < top && l.dest.starts_with('#')).count();
    titled || anchors >= 3
}

impl Rule for ReferenceWithoutToc {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let dir = skill_dir(cx.skill);
        let min_lines = cx.settings.options.toc_min_lines;
        let read = |r: &super::local::Reference| {
            let rel = r.target.strip_prefix(&dir).unwrap_or(&r.target);
            is_markdown(&r.target) && !rel.starts_with("assets") && !rel.starts_with("templates")
        };
        for reference in skill_references(cx.skill, cx.fs).into_iter().filter(read) {
            let Some(text) = cx.fs.read_text(&reference.target, MAX_REFERENCE_BYTES) else { continue };
            let lines = text.lines().count();
            if lines <= min_lines || has_toc(&parse_markdown(&text), &text) {
                continue;
            }
            cx.report(
                reference.span,
                format!("`{}` is {lines} lines long and has no table of contents", shown(&reference.target, &dir)),
            )
            .help("add a `## Contents` list of its sections at its top, so a preview of the file shows what it covers");
        }
    }
}
