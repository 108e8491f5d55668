//! The skill spec: the structured source (`skill.yaml`) a SKILL.md is rendered from.
//!
//! Field names are kebab-case in YAML and snake_case in templates (the spec is the
//! templates' context). Every struct refuses unknown fields, so a misspelt field is an error
//! at its line with the valid names. A spec holds the frontmatter, prose parts shared by all
//! templates, and typed parts: the decision logic of a decision skill as data (facts,
//! criteria with checks, selection tables, formulas, bands, red flags, green lights, test
//! cases) and the steps and pitfalls of a procedural one. Expressions are kept as text,
//! parsed and type-checked by [`crate::expr`] when the spec is read.

mod content;
mod decision;
mod fact_value;
mod use_case;
mod validate;
mod validate_expr;
mod validate_logic;
mod validate_use_case;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::yaml::Located;

pub use content::{
    Block, Checklist, ChecklistItem, CodeBlock, Example, Part, Pitfall, Section, Slot, Step, Table, TradeOff, TradeOffs,
};
pub use decision::{
    Band, BandRow, Calculations, Criterion, Expectation, ExpectedOutcome, Fact, FactType, FactValue, Formula,
    GreenLight, Outcome, RedFlag, Selection, SelectionRow, TestCase, Unless,
};
pub use fact_value::{FactError, read_number};
pub use use_case::{UseCaseField, UseCaseSection, column_key, key_title};
pub use validate::{BUILTIN_TEMPLATES, SpecError, TemplateRules, locate_in_scalar, validate, validate_source};
pub use validate_expr::fact_type;
pub use validate_logic::check_expectation;
pub use validate_use_case::RESERVED_KEYS;

/// The version of the spec format this build reads and writes.
pub const SPEC_VERSION: u32 = 1;

/// A skill's spec, as read from `skill.yaml`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all(deserialize = "kebab-case", serialize = "snake_case"))]
pub struct Spec {
    /// Version of the spec format (`spec-version: 1`).
    pub spec_version: Located<u32>,
    /// The template that lays the body out: `decision`, `procedural`, `minimal`, or the name
    /// of a template in `--templates DIR`.
    pub template: Located<String>,
    /// The SKILL.md frontmatter, key for key.
    pub frontmatter: Frontmatter,
    /// The body's H1 title.
    pub title: Located<String>,
    /// The paragraph under the title: what the skill does.
    #[serde(default)]
    pub summary: Option<String>,
    /// When to use the skill (a list).
    #[serde(default)]
    pub when_to_use: Option<Located<Part<String>>>,
    /// When not to use it, and what to use instead (a list).
    #[serde(default)]
    pub do_not_use: Option<Located<Part<String>>>,
    /// The facts a decision needs, each named and typed.
    #[serde(default)]
    pub facts: Option<Located<Part<Fact>>>,
    /// Criteria that must all pass to proceed.
    #[serde(default)]
    pub criteria: Option<Located<Part<Criterion>>>,
    /// The decision flow: ordered steps.
    #[serde(default)]
    pub flow: Option<Located<Part<Step>>>,
    /// Selection tables (in `items`): in each, the first matching row wins.
    #[serde(default)]
    pub selections: Option<Located<Part<Selection>>>,
    /// What each choice gains and gives up.
    #[serde(default)]
    pub trade_offs: Option<Located<TradeOffs>>,
    /// Formulas and the bands their results fall in.
    #[serde(default)]
    pub calculations: Option<Located<Calculations>>,
    /// Checklists.
    #[serde(default)]
    pub checklists: Vec<Located<Checklist>>,
    /// The use-case file `skillsmith evaluate` reads: sections of fields mapped to facts.
    #[serde(default)]
    pub use_case: Option<Located<Part<UseCaseSection>>>,
    /// The ordered steps of a procedure.
    #[serde(default)]
    pub steps: Option<Located<Part<Step>>>,
    /// Signals that the path is wrong, each with why and what to do instead.
    #[serde(default)]
    pub red_flags: Option<Located<Part<RedFlag>>>,
    /// Signals that it is right to proceed.
    #[serde(default)]
    pub green_lights: Option<Located<Part<GreenLight>>>,
    /// Mistakes to avoid in a procedure, each with what to do instead.
    #[serde(default)]
    pub pitfalls: Option<Located<Part<Pitfall>>>,
    /// Worked examples with their outcomes.
    #[serde(default)]
    pub examples: Option<Located<Part<Example>>>,
    /// Test cases with their expected results.
    #[serde(default)]
    pub test_cases: Option<Located<Part<TestCase>>>,
    /// Free sections, each placed after a part of the template.
    #[serde(default)]
    pub sections: Vec<Located<Section>>,
}

/// The frontmatter written to SKILL.md, by the YAML serializer, in this field order. The
/// keys are the frontmatter's own (`allowed-tools`, `when_to_use`, ...).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Frontmatter {
    /// The skill's name: lowercase letters, digits and hyphens; also its folder's name.
    pub name: Located<String>,
    /// What the skill does and when to use it (at most 1,024 characters).
    pub description: Located<String>,
    /// Licence name or bundled licence file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Environment requirements (at most 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compatibility: Option<String>,
    /// Space-separated tool patterns the skill may use without asking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_tools: Option<String>,
    /// Claude Code: extra trigger text shown with the description.
    #[serde(default, rename = "when_to_use", skip_serializing_if = "Option::is_none")]
    pub when_to_use: Option<String>,
    /// Claude Code: hint shown for the slash command's arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub argument_hint: Option<String>,
    /// Claude Code: only the user can invoke the skill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_model_invocation: Option<bool>,
    /// Claude Code: whether the skill is offered as a slash command.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_invocable: Option<bool>,
    /// Claude Code: the model to run the skill with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// String keys to string values (`kind: decision`, `version: "1.0"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

impl Spec {
    /// The skill's name.
    pub fn name(&self) -> &str {
        &self.frontmatter.name
    }

    /// The parts this spec fills, in template order (free sections not included).
    pub fn filled_slots(&self) -> Vec<Slot> {
        let present = [
            (Slot::WhenToUse, self.when_to_use.is_some()),
            (Slot::DoNotUse, self.do_not_use.is_some()),
            (Slot::Facts, self.facts.is_some()),
            (Slot::Criteria, self.criteria.is_some()),
            (Slot::Flow, self.flow.is_some()),
            (Slot::Selections, self.selections.is_some()),
            (Slot::TradeOffs, self.trade_offs.is_some()),
            (Slot::Calculations, self.calculations.is_some()),
            (Slot::Checklists, !self.checklists.is_empty()),
            (Slot::UseCase, self.use_case.is_some()),
            (Slot::Steps, self.steps.is_some()),
            (Slot::RedFlags, self.red_flags.is_some()),
            (Slot::GreenLights, self.green_lights.is_some()),
            (Slot::Pitfalls, self.pitfalls.is_some()),
            (Slot::Examples, self.examples.is_some()),
            (Slot::TestCases, self.test_cases.is_some()),
        ];
        present.into_iter().filter(|(_, here)| *here).map(|(slot, _)| slot).collect()
    }
}
