//! From paths on disk to listings and queries: discover the skills, place each in its
//! install unit, read the queries of each skill's `evals/eval_queries.json` and of a
//! queries file.

use std::path::{Path, PathBuf};

use crate::discover::{self, UnitResolver};
use crate::lint::read_skill;
use crate::skill::ParseLimits;

use super::listing::{Listing, ListingEntry, listings};
use super::queries::{EVAL_QUERIES, Query, from_eval_file, from_queries_file, parse_eval_queries, parse_queries_file};

/// Listings read from disk, and what could not be read.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// One listing per install unit found.
    pub listings: Vec<Listing>,
    /// Paths that could not be read or modelled, one message each.
    pub problems: Vec<String>,
}

/// Discovers the skills under `paths` and builds one listing per install unit, each held to
/// `budget` characters.
pub fn load(paths: &[PathBuf], budget: usize) -> Loaded {
    let found = discover::discover(paths);
    let mut problems: Vec<String> = found.problems.into_iter().map(|p| p.message).collect();
    let units = UnitResolver::new();
    let mut entries = Vec::with_capacity(found.files.len());
    for candidate in &found.files {
        match read_skill(candidate, ParseLimits::default()) {
            Ok(skill) => {
                let placement = units.place(&skill.path);
                let entry = ListingEntry::of(&skill, &placement);
                entries.push((placement.unit, entry));
            }
            Err(message) => problems.push(message),
        }
    }
    Loaded { listings: listings(entries, budget), problems }
}

/// The queries of every listed skill's `evals/eval_queries.json`, each run against its
/// skill's listing; a file that does not parse is a problem naming it and the line.
pub fn eval_queries(listings: &[Listing]) -> (Vec<Query>, Vec<String>) {
    let mut queries = Vec::new();
    let mut problems = Vec::new();
    for (index, listing) in listings.iter().enumerate() {
        for entry in &listing.entries {
            let path = entry.path.parent().unwrap_or(Path::new("")).join(EVAL_QUERIES);
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            match parse_eval_queries(&text) {
                Ok(found) => queries.extend(from_eval_file(&path, &entry.name, index, found)),
                Err(err) => problems.push(format!("{}: {err}", path.display())),
            }
        }
    }
    (queries, problems)
}

/// The queries of a repository's queries file.
pub fn queries_file(path: &Path) -> Result<Vec<Query>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("cannot read `{}`: {}", path.display(), discover::describe(&err)))?;
    let found = parse_queries_file(&text).map_err(|err| format!("{}: {err}", path.display()))?;
    Ok(from_queries_file(path, found))
}
