//! The catalogue of frontmatter keys: which target knows each, and what type it takes.
//! Rules, `explain` and the JSON Schemas all read this one list.

use serde::Serialize;

use super::target::Target;

/// The type a frontmatter key takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type", content = "values")]
pub enum FieldType {
    /// A string.
    String,
    /// `true` or `false`.
    Bool,
    /// One of the listed strings.
    Enum(&'static [&'static str]),
    /// A string, or a list of strings.
    StringOrList,
    /// A map of string keys to string values.
    StringMap,
    /// Any map.
    Map,
}

/// One known frontmatter key.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Field {
    /// The key.
    pub key: &'static str,
    /// True when the Agent Skills specification defines it (also valid for the API).
    pub spec: bool,
    /// Its type on Claude Code (on `spec`/`api` every spec key but `metadata` is a string).
    pub claude_code_type: FieldType,
    /// What it is for.
    pub description: &'static str,
}

impl Field {
    /// True when `target` knows this key.
    pub fn known_on(&self, target: Target) -> bool {
        self.spec || target == Target::ClaudeCode
    }

    /// True when a list is tolerated where [`Field::type_on`] says string: `allowed-tools` on
    /// `spec` and `api`, where a list breaks the specification's wording but every reader
    /// takes it (`allowed-tools-form` warns; `field-type` lets it pass).
    pub fn list_tolerated_on(&self, target: Target) -> bool {
        self.key == "allowed-tools" && target != Target::ClaudeCode
    }

    /// The type the key takes on `target`.
    pub fn type_on(&self, target: Target) -> FieldType {
        match target {
            Target::ClaudeCode => self.claude_code_type,
            _ if self.key == "metadata" => FieldType::StringMap,
            _ => FieldType::String,
        }
    }
}

/// Effort levels Claude Code accepts.
pub const EFFORTS: &[&str] = &["low", "medium", "high", "xhigh", "max"];

/// Every known key, spec keys first.
pub const FIELDS: &[Field] = &[
    Field {
        key: "name",
        spec: true,
        claude_code_type: FieldType::String,
        description: "The skill's name: lowercase letters, digits and hyphens, at most 64 characters, equal to its folder's name.",
    },
    Field {
        key: "description",
        spec: true,
        claude_code_type: FieldType::String,
        description: "What the skill does and when to use it, at most 1024 characters.",
    },
    Field {
        key: "license",
        spec: true,
        claude_code_type: FieldType::String,
        description: "A licence name or the name of a bundled licence file.",
    },
    Field {
        key: "compatibility",
        spec: true,
        claude_code_type: FieldType::String,
        description: "Environment requirements, at most 500 characters.",
    },
    Field {
        key: "metadata",
        spec: true,
        claude_code_type: FieldType::StringMap,
        description: "A map of string keys to string values (version, author, kind, ...).",
    },
    Field {
        key: "allowed-tools",
        spec: true,
        claude_code_type: FieldType::StringOrList,
        description: "Tools the skill may use without asking: a space-separated string (Claude Code also takes commas or a list).",
    },
    Field {
        key: "when_to_use",
        spec: false,
        claude_code_type: FieldType::String,
        description: "More trigger text, appended to the description in the skill listing.",
    },
    Field {
        key: "argument-hint",
        spec: false,
        claude_code_type: FieldType::String,
        description: "Hint shown after the slash command, such as `[file]`.",
    },
    Field {
        key: "arguments",
        spec: false,
        claude_code_type: FieldType::StringOrList,
        description: "Named positional arguments, for `$name` substitution.",
    },
    Field {
        key: "disable-model-invocation",
        spec: false,
        claude_code_type: FieldType::Bool,
        description: "true: only a person can invoke the skill (by its slash command).",
    },
    Field {
        key: "user-invocable",
        spec: false,
        claude_code_type: FieldType::Bool,
        description: "false: hide the skill from the slash-command menu.",
    },
    Field {
        key: "disallowed-tools",
        spec: false,
        claude_code_type: FieldType::StringOrList,
        description: "Tools the skill may not use.",
    },
    Field {
        key: "model",
        spec: false,
        claude_code_type: FieldType::String,
        description: "The model to run the skill with.",
    },
    Field {
        key: "effort",
        spec: false,
        claude_code_type: FieldType::Enum(EFFORTS),
        description: "The model's effort level while the skill runs.",
    },
    Field {
        key: "context",
        spec: false,
        claude_code_type: FieldType::Enum(&["fork"]),
        description: "`fork`: run the skill in a separate sub-agent context.",
    },
    Field {
        key: "agent",
        spec: false,
        claude_code_type: FieldType::String,
        description: "The agent type to run a forked skill with.",
    },
    Field {
        key: "background",
        spec: false,
        claude_code_type: FieldType::Bool,
        description: "true: run the forked skill in the background.",
    },
    Field {
        key: "hooks",
        spec: false,
        claude_code_type: FieldType::Map,
        description: "Hooks scoped to the skill's lifetime.",
    },
    Field {
        key: "paths",
        spec: false,
        claude_code_type: FieldType::StringOrList,
        description: "Glob patterns: load the skill only when working with matching files.",
    },
    Field {
        key: "shell",
        spec: false,
        claude_code_type: FieldType::Enum(&["bash", "powershell"]),
        description: "The shell for `!` command injection.",
    },
];

/// The known field named `key`.
pub fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// The keys `target` knows.
pub fn keys_on(target: Target) -> impl Iterator<Item = &'static str> {
    FIELDS.iter().filter(move |f| f.known_on(target)).map(|f| f.key)
}
