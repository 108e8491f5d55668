//! Decision skills run as data: the shipped skill's scenarios pass and cover every branch of
//! its logic, the second (non-LLMOps) fixture skill runs through the same engine, and the
//! engine's edge cases (missing facts, division by zero, gaps) end in stated outcomes.

use std::collections::BTreeMap;
use std::path::Path;

use skillsmith::decide::decision::{CheckStatus, FormulaStatus, SelectionStatus};
use skillsmith::decide::scenario::{Verdict, read_facts, test_cases};
use skillsmith::decide::suite::{SkillSource, open};
use skillsmith::decide::{Decision, Logic, Statement};
use skillsmith::generate::load::{LoadError, parse_spec};
use skillsmith::generate::spec::{Outcome, Spec};
use skillsmith::generate::templates::Templates;

const SHIPPED: &str = "skills/llmops-decision-framework";
const CACHE: &str = "tests/fixtures/generate/decision/choosing-a-cache";

fn path(relative: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative).display().to_string()
}

fn source(relative: &str) -> (SkillSource, Spec) {
    let source = open(&path(relative)).unwrap();
    let spec = source.spec(&Templates::builtin()).unwrap_or_else(|e| panic!("{e}"));
    (source, spec)
}

/// Every scenario of the skill (test cases and files) with its decision.
fn decisions(relative: &str) -> Vec<(String, Decision)> {
    let (source, spec) = source(relative);
    let logic = Logic::new(&spec).unwrap();
    let mut scenarios = test_cases(&spec, "skill.yaml");
    for (label, text) in &source.scenario_files {
        let text = text.as_ref().unwrap();
        scenarios.push(skillsmith::decide::scenario::read_scenario(text, label, &spec).unwrap());
    }
    scenarios
        .iter()
        .map(|s| {
            let (facts, mut statements, gaps, errors) = read_facts(&spec, &s.facts, &s.label);
            assert!(gaps.is_empty() && errors.is_empty(), "{}: {gaps:?} {errors:?}", s.label);
            statements.extend(s.statements.iter().map(Statement::new));
            (s.label.clone(), logic.decide(&facts, &statements))
        })
        .collect()
}

#[test]
fn the_shipped_skill_passes_its_three_test_cases_and_at_least_ten_scenarios() {
    let (source, spec) = source(SHIPPED);
    let results = source.run(&spec).unwrap();
    let failed: Vec<_> = results.results.iter().filter(|r| r.verdict != Verdict::Pass).collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert_eq!(test_cases(&spec, "skill.yaml").len(), 3);
    assert!(source.scenario_files.len() >= 10, "{} scenario files", source.scenario_files.len());
}

#[test]
fn the_lessons_test_cases_expect_the_lessons_results() {
    let (_, spec) = source(SHIPPED);
    let cases = test_cases(&spec, "skill.yaml");
    let expect = |i: usize| cases[i].expect.as_ref().unwrap().value.clone();
    let one = expect(0);
    assert_eq!(one.outcome.and_then(|o| o.outcome()), Some(Outcome::Go));
    assert_eq!(one.selections["method"].value, "SFT");
    assert_eq!(one.selections["adapter"].value, "QLoRA");
    assert_eq!(one.selections["data_volume"].value, "1,000-2,000");
    assert!(one.figures["monthly_savings"].value > 0.0, "positive ROI");
    let two = expect(1);
    assert_eq!(two.outcome.and_then(|o| o.outcome()), Some(Outcome::NoGo));
    assert_eq!(two.red_flags.iter().map(|f| f.as_str()).collect::<Vec<_>>(), ["know-everything"]);
    assert!(two.mentions.contains(&"RAG".to_string()));
    let three = expect(2);
    assert_eq!(three.selections["method"].value, "SFT, then DPO");
    assert!(three.mentions.contains(&"evaluation rigor".to_string()));
}

