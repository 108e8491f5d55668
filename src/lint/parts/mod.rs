//! Recognising the parts of a skill's body by their headings and shapes: "when to use", the
//! do-not-use scope, decision tables and flows, trade-offs, red flags, green lights, examples
//! and test cases. Shared by the activation and decision rules, so they agree on what counts.

mod shapes;
mod titles;

pub use shapes::{Item, name_in};
pub use titles::*;

use std::cell::OnceCell;
use std::rc::Rc;

use crate::lint::Checker;
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

/// A recognised part: where it is and which section holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// The heading of the section, or the element (table, list, paragraph) itself.
    pub span: Span,
    /// The section that holds it (or is it).
    pub section: Option<usize>,
}

/// What [`Parts`] computes once and keeps: normalised titles and section texts, the parts
/// found, and the sections that belong to other parts. Shared by every rule on a skill
/// through [`Checker::memo`](crate::lint::Checker::memo).
#[derive(Default)]
pub struct PartsCache {
    titles: Vec<String>,
    words: Vec<OnceCell<String>>,
    paragraph_words: Vec<OnceCell<String>>,
    found: [OnceCell<Option<Found>>; 9],
    other_parts: OnceCell<Vec<usize>>,
    test_sections: OnceCell<Vec<usize>>,
}

/// The body of one skill seen as parts.
pub struct Parts<'a> {
    skill: &'a Skill,
    cache: Rc<PartsCache>,
}

impl<'a> Parts<'a> {
    /// The parts of `skill`.
    pub fn new(skill: &'a Skill) -> Self {
        let titles: Vec<String> = skill.body.sections.iter().map(|s| normalize(&s.title)).collect();
        let words = titles.iter().map(|_| OnceCell::new()).collect();
        let paragraph_words = skill.body.paragraphs.iter().map(|_| OnceCell::new()).collect();
        Parts { skill, cache: Rc::new(PartsCache { titles, words, paragraph_words, ..PartsCache::default() }) }
    }

    /// The parts of the skill `cx` checks, shared with the other rules on that skill.
    pub fn of(cx: &Checker<'a>) -> Self {
        let skill = cx.skill;
        let cache = cx.memo(|cx| match Rc::try_unwrap(Parts::new(cx.skill).cache) {
            Ok(cache) => cache,
            Err(_) => unreachable!("a fresh cache has one owner"),
        });
        Parts { skill, cache }
    }

