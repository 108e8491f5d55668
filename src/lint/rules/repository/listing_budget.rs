use crate::activation::listing::{Fit, Listing, listings};
use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

declare_rule! {
    /// ## What it does
    /// Adds up the listing entries (description plus `when_to_use`, each cut at 1,536
    /// characters; skills with `disable-model-invocation: true` are not listed) of the skills
    /// one user loads together, per install unit (one project's skills, one plugin, one
    /// folder of skill folders), and warns when a unit's total is over the listing budget
    /// (8,000 characters by default, 1% of a 200,000-token window; option `listing-budget`),
    /// naming the largest entries. Reported once per unit, on its largest entry among the files linted. A
    /// marketplace of 40 plugins is 40 listings, not one. The listing is the one
    /// `skillsmith listing` prints.
    ///
    /// ## Why is this bad?
    /// Claude Code gives the whole skill listing a small share of the context window; past
    /// it, the descriptions of the least-used skills are dropped, and those skills stop
    /// triggering without any error. The skill still loads, so this is a warning.
    ///
    /// **Level.** Warning on `claude-code`: every skill loads, but the listing drops descriptions, so some
    /// stop triggering.
    ///
    /// ## Example
    /// 40 skills with 300-character descriptions (12,000 characters) against a budget of
    /// 8,000: shorten the largest descriptions first.
    pub struct ListingBudget {
        code: "SK601",
        name: "listing-budget",
        group: Repository,
        summary: "All descriptions together exceed the skill listing budget",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation",
    }
}

impl Rule for ListingBudget {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_all(&self, cx: &mut CrossChecker<'_>) {
        let entries = cx.skills.iter().map(|s| (s.placement.unit.clone(), s.entry.clone()));
        for listing in listings(entries, cx.options.listing_budget).into_iter().filter(Listing::over_budget) {
            let mut order: Vec<usize> = (0..listing.entries.len()).filter(|&i| !listing.entries[i].left_out).collect();
            order.sort_by(|&a, &b| {
                let size = |i: usize| listing.entries[i].listed_chars();
                size(b).cmp(&size(a)).then(a.cmp(&b))
            });
            let largest: Vec<String> = order
                .iter()
                .take(5)
                .map(|&i| format!("{} ({})", listing.entries[i].name, listing.entries[i].listed_chars()))
                .collect();
            let lost: Vec<&str> = listing
                .fit()
                .iter()
                .enumerate()
                .filter(|(_, fit)| matches!(fit, Fit::Shortened(_) | Fit::Dropped))
                .map(|(i, _)| listing.entries[i].name.as_str())
                .collect();
            // Reported on the largest entry that this run lints, so a pre-commit call sees it.
            let Some(at) = order.iter().map(|&i| listing.origin[i]).find(|&at| cx.skills[at].linted) else { continue };
            let span = cx.skills[at].description_span;
            let (count, label, total, budget) = (order.len(), listing.unit.label(), listing.total(), listing.budget);
            cx.report(
                at,
                span,
                format!(
                    "the {count} listed skills of {label} hold {total} characters of descriptions, over the listing budget of {budget}"
                ),
            )
            .help(format!(
                "in listing order, {} {} in part or whole (`skillsmith listing` shows how); \
                 the largest: {}; shorten them, or raise `listing-budget` if your context window is larger",
                lost.join(", "),
                if lost.len() == 1 { "loses its description" } else { "lose their descriptions" },
                largest.join(", ")
            ));
        }
    }
}
