//! The kinds as a Markdown table: docs/rules.md's kind table and `skillsmith explain` of the
//! `sections` and `decision` rules print it, from the same definition the rules read.

use super::Kinds;

/// One row per required section of each kind: the kind, the section's title, the other
/// headings that count, its constraints, and the rule that checks it.
pub fn markdown_table(kinds: &Kinds) -> String {
    let mut out = String::from("| kind | section | also counts | constraints | checked by |\n|---|---|---|---|---|\n");
    for kind in kinds.iter() {
        for section in &kind.sections {
            let aliases = if section.aliases.is_empty() {
                "-".to_string()
            } else {
                section.aliases.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ")
            };
            let constraints = section.constraints_shown();
            let checked_by = section.checked_by.as_deref().map_or_else(
                || "`sections` rules (SK520-SK523)".to_string(),
                |rule| {
                    crate::lint::find(rule).map_or_else(
                        || format!("`{rule}`"),
                        |i| format!("`{rule}` ({})", crate::lint::rules()[i].meta().code),
                    )
                },
            );
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                kind.name,
                section.title,
                aliases,
                if constraints.is_empty() { "-".to_string() } else { constraints },
                checked_by
            ));
        }
    }
    out.replace("||", "| |")
}
