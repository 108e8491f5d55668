//! The outline of a skill: a stable, machine-independent summary of what a SKILL.md holds,
//! made to be snapshot-tested and diffed when the skill changes.
//!
//! [`outline`] gives, for one [`Skill`]: the frontmatter normalised (keys sorted, every scalar
//! as its text, `allowed-tools` as a list of tools whatever form it was written in), the size
//! (lines, and tokens estimated as the body-too-long rule estimates them), the skill's kind
//! (see [`crate::kinds`]) with which of its required sections are present, the decision
//! content the linter recognises (which parts the body has, its criteria, red flags, green
//! lights and test cases by title), the code blocks by language, and the section tree with
//! each section's line count, tables (header, column and row counts), lists (item counts),
//! code blocks and links (whether each local target exists). It holds no absolute path, no
//! line number (one added line would shift them all), no time: the same skill gives the same
//! outline on every machine, and a change shows as a diff of the lines it touched.
//!
//! The outline serializes with serde (`Serialize`) and renders as a compact text tree
//! ([`Outline`]'s `Display`); `skillsmith outline PATH... [--format text|json|yaml]` prints
//! either.
//!
//! # Pinning a repository's skills with insta
//!
//! In a crate that depends on `skillsmith` (and on `insta` with its `yaml` and `glob`
//! features), this test keeps one YAML snapshot of the outline and one of its text per skill
//! under `.claude/skills/`; `cargo insta review` shows what changed when a SKILL.md changes:
//!
//! ```no_run
//! // tests/skills.rs
//! #[test]
//! fn skill_outlines() {
//!     // `glob!` paths are relative to this file: tests/ -> the repository's .claude/skills.
//!     insta::glob!("../.claude/skills", "*/SKILL.md", |path| {
//!         let skill = skillsmith::Skill::parse(path, std::fs::read(path).unwrap());
//!         let outline = skillsmith::outline(&skill);
//!         // Name each snapshot after the skill's folder, so adding a skill renames nothing.
//!         let folder = outline.folder.clone().unwrap_or_default();
//!         insta::with_settings!({ snapshot_suffix => folder }, {
//!             insta::assert_yaml_snapshot!("outline", outline);
//!             insta::assert_snapshot!("outline-text", outline.to_string());
//!         });
//!     });
//! }
//! ```

mod build;
mod frontmatter;
mod text;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::kinds::{AssignedKind, Kinds};
use crate::lint::{FileSystem, RealFs};
use crate::skill::Skill;

pub use frontmatter::FieldValue;

/// The outline of `skill`; the existence of link targets is asked of the real file system,
/// relative to the folder holding the skill (the path the skill was parsed with).
pub fn outline(skill: &Skill) -> Outline {
    outline_with(skill, &RealFs)
}

/// The outline of `skill`, asking `fs` whether link targets exist; its kind is its
/// `metadata.kind` among the built-in kinds.
pub fn outline_with(skill: &Skill, fs: &dyn FileSystem) -> Outline {
    build::outline(skill, fs, &Kinds::builtin(), None)
}

/// The outline of `skill` with the kinds and assigned kind of its config (see
/// [`crate::kinds::kind_in`]).
pub fn outline_in(skill: &Skill, fs: &dyn FileSystem, kinds: &Kinds, assigned: Option<&AssignedKind>) -> Outline {
    build::outline(skill, fs, kinds, assigned)
}

/// What a skill holds, summarised (see the [module documentation](self)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outline {
    /// The name of the folder holding the SKILL.md (the skill's command name in Claude Code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// How Claude Code invokes it (`/deploy`, `/docs:pdf`), when placed with
    /// [`Outline::placed`]; the outline of a skill alone does not depend on where it lies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invocation: Option<String>,
    /// The install unit it loads in (`project .`, `plugin docs`), when placed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What kept part of the file from being read (no frontmatter, a YAML error, a binary or
    /// oversized file), if anything.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// The frontmatter's fields, keys sorted; the first of a duplicated key wins.
    pub frontmatter: BTreeMap<String, FieldValue>,
    /// Lines and estimated tokens.
    pub size: Size,
    /// The skill's kind and where each section it requires is, when it has a kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<KindOutline>,
    /// The decision content the linter recognises.
    pub decision: Decision,
    /// How many code blocks each language has (`(none)` for blocks without one).
    pub code_languages: BTreeMap<String, usize>,
    /// What lies before the first heading, when anything does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preamble: Option<Preamble>,
    /// The top-level sections, each with its subsections.
    pub sections: Vec<Section>,
}

/// A skill's kind and its required sections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KindOutline {
    /// The kind's name.
    pub name: String,
    /// Where it came from: `metadata` (the skill's `metadata.kind`) or `config`.
    pub source: &'static str,
    /// False when no kind of that name is known (then nothing is required).
    pub known: bool,
    /// Each required section, in the kind's order.
    pub sections: Vec<RequiredPlace>,
}

/// One required section and the heading of the section that counts as it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RequiredPlace {
    /// The section's title in the kind.
    pub title: String,
    /// The title of the skill's section that counts as it (for the decision kind, of the
    /// section holding what the decision rules recognise), `None` when it is missing.
    pub found: Option<String>,
}

