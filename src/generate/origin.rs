//! Where the text of a rendered SKILL.md came from: a map from byte ranges of the rendered
//! file to the spec fields (and their lines) that produced them.
//!
//! The map is built by one pass over the spec and the rendered text, so it holds for any
//! template, the user's own included: each frontmatter key of the rendered file maps to the
//! same key under `frontmatter:` in the spec, and each text the spec holds (a title, a list
//! item, a line of a block scalar) maps to every place it appears verbatim in the body.
//! Text the template itself writes (headings, table headers) maps to the spec's `template`
//! field; the frontmatter's own lines that no key wrote (the stamp) map to nothing.

use std::ops::Range;

use crate::yaml::{self, Limits, Node, Value};

/// Texts shorter than this (in bytes, trimmed) are not looked for in the body: `yes` or a
/// one-word fact name would match in unrelated places.
const MIN_PIECE: usize = 6;

/// One spec field, where it is written in the spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecField {
    /// The field's path, as YAML keys and list positions: `red-flags.items[2].why`.
    pub field: String,
    /// The spec's bytes the rendered text came from (a key, or the value's text).
    pub span: Range<usize>,
}

/// The map from rendered bytes to spec fields.
#[derive(Clone, Debug, Default)]
pub struct SpecMap {
    entries: Vec<(Range<usize>, SpecField)>,
    /// The spec's `template` field, for body text no other field wrote.
    template: Option<SpecField>,
    /// Where the rendered body starts.
    body_start: usize,
}

impl SpecMap {
    /// Maps `rendered` (a SKILL.md as rendered) back to `spec_text` (its `skill.yaml`). A spec
    /// that is not valid YAML maps nothing.
    pub fn build(spec_text: &str, rendered: &str) -> SpecMap {
        let Ok(document) = yaml::parse(spec_text, 0, Limits::default()) else { return SpecMap::default() };
        let Some(root) = document.root else { return SpecMap::default() };
        let body_start = body_start(rendered);
        let mut map = SpecMap { body_start, ..SpecMap::default() };
        let Some(entries) = root.as_map() else { return map };
        let mut pieces = Vec::new();
        for entry in entries {
            let Some(key) = entry.key.as_str() else { continue };
            if key == "template" {
                let span = entry.value.span.start as usize..entry.value.span.end as usize;
                map.template = Some(SpecField { field: key.to_string(), span });
            } else if key == "frontmatter" {
                map.frontmatter(&entry.value, &rendered[..body_start]);
            } else {
                map.texts(&entry.value, key.to_string(), spec_text, &mut pieces);
            }
        }
        map.place_pieces(pieces, &rendered[body_start..]);
        map
    }

    /// The spec field that produced the bytes `span` of the rendered file: the narrowest that
    /// holds its start, else the narrowest it overlaps, else (in the body) the template. When
    /// the text is in the spec verbatim, the spec span is narrowed to the same bytes.
    pub fn lookup(&self, span: Range<usize>) -> Option<SpecField> {
        let narrowest = |fits: &dyn Fn(&Range<usize>) -> bool| {
            self.entries.iter().filter(|(range, _)| fits(range)).min_by_key(|(range, _)| range.len())
        };
        let found = narrowest(&|range| range.start <= span.start && span.start < range.end)
            .or_else(|| narrowest(&|range| range.start < span.end && span.start < range.end));
        match found {
            Some((range, field)) => {
                let mut field = field.clone();
                let verbatim = range.len() == field.span.len();
                if verbatim && range.start <= span.start && span.end <= range.end && span.start < span.end {
                    let from = field.span.start + (span.start - range.start);
                    field.span = from..from + span.len();
                }
                Some(field)
            }
            None => self.template.clone().filter(|_| span.start >= self.body_start),
        }
    }

