//! Looking rules up by code, name or group.

use super::rule::{Group, Rule};
use super::rules::RULES;
use super::settings::UnknownSelector;

/// Every rule, in code order.
pub fn rules() -> &'static [&'static dyn Rule] {
    RULES
}

/// The registry index of the rule with this code or name (codes are case-insensitive).
pub fn find(code_or_name: &str) -> Option<usize> {
    RULES.iter().position(|rule| {
        let meta = rule.meta();
        meta.code.eq_ignore_ascii_case(code_or_name) || meta.name == code_or_name
    })
}

/// What a selector names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    /// Every rule.
    All,
    /// Every rule of a group.
    Group(Group),
    /// One rule, by registry index.
    Rule(usize),
}

impl Selector {
    /// True when the rule at `index` is selected.
    pub fn matches(self, index: usize) -> bool {
        match self {
            Selector::All => true,
            Selector::Group(group) => RULES[index].meta().group == group,
            Selector::Rule(rule) => rule == index,
        }
    }
}

/// Parses `all`, a group name, a rule code or a rule name.
pub fn parse_selector(text: &str) -> Result<Selector, UnknownSelector> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("all") {
        return Ok(Selector::All);
    }
    if let Some(group) = Group::parse(text) {
        return Ok(Selector::Group(group));
    }
    if let Some(index) = find(text) {
        return Ok(Selector::Rule(index));
    }
    Err(UnknownSelector { given: text.to_string(), suggestion: suggest(text) })
}

/// The rule name, code or group closest to `text`, if one is close enough to be a typo.
pub fn suggest(text: &str) -> Option<String> {
    let candidates =
        RULES.iter().flat_map(|r| [r.meta().name, r.meta().code]).chain(Group::ALL.iter().map(|g| g.as_str()));
    crate::text::closest(text, candidates)
}
