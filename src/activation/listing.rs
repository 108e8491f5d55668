//! The skill listing Claude Code shows the model: one entry per skill of an install unit
//! (description plus `when_to_use`, cut at 1,536 characters), skills with
//! `disable-model-invocation: true` left out, the whole held to a budget of 1% of the context
//! window. `skillsmith listing`, `skillsmith activation` and the listing-budget rule (SK601)
//! all read it from here.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::discover::{InstallUnit, Placement};
use crate::skill::Skill;

/// Claude Code's cut of one listing entry, in characters.
pub const ENTRY_LIMIT: usize = 1_536;

/// The context window assumed when none is given, in tokens.
pub const DEFAULT_CONTEXT_WINDOW: usize = 200_000;

/// Characters per token used to turn the token budget into characters (the rule of thumb of
/// [`crate::text::estimate_tokens`]).
pub const CHARS_PER_TOKEN: usize = 4;

/// The listing budget in characters for a context window of `tokens`: 1% of it.
pub const fn budget_for_context_window(tokens: usize) -> usize {
    tokens / 100 * CHARS_PER_TOKEN
}

/// The default listing budget: 1% of a 200,000-token window, 8,000 characters.
pub const DEFAULT_BUDGET: usize = budget_for_context_window(DEFAULT_CONTEXT_WINDOW);

/// One skill's entry in the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListingEntry {
    /// The skill's name: `name`, else its folder's name, else the file's path.
    pub name: String,
    /// How it is invoked (`/deploy`, `/docs:deploy`).
    pub invocation: String,
    /// The SKILL.md path as shown.
    pub path: PathBuf,
    /// Description, then `when_to_use` after a space, uncut.
    pub text: String,
    /// Characters of description plus `when_to_use` (the separator not counted).
    pub chars: usize,
    /// True when `disable-model-invocation: true` keeps it out of the listing.
    pub left_out: bool,
}

impl ListingEntry {
    /// The entry of `skill`, placed at `placement`.
    pub fn of(skill: &Skill, placement: &Placement) -> ListingEntry {
        let fm = &skill.frontmatter;
        let description = fm.description().map_or("", |d| d.value);
        let when = fm.str_field("when_to_use").map_or("", |w| w.value);
        let chars = description.chars().count() + when.chars().count();
        let text = match (description.is_empty(), when.is_empty()) {
            (_, true) => description.to_string(),
            (true, false) => when.to_string(),
            (false, false) => format!("{description} {when}"),
        };
        let name = fm
            .name()
            .map(|n| n.value.trim().to_string())
            .filter(|n| !n.is_empty())
            .or_else(|| skill.dir_name.clone())
            .unwrap_or_else(|| skill.path.display().to_string());
        ListingEntry {
            name,
            invocation: placement.invocation.clone(),
            path: skill.path.clone(),
            text,
            chars,
            left_out: fm.disables_model_invocation(),
        }
    }

    /// Characters the entry takes in the listing: at most [`ENTRY_LIMIT`], none when left out.
    pub fn listed_chars(&self) -> usize {
        if self.left_out { 0 } else { self.chars.min(ENTRY_LIMIT) }
    }

    /// Where Claude Code cuts it (`Some(ENTRY_LIMIT)`), if it is longer.
    pub fn cut_at(&self) -> Option<usize> {
        (self.chars > ENTRY_LIMIT).then_some(ENTRY_LIMIT)
    }

    /// The text the model sees: [`ListingEntry::text`] cut at [`ENTRY_LIMIT`] characters.
    pub fn listed_text(&self) -> &str {
        match self.text.char_indices().nth(ENTRY_LIMIT) {
            Some((at, _)) => &self.text[..at],
            None => &self.text,
        }
    }
}

/// What became of one entry once the listing is held to its budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Listed in full (or cut at [`ENTRY_LIMIT`] only).
    Listed,
    /// Over budget: shortened to this many characters.
    Shortened(usize),
    /// Over budget: its description dropped.
    Dropped,
    /// `disable-model-invocation: true`: never listed.
    LeftOut,
}

/// The listing of one install unit.
#[derive(Clone, Debug)]
pub struct Listing {
    /// The unit whose skills are listed together.
    pub unit: Arc<InstallUnit>,
    /// Its entries, ordered by invocation name (then path).
    pub entries: Vec<ListingEntry>,
    /// For each entry, its position in what [`listings`] was given.
    pub origin: Vec<usize>,
    /// The budget in characters.
    pub budget: usize,
}

