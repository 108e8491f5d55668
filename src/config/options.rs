//! The rule options a config may set under `[rules.NAME]`, with where they live in
//! [`RuleOptions`].

use crate::lint::RuleOptions;

/// One option of one rule.
pub struct RuleOption {
    /// The rule's name.
    pub rule: &'static str,
    /// The key under `[rules.NAME]`.
    pub key: &'static str,
    /// What it sets, for `skillsmith config` and the README.
    pub doc: &'static str,
    /// Reads the value.
    pub get: fn(&RuleOptions) -> usize,
    /// Sets the value.
    pub set: fn(&mut RuleOptions, usize),
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
        get: |o| o.max_lines,
        set: |o, v| o.max_lines = v,
    },
    RuleOption {
        rule: "body-too-long",
        key: "max-tokens",
        doc: "estimated body tokens (characters / 4) before the rule warns",
        get: |o| o.max_tokens,
        set: |o, v| o.max_tokens = v,
    },
    RuleOption {
        rule: "reference-without-toc",
        key: "min-lines",
        doc: "lines of a referenced file from which a table of contents is expected",
        get: |o| o.toc_min_lines,
        set: |o, v| o.toc_min_lines = v,
    },
];

/// The options of the rule named `rule`.
pub fn options_of(rule: &str) -> impl Iterator<Item = &'static RuleOption> + '_ {
    RULE_OPTIONS.iter().filter(move |o| o.rule == rule)
}
