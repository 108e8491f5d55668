//! Building an [`Outline`] from a [`Skill`]'s model.

use std::collections::BTreeMap;
use std::path::Path;

use crate::kinds::{AssignedKind, KindSource, Kinds, kind_in, locate};
use crate::lint::FileSystem;
use crate::lint::parts::{Found, Item, Part, Parts};
use crate::lint::references::{local_path, normalize_path, resolve, skill_dir};
use crate::lint::rules::decision::part_checked_by;
use crate::lint::scan::body_size;
use crate::skill::{Skill, Span};

use super::frontmatter::{fields, problems};
use super::{
    CodeBlock, Content, Decision, KindOutline, Link, LinkKind, List, ListKind, Outline, PartPlaces, Preamble,
    RequiredPlace, Section, Size, Table,
};

/// Longest title kept whole; longer ones are cut at a character boundary and end with `…`.
const MAX_TITLE_CHARS: usize = 120;

/// Where a part found before the first heading is said to be.
const BEFORE_FIRST_HEADING: &str = "(before the first heading)";

/// The key of code blocks without a language in [`Outline::code_languages`].
pub const NO_LANGUAGE: &str = "(none)";

/// The outline of `skill`, asking `fs` whether link targets exist.
pub fn outline(skill: &Skill, fs: &dyn FileSystem, kinds: &Kinds, assigned: Option<&AssignedKind>) -> Outline {
    let body = &skill.body;
    let mut contents = contents(skill, fs);
    let preamble = contents.pop().unwrap_or_default();

    let first_heading = body.sections.first().map_or(body.span.end, |s| s.heading.start);
    let preamble_lines = lines_of(skill, Span::new(body.span.start as usize, first_heading as usize));
    let preamble =
        (preamble_lines > 0 || !preamble.is_empty()).then_some(Preamble { lines: preamble_lines, content: preamble });

    let mut contents: Vec<Option<Content>> = contents.into_iter().map(Some).collect();
    let sections = body.roots().map(|(index, _)| section(skill, index, &mut contents)).collect();

    let mut code_languages = BTreeMap::new();
    for block in &body.code_blocks {
        *code_languages.entry(block.lang.clone().unwrap_or_else(|| NO_LANGUAGE.to_string())).or_insert(0) += 1;
    }
    let measured = body_size(skill);
    Outline {
        folder: skill.dir_name.clone(),
        invocation: None,
        unit: None,
        problems: problems(skill),
        frontmatter: fields(skill),
        size: Size { lines: skill.lines.line_count(), body_lines: measured.lines, body_tokens: measured.tokens },
        kind: kind(skill, kinds, assigned),
        decision: decision(skill),
        code_languages,
        preamble,
        sections,
    }
}

/// The skill's kind and where each required section is: by heading, or for the sections the
/// decision rules check, where those rules find the part.
fn kind(skill: &Skill, kinds: &Kinds, assigned: Option<&AssignedKind>) -> Option<KindOutline> {
    let kind = kind_in(skill, kinds, assigned)?;
    let source = match kind.source {
        KindSource::Metadata => "metadata",
        KindSource::Config(_) => "config",
    };
    let Some(definition) = kind.definition else {
        return Some(KindOutline { name: kind.name, source, known: false, sections: Vec::new() });
    };
    let parts = Parts::new(skill);
    let title_of = |section: Option<usize>| {
        section.map_or_else(|| BEFORE_FIRST_HEADING.to_string(), |i| clean(&skill.body.sections[i].title))
    };
    let sections = locate(skill, definition)
        .into_iter()
        .map(|located| {
            let part = located.required.checked_by.as_deref().and_then(part_checked_by);
            let found = match part {
                Some(part) => parts.find(part).map(|f| title_of(f.section)),
                None => located.at.map(|i| title_of(Some(i))),
            };
            RequiredPlace { title: located.required.title.clone(), found }
        })
        .collect();
    Some(KindOutline { name: kind.name, source, known: true, sections })
}

