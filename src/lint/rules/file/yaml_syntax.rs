use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::skill::{FrontmatterError, Skill, Span};
use crate::yaml::YamlErrorKind;

declare_rule! {
    /// ## What it does
    /// Reports frontmatter that is not valid YAML, once, at the line and column where the
    /// YAML parser stopped, with the likely cause. No frontmatter rule runs on the file
    /// afterwards, so one mistake gives one finding, not a cascade.
    ///
    /// ## Why is this bad?
    /// Claude Code loads a skill whose YAML is broken with empty metadata: no description,
    /// so it is never triggered automatically, and nothing says why. The most common cause
    /// is an unquoted value holding `: `.
    ///
    /// **Level.** Error on every target: YAML that does not parse makes Claude Code load empty metadata
    /// (the skill never triggers), and the specification's validator refuses it.
    ///
    /// ## Example
    /// ```yaml
    /// description: Reads PDFs. Use when: a PDF is attached
    /// ```
    /// Quote the value (the safe fix does, keeping the text exactly):
    /// ```yaml
    /// description: 'Reads PDFs. Use when: a PDF is attached'
    /// ```
    pub struct YamlSyntax {
        code: "SK006",
        name: "yaml-syntax",
        group: File,
        summary: "The frontmatter is not valid YAML",
        levels: Levels::all(Level::Error),
        fixable: Safe,
        source: "YAML 1.2 specification",
    }
}

impl Rule for YamlSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(FrontmatterError::Yaml(err)) = &cx.skill.frontmatter.error else { return };
        if err.kind != YamlErrorKind::Syntax {
            return;
        }
        let line = cx.skill.line_col(err.offset).line as usize;
        let line_text = cx.skill.line_span(line).text(cx.text());
        let span = cx.char_span(err.offset);
        let message = format!("invalid YAML in the frontmatter: {}", err.message);
        let unquoted = [line, line.saturating_sub(1)]
            .into_iter()
            .filter(|&l| l >= 1)
            .find_map(|l| unquoted_colon_value(cx.skill, l));
        let text = cx.text();
        let diagnostic = cx.report(span, message);
        if let Some((key, value)) = unquoted {
            diagnostic
                .help(format!("the value of `{key}` holds `: `, so YAML reads it as a new key; quote the whole value"))
                .fix(Fix::safe(
                    format!("quote the value of `{key}`"),
                    vec![Edit { span: value, replacement: quote(value.text(text)) }],
                ));
        } else if line_text.starts_with('\t') {
            diagnostic.help("YAML does not allow tabs for indentation; indent with spaces");
        } else {
            diagnostic.help("check the quoting and indentation on this line; values holding `: `, `#` or starting with `[`, `{`, `*`, `&`, `!` or `%` must be quoted");
        }
    }
}

/// If 1-based `line` is `key: value` with a plain value holding `: ` (or ending in `:`),
/// returns the key and the value's span.
pub(crate) fn unquoted_colon_value(skill: &Skill, line: usize) -> Option<(String, Span)> {
    let split = &skill.split;
    let span = skill.line_span(line);
    if span.start < split.yaml.start || span.end > split.yaml.end {
        return None;
    }
    let text = span.text(skill.text());
    let indent = text.len() - text.trim_start_matches(' ').len();
    let rest = &text[indent..];
    let colon = rest.find(": ")?;
    let key = &rest[..colon];
    if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let after = &rest[colon + 1..];
    let value_start = indent + colon + 1 + (after.len() - after.trim_start().len());
    let value = text[value_start..].trim_end();
    let plain = !value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!', '%', '@', '`']);
    let colon_inside = value.contains(": ") || value.ends_with(':');
    if !plain || !colon_inside || value.contains(" #") {
        return None;
    }
    let start = span.start as usize + value_start;
    Some((key.to_string(), Span::new(start, start + value.len())))
}

/// Quotes `value` so YAML reads back exactly the same text.
pub(crate) fn quote(value: &str) -> String {
    if !value.contains('\'') {
        format!("'{value}'")
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_round_trips() {
        for value in ["a: b", "it's: here", "say \"hi\": now \\ ok"] {
            let yaml = format!("k: {}\n", quote(value));
            let doc = crate::yaml::parse(&yaml, 0, Default::default()).unwrap();
            assert_eq!(doc.root.unwrap().get("k").unwrap().as_str(), Some(value));
        }
    }
}
