//! `skillsmith activation` at scale: load every skill under DIR (the corpus holds 516),
//! index their listings, and rank 1,000 queries made from their own words (deterministic),
//! timing each step. With `--similarities`, prints instead the most similar listing entries
//! of each install unit, the figures the `competing-skills` threshold was measured on.
//!
//! Run: `cargo bench --bench activation -- ../shared/corpus [--queries N] [--similarities]`

use std::path::PathBuf;
use std::time::Instant;

use skillsmith::activation::listing::DEFAULT_BUDGET;
use skillsmith::activation::load::load;
use skillsmith::activation::queries::{Expectation, Query, Source};
use skillsmith::activation::similarity::competing;
use skillsmith::activation::terms::words;
use skillsmith::activation::{Activation, Model};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: activation DIR [--queries N] [--similarities]");
        std::process::exit(2);
    };
    let count: usize = args
        .iter()
        .position(|a| a == "--queries")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000);

    let start = Instant::now();
    let loaded = load(&[PathBuf::from(dir)], DEFAULT_BUDGET);
    let skills: usize = loaded.listings.iter().map(|l| l.entries.len()).sum();
    let loading = start.elapsed();

    if args.iter().any(|a| a == "--similarities") {
        for listing in &loaded.listings {
            let listed: Vec<_> = listing.entries.iter().filter(|e| !e.left_out).collect();
            let entries: Vec<(&str, &str)> = listed.iter().map(|e| (e.name.as_str(), e.listed_text())).collect();
            for pair in competing(&entries, 0.3) {
                println!(
                    "{:.3}\t{}\t{}\t{}\t{}",
                    pair.similarity,
                    listing.unit.label(),
                    listed[pair.a].name,
                    listed[pair.b].name,
                    pair.shared.join(",")
                );
            }
        }
        return;
    }

    let vocabulary: Vec<String> = loaded
        .listings
        .iter()
        .flat_map(|l| &l.entries)
        .flat_map(|e| words(&e.text).map(|(_, w)| w.to_lowercase()).collect::<Vec<_>>())
        .collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let queries: Vec<Query> = (0..count)
        .map(|_| {
            let len = 4 + (next() % 8) as usize;
            let text: Vec<&str> =
                (0..len).map(|_| vocabulary[(next() % vocabulary.len().max(1) as u64) as usize].as_str()).collect();
            Query { text: text.join(" "), expect: Expectation::Unstated, source: Source::Flag, pool: None }
        })
        .collect();

    let start = Instant::now();
    let activation = Activation::new(loaded.listings, Model::default());
    let indexing = start.elapsed();
    let start = Instant::now();
    let outcome = activation.run(&queries);
    let ranking = start.elapsed();
    let activated = outcome.results.iter().filter(|r| r.predicted.is_some()).count();
    println!(
        "activation: {skills} skills, {count} queries ({activated} activate a skill): load {:.3} s, index {:.3} s, rank {:.3} s, total {:.3} s",
        loading.as_secs_f64(),
        indexing.as_secs_f64(),
        ranking.as_secs_f64(),
        (loading + indexing + ranking).as_secs_f64()
    );
}
