//! The platforms a skill can be checked against.

use serde::Serialize;

/// Whose rules to apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// The Agent Skills specification: exactly six keys, strictly typed.
    Spec,
    /// Claude Code: its extra keys known and type-checked, recommendations as warnings.
    #[default]
    ClaudeCode,
    /// Claude.ai uploads and the Skills API: the spec plus ASCII names, no reserved words,
    /// no XML in name or description.
    Api,
}

impl Target {
    /// Every target.
    pub const ALL: [Target; 3] = [Target::Spec, Target::ClaudeCode, Target::Api];

    /// The target's name as written in flags and configs.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Spec => "spec",
            Target::ClaudeCode => "claude-code",
            Target::Api => "api",
        }
    }

    /// Looks a target up by name.
    pub fn parse(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.as_str() == name)
    }
}
