//! Finding a kind's required sections in a skill, and reading what each holds.

use crate::skill::Skill;
use crate::text::words::normalize;

use super::{Holds, Kind, RequiredSection};

/// A heading as compared with a section's title and aliases: case, punctuation and a leading
/// section number ("2.", "2.1") ignored.
fn heading_key(text: &str) -> String {
    let words = normalize(text);
    let mut rest = words.as_str();
    while let Some((first, after)) = rest.split_once(' ') {
        if !first.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        rest = after;
    }
    rest.to_string()
}

/// True when headings `a` and `b` are the same once compared as headings are.
pub(super) fn same_heading(a: &str, b: &str) -> bool {
    heading_key(a) == heading_key(b)
}

/// True when a heading reading `heading` counts as `section`: it reads as the section's
/// title or one of its aliases, or it joins topics with "and" and one of them does. A topic
/// may go on after the name ("Steps to deploy", "When to use this skill") or, for a name of
/// two or more words, come after a qualifier ("Detailed patterns and worked examples"
/// counts as "Worked examples"); "Next steps" does not count as "Steps".
pub fn matches_heading(heading: &str, section: &RequiredSection) -> bool {
    let key = heading_key(heading);
    if key.is_empty() {
        return false;
    }
    let names: Vec<String> = section.headings().map(heading_key).filter(|h| !h.is_empty()).collect();
    let topics = std::iter::once(key.as_str()).chain(key.split(" and ").filter(|_| key.contains(" and ")));
    topics.map(str::trim).any(|topic| {
        names.iter().any(|name| {
            topic == name
                || topic.strip_prefix(name.as_str()).is_some_and(|rest| rest.starts_with(' '))
                || (name.contains(' ') && topic.strip_suffix(name.as_str()).is_some_and(|rest| rest.ends_with(' ')))
        })
    })
}

/// A required section and the skill's section that counts as it, if any.
#[derive(Clone, Copy, Debug)]
pub struct Located<'k> {
    /// The required section.
    pub required: &'k RequiredSection,
    /// The index (in [`crate::skill::Body::sections`]) of the first section whose heading
    /// counts as it.
    pub at: Option<usize>,
}

/// Each of `kind`'s required sections, in the kind's order, with where `skill` has it. The
/// document's title (a first `#` heading with sections under it) names the skill and never
/// counts as a section.
pub fn locate<'k>(skill: &Skill, kind: &'k Kind) -> Vec<Located<'k>> {
    let sections = &skill.body.sections;
    let title = sections.first().filter(|s| s.level == 1 && !s.children.is_empty()).map(|_| 0);
    kind.sections
        .iter()
        .map(|required| Located {
            required,
            at: (0..sections.len()).find(|&i| Some(i) != title && matches_heading(&sections[i].title, required)),
        })
        .collect()
}

/// What a present section holds, measured for its constraints.
pub struct SectionCheck<'a> {
    skill: &'a Skill,
    subtree: Vec<usize>,
    index: usize,
}

impl<'a> SectionCheck<'a> {
    /// The section at `index` of `skill`, with its subsections.
    pub fn new(skill: &'a Skill, index: usize) -> Self {
        SectionCheck { skill, subtree: skill.body.subtree(index), index }
    }

    fn inside(&self, section: Option<usize>) -> bool {
        section.is_some_and(|s| self.subtree.contains(&s))
    }

    /// True when the section (or a subsection) holds `holds`.
    pub fn holds(&self, holds: Holds) -> bool {
        self.count(Some(holds)) > 0
    }

    /// How many entries of `holds` the section holds: table rows that are not empty, items
    /// of lists not nested in other lists (of numbered lists for `ordered-list`), code
    /// blocks. Without `holds`: its subsections, or when it has none, its list items and
    /// table rows.
    pub fn count(&self, holds: Option<Holds>) -> usize {
        let body = &self.skill.body;
        let rows = || -> usize {
            body.tables
                .iter()
                .filter(|t| self.inside(t.section))
                .map(|t| t.rows.iter().filter(|r| r.cells.iter().any(|c| !c.text.is_empty())).count())
                .sum()
        };
        let items = |ordered_only: bool| -> usize {
            body.lists
                .iter()
                .filter(|l| l.depth == 0 && self.inside(l.section) && (l.ordered || !ordered_only))
                .map(|l| l.items.len())
                .sum()
        };
        match holds {
            Some(Holds::Table) => rows(),
            Some(Holds::List) => items(false),
            Some(Holds::OrderedList) => items(true),
            Some(Holds::CodeBlock) => body.code_blocks.iter().filter(|b| self.inside(b.section)).count(),
            None => match body.sections[self.index].children.len() {
                0 => items(false) + rows(),
                n => n,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(body: &str) -> Skill {
        Skill::parse("s/x/SKILL.md", format!("---\nname: x\ndescription: d\n---\n{body}").into_bytes())
    }

    #[test]
    fn headings_match_ignoring_case_punctuation_and_numbers() {
        let mut steps = RequiredSection::titled("Steps");
        steps.aliases.push("Procedure".into());
        for heading in
            ["Steps", "STEPS:", "2. Steps", "1.2 Procedure", "🚀 Steps", "Setup and steps", "Steps to deploy"]
        {
            assert!(matches_heading(heading, &steps), "{heading}");
        }
        for heading in ["Next steps", "", "3.", "Stepsand", "Rebalancing steps"] {
            assert!(!matches_heading(heading, &steps), "{heading}");
        }
        let mut examples = RequiredSection::titled("Examples");
        examples.aliases.push("Worked examples".into());
        for heading in ["Detailed patterns and worked examples", "Templates and detailed worked examples"] {
            assert!(matches_heading(heading, &examples), "{heading}");
        }
        assert!(!matches_heading("Counter-examples to avoid", &examples));
        assert!(!matches_heading("Bad examples", &examples), "a one-word name is matched whole");
    }

    #[test]
    fn the_title_never_counts_and_sections_are_measured_with_their_subsections() {
        let kind = Kind {
            name: "k".into(),
            doc: None,
            sections: vec![RequiredSection::titled("Steps"), RequiredSection::titled("Examples")],
            builtin: false,
        };
        let s = skill("# Examples\n\n## Steps\n\n### Build\n1. a\n2. b\n   - nested\n\n```sh\nx\n```\n");
        let found = locate(&s, &kind);
        assert_eq!(found[0].at, Some(1));
        assert_eq!(found[1].at, None, "the document's title is not a section");
        let check = SectionCheck::new(&s, 1);
        assert_eq!(check.count(Some(Holds::OrderedList)), 2, "nested items are not counted");
        assert!(check.holds(Holds::CodeBlock));
        assert!(!check.holds(Holds::Table));
        assert_eq!(check.count(None), 1, "one subsection");
    }
}
