//! Checks a spec beyond its YAML shape, collecting every problem with its line: versions,
//! the frontmatter, what the template renders and needs, tables, names and sections. The
//! decision logic's checks are in [`super::validate_logic`]. Also fills in the texts computed
//! from data (ranges).

use std::collections::HashSet;
use std::fmt;

use crate::lint::rules::frontmatter::name_invalid::{name_problems, suggest_name};
use crate::yaml::Located;

use super::content::{Block, Section, Slot, Table};
use super::{SPEC_VERSION, Spec};
use super::{validate_logic, validate_use_case};

/// A problem in a spec, at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when known.
    pub help: Option<String>,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// What a template renders, what it needs, and what it asks of the frontmatter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplateRules {
    /// The template's name.
    pub name: &'static str,
    /// Parts it lays out (free sections may follow these, `start` and `end`).
    pub renders: &'static [Slot],
    /// Parts a spec must fill.
    pub requires: &'static [Slot],
    /// Fewest test cases.
    pub min_test_cases: usize,
    /// The `metadata.kind` it needs, if any.
    pub kind: Option<&'static str>,
}

use Slot::*;

/// The built-in templates' rules.
pub const BUILTIN_TEMPLATES: [TemplateRules; 3] = [
    TemplateRules {
        name: "decision",
        renders: &[
            WhenToUse,
            DoNotUse,
            Facts,
            Criteria,
            Flow,
            Selections,
            TradeOffs,
            Calculations,
            Checklists,
            UseCase,
            RedFlags,
            GreenLights,
            Examples,
            TestCases,
        ],
        requires: &[WhenToUse, DoNotUse, Criteria, Flow, TradeOffs, RedFlags, GreenLights, Examples, TestCases],
        min_test_cases: 3,
        kind: Some("decision"),
    },
    TemplateRules {
        name: "procedural",
        renders: &[WhenToUse, DoNotUse, Steps, Checklists, Examples, Pitfalls, TestCases],
        requires: &[WhenToUse, Steps, Checklists, Examples, Pitfalls],
        min_test_cases: 0,
        kind: None,
    },
    TemplateRules {
        name: "minimal",
        renders: &[WhenToUse, DoNotUse, Examples],
        requires: &[],
        min_test_cases: 0,
        kind: None,
    },
];

impl TemplateRules {
    /// The rules of a built-in template.
    pub fn builtin(name: &str) -> Option<TemplateRules> {
        BUILTIN_TEMPLATES.iter().copied().find(|t| t.name == name)
    }

    /// The rules of a template from `--templates DIR` that is not a built-in one: it may lay
    /// out any part and needs none.
    pub const CUSTOM: TemplateRules =
        TemplateRules { name: "custom", renders: Slot::PARTS, requires: &[], min_test_cases: 0, kind: None };
}

/// Collects errors; with the spec's text, errors inside an expression point at the
/// character at fault rather than at the start of the value.
pub(super) struct Errors<'a> {
    pub(super) list: Vec<SpecError>,
    pub(super) source: Option<&'a str>,
}

impl Errors<'_> {
    pub(super) fn at<T>(&mut self, place: &Located<T>, message: impl Into<String>) -> &mut SpecError {
        self.list.push(SpecError { line: place.line, column: place.column, message: message.into(), help: None });
        self.list.last_mut().expect("just pushed")
    }

    /// An error at byte `offset` of the expression `place` holds.
    pub(super) fn in_expr(
        &mut self,
        place: &Located<String>,
        offset: usize,
        message: impl Into<String>,
    ) -> &mut SpecError {
        let (line, column) = match self.source {
            Some(source) => locate_in_scalar(source, place, offset),
            None => (place.line, place.column),
        };
        self.list.push(SpecError { line, column, message: message.into(), help: None });
        self.list.last_mut().expect("just pushed")
    }

    pub(super) fn one_line<T>(&mut self, place: &Located<T>, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.at(place, format!("{what} is empty"));
        } else if text.contains('\n') {
            self.at(place, format!("{what} must fit on one line: `{}`", text.lines().next().unwrap_or("")));
        }
    }
}

impl SpecError {
    pub(super) fn help(&mut self, help: impl Into<String>) {
        self.help = Some(help.into());
    }
}

/// Checks `spec` for the template `rules`; fills in computed texts. Returns every problem,
/// in file order; an error inside an expression is placed at the start of its value.
pub fn validate(spec: &mut Spec, rules: &TemplateRules) -> Vec<SpecError> {
    validate_source(spec, rules, None)
}

