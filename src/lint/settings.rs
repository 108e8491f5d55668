//! The effective settings for one file: target, each rule's level, rule options.

use std::sync::Arc;

use serde::Serialize;

use crate::kinds::{AssignedKind, Kinds};

use super::diagnostic::Level;
use super::registry::{self, Selector};
use super::rule::Group;
use super::target::Target;

/// Tunable numbers of the rules that have them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RuleOptions {
    /// Sum of all skills' listing characters before `listing-budget` warns.
    pub listing_budget: usize,
    /// Body lines before `body-too-long` warns.
    pub max_lines: usize,
    /// Estimated body tokens before `body-too-long` warns.
    pub max_tokens: usize,
    /// Lines of a referenced file before `reference-without-toc` asks for a table of
    /// contents.
    pub toc_min_lines: usize,
    /// Load-time commands `load-time-command-risk` trusts: exact commands, or prefixes
    /// ending in `*`.
    pub allowed_load_commands: Vec<String>,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions {
            listing_budget: crate::activation::listing::DEFAULT_BUDGET,
            max_lines: 500,
            max_tokens: 5_000,
            toc_min_lines: 100,
            allowed_load_commands: Vec::new(),
        }
    }
}

/// Which rules run, at what level, with which options, against which target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The target.
    pub target: Target,
    /// Rule options.
    pub options: RuleOptions,
    /// Level of each rule, in registry order.
    levels: Vec<Level>,
    /// True when the decision group was selected explicitly, so it applies to every skill
    /// and not only to those declaring `metadata.kind: decision`.
    decision_everywhere: bool,
    /// The kinds of skill known here: the built-in ones and those of the file's config.
    pub kinds: Arc<Kinds>,
    /// The kind the file's config assigns (`kind = "..."`), for a skill declaring none.
    pub assigned_kind: Option<AssignedKind>,
}

/// A choice of rules, as given by flags or a config: each list holds codes, names, group
/// names or `all`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only these rules (replaces the defaults).
    pub select: Option<Vec<String>>,
    /// These rules too.
    pub extend_select: Vec<String>,
    /// Not these rules.
    pub ignore: Vec<String>,
    /// Explicit levels (`[rules.NAME] level = ...`).
    pub levels: Vec<(String, Level)>,
}

/// A selector that names no rule, group or `all`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSelector {
    /// What was written.
    pub given: String,
    /// The closest valid name, if one is close.
    pub suggestion: Option<String>,
}

impl std::fmt::Display for UnknownSelector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule or group `{}`", self.given)?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl Settings {
    /// Every rule at its default level on `target`.
    pub fn new(target: Target) -> Settings {
        let levels = registry::rules().iter().map(|r| r.meta().levels.on(target)).collect();
        Settings {
            target,
            options: RuleOptions::default(),
            levels,
            decision_everywhere: false,
            kinds: Kinds::builtin(),
            assigned_kind: None,
        }
    }

    /// The level of the rule at registry `index`.
    pub fn level(&self, index: usize) -> Level {
        self.levels[index]
    }

    /// Sets the level of the rule at registry `index`.
    pub fn set_level(&mut self, index: usize, level: Level) {
        self.levels[index] = level;
    }

    /// True when decision rules apply to every skill, not only declared decision skills.
    pub fn decision_everywhere(&self) -> bool {
        self.decision_everywhere
    }

    /// Applies a selection on top of the current levels.
    pub fn apply(&mut self, selection: &Selection) -> Result<(), UnknownSelector> {
        if let Some(select) = &selection.select {
            let chosen = resolve(select)?;
            for index in 0..self.levels.len() {
                self.levels[index] =
                    if chosen.iter().any(|s| s.matches(index)) { self.enabled_level(index) } else { Level::Off };
            }
            self.note_decision(select);
        }
        for selector in resolve(&selection.extend_select)? {
            for index in 0..self.levels.len() {
                if selector.matches(index) && self.levels[index] == Level::Off {
                    self.levels[index] = self.enabled_level(index);
                }
            }
        }
        self.note_decision(&selection.extend_select);
        for selector in resolve(&selection.ignore)? {
            for index in 0..self.levels.len() {
                if selector.matches(index) {
                    self.levels[index] = Level::Off;
                }
            }
        }
        for (name, level) in &selection.levels {
            let selector = registry::parse_selector(name)?;
            for index in 0..self.levels.len() {
                if selector.matches(index) {
                    self.levels[index] = *level;
                }
            }
        }
        Ok(())
    }

    /// The level a rule gets when selected: its default on this target, else its strongest
    /// default on any target, else the level it declares for that case (warning unless it
    /// says otherwise).
    fn enabled_level(&self, index: usize) -> Level {
        let meta = registry::rules()[index].meta();
        let levels = meta.levels;
        match levels.on(self.target) {
            Level::Off => {
                Target::ALL.into_iter().map(|t| levels.on(t)).max().filter(|&l| l != Level::Off).unwrap_or(meta.enabled)
            }
            level => level,
        }
    }

    fn note_decision(&mut self, names: &[String]) {
        let names_decision = |name: &String| match registry::parse_selector(name) {
            // `all` turns every rule on, but decision rules still only fit decision skills.
            Ok(Selector::Group(Group::Decision)) => true,
            Ok(Selector::Rule(index)) => registry::rules()[index].meta().group == Group::Decision,
            _ => false,
        };
        if names.iter().any(names_decision) {
            self.decision_everywhere = true;
        }
    }
}

fn resolve(names: &[String]) -> Result<Vec<Selector>, UnknownSelector> {
    names.iter().map(|n| registry::parse_selector(n)).collect()
}
