//! Kinds of skill and the sections each requires: the built-in `decision`, `procedural` and
//! `reference` (defined in the shipped `builtin.toml`), and those a `skillsmith.toml` declares
//! under `[kinds.NAME]`. A skill's kind is its `metadata.kind`, else the one its config assigns
//! (`kind = "..."` at the top or in an `[[overrides]]` entry), else none.
//!
//! The definitions are read by the `sections` rules (a missing section, a section that fails a
//! constraint), the decision rules (which recognise the decision kind's sections), `explain`,
//! docs/rules.md's kind table, `skillsmith new --kind` (through the `kind.md.j2` template) and
//! `skillsmith outline`.

mod docs;
mod find;
mod skeleton;

pub use docs::markdown_table;
pub use find::{Located, SectionCheck, locate, matches_heading};
pub use skeleton::{section_body, section_text};

use std::sync::{Arc, LazyLock};

use crate::lint::Settings;
use crate::skill::Skill;

/// The text of the shipped definition of the built-in kinds.
pub const BUILTIN_KINDS: &str = include_str!("builtin.toml");

/// What a required section must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// A Markdown table.
    Table,
    /// A list, ordered or not.
    List,
    /// A numbered list.
    OrderedList,
    /// A fenced or indented code block.
    CodeBlock,
}

impl Holds {
    /// Every value, as written in a config.
    pub const ALL: [Holds; 4] = [Holds::Table, Holds::List, Holds::OrderedList, Holds::CodeBlock];

    /// The value as written in a config.
    pub fn as_str(self) -> &'static str {
        match self {
            Holds::Table => "table",
            Holds::List => "list",
            Holds::OrderedList => "ordered-list",
            Holds::CodeBlock => "code-block",
        }
    }

    /// Reads a value written in a config.
    pub fn parse(text: &str) -> Option<Holds> {
        Holds::ALL.into_iter().find(|h| h.as_str() == text)
    }

    /// How it is named in messages ("a table").
    pub fn label(self) -> &'static str {
        match self {
            Holds::Table => "a table",
            Holds::List => "a list",
            Holds::OrderedList => "a numbered list",
            Holds::CodeBlock => "a code block",
        }
    }

    /// What one entry of it is called, in the plural ("rows").
    pub fn entries(self) -> &'static str {
        match self {
            Holds::Table => "table rows",
            Holds::List | Holds::OrderedList => "list items",
            Holds::CodeBlock => "code blocks",
        }
    }
}

/// One section a kind requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredSection {
    /// Its title: the heading `--fix` and `new` write.
    pub title: String,
    /// Other headings that count as it.
    pub aliases: Vec<String>,
    /// What it must hold, if anything.
    pub holds: Option<Holds>,
    /// The fewest entries it may hold (of what `holds` names; without `holds`, its
    /// subsections, else its list items and table rows).
    pub min_items: Option<usize>,
    /// The title of a section of the same kind it must come before.
    pub before: Option<String>,
    /// The rule that recognises this section (built-in decision kind only); the `sections`
    /// rules leave it to that rule.
    pub checked_by: Option<String>,
}

impl RequiredSection {
    /// A section titled `title` with no aliases or constraints.
    pub fn titled(title: &str) -> RequiredSection {
        RequiredSection {
            title: title.to_string(),
            aliases: Vec::new(),
            holds: None,
            min_items: None,
            before: None,
            checked_by: None,
        }
    }

    /// The headings that count as it: its title, then its aliases.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// The headings that count, quoted and joined for messages (`"Steps", "Procedure"`).
    pub fn headings_shown(&self) -> String {
        self.headings().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ")
    }

    /// Its constraints in words ("holds a numbered list, has at least 2 list items, comes
    /// before \"Steps\""), empty when it has none.
    pub fn constraints_shown(&self) -> String {
        let mut out = Vec::new();
        if let Some(holds) = self.holds {
            out.push(format!("holds {}", holds.label()));
        }
        if let Some(n) = self.min_items {
            out.push(format!("has at least {n} {}", self.holds.map_or("items", Holds::entries)));
        }
        if let Some(before) = &self.before {
            out.push(format!("comes before \"{before}\""));
        }
        out.join(", ")
    }
}

/// A kind of skill: a name and the sections it requires, in the order they should appear.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kind {
    /// Its name, as `metadata.kind` and `kind = "..."` write it.
    pub name: String,
    /// What skills of this kind are for, if said.
    pub doc: Option<String>,
    /// The required sections, in order.
    pub sections: Vec<RequiredSection>,
    /// True for the kinds of the shipped definition.
    pub builtin: bool,
}

impl Kind {
    /// The section titled `title` (compared as headings are).
    pub fn section(&self, title: &str) -> Option<&RequiredSection> {
        self.sections.iter().find(|s| find::same_heading(&s.title, title))
    }
}

/// The kinds a file may have: the built-in ones, with those of its config added or put in
/// their place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kinds {
    kinds: Vec<Kind>,
}

static BUILTIN: LazyLock<Arc<Kinds>> = LazyLock::new(|| {
    let kinds = crate::config::parse_kinds("builtin.toml", BUILTIN_KINDS, true)
        .unwrap_or_else(|err| panic!("the shipped kind definitions must read: {err}"));
    Arc::new(Kinds { kinds })
});

impl Kinds {
    /// The built-in kinds, read once from the shipped definition.
    pub fn builtin() -> Arc<Kinds> {
        BUILTIN.clone()
    }