/// [`validate`], with the spec's text `source` so that an error inside an expression is
/// placed at the character at fault.
pub fn validate_source(spec: &mut Spec, rules: &TemplateRules, source: Option<&str>) -> Vec<SpecError> {
    let mut errors = Errors { list: Vec::new(), source };
    if *spec.spec_version != SPEC_VERSION {
        errors
            .at(&spec.spec_version, format!("unsupported spec-version {}", *spec.spec_version))
            .help(format!("this skillsmith reads spec-version {SPEC_VERSION}"));
    }
    check_frontmatter(spec, rules, &mut errors);
    errors.one_line(&spec.title, "the title", &spec.title);
    check_slots(spec, rules, &mut errors);
    check_sections(&spec.sections, rules, 2, &mut errors);
    validate_logic::check(spec, &mut errors);
    validate_use_case::check(spec, &mut errors);
    let mut errors = errors.list;
    errors.sort_by_key(|e| (e.line, e.column));
    errors
}

fn check_frontmatter(spec: &Spec, rules: &TemplateRules, errors: &mut Errors) {
    let front = &spec.frontmatter;
    let name = &front.name;
    if name.trim().is_empty() {
        errors.at(name, "the name is empty");
    } else {
        let problems = name_problems(name);
        if !problems.is_empty() {
            let error = errors.at(name, format!("the name `{}` {}", name.value, problems.join("; it ")));
            if let Some(better) = suggest_name(name) {
                error.help(format!("use `{better}`"));
            }
        } else if name.contains('/') || name.contains('\\') || name.starts_with('.') {
            errors.at(name, format!("the name `{}` must be a single folder name", name.value));
        }
    }
    let description = &front.description;
    if description.trim().is_empty() {
        errors.at(description, "the description is empty").help("say what the skill does and when to use it");
    } else if description.chars().count() > 1024 {
        errors.at(
            description,
            format!("the description is {} characters; the limit is 1024", description.chars().count()),
        );
    }
    if let Some(compatibility) = &front.compatibility
        && compatibility.chars().count() > 500
    {
        errors.at(description, "`compatibility` is over 500 characters");
    }
    if let Some(kind) = rules.kind
        && front.metadata.get("kind").map(String::as_str) != Some(kind)
    {
        errors
            .at(&spec.template, format!("the {} template needs `metadata.kind: {kind}` in the frontmatter", rules.name))
            .help(format!(
                "add `metadata:\\n    kind: {kind}` under `frontmatter:`; lint then applies the {kind} rules"
            ));
    }
}

fn check_slots(spec: &Spec, rules: &TemplateRules, errors: &mut Errors) {
    let filled = spec.filled_slots();
    for slot in &filled {
        if !rules.renders.contains(slot) {
            let users: Vec<&str> =
                BUILTIN_TEMPLATES.iter().filter(|t| t.renders.contains(slot)).map(|t| t.name).collect();
            errors
                .at(&spec.template, format!("the {} template does not lay out `{}`", rules.name, slot.as_str()))
                .help(format!("remove it, or use a template that does: {}", users.join(", ")));
        }
    }
    for slot in rules.requires {
        if !filled.contains(slot) {
            errors.at(&spec.template, format!("the {} template needs `{}`", rules.name, slot.as_str()));
        }
    }
    if let Some(place) = &spec.test_cases
        && place.items.len() < rules.min_test_cases
    {
        let message = format!(
            "the {} template needs at least {} test cases; there are {}",
            rules.name,
            rules.min_test_cases,
            place.items.len()
        );
        errors.at(place, message);
    }
    for (what, list) in [("when-to-use", &spec.when_to_use), ("do-not-use", &spec.do_not_use)] {
        if let Some(part) = list {
            if part.items.is_empty() {
                errors.at(part, format!("`{what}` has no items"));
            }
            for item in &part.items {
                errors.one_line(item, &format!("a `{what}` item"), item);
            }
        }
    }
    if let Some(trade_offs) = &spec.trade_offs {
        if trade_offs.table.is_none() && trade_offs.options.is_empty() {
            errors.at(trade_offs, "`trade-offs` needs a `table` or `options`");
        }
        if let Some(table) = &trade_offs.table {
            check_table(table, &table.value, errors);
        }
    }
    for checklist in &spec.checklists {
        errors.one_line(checklist, "a checklist title", &checklist.title);
        if checklist.items.is_empty() {
            errors.at(checklist, format!("the checklist `{}` has no items", checklist.title));
        }
    }
}

