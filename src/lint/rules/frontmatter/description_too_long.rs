use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a `description` longer than 1,024 characters.
    ///
    /// ## Why is this bad?
    /// The specification and the API cap descriptions at 1,024 characters, and every
    /// description is loaded for every skill at start-up, so length costs context in every
    /// conversation. Move detail into the body.
    ///
    /// **Level.** Error on `spec` and `api`, which refuse it; a warning on `claude-code`, which loads it
    /// but cuts it in the listing.
    ///
    /// ## Example
    /// A description that lists every feature: keep what it does and when to use it, and
    /// move the feature list into the body.
    pub struct DescriptionTooLong {
        code: "SK108",
        name: "description-too-long",
        group: Frontmatter,
        summary: "The description is over 1,024 characters",
        levels: Levels { spec: Level::Error, claude_code: Level::Warning, api: Level::Error },
        fixable: No,
        source: "Agent Skills specification",
    }
}

/// The specification's limit on `description`, in characters.
pub const DESCRIPTION_LIMIT: usize = 1024;

impl Rule for DescriptionTooLong {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(description) = cx.skill.frontmatter.description() else { return };
        let length = description.value.chars().count();
        if length > DESCRIPTION_LIMIT {
            cx.report(
                description.key_span,
                format!("the description is {length} characters long; the limit is {DESCRIPTION_LIMIT}"),
            )
            .help("keep what the skill does and when to use it; move details into the body");
        }
    }
}
