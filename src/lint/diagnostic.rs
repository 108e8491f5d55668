//! What rules produce: diagnostics with a severity, a span, a message, help and a fix.

use serde::Serialize;

use crate::skill::Span;

use super::rule::RuleMeta;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Should be fixed; fails a run only with `--strict`.
    Warning,
    /// Must be fixed; fails the run.
    Error,
}

impl Severity {
    /// The lowercase word: `error`, `warning`, `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A rule's configured level: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The rule does not run.
    Off,
    /// Findings are infos.
    Info,
    /// Findings are warnings.
    Warning,
    /// Findings are errors.
    Error,
}

impl Level {
    /// Every level, from off to error.
    pub const ALL: [Level; 4] = [Level::Off, Level::Info, Level::Warning, Level::Error];

    /// The severity of findings at this level, `None` when off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    /// The lowercase word: `off`, `info`, `warning`, `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// Parses `off`, `info`, `warning` (or `warn`), `error`.
    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "off" => Some(Level::Off),
            "info" => Some(Level::Info),
            "warning" | "warn" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }
}

/// Whether a fix can be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning exactly; applied by `--fix`.
    Safe,
    /// Changes meaning or files; applied only with `--unsafe-fixes`.
    Unsafe,
}

/// Replace the bytes of `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The bytes replaced (empty to insert).
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A proposed change: edits to the file's text, and optionally a new file name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, as a short imperative sentence.
    pub message: String,
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// Non-overlapping edits to the text.
    pub edits: Vec<Edit>,
    /// Rename the file to this name (in the same folder).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rename_to: Option<String>,
}

impl Fix {
    /// A safe fix made of `edits`.
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix { message: message.into(), applicability: Applicability::Safe, edits, rename_to: None }
    }

    /// An unsafe fix made of `edits`.
    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix { message: message.into(), applicability: Applicability::Unsafe, edits, rename_to: None }
    }
}

/// A finding of one rule at one place.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: &'static RuleMeta,
    /// Its severity, after configuration.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where.
    pub span: Span,
    /// How to fix it, if there is more to say than the message.
    pub help: Option<String>,
    /// A machine-applicable fix, if any.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of `rule` at `span`, with no help or fix yet.
    pub fn new(rule: &'static RuleMeta, severity: Severity, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { rule, severity, message: message.into(), span, help: None, fix: None }
    }

    /// Sets the help text.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Lowers the severity one step (error to warning, warning to info): for the findings a
    /// rule's documentation names as milder than its others (a key Claude Code ignores next to
    /// a misspelt one). A rule configured at info stays at info.
    pub fn milder(&mut self) -> &mut Self {
        self.severity = match self.severity {
            Severity::Error => Severity::Warning,
            Severity::Warning | Severity::Info => Severity::Info,
        };
        self
    }

    /// Sets the fix.
    pub fn fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }
}
