//! The lint engine: rules, their registry, settings, and running them.
//!
//! Rules live one per file under [`rules`](mod@rules), each documented in its doc comment, registered
//! in one table ([`rules::RULES`]) that is the only list of codes: `skillsmith rules`,
//! `skillsmith explain` and the rule table in docs/rules.md all read it.

pub mod baseline;
mod checker;
mod cross;
mod diagnostic;
mod engine;
pub mod external;
pub mod fields;
mod finding;
mod fs;
pub mod parts;
pub mod references;
mod registry;
mod rule;
pub mod rules;
mod run;
pub mod scan;
mod settings;
pub mod spec_origin;
pub mod suppress;
mod target;

pub use checker::Checker;
pub use cross::{CrossChecker, SkillSummary};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Level, Severity};
pub use engine::{CheckedFile, check_all, check_file, check_skill};
pub use finding::{FileResult, Finding, LocatedEdit, LocatedFix, Location, Snippet, SpecOrigin, locate, locate_span};
pub use fs::{FileSystem, FsCache, MemoryFs, RealFs};
pub use registry::{Selector, find, parse_selector, rules, suggest};
pub use rule::{Fixable, Group, Levels, Rule, RuleMeta};
pub use run::{
    LintOne, LintRun, LintedFile, RunOptions, SettingsProvider, Uniform, io_finding, lint_candidate, lint_discovered,
    lint_discovered_with, lint_paths, lint_skill, read_skill, with_repository_rules,
};
pub use settings::{RuleOptions, Selection, Settings, UnknownSelector};
pub use target::Target;
