//! What a rule is: its metadata (code, name, group, levels per target, documentation) and
//! its check, which reads a [`Skill`](crate::Skill) through a [`Checker`].

use serde::Serialize;

use super::checker::Checker;
use super::cross::CrossChecker;
use super::diagnostic::Level;
use super::target::Target;

/// Rule groups: select or ignore a whole group by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// Reading the file: encoding, fences, YAML.
    File,
    /// Frontmatter fields.
    Frontmatter,
    /// Whether an agent will know when to use the skill.
    Activation,
    /// The body's structure and size.
    Structure,
    /// Links and references.
    Links,
    /// Content quality: placeholders, secrets, vague advice.
    Content,
    /// What a skill can make the agent do: hidden text, load-time shell, grants.
    Security,
    /// The contents a decision skill must have.
    Decision,
    /// The required sections of the skill's kind.
    Sections,
    /// Checks across all skills of a run.
    Repository,
    /// The linter's own directives.
    Meta,
}

impl Group {
    /// Every group.
    pub const ALL: [Group; 11] = [
        Group::File,
        Group::Frontmatter,
        Group::Activation,
        Group::Structure,
        Group::Links,
        Group::Content,
        Group::Security,
        Group::Decision,
        Group::Sections,
        Group::Repository,
        Group::Meta,
    ];

    /// The group's name as written in configs and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::File => "file",
            Group::Frontmatter => "frontmatter",
            Group::Activation => "activation",
            Group::Structure => "structure",
            Group::Links => "links",
            Group::Content => "content",
            Group::Security => "security",
            Group::Decision => "decision",
            Group::Sections => "sections",
            Group::Repository => "repository",
            Group::Meta => "meta",
        }
    }

    /// Looks a group up by name.
    pub fn parse(name: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == name)
    }
}

/// The default level of a rule on each target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Levels {
    /// On `--target spec`.
    pub spec: Level,
    /// On `--target claude-code`.
    pub claude_code: Level,
    /// On `--target api`.
    pub api: Level,
}

impl Levels {
    /// The same level on every target.
    pub const fn all(level: Level) -> Levels {
        Levels { spec: level, claude_code: level, api: level }
    }

    /// The level on `target`.
    pub fn on(self, target: Target) -> Level {
        match target {
            Target::Spec => self.spec,
            Target::ClaudeCode => self.claude_code,
            Target::Api => self.api,
        }
    }
}

/// Whether a rule can fix what it finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fixable {
    /// No fix.
    No,
    /// Some findings carry a safe fix.
    Safe,
    /// Some findings carry an unsafe fix.
    Unsafe,
}

impl Fixable {
    /// How `rules` and `explain` show it: `-`, `safe` or `unsafe`.
    pub fn as_str(self) -> &'static str {
        match self {
            Fixable::No => "-",
            Fixable::Safe => "safe",
            Fixable::Unsafe => "unsafe",
        }
    }
}

/// Everything known about a rule except its check.
#[derive(Debug, Serialize)]
pub struct RuleMeta {
    /// Stable code, `SK` and three digits.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    /// The group it belongs to.
    pub group: Group,
    /// One line: what it finds.
    pub summary: &'static str,
    /// Default level per target.
    pub levels: Levels,
    /// Whether it can fix what it finds.
    pub fixable: Fixable,
    /// The document it enforces.
    pub source: &'static str,
    /// The level it gets when selected on a target where it is off by default (and off on
    /// every target): warning unless the rule says otherwise.
    pub enabled: super::diagnostic::Level,
    /// Its documentation (Markdown: what it does, why, example), from its doc comment.
    #[serde(skip)]
    pub doc: &'static str,
}

impl RuleMeta {
    /// The targets on which it runs by default.
    pub fn targets(&self) -> Vec<Target> {
        Target::ALL.into_iter().filter(|&t| self.levels.on(t) != Level::Off).collect()
    }

    /// The documentation with the one space rustdoc leaves after `///` removed.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }

    /// The default levels on spec, claude-code and api, as `error/warning/off`.
    pub fn levels_text(&self) -> String {
        Target::ALL.iter().map(|&t| self.levels.on(t).as_str()).collect::<Vec<_>>().join("/")
    }

    /// The whole explanation `skillsmith explain` prints and editors show on hover: title,
    /// summary, group, levels, fix, source, then the documentation.
    pub fn explanation(&self) -> String {
        format!(
            "# {} {}\n\n{}\n\n- group: {}\n- default level (spec/claude-code/api): {}\n- fix: {}\n- enforces: {}\n\n{}",
            self.code,
            self.name,
            self.summary,
            self.group.as_str(),
            self.levels_text(),
            self.fixable.as_str(),
            self.source,
            self.documentation()
        )
    }
}

/// A lint rule. Rules only read what they are given and push diagnostics; they never print.
pub trait Rule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;

    /// Checks one skill.
    fn check(&self, _cx: &mut Checker<'_>) {}

    /// Checks all skills of a run together (for rules of the repository group).
    fn check_all(&self, _cx: &mut CrossChecker<'_>) {}
}

/// Declares a rule type: its doc comment becomes [`RuleMeta::doc`], so `explain`, docs/rules.md
/// and the rustdoc show one text.
#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (@enabled) => { $crate::lint::Level::Warning };
    (@enabled $enabled:expr) => { $enabled };
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal,
            name: $kebab:literal,
            group: $group:ident,
            summary: $summary:literal,
            levels: $levels:expr,
            fixable: $fixable:ident,
            source: $source:literal
            $(, enabled: $enabled:expr)? $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        pub struct $name;

        impl $name {
            /// This rule's metadata.
            pub const META: $crate::lint::RuleMeta = $crate::lint::RuleMeta {
                code: $code,
                name: $kebab,
                group: $crate::lint::Group::$group,
                summary: $summary,
                levels: $levels,
                fixable: $crate::lint::Fixable::$fixable,
                source: $source,
                enabled: $crate::declare_rule!(@enabled $($enabled)?),
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
