//! The text of `skillsmith test`: one line per scenario, the expected and actual values side
//! by side for a scenario that did not pass (for every one with `verbose`), what the skill
//! does not answer, and the final count.

use std::fmt::Write as _;

use super::scenario::{Comparison, ScenarioResult, Verdict};
use super::suite::SkillResults;

/// The final line: exactly `N passed, M failed`.
pub fn summary_line(passed: usize, failed: usize) -> String {
    format!("{passed} passed, {failed} failed")
}

/// (passed, failed) among `results`; skipped scenarios count in neither.
pub fn counts(results: &[ScenarioResult]) -> (usize, usize) {
    let passed = results.iter().filter(|r| r.verdict == Verdict::Pass).count();
    let failed = results.iter().filter(|r| r.verdict.failed()).count();
    (passed, failed)
}

/// The report of one skill's scenarios.
pub fn skill_text(skill: &SkillResults, verbose: bool) -> String {
    let mut out = String::new();
    let (passed, failed) = counts(&skill.results);
    let _ = writeln!(out, "{}: {} scenarios ({passed} passed, {failed} failed)", skill.shown, skill.results.len());
    for result in &skill.results {
        let word = match result.verdict {
            Verdict::Pass => "PASS ",
            Verdict::Fail => "FAIL ",
            Verdict::Gap => "GAP  ",
            Verdict::Error => "ERROR",
            Verdict::Skip => "SKIP ",
        };
        let title = if result.title.is_empty() { String::new() } else { format!(": {}", result.title) };
        let _ = writeln!(out, "  {word} {}{title}", result.label);
        if result.verdict == Verdict::Skip {
            let _ = writeln!(out, "        no `expect`: nothing to compare");
        }
        for error in &result.errors {
            let _ = writeln!(out, "        {error}");
        }
        for gap in &result.gaps {
            let _ = writeln!(out, "        the skill does not answer: {gap}");
        }
        if (verbose || result.verdict != Verdict::Pass) && !result.comparisons.is_empty() {
            out.push_str(&side_by_side(&result.comparisons, verbose));
        }
    }
    out
}

/// The comparisons as a table: a mark (`✓` agrees, `✗` differs), what, expected, actual;
/// with `verbose`, what decided each actual value under its row.
fn side_by_side(rows: &[Comparison], verbose: bool) -> String {
    let what = rows.iter().map(|r| r.what.chars().count()).max().unwrap_or(0).max("what".len());
    let expected = rows.iter().map(|r| r.expected.chars().count()).max().unwrap_or(0).max("expected".len());
    let mut out = String::new();
    let _ = writeln!(out, "          {:what$}  {:expected$}  actual", "what", "expected");
    for row in rows {
        let mark = if row.ok { '✓' } else { '✗' };
        let line = format!("        {mark} {:what$}  {:expected$}  {}", row.what, row.expected, row.actual);
        let _ = writeln!(out, "{}", line.trim_end());
        if let (true, Some(why)) = (verbose, &row.why) {
            let _ = writeln!(out, "            by {why}");
        }
    }
    out
}