#[test]
fn the_shipped_scenarios_cover_every_branch() {
    let (_, spec) = source(SHIPPED);
    let all = decisions(SHIPPED);
    // Each criterion fails on its own in some scenario.
    for criterion in spec.criteria.iter().flat_map(|p| &p.items) {
        let alone = all.iter().any(|(_, d)| {
            let failing: Vec<&str> =
                d.criteria.iter().filter(|c| c.status == CheckStatus::Fail).map(|c| c.name.as_str()).collect();
            failing == [criterion.name.as_str()] && d.red_flags.is_empty()
        });
        assert!(alone, "no scenario fails the criterion {} alone", criterion.name);
    }
    // Each row of each selection table is chosen somewhere.
    for selection in spec.selections.iter().flat_map(|p| &p.items) {
        for answer in selection.answers() {
            let chosen = all.iter().any(|(_, d)| {
                d.selection(&selection.name)
                    .is_some_and(|s| s.status == SelectionStatus::Chosen && s.answer.as_deref() == Some(answer))
            });
            assert!(chosen, "no scenario reaches `{}` = {answer}", selection.name.value);
        }
    }
    // Each band's every row.
    for band in spec.calculations.iter().flat_map(|c| &c.bands) {
        for row in &band.rows {
            let hit =
                all.iter().any(|(_, d)| d.band(&band.name).is_some_and(|b| b.label.as_deref() == Some(&row.label)));
            assert!(hit, "no scenario falls in the `{}` band's {}", band.name.value, row.label);
        }
    }
    // Each red flag raised, alone.
    for flag in spec.red_flags.iter().flat_map(|p| &p.items) {
        let raised = all.iter().any(|(_, d)| d.red_flags.len() == 1 && d.red_flags[0].id == *flag.id);
        assert!(raised, "no scenario raises `{}` alone", flag.id.value);
    }
    // Each formula's `otherwise`.
    for formula in spec.calculations.iter().flat_map(|c| &c.formulas).filter(|f| f.otherwise.is_some()) {
        let stated =
            all.iter().any(|(_, d)| d.formula(&formula.name).is_some_and(|f| f.status == FormulaStatus::Otherwise));
        assert!(stated, "no scenario reaches the `otherwise` of `{}`", formula.name.value);
    }
    // And each outcome.
    for outcome in [Outcome::Go, Outcome::Revisit, Outcome::NoGo] {
        assert!(all.iter().any(|(_, d)| d.outcome == Some(outcome)), "{outcome:?}");
    }
}

#[test]
fn a_second_decision_skill_runs_through_the_same_engine() {
    let (source, spec) = source(CACHE);
    assert_eq!(spec.name(), "choosing-a-cache");
    let results = source.run(&spec).unwrap();
    assert_eq!(results.results.len(), 5);
    assert!(results.results.iter().all(|r| r.verdict == Verdict::Pass), "{:#?}", results.results);
    let use_case = std::fs::read_to_string(path("tests/fixtures/use-cases/cache-proposal.yaml")).unwrap();
    let read = skillsmith::decide::use_case::read_use_case(&use_case, &spec).unwrap();
    let decision = Logic::new(&spec).unwrap().decide(&read.facts, &read.statements);
    assert_eq!(decision.outcome, Some(Outcome::Revisit), "the red flag in its summary");
    assert_eq!(decision.red_flags[0].place.as_deref(), Some("summary, line 2"));
    assert_eq!(decision.selection("placement").unwrap().answer.as_deref(), Some("Shared cache (Redis or memcached)"));
}

/// A small spec to probe the engine: one criterion, a selection without a fallback row, a
/// formula guarded by `requires`, a band.
const PROBE: &str = r#"spec-version: 1
template: probe
frontmatter:
  name: probe
  description: Probes the engine. Use in tests.
title: Probe
facts:
  items:
    - {name: size, type: number, unit: items, question: How many?}
    - {name: kind, type: one-of, options: [small, large], question: Which kind?}
    - {name: low, type: number, question: Low}
    - {name: high, type: number, question: High}
criteria:
  items:
    - {name: Enough, question: Enough?, check: size >= 10, red-flag: Too few., if-not: Add more, outcome: revisit}
selections:
  items:
    - name: box
      title: Which box
      columns: [Kind, Box]
      result: Box
      rows:
        - {when: kind == "small", cells: [Small, Bag]}
        - {when: size > 1000, cells: [Huge, Crate]}
calculations:
  formulas:
    - name: ratio
      title: Ratio
      expr: size / (high - low)
      requires: high >= low
      otherwise: no ratio without a spread
      outcome: no-go
  bands:
    - name: spread
      title: Spread
      value: ratio
      rows:
        - {below: 1, label: Thin, meaning: thin}
        - {label: Wide, meaning: wide}
"#;

