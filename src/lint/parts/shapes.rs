//! The parts recognised by their shape rather than a heading alone: decision tables, flows,
//! trade-off tables, items of a section, examples and test cases.

use crate::skill::Span;
use crate::text::words::{has_any, normalize};

use super::titles::*;
use super::{Found, Part, Parts};

/// Signs that open a paragraph written as an item (`❌ Never ...`, `✅ Measured ...`).
const ITEM_MARKERS: [char; 5] = ['❌', '✅', '⚠', '🚩', '⛔'];

impl Parts<'_> {
    /// A table with a header of at least two columns and at least two data rows that are
    /// not empty.
    pub fn decision_table(&self) -> Option<Found> {
        let elsewhere = self.other_parts();
        self.skill.body.tables.iter().filter(|t| !t.section.is_some_and(|s| elsewhere.contains(&s))).find_map(|t| {
            let filled = t.rows.iter().filter(|r| r.cells.iter().any(|c| !c.text.is_empty())).count();
            (t.header.written_cells >= 2 && filled >= 2).then_some(Found { span: t.span, section: t.section })
        })
    }

    /// Ordered steps that branch on answers, a list of `condition → outcome` items, a drawn
    /// tree (`├──`, `└──`), or a Mermaid flowchart; not in the sections of other parts (a
    /// list of red flags written `signal → action` is not a flow).
    pub fn flow(&self) -> Option<Found> {
        let body = &self.skill.body;
        let text = self.skill.text();
        let elsewhere = self.other_parts();
        let own = |section: Option<usize>| !section.is_some_and(|s| elsewhere.contains(&s));
        let arrow = |s: &str| s.contains('→') || s.contains("->") || s.contains("=>") || s.contains('⇒');
        for list in body.lists.iter().filter(|l| own(l.section)) {
            // An item's own text, not its nested lists' (they are lists of their own): reading
            // every item's whole span would be quadratic in the depth of nesting.
            let arrows = list.items.iter().filter(|i| arrow(&i.text)).count();
            let branches = list.items.iter().filter(|i| has_any(&normalize(&i.text), BRANCH_WORDS)).count();
            let under_flow_title = list.section.is_some_and(|s| has_any(self.title(s), FLOW_TITLES));
            let ordered_flow = list.ordered && list.items.len() >= 2 && (branches + arrows >= 1 || under_flow_title);
            // A drawn tree is seen in the top-level list that holds it (nested lists are
            // inside it, and come after it).
            let drawn = list.depth == 0 && {
                let raw = list.span.text(text);
                raw.contains("├") || raw.contains("└")
            };
            if ordered_flow || arrows >= 2 || drawn {
                return Some(Found { span: list.span, section: list.section });
            }
        }
        for block in body.code_blocks.iter().filter(|b| own(b.section)) {
            let raw = block.span.text(text);
            let mermaid =
                block.lang.as_deref() == Some("mermaid") && (raw.contains("flowchart") || raw.contains("graph"));
            if mermaid || raw.contains("├") || raw.contains("└") {
                return Some(Found { span: block.span, section: block.section });
            }
        }
        body.paragraphs.iter().filter(|p| own(p.section)).find_map(|p| {
            (p.text.contains("├") || p.text.contains("└")).then_some(Found { span: p.span, section: p.section })
        })
    }

    /// The sections (with their subsections) that hold trade-offs, red flags, green lights,
    /// examples or test cases: tables and lists there belong to those parts.
    fn other_parts(&self) -> &[usize] {
        self.cache.other_parts.get_or_init(|| self.compute_other_parts())
    }

    fn compute_other_parts(&self) -> Vec<usize> {
        let body = &self.skill.body;
        let mut roots: Vec<usize> = Vec::new();
        for titles in [TRADE_OFF_TITLES, RED_FLAG_TITLES, GREEN_LIGHT_TITLES, EXAMPLE_TITLES] {
            roots.extend(self.sections_titled(titles));
        }
        roots.extend(self.test_sections().iter().copied());
        let mut out: Vec<usize> = roots.into_iter().flat_map(|r| body.subtree(r)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// A trade-offs section, or a table whose header names both gains (pros, benefits, best
    /// for) and costs (cons, drawbacks, limitations).
    pub fn trade_offs(&self) -> Option<Found> {
        if let Some(i) = self.sections_titled(TRADE_OFF_TITLES).next() {
            return Some(self.heading(i));
        }
        self.skill.body.tables.iter().find_map(|t| {
            let header: Vec<String> = t.header.cells.iter().map(|c| normalize(&c.text)).collect();
            let gains = header.iter().any(|h| has_any(h, GAIN_WORDS));
            let costs = header.iter().any(|h| has_any(h, COST_WORDS));
            (gains && costs).then_some(Found { span: t.span, section: t.section })
        })
    }

    /// The first section titled with one of `titles` (and none of `except`) that holds at
    /// least one item.
    pub(super) fn item_section(&self, titles: &[&str], except: &[&str]) -> Option<Found> {
        self.item_sections(titles, except).first().map(|&i| self.heading(i))
    }

    /// The red-flag sections (titled so and holding items).
    pub fn red_flag_sections(&self) -> Vec<usize> {
        self.item_sections(RED_FLAG_TITLES, &[])
    }

    /// The green-light sections (titled so and holding items); "Go/no-go criteria" names
    /// both kinds of condition and is not one.
    pub fn green_light_sections(&self) -> Vec<usize> {
        self.item_sections(GREEN_LIGHT_TITLES, NOT_GREEN_LIGHT_TITLES)
    }

    fn item_sections(&self, titles: &[&str], except: &[&str]) -> Vec<usize> {
        self.sections_titled(titles).filter(|&i| !has_any(self.title(i), except) && !self.items(i).is_empty()).collect()
    }

    /// The items of section `index` and its subsections: top-level list items, table
    /// data rows, and paragraphs opening with a marker such as ❌ or ⚠, in document order.
    pub fn items(&self, index: usize) -> Vec<Item> {
        let body = &self.skill.body;
        let text = self.skill.text();
        let subtree = body.subtree(index);
        let within = |s: Option<usize>| s.is_some_and(|s| subtree.contains(&s));
        let mut out = Vec::new();
        for list in body.lists.iter().filter(|l| within(l.section)) {
            if list.depth == 0 {
                out.extend(list.items.iter().map(|i| Item::new(i.span, text, name_in(&i.text))));
            }
        }
        for table in body.tables.iter().filter(|t| within(t.section)) {
            out.extend(table.rows.iter().map(|r| Item::row(r, text)));
        }
        let marked = |p: &&crate::skill::Paragraph| p.text.trim_start().starts_with(ITEM_MARKERS);
        for paragraph in body.paragraphs.iter().filter(|p| within(p.section)).filter(marked) {
            let unmarked = paragraph.text.trim_start().trim_start_matches(ITEM_MARKERS).trim_start_matches('\u{fe0f}');
            let title = paragraph.lead.as_deref().unwrap_or_else(|| name_in(unmarked)).to_string();
            out.push(Item { span: paragraph.span, raw: paragraph.text.clone(), title });
        }
        out.sort_by_key(|item| item.span.start);
        out
    }

    /// The criteria a decision rests on: the data rows of every table whose header names a
    /// criterion ("Criterion", "Criteria"), or else the rows of the decision table.
    pub fn criteria(&self) -> Vec<Item> {
        let body = &self.skill.body;
        let text = self.skill.text();
        let names_criteria =
            |t: &&crate::skill::Table| t.header.cells.iter().any(|c| has_any(&normalize(&c.text), CRITERIA_HEADERS));
        let mut tables: Vec<&crate::skill::Table> = body.tables.iter().filter(names_criteria).collect();
        if tables.is_empty() {
            let decision = self.find(Part::DecisionTable).map(|found| found.span);
            tables.extend(body.tables.iter().filter(|t| Some(t.span) == decision));
        }
        tables
            .iter()
            .flat_map(|t| &t.rows)
            .filter(|r| r.cells.iter().any(|c| !c.text.is_empty()))
            .map(|r| Item::row(r, text))
            .collect()
    }

    /// An examples section whose text states an outcome, or that points to a Markdown file
    /// holding the examples.
    pub fn examples(&self) -> Option<Found> {
        let tests = self.test_sections();
        self.sections_titled(EXAMPLE_TITLES)
            .filter(|i| !tests.contains(i))
            .find(|&i| self.states_outcome(i) || self.section_raw(i).contains(".md"))
            .map(|i| self.heading(i))
    }

    /// True when section `index` says what came out: an outcome word or an arrow.
    pub fn states_outcome(&self, index: usize) -> bool {
        let raw = self.section_raw(index);
        raw.contains('→') || raw.contains("->") || has_any(self.section_words(index), OUTCOME_WORDS)
    }

    /// Sections about test cases or scenarios (outermost first, nested ones left out).
    pub fn test_sections(&self) -> &[usize] {
        self.cache.test_sections.get_or_init(|| self.compute_test_sections())
    }

    fn compute_test_sections(&self) -> Vec<usize> {
        let exact = (0..self.skill.body.sections.len()).filter(|&i| TEST_TITLES_EXACT.contains(&self.title(i)));
        let mut candidates: Vec<usize> = self.sections_titled(TEST_TITLES).chain(exact).collect();
        candidates.sort_unstable();
        candidates.dedup();
        let sections = &self.skill.body.sections;
        candidates
            .iter()
            .copied()
            .filter(|&i| {
                let mut parent = sections[i].parent;
                while let Some(p) = parent {
                    if candidates.contains(&p) {
                        return false;
                    }
                    parent = sections[p].parent;
                }
                true
            })
            .collect()
    }

    /// How many test cases with an expected result the body holds (see [`Self::test_cases`]).
    pub fn test_case_count(&self) -> usize {
        self.test_cases().len()
    }

    /// The test cases with an expected result: in each test section, whichever is most
    /// numerous of its subsections, its list items and table rows (every row of a table whose
    /// header has an "Expected ..." column), and its paragraphs led by
    /// "Test"/"Scenario"/"Case" (no more of those than the section mentions an expectation);
    /// or the section itself when it states one and holds none of these.
    pub fn test_cases(&self) -> Vec<Item> {
        let body = &self.skill.body;
        let text = self.skill.text();
        let mut out = Vec::new();
        for &section in self.test_sections() {
            let heading = |i: usize| Item::new(body.sections[i].heading, text, &body.sections[i].title);
            let children: Vec<Item> = body.sections[section]
                .children
                .iter()
                .filter(|&&c| self.states_expected(c))
                .map(|&c| heading(c))
                .collect();
            let items: Vec<Item> = self
                .items(section)
                .into_iter()
                .filter(|item| {
                    let words = normalize(&item.raw);
                    has_any(&words, &["expected", "expect*", "should"])
                        || item.raw.contains('→')
                        || item.raw.contains("->")
                })
                .collect();
            let subtree = body.subtree(section);
            // A table whose header has an "Expected ..." column: every row states one.
            let rows: Vec<Item> = body
                .tables
                .iter()
                .filter(|t| t.section.is_some_and(|s| subtree.contains(&s)))
                .filter(|t| t.header.cells.iter().any(|c| normalize(&c.text).starts_with("expect")))
                .flat_map(|t| &t.rows)
                .map(|row| {
                    let first = row.cells.iter().find(|c| !c.text.trim().is_empty()).map_or("", |c| c.text.as_str());
                    Item::new(row.span, text, first)
                })
                .collect();
            let items = if rows.len() > items.len() { rows } else { items };
            let led: Vec<Item> = body
                .paragraphs
                .iter()
                .filter(|p| p.section.is_some_and(|s| subtree.contains(&s)))
                .filter_map(|p| {
                    let lead = p.lead.as_deref().filter(|l| has_any(&normalize(l), &["test*", "scenario*", "case"]))?;
                    Some(Item::new(p.span, text, lead))
                })
                .collect();
            let own = children.is_empty() && items.is_empty() && led.is_empty() && self.states_expected(section);
            let leads: Vec<Item> = led.into_iter().take(self.expected_mentions(section)).collect();
            let own = if own { vec![heading(section)] } else { Vec::new() };
            // The most numerous wins; on a tie the earlier (subsections name cases best).
            let best = [children, items, leads, own].into_iter().rev().max_by_key(Vec::len).unwrap_or_default();
            out.extend(best);
        }
        out
    }

    fn states_expected(&self, index: usize) -> bool {
        has_any(self.section_words(index), &["expected", "expect*", "should"])
    }

    fn expected_mentions(&self, index: usize) -> usize {
        self.section_words(index).split(' ').filter(|w| w.starts_with("expect") || *w == "should").count()
    }
}

/// An item of a part: a list item, a table row, a paragraph or a heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Where it is.
    pub span: Span,
    /// Its Markdown as written (a paragraph's text without markup).
    pub raw: String,
    /// What names it, without markup: a heading's title, a row's first filled cell, a
    /// paragraph's bold lead, or the text of a list item or paragraph up to its first
    /// separator (`: `, ` → `, ` -> `, ` — `, ` – `; see [`name_in`]).
    pub title: String,
}

impl Item {
    fn new(span: Span, text: &str, title: &str) -> Item {
        Item { span, raw: span.text(text).to_string(), title: title.to_string() }
    }

    fn row(row: &crate::skill::Row, text: &str) -> Item {
        let title = row.cells.iter().map(|c| c.text.as_str()).find(|t| !t.is_empty()).unwrap_or("");
        Item::new(row.span, text, title)
    }
}

/// The name a list item or paragraph opens with: its first line up to the first separator
/// (`: `, ` → `, ` -> `, ` => `, ` — `, ` – `) that has text before it; the whole first line
/// when there is none. `"Cache everything" → measure first` is named `"Cache everything"`.
pub fn name_in(text: &str) -> &str {
    let line = text.trim_start().lines().next().unwrap_or("");
    let cut = [": ", " → ", " -> ", " => ", " — ", " – "]
        .iter()
        .filter_map(|separator| line.find(separator))
        .filter(|&at| !line[..at].trim().is_empty())
        .min()
        .unwrap_or(line.len());
    line[..cut].trim_end()
}