/// Table rows must have one cell per column, each on one line.
pub(super) fn check_table<T>(place: &Located<T>, table: &Table, errors: &mut Errors) {
    check_columns(place, &table.columns, errors);
    if table.rows.is_empty() {
        errors.at(place, "the table has no rows");
    }
    for row in &table.rows {
        check_cells(row, &row.value, table.columns.len(), errors);
    }
}

pub(super) fn check_columns<T>(place: &Located<T>, columns: &[String], errors: &mut Errors) {
    if columns.is_empty() {
        errors.at(place, "the table has no columns");
    }
    for column in columns {
        errors.one_line(place, "a column header", column);
    }
}

pub(super) fn check_cells<T>(place: &Located<T>, cells: &[String], columns: usize, errors: &mut Errors) {
    if cells.len() != columns {
        errors.at(place, format!("the row has {} cells; the table has {columns} columns", cells.len()));
    }
    for cell in cells {
        if cell.contains('\n') {
            errors.at(place, format!("a table cell must fit on one line: `{}`", cell.lines().next().unwrap_or("")));
        }
    }
}

/// Free sections: titles unique among siblings, content present, placement known to the
/// template, nesting within Markdown's six heading levels.
fn check_sections(sections: &[Located<Section>], rules: &TemplateRules, level: usize, errors: &mut Errors) {
    let mut seen = HashSet::new();
    for section in sections {
        errors.one_line(&section.title, "a section title", &section.title);
        if !seen.insert(section.title.trim().to_lowercase()) {
            errors.at(&section.title, format!("two sibling sections are titled `{}`", section.title.value));
        }
        if section.content.is_empty() && section.sections.is_empty() {
            errors.at(&section.title, format!("the section `{}` has no content", section.title.value));
        }
        if let Some(after) = &section.after {
            if level > 2 {
                errors.at(after, "only top-level sections take `after`; sub-sections follow their parent");
            } else if !matches!(after.value, Slot::Start | Slot::End) && !rules.renders.contains(&after.value) {
                errors.at(after, format!("the {} template does not lay out `{}`", rules.name, after.as_str()));
            }
        }
        if level >= 6 && !section.sections.is_empty() {
            errors.at(&section.title, "sections nest too deep: Markdown has six heading levels");
        }
        for block in &section.content {
            match &block.value {
                Block::Table(table) => check_table(block, table, errors),
                Block::Text(text) if text.trim().is_empty() => {
                    errors.at(block, "the text is empty");
                }
                Block::List(items) | Block::Steps(items) | Block::Checklist(items) if items.is_empty() => {
                    errors.at(block, "the list has no items");
                }
                _ => {}
            }
        }
        check_sections(&section.sections, rules, level + 1, errors);
    }
}

/// The line and column of byte `offset` of the text a scalar holds, the scalar being
/// written at `place` in `source`: plain, quoted (without escapes before the offset), or a
/// block or multi-line scalar whose lines join with single spaces or line breaks. Falls back
/// to the scalar's start when the text cannot be matched to the source.
pub fn locate_in_scalar(source: &str, place: &Located<String>, offset: usize) -> (usize, usize) {
    let fallback = (place.line, place.column);
    let Some(mut remaining) = place.value.get(..offset) else { return fallback };
    let mut lines = source.lines().enumerate().skip(place.line.saturating_sub(1)).take(200);
    let Some((_, first)) = lines.next() else { return fallback };
    let start = first.char_indices().nth(place.column.saturating_sub(1)).map_or(first.len(), |(i, _)| i);
    let mut segment = &first[start..];
    let mut column = place.column;
    let mut line = place.line;
    let block = segment.starts_with(['|', '>']);
    if segment.starts_with(['"', '\'']) {
        segment = &segment[1..];
        column += 1;
    }
    loop {
        if !block || line > place.line {
            if segment.starts_with(remaining) {
                return (line, column + remaining.chars().count());
            }
            match remaining.strip_prefix(segment) {
                Some(rest) if rest.starts_with([' ', '\n']) => remaining = &rest[1..],
                _ => return fallback,
            }
        }
        let Some((index, next)) = lines.next() else { return fallback };
        let trimmed = next.trim_start();
        line = index + 1;
        column = next[..next.len() - trimmed.len()].chars().count() + 1;
        segment = trimmed;
    }
}
