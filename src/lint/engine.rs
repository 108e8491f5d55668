//! Running the registered rules over one skill.

use crate::skill::Skill;

use super::checker::Checker;
use super::cross::{CrossChecker, SkillSummary};
use super::diagnostic::Diagnostic;
use super::fs::FileSystem;
use super::registry::rules;
use super::rule::Group;
use super::settings::Settings;

/// Runs every enabled rule over `skill` and returns the diagnostics in rule order.
pub fn check_skill(skill: &Skill, settings: &Settings, fs: &dyn FileSystem) -> Vec<Diagnostic> {
    let is_decision = settings.decision_everywhere() || skill.frontmatter.kind() == Some("decision");
    let mut checker: Option<Checker<'_>> = None;
    for (index, rule) in rules().iter().enumerate() {
        let Some(severity) = settings.level(index).severity() else {
            continue;
        };
        let meta = rule.meta();
        if meta.group == Group::Decision && !is_decision {
            continue;
        }
        let cx = checker.get_or_insert_with(|| Checker::new(skill, settings, fs, meta, severity));
        cx.set_rule(meta, severity);
        rule.check(cx);
    }
    checker.map(Checker::into_diagnostics).unwrap_or_default()
}

/// Runs the repository rules enabled in `settings` over all skills' summaries; returns each
/// finding with the index of its skill.
pub fn check_all(skills: &[SkillSummary], settings: &Settings) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    for (index, rule) in rules().iter().enumerate() {
        let Some(severity) = settings.level(index).severity() else { continue };
        if rule.meta().group != Group::Repository {
            continue;
        }
        let mut cx = CrossChecker::new(skills, &settings.options, rule.meta(), severity);
        rule.check_all(&mut cx);
        out.extend(cx.into_diagnostics());
    }
    out
}
