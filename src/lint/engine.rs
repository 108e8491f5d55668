//! Running the registered rules over one skill, then applying its suppressions.

use crate::skill::Skill;

use super::checker::Checker;
use super::cross::{CrossChecker, SkillSummary};
use super::diagnostic::Diagnostic;
use super::fs::FileSystem;
use super::registry::{find, rules};
use super::rule::Group;
use super::rules::meta::unused_suppression::UnusedSuppression;
use super::settings::Settings;
use super::suppress::Suppressions;

/// One file's diagnostics after suppressions, and the suppressions (which remember what they
/// hid, for the repository rules still to come and the unused-suppression check).
#[derive(Debug)]
pub struct CheckedFile {
    /// Diagnostics no directive suppressed, in rule order.
    pub diagnostics: Vec<Diagnostic>,
    /// The file's suppressions.
    pub suppressions: Suppressions,
}

/// Runs every enabled rule over `skill`, drops the diagnostics its directives suppress, and
/// reports the directives that suppressed nothing.
pub fn check_skill(skill: &Skill, settings: &Settings, fs: &dyn FileSystem) -> Vec<Diagnostic> {
    let mut checked = check_file(skill, settings, fs);
    checked.diagnostics.extend(checked.suppressions.unused_diagnostics());
    checked.diagnostics
}

/// Runs every enabled rule over `skill` and applies its suppressions; unused suppressions
/// are left for the caller to report once the repository rules have run.
pub fn check_file(skill: &Skill, settings: &Settings, fs: &dyn FileSystem) -> CheckedFile {
    let is_decision = settings.decision_everywhere()
        || crate::kinds::kind_of(skill, settings).is_some_and(|kind| kind.name == "decision");
    let unused_level = find(UnusedSuppression::META.code).and_then(|i| settings.level(i).severity());
    let mut suppressions = Suppressions::of(skill, unused_level);
    let mut checker: Option<Checker<'_>> = None;
    for (index, rule) in rules().iter().enumerate() {
        let Some(severity) = settings.level(index).severity() else {
            continue;
        };
        let meta = rule.meta();
        if (meta.group == Group::Decision && !is_decision) || meta.group == Group::Repository {
            continue;
        }
        // Over the size limit the body was not read: only what is said of the file and its
        // frontmatter can be true (limit-reached says the rest was not linted).
        if skill.oversize.is_some() && !matches!(meta.group, Group::File | Group::Frontmatter | Group::Meta) {
            continue;
        }
        suppressions.mark_ran(index);
        let cx = checker.get_or_insert_with(|| Checker::new(skill, settings, fs, meta, severity));
        cx.set_rule(meta, severity);
        rule.check(cx);
    }
    let diagnostics = checker.map(Checker::into_diagnostics).unwrap_or_default();
    let diagnostics = suppressions.filter(skill, diagnostics);
    CheckedFile { diagnostics, suppressions }
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
