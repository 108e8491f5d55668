//! Recognising the parts of a skill's body by their headings and shapes: "when to use", the
//! do-not-use scope, decision tables and flows, trade-offs, red flags, green lights, examples
//! and test cases. Shared by the activation and decision rules, so they agree on what counts.

use crate::skill::{Skill, Span};
use crate::text::words::{has_any, normalize, starts_with_any};

/// A part a decision skill should have, in the order the parts usually appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// When to use the skill.
    WhenToUse,
    /// When not to use it.
    Scope,
    /// A table with a header and data rows.
    DecisionTable,
    /// Ordered steps or a tree: which answer leads where.
    Flow,
    /// What each option gains and costs.
    TradeOffs,
    /// Signals that the choice is going wrong, each with what to do instead.
    RedFlags,
    /// Signals to proceed.
    GreenLights,
    /// Worked scenarios with their outcome.
    Examples,
    /// Test cases with expected results.
    TestCases,
}

impl Part {
    /// Every part, in the usual order.
    pub const ORDER: [Part; 9] = [
        Part::WhenToUse,
        Part::Scope,
        Part::DecisionTable,
        Part::Flow,
        Part::TradeOffs,
        Part::RedFlags,
        Part::GreenLights,
        Part::Examples,
        Part::TestCases,
    ];

    /// How the part is named in messages.
    pub fn label(self) -> &'static str {
        match self {
            Part::WhenToUse => "\"When to use\" section",
            Part::Scope => "\"Do not use\" scope",
            Part::DecisionTable => "decision table",
            Part::Flow => "decision flow",
            Part::TradeOffs => "trade-offs",
            Part::RedFlags => "red flags",
            Part::GreenLights => "green lights",
            Part::Examples => "examples",
            Part::TestCases => "test cases",
        }
    }
}

/// Heading phrases (normalised, see [`normalize`]) that name a "when to use" section.
pub const WHEN_TO_USE_TITLES: &[&str] = &[
    "when to use",
    "when to apply",
    "when to activate",
    "when to invoke",
    "when to trigger",
    "when to reach for",
    "use case*",
    "trigger*",
    "activation*",
    "use this skill when",
    "use this skill for",
    "when this skill applies",
    "when should",
    "applicability",
];

/// Paragraph openings that say when to use the skill.
const WHEN_TO_USE_LEADS: &[&str] = &[
    "when to use",
    "use this skill when",
    "use this skill for",
    "use this skill to",
    "use when",
    "use it when",
    "invoke this skill when",
    "invoke when",
    "use this when",
    "triggers",
    "trigger when",
];

/// Phrases that say when to use the skill wherever they stand in a paragraph.
const WHEN_TO_USE_ANYWHERE: &[&str] = &[
    "use this skill when",
    "use this skill before",
    "use this skill after",
    "use this skill for",
    "this skill should be used",
    "invoke this skill",
];

/// Heading phrases that name a do-not-use scope.
const SCOPE_TITLES: &[&str] = &[
    "when not to use",
    "do not use",
    "dont use",
    "not use",
    "not for",
    "out of scope",
    "non goals",
    "when to avoid",
    "avoid when",
    "not suitable",
    "when to skip",
    "anti use case*",
    "scope",
    "limitations",
];

/// Openings of a paragraph or list item that state the do-not-use scope.
const SCOPE_LEADS: &[&str] = &[
    "do not use",
    "dont use",
    "not for",
    "not suitable",
    "not intended",
    "not designed",
    "avoid using",
    "skip this skill",
    "this skill is not",
    "out of scope",
    "when not to use",
    "never use",
];

const TRADE_OFF_TITLES: &[&str] = &[
    "trade off*",
    "tradeoff*",
    "pros and cons",
    "pros cons",
    "costs and benefits",
    "benefits and costs",
    "advantages and disadvantages",
    "strengths and weaknesses",
    "gains and costs",
    "what you gain",
    "what you lose",
];
const GAIN_WORDS: &[&str] =
    &["pro", "pros", "gain*", "advantage*", "benefit*", "strength*", "upside*", "wins", "best for", "good for"];
const COST_WORDS: &[&str] = &[
    "con",
    "cons",
    "cost*",
    "disadvantage*",
    "drawback*",
    "weakness*",
    "downside*",
    "lose*",
    "price",
    "limitation*",
    "caveat*",
    "avoid when",
    "not for",
];

const RED_FLAG_TITLES: &[&str] = &[
    "red flag*",
    "anti pattern*",
    "antipattern*",
    "warning sign*",
    "stop sign*",
    "pitfall*",
    "mistake*",
    "gotcha*",
    "never do",
    "donts",
    "what not to do",
    "things to avoid",
    "wrong path",
    "stop and reconsider",
];
const GREEN_LIGHT_TITLES: &[&str] =
    &["green light*", "green flag*", "proceed*", "go signal*", "good sign*", "go criteria", "signals to go"];
