//! The catalogue of config keys: the one list the reader, the `init` template and the JSON
//! Schema (`skillsmith schema config`) all read.

/// Which key: the reader dispatches on this, so a key added here must be handled there
/// (the match is exhaustive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyId {
    /// `target`.
    Target,
    /// `select`.
    Select,
    /// `extend-select`.
    ExtendSelect,
    /// `ignore`.
    Ignore,
    /// `listing-budget`.
    ListingBudget,
    /// `rules`.
    Rules,
    /// `overrides`.
    Overrides,
    /// `paths` (in an override).
    Paths,
    /// `kind`: the kind of the skills it applies to.
    Kind,
    /// `kinds`: kinds of skill and their required sections.
    Kinds,
}

/// What a key's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// A target name.
    Target,
    /// Rule codes, names, groups or `all`: a list, or one comma-separated string.
    Selectors,
    /// A whole number of at least 0.
    Count,
    /// `[rules.NAME]`: a level, or a table of `level` and the rule's options.
    Rules,
    /// `[[overrides]]` tables.
    Overrides,
    /// Globs: a list of strings, or one string.
    Globs,
    /// The name of a kind (built-in or declared under `kinds`).
    Kind,
    /// `[kinds.NAME]` tables: each a `doc` and a list of required `sections`.
    Kinds,
}

/// One config key.
#[derive(Clone, Copy, Debug)]
pub struct ConfigKey {
    /// Which key.
    pub id: KeyId,
    /// The key as written.
    pub key: &'static str,
    /// What its value is.
    pub kind: KeyKind,
    /// True when it may be written at the top of the file.
    pub top: bool,
    /// True when it may be written in an `[[overrides]]` entry.
    pub in_override: bool,
    /// What it does (template comment and schema description).
    pub doc: &'static str,
    /// An example, as TOML lines (commented out in the template).
    pub example: &'static str,
}

/// Every config key, in the order the template shows them.
pub const CONFIG_KEYS: &[ConfigKey] = &[
    ConfigKey {
        id: KeyId::Target,
        key: "target",
        kind: KeyKind::Target,
        top: true,
        in_override: true,
        doc: "Whose rules apply: \"claude-code\" (default), \"spec\" (the Agent Skills specification) or \"api\" (claude.ai uploads and the Skills API).",
        example: "target = \"claude-code\"",
    },
    ConfigKey {
        id: KeyId::Select,
        key: "select",
        kind: KeyKind::Selectors,
        top: true,
        in_override: true,
        doc: "Run only these rules (replaces the defaults). Rules are named by code (\"SK301\"), name (\"body-too-long\"), group (\"decision\", \"structure\", ...) or \"all\".",
        example: "select = [\"all\"]",
    },
    ConfigKey {
        id: KeyId::ExtendSelect,
        key: "extend-select",
        kind: KeyKind::Selectors,
        top: true,
        in_override: true,
        doc: "Run these rules as well as the defaults.",
        example: "extend-select = [\"time-sensitive\"]",
    },
    ConfigKey {
        id: KeyId::Ignore,
        key: "ignore",
        kind: KeyKind::Selectors,
        top: true,
        in_override: true,
        doc: "Never run these rules.",
        example: "ignore = []",
    },
    ConfigKey {
        id: KeyId::ListingBudget,
        key: "listing-budget",
        kind: KeyKind::Count,
        top: true,
        in_override: false,
        doc: "Characters all skills' descriptions (plus when_to_use) may take together in Claude Code's listing. Applies to the whole run, so only at the top of the file.",
        example: "listing-budget = 8000",
    },
    ConfigKey {
        id: KeyId::Kind,
        key: "kind",
        kind: KeyKind::Kind,
        top: true,
        in_override: true,
        doc: "The kind of the skills it applies to (\"decision\", \"procedural\", \"reference\" or one declared under `kinds`), for those whose frontmatter declares no `metadata.kind`: their required sections are checked.",
        example: "kind = \"procedural\"",
    },
    ConfigKey {
        id: KeyId::Rules,
        key: "rules",
        kind: KeyKind::Rules,
        top: true,
        in_override: true,
        doc: "Per rule (by name or code) or group: a level (\"off\", \"info\", \"warning\", \"error\"), or a table of `level` and the rule's options.",
        example: "",
    },
    ConfigKey {
        id: KeyId::Kinds,
        key: "kinds",
        kind: KeyKind::Kinds,
        top: true,
        in_override: false,
        doc: "Kinds of skill beside the built-in decision, procedural and reference (a kind of the same name as procedural or reference replaces it): each `[kinds.NAME]` has an optional `doc` and `sections`, a list of required sections in the order they should appear. A section has a `title`, the other headings that count as it (`aliases`; case, punctuation and a leading number ignored, any heading level under the title) and optional constraints: `holds` (\"table\", \"list\", \"ordered-list\", \"code-block\"), `min-items` (at least that many entries of what it holds; without `holds`, subsections, else list items and table rows) and `before` (the title of a later section of the kind it must come before).",
        example: "[kinds.runbook]\ndoc = \"An operational procedure.\"\n\n[[kinds.runbook.sections]]\ntitle = \"When to use\"\naliases = [\"Use when\"]\nbefore = \"Steps\"\n\n[[kinds.runbook.sections]]\ntitle = \"Steps\"\naliases = [\"Procedure\"]\nholds = \"ordered-list\"\nmin-items = 2",
    },
    ConfigKey {
        id: KeyId::Overrides,
        key: "overrides",
        kind: KeyKind::Overrides,
        top: true,
        in_override: false,
        doc: "Different choices for some files: each `[[overrides]]` entry has `paths` (globs relative to this file's folder; a glob that names a skill folder applies to its SKILL.md) and any of target, kind, select, extend-select, ignore, rules.",
        example: "[[overrides]]\npaths = [\"skills/legacy/**\"]\nignore = [\"decision\"]",
    },
    ConfigKey {
        id: KeyId::Paths,
        key: "paths",
        kind: KeyKind::Globs,
        top: false,
        in_override: true,
        doc: "The files this override applies to: globs relative to the config's folder (`*` stays within one folder, `**` crosses folders).",
        example: "",
    },
];

/// The key named `key` that may be written at the top of a file.
pub fn top_key(key: &str) -> Option<&'static ConfigKey> {
    CONFIG_KEYS.iter().find(|k| k.top && k.key == key)
}

/// The key named `key` that may be written in an `[[overrides]]` entry.
pub fn override_key(key: &str) -> Option<&'static ConfigKey> {
    CONFIG_KEYS.iter().find(|k| k.in_override && k.key == key)
}

/// The names of the keys allowed at the top of a file.
pub fn top_names() -> Vec<&'static str> {
    CONFIG_KEYS.iter().filter(|k| k.top).map(|k| k.key).collect()
}

/// The names of the keys allowed in an `[[overrides]]` entry.
pub fn override_names() -> Vec<&'static str> {
    CONFIG_KEYS.iter().filter(|k| k.in_override).map(|k| k.key).collect()
}

/// The catalogue entry of `id`.
pub fn key(id: KeyId) -> &'static ConfigKey {
    CONFIG_KEYS.iter().find(|k| k.id == id).expect("every key id is in the catalogue")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_id_and_name_appears_once() {
        for (i, a) in CONFIG_KEYS.iter().enumerate() {
            for b in &CONFIG_KEYS[i + 1..] {
                assert_ne!(a.id, b.id);
                assert_ne!(a.key, b.key);
            }
            assert!(a.top || a.in_override, "{} is allowed nowhere", a.key);
            assert_eq!(key(a.id).key, a.key);
        }
    }
}
