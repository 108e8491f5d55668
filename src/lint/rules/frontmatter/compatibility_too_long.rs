use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a `compatibility` value over 500 characters.
    ///
    /// ## Why is this bad?
    /// The specification caps it at 500 characters; the reference validator and the API
    /// reject longer ones. It should name environment needs (tools, network, packages), not
    /// document them.
    ///
    /// **Level.** Error on `spec` and `api`, which refuse it; a warning on `claude-code`, which loads it.
    ///
    /// ## Example
    /// `compatibility: Requires Python 3.10+ and network access to api.example.com`
    pub struct CompatibilityTooLong {
        code: "SK111",
        name: "compatibility-too-long",
        group: Frontmatter,
        summary: "compatibility is over 500 characters",
        levels: Levels { spec: Level::Error, claude_code: Level::Warning, api: Level::Error },
        fixable: No,
        source: "Agent Skills specification",
    }
}

/// The most characters `compatibility` may have.
pub const COMPATIBILITY_LIMIT: usize = 500;

impl Rule for CompatibilityTooLong {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(field) = cx.skill.frontmatter.str_field("compatibility") else { return };
        let length = field.value.chars().count();
        if length > COMPATIBILITY_LIMIT {
            cx.report(
                field.key_span,
                format!("compatibility is {length} characters long; the limit is {COMPATIBILITY_LIMIT}"),
            )
            .help("name the requirements briefly; explain them in the body");
        }
    }
}
