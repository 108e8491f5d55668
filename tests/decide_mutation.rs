//! Mutation test of the shipped decision skill: every threshold of its spec (each number in a
//! criterion's or green light's check, a selection row's rule, a formula's `requires`, and
//! each band bound) is raised in the spec's text, one at a time, and at least one scenario
//! must then fail. This proves that the scenarios pin every threshold, rather than claiming it.

use std::path::Path;

use skillsmith::decide::scenario::Verdict;
use skillsmith::decide::suite::open;
use skillsmith::expr::{ExprKind, Token, parse, tokenize};
use skillsmith::generate::load::parse_spec;
use skillsmith::generate::spec::Spec;
use skillsmith::generate::templates::Templates;

const SHIPPED: &str = "skills/llmops-decision-framework";

/// The keys whose values hold thresholds.
const THRESHOLD_KEYS: [&str; 5] = ["check", "when", "requires", "below", "up-to"];

/// A threshold raised: twice its value, or 1 for 0.
fn raised(value: f64) -> f64 {
    if value == 0.0 { 1.0 } else { value * 2.0 }
}

/// Each mutant of the spec text: (where, what changed, the mutated text).
fn mutants(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_start().trim_start_matches("- ");
        let key = THRESHOLD_KEYS.iter().find(|k| body.starts_with(&format!("{k}: ")));
        if let Some(key) = key {
            let value_start = offset + line.len() - body.len() + key.len() + 2;
            let value = text[value_start..offset + line.len()].trim_end();
            for (span, token) in tokenize(value).unwrap_or_default() {
                let Token::Number(number) = token else { continue };
                let number = number.to_f64();
                let (start, end) = (value_start + span.start, value_start + span.end);
                let mutated = format!("{}{}{}", &text[..start], raised(number), &text[end..]);
                let what =
                    format!("line {}: `{value}` with {} raised to {}", index + 1, &text[start..end], raised(number));
                out.push((index + 1, what, mutated));
            }
        }
        offset += line.len();
    }
    out
}

/// The thresholds of a parsed spec, counted from its data (not its text).
fn thresholds(spec: &Spec) -> usize {
    let mut expressions: Vec<&str> = Vec::new();
    for criterion in spec.criteria.iter().flat_map(|p| &p.items) {
        expressions.extend(criterion.check.as_deref().map(String::as_str));
    }
    for selection in spec.selections.iter().flat_map(|p| &p.items) {
        expressions.extend(selection.rows.iter().filter_map(|r| r.when.as_deref().map(String::as_str)));
    }
    for light in spec.green_lights.iter().flat_map(|p| &p.items) {
        expressions.extend(light.check.as_deref().map(String::as_str));
    }
    for formula in spec.calculations.iter().flat_map(|c| &c.formulas) {
        expressions.extend(formula.requires.as_deref().map(String::as_str));
    }
    let mut count = 0;
    for text in expressions {
        parse(text).unwrap().walk(&mut |e| count += usize::from(matches!(e.kind, ExprKind::Number(_))));
    }
    let bands = spec.calculations.iter().flat_map(|c| &c.bands);
    count + bands.flat_map(|b| &b.rows).filter(|r| r.below.is_some() || r.up_to.is_some()).count()
}

#[test]
fn raising_any_threshold_makes_a_scenario_fail() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SHIPPED);
    let source = open(&dir.display().to_string()).unwrap();
    let templates = Templates::builtin();
    let spec = source.spec(&templates).unwrap();
    let baseline = source.run(&spec).unwrap();
    assert!(baseline.results.iter().all(|r| r.verdict == Verdict::Pass), "the unmutated skill must pass");

    let all = mutants(&source.spec_text);
    assert_eq!(all.len(), thresholds(&spec), "the text scan must find every threshold the spec holds");
    assert!(all.len() >= 16, "{} thresholds", all.len());
    let mut survivors = Vec::new();
    for (_, what, text) in &all {
        let mutated = parse_spec(text, &source.spec_name, &templates)
            .unwrap_or_else(|e| panic!("{what}: the mutant must stay a valid spec: {e}"));
        let results = source.run(&mutated).unwrap();
        let caught: Vec<&str> =
            results.results.iter().filter(|r| r.verdict.failed()).map(|r| r.label.as_str()).collect();
        if caught.is_empty() {
            survivors.push(what.clone());
        } else {
            eprintln!("{what}: caught by {}", caught.join(", "));
        }
    }
    assert!(survivors.is_empty(), "no scenario fails when these thresholds are raised:\n{}", survivors.join("\n"));
}