    /// These kinds with `declared` added; a declared kind of the same name as one of these
    /// takes its place.
    pub fn with(&self, declared: &[Kind]) -> Kinds {
        let mut kinds = self.kinds.clone();
        for kind in declared {
            match kinds.iter_mut().find(|k| k.name == kind.name) {
                Some(slot) => *slot = kind.clone(),
                None => kinds.push(kind.clone()),
            }
        }
        Kinds { kinds }
    }

    /// The kind named `name`.
    pub fn get(&self, name: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.name == name)
    }

    /// Every kind, built-in first, then in the order declared.
    pub fn iter(&self) -> impl Iterator<Item = &Kind> {
        self.kinds.iter()
    }

    /// Every kind's name.
    pub fn names(&self) -> Vec<&str> {
        self.kinds.iter().map(|k| k.name.as_str()).collect()
    }
}

/// Where a skill's kind came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KindSource {
    /// The skill's own `metadata.kind`.
    Metadata,
    /// Its config: a description of the key that assigned it (file, and override if any).
    Config(String),
}

/// The kind a config assigns to a file, and where (`skillsmith.toml, override #1 (paths: ...)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignedKind {
    /// The kind's name.
    pub name: String,
    /// Where it was assigned.
    pub from: String,
}

/// A skill's kind, where it came from, and its definition (none when the name is not a
/// known kind).
#[derive(Clone, Debug)]
pub struct SkillKind<'k> {
    /// The kind's name.
    pub name: String,
    /// Where it came from.
    pub source: KindSource,
    /// Its definition, if the name is known.
    pub definition: Option<&'k Kind>,
}

impl SkillKind<'_> {
    /// "`metadata.kind`" or the config key that assigned it, for messages.
    pub fn source_shown(&self) -> String {
        match &self.source {
            KindSource::Metadata => "the skill's `metadata.kind`".to_string(),
            KindSource::Config(from) => format!("`kind` in {from}"),
        }
    }
}

/// The kind of `skill` under `settings`: its `metadata.kind` when it declares one, else the
/// kind its config assigns, else none.
pub fn kind_of<'k>(skill: &Skill, settings: &'k Settings) -> Option<SkillKind<'k>> {
    kind_in(skill, &settings.kinds, settings.assigned_kind.as_ref())
}

/// The kind of `skill` among `kinds`, with `assigned` the kind its config gives it.
pub fn kind_in<'k>(skill: &Skill, kinds: &'k Kinds, assigned: Option<&AssignedKind>) -> Option<SkillKind<'k>> {
    resolve_kind(skill.frontmatter.kind(), kinds, assigned)
}

/// The kind of a skill whose frontmatter declares `declared` (its `metadata.kind`, if any)
/// among `kinds`, with `assigned` the kind its config gives it.
pub fn resolve_kind<'k>(
    declared: Option<&str>,
    kinds: &'k Kinds,
    assigned: Option<&AssignedKind>,
) -> Option<SkillKind<'k>> {
    let declared = declared.map(str::trim).filter(|k| !k.is_empty());
    let (name, source) = match (declared, assigned) {
        (Some(name), _) => (name.to_string(), KindSource::Metadata),
        (None, Some(assigned)) => (assigned.name.clone(), KindSource::Config(assigned.from.clone())),
        (None, None) => return None,
    };
    let definition = kinds.get(&name);
    Some(SkillKind { name, source, definition })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_definition_reads_and_names_real_rules() {
        let kinds = Kinds::builtin();
        assert_eq!(kinds.names(), ["decision", "procedural", "reference"]);
        for kind in kinds.iter() {
            assert!(kind.builtin && !kind.sections.is_empty(), "{}", kind.name);
            for section in &kind.sections {
                if let Some(rule) = &section.checked_by {
                    let index = crate::lint::find(rule).unwrap_or_else(|| panic!("no rule `{rule}`"));
                    assert_eq!(crate::lint::rules()[index].meta().group, crate::lint::Group::Decision);
                }
            }
        }
        let decision = kinds.get("decision").unwrap();
        let parts: Vec<_> = decision
            .sections
            .iter()
            .map(|s| s.checked_by.as_deref().and_then(crate::lint::rules::decision::part_checked_by))
            .collect();
        assert!(parts.iter().all(Option::is_some), "the decision rules check every section of the decision kind");
        let mut distinct = parts.clone();
        distinct.dedup();
        assert_eq!(distinct.len(), crate::lint::parts::Part::ORDER.len(), "each part once: {parts:?}");
    }

    #[test]
    fn metadata_wins_over_the_config() {
        let kinds = Kinds::builtin();
        let assigned = AssignedKind { name: "procedural".into(), from: "skillsmith.toml".into() };
        let declared = Skill::parse("x/SKILL.md", b"---\nname: x\nmetadata:\n  kind: reference\n---\n".to_vec());
        let kind = kind_in(&declared, &kinds, Some(&assigned)).unwrap();
        assert_eq!((kind.name.as_str(), kind.source), ("reference", KindSource::Metadata));
        let plain = Skill::parse("x/SKILL.md", b"---\nname: x\n---\n".to_vec());
        let kind = kind_in(&plain, &kinds, Some(&assigned)).unwrap();
        assert_eq!(kind.source, KindSource::Config("skillsmith.toml".into()));
        assert!(kind.definition.is_some());
        assert!(kind_in(&plain, &kinds, None).is_none());
    }
}