pub const EXAMPLE_TITLES: &[&str] =
    &["example*", "worked example*", "case stud*", "walkthrough*", "walk through", "sample*", "in practice"];
const TEST_TITLES: &[&str] = &[
    "test case*",
    "test scenario*",
    "scenario*",
    "testing this skill",
    "testing the skill",
    "testing your skill",
    "skill tests",
    "evaluation scenario*",
    "eval case*",
    "acceptance test*",
];
/// Whole titles that name a test-case section.
const TEST_TITLES_EXACT: &[&str] = &["tests", "testing", "evaluation", "evaluations", "evals"];
/// Words that show an example or test states its outcome.
const OUTCOME_WORDS: &[&str] = &[
    "outcome*",
    "result*",
    "decision",
    "decide*",
    "recommend*",
    "chose",
    "choose*",
    "chosen",
    "pick*",
    "verdict",
    "conclusion",
    "expected",
    "expect*",
    "should",
];
/// Words that show a step of a list branches on an answer.
const BRANCH_WORDS: &[&str] = &["if", "yes", "no", "then", "otherwise", "else", "unless", "when"];
const FLOW_TITLES: &[&str] = &[
    "decision tree",
    "decision flow",
    "flowchart",
    "flow chart",
    "decision process",
    "how to decide",
    "decision guide",
];

/// A recognised part: where it is and which section holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// The heading of the section, or the element (table, list, paragraph) itself.
    pub span: Span,
    /// The section that holds it (or is it).
    pub section: Option<usize>,
}

/// The body of one skill seen as parts.
pub struct Outline<'a> {
    skill: &'a Skill,
    titles: Vec<String>,
}

impl<'a> Outline<'a> {
    /// The outline of `skill`.
    pub fn new(skill: &'a Skill) -> Self {
        let titles = skill.body.sections.iter().map(|s| normalize(&s.title)).collect();
        Outline { skill, titles }
    }

