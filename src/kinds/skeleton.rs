//! The placeholder text of a required section: what `--fix` inserts for a missing one and
//! `skillsmith new --kind` writes for each. Every text is a `[TODO: ...]` the placeholder rule
//! flags, shaped so the section's own constraints already hold.

use super::{Holds, RequiredSection};

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