impl Listing {
    /// Characters the listed entries take together.
    pub fn total(&self) -> usize {
        self.entries.iter().map(ListingEntry::listed_chars).sum()
    }

    /// True when the entries together are over the budget.
    pub fn over_budget(&self) -> bool {
        self.total() > self.budget
    }

    /// What becomes of each entry (same order as [`Listing::entries`]). Claude Code drops the
    /// descriptions of the least-used skills first; offline there is no usage history, so the
    /// listing order stands in for it: entries are kept in order while they fit, the first
    /// that does not is shortened to the room left, and the rest are dropped.
    pub fn fit(&self) -> Vec<Fit> {
        let mut room = self.budget;
        let mut out = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            let chars = entry.listed_chars();
            let fit = if entry.left_out {
                Fit::LeftOut
            } else if chars <= room {
                room -= chars;
                Fit::Listed
            } else if room > 0 {
                let kept = room;
                room = 0;
                Fit::Shortened(kept)
            } else {
                Fit::Dropped
            };
            out.push(fit);
        }
        out
    }
}

/// Groups entries by install unit into listings held to `budget`, units in their order.
pub fn listings(entries: impl IntoIterator<Item = (Arc<InstallUnit>, ListingEntry)>, budget: usize) -> Vec<Listing> {
    let mut by_unit: BTreeMap<Arc<InstallUnit>, Vec<(usize, ListingEntry)>> = BTreeMap::new();
    for (origin, (unit, entry)) in entries.into_iter().enumerate() {
        by_unit.entry(unit).or_default().push((origin, entry));
    }
    by_unit
        .into_iter()
        .map(|(unit, mut members)| {
            members.sort_by(|(_, a), (_, b)| a.invocation.cmp(&b.invocation).then_with(|| a.path.cmp(&b.path)));
            let (origin, entries) = members.into_iter().unzip();
            Listing { unit, entries, origin, budget }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::UnitKind;

    fn entry(name: &str, chars: usize, left_out: bool) -> ListingEntry {
        ListingEntry {
            name: name.to_string(),
            invocation: format!("/{name}"),
            path: PathBuf::from(format!("{name}/SKILL.md")),
            text: "x".repeat(chars),
            chars,
            left_out,
        }
    }

    fn listing(entries: Vec<ListingEntry>, budget: usize) -> Listing {
        let unit = Arc::new(InstallUnit { kind: UnitKind::Collection, root: PathBuf::from("/s"), namespace: None });
        listings(entries.into_iter().map(|e| (unit.clone(), e)), budget).remove(0)
    }

    #[test]
    fn the_default_budget_is_one_percent_of_the_window() {
        assert_eq!(DEFAULT_BUDGET, 8_000);
        assert_eq!(budget_for_context_window(1_000_000), 40_000);
    }

    #[test]
    fn entries_are_cut_at_the_limit() {
        let long = entry("long", 2_000, false);
        assert_eq!(long.listed_chars(), ENTRY_LIMIT);
        assert_eq!(long.cut_at(), Some(ENTRY_LIMIT));
        assert_eq!(long.listed_text().chars().count(), ENTRY_LIMIT);
        let short = entry("short", ENTRY_LIMIT, false);
        assert_eq!(short.cut_at(), None);
        assert_eq!(short.listed_text().len(), ENTRY_LIMIT);
    }

    #[test]
    fn left_out_entries_take_no_room() {
        let l = listing(vec![entry("a", 100, false), entry("b", 500, true)], 150);
        assert_eq!(l.total(), 100);
        assert!(!l.over_budget());
        assert_eq!(l.fit(), vec![Fit::Listed, Fit::LeftOut]);
    }

    #[test]
    fn overflow_shortens_one_entry_and_drops_the_rest() {
        let l = listing(vec![entry("c", 100, false), entry("a", 100, false), entry("b", 100, false)], 150);
        assert_eq!(l.entries.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(l.total(), 300);
        assert!(l.over_budget());
        assert_eq!(l.fit(), vec![Fit::Listed, Fit::Shortened(50), Fit::Dropped]);
        let exact = listing(vec![entry("a", 100, false), entry("b", 50, false), entry("c", 1, false)], 150);
        assert_eq!(exact.fit(), vec![Fit::Listed, Fit::Listed, Fit::Dropped]);
    }
}