    /// The skill.
    pub fn skill(&self) -> &'a Skill {
        self.skill
    }

    /// The normalised title of section `index`.
    pub fn title(&self, index: usize) -> &str {
        &self.titles[index]
    }

    /// Sections whose normalised title holds one of `phrases`, in document order. The
    /// document's title (a first `#` heading with sections under it) names the topic, not a
    /// part, and is left out.
    pub fn sections_titled<'p>(&'p self, phrases: &'p [&'p str]) -> impl Iterator<Item = usize> + 'p {
        let sections = &self.skill.body.sections;
        let title = sections.first().filter(|s| s.level == 1 && !s.children.is_empty()).map(|_| 0);
        (0..self.titles.len()).filter(move |&i| Some(i) != title && has_any(&self.titles[i], phrases))
    }

    /// The section's raw Markdown text, normalised.
    pub fn section_words(&self, index: usize) -> String {
        normalize(self.skill.body.sections[index].span.text(self.skill.text()))
    }

    /// The section's raw Markdown text.
    pub fn section_raw(&self, index: usize) -> &'a str {
        self.skill.body.sections[index].span.text(self.skill.text())
    }

    /// Finds `part`.
    pub fn find(&self, part: Part) -> Option<Found> {
        match part {
            Part::WhenToUse => self.when_to_use(),
            Part::Scope => self.scope(),
            Part::DecisionTable => self.decision_table(),
            Part::Flow => self.flow(),
            Part::TradeOffs => self.trade_offs(),
            Part::RedFlags => self.item_section(RED_FLAG_TITLES),
            Part::GreenLights => self.item_section(GREEN_LIGHT_TITLES),
            Part::Examples => self.examples(),
            Part::TestCases => self.test_sections().first().map(|&i| self.heading(i)),
        }
    }

    fn heading(&self, index: usize) -> Found {
        Found { span: self.skill.body.sections[index].heading, section: Some(index) }
    }

    /// A "when to use" section, or a paragraph that opens with "Use this skill when".
    pub fn when_to_use(&self) -> Option<Found> {
        let is_positive = |i: &usize| {
            let t = &self.titles[*i];
            !has_any(t, &["when not to use", "do not use", "dont use", "not for"]) || has_any(t, &["when to use"])
        };
        if let Some(i) = self.sections_titled(WHEN_TO_USE_TITLES).find(is_positive) {
            return Some(self.heading(i));
        }
        self.skill.body.paragraphs.iter().find_map(|p| {
            let opening = normalize(p.lead.as_deref().unwrap_or(&p.text));
            let mut words = normalize(&p.text);
            for negated in
                ["do not use this skill", "dont use this skill", "never use this skill", "not use this skill"]
            {
                words = words.replace(negated, " ");
            }
            let says = starts_with_any(&opening, WHEN_TO_USE_LEADS) || has_any(&words, WHEN_TO_USE_ANYWHERE);
            says.then_some(Found { span: p.span, section: p.section })
        })
    }

    /// A do-not-use section, or a paragraph or list item that opens with "Do not use".
    pub fn scope(&self) -> Option<Found> {
        if let Some(i) = self.sections_titled(SCOPE_TITLES).next() {
            return Some(self.heading(i));
        }
        let paragraph = self.skill.body.paragraphs.iter().find_map(|p| {
            let opening = normalize(p.lead.as_deref().unwrap_or(&p.text));
            let use_other_instead = p.lead.as_deref().is_some_and(|lead| {
                let lead = normalize(lead);
                starts_with_any(&lead, &["use", "when to use"]) && has_any(&lead, &["instead"])
            });
            (starts_with_any(&opening, SCOPE_LEADS)
                || has_any(&opening, &["do not use this skill"])
                || use_other_instead)
                .then_some(Found { span: p.span, section: p.section })
        });
        paragraph.or_else(|| {
            self.skill.body.lists.iter().find_map(|list| {
                list.items.iter().find_map(|item| {
                    starts_with_any(&normalize(&item.text), SCOPE_LEADS)
                        .then_some(Found { span: item.span, section: list.section })
                })
            })
        })
    }

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
            let raw = list.span.text(text);
            let arrows = list.items.iter().filter(|i| arrow(i.span.text(text))).count();
            let branches = list.items.iter().filter(|i| has_any(&normalize(&i.text), BRANCH_WORDS)).count();
            let under_flow_title = list.section.is_some_and(|s| has_any(&self.titles[s], FLOW_TITLES));
            let ordered_flow = list.ordered && list.items.len() >= 2 && (branches + arrows >= 1 || under_flow_title);
            if ordered_flow || arrows >= 2 || raw.contains("├") || raw.contains("└") {
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
    fn other_parts(&self) -> Vec<usize> {
        let body = &self.skill.body;
        let mut roots: Vec<usize> = Vec::new();
        for titles in [TRADE_OFF_TITLES, RED_FLAG_TITLES, GREEN_LIGHT_TITLES, EXAMPLE_TITLES] {
            roots.extend(self.sections_titled(titles));
        }
        roots.extend(self.test_sections());
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

    /// The first section titled with one of `titles` that holds at least one item.
    fn item_section(&self, titles: &[&str]) -> Option<Found> {
        self.sections_titled(titles).find(|&i| !self.items(i).is_empty()).map(|i| self.heading(i))
    }

    /// The red-flag sections (titled so and holding items).
    pub fn red_flag_sections(&self) -> Vec<usize> {
        self.sections_titled(RED_FLAG_TITLES).filter(|&i| !self.items(i).is_empty()).collect()
    }

    /// The items of section `index` and its subsections: top-level list items and table
    /// data rows, as (span, text).
    pub fn items(&self, index: usize) -> Vec<(Span, String)> {
        let body = &self.skill.body;
        let subtree = body.subtree(index);
        let within = |s: Option<usize>| s.is_some_and(|s| subtree.contains(&s));
        let mut out = Vec::new();
        for list in body.lists.iter().filter(|l| within(l.section)) {
            if list.depth == 0 {
                out.extend(list.items.iter().map(|i| (i.span, i.span.text(self.skill.text()).to_string())));
            }
        }
        for table in body.tables.iter().filter(|t| within(t.section)) {
            out.extend(table.rows.iter().map(|r| (r.span, r.span.text(self.skill.text()).to_string())));
        }
        out.sort_by_key(|(span, _)| span.start);
        out
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
        raw.contains('→') || raw.contains("->") || has_any(&self.section_words(index), OUTCOME_WORDS)
    }

    /// Sections about test cases or scenarios (outermost first, nested ones left out).
    pub fn test_sections(&self) -> Vec<usize> {
        let exact = (0..self.titles.len()).filter(|&i| TEST_TITLES_EXACT.contains(&self.titles[i].as_str()));
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

    /// How many test cases with an expected result the body holds: in each test section,
    /// the larger of its subsections, its list items and its table rows that state one.
    pub fn test_case_count(&self) -> usize {
        let body = &self.skill.body;
        let mut total = 0;
        for section in self.test_sections() {
            let children = body.sections[section].children.iter().filter(|&&c| self.states_expected(c)).count();
            let items = self
                .items(section)
                .iter()
                .filter(|(_, text)| {
                    let words = normalize(text);
                    has_any(&words, &["expected", "expect*", "should"]) || text.contains('→') || text.contains("->")
                })
                .count();
            let leads = body
                .paragraphs
                .iter()
                .filter(|p| {
                    p.section.is_some_and(|s| body.subtree(section).contains(&s))
                        && p.lead.as_deref().is_some_and(|l| has_any(&normalize(l), &["test*", "scenario*", "case"]))
                })
                .count();
            let own = if children == 0 && items == 0 && leads == 0 && self.states_expected(section) { 1 } else { 0 };
            total += children.max(items).max(leads.min(self.expected_mentions(section))).max(own);
        }
        total
    }

    fn states_expected(&self, index: usize) -> bool {
        has_any(&self.section_words(index), &["expected", "expect*", "should"])
    }

    fn expected_mentions(&self, index: usize) -> usize {
        self.section_words(index).split(' ').filter(|w| w.starts_with("expect") || *w == "should").count()
    }

    /// Where to add a missing `part`: after the last part that comes before it in the usual
    /// order, else after the title, else at the start of the body. Returns the span of the
    /// line to add after, and a phrase saying where.
    pub fn insertion_point(&self, part: Part) -> (Span, String) {
        let skill = self.skill;
        let position = Part::ORDER.iter().position(|&p| p == part).unwrap_or(0);
        for &previous in Part::ORDER[..position].iter().rev() {
            let Some(found) = self.find(previous) else { continue };
            if let Some(section) = found.section {
                let s = &skill.body.sections[section];
                let line = skill.line_col(s.span.end as usize).line;
                let title = s.title.clone();
                return (
                    skill.line_span(line as usize),
                    format!("after the `{title}` section (which ends at line {line})"),
                );
            }
        }
        if let Some(title) = skill.body.sections.iter().find(|s| s.level == 1) {
            let line = skill.line_col(title.heading.start as usize).line;
            return (title.heading, format!("after the title at line {line}"));
        }
        let start = skill.body.span.start as usize;
        let line = skill.line_col(start).line;
        if start > 0 {
            let close = skill.line_span(line.saturating_sub(1).max(1) as usize);
            return (close, format!("after the frontmatter (line {})", line.saturating_sub(1).max(1)));
        }
        (skill.line_span(1), "at the start of the file".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(body: &str) -> Skill {
        Skill::parse("s/x/SKILL.md", format!("---\nname: x\ndescription: d\n---\n{body}").into_bytes())
    }

    #[test]
    fn recognises_when_to_use_and_scope() {
        let s = skill("# X\n\n## When to Use This Skill\n- a\n\n**Do not use this skill for**:\n- b\n");
        let o = Outline::new(&s);
        assert!(o.find(Part::WhenToUse).is_some());
        assert!(o.find(Part::Scope).is_some());
        let s = skill("# X\n\n## Context\n\n**Do not use this skill for**: b\n");
        assert!(Outline::new(&s).find(Part::WhenToUse).is_none(), "a negated phrase is scope only");
        let s = skill("# X\n\n## When NOT to use\n- b\n");
        let o = Outline::new(&s);
        assert!(o.find(Part::WhenToUse).is_none());
        assert!(o.find(Part::Scope).is_some());
    }

    #[test]
    fn recognises_tables_flows_and_trade_offs() {
        let s = skill("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n1. If X → Y\n2. Else Z\n");
        let o = Outline::new(&s);
        assert!(o.find(Part::DecisionTable).is_some());
        assert!(o.find(Part::Flow).is_some());
        assert!(o.find(Part::TradeOffs).is_none());
        let s = skill("| Option | Gains | Costs |\n|---|---|---|\n| a | b | c |\n");
        assert!(Outline::new(&s).find(Part::TradeOffs).is_some());
        let s = skill("1. Install\n2. Run\n");
        assert!(Outline::new(&s).find(Part::Flow).is_none(), "plain steps do not branch");
    }

    #[test]
    fn counts_test_cases_with_expected_results() {
        let s = skill("## Test cases\n### Case 1\nExpected: A\n### Case 2\nExpected: B\n### Case 3\nno outcome here\n");
        assert_eq!(Outline::new(&s).test_case_count(), 2);
        let s = skill("## Scenarios\n- a → expected X\n- b → expected Y\n- c → expected Z\n");
        assert_eq!(Outline::new(&s).test_case_count(), 3);
    }

    #[test]
    fn insertion_point_follows_the_previous_part() {
        let s = skill("# X\n\n## When to use\n- a\n\n## Other\ntext\n");
        let o = Outline::new(&s);
        let (span, place) = o.insertion_point(Part::RedFlags);
        assert_eq!(span.text(s.text()), "- a");
        assert!(place.contains("`When to use`"), "{place}");
        let s = skill("plain\n");
        let (_, place) = Outline::new(&s).insertion_point(Part::WhenToUse);
        assert_eq!(place, "after the frontmatter (line 4)");
    }
}