    /// How many ranges the map holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each key under the spec's `frontmatter:` to its lines in the rendered frontmatter (and
    /// the keys of `metadata` to theirs).
    fn frontmatter(&mut self, node: &Node, head: &str) {
        let Some(entries) = node.as_map() else { return };
        let top = key_blocks(head, 0);
        for entry in entries {
            let Some(key) = entry.key.as_str() else { continue };
            let field = format!("frontmatter.{key}");
            let Some((_, block)) = top.iter().find(|(name, _)| name == key) else { continue };
            let span = entry.key.span.start as usize..entry.key.span.end as usize;
            self.entries.push((block.clone(), SpecField { field: field.clone(), span }));
            // The value's text inside the key's lines points at the value in the spec.
            if let Some(first) = entry.value.as_str().and_then(|v| v.lines().next()).filter(|v| !v.is_empty())
                && let Some(at) = head[block.clone()].find(first)
            {
                let range = block.start + at..block.start + at + first.len();
                let span = entry.value.span.start as usize..entry.value.span.end as usize;
                self.entries.push((range, SpecField { field: field.clone(), span }));
            }
            if let Some(children) = entry.value.as_map() {
                for (name, range) in key_blocks(&head[block.clone()], 2) {
                    let Some(child) = children.iter().find(|c| c.key.as_str() == Some(name.as_str())) else { continue };
                    let span = child.key.span.start as usize..child.key.span.end as usize;
                    let range = block.start + range.start..block.start + range.end;
                    self.entries.push((range, SpecField { field: format!("{field}.{name}"), span }));
                }
            }
        }
    }

    /// Every text under `node` (at `path`), with the spec field it belongs to, to `pieces`:
    /// looked for in the body once all are known.
    fn texts(&self, node: &Node, path: String, spec_text: &str, pieces: &mut Vec<Piece>) {
        match &node.value {
            Value::Map(entries) => {
                for entry in entries {
                    if let Some(key) = entry.key.as_str() {
                        self.texts(&entry.value, format!("{path}.{key}"), spec_text, pieces);
                    }
                }
            }
            Value::Seq(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.texts(item, format!("{path}[{index}]"), spec_text, pieces);
                }
            }
            Value::Scalar(value) => {
                let written = node.span.start as usize..(node.span.end as usize).min(spec_text.len());
                for piece in pieces_of(value) {
                    // Where the piece is written in the spec: the line of a block scalar, else the
                    // scalar's start.
                    let in_spec = spec_text
                        .get(written.clone())
                        .and_then(|w| w.find(piece))
                        .map_or(written.clone(), |at| written.start + at..written.start + at + piece.len());
                    pieces.push(Piece {
                        at: self.entries.len(),
                        text: piece.to_string(),
                        field: SpecField { field: path.clone(), span: in_spec },
                    });
                }
            }
        }
    }

    /// Maps every place in `body` where each piece appears (as `str::match_indices` finds
    /// them), in one pass over the body for all pieces; the entries keep the order they would
    /// have had if each piece had been looked for where it was met.
    fn place_pieces(&mut self, pieces: Vec<Piece>, body: &str) {
        if pieces.is_empty() {
            return;
        }
        let mut unique: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
        unique.sort_unstable();
        unique.dedup();
        let Ok(automaton) = aho_corasick::AhoCorasick::new(&unique) else { return };
        // Per pattern, its non-overlapping occurrences, leftmost first (same length, so
        // the overlapping search yields them by start).
        let mut found: Vec<Vec<Range<usize>>> = vec![Vec::new(); unique.len()];
        for hit in automaton.find_overlapping_iter(body) {
            let list = &mut found[hit.pattern().as_usize()];
            if list.last().is_none_or(|last| last.end <= hit.start()) {
                list.push(hit.start()..hit.end());
            }
        }
        let earlier = std::mem::take(&mut self.entries);
        let mut earlier = earlier.into_iter().enumerate().peekable();
        for piece in &pieces {
            while let Some((_, entry)) = earlier.next_if(|(index, _)| *index < piece.at) {
                self.entries.push(entry);
            }
            let Ok(pattern) = unique.binary_search(&piece.text.as_str()) else { continue };
            for range in &found[pattern] {
                let range = self.body_start + range.start..self.body_start + range.end;
                self.entries.push((range, piece.field.clone()));
            }
        }
        self.entries.extend(earlier.map(|(_, entry)| entry));
    }
}

/// A text of the spec to look for in the body: `at` is how many entries the map held when it
/// was met.
struct Piece {
    at: usize,
    text: String,
    field: SpecField,
}

/// The texts of a scalar worth looking for: each long enough line, trimmed.
fn pieces_of(value: &str) -> impl Iterator<Item = &str> {
    value.lines().map(str::trim).filter(|piece| piece.len() >= MIN_PIECE)
}