    /// The skill.
    pub fn skill(&self) -> &'a Skill {
        self.skill
    }

    /// The normalised title of section `index`.
    pub fn title(&self, index: usize) -> &str {
        &self.cache.titles[index]
    }

    /// Sections whose normalised title holds one of `phrases`, in document order. The
    /// document's title (a first `#` heading with sections under it) names the topic, not a
    /// part, and is left out.
    pub fn sections_titled<'p>(&'p self, phrases: &'p [&'p str]) -> impl Iterator<Item = usize> + 'p {
        let sections = &self.skill.body.sections;
        let title = sections.first().filter(|s| s.level == 1 && !s.children.is_empty()).map(|_| 0);
        let titles = &self.cache.titles;
        (0..titles.len()).filter(move |&i| Some(i) != title && has_any(&titles[i], phrases))
    }

    /// The section's raw Markdown text, normalised (computed once per section).
    pub fn section_words(&self, index: usize) -> &str {
        self.cache.words[index].get_or_init(|| normalize(self.section_raw(index)))
    }

    /// Paragraph `index`'s text, normalised (computed once per paragraph).
    fn paragraph_words(&self, index: usize) -> &str {
        self.cache.paragraph_words[index].get_or_init(|| normalize(&self.skill.body.paragraphs[index].text))
    }

    /// The opening of paragraph `index`, normalised: its bold lead, else its whole text.
    fn paragraph_opening(&self, index: usize) -> std::borrow::Cow<'_, str> {
        match self.skill.body.paragraphs[index].lead.as_deref() {
            Some(lead) => std::borrow::Cow::Owned(normalize(lead)),
            None => std::borrow::Cow::Borrowed(self.paragraph_words(index)),
        }
    }

    /// The section's raw Markdown text.
    pub fn section_raw(&self, index: usize) -> &'a str {
        self.skill.body.sections[index].span.text(self.skill.text())
    }

    /// Finds `part` (computed once per part).
    pub fn find(&self, part: Part) -> Option<Found> {
        let slot = Part::ORDER.iter().position(|&p| p == part).expect("every part is in ORDER");
        *self.cache.found[slot].get_or_init(|| match part {
            Part::WhenToUse => self.when_to_use(),
            Part::Scope => self.scope(),
            Part::DecisionTable => self.decision_table(),
            Part::Flow => self.flow(),
            Part::TradeOffs => self.trade_offs(),
            Part::RedFlags => self.item_section(RED_FLAG_TITLES, &[]),
            Part::GreenLights => self.item_section(GREEN_LIGHT_TITLES, NOT_GREEN_LIGHT_TITLES),
            Part::Examples => self.examples(),
            Part::TestCases => self.test_sections().first().map(|&i| self.heading(i)),
        })
    }

    fn heading(&self, index: usize) -> Found {
        Found { span: self.skill.body.sections[index].heading, section: Some(index) }
    }

    /// A "when to use" section, or a paragraph that opens with "Use this skill when".
    pub fn when_to_use(&self) -> Option<Found> {
        let is_positive = |i: &usize| {
            let t = &self.cache.titles[*i];
            !has_any(t, &["when not to use", "do not use", "dont use", "not for"]) || has_any(t, &["when to use"])
        };
        if let Some(i) = self.sections_titled(WHEN_TO_USE_TITLES).find(is_positive) {
            return Some(self.heading(i));
        }
        self.skill.body.paragraphs.iter().enumerate().find_map(|(i, p)| {
            let mut words = std::borrow::Cow::Borrowed(self.paragraph_words(i));
            for negated in
                ["do not use this skill", "dont use this skill", "never use this skill", "not use this skill"]
            {
                if words.contains(negated) {
                    words = std::borrow::Cow::Owned(words.replace(negated, " "));
                }
            }
            let says =
                starts_with_any(&self.paragraph_opening(i), WHEN_TO_USE_LEADS) || has_any(&words, WHEN_TO_USE_ANYWHERE);
            says.then_some(Found { span: p.span, section: p.section })
        })
    }

    /// A do-not-use section, or a paragraph or list item that opens with "Do not use".
    pub fn scope(&self) -> Option<Found> {
        if let Some(i) = self.sections_titled(SCOPE_TITLES).next() {
            return Some(self.heading(i));
        }
        let paragraph = self.skill.body.paragraphs.iter().enumerate().find_map(|(i, p)| {
            let opening = self.paragraph_opening(i);
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
        let o = Parts::new(&s);
        assert!(o.find(Part::WhenToUse).is_some());
        assert!(o.find(Part::Scope).is_some());
        let s = skill("# X\n\n## Context\n\n**Do not use this skill for**: b\n");
        assert!(Parts::new(&s).find(Part::WhenToUse).is_none(), "a negated phrase is scope only");
        let s = skill("# X\n\n## When NOT to use\n- b\n");
        let o = Parts::new(&s);
        assert!(o.find(Part::WhenToUse).is_none());
        assert!(o.find(Part::Scope).is_some());
    }

    #[test]
    fn recognises_tables_flows_and_trade_offs() {
        let s = skill("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n1. If X → Y\n2. Else Z\n");
        let o = Parts::new(&s);
        assert!(o.find(Part::DecisionTable).is_some());
        assert!(o.find(Part::Flow).is_some());
        assert!(o.find(Part::TradeOffs).is_none());
        let s = skill("| Option | Gains | Costs |\n|---|---|---|\n| a | b | c |\n");
        assert!(Parts::new(&s).find(Part::TradeOffs).is_some());
        let s = skill("1. Install\n2. Run\n");
        assert!(Parts::new(&s).find(Part::Flow).is_none(), "plain steps do not branch");
    }

    #[test]
    fn counts_test_cases_with_expected_results() {
        let s = skill("## Test cases\n### Case 1\nExpected: A\n### Case 2\nExpected: B\n### Case 3\nno outcome here\n");
        assert_eq!(Parts::new(&s).test_case_count(), 2);
        let s = skill("## Scenarios\n- a → expected X\n- b → expected Y\n- c → expected Z\n");
        assert_eq!(Parts::new(&s).test_case_count(), 3);
    }

    #[test]
    fn lists_items_by_title() {
        let s = skill("## Test cases\n### Case 1: cache\nExpected: A\n### Case 2\nExpected: B\n");
        let titles: Vec<String> = Parts::new(&s).test_cases().into_iter().map(|c| c.title).collect();
        assert_eq!(titles, ["Case 1: cache", "Case 2"], "headings are kept whole");
        let s = skill("## Green lights\n- **Measured**: for a week\n\n✅ Owner named → alerts\n");
        let parts = Parts::new(&s);
        let titles: Vec<String> =
            parts.green_light_sections().iter().flat_map(|&i| parts.items(i)).map(|i| i.title).collect();
        assert_eq!(titles, ["Measured", "Owner named"]);
        let s = skill("## Go/no-go criteria\n- Proceed if: all pass\n- Revisit if: one fails\n");
        assert!(Parts::new(&s).find(Part::GreenLights).is_none(), "go and no-go conditions are not green lights");
        let s = skill("| Option | Criterion |\n|---|---|\n| a | b |\n|  |  |\n| c | d |\n");
        let titles: Vec<String> = Parts::new(&s).criteria().into_iter().map(|c| c.title).collect();
        assert_eq!(titles, ["a", "c"], "empty rows are left out");
    }

    #[test]
    fn names_items_by_their_opening() {
        assert_eq!(name_in("\"Cache everything\" → measure first"), "\"Cache everything\"");
        assert_eq!(name_in("Consistent gap: prompts fail"), "Consistent gap");
        assert_eq!(name_in("At 10:30 every day"), "At 10:30 every day");
        assert_eq!(name_in(": leading colon — then text"), ": leading colon");
        assert_eq!(name_in("first line\nsecond: line"), "first line");
    }

    #[test]
    fn insertion_point_follows_the_previous_part() {
        let s = skill("# X\n\n## When to use\n- a\n\n## Other\ntext\n");
        let o = Parts::new(&s);
        let (span, place) = o.insertion_point(Part::RedFlags);
        assert_eq!(span.text(s.text()), "- a");
        assert!(place.contains("`When to use`"), "{place}");
        let s = skill("plain\n");
        let (_, place) = Parts::new(&s).insertion_point(Part::WhenToUse);
        assert_eq!(place, "after the frontmatter (line 4)");
    }
}
