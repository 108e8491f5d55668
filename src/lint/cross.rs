//! What the repository-wide rules know of each skill: a compact summary, so checks across
//! thousands of skills index by name instead of holding every file.

use std::path::PathBuf;

use crate::activation::ListingEntry;
use crate::activation::similarity::body_signature;
use crate::discover::{Placement, UnitResolver};
use crate::skill::{Skill, Span};

use super::diagnostic::{Diagnostic, Severity};
use super::finding::{Location, locate_span};
use super::rule::RuleMeta;
use super::settings::RuleOptions;

/// The part of a skill the cross-skill rules need.
#[derive(Clone, Debug)]
pub struct SkillSummary {
    /// The file's path as shown.
    pub path: PathBuf,
    /// The `name` value and its span, if any.
    pub name: Option<(String, Span)>,
    /// Where `description` is (or line 1), for locating budget findings.
    pub description_span: Span,
    /// Its entry in Claude Code's skill listing (description plus `when_to_use`).
    pub entry: ListingEntry,
    /// The MinHash signature of its body, when the body was read and is long enough to
    /// compare (see [`crate::activation::similarity`]).
    pub body_signature: Option<Vec<u64>>,
    /// 1-based line and column of the name's value, for "first defined here" notes.
    pub name_line: u32,
    /// The name's and description's places, located while the text was at hand.
    pub anchors: Vec<Location>,
    /// Its install unit and invocation name: repository rules compare skills of one unit only.
    pub placement: Placement,
    /// False for a skill read only as context (a skill of a linted file's unit that was not
    /// named in a pre-commit call): its own findings belong to runs that lint it.
    pub linted: bool,
}

impl SkillSummary {
    /// Summarises a modelled skill, placing it in its install unit with `units`.
    pub fn of(skill: &Skill, units: &UnitResolver) -> SkillSummary {
        let fm = &skill.frontmatter;
        let name = fm.name().map(|f| (f.value.trim().to_string(), f.span));
        let description = fm.description();
        let description_span = description.map_or(Span::empty(0), |d| d.key_span);
        let name_line = name.as_ref().map_or(0, |(_, span)| skill.line_col(span.start as usize).line);
        let mut anchors = vec![locate_span(skill, description_span)];
        if let Some((_, span)) = &name {
            anchors.push(locate_span(skill, *span));
        }
        let placement = units.place(&skill.path);
        let entry = ListingEntry::of(skill, &placement);
        let body = &skill.body;
        let modelled = !body.paragraphs.is_empty() || !body.sections.is_empty() || !body.lists.is_empty();
        let body_signature = if modelled && skill.oversize.is_none() {
            skill.text().get(body.span.start as usize..body.span.end as usize).and_then(body_signature)
        } else {
            None
        };
        SkillSummary {
            path: skill.path.clone(),
            name,
            description_span,
            entry,
            body_signature,
            name_line,
            anchors,
            placement,
            linted: true,
        }
    }

    /// The located place of `span` (one of the anchors), or line 1.
    pub fn location(&self, span: Span) -> Location {
        self.anchors.iter().find(|a| a.span == span).cloned().unwrap_or_else(super::external::line_one)
    }
}

/// What a repository rule sees: every skill's summary and the options; it reports against a
/// skill by its index in `skills`.
pub struct CrossChecker<'a> {
    /// All skills of the run, in output order.
    pub skills: &'a [SkillSummary],
    /// Rule options of the run.
    pub options: &'a RuleOptions,
    rule: &'static RuleMeta,
    severity: Severity,
    out: Vec<(usize, Diagnostic)>,
}

impl<'a> CrossChecker<'a> {
    /// A checker reporting as `rule` at `severity`.
    pub fn new(
        skills: &'a [SkillSummary],
        options: &'a RuleOptions,
        rule: &'static RuleMeta,
        severity: Severity,
    ) -> Self {
        CrossChecker { skills, options, rule, severity, out: Vec::new() }
    }

    /// Reports a finding in skill `index` at `span`.
    pub fn report(&mut self, index: usize, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push((index, Diagnostic::new(self.rule, self.severity, span, message)));
        &mut self.out.last_mut().expect("just pushed").1
    }

    /// The findings, each with the index of its skill.
    pub fn into_diagnostics(self) -> Vec<(usize, Diagnostic)> {
        self.out
    }
}
