use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::{Span, SpanIndex};

declare_rule! {
    /// ## What it does
    /// Reports strings shaped like credentials anywhere in the file, code blocks included:
    /// private keys (`-----BEGIN ... PRIVATE KEY-----` followed by key data), AWS access
    /// keys (`AKIA...`), Anthropic and OpenAI keys (`sk-ant-...`, `sk-...`), GitHub tokens
    /// (`ghp_...`, `github_pat_...`), Slack tokens (`xox?-...`), Google API keys (`AIza...`),
    /// Stripe live keys and GitLab tokens. Values that look made up (`EXAMPLE`, `xxxx`,
    /// `your...`, runs of one character, too little variety) are skipped.
    ///
    /// ## Why is this bad?
    /// A skill is shared: in a repository, a plugin, an upload. A real key in it is leaked
    /// to everyone who installs the skill. Revoke it, then read it from the environment.
    ///
    /// **Level.** Error on every target: a secret leaks to everyone who installs the skill.
    ///
    /// ## Example
    /// `export ANTHROPIC_API_KEY=sk-ant-api03-...` with a real key: write
    /// `export ANTHROPIC_API_KEY="$ANTHROPIC_API_KEY"` and explain where the key comes from.
    pub struct Secret {
        code: "SK701",
        name: "secret",
        group: Content,
        summary: "A string shaped like an API key, token or private key",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "skillsmith (secret scanning)",
    }
}

/// Credential shapes: (what, pattern).
static SHAPES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    [
        ("a private key", r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----\r?\n[A-Za-z0-9+/=]{40,}"),
        ("an AWS access key", r"(?-u:\b)(?:AKIA|ASIA)[0-9A-Z]{16}(?-u:\b)"),
        ("an Anthropic API key", r"(?-u:\b)sk-ant-[A-Za-z0-9_-]{32,}"),
        ("an OpenAI API key", r"(?-u:\b)sk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{32,}"),
        ("a GitHub token", r"(?-u:\b)(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})(?-u:\b)"),
        ("a Slack token", r"(?-u:\b)xox[baprs]-[0-9]{8,}-[A-Za-z0-9-]{8,}"),
        ("a Google API key", r"(?-u:\b)AIza[0-9A-Za-z_-]{35}(?-u:\b)"),
        ("a Stripe live key", r"(?-u:\b)(?:sk|rk)_live_[0-9a-zA-Z]{24,}(?-u:\b)"),
        ("a GitLab token", r"(?-u:\b)glpat-[0-9A-Za-z_-]{20,}(?-u:\b)"),
    ]
    .into_iter()
    .map(|(what, pattern)| (what, Regex::new(pattern).expect("valid pattern")))
    .collect()
});

/// Fragments that mark a value as made up.
const FAKE_MARKERS: &[&str] = &[
    "example",
    "xxxx",
    "your",
    "dummy",
    "fake",
    "sample",
    "placeholder",
    "redacted",
    "test",
    "1234567890",
    "abcdef",
    "...",
];

/// Shannon entropy of `text` in bits per character.
fn entropy(text: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    for c in text.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    let len = text.chars().count() as f64;
    counts.values().map(|&n| n as f64 / len).map(|p| -p * p.log2()).sum()
}

/// True when `value` looks like a real credential rather than an illustration.
pub fn looks_real(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if FAKE_MARKERS.iter().any(|m| lower.contains(m)) {
        return false;
    }
    let key_part = value.rsplit(['-', '_', '\n']).find(|p| p.len() >= 16).unwrap_or(value);
    let max_run = key_part.as_bytes().chunk_by(|a, b| a == b).map(<[u8]>::len).max().unwrap_or(0);
    max_run < 5 && entropy(key_part) >= 3.5
}

/// Every credential-shaped string in `text`: (what, byte range).
pub fn secrets(text: &str) -> Vec<(&'static str, std::ops::Range<usize>)> {
    let mut out: Vec<(&'static str, std::ops::Range<usize>)> = Vec::new();
    for (what, pattern) in SHAPES.iter() {
        // What the shapes before found (one shape's own matches never overlap each other).
        let taken = SpanIndex::new(out.iter().map(|(_, r)| Span::new(r.start, r.end)));
        for m in pattern.find_iter(text) {
            let overlaps = taken.overlaps(Span::new(m.start(), m.end()));
            if !overlaps && looks_real(m.as_str()) {
                out.push((what, m.range()));
            }
        }
    }
    out.sort_by_key(|(_, r)| r.start);
    out
}

impl Rule for Secret {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for (what, range) in secrets(cx.text()) {
            let line = cx.line_at(range.start);
            let span = Span::new(range.start, range.end.min(line.end as usize).max(range.start));
            cx.report(span, format!("this looks like {what}"))
                .help("if it is real, revoke it now; then read it from the environment instead of the skill");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_real_looking_keys_only() {
        let real = "key: sk-ant-api03-Zq8Xv2LpR7mN4kT9wB3yH6jD1fG5sA0cE8uI2oP7rQ4tY";
        assert_eq!(secrets(real).len(), 1);
        assert!(secrets("sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").is_empty());
        assert!(secrets("AKIAIOSFODNN7EXAMPLE").is_empty());
        assert_eq!(secrets("AKIAZ3QWX7PLM2RT9KVB").len(), 1);
        assert!(secrets("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----").is_empty());
    }
}
