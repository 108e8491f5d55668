//! Running queries against listings: which skill each query activates, whether that is what
//! it expected, and per skill how often its queries find it (recall) and how often what it
//! wins was meant for it (precision).

use serde::Serialize;

use super::index::{Index, Model};
use super::listing::{Fit, Listing, ListingEntry};
use super::queries::{Expectation, Query};

/// A skill by its listing and entry index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SkillRef {
    /// Index into the listings.
    pub listing: usize,
    /// Index into that listing's entries.
    pub entry: usize,
}

/// An index over some listed skills.
#[derive(Clone, Debug)]
struct Pool {
    skills: Vec<SkillRef>,
    index: Index,
}

/// The listings and their indexes, ready to answer queries.
#[derive(Clone, Debug)]
pub struct Activation {
    listings: Vec<Listing>,
    /// One pool per listing, then (with several listings) one over all of them.
    pools: Vec<Pool>,
}

/// One candidate of a ranking.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    /// The skill's name.
    pub skill: String,
    /// Its score, rounded to 3 decimals.
    pub score: f64,
    /// The query's words it matched.
    pub matched: Vec<String>,
}

/// What one query did.
#[derive(Clone, Debug)]
pub struct QueryResult {
    /// The query.
    pub query: Query,
    /// The skill activated, if any.
    pub predicted: Option<SkillRef>,
    /// The best candidates, best first (at most [`TOP`]).
    pub ranked: Vec<(SkillRef, Candidate)>,
    /// True when the expectation was met (always, when none was stated).
    pub met: bool,
}

/// How many candidates a result keeps.
pub const TOP: usize = 3;

/// One skill's figures over the queries run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkillStats {
    /// The skill's name.
    pub name: String,
    /// Queries that expected it.
    pub queries: usize,
    /// Of those, the share that activated it; `None` without any.
    pub recall: Option<f64>,
    /// Of the queries that activated it, the share that expected it (a `should_trigger:
    /// false` query of another skill's file counts as not expecting it); `None` when it was
    /// never activated.
    pub precision: Option<f64>,
}

/// The results of a run of queries.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Per query, in the order given.
    pub results: Vec<QueryResult>,
    /// Per skill that was expected or activated by a query stating an expectation, in
    /// listing order.
    pub skills: Vec<SkillStats>,
}

impl Outcome {
    /// Queries with a stated expectation, and how many of them were met.
    pub fn accuracy(&self) -> (usize, usize) {
        let stated: Vec<&QueryResult> =
            self.results.iter().filter(|r| r.query.expect != Expectation::Unstated).collect();
        (stated.iter().filter(|r| r.met).count(), stated.len())
    }

    /// True when every expectation was met.
    pub fn all_met(&self) -> bool {
        self.results.iter().all(|r| r.met)
    }
}

impl Activation {
    /// Indexes `listings` with `model`. What each listing holds for the model is what its
    /// budget leaves: the listed (possibly cut) text, a shortened one, or the name alone
    /// when the description is dropped; skills left out are not indexed.
    pub fn new(listings: Vec<Listing>, model: Model) -> Activation {
        let mut per_listing: Vec<Vec<(SkillRef, String, String)>> = Vec::new();
        for (l, listing) in listings.iter().enumerate() {
            let mut docs = Vec::new();
            for (e, (entry, fit)) in listing.entries.iter().zip(listing.fit()).enumerate() {
                let text = match fit {
                    Fit::Listed => entry.listed_text().to_string(),
                    Fit::Shortened(chars) => entry.listed_text().chars().take(chars).collect(),
                    Fit::Dropped => String::new(),
                    Fit::LeftOut => continue,
                };
                docs.push((SkillRef { listing: l, entry: e }, entry.name.clone(), text));
            }
            per_listing.push(docs);
        }
        let pool_of = |docs: Vec<&(SkillRef, String, String)>| Pool {
            skills: docs.iter().map(|d| d.0).collect(),
            index: Index::new(docs.iter().map(|d| (d.1.as_str(), d.2.as_str())), model),
        };
        let mut pools: Vec<Pool> = per_listing.iter().map(|docs| pool_of(docs.iter().collect())).collect();
        if listings.len() > 1 {
            pools.push(pool_of(per_listing.iter().flatten().collect()));
        }
        Activation { listings, pools }
    }

    /// The listings.
    pub fn listings(&self) -> &[Listing] {
        &self.listings
    }

    /// The entry `skill` refers to.
    pub fn entry(&self, skill: SkillRef) -> &ListingEntry {
        &self.listings[skill.listing].entries[skill.entry]
    }

    /// True when some listed skill answers to `name` (its name, or its invocation without
    /// the slash).
    pub fn knows(&self, name: &str) -> bool {
        self.listings.iter().flat_map(|l| &l.entries).any(|e| answers_to(e, name))
    }

    fn pool(&self, query: &Query) -> &Pool {
        match query.pool {
            Some(listing) => &self.pools[listing],
            None => self.pools.last().expect("one pool per listing"),
        }
    }

