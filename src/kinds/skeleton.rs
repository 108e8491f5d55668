//! The placeholder text of a required section: what `--fix` inserts for a missing one and
//! `skillsmith new --kind` writes for each. Every text is a `[TODO: ...]` the placeholder rule
//! flags, shaped so the section's own constraints already hold.

use super::{Holds, Kind, RequiredSection};

/// The placeholder body of `section` (without its heading), ending in a newline.
pub fn section_body(section: &RequiredSection) -> String {
    let count = section.min_items.unwrap_or(1).max(1);
    let what = section.title.to_lowercase();
    let mut out = String::new();
    match section.holds {
        Some(Holds::Table) => {
            out.push_str("| [TODO: column] | [TODO: column] |\n|---|---|\n");
            for _ in 0..count {
                out.push_str(&format!("| [TODO: {what}] | [TODO] |\n"));
            }
        }
        Some(Holds::OrderedList) => {
            for n in 1..=count {
                out.push_str(&format!("{n}. [TODO: {what}, item {n}]\n"));
            }
        }
        Some(Holds::List) => {
            for n in 1..=count {
                out.push_str(&format!("- [TODO: {what}, item {n}]\n"));
            }
        }
        Some(Holds::CodeBlock) => {
            for n in 1..=count {
                if n > 1 {
                    out.push('\n');
                }
                out.push_str(&format!("```text\n[TODO: {what}, block {n}]\n```\n"));
            }
        }
        None if section.min_items.is_some() => {
            for n in 1..=count {
                out.push_str(&format!("- [TODO: {what}, item {n}]\n"));
            }
        }
        None => out.push_str(&format!("[TODO: write the {} section]\n", section.title)),
    }
    out
}

/// `section` as Markdown: its heading at `level` (1-6), a blank line, its placeholder body.
pub fn section_text(section: &RequiredSection, level: u8) -> String {
    format!("{} {}\n\n{}", "#".repeat(usize::from(level.clamp(1, 6))), section.title, section_body(section))
}

/// The body of a new skill of `kind` titled `title`: the title, a summary placeholder, then
/// exactly the kind's sections in order, each as [`section_text`] at level 2.
pub fn scaffold_body(kind: &Kind, title: &str) -> String {
    let mut out = format!("# {title}\n\n[TODO: one paragraph: what the skill is for]\n");
    for section in &kind.sections {
        out.push('\n');
        out.push_str(&section_text(section, 2));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::{Kinds, SectionCheck, locate};

    #[test]
    fn a_scaffold_has_exactly_the_kinds_sections_and_meets_their_constraints() {
        for kind in Kinds::builtin().iter() {
            let body = scaffold_body(kind, "Title");
            let skill = crate::Skill::parse("x/SKILL.md", format!("---\nname: x\n---\n{body}").into_bytes());
            assert_eq!(skill.body.sections.len(), kind.sections.len() + 1, "{}: the title and the sections", kind.name);
            for found in locate(&skill, kind) {
                let index = found.at.unwrap_or_else(|| panic!("{}: {} missing", kind.name, found.required.title));
                let check = SectionCheck::new(&skill, index);
                if let Some(holds) = found.required.holds {
                    assert!(check.holds(holds), "{}: {}", kind.name, found.required.title);
                }
                if let Some(min) = found.required.min_items {
                    assert!(check.count(found.required.holds) >= min, "{}: {}", kind.name, found.required.title);
                }
            }
        }
    }
}