/// Where the body starts: after the frontmatter's closing `---` line.
fn body_start(rendered: &str) -> usize {
    let Some(rest) = rendered.strip_prefix("---\n") else { return 0 };
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return offset;
        }
    }
    0
}

/// The keys written at `indent` spaces in `text`, each with its lines (up to the next key at
/// that indent or less).
fn key_blocks(text: &str, indent: usize) -> Vec<(String, Range<usize>)> {
    let mut blocks: Vec<(String, Range<usize>)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let depth = line.len() - line.trim_start_matches(' ').len();
        let content = line.trim();
        let is_key = depth == indent && !content.starts_with(['#', '-']) && content.contains(':');
        if depth <= indent && !content.is_empty() {
            if let Some((_, range)) = blocks.last_mut()
                && range.end == usize::MAX
            {
                range.end = offset;
            }
            if is_key {
                let name = content.split(':').next().unwrap_or_default().trim_matches(['"', '\'']).to_string();
                blocks.push((name, offset..usize::MAX));
            }
        }
        offset += line.len();
    }
    if let Some((_, range)) = blocks.last_mut()
        && range.end == usize::MAX
    {
        range.end = offset;
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = "spec-version: 1\ntemplate: decision\nfrontmatter:\n  name: demo\n  description: Does things.\n  metadata:\n    kind: decision\ntitle: Demo skill\nred-flags:\n  items:\n    - signal: The budget is unknown\n      why: |\n        Nothing can be costed.\n        Ask for the budget first.\n";
    const RENDERED: &str = "---\nname: demo\ndescription: Does things.\nmetadata:\n  kind: decision\n# Generated by skillsmith\n---\n\n# Demo skill\n\n## Red flags\n\n- The budget is unknown: Nothing can be costed. Ask for the budget first.\n";

    fn field_at(needle: &str) -> Option<(String, String)> {
        let map = SpecMap::build(SPEC, RENDERED);
        let at = RENDERED.find(needle).unwrap();
        map.lookup(at..at + needle.len()).map(|f| (f.field, SPEC[f.span].to_string()))
    }

    #[test]
    fn frontmatter_keys_map_to_the_spec_keys() {
        assert_eq!(field_at("description: Does"), Some(("frontmatter.description".into(), "description".into())));
        assert_eq!(field_at("Does things."), Some(("frontmatter.description".into(), "Does things.".into())));
        assert_eq!(field_at("kind: decision"), Some(("frontmatter.metadata.kind".into(), "kind".into())));
    }

    #[test]
    fn body_text_maps_to_the_narrowest_field() {
        assert_eq!(field_at("Demo skill"), Some(("title".into(), "Demo skill".into())));
        assert_eq!(
            field_at("The budget is unknown"),
            Some(("red-flags.items[0].signal".into(), "The budget is unknown".into()))
        );
        assert_eq!(
            field_at("Ask for the budget"),
            Some(("red-flags.items[0].why".into(), "Ask for the budget".into()))
        );
    }

    #[test]
    fn template_text_maps_to_the_template() {
        assert_eq!(field_at("## Red flags"), Some(("template".into(), "decision".into())));
        assert_eq!(field_at("# Generated"), None);
        assert!(SpecMap::build("{ bad", RENDERED).is_empty());
    }

    #[test]
    fn each_piece_maps_every_place_it_appears_as_match_indices_finds_them() {
        let spec = "spec-version: 1\nfrontmatter:\n  name: demo\ntitle: abcabc\nnote: abcabc x\n";
        let rendered = "---\nname: demo\n---\nabcabcabc and abcabc x\n";
        let map = SpecMap::build(spec, rendered);
        let body = &rendered[body_start(rendered)..];
        let mut expected: Vec<(Range<usize>, &str)> = Vec::new();
        for (piece, field) in [("abcabc", "title"), ("abcabc x", "note")] {
            for (at, _) in body.match_indices(piece) {
                let start = body_start(rendered) + at;
                expected.push((start..start + piece.len(), field));
            }
        }
        let body_entries: Vec<(Range<usize>, &str)> = map
            .entries
            .iter()
            .filter(|(_, f)| f.field != "frontmatter.name")
            .map(|(range, f)| (range.clone(), f.field.as_str()))
            .collect();
        assert_eq!(body_entries, expected);
        assert_eq!(map.entries[0].1.field, "frontmatter.name", "entries keep the order they were met in");
    }
}
