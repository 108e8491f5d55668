use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::skill::Span;
use crate::yaml::Style;

use crate::lint::rules::file::yaml_syntax::quote;

declare_rule! {
    /// ## What it does
    /// Reports a top-level `version` key.
    ///
    /// ## Why is this bad?
    /// No platform defines a top-level `version`: the specification, the API and the
    /// reference validator reject the key, and Claude Code ignores it. Versions belong in
    /// `metadata` as strings. The safe fix moves it there, quoted, keeping its text.
    ///
    /// **Level.** Error on `spec` and `api`, which refuse the key; info on `claude-code`, which simply
    /// ignores it.
    ///
    /// ## Example
    /// ```yaml
    /// version: 1.0.0
    /// ```
    /// becomes
    /// ```yaml
    /// metadata:
    ///   version: '1.0.0'
    /// ```
    pub struct VersionTopLevel {
        code: "SK115",
        name: "version-top-level",
        group: Frontmatter,
        summary: "A top-level version key (it belongs under metadata)",
        levels: Levels { spec: Level::Error, claude_code: Level::Info, api: Level::Error },
        fixable: Safe,
        source: "Agent Skills specification",
    }
}

impl Rule for VersionTopLevel {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(entry) = cx.skill.frontmatter.entry("version") else { return };
        let fix = move_fix(cx);
        let diagnostic = cx.report(entry.key.span, "`version` is not a frontmatter key; it belongs under `metadata`");
        diagnostic.help("move it under `metadata` as a string: `metadata:` then `  version: \"1.0\"`");
        if let Some(fix) = fix {
            diagnostic.fix(fix);
        }
    }
}

/// Deletes the `version` line and adds it under `metadata` (creating the map if needed).
fn move_fix(cx: &Checker<'_>) -> Option<Fix> {
    let skill = cx.skill;
    let text = cx.text();
    let fm = &skill.frontmatter;
    let entry = fm.entry("version")?;
    let value = entry.value.as_str()?;
    let line = skill.line_col(entry.key.span.start as usize).line as usize;
    let line_span = skill.line_span(line);
    // Only a one-line `version: value` with nothing else on the line.
    if line_span.start != entry.key.span.start
        || line_span.end != entry.value.span.end
        || entry.value.style == Style::Block
    {
        return None;
    }
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let delete = Span::new(line_span.start as usize, skill.lines.line_start(line));
    let quoted = quote(value);
    let insert = match fm.entry("metadata") {
        None => {
            let at = skill.split.yaml.end as usize;
            Edit { span: Span::empty(at), replacement: format!("metadata:{newline}  version: {quoted}{newline}") }
        }
        Some(metadata) => {
            let entries = metadata.value.as_map()?;
            if metadata.value.style != Style::BlockCollection || metadata.value.get("version").is_some() {
                return None;
            }
            let first = entries.first()?;
            let indent = skill.line_col(first.key.span.start as usize).column as usize - 1;
            let last_line = skill.line_col(entries.last()?.value.span.end as usize).line as usize;
            let at = skill.line_span(last_line).end as usize;
            Edit { span: Span::empty(at), replacement: format!("{newline}{}version: {quoted}", " ".repeat(indent)) }
        }
    };
    let mut edits = vec![Edit { span: delete, replacement: String::new() }, insert];
    edits.sort_by_key(|e| e.span.start);
    if edits[0].span.end > edits[1].span.start {
        return None;
    }
    Some(Fix::safe("move `version` under `metadata`", edits))
}