/// The content of each section, by index, then the preamble's: each table, top-level list,
/// code block and link goes to the innermost section holding it.
fn contents(skill: &Skill, fs: &dyn FileSystem) -> Vec<Content> {
    let body = &skill.body;
    let preamble = body.sections.len();
    let mut contents = vec![Content::default(); preamble + 1];
    let at = |section: Option<usize>| section.unwrap_or(preamble);
    for table in &body.tables {
        let header = table.header.cells.iter().map(|c| clean(&c.text)).collect::<Vec<_>>();
        let table_outline = Table { columns: header.len(), header, rows: table.rows.len() };
        contents[at(table.section)].tables.push(table_outline);
    }
    // Lists come in the order they start, so the nested lists of a top-level list follow it.
    let mut current: Option<(Option<usize>, usize)> = None;
    for list in &body.lists {
        if list.depth > 0 {
            if let Some((section, index)) = current {
                contents[at(section)].lists[index].nested_items += list.items.len();
            }
            continue;
        }
        let tasks = list.items.iter().filter(|i| i.task.is_some()).count();
        let kind = if list.ordered { ListKind::Ordered } else { ListKind::Bullet };
        let lists = &mut contents[at(list.section)].lists;
        lists.push(List { kind, items: list.items.len(), tasks, nested_items: 0 });
        current = Some((list.section, lists.len() - 1));
    }
    for block in &body.code_blocks {
        let fences = match (block.fenced, block.closed) {
            (false, _) => 0,
            (true, true) => 2,
            (true, false) => 1,
        };
        let lines = lines_of(skill, block.span).saturating_sub(fences);
        contents[at(block.section)].code_blocks.push(CodeBlock {
            language: block.lang.clone(),
            lines,
            closed: block.closed,
        });
    }
    let dir = skill_dir(skill);
    for link in &body.links {
        let kind = link.kind;
        let local = (kind != LinkKind::Autolink).then(|| local_path(&link.dest)).flatten();
        let (path, exists) = match local {
            Some(path) => {
                let shown = normalize_path(Path::new(&path.replace('\\', "/")));
                let exists = fs.exists(&resolve(&dir, &path));
                (Some(shown.to_string_lossy().replace('\\', "/")), Some(exists))
            }
            None => (None, None),
        };
        contents[at(link.section)].links.push(Link { kind, dest: link.dest.clone(), path, exists });
    }
    contents
}

/// The outline of section `index` and its subsections, taking their contents.
fn section(skill: &Skill, index: usize, contents: &mut [Option<Content>]) -> Section {
    let s = &skill.body.sections[index];
    Section {
        level: s.level,
        title: clean(&s.title),
        lines: lines_of(skill, s.span),
        content: contents[index].take().unwrap_or_default(),
        sections: s.children.iter().map(|&child| section(skill, child, contents)).collect(),
    }
}

fn decision(skill: &Skill) -> Decision {
    let parts = Parts::new(skill);
    let place = |part: Part| {
        parts.find(part).map(|Found { section, .. }| match section {
            Some(index) => clean(&skill.body.sections[index].title),
            None => BEFORE_FIRST_HEADING.to_string(),
        })
    };
    let items_of = |sections: Vec<usize>| {
        let mut items: Vec<Item> = sections.into_iter().flat_map(|s| parts.items(s)).collect();
        // A subsection titled like its parent would give its items twice.
        items.sort_by_key(|item| item.span.start);
        items.dedup_by_key(|item| item.span);
        titles(&items)
    };
    Decision {
        parts: PartPlaces {
            when_to_use: place(Part::WhenToUse),
            scope: place(Part::Scope),
            decision_table: place(Part::DecisionTable),
            flow: place(Part::Flow),
            trade_offs: place(Part::TradeOffs),
            red_flags: place(Part::RedFlags),
            green_lights: place(Part::GreenLights),
            examples: place(Part::Examples),
            test_cases: place(Part::TestCases),
        },
        criteria: titles(&parts.criteria()),
        red_flags: items_of(parts.red_flag_sections()),
        green_lights: items_of(parts.green_light_sections()),
        test_cases: titles(&parts.test_cases()),
    }
}

fn titles(items: &[Item]) -> Vec<String> {
    items.iter().map(|item| clean(&item.title)).collect()
}

/// `text` on one line (runs of whitespace become one space), without a trailing colon, at
/// most [`MAX_TITLE_CHARS`] characters.
fn clean(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    let trimmed = joined.trim_end_matches(':').trim_end();
    match trimmed.char_indices().nth(MAX_TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", trimmed[..cut].trim_end()),
        None => trimmed.to_string(),
    }
}

/// Lines from the first to the last line of `span` holding text other than whitespace; 0
/// when it holds none.
fn lines_of(skill: &Skill, span: Span) -> usize {
    let text = span.text(skill.text());
    let end = text.trim_end().len();
    if end == 0 {
        return 0;
    }
    let start = text.len() - text.trim_start().len();
    let first = skill.lines.line_of(span.start as usize + start);
    let last = skill.lines.line_of(span.start as usize + end - 1);
    last - first + 1
}
