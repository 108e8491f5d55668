use crate::activation::similarity::{NEAR_IDENTICAL_THRESHOLD, near_identical};
use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

use super::by_unit;

declare_rule! {
    /// ## What it does
    /// Reports two skills of one install unit whose bodies are near-identical: at least 80%
    /// of their word 5-grams in common (estimated from a 64-bin MinHash signature of each
    /// body). Bodies under 80 words are not compared. Only skills whose bodies the run reads
    /// are compared (the linted files), not the frontmatter-only summaries of a unit's other
    /// skills.
    ///
    /// ## Why is this bad?
    /// A skill copied from a template and never made its own teaches the agent nothing the
    /// first one did not, doubles what a user maintains, and usually ships with a
    /// description that competes with the original. The skills still load, so a warning.
    ///
    /// **Level.** Warning: both skills load, but two near-identical bodies cost listing space and compete for the same requests.
    ///
    /// ## Example
    /// `deploy-staging/SKILL.md` and `deploy-prod/SKILL.md` with the same 300 words but one
    /// host name: make one skill that takes the environment as an argument.
    pub struct NearIdenticalBodies {
        code: "SK603",
        name: "near-identical-bodies",
        group: Repository,
        summary: "Two skills' bodies are near-identical (a template copy)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Anthropic skill authoring best practices (concise, one job per skill)",
    }
}

impl Rule for NearIdenticalBodies {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_all(&self, cx: &mut CrossChecker<'_>) {
        for members in by_unit(cx.skills) {
            let signed: Vec<(usize, &[u64])> =
                members.iter().filter_map(|&i| cx.skills[i].body_signature.as_deref().map(|s| (i, s))).collect();
            let mut found = Vec::new();
            let pairs = near_identical(&signed, NEAR_IDENTICAL_THRESHOLD, |i| cx.skills[i].linted);
            for (a, b, share) in pairs {
                found.push((a, b, share));
                found.push((b, a, share));
            }
            found.sort_by(|p, q| p.0.cmp(&q.0).then(p.1.cmp(&q.1)));
            for (me, other, share) in found {
                let theirs = &cx.skills[other];
                let message = format!(
                    "the body is near-identical to that of `{}` ({}): about {:.0}% of its word sequences in common",
                    theirs.entry.name,
                    theirs.path.display(),
                    share * 100.0
                );
                let span = cx.skills[me].description_span;
                cx.report(me, span, message)
                    .help("merge the two into one skill, or make each body about what only it does");
            }
        }
    }
}
