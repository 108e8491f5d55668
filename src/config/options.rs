//! The rule options a config may set under `[rules.NAME]`, with where they live in
//! [`RuleOptions`].

use crate::lint::RuleOptions;

/// The value of a rule option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionValue {
    /// A whole number.
    Count(usize),
    /// A list of strings.
    Texts(Vec<String>),
}

impl std::fmt::Display for OptionValue {
    /// As TOML: `300`, `["a", "b"]`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionValue::Count(n) => write!(f, "{n}"),
            OptionValue::Texts(items) => {
                let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
                write!(f, "[{}]", quoted.join(", "))
            }
        }
    }
}

/// One option of one rule.
pub struct RuleOption {
    /// The rule's name.
    pub rule: &'static str,
    /// The key under `[rules.NAME]`.
    pub key: &'static str,
    /// What it sets, for `skillsmith config` and the README.
    pub doc: &'static str,
    /// Reads the value.
    pub get: fn(&RuleOptions) -> OptionValue,
    /// Sets the value (one of the kind `get` gives; another kind is ignored).
    pub set: fn(&mut RuleOptions, OptionValue),
}

impl std::fmt::Debug for RuleOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.rule, self.key)
    }
}

/// Every rule option.
pub const RULE_OPTIONS: &[RuleOption] = &[
    RuleOption {
        rule: "body-too-long",
        key: "max-lines",
        doc: "body lines before the rule warns",
        get: |o| OptionValue::Count(o.max_lines),
        set: |o, v| {
            if let OptionValue::Count(n) = v {
                o.max_lines = n
            }
        },
    },
    RuleOption {
        rule: "body-too-long",
        key: "max-tokens",
        doc: "estimated body tokens (characters / 4) before the rule warns",
        get: |o| OptionValue::Count(o.max_tokens),
        set: |o, v| {
            if let OptionValue::Count(n) = v {
                o.max_tokens = n
            }
        },
    },
    RuleOption {
        rule: "reference-without-toc",
        key: "min-lines",
        doc: "lines of a referenced file from which a table of contents is expected",
        get: |o| OptionValue::Count(o.toc_min_lines),
        set: |o, v| {
            if let OptionValue::Count(n) = v {
                o.toc_min_lines = n
            }
        },
    },
    RuleOption {
        rule: "load-time-command-risk",
        key: "allow",
        doc: "load-time commands trusted as written (a trailing `*` allows every command starting so)",
        get: |o| OptionValue::Texts(o.allowed_load_commands.clone()),
        set: |o, v| {
            if let OptionValue::Texts(items) = v {
                o.allowed_load_commands = items
            }
        },
    },
];

/// The options of the rule named `rule`.
pub fn options_of(rule: &str) -> impl Iterator<Item = &'static RuleOption> + '_ {
    RULE_OPTIONS.iter().filter(move |o| o.rule == rule)
}
