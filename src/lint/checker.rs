//! The context a rule checks a skill in, and where its diagnostics go.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::skill::{Skill, Span};

use super::diagnostic::{Diagnostic, Severity};
use super::fs::FileSystem;
use super::rule::RuleMeta;
use super::settings::Settings;
use super::target::Target;

/// What a rule sees: the skill, the settings, the file system window. Rules report through
/// it; it stamps each diagnostic with the rule and its configured severity.
pub struct Checker<'a> {
    /// The skill being checked.
    pub skill: &'a Skill,
    /// The effective settings for this file.
    pub settings: &'a Settings,
    /// The file system, as far as rules may see it.
    pub fs: &'a dyn FileSystem,
    rule: &'static RuleMeta,
    severity: Severity,
    diagnostics: Vec<Diagnostic>,
    memo: RefCell<HashMap<TypeId, Rc<dyn Any>>>,
}

impl<'a> Checker<'a> {
    /// A checker for `skill`, reporting as `rule` at `severity`.
    pub fn new(
        skill: &'a Skill,
        settings: &'a Settings,
        fs: &'a dyn FileSystem,
        rule: &'static RuleMeta,
        severity: Severity,
    ) -> Self {
        Checker { skill, settings, fs, rule, severity, diagnostics: Vec::new(), memo: RefCell::new(HashMap::new()) }
    }

    /// The target being checked against.
    pub fn target(&self) -> Target {
        self.settings.target
    }

    /// The file's text.
    pub fn text(&self) -> &'a str {
        self.skill.text()
    }

    /// The span of the one character at `offset` (empty at a line break or the end).
    pub fn char_span(&self, offset: usize) -> Span {
        let text = self.text();
        let offset = crate::skill::floor_char_boundary(text, offset.min(text.len()));
        match text[offset..].chars().next() {
            Some(c) if c != '\n' && c != '\r' => Span::new(offset, offset + c.len_utf8()),
            _ => Span::empty(offset),
        }
    }

    /// The span of the whole line holding byte `offset` (without its line break).
    pub fn line_at(&self, offset: usize) -> Span {
        let line = self.skill.line_col(offset).line;
        self.skill.line_span(line as usize)
    }

    /// The 1-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> u32 {
        self.skill.line_col(offset).line
    }

    /// A value derived from the skill, computed by `make` the first time a rule asks for a
    /// `T` and shared by every later rule on the same skill (one per type).
    pub fn memo<T: Any>(&self, make: impl FnOnce(&Checker<'a>) -> T) -> Rc<T> {
        if let Some(value) = self.memo.borrow().get(&TypeId::of::<T>()) {
            return value.clone().downcast::<T>().expect("memo keyed by type");
        }
        let value = Rc::new(make(self));
        self.memo.borrow_mut().insert(TypeId::of::<T>(), value.clone());
        value
    }

    /// Reports a finding at `span`; chain `.help(..)` and `.fix(..)` on the result.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::new(self.rule, self.severity, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// The diagnostics reported so far.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Switches to reporting as another rule (used by the engine between rules).
    pub(crate) fn set_rule(&mut self, rule: &'static RuleMeta, severity: Severity) {
        self.rule = rule;
        self.severity = severity;
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::lint::{MemoryFs, rules};

    #[test]
    fn memo_computes_once_per_type() {
        let skill = Skill::parse("s/x/SKILL.md", b"---\nname: x\n---\nbody\n".to_vec());
        let settings = Settings::new(Target::ClaudeCode);
        let fs = MemoryFs::new();
        let cx = Checker::new(&skill, &settings, &fs, rules()[0].meta(), Severity::Error);
        let calls = Cell::new(0);
        let first = cx.memo(|_| {
            calls.set(calls.get() + 1);
            7_u32
        });
        let second = cx.memo(|_| {
            calls.set(calls.get() + 1);
            8_u32
        });
        assert_eq!((*first, *second, calls.get()), (7, 7, 1));
        assert_eq!(*cx.memo(|_| String::from("other type")), "other type");
    }
}
