use crate::declare_rule;
use crate::kinds::section_text;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::skill::{Skill, Span};

use super::required;

declare_rule! {
    /// ## What it does
    /// Reports a section the skill's kind requires and the skill does not have: no heading
    /// (at any level under the document's title) reads as the section's title or one of its
    /// aliases, ignoring case, punctuation and a leading number. The kind is the skill's
    /// `metadata.kind`, else the `kind` its config assigns (at the top of `skillsmith.toml` or
    /// in an `[[overrides]]` entry); the built-in kinds and their sections are in the shipped
    /// `src/kinds/builtin.toml` (`skillsmith explain SK520` lists them), a config declares
    /// more under `[kinds.NAME]`. The finding stands where the section should go: after the
    /// section it follows in the kind's order, and names the headings that would count.
    ///
    /// `--fix --unsafe-fixes` inserts the heading there with a `[TODO: ...]` placeholder
    /// shaped as the section's constraints ask (a numbered list, a table, a code block): it
    /// is unsafe because the author still has to write the section.
    ///
    /// ## Why is this bad?
    /// A warning, not an error: the skill loads and runs. But a team that declared a kind
    /// relies on every skill of it having these sections, for the agent (which looks for the
    /// steps under "Steps") and for reviewers; a skill without one serves the agent worse.
    ///
    /// **Level.** Warning: the skill loads, but lacks a section its team requires, which serves the agent worse.
    ///
    /// ## Example
    /// ```toml
    /// [kinds.runbook]
    /// sections = [
    ///   { title = "When to use", aliases = ["Use when"] },
    ///   { title = "Steps", aliases = ["Procedure"], holds = "ordered-list" },
    /// ]
    /// ```
    /// A runbook whose only headings are `## When to use` and `## Notes` is told to add
    /// `## Steps` after the "When to use" section.
    pub struct MissingRequiredSection {
        code: "SK520",
        name: "missing-required-section",
        group: Sections,
        summary: "The skill's kind requires a section the skill does not have",
        levels: Levels::all(Level::Warning),
        fixable: Unsafe,
        source: "The skill's kind: skillsmith.toml `[kinds.NAME]` or the built-in kinds (src/kinds/builtin.toml)",
    }
}

impl Rule for MissingRequiredSection {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some((kind, located)) = required(cx) else { return };
        for (i, missing) in located.iter().enumerate() {
            if missing.at.is_some() {
                continue;
            }
            let previous = located[..i].iter().rev().find_map(|l| l.at);
            let next = located[i + 1..].iter().find_map(|l| l.at);
            let place = Place::of(cx.skill, previous, next);
            let section = missing.required;
            let insert = place.insertion(cx.skill, &section_text(section, place.level));
            let mut help =
                format!("add a `{} {}` section {}", "#".repeat(place.level.into()), section.title, place.said);
            if !section.aliases.is_empty() {
                help.push_str(&format!("; headings that count: {}", section.headings_shown()));
            }
            let constraints = section.constraints_shown();
            if !constraints.is_empty() {
                help.push_str(&format!("; the kind wants one that {constraints}"));
            }
            cx.report(place.report, format!("this {} skill has no \"{}\" section", kind.name, section.title))
                .help(format!("{help} (kind from {})", kind.source_shown()))
                .fix(Fix::unsafe_(format!("insert a \"{}\" section with a placeholder", section.title), vec![insert]));
        }
    }
}

/// Where a missing section goes: the offset to insert at, the line to report, the heading
/// level to write, and the place in words.
struct Place {
    offset: usize,
    /// True when inserting right after text (so the section's text follows a blank line),
    /// false when inserting before a heading.
    after_text: bool,
    report: Span,
    level: u8,
    said: String,
}

impl Place {
    /// After the section `previous` (the last present one before it in the kind's order),
    /// else before `next` (the first present one after it), else before the first heading
    /// under the title, else at the end of the body.
    fn of(skill: &Skill, previous: Option<usize>, next: Option<usize>) -> Place {
        let sections = &skill.body.sections;
        let text = skill.text();
        let line_of = |offset: usize| skill.line_col(offset).line as usize;
        // The end of the last line that is not blank before `end`.
        let text_end = |start: usize, end: usize| start + text[start..end].trim_end().len();
        if let Some(index) = previous {
            let section = &sections[index];
            let end = text_end(section.heading.start as usize, section.span.end as usize);
            let last_line = line_of(end.saturating_sub(1));
            return Place {
                offset: end,
                after_text: true,
                report: skill.line_span(last_line),
                level: section.level,
                said: format!("after the \"{}\" section (which ends at line {last_line})", section.title.trim()),
            };
        }
        // A first `#` heading is the document's title: sections go under it, never above it.
        let title = sections.first().filter(|s| s.level == 1).map(|_| 0);
        let before = next.or_else(|| (0..sections.len()).find(|&i| Some(i) != title));
        let level_under_title = if title.is_some() { 2 } else { 1 };
        match before {
            Some(index) => {
                let section = &sections[index];
                let line = line_of(section.heading.start as usize);
                Place {
                    offset: section.heading.start as usize,
                    after_text: false,
                    report: skill.line_span(line),
                    level: if next.is_some() { section.level } else { section.level.max(level_under_title) },
                    said: format!("before the \"{}\" section at line {line}", section.title.trim()),
                }
            }
            None => {
                let end = text_end(skill.body.span.start as usize, text.len());
                let line = line_of(end.saturating_sub(1));
                Place {
                    offset: end,
                    after_text: end > skill.body.span.start as usize,
                    report: skill.line_span(line),
                    level: 2,
                    said: "at the end of the body".to_string(),
                }
            }
        }
    }

    /// The edit inserting `section` (a heading and its body, ending in a newline) here, with
    /// one blank line between it and the text around it.
    fn insertion(&self, skill: &Skill, section: &str) -> Edit {
        let replacement = if self.after_text {
            let at_end = skill.text()[self.offset..].trim().is_empty();
            let body = section.trim_end_matches('\n');
            if at_end { format!("\n\n{body}\n") } else { format!("\n\n{body}") }
        } else {
            let before = &skill.text()[..self.offset];
            let lead = if before.is_empty() || before.ends_with("\n\n") { "" } else { "\n" };
            format!("{lead}{section}\n")
        };
        let end = if self.after_text && skill.text()[self.offset..].trim().is_empty() {
            skill.text().len()
        } else {
            self.offset
        };
        Edit { span: Span::new(self.offset, end), replacement }
    }
}