    /// Ranks one query.
    pub fn run_one(&self, query: &Query) -> QueryResult {
        let pool = self.pool(query);
        let ranking = pool.index.rank(&query.text);
        let threshold = pool.index.model().threshold;
        let predicted = ranking.first().filter(|r| r.score >= threshold).map(|r| pool.skills[r.doc]);
        let ranked = ranking
            .into_iter()
            .take(TOP)
            .map(|r| {
                let skill = pool.skills[r.doc];
                let score = (r.score * 1000.0).round() / 1000.0;
                (skill, Candidate { skill: self.entry(skill).name.clone(), score, matched: r.matched })
            })
            .collect();
        let predicted_entry = predicted.map(|p| self.entry(p));
        let met = match &query.expect {
            Expectation::Skill(name) => predicted_entry.is_some_and(|e| answers_to(e, name)),
            Expectation::Nothing => predicted.is_none(),
            Expectation::Not(name) => !predicted_entry.is_some_and(|e| answers_to(e, name)),
            Expectation::Unstated => true,
        };
        QueryResult { query: query.clone(), predicted, ranked, met }
    }

    /// Runs `queries` and sums up per skill.
    pub fn run(&self, queries: &[Query]) -> Outcome {
        let results: Vec<QueryResult> = queries.iter().map(|q| self.run_one(q)).collect();
        let mut skills = Vec::new();
        for (l, listing) in self.listings.iter().enumerate() {
            for (e, entry) in listing.entries.iter().enumerate() {
                let me = SkillRef { listing: l, entry: e };
                let expects =
                    |r: &QueryResult| matches!(&r.query.expect, Expectation::Skill(n) if answers_to(entry, n));
                let expected = results.iter().filter(|r| expects(r)).count();
                let won: Vec<&QueryResult> = results
                    .iter()
                    .filter(|r| r.predicted == Some(me) && r.query.expect != Expectation::Unstated)
                    .collect();
                if expected == 0 && won.is_empty() {
                    continue;
                }
                let hits = won.iter().filter(|r| expects(r)).count();
                let share = |part: usize, whole: usize| (whole > 0).then(|| part as f64 / whole as f64);
                skills.push(SkillStats {
                    name: entry.name.clone(),
                    queries: expected,
                    recall: share(hits, expected),
                    precision: share(hits, won.len()),
                });
            }
        }
        Outcome { results, skills }
    }
}

/// True when `entry` is the skill called `name`.
fn answers_to(entry: &ListingEntry, name: &str) -> bool {
    entry.name == name || entry.invocation.strip_prefix('/') == Some(name)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;
    use crate::activation::listing::listings;
    use crate::activation::queries::Source;
    use crate::discover::{InstallUnit, UnitKind};

    fn entry(name: &str, text: &str, left_out: bool) -> ListingEntry {
        ListingEntry {
            name: name.into(),
            invocation: format!("/{name}"),
            path: PathBuf::from(format!("{name}/SKILL.md")),
            text: text.into(),
            chars: text.chars().count(),
            left_out,
        }
    }

    fn activation(entries: Vec<ListingEntry>, model: Model) -> Activation {
        let unit = Arc::new(InstallUnit { kind: UnitKind::Collection, root: PathBuf::from("/s"), namespace: None });
        Activation::new(listings(entries.into_iter().map(|e| (unit.clone(), e)), 8_000), model)
    }

    fn query(text: &str, expect: Expectation) -> Query {
        Query { text: text.into(), expect, source: Source::Flag, pool: None }
    }

    fn skills() -> Vec<ListingEntry> {
        vec![
            entry("pdf-tools", "Extract text and tables from PDF files. Use when a PDF is attached.", false),
            entry("csv-tools", "Clean, join and dedupe CSV files. Use when the user has CSV exports.", false),
            entry("deploy", "Deploys the app to production servers.", true),
        ]
    }

    #[test]
    fn a_query_activates_the_best_skill_over_the_threshold() {
        let a = activation(skills(), Model::default());
        let result = a.run_one(&query("extract the tables from this pdf", Expectation::Skill("pdf-tools".into())));
        assert!(result.met);
        assert_eq!(result.predicted.map(|p| a.entry(p).name.as_str()), Some("pdf-tools"));
        let strict = activation(skills(), Model { threshold: 1_000.0, ..Model::default() });
        let result = strict.run_one(&query("extract the tables from this pdf", Expectation::Nothing));
        assert_eq!((result.predicted, result.met), (None, true));
        assert_eq!(result.ranked[0].1.skill, "pdf-tools", "candidates are shown even when none passes");
    }

    #[test]
    fn left_out_skills_are_never_activated() {
        let a = activation(skills(), Model::default());
        let result = a.run_one(&query("deploy the app to production servers", Expectation::Nothing));
        assert!(result.met, "{:?}", result.ranked);
        assert!(result.ranked.iter().all(|(_, c)| c.skill != "deploy"));
    }

    #[test]
    fn recall_precision_and_accuracy() {
        let a = activation(skills(), Model::default());
        let outcome = a.run(&[
            query("tables in a pdf", Expectation::Skill("pdf-tools".into())),
            query("dedupe my csv exports", Expectation::Skill("csv-tools".into())),
            query("join these csv files", Expectation::Skill("pdf-tools".into())),
            query("bake bread", Expectation::Nothing),
            query("csv exports", Expectation::Not("csv-tools".into())),
        ]);
        assert_eq!(outcome.accuracy(), (3, 5));
        assert!(!outcome.all_met());
        let pdf = outcome.skills.iter().find(|s| s.name == "pdf-tools").unwrap();
        assert_eq!((pdf.queries, pdf.recall, pdf.precision), (2, Some(0.5), Some(1.0)));
        let csv = outcome.skills.iter().find(|s| s.name == "csv-tools").unwrap();
        assert_eq!((csv.queries, csv.recall, csv.precision), (1, Some(1.0), Some(1.0 / 3.0)));
    }
}