impl Outline {
    /// The outline with the skill's invocation name and install unit.
    pub fn placed(mut self, placement: &crate::discover::Placement) -> Outline {
        self.invocation = Some(placement.invocation.clone());
        self.unit = Some(placement.unit.label());
        self
    }
}

/// The size figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Size {
    /// Lines in the file.
    pub lines: usize,
    /// Lines in the body (the first body line to the last line that is not empty).
    pub body_lines: usize,
    /// The body's tokens, estimated as `skillsmith lint`'s body-too-long rule does.
    pub body_tokens: usize,
}

/// The decision content: the parts of a decision skill and the items they hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// Where each part is (the title of the section holding it), `None` when it is missing.
    pub parts: PartPlaces,
    /// The criteria: the rows of tables whose header names a criterion, or else of the
    /// decision table, by their first cell.
    pub criteria: Vec<String>,
    /// The red flags, by title.
    pub red_flags: Vec<String>,
    /// The green lights, by title.
    pub green_lights: Vec<String>,
    /// The test cases with an expected result, by title.
    pub test_cases: Vec<String>,
}

/// Where each part of a decision skill is: the title of the section that is it or holds it
/// (`(before the first heading)` for a part found there), `None` when it is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PartPlaces {
    /// When to use the skill.
    pub when_to_use: Option<String>,
    /// When not to use it.
    pub scope: Option<String>,
    /// A decision table.
    pub decision_table: Option<String>,
    /// A decision flow.
    pub flow: Option<String>,
    /// Trade-offs.
    pub trade_offs: Option<String>,
    /// Red flags.
    pub red_flags: Option<String>,
    /// Green lights.
    pub green_lights: Option<String>,
    /// Worked examples.
    pub examples: Option<String>,
    /// Test cases.
    pub test_cases: Option<String>,
}

impl PartPlaces {
    /// Each part's name (kebab-case, as in the decision rules' names: `missing-trade-offs`)
    /// and where it is, in the usual order.
    pub fn entries(&self) -> [(&'static str, Option<&str>); 9] {
        [
            ("when-to-use", self.when_to_use.as_deref()),
            ("scope", self.scope.as_deref()),
            ("decision-table", self.decision_table.as_deref()),
            ("flow", self.flow.as_deref()),
            ("trade-offs", self.trade_offs.as_deref()),
            ("red-flags", self.red_flags.as_deref()),
            ("green-lights", self.green_lights.as_deref()),
            ("examples", self.examples.as_deref()),
            ("test-cases", self.test_cases.as_deref()),
        ]
    }
}

/// The body before its first heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Preamble {
    /// Its lines, up to its last line that is not empty.
    pub lines: usize,
    /// What it holds.
    #[serde(flatten)]
    pub content: Content,
}

/// A section: its heading, size, content and subsections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Heading level, 1 to 6.
    pub level: u8,
    /// The heading's text, markup removed.
    pub title: String,
    /// Lines from the heading to the section's last line that is not empty, subsections
    /// included.
    pub lines: usize,
    /// What the section holds outside its subsections.
    #[serde(flatten)]
    pub content: Content,
    /// Its subsections.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// The tables, lists, code blocks and links directly in a section (or the preamble), each
/// kind in document order. Empty kinds are left out when serialized.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Content {
    /// Tables.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<Table>,
    /// Top-level lists (nested lists are counted in their list).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<List>,
    /// Code blocks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub code_blocks: Vec<CodeBlock>,
    /// Links, images and autolinks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

impl Content {
    /// True when it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty() && self.lists.is_empty() && self.code_blocks.is_empty() && self.links.is_empty()
    }
}

/// A table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The header cells' text.
    pub header: Vec<String>,
    /// How many columns the header has.
    pub columns: usize,
    /// How many data rows follow it.
    pub rows: usize,
}

/// How a list is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ListKind {
    /// `-`, `*` or `+` items.
    Bullet,
    /// Numbered items.
    Ordered,
}

/// A top-level list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct List {
    /// Bullet or ordered.
    pub kind: ListKind,
    /// Its own items.
    pub items: usize,
    /// How many of them are tasks (`- [ ]`, `- [x]`).
    #[serde(skip_serializing_if = "is_zero")]
    pub tasks: usize,
    /// Items of the lists nested in it, at any depth.
    #[serde(skip_serializing_if = "is_zero")]
    pub nested_items: usize,
}

/// A code block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeBlock {
    /// The info string's first word, if any.
    pub language: Option<String>,
    /// Lines of code, fences left out.
    pub lines: usize,
    /// False when the fence is never closed (the block runs to the end of the file).
    #[serde(skip_serializing_if = "is_true")]
    pub closed: bool,
}

/// What a link is: the model's own kind (link, image, autolink).
pub use crate::skill::LinkKind;

/// A link or image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Link, image or autolink.
    pub kind: LinkKind,
    /// The destination as written.
    pub dest: String,
    /// For a relative path: the file it names, relative to the skill's folder, normalised
    /// (`./a/../b.md#x` is `b.md`). `None` for URLs, anchors, absolute paths and templated
    /// destinations, which are not checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// For a relative path: whether the file exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exists: Option<bool>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_true(b: &bool) -> bool {
    *b
}
