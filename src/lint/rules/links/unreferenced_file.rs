use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::Span;
use crate::text::words::{has_any, normalize};

use super::local::{MAX_FILES, MAX_REFERENCE_BYTES, skill_dir};

declare_rule! {
    /// ## What it does
    /// Reports files under the skill's `references/` folder whose name appears nowhere in
    /// SKILL.md nor in any other file of `references/` (by link or by path). Reported at
    /// the body's "References" section if there is one, else at the title.
    ///
    /// ## Why is this bad?
    /// The agent learns about reference files only from what it reads. A file nothing
    /// points to is never read: dead weight in the skill, or a link that was forgotten.
    ///
    /// ## Example
    /// `references/errors.md` that SKILL.md never mentions: add "For error codes, read
    /// [references/errors.md](references/errors.md)." where it helps, or delete the file.
    pub struct UnreferencedFile {
        code: "SK406",
        name: "unreferenced-file",
        group: Links,
        summary: "A file in references/ is not referenced from SKILL.md or another reference",
        levels: Levels::all(Level::Info),
        fixable: No,
        source: "Anthropic skill authoring best practices (progressive disclosure)",
    }
}

impl Rule for UnreferencedFile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let references = skill_dir(cx.skill).join("references");
        if !cx.fs.is_dir(&references) {
            return;
        }
        let files = cx.fs.files_under(&references, MAX_FILES);
        let texts: Vec<(usize, String)> = files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((i, cx.fs.read_text(&references.join(f), MAX_REFERENCE_BYTES)?)))
            .collect();
        let skill_text = cx.text();
        for (index, file) in files.iter().enumerate() {
            let Some(name) = file.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
            if name.starts_with('.') {
                continue;
            }
            let mentioned =
                skill_text.contains(&name) || texts.iter().any(|(other, text)| *other != index && text.contains(&name));
            if mentioned {
                continue;
            }
            let shown = format!("references/{}", file.to_string_lossy().replace('\\', "/"));
            let span = anchor(cx);
            cx.report(span, format!("`{shown}` is not referenced from SKILL.md or another reference file"))
                .help(format!("link `{shown}` where the agent needs it, or delete it"));
        }
    }
}

/// Where to report: the "References" heading, else the title, else the body's first line.
fn anchor(cx: &Checker<'_>) -> Span {
    let sections = &cx.skill.body.sections;
    let titled =
        sections.iter().find(|s| has_any(&normalize(&s.title), &["reference*", "resource*", "further reading"]));
    match titled.or_else(|| sections.first()) {
        Some(section) => section.heading,
        None => cx.line_at(cx.skill.body.span.start as usize),
    }
}
