use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// On Claude Code, reports a skill whose `description` plus `when_to_use` is over 1,536
    /// characters.
    ///
    /// ## Why is this bad?
    /// Claude Code cuts each skill's listing entry (description and `when_to_use`) at 1,536
    /// characters: whatever comes after the cut, often the trigger phrases at the end, is
    /// never seen by the model.
    ///
    /// **Level.** Warning on `claude-code`: the skill loads, but the listing loses the end of its trigger
    /// text.
    ///
    /// ## Example
    /// A 1,000-character description with a 700-character `when_to_use`: the last 164
    /// characters are dropped. Shorten either.
    pub struct ListingEntryTooLong {
        code: "SK109",
        name: "listing-entry-too-long",
        group: Frontmatter,
        summary: "description + when_to_use is over 1,536 characters (cut in Claude Code's listing)",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation",
    }
}

/// Claude Code's cut of a listing entry, in characters.
pub const LISTING_ENTRY_LIMIT: usize = 1536;

impl Rule for ListingEntryTooLong {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let fm = &cx.skill.frontmatter;
        let description = fm.description();
        let when = fm.str_field("when_to_use");
        let total = description.map_or(0, |d| d.value.chars().count()) + when.map_or(0, |w| w.value.chars().count());
        if total <= LISTING_ENTRY_LIMIT {
            return;
        }
        let Some(at) = when.or(description) else { return };
        cx.report(at.key_span, format!("description and when_to_use hold {total} characters; Claude Code's listing cuts them at {LISTING_ENTRY_LIMIT}"))
            .help(format!("the last {} characters are never shown to the model; shorten them", total - LISTING_ENTRY_LIMIT));
    }
}
