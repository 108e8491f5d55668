//! The outline as a compact text tree: one fact a line, so a diff of two outlines shows what
//! changed and nothing else. Numbers are plain (no separators), values are on one line
//! (line breaks shown as `\n`), the body's sections are indented by depth.

use std::fmt::{self, Write};

use super::{Content, FieldValue, LinkKind, ListKind, Outline, Section};

impl fmt::Display for Outline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(folder) = &self.folder {
            writeln!(f, "skill: {}", one_line(folder))?;
        }
        if let Some(invocation) = &self.invocation {
            writeln!(f, "invocation: {}", one_line(invocation))?;
        }
        if let Some(unit) = &self.unit {
            writeln!(f, "unit: {}", one_line(unit))?;
        }
        if !self.problems.is_empty() {
            writeln!(f, "problems:")?;
            for problem in &self.problems {
                writeln!(f, "  - {}", one_line(problem))?;
            }
        }
        if self.frontmatter.is_empty() {
            writeln!(f, "frontmatter: none")?;
        } else {
            writeln!(f, "frontmatter:")?;
            for (key, value) in &self.frontmatter {
                field(f, 1, key, value)?;
            }
        }
        let size = &self.size;
        writeln!(f, "size:")?;
        writeln!(f, "  lines: {}", size.lines)?;
        writeln!(f, "  body lines: {}", size.body_lines)?;
        writeln!(f, "  body tokens: {}", size.body_tokens)?;

        if let Some(kind) = &self.kind {
            let known = if kind.known { "" } else { ", not a known kind: nothing required" };
            writeln!(f, "kind: {} (from {}{known})", one_line(&kind.name), kind.source)?;
            for required in &kind.sections {
                let found = required.found.as_deref().map_or_else(|| "(missing)".to_string(), one_line);
                writeln!(f, "  {}: {found}", one_line(&required.title))?;
            }
        }
        let decision = &self.decision;
        writeln!(f, "parts:")?;
        for (name, place) in decision.parts.entries() {
            writeln!(f, "  {name}: {}", place.map_or_else(|| "(missing)".to_string(), one_line))?;
        }
        titled_list(f, "criteria", &decision.criteria)?;
        titled_list(f, "red flags", &decision.red_flags)?;
        titled_list(f, "green lights", &decision.green_lights)?;
        titled_list(f, "test cases", &decision.test_cases)?;
        if self.code_languages.is_empty() {
            writeln!(f, "code blocks: none")?;
        } else {
            let counts: Vec<String> =
                self.code_languages.iter().map(|(language, n)| format!("{} {n}", one_line(language))).collect();
            writeln!(f, "code blocks: {}", counts.join(", "))?;
        }

        if self.preamble.is_none() && self.sections.is_empty() {
            return writeln!(f, "body: empty");
        }
        writeln!(f, "body:")?;
        if let Some(preamble) = &self.preamble {
            writeln!(f, "  (before the first heading) ({})", plural(preamble.lines, "line"))?;
            content(f, 2, &preamble.content)?;
        }
        for s in &self.sections {
            section(f, 1, s)?;
        }
        Ok(())
    }
}

fn section(f: &mut fmt::Formatter<'_>, depth: usize, s: &Section) -> fmt::Result {
    let hashes = "#".repeat(usize::from(s.level));
    writeln!(f, "{}{hashes} {} ({})", indent(depth), one_line(&s.title), plural(s.lines, "line"))?;
    content(f, depth + 1, &s.content)?;
    for child in &s.sections {
        section(f, depth + 1, child)?;
    }
    Ok(())
}

