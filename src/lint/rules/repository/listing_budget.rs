use std::collections::BTreeMap;

use crate::declare_rule;
use crate::discover::InstallUnit;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

declare_rule! {
    /// ## What it does
    /// Adds up the listing entries (description plus `when_to_use`) of the skills one user
    /// loads together, per install unit (one project's skills, one plugin, one folder of
    /// skill folders), and warns when a unit's total is over the listing budget (8,000
    /// characters by default; option `listing-budget`), naming the largest entries. Reported
    /// once per unit, on its largest entry among the files linted. A marketplace of 40 plugins is 40 listings, not one.
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
        let budget = cx.options.listing_budget;
        let mut by_unit: BTreeMap<&InstallUnit, Vec<usize>> = BTreeMap::new();
        for (index, skill) in cx.skills.iter().enumerate() {
            by_unit.entry(skill.placement.unit.as_ref()).or_default().push(index);
        }
        let mut over: Vec<(Vec<usize>, String, usize)> = Vec::new();
        for (unit, members) in by_unit {
            let total: usize = members.iter().map(|&i| cx.skills[i].listing_chars).sum();
            if total > budget {
                over.push((members, unit.label(), total));
            }
        }
        for (mut order, label, total) in over {
            order.sort_by(|&a, &b| cx.skills[b].listing_chars.cmp(&cx.skills[a].listing_chars).then(a.cmp(&b)));
            let largest: Vec<String> = order
                .iter()
                .take(5)
                .map(|&i| {
                    format!(
                        "{} ({})",
                        cx.skills[i]
                            .name
                            .as_ref()
                            .map_or_else(|| cx.skills[i].path.display().to_string(), |(n, _)| n.clone()),
                        cx.skills[i].listing_chars
                    )
                })
                .collect();
            // Reported on the largest entry that this run lints, so a pre-commit call sees it.
            let Some(&at) = order.iter().find(|&&i| cx.skills[i].linted) else { continue };
            let span = cx.skills[at].description_span;
            let count = order.len();
            cx.report(
                at,
                span,
                format!(
                    "the {count} skills of {label} hold {total} characters of descriptions, over the listing budget of {budget}"
                ),
            )
            .help(format!(
                "the largest: {}; shorten them, or raise `listing-budget` if your context window is larger",
                largest.join(", ")
            ));
        }
    }
}
