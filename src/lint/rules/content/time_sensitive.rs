use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::scan::prose_matches;
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports statements that go stale with time: "as of 2024", "as of today", "at the time
    /// of writing", "the latest version is 4.2" (stating what is latest; "upgrade to the
    /// latest version" is fine), "new in 2025", "until March 2026", "this year".
    /// Code is not looked at. Off by default; enable it with
    /// `--extend-select time-sensitive` (its findings are then infos).
    ///
    /// ## Why is this bad?
    /// A skill is used long after it is written. "The latest version is 3.2" becomes wrong
    /// without anyone noticing; state the version the advice was checked against, or put old
    /// behaviour in a clearly marked "Old patterns" section.
    ///
    /// **Level.** Off by default; a warning when selected: the skill loads, but the statement goes stale.
    ///
    /// ## Example
    /// "As of 2024, use the v2 API" becomes "Use the v2 API (the v1 API was retired in
    /// August 2025)".
    pub struct TimeSensitive {
        code: "SK702",
        name: "time-sensitive",
        group: Content,
        summary: "A statement that goes stale with time (\"as of 2024\", \"the latest version\")",
        levels: Levels::all(Level::Off),
        fixable: No,
        source: "Anthropic skill authoring best practices",
        enabled: Level::Info,
    }
}

static TIME_SENSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    let month = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
    Regex::new(&format!(
        r"(?ix)
        (?-u:\b)as\ of\ (?:(?:early|mid|late|{month}|q[1-4])[\s-]+)?(?:19|20)\d\d(?-u:\b)
        | (?-u:\b)as\ of\ (?:today|now|this\ writing|writing)(?-u:\b)
        | (?-u:\b)at\ the\ time\ of\ (?:this\ )?writing(?-u:\b)
        | (?-u:\b)the\ (?:latest|newest|current)\ (?:stable\ )?(?:version|release|model)s?\ (?:is|are)(?-u:\b)
        | (?-u:\b)(?:latest|newest|current)\ (?:stable\ )?(?:version|release)s?\W{{0,4}}v?\d
        | (?-u:\b)v?\d+(?:\.\d+)+\ (?:is|was)\ the\ (?:latest|newest|current)(?-u:\b)
        | (?-u:\b)(?:new|released|introduced|added|deprecated|removed)\ in\ (?:{month}\ )?(?:19|20)\d\d(?-u:\b)
        | (?-u:\b)(?:until|before|after|since|by)\ (?:{month}\ )(?:19|20)\d\d(?-u:\b)
        | (?-u:\b)in\ (?:early|mid|late)[\s-](?:19|20)\d\d(?-u:\b)
        | (?-u:\b)(?:this|next|last)\ (?:year|quarter)(?-u:\b)
        "
    ))
    .expect("valid pattern")
});

/// Every time-sensitive phrase in `text`.
#[cfg(test)]
fn phrases(text: &str) -> Vec<&str> {
    TIME_SENSITIVE.find_iter(text).map(|m| m.as_str()).collect()
}

impl Rule for TimeSensitive {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for span in prose_matches(cx.skill, &TIME_SENSITIVE) {
            if cx.skill.body.on_heading(span) {
                continue;
            }
            let phrase = span.text(cx.text()).replace('*', "");
            cx.report(span, format!("\"{phrase}\" will go stale"))
                .help("state the version or date the advice was checked against, without \"latest\" or \"as of\"");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::phrases;

    #[test]
    fn finds_statements_that_go_stale() {
        assert_eq!(phrases("As of 2024, use v2."), ["As of 2024"]);
        assert_eq!(phrases("The latest version is 3.2."), ["The latest version is"]);
        assert_eq!(phrases("4.9.3 is the latest"), ["4.9.3 is the latest"]);
        assert_eq!(phrases("**Latest Version**: 4.9.3"), ["Latest Version**: 4"]);
        assert!(phrases("To upgrade to the latest version: run `pip install -U x`").is_empty());
        assert!(phrases("To upgrade to the latest version, run pip.").is_empty());
        assert!(phrases("I've opened the latest version in your browser.").is_empty());
    }
}
