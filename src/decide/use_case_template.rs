//! The empty use-case file `skillsmith new NAME --template use-case --skill SKILL` writes:
//! every section and field of the skill's `use-case` part, each with a comment saying what
//! to write (the hint, else the fact's question), the type, and the example.

use std::fmt::Write as _;

use crate::generate::spec::{Fact, FactType, FactValue, Spec, UseCaseField, column_key};
use crate::text::one_line;

/// The empty use case for `spec`; `skill` is how the user named the skill, `file` the file
/// written (both quoted in the header's `evaluate` command).
pub fn empty_use_case(spec: &Spec, skill: &str, file: &str) -> Option<String> {
    let part = spec.use_case.as_ref()?;
    let facts: Vec<&Fact> = spec.facts.iter().flat_map(|p| p.items.iter().map(|f| &f.value)).collect();
    let mut out = String::new();
    let _ = writeln!(out, "# A use case for the decision skill `{}`. Fill in every field, then run:", spec.name());
    let _ = writeln!(out, "#   skillsmith evaluate {skill} --use-case {file}");
    out.push_str("title: \"\"\n");
    for (index, section) in part.items.iter().enumerate() {
        out.push('\n');
        let _ = writeln!(
            out,
            "# {}. {}{}",
            index + 1,
            one_line(&section.title),
            section.hint.as_deref().map(|h| format!(": {}", one_line(h))).unwrap_or_default()
        );
        if let Some(example) = &section.example {
            let _ = writeln!(out, "# e.g. {}", one_line(example));
        }
        if section.fields.is_empty() {
            let _ = writeln!(out, "{}: \"\"", section.key.value);
            continue;
        }
        let _ = writeln!(out, "{}:", section.key.value);
        for field in &section.fields {
            let fact = field.fact.as_ref().and_then(|name| facts.iter().find(|f| *f.name == **name).copied());
            let _ = writeln!(out, "  # {}", comment(field, fact));
            if field.columns.is_empty() {
                let empty = if fact.is_some() { "" } else { " \"\"" };
                let _ = writeln!(out, "  {}:{empty}", field.key.value);
            } else {
                let _ = writeln!(out, "  {}:", field.key.value);
                for (index, column) in field.columns.iter().enumerate() {
                    let lead = if index == 0 { "- " } else { "  " };
                    let _ = writeln!(out, "    {lead}{}: \"\"", column_key(column));
                }
            }
        }
    }
    Some(out)
}

/// "Quality examples you have ... (a number, in examples; e.g. 1,500)".
fn comment(field: &UseCaseField, fact: Option<&Fact>) -> String {
    let hint = field.hint.clone().or_else(|| fact.map(|f| f.question.clone())).unwrap_or_else(|| field.title.clone());
    let kind = match fact {
        Some(fact) => match fact.kind {
            FactType::Number => fact.unit.as_ref().map_or("a number".to_string(), |u| format!("a number, in {u}")),
            FactType::YesNo => "yes or no".to_string(),
            FactType::OneOf => format!("one of: {}", fact.options.join(", ")),
            FactType::Text => "text".to_string(),
        },
        None if !field.columns.is_empty() => "one row per item".to_string(),
        None => "text".to_string(),
    };
    let example = match (&field.example, field.example_rows.first()) {
        (Some(value), _) => format!("; e.g. {}", example_text(value)),
        (None, Some(row)) => format!("; e.g. {}", row.join(" | ")),
        (None, None) => String::new(),
    };
    one_line(&format!("{hint} ({kind}{example})"))
}

/// An example as it would be written in the file: `yes`, `1500`, `0.25`, text.
fn example_text(value: &FactValue) -> String {
    match value {
        FactValue::Text(text) => text.clone(),
        FactValue::YesNo(b) => if *b { "yes" } else { "no" }.to_string(),
        FactValue::Number(n) => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide::use_case::read_use_case;
    use crate::generate::load::parse_spec;
    use crate::generate::templates::Templates;

    fn shipped_spec() -> Spec {
        let text = include_str!("../../skills/llmops-decision-framework/skill.yaml");
        parse_spec(text, "skill.yaml", &Templates::builtin()).unwrap()
    }

    #[test]
    fn the_empty_use_case_reads_with_every_field_still_to_write() {
        let spec = shipped_spec();
        let text = empty_use_case(&spec, "llmops-decision-framework", "case.yaml").unwrap();
        let read = read_use_case(&text, &spec).unwrap();
        let fields: usize = spec
            .use_case
            .as_ref()
            .unwrap()
            .items
            .iter()
            .map(|s| s.fields.iter().filter(|f| !f.optional).count().max(1))
            .sum();
        assert_eq!(read.unfilled.len(), fields, "{:#?}", read.unfilled);
        assert!(read.facts.is_empty() && read.statements.is_empty());
        let total = read.unfilled.iter().find(|u| u.contains("total-examples")).unwrap();
        let line: usize = total.rsplit("line ").next().unwrap().trim_end_matches(')').parse().unwrap();
        assert_eq!(text.lines().nth(line - 1).unwrap().trim(), "total-examples:");
    }
}