/// Templates with a custom `probe` template (a custom template may lay out every part).
fn probe_templates() -> (tempfile::TempDir, Templates) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("probe.md.j2"), "# {{ title }}\n").unwrap();
    let templates = Templates::with_dir(dir.path()).unwrap();
    (dir, templates)
}

fn probe() -> Spec {
    let (_dir, templates) = probe_templates();
    parse_spec(PROBE, "probe.yaml", &templates).unwrap_or_else(|e| panic!("{e}"))
}

/// An exact whole number as a fact's value.
fn num(value: i64) -> skillsmith::expr::Value {
    skillsmith::expr::Value::Number(skillsmith::expr::Number::integer(value))
}

fn decide(spec: &Spec, facts: &[(&str, skillsmith::expr::Value)]) -> Decision {
    let facts: BTreeMap<String, skillsmith::expr::Value> =
        facts.iter().map(|(n, v)| (n.to_string(), v.clone())).collect();
    Logic::new(spec).unwrap().decide(&facts, &[])
}

#[test]
fn division_by_zero_and_a_failed_requires_give_the_stated_outcome() {
    use skillsmith::expr::Value::Text;
    let spec = probe();
    let base = [("size", num(50)), ("kind", Text("small".into()))];
    // high == low: `requires` holds, the division is by zero: the spec's otherwise applies.
    let d = decide(&spec, &[base[0].clone(), base[1].clone(), ("low", num(3)), ("high", num(3))]);
    let ratio = d.formula("ratio").unwrap();
    assert_eq!(ratio.status, FormulaStatus::Otherwise);
    assert!(ratio.note.as_deref().unwrap().contains("division by zero"), "{:?}", ratio.note);
    assert_eq!(ratio.value, None, "never NaN or infinity");
    assert_eq!(d.outcome, Some(Outcome::NoGo));
    assert!(d.reasons.iter().any(|r| r.text.contains("no ratio without a spread")));
    // high < low: `requires` fails.
    let d = decide(&spec, &[base[0].clone(), base[1].clone(), ("low", num(5)), ("high", num(3))]);
    assert!(d.formula("ratio").unwrap().note.as_deref().unwrap().contains("`high >= low` does not hold: 3 >= 5"));
    assert_eq!(d.band("spread").unwrap().label, None);
    // A sound spread: computed and banded.
    let d = decide(&spec, &[base[0].clone(), base[1].clone(), ("low", num(0)), ("high", num(100))]);
    assert_eq!(d.formula("ratio").unwrap().value, Some(0.5));
    assert_eq!(d.formula("ratio").unwrap().arithmetic.as_deref(), Some("50 / (100 - 0)"));
    assert_eq!(d.band("spread").unwrap().label.as_deref(), Some("Thin"));
    assert_eq!(d.outcome, Some(Outcome::Go));
}

#[test]
fn missing_facts_leave_the_outcome_open_and_named() {
    use skillsmith::expr::Value::Text;
    let spec = probe();
    let d = decide(&spec, &[("kind", Text("large".into()))]);
    assert_eq!(d.outcome, None);
    assert_eq!(d.missing, ["size"]);
    let band = d.band("spread").unwrap();
    assert_eq!(band.missing, ["high", "low", "size"], "a missing formula is reported by the facts it lacks");
    assert_eq!(d.selection("box").unwrap().status, SelectionStatus::Unknown);
}

#[test]
fn facts_that_reach_no_row_are_a_gap_in_the_skill() {
    use skillsmith::expr::Value::Text;
    let spec = probe();
    let d = decide(&spec, &[("size", num(50)), ("kind", Text("large".into()))]);
    assert_eq!(d.selection("box").unwrap().status, SelectionStatus::Gap);
    assert_eq!(d.gaps, ["`box` (Which box): no row matches kind = \"large\", size = 50"]);
}

#[test]
fn a_formula_dividing_by_a_variable_must_state_its_otherwise() {
    let text = PROBE
        .replace("      requires: high >= low\n      otherwise: no ratio without a spread\n      outcome: no-go\n", "");
    let (_dir, templates) = probe_templates();
    let Err(LoadError::Invalid { errors, .. }) = parse_spec(&text, "probe.yaml", &templates) else { panic!() };
    let error = errors.iter().find(|e| e.message.contains("divides by a value that can be zero")).unwrap();
    assert_eq!(error.line, text.lines().position(|l| l.contains("expr: size / (high - low)")).unwrap() + 1);
}
