//! Help while editing a SKILL.md: hover on a frontmatter key (what the target does with it)
//! or on a rule code (the rule's documentation), completion of frontmatter keys and values
//! for the file's target and of rule codes in suppressions, and the file a link or a path
//! named in the text points at.

use std::path::PathBuf;

use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};

use crate::lint::fields::{FIELDS, Field, FieldType, field};
use crate::lint::references::{local_links, path_mentions, resolve, skill_dir};
use crate::lint::suppress::KINDS;
use crate::lint::{FileSystem, Target, find, rules};
use crate::skill::{Skill, Span};

/// What hovering at byte `offset` shows: the span it is about and Markdown.
pub fn hover(skill: &Skill, target: Target, offset: usize) -> Option<(Span, String)> {
    let text = skill.text();
    let (word_span, word) = word_at(text, offset)?;
    let line = skill.line_span(skill.line_col(offset).line as usize).text(text);
    let looks_like_code = word.len() == 5 && word.starts_with("SK") && word[2..].bytes().all(|b| b.is_ascii_digit());
    if (looks_like_code || line.contains("skillsmith-"))
        && let Some(index) = find(word)
    {
        return Some((word_span, rules()[index].meta().explanation()));
    }
    let entry = skill
        .frontmatter
        .entries()
        .iter()
        .find(|e| e.key.span.contains(offset) || e.key.span.end as usize == offset)?;
    let key = entry.key.span.text(text).trim_matches(['"', '\'']);
    let markdown = match field(key).filter(|f| f.known_on(target)) {
        Some(field) => describe(field, target),
        None => {
            let hint = crate::text::closest(key, crate::lint::fields::keys_on(target))
                .map(|k| format!(" Did you mean `{k}`?"))
                .unwrap_or_default();
            format!("`{key}` is not a frontmatter key the {} target knows.{hint}", target.as_str())
        }
    };
    Some((entry.key.span, markdown))
}

/// A known key in Markdown: what it does, its type on `target`, where it is known.
fn describe(field: &Field, target: Target) -> String {
    let known: Vec<&str> = Target::ALL.iter().filter(|t| field.known_on(**t)).map(|t| t.as_str()).collect();
    format!(
        "**{}**: {}\n\n- type on {}: {}\n- known on: {}",
        field.key,
        field.description,
        target.as_str(),
        type_text(field.type_on(target)),
        known.join(", ")
    )
}

fn type_text(kind: FieldType) -> String {
    match kind {
        FieldType::String => "string".into(),
        FieldType::Bool => "`true` or `false`".into(),
        FieldType::Enum(values) => {
            format!("one of {}", values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", "))
        }
        FieldType::StringOrList => "string or list of strings".into(),
        FieldType::StringMap => "map of strings to strings".into(),
        FieldType::Map => "map".into(),
    }
}

/// The word (letters, digits, `-`, `_`) around byte `offset`.
fn word_at(text: &str, offset: usize) -> Option<(Span, &str)> {
    let offset = crate::skill::floor_char_boundary(text, offset.min(text.len()));
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let start = text[..offset].char_indices().rev().take_while(|(_, c)| is_word(*c)).last().map_or(offset, |(i, _)| i);
    let end = text[offset..].find(|c: char| !is_word(c)).map_or(text.len(), |i| offset + i);
    (end > start).then(|| (Span::new(start, end), &text[start..end]))
}

/// Completions at byte `offset`: rule codes and directive words in a suppression, keys and
/// values in the frontmatter.
pub fn complete(skill: &Skill, target: Target, offset: usize) -> Vec<CompletionItem> {
    let text = skill.text();
    let offset = crate::skill::floor_char_boundary(text, offset.min(text.len()));
    let line_start = skill.line_span(skill.line_col(offset).line as usize).start as usize;
    let before = &text[line_start.min(offset)..offset];
    if let Some(at) = before.rfind("skillsmith-") {
        let after = &before[at + "skillsmith-".len()..];
        if !after.contains(char::is_whitespace) {
            return KINDS.iter().map(|k| item(k, CompletionItemKind::KEYWORD, None, None)).collect();
        }
        return rules()
            .iter()
            .map(|r| r.meta())
            .map(|m| item(m.code, CompletionItemKind::VALUE, Some(format!("{}: {}", m.name, m.summary)), None))
            .collect();
    }
    let in_frontmatter = skill.split.open.is_some_and(|open| offset >= open.end as usize)
        && skill.split.close.is_none_or(|close| offset <= close.start as usize);
    if !in_frontmatter || before.starts_with([' ', '\t', '-', '#']) {
        return Vec::new();
    }
    match before.split_once(':') {
        None => {
            // Keys are read off the lines, not the parsed YAML: while a key is being typed the
            // frontmatter often does not parse.
            let yaml = skill.split.yaml.text(text);
            let present: Vec<&str> = yaml
                .lines()
                .filter(|l| !l.starts_with([' ', '\t', '-', '#']))
                .filter_map(|l| l.split_once(':').map(|(key, _)| key.trim().trim_matches(['"', '\''])))
                .collect();
            FIELDS
                .iter()
                .filter(|f| f.known_on(target) && !present.contains(&f.key))
                .map(|f| {
                    let mut completion =
                        item(f.key, CompletionItemKind::FIELD, Some(type_text(f.type_on(target))), Some(f.description));
                    completion.insert_text = Some(format!("{}: ", f.key));
                    completion
                })
                .collect()
        }
        Some((key, _)) => {
            let Some(field) = field(key.trim()).filter(|f| f.known_on(target)) else { return Vec::new() };
            let values: Vec<String> = match field.type_on(target) {
                FieldType::Bool => vec!["true".into(), "false".into()],
                FieldType::Enum(values) => values.iter().map(|v| v.to_string()).collect(),
                _ if field.key == "name" => skill.dir_name.clone().into_iter().collect(),
                _ => Vec::new(),
            };
            values.iter().map(|v| item(v, CompletionItemKind::VALUE, None, Some(field.description))).collect()
        }
    }
}

fn item(label: &str, kind: CompletionItemKind, detail: Option<String>, doc: Option<&str>) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail,
        documentation: doc
            .map(|d| Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value: d.to_string() })),
        ..CompletionItem::default()
    }
}

/// The file that the link or path named at byte `offset` points at: an existing file inside
/// the skill's folder, resolved as the link rules resolve it (`fs` answers only inside the
/// workspace).
pub fn definition(skill: &Skill, fs: &dyn FileSystem, offset: usize) -> Option<PathBuf> {
    let dir = skill_dir(skill);
    let is_file = |target: &PathBuf| target.starts_with(&dir) && fs.kind(target) == Some(false);
    let covers = |span: Span| span.start as usize <= offset && offset <= span.end as usize;
    if let Some((_, _, target)) =
        local_links(skill, &dir).find(|(link, _, target)| covers(link.span) && is_file(target))
    {
        return Some(target);
    }
    let body = skill.body.span;
    let text = body.text(skill.text());
    path_mentions(text)
        .into_iter()
        .map(|(start, end)| (Span::new(start + body.start as usize, end + body.start as usize), &text[start..end]))
        .filter(|(span, _)| covers(*span))
        .map(|(_, written)| resolve(&dir, written))
        .find(is_file)
}
