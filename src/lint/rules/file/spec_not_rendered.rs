use crate::declare_rule;
use crate::generate::stamp;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::spec_origin::rendered_from;
use crate::lint::{Checker, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports a SKILL.md rendered by `skillsmith render` whose spec (`skill.yaml` beside it,
    /// as its generation stamp names) was edited after it was rendered: the stamp keeps a
    /// digest of the spec's text, and the spec no longer matches it. Files without a stamp,
    /// stamps older than the digest, and specs that are not beside the file are not reported.
    ///
    /// ## Why is this bad?
    /// The agent loads SKILL.md, not the spec: every edit to the spec since the last render is
    /// missing from the skill it is given, while reviewers read the spec and believe it
    /// shipped. Lint in pre-commit and CI is where a spec edit that was never rendered is
    /// caught.
    ///
    /// **Level.** Error: the agent is sent to a skill that is not the one its author wrote;
    /// what the spec says is not there.
    ///
    /// ## Example
    /// A red flag added to `skill.yaml`, committed without `skillsmith render`: run
    /// `skillsmith render .claude/skills/<name>` and commit SKILL.md with the spec.
    pub struct SpecNotRendered {
        code: "SK260",
        name: "spec-not-rendered",
        group: File,
        summary: "The spec this SKILL.md was rendered from changed since; SKILL.md is stale",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "skillsmith generator (the generation stamp)",
    }
}

impl Rule for SpecNotRendered {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some((stamp, path, text)) = rendered_from(cx.skill, cx.fs) else { return };
        let Some(recorded) = &stamp.spec_digest else { return };
        if stamp::digest(&text) == *recorded {
            return;
        }
        let line = cx.skill.text()[stamp.line.clone()].trim_end();
        let span = Span::new(stamp.line.start, stamp.line.start + line.len());
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
        cx.report(span, format!("`{}` changed after this SKILL.md was rendered from it", stamp.spec_file))
            .help(format!("run `skillsmith render {}` and commit SKILL.md with the spec", dir.display()));
    }
}
