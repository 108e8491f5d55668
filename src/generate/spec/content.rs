//! Prose content shared by every template: titled parts, tables, steps, checklists,
//! examples, trade-offs, pitfalls and free sections.

use serde::{Deserialize, Serialize};

use crate::yaml::Located;

/// A titled list of items: the shape of most parts (`when-to-use`, `criteria`, ...). The
/// template gives each part a heading; `title` replaces it.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Part<T> {
    /// Heading, replacing the template's.
    #[serde(default)]
    pub title: Option<String>,
    /// Paragraph under the heading.
    #[serde(default)]
    pub intro: Option<String>,
    /// The items.
    pub items: Vec<Located<T>>,
    /// `false` to keep it out of SKILL.md: data only the decision engine reads (the facts'
    /// names and types), which would cost the agent tokens for nothing.
    #[serde(default)]
    pub in_body: Option<bool>,
}

/// A table: column headers and rows of as many cells.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Table {
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows, each with one cell per column.
    pub rows: Vec<Located<Vec<String>>>,
}

/// One step of a procedure or a decision flow.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Step {
    /// What to do, as one sentence.
    pub step: String,
    /// More on how, or what follows.
    #[serde(default)]
    pub detail: Option<String>,
}

/// A checklist.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Checklist {
    /// Heading.
    pub title: String,
    /// Paragraph under the heading.
    #[serde(default)]
    pub intro: Option<String>,
    /// The items to tick.
    pub items: Vec<Located<ChecklistItem>>,
}

/// One checklist item, optionally with a range of figures (`40`-`100` `hours`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct ChecklistItem {
    /// What to check.
    pub item: String,
    /// Lower figure of the range.
    #[serde(default)]
    pub min: Option<f64>,
    /// Upper figure of the range.
    #[serde(default)]
    pub max: Option<f64>,
    /// Unit of the range (`hours`, `hours a month`).
    #[serde(default)]
    pub unit: Option<String>,
    /// A note after the item.
    #[serde(default)]
    pub detail: Option<String>,
    /// The range as shown (`40-100 hours`), filled in by validation.
    #[serde(skip_deserializing)]
    pub range: Option<String>,
}

/// A worked example: the situation, how the skill's guidance applies, and the outcome.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Example {
    /// Heading.
    pub title: String,
    /// The situation.
    pub situation: String,
    /// The reasoning, step by step.
    #[serde(default)]
    pub analysis: Vec<String>,
    /// What was decided or produced.
    pub outcome: String,
}

/// What the choices gain and give up: a comparison table and/or one entry per choice.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct TradeOffs {
    /// Heading.
    #[serde(default)]
    pub title: Option<String>,
    /// Paragraph under the heading.
    #[serde(default)]
    pub intro: Option<String>,
    /// A comparison matrix.
    #[serde(default)]
    pub table: Option<Located<Table>>,
    /// Each choice with what it gains and costs.
    #[serde(default)]
    pub options: Vec<Located<TradeOff>>,
}

/// One choice and its trade-off.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct TradeOff {
    /// The choice.
    pub choice: String,
    /// What you gain.
    pub gains: String,
    /// What you give up.
    pub costs: String,
}

/// A mistake to avoid and what to do instead.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Pitfall {
    /// The mistake.
    pub pitfall: String,
    /// Why it hurts.
    #[serde(default)]
    pub why: Option<String>,
    /// What to do instead.
    pub instead: String,
}

/// A free section: a heading, blocks of content, sub-sections.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Section {
    /// Heading.
    pub title: Located<String>,
    /// The part of the template this section follows (top-level sections only; default
    /// `end`).
    #[serde(default)]
    pub after: Option<Located<Slot>>,
    /// Content blocks, in order.
    #[serde(default)]
    pub content: Vec<Located<Block>>,
    /// Sub-sections, one heading level down.
    #[serde(default)]
    pub sections: Vec<Located<Section>>,
}

/// A block of content in a free section: `text`, `list`, `steps`, `checklist`, `table` or
/// `code`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub enum Block {
    /// A paragraph.
    Text(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A numbered list.
    Steps(Vec<String>),
    /// A task list (`- [ ] item`).
    Checklist(Vec<String>),
    /// A table.
    Table(Table),
    /// A fenced code block.
    Code(CodeBlock),
}

/// A fenced code block.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct CodeBlock {
    /// The info string (`sh`, `python`), if any.
    #[serde(default)]
    pub lang: Option<String>,
    /// The code, without fences.
    pub code: String,
}

/// The parts of a body, in the order templates lay them out; free sections are placed after
/// one of them.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub enum Slot {
    /// Right after the title and summary.
    Start,
    /// `when-to-use`.
    WhenToUse,
    /// `do-not-use`.
    DoNotUse,
    /// `facts`.
    Facts,
    /// `criteria`.
    Criteria,
    /// `flow`.
    Flow,
    /// `selections`.
    Selections,
    /// `trade-offs`.
    TradeOffs,
    /// `calculations`.
    Calculations,
    /// `checklists`.
    Checklists,
    /// `use-case`.
    UseCase,
    /// `steps`.
    Steps,
    /// `red-flags`.
    RedFlags,
    /// `green-lights`.
    GreenLights,
    /// `pitfalls`.
    Pitfalls,
    /// `examples`.
    Examples,
    /// `test-cases`.
    TestCases,
    /// At the end of the body (the default).
    End,
}

impl Slot {
    /// Every part a template can lay out, in layout order (every slot but `start` and `end`).
    pub const PARTS: &'static [Slot] = &[
        Slot::WhenToUse,
        Slot::DoNotUse,
        Slot::Facts,
        Slot::Criteria,
        Slot::Flow,
        Slot::Selections,
        Slot::TradeOffs,
        Slot::Calculations,
        Slot::Checklists,
        Slot::UseCase,
        Slot::Steps,
        Slot::RedFlags,
        Slot::GreenLights,
        Slot::Pitfalls,
        Slot::Examples,
        Slot::TestCases,
    ];

    /// The name written in specs (`red-flags`).
    pub fn as_str(self) -> &'static str {
        match self {
            Slot::Start => "start",
            Slot::WhenToUse => "when-to-use",
            Slot::DoNotUse => "do-not-use",
            Slot::Facts => "facts",
            Slot::Criteria => "criteria",
            Slot::Flow => "flow",
            Slot::Selections => "selections",
            Slot::TradeOffs => "trade-offs",
            Slot::Calculations => "calculations",
            Slot::Checklists => "checklists",
            Slot::UseCase => "use-case",
            Slot::Steps => "steps",
            Slot::RedFlags => "red-flags",
            Slot::GreenLights => "green-lights",
            Slot::Pitfalls => "pitfalls",
            Slot::Examples => "examples",
            Slot::TestCases => "test-cases",
            Slot::End => "end",
        }
    }
}