fn content(f: &mut fmt::Formatter<'_>, depth: usize, content: &Content) -> fmt::Result {
    let pad = indent(depth);
    for table in &content.tables {
        let header: Vec<String> = table.header.iter().map(|cell| one_line(cell)).collect();
        let shape = format!("{}, {}", plural(table.columns, "column"), plural(table.rows, "row"));
        writeln!(f, "{pad}table: {shape}: {}", header.join(" | "))?;
    }
    for list in &content.lists {
        let kind = match list.kind {
            ListKind::Bullet => "list",
            ListKind::Ordered => "ordered list",
        };
        let mut line = format!("{pad}{kind}: {}", plural(list.items, "item"));
        if list.tasks > 0 {
            write!(line, ", {} tasks", list.tasks)?;
        }
        if list.nested_items > 0 {
            write!(line, ", {} nested", list.nested_items)?;
        }
        writeln!(f, "{line}")?;
    }
    for block in &content.code_blocks {
        let language = block.language.as_deref().map(|l| format!(" {}", one_line(l))).unwrap_or_default();
        let unclosed = if block.closed { "" } else { " (unclosed)" };
        writeln!(f, "{pad}code{language}: {}{unclosed}", plural(block.lines, "line"))?;
    }
    for link in &content.links {
        let kind = match link.kind {
            LinkKind::Link => "link",
            LinkKind::Image => "image",
            LinkKind::Autolink => "autolink",
        };
        let exists = match link.exists {
            Some(true) => " (exists)",
            Some(false) => " (missing)",
            None => "",
        };
        writeln!(f, "{pad}{kind} {}{exists}", one_line(&link.dest))?;
    }
    Ok(())
}

fn titled_list(f: &mut fmt::Formatter<'_>, label: &str, items: &[String]) -> fmt::Result {
    if items.is_empty() {
        return writeln!(f, "{label}: none");
    }
    writeln!(f, "{label}:")?;
    for item in items {
        writeln!(f, "  - {}", one_line(item))?;
    }
    Ok(())
}

/// A frontmatter field: `key: value` for a scalar, the key then indented lines for a list
/// or a map.
fn field(f: &mut fmt::Formatter<'_>, depth: usize, key: &str, value: &FieldValue) -> fmt::Result {
    let pad = indent(depth);
    let key = one_line(key);
    match value {
        FieldValue::List(items) if items.is_empty() => writeln!(f, "{pad}{key}: []"),
        FieldValue::Map(map) if map.is_empty() => writeln!(f, "{pad}{key}: {{}}"),
        FieldValue::Null | FieldValue::Text(_) => writeln!(f, "{pad}{key}: {}", scalar(value)),
        FieldValue::List(items) => {
            writeln!(f, "{pad}{key}:")?;
            items.iter().try_for_each(|item| list_item(f, depth + 1, item))
        }
        FieldValue::Map(map) => {
            writeln!(f, "{pad}{key}:")?;
            map.iter().try_for_each(|(k, v)| field(f, depth + 1, k, v))
        }
    }
}

fn list_item(f: &mut fmt::Formatter<'_>, depth: usize, value: &FieldValue) -> fmt::Result {
    let pad = indent(depth);
    match value {
        FieldValue::List(items) if !items.is_empty() => {
            writeln!(f, "{pad}-")?;
            items.iter().try_for_each(|item| list_item(f, depth + 1, item))
        }
        FieldValue::Map(map) if !map.is_empty() => {
            writeln!(f, "{pad}-")?;
            map.iter().try_for_each(|(k, v)| field(f, depth + 1, k, v))
        }
        FieldValue::List(_) => writeln!(f, "{pad}- []"),
        FieldValue::Map(_) => writeln!(f, "{pad}- {{}}"),
        FieldValue::Null | FieldValue::Text(_) => writeln!(f, "{pad}- {}", scalar(value)),
    }
}

/// A scalar on one line: `(null)` for null, `""` for the empty string, the text otherwise.
fn scalar(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(text) if text.is_empty() => "\"\"".to_string(),
        FieldValue::Text(text) => one_line(text),
        _ => "(null)".to_string(),
    }
}

/// `text` with line breaks, tabs and other control characters escaped, so it stays on one
/// line.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

fn plural(n: usize, word: &str) -> String {
    crate::report::plural(n, word, &format!("{word}s"))
}
